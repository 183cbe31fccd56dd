/**
 * A 行政处理决定书 after it is made: its service on the employer through the service record, the 送达回证,
 * and the remedy windows that run from the service date (docs/rules.md § Remedies against a decision).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { figuresScope } from "../../src/models/offices.js";
import { periodStatistics } from "../../src/models/statistics.js";
import { loginAs, makeTestApp, workedCase, type Agent, type TestApp, handedOverForm, serveLatestOrder } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

async function on(date: string): Promise<Agent> {
  t.clock.now = new Date(`${date}T02:00:00Z`);
  return loginAs(t.app, "inspector1");
}
const ok = async (res: Promise<{ status: number; text: string }>) => {
  const r = await res;
  expect(r.status, r.text.slice(0, 300)).toBe(303);
};
const services = () =>
  t.db.$client.prepare("select * from document_services where document = 'enforcementDecision'").all() as { served_on: string; id: number }[];

/** A filed case with an order of 2026-11-23 to pay ¥8,500 by 11-30, left unpaid. */
async function unpaidOrderCase() {
  const c = await workedCase(t, { to: "filed" });
  await ok(
    (await on("2026-11-23"))
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy: "2026-11-30", violation: "general", facts: "经查，拖欠工资至今未付。", [`amount.${c.workers[0]!.id}`]: "8500" }),
  );
  return { ...c, orderId: await serveLatestOrder(t, await on("2026-11-23"), c, "2026-11-23") };
}

/** A filed case whose unpaid order led, after 陈述申辩, to a 行政处理决定 made on Wed 2026-12-09. */
async function decidedCase() {
  const c = await unpaidOrderCase();
  const { orderId } = c;
  let inspector = await on("2026-12-01");
  await ok(
    inspector
      .post(`/cases/${c.id}/orders/${orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "decision", facts: "逾期未支付", grounds: "工资表" }),
  );
  const noticeId = t.db.$client.prepare("select id from prior_notices").pluck().get() as number;
  await ok(
    inspector
      .post(`/cases/${c.id}/prior-notices/${noticeId}/service`)
      .type("form")
      .send({ version: c.version(), ...handedOverForm("2026-12-01") }),
  );
  inspector = await on("2026-12-09");
  await ok(inspector.post(`/cases/${c.id}/prior-notices/${noticeId}/statement`).type("form").send({ version: c.version(), statement: "none" }));
  await ok(
    inspector.post(`/cases/${c.id}/orders/${orderId}/enforce`).type("form").send({ version: c.version(), kind: "decision", note: "责令支付拖欠的工资" }),
  );
  const actionId = t.db.$client.prepare("select id from enforcement_actions").pluck().get() as number;
  return { ...c, actionId };
}

/** Records the service of the case's decision on the employer with the fields given. */
const serve = (agent: Agent, c: { id: number; actionId: number; version: () => number }, fields: Record<string, string>) =>
  agent
    .post(`/cases/${c.id}/decisions/${c.actionId}/service`)
    .type("form")
    .send({ version: c.version(), party: "employer", ...fields });

const remedyStatus = (page: string, key: string) => page.match(new RegExp(`data-remedy="${key}" data-remedy-status="(\\w+)"`))?.[1];

describe("service of the 行政处理决定书 and the remedy windows", () => {
  it("shows 待送达 and runs no remedy clock until the decision is served", async () => {
    const c = await decidedCase();
    const inspector = await on("2026-12-14");
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(remedyStatus(page, "reconsideration")).toBe("awaitingService");
    expect(remedyStatus(page, "lawsuit")).toBe("awaitingService");
    expect(page).toMatch(/申请行政复议：\s*<span class="status-paused">待送达<\/span>/);
    expect(page).toContain("行政处理决定书尚未登记送达");
    expect(page).toContain(`action="/cases/${c.id}/decisions/${c.actionId}/service"`);
  });

  it("refuses a service dated before the decision or without its receiver, saving nothing and keeping what was typed", async () => {
    const c = await decidedCase();
    const inspector = await on("2026-12-14");
    const early = await serve(inspector, c, { method: "direct", servedOn: "2026-12-08", receiver: "钱会计" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("送达日期不能早于文书的日期（2026-12-09）");
    expect(early.text).toContain('value="钱会计"');
    const noReceiver = await serve(inspector, c, { method: "direct", servedOn: "2026-12-10", receiver: "" });
    expect(noReceiver.text).toContain("直接送达须填写签收人");
    expect(services()).toHaveLength(0);
  });

  it("starts both windows from a service on a rest day, prints the 送达回证 and serves a decision once", async () => {
    const c = await decidedCase();
    const inspector = await on("2026-12-14");
    // Saturday 2026-12-12: 60 days on is Wed 2027-02-10; six months on is Sat 2027-06-12, so Mon 06-14.
    await ok(serve(inspector, c, { method: "leftAt", servedOn: "2026-12-12", receiver: "王经理", witnesses: "社区干部李某" }));
    expect(services().map((s) => s.served_on)).toEqual(["2026-12-12"]);
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(remedyStatus(page, "reconsideration")).toBe("open");
    expect(page).toMatch(/申请行政复议：\s*<span class="status-due">至 2027年2月10日[^<]*，还剩 59 日/);
    expect(page).toMatch(/提起行政诉讼：\s*<span class="status-due">至 2027年6月14日/);
    expect(page).not.toContain(`action="/cases/${c.id}/decisions/${c.actionId}/service"`);
    expect(page).toContain("行政处理决定书已送达（留置送达）");

    const receipt = await inspector.get(`/cases/${c.id}/decisions/${c.actionId}/services/${services()[0]!.id}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain("《行政处理决定书》长朝人社监处〔2026〕1号");
    expect(receipt.text).toContain("留置送达");
    expect(receipt.text).toContain("社区干部李某");
    expect((await inspector.get(`/cases/${c.id}/decisions/${c.actionId}/services/999`)).status).toBe(404);

    const again = await serve(inspector, c, { method: "direct", servedOn: "2026-12-14", receiver: "王经理" });
    expect(again.text).toContain("已登记过向");
    expect(services()).toHaveLength(1);

    // The day after the 60th day the 复议 window is closed; the 诉讼 window still runs.
    const later = (await (await on("2027-02-11")).get(`/cases/${c.id}`)).text;
    expect(remedyStatus(later, "reconsideration")).toBe("closed");
    expect(remedyStatus(later, "lawsuit")).toBe("open");
  });
});

