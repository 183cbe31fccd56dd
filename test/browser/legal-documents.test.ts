/**
 * The documents a lawyer signs (docs/rules.md §Documents), printed on A4: the 事先告知书, the
 * 行政处理决定书, the 限期改正指令书 and the 不予受理通知书, each with its basis, the issuing department and the remedies.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "../../src/domain/case-abilities.js";
import { limitationWarning } from "../../src/domain/legal-basis.js";
import { getCaseRow, transition } from "../../src/models/cases.js";
import { issuePriorNotice, recordStatement, servePriorNotice } from "../../src/models/prior-notices.js";
import { readConfig } from "../../src/config.js";
import { rejectComplaint } from "../../src/models/rejections.js";
import { enforceOrder, issueOrder, serveOrder } from "../../src/models/settlements.js";
import { issueDemand, recordReferralStep, serveDecision, serveDemand } from "../../src/models/decision-remedies.js";
import { issueNoticeMove } from "../../src/models/case-notices.js";
import { makeCase, userId, workerInput } from "../helpers.js";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const service = (servedOn: string) => ({
  method: "direct",
  servedOn,
  receiver: "王经理",
  witnesses: "",
  trackingNumber: "",
  consent: false,
  publishedOn: "",
  note: "",
});
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe("printed legal documents", () => {
  it("print the 事先告知书, the 行政处理决定书, the 限期改正指令书 and the 不予受理通知书 with basis, authority and remedies", async () => {
    const { db, clock, url } = env.server();
    const supervisor: Viewer = { id: userId(db, "supervisor1"), role: "supervisor", unitId: null, officeId: 1, cityWide: true };
    const version = (id: number) => getCaseRow(db, id).version;

    // A filed 农民工 case: an order left unpaid, then the 事先告知书 before a 加付赔偿金 order.
    const filed = makeCase(
      db,
      { receivedOn: "2026-11-02", workers: [workerInput(1), workerInput(2, { isRepresentative: false, claimedFen: 420000 })] },
      { now: at("2026-11-02") },
    );
    transition(db, { caseId: filed.id, move: "file", note: "", version: version(filed.id), actor: supervisor, now: at("2026-11-03") });
    const workers = db.$client.prepare("select id, claimed_fen from case_workers where case_id = ?").all(filed.id) as { id: number; claimed_fen: number }[];
    const orderId = issueOrder(db, {
      caseId: filed.id,
      version: version(filed.id),
      payBy: "2026-11-13",
      facts: "经查，你单位拖欠下列农民工 2026 年 3 月至 9 月的工资至今未支付。",
      violation: "migrantWorkers",
      amounts: workers.map((w) => ({ workerId: w.id, amountFen: w.claimed_fen })),
      numberPrefix: "长人社监令",
      actor: supervisor,
      now: at("2026-11-04"),
    });
    serveOrder(db, { caseId: filed.id, orderId, version: version(filed.id), input: service("2026-11-05"), actor: supervisor, now: at("2026-11-05") });
    const noticeId = issuePriorNotice(db, {
      caseId: filed.id,
      orderId,
      version: version(filed.id),
      input: { kind: "compensation", facts: "你单位逾期未支付上述工资。", grounds: "有工资表、考勤记录和询问笔录为证。", ratePercent: 80 },
      numberPrefix: "长人社监告",
      statementDays: 5,
      actor: supervisor,
      now: at("2026-11-16"),
    });
    servePriorNotice(db, { caseId: filed.id, noticeId, version: version(filed.id), input: service("2026-11-16"), actor: supervisor, now: at("2026-11-16") });
    // The statement period (5 working days) ends 11-23; the decision follows on 11-24.
    recordStatement(db, {
      caseId: filed.id,
      noticeId,
      version: version(filed.id),
      statement: "received",
      text: "资金紧张，请求宽限",
      review: "资金紧张不是拖欠工资的正当理由，不予采纳",
      actor: supervisor,
      now: at("2026-11-20"),
    });
    enforceOrder(db, {
      caseId: filed.id,
      orderId,
      version: version(filed.id),
      action: { kind: "compensation", ratePercent: 80, note: "" },
      decisionPrefix: "长人社监处",
      actor: supervisor,
      now: at("2026-11-24"),
    });
    const actionId = db.$client.prepare("select id from enforcement_actions").pluck().get() as number;
    // The same order referred to the police, with the 移送书's materials (docs/rules.md § The 移送书 to the police).
    enforceOrder(db, {
      caseId: filed.id,
      orderId,
      version: version(filed.id),
      action: { kind: "policeReferral", agency: "长春市公安局朝阳区分局", decidedOn: "2026-11-24", note: "" },
      decisionPrefix: "长人社监处",
      actor: supervisor,
      now: at("2026-11-24"),
    });
    const referralId = db.$client.prepare("select id from enforcement_actions where kind = 'policeReferral'").pluck().get() as number;
    recordReferralStep(db, {
      caseId: filed.id,
      actionId: referralId,
      version: version(filed.id),
      input: { step: "materials", materials: "涉嫌犯罪案件情况的调查报告\n限期改正指令书及送达回证\n工资表、考勤记录", date: "", answer: "" },
      numberPrefix: "长人社监刑移",
      actor: supervisor,
      now: at("2026-11-24"),
    });
    // Another department's matter sent to it with a numbered 移送书 (docs/rules.md § Notices and records after acceptance).
    const sent = makeCase(db, { receivedOn: "2026-11-02" }, { now: at("2026-11-02") });
    issueNoticeMove(db, {
      caseId: sent.id,
      move: "redirect",
      outcome: "referredToOtherDepartment",
      note: "投诉反映的无证施工问题属住房和城乡建设部门职责",
      addressee: "长春市住房和城乡建设局",
      version: version(sent.id),
      actor: supervisor,
      now: at("2026-11-03"),
      prefixes: readConfig({}).authority.caseNoticePrefixes,
    });

    // A complaint about arrears that ended more than 2 years before receipt, rejected on that ground.
    const late = makeCase(db, { receivedOn: "2026-11-02", arrearsEndedOn: "2024-06-30" }, { now: at("2026-11-02") });
    const reason = limitationWarning({ receivedOn: "2026-11-02", arrearsEndedOn: "2024-06-30", arrearsOngoing: false })!.reason;
    rejectComplaint(db, {
      caseId: late.id,
      note: reason,
      ground: "limitation",
      basisText: "",
      version: version(late.id),
      actor: supervisor,
      now: at("2026-11-04"),
      prefixes: readConfig({}).authority.caseNoticePrefixes,
    });

    clock.now = at("2026-11-25");
    const context = await env.browser().newContext({ locale: "zh-CN", viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    await signIn(page, url, "supervisor1");
    const documents = [
      {
        path: `/cases/${filed.id}/prior-notices/${noticeId}`,
        name: "print-prior-notice",
        says: ["劳动保障监察行政处理事先告知书", "第三条第一款", "第二十六条", "5 个工作日内", "按应付金额的 80%"],
      },
      {
        path: `/cases/${filed.id}/orders/${orderId}`,
        name: "print-order-basis",
        says: ["违反了《保障农民工工资支付条例》第三条第一款", "第十八条第一款第（二）项", "向长春市人民政府申请行政复议"],
      },
      {
        path: `/cases/${filed.id}/decisions/${actionId}`,
        name: "print-decision",
        says: [
          "劳动保障监察行政处理决定书",
          "长朝人社监处〔2026〕1号",
          "经复核：资金紧张不是拖欠工资的正当理由",
          "按应付金额的 80% 向劳动者加付赔偿金",
          "¥10,160.00",
          "自本决定书送达之日起十五日内",
          "申请人民法院强制执行",
          "以上事实有下列证据证明",
          "六个月内",
        ],
      },
      {
        path: `/cases/${late.id}/notices/rejection`,
        name: "print-rejection",
        says: ["长朝人社监不受〔2026〕1号", "2024年6月30日终了", "第二十条", "第十八条第二款", "六个月内"],
      },
      {
        path: `/cases/${sent.id}/notices/referral`,
        name: "print-referral",
        says: ["移送书", "长朝人社监移〔2026〕1号", "长春市住房和城乡建设局：", "第十八条第二款"],
      },
      {
        path: `/cases/${filed.id}/police-referrals/${referralId}`,
        name: "print-police-referral",
        says: ["涉嫌犯罪案件移送书", "长朝人社监刑移〔2026〕1号", "长春市公安局朝阳区分局：", "拒不支付劳动报酬罪", "国务院令第310号", "移送材料清单"],
      },
    ];
    for (const d of documents) {
      await page.goto(url + d.path);
      await page.emulateMedia({ media: "print" });
      const text = (await page.locator("article.doc").textContent()) ?? "";
      for (const words of d.says) expect(text, d.name).toContain(words);
      expect(text).toContain("长春市人力资源和社会保障局（印章）");
      expect(text).toMatch(/承办单位：\S+劳动保障监察(支队|大队)/);
      await screenshot(page, d.name);
      await page.pdf({ path: `${SCREENSHOTS}/${d.name}.pdf`, format: "A4" });
      await page.emulateMedia({ media: "screen" });
    }

    // The decision served, its remedy windows run out unperformed: the 催告书 and the 送达回证s of both (docs/rules.md
    // § Enforcement through the court). Served Wed 2026-11-25: 诉讼 to Tue 2027-05-25; the 催告 on 05-26, served 05-27.
    serveDecision(db, { caseId: filed.id, actionId, version: version(filed.id), input: service("2026-11-25"), actor: supervisor, now: at("2026-11-25") });
    issueDemand(db, { caseId: filed.id, actionId, version: version(filed.id), numberPrefix: "长人社监催", actor: supervisor, now: at("2027-05-26") });
    const demandId = db.$client.prepare("select id from demand_notices").pluck().get() as number;
    serveDemand(db, { caseId: filed.id, demandId, version: version(filed.id), input: service("2027-05-27"), actor: supervisor, now: at("2027-05-27") });
    const serviceId = (document: string) => db.$client.prepare("select id from document_services where document = ?").pluck().get(document) as number;
    clock.now = at("2027-05-27");
    await signIn(page, url, "supervisor1"); // half a year on, the session has long expired
    const served = [
      {
        path: `/cases/${filed.id}/demands/${demandId}`,
        name: "print-demand",
        says: ["催告书", "长朝人社监催〔2027〕1号", "于 2026年11月25日 送达你单位", "十日内", "有权进行陈述和申辩", "第五十三条、第五十四条"],
      },
      {
        path: `/cases/${filed.id}/demands/${demandId}/services/${serviceId("demandNotice")}`,
        name: "print-demand-service-receipt",
        says: ["送达回证", "《催告书》长朝人社监催〔2027〕1号", "直接送达"],
      },
      {
        path: `/cases/${filed.id}/decisions/${actionId}/services/${serviceId("enforcementDecision")}`,
        name: "print-decision-service-receipt",
        says: ["送达回证", "《行政处理决定书》长朝人社监处〔2026〕1号", "2026年11月25日"],
      },
    ];
    for (const d of served) {
      await page.goto(url + d.path);
      await page.emulateMedia({ media: "print" });
      const text = (await page.locator("article.doc").textContent()) ?? "";
      for (const words of d.says) expect(text, d.name).toContain(words);
      await screenshot(page, d.name);
      await page.pdf({ path: `${SCREENSHOTS}/${d.name}.pdf`, format: "A4" });
      await page.emulateMedia({ media: "screen" });
    }
    await context.close();
    // Eleven documents printed to PDF: generous on a loaded 2-core machine.
  }, 240_000);
});
