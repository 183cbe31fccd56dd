/**
 * Payments to several workers at once (issue 21 item 7, docs/rules.md "Payments to several workers at once"):
 * the table saves every row or none, with a method per row, one proof and one timeline entry; "全部按约定支付"
 * pays every worker what is still owed.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let inspector: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  inspector = await loginAs(t.app, "inspector1");
});

const threeWorkers = { workers: [workerInput(1), workerInput(2, { isRepresentative: false }), workerInput(3, { isRepresentative: false })] };

/** A mediating case with an agreement: ¥8,500, ¥4,200 and ¥3,000.50 to pay. */
async function agreed() {
  const c = await workedCase(t, { to: "mediating", overrides: threeWorkers });
  const [a, b, d] = c.workers;
  const res = await inspector
    .post(`/cases/${c.id}/mediations`)
    .type("form")
    .send({
      version: String(c.version()),
      sessionOn: "2026-11-23",
      place: "支队调解室",
      workerSide: "工人1",
      employerSide: "赵某",
      workerStatement: "要求结清工资",
      employerStatement: "同意支付",
      result: "agreement",
      payBy: "2026-11-25",
      paymentMethod: "银行转账",
      [`amount.${a!.id}`]: "8500",
      [`amount.${b!.id}`]: "4200",
      [`amount.${d!.id}`]: "3000.50",
    });
  expect(res.status).toBe(303);
  const items = t.db.$client.prepare("select id, amount_fen as amountFen from settlement_items where case_id = ? order by id").all(c.id) as {
    id: number;
    amountFen: number;
  }[];
  return { c, items };
}

const paymentsOf = (caseId: number) =>
  t.db.$client
    .prepare(
      "select item_id as itemId, amount_fen as amountFen, paid_on as paidOn, method, proof_evidence_id as proof from payments where case_id = ? order by item_id",
    )
    .all(caseId) as {
    itemId: number;
    amountFen: number;
    paidOn: string;
    method: string;
    proof: number | null;
  }[];

/** The 已支付 notices queued for the workers (src/models/worker-notices.ts): worker and amount, in fen. */
const paidNotices = (caseId: number) =>
  (
    t.db.$client.prepare("select worker_id, facts from worker_notices where case_id = ? and kind = 'paid' order by worker_id").all(caseId) as {
      worker_id: number;
      facts: string;
    }[]
  ).map((n) => [n.worker_id, JSON.parse(n.facts).amountFen as number]);

describe("POST /cases/:id/payments/table", () => {
  it("shows one row per worker still owed, with the total", async () => {
    const { c, items } = await agreed();
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    for (const i of items) expect(page).toContain(`<tr data-item="${i.id}">`);
    expect(page).toMatch(/data-total-owed>¥15,700.50</);
  });

  it("records several workers at once in integer fen, each with its date and method, one proof and one timeline entry", async () => {
    const { c, items } = await agreed();
    const [a, b, d] = items;
    const res = await inspector
      .post(`/cases/${c.id}/payments/table`)
      .field("version", String(c.version()))
      .field(`amount.${a!.id}`, "8500")
      .field(`paidOn.${a!.id}`, "2026-11-23")
      .field(`method.${a!.id}`, "bank")
      .field(`confirmed.${a!.id}`, "on")
      .field(`amount.${b!.id}`, "1000.10")
      .field(`paidOn.${b!.id}`, "2026-11-22")
      .field(`method.${b!.id}`, "cash")
      .field(`amount.${d!.id}`, "")
      .attach("proof", Buffer.from("batch receipt"), "代发回单.pdf");
    expect(res.status).toBe(303);
    const rows = paymentsOf(c.id);
    expect(rows.map(({ itemId, amountFen, paidOn, method }) => ({ itemId, amountFen, paidOn, method }))).toEqual([
      { itemId: a!.id, amountFen: 850000, paidOn: "2026-11-23", method: "bank" },
      { itemId: b!.id, amountFen: 100010, paidOn: "2026-11-22", method: "cash" },
    ]);
    expect(new Set(rows.map((r) => r.proof)).size).toBe(1);
    expect(rows[0]!.proof).not.toBeNull();
    const events = t.db.$client.prepare("select note from case_events where case_id = ? and action = 'recordPayment'").pluck().all(c.id);
    expect(events).toEqual(["登记支付 2 人，共 ¥9500.10，其中 1 人确认收到"]);
    // Each worker paid hears of it once, with their own amount; the worker not paid this time hears nothing.
    const [wa, wb] = t.db.$client.prepare("select worker_id from settlement_items where case_id = ? order by id").pluck().all(c.id) as number[];
    expect(paidNotices(c.id)).toEqual([
      [wa, 850000],
      [wb, 100010],
    ]);
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toMatch(/data-total-owed>¥6,200.40</);
  });

  it("pays every worker what is still owed when 全部按约定支付 is ticked", async () => {
    const { c } = await agreed();
    const res = await inspector
      .post(`/cases/${c.id}/payments/table`)
      .type("form")
      .send({ version: String(c.version()), asAgreed: "on", paidOn: "2026-11-23", method: "mobile" });
    expect(res.status).toBe(303);
    expect(paymentsOf(c.id).map((p) => [p.amountFen, p.method])).toEqual([
      [850000, "mobile"],
      [420000, "mobile"],
      [300050, "mobile"],
    ]);
  });

  it("refuses the whole table when one row is wrong, naming the row, saving nothing and keeping what was typed", async () => {
    const { c, items } = await agreed();
    const [a, b] = items;
    const res = await inspector
      .post(`/cases/${c.id}/payments/table`)
      .type("form")
      .send({
        version: String(c.version()),
        [`amount.${a!.id}`]: "8500",
        [`paidOn.${a!.id}`]: "2026-11-23",
        [`method.${a!.id}`]: "bank",
        [`amount.${b!.id}`]: "5000",
        [`paidOn.${b!.id}`]: "2026-11-23",
        [`method.${b!.id}`]: "",
      });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请选择工人2的支付方式");
    expect(res.text).toContain(`name="amount.${b!.id}" inputmode="decimal" aria-label="工人2本次支付金额（元）" value="5000"`);
    expect(paymentsOf(c.id)).toEqual([]);

    const over = await inspector
      .post(`/cases/${c.id}/payments/table`)
      .type("form")
      .send({
        version: String(c.version()),
        [`amount.${a!.id}`]: "8500",
        [`paidOn.${a!.id}`]: "2026-11-23",
        [`method.${a!.id}`]: "bank",
        [`amount.${b!.id}`]: "5000",
        [`paidOn.${b!.id}`]: "2026-11-23",
        [`method.${b!.id}`]: "bank",
      });
    expect(over.status).toBe(422);
    expect(over.text).toContain("支付金额超过应付余额 ¥4200.00");
    expect(paymentsOf(c.id)).toEqual([]);
    expect(paidNotices(c.id)).toEqual([]);

    const empty = await inspector
      .post(`/cases/${c.id}/payments/table`)
      .type("form")
      .send({ version: String(c.version()) });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("请至少填写一名投诉人的支付金额");
  });
});
