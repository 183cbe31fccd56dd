/**
 * The legal steps (docs/rules.md): 陈述申辩 before a decision, outcomes that match the record, the 2-year
 * limit at intake, and the basis and remedies the documents print.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { idNumber, intakeFields, loginAs, makeTestApp, uscc, workedCase, type Agent, type TestApp, handedOverForm, serveLatestOrder } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(); // 2026-11-23, Monday
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const row = (id: number) => t.db.$client.prepare("select * from cases where id = ?").get(id) as Record<string, unknown>;

async function on(date: string, username = "inspector1"): Promise<Agent> {
  t.clock.now = at(date);
  return loginAs(t.app, username);
}

/** A filed case with an order due 2026-11-30, left unpaid. */
async function unpaidOrder() {
  const c = await workedCase(t, { to: "filed" });
  const inspector = await on("2026-11-23");
  const res = await inspector
    .post(`/cases/${c.id}/orders`)
    .type("form")
    .send({ version: c.version(), payBy: "2026-11-30", violation: "general", facts: "经查，拖欠工资至今未付。", [`amount.${c.workers[0]!.id}`]: "8500" });
  expect(res.status).toBe(303);
  return { ...c, orderId: await serveLatestOrder(t, inspector, c, "2026-11-23") };
}

describe("陈述申辩 before an administrative decision", () => {
  const decide = (agent: Agent, c: { id: number; orderId: number; version: () => number }) =>
    agent.post(`/cases/${c.id}/orders/${c.orderId}/enforce`).type("form").send({ version: c.version(), kind: "decision", note: "责令支付拖欠的工资" });

  it("is refused without a 事先告知书, before service, before the period has run, and allowed after", async () => {
    const c = await unpaidOrder();
    let inspector = await on("2026-12-01");
    expect((await decide(inspector, c)).text).toContain("须先向用人单位送达事先告知书");

    const issued = await inspector
      .post(`/cases/${c.id}/orders/${c.orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "decision", facts: "逾期未支付工资 ¥8,500.00", grounds: "有工资表和询问笔录为证" });
    expect(issued.status).toBe(303);
    const notice = t.db.$client.prepare("select * from prior_notices").get() as { id: number; doc_number: string };
    expect(notice.doc_number).toBe("长朝人社监告〔2026〕1号");
    expect((await decide(inspector, c)).text).toContain("事先告知书尚未送达");

    // Served Tue 12-01: the statement period is 5 working days, to Tue 12-08.
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/prior-notices/${notice.id}/service`)
          .type("form")
          .send({ version: c.version(), ...handedOverForm("2026-12-01") })
      ).status,
    ).toBe(303);
    expect(row(c.id).state).toBe("filed");
    expect((await inspector.get(`/cases/${c.id}`)).text).toContain(`data-statement-due="2026-12-08"`);
    const serviceId = t.db.$client.prepare("select id from document_services where document = 'priorNotice'").pluck().get() as number;
    const receipt = (await inspector.get(`/cases/${c.id}/prior-notices/${notice.id}/services/${serviceId}`)).text;
    expect(receipt).toContain("劳动保障监察行政处理事先告知书");
    expect(receipt).toContain("长朝人社监告〔2026〕1号");
    expect(receipt).toContain("王经理");
    inspector = await on("2026-12-08");
    const early = await decide(inspector, c);
    expect(early.status).toBe(422);
    expect(early.text).toContain("陈述申辩期限至 2026-12-08 届满，期满后才能作出行政处理决定");
    const tooEarlyNone = await inspector
      .post(`/cases/${c.id}/prior-notices/${notice.id}/statement`)
      .type("form")
      .send({ version: c.version(), statement: "none" });
    expect(tooEarlyNone.text).toContain("期满后才能记录");

    inspector = await on("2026-12-09");
    expect((await decide(inspector, c)).text).toContain("请先记录用人单位的陈述申辩");
    const noReview = await inspector
      .post(`/cases/${c.id}/prior-notices/${notice.id}/statement`)
      .type("form")
      .send({ version: c.version(), statement: "received", statementText: "资金困难，请求宽限", review: "" });
    expect(noReview.text).toContain("复核意见");
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/prior-notices/${notice.id}/statement`)
          .type("form")
          .send({ version: c.version(), statement: "received", statementText: "资金困难，请求宽限", review: "资金困难不是拖欠工资的正当理由，不予采纳" })
      ).status,
    ).toBe(303);
    expect((await decide(inspector, c)).status).toBe(303);
    expect(t.db.$client.prepare("select kind from enforcement_actions").pluck().get()).toBe("decision");
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain("已陈述申辩：资金困难，请求宽限；复核意见：资金困难不是拖欠工资的正当理由");

    // The 行政处理决定书: numbered, with the statement and its review, the basis, the department and the remedies.
    const actionId = t.db.$client.prepare("select id from enforcement_actions").pluck().get() as number;
    expect(page).toContain(`href="/cases/${c.id}/decisions/${actionId}">行政处理决定书 长朝人社监处〔2026〕1号</a>`);
    const doc = (await inspector.get(`/cases/${c.id}/decisions/${actionId}`)).text;
    expect(doc).toContain("劳动保障监察行政处理决定书");
    expect(doc).toContain("送达《劳动保障监察行政处理事先告知书》（长朝人社监告〔2026〕1号）");
    expect(doc).toContain("提出陈述、申辩：资金困难，请求宽限。经复核：资金困难不是拖欠工资的正当理由，不予采纳。");
    expect(doc).toContain("违反了《中华人民共和国劳动法》第五十条");
    expect(doc).toContain("依据《劳动保障监察条例》第十八条第一款第（二）项的规定，本机关决定如下：");
    expect(doc).toMatch(/六十日内[^<]*长春市人民政府申请行政复议[^<]*六个月内/);
    expect(doc).toContain("长春市人力资源和社会保障局（印章）");
  });

  it("prints the 事先告知书 with facts, grounds, basis, the intended decision and the period", async () => {
    const c = await unpaidOrder();
    const inspector = await on("2026-12-01");
    await inspector
      .post(`/cases/${c.id}/orders/${c.orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "compensation", ratePercent: "60", facts: "逾期未支付工资", grounds: "有工资表为证" });
    const id = t.db.$client.prepare("select id from prior_notices").pluck().get() as number;
    await inspector
      .post(`/cases/${c.id}/prior-notices/${id}/service`)
      .type("form")
      .send({ version: c.version(), ...handedOverForm("2026-12-01") });
    const doc = (await inspector.get(`/cases/${c.id}/prior-notices/${id}`)).text;
    expect(doc).toContain("劳动保障监察行政处理事先告知书");
    expect(doc).toContain("《中华人民共和国劳动法》第五十条");
    expect(doc).toContain("按应付金额的 60% 向劳动者加付赔偿金（按尚欠金额计算为 ¥5,100.00）");
    expect(doc).toContain("5 个工作日内</strong>（即 2026年12月8日 前）");
    expect(doc).toContain("长春市人力资源和社会保障局（印章）");
    // The office that has the case (朝阳, by the work site) handles it for the department.
    expect(doc).toContain("承办单位：朝阳区劳动保障监察大队");
  });
});

