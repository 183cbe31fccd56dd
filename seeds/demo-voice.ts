/**
 * The workers' voice in the demo (docs/rules.md § 好差评, § 举报): ratings on a few closed cases (one 不满意 waiting for
 * its 回访), an anonymous online 举报 and a window 举报 with a (confidential) reporter, waiting for their 核查.
 */
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { rateCase } from "../src/models/ratings.js";
import { submitReport } from "../src/models/reports.js";
import type { RatingLevel } from "../src/domain/ratings.js";

export function seedDemoVoice(db: Db, now: Date, config: Pick<Config, "ratingChangeDays" | "followupWorkingDays" | "reportVerifyWorkingDays">): void {
  const closed = db.$client
    .prepare(
      "select case_number as caseNumber, query_code as queryCode from cases where state = 'closed' and (select count(*) from case_workers w where w.case_id = cases.id) = 1 order by id limit 3",
    )
    .all() as { caseNumber: string; queryCode: string }[];
  const levels: RatingLevel[] = ["dissatisfied", "verySatisfied", "satisfied"];
  closed.forEach((c, i) =>
    rateCase(db, {
      ...c,
      phone: "",
      input: { level: levels[i]!, reasons: i === 0 ? ["time", "attitude"] : [], comment: i === 0 ? "等了很久才有人联系我。" : "" },
      settings: { changeDays: config.ratingChangeDays, followupDays: config.followupWorkingDays },
      now,
    }),
  );
  const verifyDays = config.reportVerifyWorkingDays;
  submitReport(
    db,
    {
      channel: "online",
      employerName: "长春市某餐饮管理有限公司",
      employerAddress: "朝阳区西安大路 88 号",
      district: "朝阳区",
      whatSeen: "后厨十多名员工三个月没发工资，老板说年底再结。",
      reporterName: null,
      reporterContact: null,
    },
    { actorId: null, now, verifyDays },
  );
  submitReport(
    db,
    {
      channel: "window",
      employerName: "长春市某物业服务有限公司",
      employerAddress: "南关区人民大街 200 号",
      district: "南关区",
      whatSeen: "保洁员工资被扣押两个月，称离职才发。",
      reporterName: "刘某某",
      reporterContact: "0431-88886666",
    },
    { actorId: null, now, verifyDays },
  );
}