/** The decision served on Mon 2026-12-14; a listing resting on its order and a published 重大违法 entry of the case. */
async function servedWithListingAndEntry() {
  const c = await decidedCase();
  const inspector = await on("2026-12-14");
  await ok(serve(inspector, c, { method: "direct", servedOn: "2026-12-14", receiver: "王经理" }));
  // Written directly: the blacklist and 重大违法 procedures have their own tests; here they are only what rests on the decision.
  const db = t.db.$client;
  const orderId = db.prepare("select order_id from enforcement_actions where id = ?").pluck().get(c.actionId);
  db.prepare(
    `insert into blacklist_proceedings (case_id, order_id, stage, employer_name, grounds, unpaid_fen, unpaid_workers, facts, proposed_on,
       decision_number, decision_on, term_starts_on, term_ends_on, updated_at)
     values (?, ?, 'listed', '测试公司', 'incident', 850000, 1, '逾期未付', '2026-12-10', '长人社监列〔2026〕1号', '2026-12-14', '2026-12-14', '2029-12-13', 0)`,
  ).run(c.id, orderId);
  const batchId = db
    .prepare("insert into violation_batches (title, kind, published_on, updated_at) values ('2026年第四季度', 'adhoc', '2026-12-14', 0)")
    .run().lastInsertRowid;
  db.prepare(
    "insert into violation_entries (batch_id, case_id, employer_name, facts, handling, updated_at) values (?, ?, '测试公司', '拖欠工资', '责令支付', 0)",
  ).run(batchId, c.id);
  return c;
}

const fileRemedy = (agent: Agent, c: { id: number; actionId: number; version: () => number }, fields: Record<string, string>) =>
  agent
    .post(`/cases/${c.id}/decisions/${c.actionId}/remedies`)
    .type("form")
    .send({ version: c.version(), kind: "reconsideration", body: "长春市人民政府", caseNumber: "长府复〔2027〕3号", ...fields });