describe("the 陈述申辩 period is the bureau's setting (docs/rules.md §陈述申辩)", () => {
  it("gives a new notice the period set (STATEMENT_WORKING_DAYS), keeps an earlier notice's own, and refuses a period under 5", async () => {
    t = await makeTestApp(undefined, { STATEMENT_WORKING_DAYS: "7" });
    const c = await unpaidOrder();
    const inspector = await on("2026-12-01");
    expect((await inspector.get(`/cases/${c.id}`)).text).toContain("告知用人单位自收到之日起 7 个工作日内陈述申辩");
    await inspector
      .post(`/cases/${c.id}/orders/${c.orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "decision", facts: "逾期未支付工资", grounds: "有工资表为证" });
    const id = t.db.$client.prepare("select id from prior_notices").pluck().get() as number;
    await inspector
      .post(`/cases/${c.id}/prior-notices/${id}/service`)
      .type("form")
      .send({ version: c.version(), ...handedOverForm("2026-12-01") });
    // Served Tue 12-01: the 7th working day is Thu 12-10.
    expect((await inspector.get(`/cases/${c.id}/prior-notices/${id}`)).text).toContain("7 个工作日内</strong>（即 2026年12月10日 前）");
    const none = (date: string) =>
      on(date).then((agent) =>
        agent.post(`/cases/${c.id}/prior-notices/${id}/statement`).type("form").send({ version: c.version(), statement: "none", text: "", review: "" }),
      );
    expect((await none("2026-12-10")).text).toContain("陈述申辩期限至 2026-12-10 届满");
    // A notice keeps the period it was printed with, whatever the setting is now (as those issued before it existed: 5).
    t.db.$client.prepare("update prior_notices set statement_days = 5 where id = ?").run(id);
    expect((await (await on("2026-12-08")).get(`/cases/${c.id}/prior-notices/${id}`)).text).toContain("5 个工作日内</strong>（即 2026年12月8日 前）");
    expect((await none("2026-12-09")).status).toBe(303);
    await expect(makeTestApp(undefined, { STATEMENT_WORKING_DAYS: "3" })).rejects.toThrow("STATEMENT_WORKING_DAYS must be a whole number from 5 to 20");
  });
});

describe("closing outcomes must match the record", () => {
  const close = (agent: Agent, c: { id: number; version: () => number; workers: { id: number }[] }, outcome: string) =>
    agent
      .post(`/cases/${c.id}/close`)
      .type("form")
      .send({ version: c.version(), outcome, note: "结案", [`recovered.${c.workers[0]!.id}`]: "0" });

  it.each([
    ["paidAfterOrder", "没有限期改正指令书项下登记的支付"],
    ["administrativeDecision", "没有记录作出的决定"],
    ["referredToPolice", "没有记录移送公安机关"],
  ])("refuses %s without its record", async (outcome, reason) => {
    const c = await workedCase(t, { to: "filed" });
    const res = await close(await on("2026-11-23"), c, outcome);
    expect(res.status).toBe(422);
    expect(res.text).toContain(reason);
    expect(row(c.id).state).toBe("filed");
  });

  it("closes as 移送公安 once the referral is recorded", async () => {
    const c = await unpaidOrder();
    const inspector = await on("2026-12-01");
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/orders/${c.orderId}/enforce`)
          .type("form")
          .send({ version: c.version(), kind: "policeReferral", agency: "长春市公安局朝阳分局", decidedOn: "2026-12-01" })
      ).status,
    ).toBe(303);
    expect((await close(inspector, c, "referredToPolice")).status).toBe(303);
  });
});

