import { beforeEach, describe, expect, it } from "vitest";
import { handedOverForm, idNumber, loginAs, makeTestApp, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let inspector: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  inspector = await loginAs(t.app, "inspector1");
});

const row = (id: number) => t.db.$client.prepare("select * from cases where id = ?").get(id) as Record<string, unknown>;
const twoWorkers = { workers: [workerInput(1), workerInput(2, { isRepresentative: false, claimedFen: 420000 })] };

function mediationForm(version: number, workers: { id: number }[], overrides: Record<string, string> = {}) {
  return {
    version: String(version),
    sessionOn: "2026-11-23",
    place: "支队调解室",
    workerSide: "工人1、工人2",
    employerSide: "赵某（法定代表人）",
    workerStatement: "要求结清工资",
    employerStatement: "同意支付",
    result: "agreement",
    payBy: "2026-11-25",
    paymentMethod: "银行转账",
    [`amount.${workers[0]!.id}`]: "8500",
    [`amount.${workers[1]!.id}`]: "4200",
    ...overrides,
  };
}

describe("快速调处", () => {
  it("settles a case by mediation in 2 working days, never filed, recovered = paid", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: twoWorkers });
    expect((await inspector.post(`/cases/${c.id}/mediations`).type("form").send(mediationForm(c.version(), c.workers))).status).toBe(303);
    const items = t.db.$client.prepare("select id, worker_id, amount_fen from settlement_items where case_id = ? order by id").all(c.id) as {
      id: number;
      amount_fen: number;
    }[];
    expect(items.map((i) => i.amount_fen)).toEqual([850000, 420000]);

    const early = await inspector.post(`/cases/${c.id}/settle`).type("form").send({ version: c.version(), note: "" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("尚未全部支付");

    t.clock.now = new Date("2026-11-25T03:00:00Z");
    inspector = await loginAs(t.app, "inspector1"); // two days later: a new session
    const pay = (itemId: number, amount: string) =>
      inspector
        .post(`/cases/${c.id}/payments`)
        .field("version", String(c.version()))
        .field("itemId", String(itemId))
        .field("amount", amount)
        .field("paidOn", "2026-11-25")
        .field("workerConfirmed", "on")
        .attach("proof", Buffer.from("receipt"), "转账截图.png");
    expect((await pay(items[0]!.id, "8500")).status).toBe(303);
    const over = await pay(items[1]!.id, "5000");
    expect(over.status).toBe(422);
    expect(over.text).toContain("支付金额超过应付余额 ¥4200.00");
    expect((await pay(items[1]!.id, "4200")).status).toBe(303);
    expect((await inspector.post(`/cases/${c.id}/settle`).type("form").send({ version: c.version(), note: "当场确认" })).status).toBe(303);

    expect(row(c.id)).toMatchObject({ state: "closed", outcome: "mediated", filed_on: null, working_days_taken: 2, closed_on: "2026-11-25" });
    expect(t.db.$client.prepare("select sum(recovered_fen) from case_workers where case_id = ?").pluck().get(c.id)).toBe(1270000);
    expect(t.db.$client.prepare("select count(*) from evidence where case_id = ? and description = '支付凭证'").pluck().get(c.id)).toBe(2);
    const agreement = await inspector.get(`/cases/${c.id}/mediations/${t.db.$client.prepare("select id from mediations").pluck().get()}/agreement`);
    expect(agreement.text).toContain("调解协议书");
    expect(agreement.text).toContain("¥12,700.00");
    expect(agreement.text).toContain("劳动者签字（共 2 人，每人一行）");
  });

  it("needs every worker's confirmation before 快调化解", async () => {
    const c = await workedCase(t, { to: "mediating" });
    await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({ ...mediationForm(c.version(), [...c.workers, { id: 0 }]), "amount.0": "" });
    const item = t.db.$client.prepare("select id from settlement_items").pluck().get() as number;
    await inspector
      .post(`/cases/${c.id}/payments`)
      .field("version", String(c.version()))
      .field("itemId", String(item))
      .field("amount", "8500")
      .field("paidOn", "2026-11-23");
    const res = await inspector.post(`/cases/${c.id}/settle`).type("form").send({ version: c.version() });
    expect(res.text).toContain("尚有投诉人未确认收到工资");
    expect(row(c.id).state).toBe("mediating");
  });

  it.each([
    [{ payBy: "2026-11-20" }, "调解协议的支付期限不能早于调解日期"],
    [{ place: "" }, "请填写调解地点"],
    [{ sessionOn: "2026-02-30" }, "调解日期应为有效日期"],
  ])("refuses %o with a message, keeping what was typed", async (change, message) => {
    const c = await workedCase(t, { to: "mediating", overrides: twoWorkers });
    const res = await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send(mediationForm(c.version(), c.workers, change));
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain("要求结清工资");
    expect(t.db.$client.prepare("select count(*) from mediations").pluck().get()).toBe(0);
  });

  it("reports every field's problem at once, each naming its field, and keeps the typed values", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: twoWorkers });
    const res = await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send(
        mediationForm(c.version(), c.workers, { place: "", sessionOn: "2026-02-30", [`amount.${c.workers[0]!.id}`]: "八千", employerSide: "单位代表孙某" }),
      );
    expect(res.status).toBe(422);
    for (const message of ["请填写调解地点", "调解日期应为有效日期", "工人1的约定金额应为金额数字"]) expect(res.text).toContain(message);
    expect(res.text).toContain('value="单位代表孙某"');
    expect(res.text).toContain('value="八千"');
    expect(res.text).toMatch(/<details class="action-details no-print" id="open-mediation" open>\s*<summary>记录调解/);
  });

  it("names the worker whose amount is not a number", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: twoWorkers });
    const res = await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send(mediationForm(c.version(), c.workers, { [`amount.${c.workers[1]!.id}`]: "四千" }));
    expect(res.text).toContain("工人2的约定金额应为金额数字");
  });

  it("sends a failed mediation to filing, and warns as the acceptance window closes", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: { receivedOn: "2026-11-18" } });
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain("快速调处须在 5 个工作日受理期限内完成");
    const bench = await inspector.get("/cases");
    expect(bench.text).toMatch(/快速调处即将或已经超出 5 个工作日受理期限（1）[\s\S]*QX-2026-000001/);
    await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({ ...mediationForm(c.version(), [...c.workers, { id: 0 }]), result: "failed" });
    expect(t.db.$client.prepare("select result from mediations").pluck().get()).toBe("failed");
    await inspector.post(`/cases/${c.id}/moves`).type("form").send({ move: "mediationFailed", version: c.version(), note: "单位拒不到场" });
    expect(row(c.id)).toMatchObject({ state: "filed", filed_on: "2026-11-23" });
  });
});

