/** 记录回避: a request that an inspector be recused and the supervisor's decision (src/sections/recusals.ts). */
import { beforeEach, describe, expect, it } from "vitest";
import { describeActivityMove } from "../domain/activity-moves.js";
import { loginAs, makeTestApp, userId, workedCase, type TestApp } from "../helpers.js";

// Asked for on any open case by those working it; decided by the supervisor (条例 第十六条第二款).
const OPEN = ["received", "mediating", "awaiting_supplement", "filed"] as const;
describeActivityMove("requestRecusal", { from: OPEN, roles: ["inspector", "supervisor"] });
describeActivityMove("decideRecusal", { from: OPEN, roles: ["supervisor"] });

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t, { to: "filed" });
});

const recusals = () =>
  t.db.$client.prepare("select applicant, inspector_id, reason, decision, decision_reason, decided_on from case_recusals where case_id = ?").all(c.id) as {
    applicant: string;
    inspector_id: number;
    reason: string;
    decision: string | null;
    decision_reason: string | null;
    decided_on: string | null;
  }[];
const request = (over: Record<string, string> = {}) => ({
  version: String(c.version()),
  requestedOn: "2026-11-23",
  applicant: "employer",
  inspectorId: String(userId(t.db, "inspector2")),
  reason: "被投诉单位称该监察员的配偶在本单位任财务负责人。",
  ...over,
});
const decision = (over: Record<string, string> = {}) => ({
  version: String(c.version()),
  recusalId: String(t.db.$client.prepare("select id from case_recusals where case_id = ? order by id desc").pluck().get(c.id)),
  decision: "granted",
  decidedOn: "2026-11-23",
  decisionReason: "经核实，该监察员配偶确在被投诉单位任职，与本案有直接利害关系。",
  ...over,
});

describe("a recusal", () => {
  it("is recorded by the lead inspector, decided by the supervisor, and when granted the page asks for reassignment", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/recusals`).type("form").send(request());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cases/${c.id}#recusal`);
    expect(recusals()).toMatchObject([{ applicant: "employer", inspector_id: userId(t.db, "inspector2"), decision: null }]);
    const pending = await c.supervisor.get(`/cases/${c.id}`);
    expect(pending.text).toContain("回避（1 次申请）");
    expect(pending.text).toContain("被投诉单位申请");
    expect(pending.text).toContain("待科长决定");
    expect(pending.text).toContain('id="recusal-decision"');
    // The inspector may not decide; the supervisor does.
    expect((await inspector.get(`/cases/${c.id}`)).text).not.toContain('id="recusal-decision"');
    expect((await inspector.post(`/cases/${c.id}/recusals/decision`).type("form").send(decision())).status).toBe(403);
    const decided = await c.supervisor.post(`/cases/${c.id}/recusals/decision`).type("form").send(decision());
    expect(decided.status).toBe(303);
    expect(recusals()[0]).toMatchObject({ decision: "granted", decided_on: "2026-11-23" });
    const page = (await c.supervisor.get(`/cases/${c.id}`)).text;
    expect(page).toContain("准予回避");
    expect(page).toMatch(/id="recusal-reassign"[\s\S]*?本案须重新分配承办监察员[\s\S]*?href="#assign"/);
    expect(page).toMatch(/记录回避申请[\s\S]*决定是否回避/);
    // The recused inspector is not assigned again.
    const back = await c.supervisor
      .post(`/cases/${c.id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: c.version() });
    expect(back.status).toBe(422);
    expect(back.text).toMatch(/id="secondId"[^>]*aria-invalid="true"[\s\S]*?该监察员已准予回避，不能承办本案/);
    // Reassigned with the existing form: the notice goes.
    await c.supervisor
      .post(`/cases/${c.id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector3"), version: c.version() });
    expect((await c.supervisor.get(`/cases/${c.id}`)).text).not.toContain('id="recusal-reassign"');
  });

  it("refused, keeps what was typed and puts each message beside its field, saving nothing", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send(request({ reason: " ", applicant: "", requestedOn: "2026-11-30" }));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="recusal-reason"[^>]*aria-invalid="true"[\s\S]*?<p class="field-error" id="recusal-reason-error">请填写回避理由<\/p>/);
    expect(res.text).toMatch(/id="recusal-applicant"[^>]*aria-invalid="true"[\s\S]*?请选择申请人/);
    expect(recusals()).toEqual([]);
    const late = await inspector
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send(request({ requestedOn: "2026-11-30" }));
    expect(late.status).toBe(422);
    expect(late.text).toMatch(/id="recusal-requestedOn"[^>]*aria-invalid="true"[\s\S]*?申请日期不能晚于今天/);
    const stranger = await inspector
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send(request({ inspectorId: String(userId(t.db, "inspector3")) }));
    expect(stranger.status).toBe(422);
    expect(stranger.text).toMatch(/id="recusal-inspectorId"[^>]*aria-invalid="true"[\s\S]*?只能对本案的承办监察员申请回避/);
    const other = await inspector
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send(request({ applicant: "inspector" }));
    expect(other.status).toBe(422);
    expect(other.text).toMatch(/id="recusal-applicant"[^>]*aria-invalid="true"[\s\S]*?监察员本人申请回避，应由本人记录/);
    expect(recusals()).toEqual([]);
    // A decision needs its choice and its reason.
    await inspector
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send(request({ applicant: "inspector", inspectorId: String(userId(t.db, "inspector1")) }));
    const bare = await c.supervisor
      .post(`/cases/${c.id}/recusals/decision`)
      .set("HX-Request", "true")
      .type("form")
      .send(decision({ decision: "", decisionReason: "" }));
    expect(bare.status).toBe(422);
    expect(bare.text.trim()).toMatch(/^<section class="card" id="recusals"/);
    expect(bare.text).toMatch(/id="recusal-decision-decision"[^>]*aria-invalid="true"[\s\S]*?请选择准予回避或不予回避/);
    expect(bare.text).toMatch(/id="recusal-decision-decisionReason"[^>]*aria-invalid="true"[\s\S]*?请填写决定理由/);
    expect(recusals()[0]!.decision).toBeNull();
    // One request waits at a time.
    const second = await inspector.post(`/cases/${c.id}/recusals`).type("form").send(request());
    expect(second.status).toBe(422);
    expect(second.text).toContain("本案已有待决定的回避申请");
    // Refused: no reassignment asked for.
    await c.supervisor
      .post(`/cases/${c.id}/recusals/decision`)
      .type("form")
      .send(decision({ decision: "refused", decisionReason: "申请理由不成立。" }));
    const page = (await c.supervisor.get(`/cases/${c.id}`)).text;
    expect(page).toContain("不予回避");
    expect(page).not.toContain('id="recusal-reassign"');
  });

  it("is refused to an inspector not on the case and to the clerk, hidden from them, and refused on a closed case", async () => {
    for (const user of ["inspector3", "clerk1"]) {
      const agent = await loginAs(t.app, user);
      expect((await agent.post(`/cases/${c.id}/recusals`).type("form").send(request())).status, user).toBe(403);
    }
    const clerkPage = await (await loginAs(t.app, "clerk1")).get(`/cases/${c.id}`);
    expect(clerkPage.text).not.toContain('id="recusal"');
    await c.supervisor
      .post(`/cases/${c.id}/moves`)
      .type("form")
      .send({ move: "revokeFiling", outcome: "filingRevoked", note: "投诉人撤回", version: c.version() });
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/recusals`).type("form").send(request());
    expect(res.status).toBe(409);
    expect(res.text).toContain("不能“记录回避申请”");
    expect(recusals()).toEqual([]);
  });
});