describe("the 2-year limit at intake (条例第二十条)", () => {
  it("registers the complaint, then warns and offers 不予受理 with the statutory reason and basis prefilled", async () => {
    const clerk = await on("2026-11-23", "clerk1");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ arrearsEndedOn: "2024-10-31" }));
    expect(res.status).toBe(303);
    const id = Number(/\/cases\/(\d+)\/receipt/.exec(res.headers.location!)![1]);
    expect(row(id)).toMatchObject({ arrears_ended_on: "2024-10-31", arrears_ongoing: 0, state: "received" });

    const supervisor = await on("2026-11-23", "supervisor1");
    const page = (await supervisor.get(`/cases/${id}`)).text;
    expect(page).toContain("可能超过 2 年查处时效");
    expect(page).toMatch(/<option value="limitation" selected>/);
    expect(page).toMatch(/<textarea id="move-reject-note"[^>]*>经审查，你（们）投诉的拖欠工资行为于2024年10月31日终了/);
    expect(page).toMatch(/<form[^>]*id="move-file"[\s\S]*?注意：投诉反映的拖欠工资行为于 2024-10-31 终了/);

    const reason = /<textarea id="move-reject-note"[^>]*>([^<]*)</.exec(page)![1]!;
    const version = row(id).version as number;
    expect(
      (
        await supervisor
          .post(`/cases/${id}/moves`)
          .type("form")
          .send({ move: "reject", outcome: "rejected", version, ground: "limitation", note: reason.replace(/&#3[49];/g, "") })
      ).status,
    ).toBe(303);
    const notice = (await supervisor.get(`/cases/${id}/notices/rejection`)).text;
    expect(notice).toContain("依据《劳动保障监察条例》第二十条和《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款的规定，本机关决定不予受理");
  });

  it.each([
    ["arrears that ended within 2 years", { arrearsEndedOn: "2025-06-30" }],
    ["continuing arrears", { arrearsOngoing: "on" }],
  ])("does not warn for %s", async (_what, fields) => {
    const clerk = await on("2026-11-23", "clerk1");
    const res = await clerk.post("/cases").type("form").send(intakeFields(fields));
    const id = Number(/\/cases\/(\d+)\/receipt/.exec(res.headers.location!)![1]);
    expect((await (await on("2026-11-23", "supervisor1")).get(`/cases/${id}`)).text).not.toContain("可能超过 2 年查处时效");
  });

  it("refuses an end date after receipt, naming the field and keeping what was typed", async () => {
    const clerk = await on("2026-11-23", "clerk1");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ arrearsEndedOn: "2026-12-01", receivedOn: "2026-11-20" }));
    expect(res.status).toBe(422);
    expect(res.text).toContain("欠薪结束日期不能晚于收到投诉的日期");
    expect(res.text).toContain('value="2026-12-01"');
  });
});