describe("登记支付", () => {
  it.each([
    [{ amount: "-5" }, "支付金额应为金额数字"],
    [{ amount: "abc" }, "支付金额应为金额数字"],
    [{ paidOn: "2026-11-24" }, "支付日期不能晚于今天"],
  ])("refuses %o", async (change, message) => {
    const c = await workedCase(t, { to: "mediating" });
    await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({ ...mediationForm(c.version(), [...c.workers, { id: 0 }]) });
    const item = t.db.$client.prepare("select id from settlement_items").pluck().get() as number;
    const fields: Record<string, string> = { version: String(c.version()), itemId: String(item), amount: "100", paidOn: "2026-11-23", ...change };
    let req = inspector.post(`/cases/${c.id}/payments`);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    const res = await req;
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(t.db.$client.prepare("select count(*) from payments").pluck().get()).toBe(0);
  });

  it("refuses a proof of an unknown type and keeps no file", async () => {
    const c = await workedCase(t, { to: "mediating" });
    await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({ ...mediationForm(c.version(), [...c.workers, { id: 0 }]) });
    const item = t.db.$client.prepare("select id from settlement_items").pluck().get() as number;
    const res = await inspector
      .post(`/cases/${c.id}/payments`)
      .field("version", String(c.version()))
      .field("itemId", String(item))
      .field("amount", "100")
      .field("paidOn", "2026-11-23")
      .attach("proof", Buffer.from("x"), "凭证.docx");
    expect(res.status).toBe(422);
    expect(res.text).toContain("文件“凭证.docx”的类型不支持");
    expect(t.db.$client.prepare("select count(*) from evidence").pluck().get()).toBe(0);
  });
});

