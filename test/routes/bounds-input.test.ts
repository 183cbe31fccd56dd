/** Issue 13, defects 4 and 8: money and dates are bounded at input, and a stored date outside the calendar never breaks a page. */
import { describe, expect, it } from "vitest";
import { loginAs, makeTestApp, serveLatestOrder, workedCase, workerInput, type TestApp } from "../helpers.js";

async function filedWithOrder(t: TestApp) {
  const c = await workedCase(t, { to: "filed", overrides: { workers: [workerInput(1)] } });
  const inspector = await loginAs(t.app, "inspector1");
  const w = c.workers[0]!.id;
  const order = (payBy: string, amount = "8500") =>
    inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy, facts: "经查拖欠工资。", [`amount.${w}`]: amount });
  return { ...c, inspector, w, order };
}

const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe("defect 4: dates outside the working-day calendar", () => {
  it("an order paying by a date after the calendar's last year is refused, with the range in the message", async () => {
    const t = await makeTestApp();
    const c = await filedWithOrder(t);
    const res = await c.order("2032-06-30");
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/限期支付日期应在 \d{4}-01-01 至 2031-12-31 之间/);
    expect(count(t, "payment_orders")).toBe(0);
  });

  it("a stored date outside the calendar does not break the case page", async () => {
    const t = await makeTestApp();
    const c = await filedWithOrder(t);
    expect((await c.order("2026-11-30")).status).toBe(303);
    await serveLatestOrder(t, c.inspector, c, "2026-11-23");
    t.db.$client.prepare("update payment_orders set pay_by = '2032-06-30'").run();
    for (const user of ["inspector1", "supervisor1"]) {
      const page = await (await loginAs(t.app, user)).get(`/cases/${c.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain("期限超出工作日历范围");
    }
    const list = await c.supervisor.get("/cases");
    expect(list.status).toBe(200);
  });
});

describe("defect 8: amounts and dates have bounds in every money form", () => {
  it("refuses amounts above ¥10,000,000 in orders, mediations and payments, naming the field", async () => {
    const t = await makeTestApp();
    const c = await filedWithOrder(t);
    const order = await c.order("2026-11-30", "99999999999999999999");
    expect(order.status).toBe(422);
    expect(order.text).toMatch(/工人1的[^<]*金额超过 1000 万元，请核对/);

    const m = await workedCase(t, { to: "mediating", overrides: { workers: [workerInput(1)] } });
    const mediation = await c.inspector
      .post(`/cases/${m.id}/mediations`)
      .type("form")
      .send({
        version: m.version(),
        sessionOn: "2026-11-23",
        place: "调解室",
        workerSide: "工人1",
        employerSide: "赵某",
        workerStatement: "欠薪",
        employerStatement: "认可",
        result: "agreement",
        payBy: "2026-11-25",
        paymentMethod: "转账",
        [`amount.${m.workers[0]!.id}`]: "100000000000",
      });
    expect(mediation.status).toBe(422);
    expect(mediation.text).toContain("超过 1000 万元");
    expect(count(t, "mediations")).toBe(0);

    expect((await c.order("2026-11-30")).status).toBe(303);
    const item = t.db.$client.prepare("select id from settlement_items").pluck().get();
    const pay = (amount: string, paidOn: string) =>
      c.inspector.post(`/cases/${c.id}/payments`).type("form").send({ version: c.version(), itemId: item, amount, paidOn });
    const huge = await pay("1e34", "2026-11-23");
    expect(huge.status).toBe(422);
    expect(huge.text).toContain("支付金额应为金额数字");
    const old = await pay("100", "1900-01-01");
    expect(old.status).toBe(422);
    expect(old.text).toMatch(/支付日期应在 \d{4}-01-01 至 2031-12-31 之间/);
    expect(count(t, "payments")).toBe(0);
  });
});
