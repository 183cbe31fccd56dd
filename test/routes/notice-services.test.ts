/**
 * Service of the notices a complainant gets before filing — 不予受理, 告知补正, 告知 — through the service record,
 * each complainant on their own, with a 送达回证; the 告知补正 period runs from the service (docs/rules.md
 * § Service of documents).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { handedOverForm, loginAs, makeCase, makeTestApp, userId, workerInput, type Agent, type TestApp } from "../helpers.js";
import { describeActivityMove } from "../domain/activity-moves.js";

// Served on the complainants while the case waits for a supplement, or once it ended without being filed (不予受理, 告知).
describeActivityMove("serveCaseNotice", { from: ["received", "awaiting_supplement", "closed"], roles: ["inspector", "supervisor"] });

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(); // Monday 2026-11-23
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const version = (id: number) => t.db.$client.prepare("select version from cases where id = ?").pluck().get(id) as number;
const noticeId = (id: number, kind: string) =>
  String(t.db.$client.prepare("select max(id) from case_notices where case_id = ? and kind = ?").pluck().get(id, kind) ?? "");
const workerIds = (id: number) => t.db.$client.prepare("select id from case_workers where case_id = ? order by id").pluck().all(id) as number[];

async function assigned(): Promise<{ id: number; inspector: Agent }> {
  const { id } = makeCase(t.db, { workers: [workerInput(1), workerInput(2, { isRepresentative: false })] });
  const supervisor = await loginAs(t.app, "supervisor1");
  await supervisor
    .post(`/cases/${id}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: version(id) });
  return { id, inspector: await loginAs(t.app, "inspector1") };
}

const serve = (agent: Agent, id: number, fields: Record<string, string>) =>
  agent
    .post(`/cases/${id}/notice-services`)
    .type("form")
    .send({ version: version(id), ...fields });

describe("POST /cases/:id/notice-services", () => {
  it("serves the 不予受理通知书 on each complainant on their own and prints each 送达回证", async () => {
    const { id, inspector } = await assigned();
    const [first, second] = workerIds(id);
    await inspector
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ version: version(id), move: "reject", outcome: "rejected", ground: "limitation", note: "违法行为已超过两年" });
    let page = (await inspector.get(`/cases/${id}`)).text;
    expect(page).toContain('id="notice-services"');
    expect(page).toContain("尚未登记送达");

    // Refused, nothing saved: a date before the notice, no receiver for 直接送达, a person not on the case.
    const early = await serve(inspector, id, { noticeId: noticeId(id, "rejection"), ...handedOverForm("2026-11-20"), party: `worker:${first}` });
    expect(early.status).toBe(422);
    expect(early.text).toContain("送达日期不能早于文书的日期（2026-11-23）");
    expect(early.text).toContain('value="2026-11-20"');
    expect((await serve(inspector, id, { noticeId: noticeId(id, "rejection"), ...handedOverForm("2026-11-23", ""), party: `worker:${first}` })).text).toContain(
      "直接送达须填写签收人",
    );
    expect((await serve(inspector, id, { noticeId: noticeId(id, "rejection"), ...handedOverForm("2026-11-23"), party: "worker:999999" })).text).toContain(
      "请选择受送达的投诉人",
    );
    // No 告知补正通知书 on this case, and a notice of another case: refused.
    expect((await serve(inspector, id, { noticeId: noticeId(id, "supplement"), ...handedOverForm("2026-11-23"), party: `worker:${first}` })).text).toContain(
      "请选择送达的通知书",
    );
    expect(t.db.$client.prepare("select count(*) from document_services").pluck().get()).toBe(0);

    expect(
      (await serve(inspector, id, { noticeId: noticeId(id, "rejection"), ...handedOverForm("2026-11-23", "工人1本人"), party: `worker:${first}` })).status,
    ).toBe(303);
    expect((await serve(inspector, id, { noticeId: noticeId(id, "rejection"), ...handedOverForm("2026-11-23"), party: `worker:${first}` })).text).toContain(
      "已登记过",
    );
    expect(
      (
        await serve(inspector, id, {
          noticeId: noticeId(id, "rejection"),
          party: `worker:${second}`,
          method: "post",
          servedOn: "2026-11-23",
          trackingNumber: "EMS1234567890",
        })
      ).status,
    ).toBe(303);
    page = (await inspector.get(`/cases/${id}`)).text;
    expect(page.match(/data-notice-served="2026-11-23"/g)).toHaveLength(2);
    const [s1, s2] = t.db.$client.prepare("select id from document_services where document = 'caseNotice' order by id").pluck().all() as number[];
    const receipt = (await inspector.get(`/cases/${id}/notices/rejection/services/${s1}`)).text;
    expect(receipt).toContain("《不予受理通知书》");
    expect(receipt).toContain("工人1本人");
    expect((await inspector.get(`/cases/${id}/notices/rejection/services/${s2}`)).text).toContain("EMS1234567890");
    // A receipt is shown only under its own notice.
    expect((await inspector.get(`/cases/${id}/notices/supplement/services/${s1}`)).status).toBe(404);
    expect((await (await loginAs(t.app, "inspector3")).get(`/cases/${id}/notices/rejection/services/${s1}`)).status).toBe(403);
  });

  it("starts the 10 working days of the 告知补正 from its service, a Saturday's too, and shows 待送达 before", async () => {
    const { id, inspector } = await assigned();
    const [first] = workerIds(id);
    await inspector
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ version: version(id), move: "requestSupplement", note: "工资欠条原件" });
    expect((await inspector.get(`/cases/${id}`)).text).toMatch(/data-supplement-due=""[^<]*补正期限：<span class="status-paused">待送达<\/span>/);
    t.clock.now = at("2026-11-28");
    const saturday = await loginAs(t.app, "inspector1");
    expect((await serve(saturday, id, { noticeId: noticeId(id, "supplement"), ...handedOverForm("2026-11-28"), party: `worker:${first}` })).status).toBe(303);
    // Day 1 is Monday 11-30; day 10 is Friday 12-11.
    expect((await saturday.get(`/cases/${id}`)).text).toContain('data-supplement-due="2026-12-11"');
  });

  it("does not serve the 移送书 on the complainants: it goes to the department that receives the case", async () => {
    const { id, inspector } = await assigned();
    const [first] = workerIds(id);
    await inspector
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ version: version(id), move: "redirect", outcome: "referredToOtherDepartment", note: "无证施工", addressee: "市住建委" })
      .expect(303);
    const referral = noticeId(id, "referral");
    expect(referral).not.toBe("");
    expect((await inspector.get(`/cases/${id}`)).text).not.toContain('data-notice-kind="referral"');
    const refused = await serve(inspector, id, { noticeId: referral, ...handedOverForm("2026-11-23"), party: `worker:${first}` });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("请选择送达的通知书");
    expect(t.db.$client.prepare("select count(*) from document_services").pluck().get()).toBe(0);
  });
});