describe("责令限期支付", () => {
  async function ordered() {
    const c = await workedCase(t, { to: "filed", overrides: twoWorkers });
    const res = await inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({
        version: c.version(),
        payBy: "2026-11-30",
        facts: "经查拖欠工资。",
        [`amount.${c.workers[0]!.id}`]: "8500",
        [`amount.${c.workers[1]!.id}`]: "4200",
      });
    expect(res.status).toBe(303);
    return { ...c, orderId: t.db.$client.prepare("select id from payment_orders").pluck().get() as number };
  }

  it("issues a numbered order and prints the 限期改正指令书", async () => {
    const c = await ordered();
    expect(t.db.$client.prepare("select doc_number from payment_orders").pluck().get()).toBe("长朝人社监令〔2026〕1号");
    const doc = await inspector.get(`/cases/${c.id}/orders/${c.orderId}`);
    expect(doc.text).toContain("劳动保障监察限期改正指令书");
    expect(doc.text).toContain("¥12,700.00");
    expect(doc.text).toContain("2026年11月30日");
  });

  it("refuses a pay-by date that is not after today", async () => {
    const c = await workedCase(t, { to: "filed" });
    const res = await inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy: "2026-11-23", facts: "x", [`amount.${c.workers[0]!.id}`]: "100" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("限期支付日期应晚于今天");
  });

  it("runs no pay-by period and opens nothing that rests on the order until its service is recorded (待送达)", async () => {
    const c = await ordered();
    const serveOrder = (fields: Record<string, string>) =>
      inspector
        .post(`/cases/${c.id}/orders/${c.orderId}/service`)
        .type("form")
        .send({ version: c.version(), ...fields });
    let page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-order-status="awaitingService"');
    expect(page).toContain("待送达");
    expect(page).toContain(`action="/cases/${c.id}/orders/${c.orderId}/service"`);

    // Past the pay-by date, never served: no 事先告知书, no decision, no referral, no blacklist proposal.
    t.clock.now = new Date("2026-12-01T02:00:00Z");
    inspector = await loginAs(t.app, "inspector1");
    page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-order-status="awaitingService"');
    expect(page).not.toContain(`/orders/${c.orderId}/enforce"`);
    const referral = await inspector
      .post(`/cases/${c.id}/orders/${c.orderId}/enforce`)
      .type("form")
      .send({ version: c.version(), kind: "policeReferral", agency: "某公安分局", decidedOn: "2026-12-01", note: "" });
    expect(referral.status).toBe(422);
    expect(referral.text).toContain("长朝人社监令〔2026〕1号）尚未登记送达（待送达）");
    const notice = await inspector
      .post(`/cases/${c.id}/orders/${c.orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "decision", facts: "逾期未支付", grounds: "工资表" });
    expect(notice.text).toContain("尚未登记送达（待送达）");
    const proposal = await inspector
      .post("/blacklist")
      .type("form")
      .send({
        caseId: String(c.id),
        orderId: String(c.orderId),
        grounds: "incident",
        incident: "聚集讨薪",
        facts: "逾期仍未支付。",
        "persons.0.role": "legalRep",
        "persons.0.name": "赵某",
        "persons.0.idNumber": idNumber(501, "19700101"),
      });
    expect(proposal.status).toBe(422);
    expect(proposal.text).toContain("尚未登记送达（待送达）");
    // A service on or after the pay-by date is refused: the employer could not have paid in time.
    const late = await serveOrder(handedOverForm("2026-11-30"));
    expect(late.status).toBe(422);
    expect(late.text).toContain("应重新下达指令书");
    expect(t.db.$client.prepare("select count(*) from enforcement_actions").pluck().get()).toBe(0);
    expect(t.db.$client.prepare("select count(*) from prior_notices").pluck().get()).toBe(0);
    expect(t.db.$client.prepare("select count(*) from blacklist_proceedings").pluck().get()).toBe(0);
    expect(t.db.$client.prepare("select count(*) from document_services").pluck().get()).toBe(0);

    // Served on the day it was issued: the period ran, and the steps open.
    expect((await serveOrder(handedOverForm("2026-11-23", "赵某（法定代表人）"))).status).toBe(303);
    page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-order-status="overdue"');
    expect(page).toContain('data-order-served="2026-11-23"');
    const serviceId = t.db.$client.prepare("select id from document_services where document = 'paymentOrder'").pluck().get() as number;
    const receipt = await inspector.get(`/cases/${c.id}/orders/${c.orderId}/services/${serviceId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain("送达回证");
    expect(receipt.text).toContain("劳动保障监察限期改正指令书");
    expect(receipt.text).toContain("赵某（法定代表人）");
    expect((await serveOrder(handedOverForm("2026-11-24"))).text).toContain("已登记过");
  });

  it("offers the next steps only once the deadline has passed unpaid: compensation 50–100 %", async () => {
    const c = await ordered();
    const enforce = (body: Record<string, string>) =>
      inspector
        .post(`/cases/${c.id}/orders/${c.orderId}/enforce`)
        .type("form")
        .send({ version: c.version(), ...body });
    expect((await enforce({ kind: "compensation", ratePercent: "50" })).text).toContain("尚未登记送达（待送达）");
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/orders/${c.orderId}/service`)
          .type("form")
          .send({ version: c.version(), ...handedOverForm("2026-11-23") })
      ).status,
    ).toBe(303);
    const early = await enforce({ kind: "compensation", ratePercent: "50" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("届满且仍未支付时");
    t.clock.now = new Date("2026-12-01T02:00:00Z");
    inspector = await loginAs(t.app, "inspector1");
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain('data-order-status="overdue"');
    expect((await enforce({ kind: "compensation", ratePercent: "40" })).text).toContain("50% 至 100%");
    const preview = await inspector.get(`/cases/${c.id}/orders/${c.orderId}/compensation?ratePercent=80`).set("HX-Request", "true");
    expect(preview.text).toContain('data-fen="1016000"');
    expect(preview.text).not.toContain("<html");
    expect((await inspector.get(`/cases/${c.id}/orders/${c.orderId}/compensation?ratePercent=120`)).text).toContain("加付赔偿金计算");
    // 陈述申辩 first: 事先告知书, service, the period, the statement (docs/rules.md §陈述申辩).
    expect((await enforce({ kind: "compensation", ratePercent: "80" })).text).toContain("须先向用人单位送达事先告知书");
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/orders/${c.orderId}/prior-notices`)
          .type("form")
          .send({ version: c.version(), kind: "compensation", ratePercent: "80", facts: "逾期未支付", grounds: "有工资表为证" })
      ).status,
    ).toBe(303);
    const noticeId = t.db.$client.prepare("select id from prior_notices").pluck().get() as number;
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/prior-notices/${noticeId}/service`)
          .type("form")
          .send({ version: c.version(), ...handedOverForm("2026-12-01") })
      ).status,
    ).toBe(303);
    t.clock.now = new Date("2026-12-09T02:00:00Z");
    inspector = await loginAs(t.app, "inspector1");
    expect(
      (await inspector.post(`/cases/${c.id}/prior-notices/${noticeId}/statement`).type("form").send({ version: c.version(), statement: "none" })).status,
    ).toBe(303);
    expect((await enforce({ kind: "compensation", ratePercent: "80" })).status).toBe(303);
    expect(t.db.$client.prepare("select amount_fen from enforcement_actions").pluck().get()).toBe(1016000);
    expect((await inspector.get(`/cases/${c.id}`)).text).toMatch(/责令加付赔偿金\s*80%，¥10,160.00/);
    expect((await enforce({ kind: "policeReferral", agency: "", decidedOn: "2026-12-01" })).text).toContain("请填写接收移送的公安机关");
    expect((await enforce({ kind: "policeReferral", agency: "长春市公安局朝阳分局", decidedOn: "2026-12-09" })).status).toBe(303);
    // Blacklisting is a proceeding of its own (test/routes/blacklist.test.ts), no longer a flag set here.
    expect((await enforce({ kind: "blacklistCandidate", note: "达到拒不支付劳动报酬罪数额标准" })).text).toContain("请选择要采取的措施");
  });

  it("is paid, then closed with recovered amounts and a closing report", async () => {
    const c = await ordered();
    const items = t.db.$client.prepare("select id, amount_fen from settlement_items where source = 'order' order by id").all() as {
      id: number;
      amount_fen: number;
    }[];
    for (const i of items) {
      await inspector
        .post(`/cases/${c.id}/payments`)
        .field("version", String(c.version()))
        .field("itemId", String(i.id))
        .field("amount", String(i.amount_fen / 100))
        .field("paidOn", "2026-11-23");
    }
    const close = (agent: Agent, body: Record<string, string>) =>
      agent
        .post(`/cases/${c.id}/close`)
        .type("form")
        .send({
          version: c.version(),
          outcome: "paidAfterOrder",
          note: "已足额支付",
          [`recovered.${c.workers[0]!.id}`]: "8500",
          [`recovered.${c.workers[1]!.id}`]: "4200",
          ...body,
        });
    const over = await close(inspector, { [`recovered.${c.workers[1]!.id}`]: "5000" });
    expect(over.status).toBe(422);
    expect(over.text).toContain("工人2：追回金额超过诉求金额，须由科长填写说明");
    expect((await close(inspector, { [`recovered.${c.workers[1]!.id}`]: "-1" })).text).toContain("工人2的追回金额应为金额数字");
    expect((await close(inspector, {})).status).toBe(303);
    expect(row(c.id)).toMatchObject({ state: "closed", outcome: "paidAfterOrder" });
    const report = await inspector.get(`/cases/${c.id}/report`);
    expect(report.text).toContain("结案报告");
    expect(report.text).toContain("¥12,700.00");
  });

  it("lets a supervisor record more than claimed with a note", async () => {
    const c = await workedCase(t, { to: "filed" });
    const res = await c.supervisor
      .post(`/cases/${c.id}/close`)
      .type("form")
      .send({
        version: c.version(),
        outcome: "toArbitrationOrCourt",
        note: "单位已支付，余下告知仲裁",
        overClaimNote: "含单位补发的加班工资",
        [`recovered.${c.workers[0]!.id}`]: "12750",
      });
    expect(res.status).toBe(303);
    expect(t.db.$client.prepare("select recovered_fen from case_workers").pluck().get()).toBe(1275000);
  });
});

describe("reopening", () => {
  it("is a supervisor's, with a reason, back to the state the case was closed from", async () => {
    const c = await workedCase(t, { to: "filed" });
    await c.supervisor
      .post(`/cases/${c.id}/moves`)
      .type("form")
      .send({ version: c.version(), move: "revokeFiling", outcome: "filingRevoked", note: "情节轻微且已改正" })
      .expect(303);
    expect((await inspector.post(`/cases/${c.id}/moves`).type("form").send({ move: "reopen", version: c.version(), note: "x" })).status).toBe(403);
    const noReason = await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "reopen", version: c.version(), note: "" });
    expect(noReason.text).toContain("请填写重新办理的理由");
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "reopen", version: c.version(), note: "投诉人提供新证据" });
    expect(row(c.id)).toMatchObject({ state: "filed", closed_on: null, outcome: null });
  });
});

describe("who may act", () => {
  it.each([
    ["clerk1", 403],
    ["unit_zjj", 403],
    ["admin", 403],
    ["inspector3", 403],
  ])("%s gets %i on every settlement action", async (username, status) => {
    const c = await workedCase(t, { to: "filed" });
    const agent = await loginAs(t.app, username);
    for (const path of ["mediations", "settle", "orders", "payments", "close", "escalate"]) {
      expect((await agent.post(`/cases/${c.id}/${path}`).type("form").send({ version: c.version() })).status, path).toBe(status);
    }
  });
});