const remedyRows = () => t.db.$client.prepare("select * from decision_remedies").all() as { id: number; outcome: string | null }[];

describe("复议 and 诉讼 recorded, and a decision revoked flowing back", () => {
  it("refuses a filing before the decision is served, naming the missing service", async () => {
    const c = await decidedCase();
    const refused = await fileRemedy(await on("2026-12-14"), c, { filedOn: "2026-12-14" });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("行政处理决定书尚未登记送达");
    expect(remedyRows()).toHaveLength(0);
  });

  it("refuses an outcome without its date, and an inspector's 撤销; a supervisor's 撤销 revokes the listing and withdraws the published entry", async () => {
    const c = await servedWithListingAndEntry();
    const inspector = await on("2027-01-05");
    await ok(fileRemedy(inspector, c, { filedOn: "2027-01-04" }));
    let page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-remedy-outcome="pending"');
    expect(page).toContain("向长春市人民政府提出（长府复〔2027〕3号）");
    const remedyId = remedyRows()[0]!.id;
    const outcome = (agent: Agent, fields: Record<string, string>) =>
      agent
        .post(`/cases/${c.id}/remedies/${remedyId}/outcome`)
        .type("form")
        .send({ version: c.version(), ...fields });

    const noDate = await outcome(inspector, { outcome: "upheld", outcomeOn: "" });
    expect(noDate.status).toBe(422);
    expect(noDate.text).toContain("请填写复议决定（判决）的日期");
    const byInspector = await outcome(inspector, { outcome: "revoked", outcomeOn: "2027-01-05", note: "认定事实不清" });
    expect(byInspector.text).toContain("须由科长登记");
    expect(remedyRows()[0]!.outcome).toBeNull();

    const supervisor = await loginAs(t.app, "supervisor1");
    await ok(outcome(supervisor, { outcome: "revoked", outcomeOn: "2027-01-05", note: "认定事实不清" }));
    const db = t.db.$client;
    expect(db.prepare("select stage, removal_kind, removal_reason from blacklist_proceedings").get()).toEqual({
      stage: "removed",
      removal_kind: "revoked",
      removal_reason: "长朝人社监处〔2026〕1号经行政复议（长府复〔2027〕3号）被撤销：认定事实不清",
    });
    expect(db.prepare("select withdrawn_on, withdrawn_reason from violation_entries").get()).toEqual({
      withdrawn_on: "2027-01-05",
      withdrawn_reason: "长朝人社监处〔2026〕1号经行政复议（长府复〔2027〕3号）被撤销：认定事实不清",
    });
    page = (await supervisor.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-remedy-outcome="revoked"');
    expect(page).toContain('data-decision-revoked="2027-01-05"');
    // A revoked decision is neither challenged again nor enforced: no second filing, no 催告 once the windows close.
    const again = await fileRemedy(supervisor, c, { kind: "lawsuit", body: "朝阳区人民法院", caseNumber: "（2027）吉0104行初6号", filedOn: "2027-01-05" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("已经复议（诉讼）撤销，不能再登记复议或诉讼");
    expect(remedyRows()).toHaveLength(1);
    const later = await on("2027-06-15");
    const demand = await later.post(`/cases/${c.id}/decisions/${c.actionId}/demand`).type("form").send({ version: c.version() });
    expect(demand.status).toBe(422);
    expect(demand.text).toContain("行政处理决定已经复议（诉讼）撤销，不能催告或申请强制执行");
    expect(t.db.$client.prepare("select count(*) from demand_notices").pluck().get()).toBe(0);
    // The supervisors' statistics count the decision overturned in January 2027, not in December.
    expect(
      periodStatistics(t.db, { kind: "month", from: "2027-01-01", to: "2027-01-31" }, figuresScope(t.db, null).officeIds, "全市").decisionsOverturned,
    ).toBe(1);
    expect(
      periodStatistics(t.db, { kind: "month", from: "2026-12-01", to: "2026-12-31" }, figuresScope(t.db, null).officeIds, "全市").decisionsOverturned,
    ).toBe(0);
  });

  it("leaves the listing and the entry alone when the decision is upheld", async () => {
    const c = await servedWithListingAndEntry();
    const inspector = await on("2027-01-05");
    await ok(fileRemedy(inspector, c, { kind: "lawsuit", body: "朝阳区人民法院", caseNumber: "（2027）吉0104行初5号", filedOn: "2027-01-05" }));
    await ok(
      inspector
        .post(`/cases/${c.id}/remedies/${remedyRows()[0]!.id}/outcome`)
        .type("form")
        .send({ version: c.version(), outcome: "upheld", outcomeOn: "2027-01-05" }),
    );
    expect(t.db.$client.prepare("select stage from blacklist_proceedings").pluck().get()).toBe("listed");
    expect(t.db.$client.prepare("select withdrawn_on from violation_entries").pluck().get()).toBeNull();
    // Once the windows close unperformed, the 催告书 names the lawsuit that upheld the decision.
    const later = await on("2027-06-15");
    await ok(later.post(`/cases/${c.id}/decisions/${c.actionId}/demand`).type("form").send({ version: c.version() }));
    const demandId = t.db.$client.prepare("select id from demand_notices").pluck().get() as number;
    const printed = (await later.get(`/cases/${c.id}/demands/${demandId}`)).text;
    expect(printed).toContain("你单位就该决定提起行政诉讼（（2027）吉0104行初5号），朝阳区人民法院于 2027年1月5日 作出结果：维持。");
    expect(printed).not.toContain("未申请行政复议");
  });
});

describe("催告 and the application to the court", () => {
  const court = (agent: Agent, c: { id: number; actionId: number; version: () => number }, appliedOn: string) =>
    agent
      .post(`/cases/${c.id}/decisions/${c.actionId}/court-application`)
      .type("form")
      .send({ version: c.version(), appliedOn, court: "长春市朝阳区人民法院" });

  it("refuses the court before the windows close and before 10 days after the 催告's service; then records the application and the ruling", async () => {
    const c = await decidedCase();
    let inspector = await on("2026-12-14");
    await ok(serve(inspector, c, { method: "direct", servedOn: "2026-12-14", receiver: "王经理" }));

    // 诉讼 window open to Mon 2027-06-14: no 催告, no court application.
    inspector = await on("2027-03-01");
    const early = await court(inspector, c, "2027-03-01");
    expect(early.status).toBe(422);
    expect(early.text).toContain("复议、诉讼期限至 2027-06-14 届满");
    expect(early.text).toContain("行政强制法第五十三条");
    const earlyDemand = await inspector.post(`/cases/${c.id}/decisions/${c.actionId}/demand`).type("form").send({ version: c.version() });
    expect(earlyDemand.text).toContain("行政强制法第五十三条");
    expect(t.db.$client.prepare("select count(*) from demand_notices").pluck().get()).toBe(0);
    // The supervisors' view shows the court clock only once the remedy windows have closed.
    const courtRow = async () => {
      const board = (await loginAs(t.app, "supervisor1").then((a) => a.get("/dashboard"))).text;
      const m = board.match(/<tr data-court-clock="[^"]+" data-court-status="(\w+)">([\s\S]*?)<\/tr>/);
      return m ? { status: m[1], text: m[2]! } : null;
    };
    expect(await courtRow()).toBeNull();

    inspector = await on("2027-06-15");
    let page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-court-window="2027-09-14"');
    let row = await courtRow();
    expect(row?.status).toBe("normal");
    expect(row?.text).toContain(`href="/cases/${c.id}#decision-${c.actionId}"`);
    expect(row?.text).toContain("应制作并送达催告书");
    expect(row?.text).toContain("至 2027年9月14日");
    expect((await court(inspector, c, "2027-06-15")).text).toContain("应当书面催告当事人履行义务（行政强制法第五十四条）");
    await ok(inspector.post(`/cases/${c.id}/decisions/${c.actionId}/demand`).type("form").send({ version: c.version() }));
    const demand = t.db.$client.prepare("select * from demand_notices").get() as { id: number; doc_number: string };
    expect(demand.doc_number).toBe("长朝人社监催〔2027〕1号");
    expect((await court(inspector, c, "2027-06-15")).text).toContain("催告书尚未登记送达");
    const printed = (await inspector.get(`/cases/${c.id}/demands/${demand.id}`)).text;
    expect(printed).toContain("长朝人社监催〔2027〕1号");
    expect(printed).toContain("你单位在法定期限内未申请行政复议，也未提起行政诉讼，至今未履行该决定");
    expect(printed).toContain("自收到本催告书之日起<strong>十日内</strong>履行");
    expect(printed).toContain("有权进行陈述和申辩");
    expect(printed).toContain("¥8,500.00");

    inspector = await on("2027-06-16");
    await ok(
      inspector
        .post(`/cases/${c.id}/demands/${demand.id}/service`)
        .type("form")
        .send({ version: c.version(), party: "employer", method: "post", servedOn: "2027-06-16", trackingNumber: "XA123456789CN" }),
    );
    page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-demand-runs-out="2027-06-29"');
    row = await courtRow();
    expect(row?.text).toContain("催告期内");
    expect(row?.text).toContain("2027年6月29日");

    // Day 10 after service is Saturday 06-26: the period ends Monday 06-28; the court may be applied to from 06-29.
    inspector = await on("2027-06-28");
    const tooSoon = await court(inspector, c, "2027-06-28");
    expect(tooSoon.text).toContain("十日后（2027-06-29 起）仍未履行的，才能申请强制执行（行政强制法第五十四条）");
    expect(t.db.$client.prepare("select count(*) from court_applications").pluck().get()).toBe(0);

    inspector = await on("2027-06-29");
    expect((await courtRow())?.text).toContain("可以申请强制执行");
    await ok(court(inspector, c, "2027-06-29"));
    expect(await courtRow()).toBeNull();
    const applicationId = t.db.$client.prepare("select id from court_applications").pluck().get() as number;
    inspector = await on("2027-07-20");
    const result = (fields: Record<string, string>) =>
      inspector
        .post(`/cases/${c.id}/court-applications/${applicationId}/result`)
        .type("form")
        .send({ version: c.version(), ...fields });
    expect((await result({ result: "granted", resultOn: "" })).text).toContain("请填写裁定日期");
    await ok(result({ result: "granted", resultOn: "2027-07-19", executed: "8500" }));
    page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toMatch(/已于 2027年6月29日 向长春市朝阳区人民法院申请强制执行：裁定准予执行（2027年7月19日），执行到位 ¥8,500.00/);
  });
});

describe("移送公安 followed to the police's answer", () => {
  /** A filed case whose unpaid order was referred to the police on Tue 2026-12-01. */
  async function referredCase() {
    const c = await unpaidOrderCase();
    const inspector = await on("2026-12-01");
    await ok(
      inspector
        .post(`/cases/${c.id}/orders/${c.orderId}/enforce`)
        .type("form")
        .send({ version: c.version(), kind: "policeReferral", agency: "朝阳区公安分局", decidedOn: "2026-12-01", note: "" }),
    );
    const actionId = t.db.$client.prepare("select id from enforcement_actions where case_id = ?").pluck().get(c.id) as number;
    const step = (agent: Agent, fields: Record<string, string>) =>
      agent
        .post(`/cases/${c.id}/police-referrals/${actionId}`)
        .type("form")
        .send({ version: c.version(), ...fields });
    return { ...c, actionId, step };
  }
  const referral = () => t.db.$client.prepare("select * from police_referrals").get() as Record<string, unknown> | undefined;

  it("records the materials, the receipt and a 不予立案, then takes a 复议 request only within 3 days; the case stays open", async () => {
    const c = await referredCase();
    let inspector = await on("2026-12-01");
    expect((await c.step(inspector, { step: "materials", materials: "  " })).text).toContain("请逐行列出随移送书移送的材料");
    expect(referral()).toBeUndefined();
    await ok(c.step(inspector, { step: "materials", materials: "涉嫌犯罪案件情况的调查报告\n工资表" }));
    inspector = await on("2026-12-02");
    expect((await c.step(inspector, { step: "answer", answer: "filed", date: "2026-12-02" })).text).toContain("请按顺序登记");
    await ok(c.step(inspector, { step: "receipt", date: "2026-12-02" }));
    inspector = await on("2026-12-04");
    await ok(c.step(inspector, { step: "answer", answer: "notFiled", date: "2026-12-04" }));
    inspector = await on("2026-12-08");
    const late = await c.step(inspector, { step: "review", date: "2026-12-08" });
    expect(late.text).toContain("3 日内（至 2026-12-07）");
    await ok(c.step(inspector, { step: "review", date: "2026-12-07" }));
    expect(referral()).toMatchObject({
      materials: "涉嫌犯罪案件情况的调查报告\n工资表",
      received_on: "2026-12-02",
      answer: "notFiled",
      review_requested_on: "2026-12-07",
    });
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain("移送书 长朝人社监刑移〔2026〕1号所附材料：涉嫌犯罪案件情况的调查报告；工资表");
    expect(page).toContain('data-referral-step="done"');
    expect(t.db.$client.prepare("select state from cases where id = ?").pluck().get(c.id)).toBe("filed");
  });

  it("prints the numbered 涉嫌犯罪案件移送书 once its materials are recorded: agency, facts, crime, basis, unpaid workers, materials, office", async () => {
    const c = await referredCase();
    const inspector = await on("2026-12-01");
    const early = await inspector.get(`/cases/${c.id}/police-referrals/${c.actionId}`);
    expect(early.status).toBe(404);
    expect(early.text).toContain("移送书尚未制作：请先在案件页登记随移送书移送的材料");
    await ok(c.step(inspector, { step: "materials", materials: "涉嫌犯罪案件情况的调查报告\n限期改正指令书及送达回证\n工资表" }));
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain(`href="/cases/${c.id}/police-referrals/${c.actionId}">打印移送书</a>`);
    const doc = (await inspector.get(`/cases/${c.id}/police-referrals/${c.actionId}`)).text;
    expect(doc).toContain("<h1>涉嫌犯罪案件移送书</h1>");
    expect(doc).toMatch(/data-doc-number>长朝人社监刑移〔2026〕1号</);
    expect(doc).toContain("<p data-addressee>朝阳区公安分局：</p>");
    expect(doc).toContain("经本机关调查：经查，拖欠工资至今未付。");
    expect(doc).toMatch(/尚欠下列 1 名劳动者工资共计 <strong data-unpaid>¥8,500\.00<\/strong>/);
    expect(doc).toContain("涉嫌构成拒不支付劳动报酬罪（《中华人民共和国刑法》第二百七十六条之一）");
    expect(doc).toContain("依据《劳动保障监察条例》第十八条第二款和《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）的规定，现将该案移送你局审查");
    expect(doc.match(/<ol class="evidence-list" data-materials>([\s\S]*?)<\/ol>/)?.[1]?.match(/<li>/g)).toHaveLength(3);
    expect(doc).toContain("长春市人力资源和社会保障局（印章）");
    expect(doc).toContain("承办单位：朝阳区劳动保障监察大队");
    expect(doc).toContain("2026年12月1日");
    // Personal ID numbers and phones are not the police referral's business on paper.
    expect(doc).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
    expect((await inspector.get(`/cases/${c.id}/police-referrals/99999`)).status).toBe(404);
  });

  it("counts a referral the police accepted in the statistics, by the date of the answer", async () => {
    const c = await referredCase();
    const inspector = await on("2026-12-03");
    await ok(c.step(inspector, { step: "materials", materials: "调查报告" }));
    await ok(c.step(inspector, { step: "receipt", date: "2026-12-02" }));
    await ok(c.step(inspector, { step: "answer", answer: "filed", date: "2026-12-03" }));
    expect((await inspector.get(`/cases/${c.id}`)).text).toContain("本案行政处理部分继续办理");
    expect(periodStatistics(t.db, { kind: "month", from: "2026-12-01", to: "2026-12-31" }, figuresScope(t.db, null).officeIds, "全市").policeAccepted).toBe(1);
    expect(periodStatistics(t.db, { kind: "month", from: "2026-11-01", to: "2026-11-30" }, figuresScope(t.db, null).officeIds, "全市").policeAccepted).toBe(0);
  });
});
