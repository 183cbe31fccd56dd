/**
 * A 行政处理决定书 after it is made: its service on the employer through the service record, the 送达回证,
 * and the remedy windows that run from the service date (docs/rules.md § Remedies against a decision).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, workedCase, type Agent, type TestApp } from "../helpers.js";

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

/** A filed case whose unpaid order led, after 陈述申辩, to a 行政处理决定 made on Wed 2026-12-09. */
async function decidedCase() {
  const c = await workedCase(t, { to: "filed" });
  let inspector = await on("2026-11-23");
  await ok(
    inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), payBy: "2026-11-30", violation: "general", facts: "经查，拖欠工资至今未付。", [`amount.${c.workers[0]!.id}`]: "8500" }),
  );
  const orderId = t.db.$client.prepare("select id from payment_orders where case_id = ?").pluck().get(c.id) as number;
  inspector = await on("2026-12-01");
  await ok(
    inspector
      .post(`/cases/${c.id}/orders/${orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "decision", facts: "逾期未支付", grounds: "工资表" }),
  );
  const noticeId = t.db.$client.prepare("select id from prior_notices").pluck().get() as number;
  await ok(
    inspector.post(`/cases/${c.id}/prior-notices/${noticeId}/service`).type("form").send({ version: c.version(), servedOn: "2026-12-01", method: "直接送达" }),
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
    expect(receipt.text).toContain("《行政处理决定书》长人社监处〔2026〕1号");
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