describe("the 限期改正指令书 cites the rule violated", () => {
  it.each([
    ["migrantWorkers", "《保障农民工工资支付条例》第三条第一款"],
    ["general", "《中华人民共和国劳动法》第五十条"],
  ])("%s", async (violation, article) => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await on("2026-11-23");
    await inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy: "2026-11-30", violation, facts: "经查拖欠工资。", [`amount.${c.workers[0]!.id}`]: "8500" });
    const orderId = t.db.$client.prepare("select id from payment_orders").pluck().get() as number;
    const doc = (await inspector.get(`/cases/${c.id}/orders/${orderId}`)).text;
    expect(doc).toContain(`违反了${article}`);
    expect(doc).toContain("依据《劳动保障监察条例》第十八条第一款第（二）项、第二十六条第（一）项和《中华人民共和国劳动合同法》第八十五条第（一）项的规定");
    expect(doc).toMatch(/六十日内[^<]*长春市人民政府申请行政复议[^<]*六个月内[^<]*长春市南关区人民法院/);
    expect(doc).toContain("长春市人力资源和社会保障局（印章）");
    expect(doc).not.toContain("违反了《保障农民工工资支付条例》的规定");
  });

  it("names the authority, review body and court set in the configuration", async () => {
    t = await makeTestApp(undefined, { AUTHORITY_NAME: "吉林市人力资源和社会保障局", REVIEW_BODY: "吉林市人民政府", LITIGATION_COURT: "吉林市船营区人民法院" });
    const c = await workedCase(t, { to: "filed" });
    const inspector = await on("2026-11-23");
    await inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy: "2026-11-30", facts: "经查拖欠工资。", [`amount.${c.workers[0]!.id}`]: "8500" });
    const orderId = t.db.$client.prepare("select id from payment_orders").pluck().get() as number;
    const doc = (await inspector.get(`/cases/${c.id}/orders/${orderId}`)).text;
    expect(doc).toContain("吉林市人力资源和社会保障局（印章）");
    expect(doc).toContain("向吉林市人民政府申请行政复议");
    expect(doc).toContain("向吉林市船营区人民法院提起行政诉讼");
  });
});

describe("identifiers at intake", () => {
  it.each([
    [{ "workers.0.idNumber": idNumber(7, "20261124") }, "身份证号中的出生日期无效（应为 1900 年以后、不晚于今天的日期）"],
    [{ "workers.0.idNumber": idNumber(7, "18991231") }, "身份证号中的出生日期无效"],
    [{ employerUscc: uscc("99220101MA0Y1234") }, "第 2 位（机构类别代码）与登记管理部门不符"],
    [{ employerUscc: uscc("91990101MA0Y1234") }, "第 3–8 位应为登记机关的 6 位行政区划代码"],
  ])("refuses %o, naming the field", async (fields, message) => {
    const clerk = await on("2026-11-23", "clerk1");
    const res = await clerk.post("/cases").type("form").send(intakeFields(fields));
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
  });
});
