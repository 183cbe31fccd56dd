/**
 * 移送其他部门 in the demo (docs/rules.md §移送其他部门): on the two longest-filed open cases, a transfer to the 市住建局
 * signed for and waiting for its reply past its due date, and one to the 市市场监管局 waiting for its 签收 — so the dashboard's
 * list shows both.
 */
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { shanghaiDate, type IsoDate } from "../src/domain/dates.js";
import { loadCalendar } from "../src/models/calendar.js";
import { viewerOfUsername } from "../src/models/users.js";
import { findUnitByName } from "../src/models/units.js";
import { departmentTransfersSection } from "../src/sections/department-transfers.js";
import { recordSectionAction } from "../src/sections/section.js";

export function seedDemoTransfers(db: Db, now: Date, config: Config): void {
  const calendar = loadCalendar(db);
  const filed = db.$client
    .prepare(
      "select cases.id, cases.filed_on as filedOn, users.username as lead from cases join users on users.id = cases.lead_inspector_id where cases.state = 'filed' order by cases.filed_on, cases.id limit 2",
    )
    .all() as { id: number; filedOn: IsoDate; lead: string }[];
  const [send, receipt] = [departmentTransfersSection.action!, departmentTransfersSection.actions![0]!];
  const plans = [
    // Sent 12 working days ago: past the default 10-day reply period.
    {
      unit: "市住建局",
      matter: "总包单位未按规定开设农民工工资专用账户、未落实实名制管理，请依职责查处。",
      signedBy: "市住建局建筑市场监管处 刘某",
      daysAgo: 12,
    },
    { unit: "市市场监管局", matter: "用人单位营业执照已被吊销仍在经营，请依职责处理。", signedBy: null, daysAgo: 2 },
  ];
  filed.forEach((c, i) => {
    const plan = plans[i]!;
    const actor = viewerOfUsername(db, c.lead);
    let sentOn = shanghaiDate(now);
    for (let d = 0; d < plan.daysAgo; d++) sentOn = calendar.previousWorkingDay(sentOn);
    if (sentOn < c.filedOn) sentOn = c.filedOn;
    const version = () => db.$client.prepare("select version from cases where id = ?").pluck().get(c.id) as number;
    const body = {
      version: String(version()),
      unitId: String(findUnitByName(db, plan.unit)!.id),
      sentOn,
      matter: plan.matter,
      materials: "投诉登记表\n现场检查笔录\n工程施工合同及分包合同复印件",
    };
    recordSectionAction(db, send, { caseId: c.id, body, actor, now, config });
    if (!plan.signedBy) return;
    const transferId = db.$client.prepare("select max(id) from department_transfers where case_id = ?").pluck().get(c.id) as number;
    const signedOn = calendar.addWorkingDays(sentOn, 1).date;
    recordSectionAction(db, receipt, {
      caseId: c.id,
      body: { version: String(version()), transferId: String(transferId), receivedOn: signedOn, signedBy: plan.signedBy },
      actor,
      now,
      config,
    });
  });
}
