import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeCase, makeTestApp, userId, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const caseRow = (id: number) => t.db.$client.prepare("select * from cases where id = ?").get(id) as Record<string, unknown>;
const version = (id: number) => caseRow(id).version as number;

async function assign(id: number, lead = "inspector1", second: string | null = "inspector2") {
  const supervisor = await loginAs(t.app, "supervisor1");
  const res = await supervisor
    .post(`/cases/${id}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, lead), secondId: second ? userId(t.db, second) : "", version: version(id) });
  expect(res.status).toBe(303);
  return supervisor;
}

function move(agent: Agent, id: number, body: Record<string, string>) {
  return agent
    .post(`/cases/${id}/moves`)
    .type("form")
    .send({ version: String(version(id)), note: "", ...body });
}

describe("assignment", () => {
  it("suggests the inspector with the fewest open cases and records the assignment", async () => {
    const busy = makeCase(t.db);
    await assign(busy.id, "inspector1", "inspector2");
    const { id } = makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    const page = await supervisor.get(`/cases/${id}`);
    expect(page.text).toMatch(/<option value="\d+" selected>刘洋（在办 0） · 建议<\/option>/);
    await assign(id, "inspector3", null);
    expect(caseRow(id).lead_inspector_id).toBe(userId(t.db, "inspector3"));
    expect((await supervisor.get(`/cases/${id}`)).text).toContain("主办：刘洋");
  });

  it("refuses the same inspector as lead and second", async () => {
    const { id } = makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    const res = await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector1"), version: version(id) });
    expect(res.status).toBe(422);
    expect(res.text).toContain("主办和协办不能是同一名监察员");
  });

  it("is for supervisors only", async () => {
    const { id } = makeCase(t.db);
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), version: version(id) });
    expect(res.status).toBe(403);
  });

  it("shows the case on the inspector's workbench, with a reminder", async () => {
    const { id, caseNumber } = makeCase(t.db);
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    const bench = await inspector.get("/cases");
    expect(bench.text).toContain(caseNumber);
    expect(bench.text).toMatch(/新分配给我的案件（1）[\s\S]*QX-2026-000001/);
    expect((await (await loginAs(t.app, "inspector3")).get("/cases")).text).not.toContain(caseNumber);
  });

  it("updates reminders and workloads the moment a case is assigned (nothing kept from before the write)", async () => {
    const { id, caseNumber } = makeCase(t.db);
    const inspector = await loginAs(t.app, "inspector1");
    const supervisor = await loginAs(t.app, "supervisor1");
    expect((await inspector.get("/cases")).text).not.toContain("新分配给我的案件");
    expect((await supervisor.get("/cases")).text).toMatch(/李建国（在办 0）/);
    await assign(id, "inspector1", null);
    expect((await inspector.get("/cases")).text).toMatch(new RegExp(`新分配给我的案件（1）[\\s\\S]*${caseNumber}`));
    expect((await supervisor.get("/cases")).text).toMatch(/李建国（在办 1）/);
  });
});

describe("moves", () => {
  it("files a case: state, filing date, statutory clock and a timeline row", async () => {
    const { id } = makeCase(t.db);
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    expect((await move(inspector, id, { move: "file" })).status).toBe(303);
    expect(caseRow(id)).toMatchObject({ state: "filed", filed_on: "2026-11-23", decided_on: "2026-11-23" });
    const page = await inspector.get(`/cases/${id}`);
    expect(page.text).toContain('data-clock="statutory"');
    expect(page.text).toMatch(/受理并立案[\s\S]*已登记 → 已立案/);
  });

  it("refuses a move by an inspector not assigned to the case", async () => {
    const { id } = makeCase(t.db);
    await assign(id);
    const other = await loginAs(t.app, "inspector3");
    expect((await move(other, id, { move: "file" })).status).toBe(403);
    expect(caseRow(id).state).toBe("received");
  });

  it("refuses a move the state does not allow, saying why", async () => {
    const { id } = makeCase(t.db);
    const supervisor = await assign(id);
    const res = await move(supervisor, id, { move: "mediationFailed", note: "x" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("案件当前状态为“已登记”，不能“调解不成，受理立案”");
  });

  it("rejects in writing with a reason, and prints the 不予受理通知书", async () => {
    const { id } = makeCase(t.db);
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    const missing = await move(inspector, id, { move: "reject", outcome: "rejected", ground: "limitation" });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("请填写不予受理的理由");
    const noBasis = await move(inspector, id, { move: "reject", outcome: "rejected", ground: "other", note: "投诉事项不属实" });
    expect(noBasis.text).toContain("请填写不予受理所依据的法律、法规或规章条款");
    await move(inspector, id, { move: "reject", outcome: "rejected", ground: "limitation", note: "违法行为已超过两年" });
    expect(caseRow(id)).toMatchObject({ state: "closed", outcome: "rejected", closed_on: "2026-11-23", working_days_taken: 0 });
    const notice = await inspector.get(`/cases/${id}/notices/rejection`);
    expect(notice.text).toContain("不予受理通知书");
    expect(notice.text).toContain("违法行为已超过两年");
    expect(notice.text).toContain("依据《劳动保障监察条例》第二十条和《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款的规定，本机关决定不予受理");
    expect(notice.text).toMatch(/六十日内[^<]*长春市人民政府申请行政复议[^<]*六个月内[^<]*长春市南关区人民法院提起行政诉讼/);
    expect(notice.text).toContain("长春市人力资源和社会保障局（印章）");
  });

  it("asks for a supplement, pauses the acceptance clock, and restarts it when the clerk records the supplement", async () => {
    const { id } = makeCase(t.db, { receivedOn: "2026-11-16" });
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    await move(inspector, id, { move: "requestSupplement", note: "工资欠条原件、考勤记录" });
    expect((await inspector.get(`/cases/${id}`)).text).toMatch(/data-clock="acceptance"[^>]*data-status="paused"/);
    const supplementNotice = (await inspector.get(`/cases/${id}/notices/supplement`)).text;
    expect(supplementNotice).toContain("工资欠条原件、考勤记录");
    // The period the bureau gives and what follows when it passes (issue 25 item 8).
    expect(supplementNotice).toContain("请自收到本通知之日起 <strong>10 个工作日内</strong>补正");
    expect(supplementNotice).toContain("逾期未补正且无正当理由的，视为投诉材料不齐全，本机关将依法决定不予受理");
    t.clock.now = new Date("2026-11-25T02:00:00Z");
    const clerk = await loginAs(t.app, "clerk1");
    expect((await move(clerk, id, { move: "supplementReceived" })).status).toBe(303);
    // Acceptance runs again from 11-25; the target still counts from receipt 11-16.
    expect(caseRow(id)).toMatchObject({ state: "received", acceptance_start_on: "2026-11-25", acceptance_due_on: "2026-12-02", target_due_on: "2026-11-26" });
  });

  it("redirects to another body and prints the notice", async () => {
    const { id } = makeCase(t.db);
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    await move(inspector, id, {
      move: "redirect",
      outcome: "toArbitrationOrCourt",
      note: "双方对工资标准有争议",
      addressee: "长春市朝阳区劳动人事争议仲裁委员会",
    });
    expect(caseRow(id)).toMatchObject({ state: "closed", outcome: "toArbitrationOrCourt" });
    expect((await inspector.get(`/cases/${id}/notices/inform`)).text).toContain("长春市朝阳区劳动人事争议仲裁委员会");
  });

  it("lets the registering clerk record a withdrawal", async () => {
    const { id } = makeCase(t.db);
    const clerk = await loginAs(t.app, "clerk1");
    await move(clerk, id, { move: "withdraw", outcome: "withdrawn", note: "投诉人到窗口书面撤回" });
    expect(caseRow(id)).toMatchObject({ state: "closed", outcome: "withdrawn" });
  });

  it("closes a filed case with an outcome and stores the working days taken", async () => {
    const { id } = makeCase(t.db, { receivedOn: "2026-11-16" });
    await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    await move(inspector, id, { move: "file" });
    const workerId = t.db.$client.prepare("select id from case_workers where case_id = ?").pluck().get(id) as number;
    const close = (body: Record<string, string>) =>
      inspector
        .post(`/cases/${id}/close`)
        .type("form")
        .send({ version: String(version(id)), note: "单位已全额支付", [`recovered.${workerId}`]: "8500", ...body });
    const noOutcome = await close({});
    expect(noOutcome.status).toBe(422);
    expect(noOutcome.text).toContain("请选择办结方式");
    expect((await move(inspector, id, { move: "close", outcome: "paidAfterOrder", note: "x" })).text).toContain("请使用案件页上的专门表单");
    // 撤销立案 is the supervisor's approval, never an inspector's closing (docs/rules.md § Notices and records after acceptance).
    expect((await close({ outcome: "filingRevoked" })).text).toContain("“撤销立案”须通过“撤销立案（科长批准）”办理");
    // 应急周转金垫付 needs a paid advance (docs/rules.md §应急周转金).
    expect((await close({ outcome: "emergencyFund" })).status).toBe(422);
    expect((await close({ outcome: "toArbitrationOrCourt" })).status).toBe(303);
    expect(caseRow(id)).toMatchObject({ state: "closed", outcome: "toArbitrationOrCourt", working_days_taken: 5 });
    expect(t.db.$client.prepare("select recovered_fen from case_workers where id = ?").pluck().get(workerId)).toBe(850000);
  });

  it("extends the statutory clock once, by 30 working days, with a reason", async () => {
    const { id } = makeCase(t.db);
    const supervisor = await assign(id);
    await move(supervisor, id, { move: "file" });
    const before = caseRow(id).statutory_due_on;
    const noReason = await supervisor
      .post(`/cases/${id}/extend`)
      .type("form")
      .send({ reason: "", version: version(id) });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("请填写延期理由");
    await supervisor
      .post(`/cases/${id}/extend`)
      .type("form")
      .send({ reason: "涉及多个分包单位，需调取工程款支付记录", version: version(id) });
    expect(caseRow(id)).toMatchObject({ extension_days: 30, extension_reason: "涉及多个分包单位，需调取工程款支付记录" });
    expect(caseRow(id).statutory_due_on).not.toBe(before);
    const again = await supervisor
      .post(`/cases/${id}/extend`)
      .type("form")
      .send({ reason: "再延", version: version(id) });
    expect(again.status).toBe(422);
    expect(again.text).toContain("只能延长一次");
  });
});

describe("two users acting at once", () => {
  it("lets the first win and tells the second the case changed, showing its new state", async () => {
    const { id } = makeCase(t.db);
    const supervisor = await assign(id);
    const inspector = await loginAs(t.app, "inspector1");
    const stale = String(version(id));
    expect((await inspector.post(`/cases/${id}/moves`).type("form").send({ move: "file", version: stale, note: "" })).status).toBe(303);
    const loser = await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "requestSupplement", version: stale, note: "身份证复印件" });
    expect(loser.status).toBe(409);
    expect(loser.text).toContain("案件已被他人更新（当前状态：已立案）");
    expect(loser.text).toMatch(/id="case-state" data-state="filed"/);
    expect(caseRow(id).state).toBe("filed");
    const events = t.db.$client.prepare("select count(*) from case_events where case_id = ? and action = 'requestSupplement'").pluck().get(id);
    expect(events).toBe(0);
  });
});

describe("who sees what", () => {
  const ID = workerInput(1).idNumber;
  const MASKED_ID = `${ID.slice(0, 4)}**********${ID.slice(-4)}`;

  it.each([
    ["supervisor1", 200, true],
    ["inspector1", 200, true],
    ["inspector2", 200, true],
    ["inspector3", 403, false],
    ["clerk1", 200, true],
    ["unit_zjj", 403, false],
    ["admin", 403, false],
  ] as const)("%s gets %i on the case page (ID unmasked: %s)", async (username, status, unmasked) => {
    const { id } = makeCase(t.db);
    await assign(id);
    const res = await (await loginAs(t.app, username)).get(`/cases/${id}`);
    expect(res.status).toBe(status);
    expect(res.text.includes(ID)).toBe(unmasked);
    expect(res.text.includes(workerInput(1).phone)).toBe(unmasked);
  });

  it("shows a clerk who did not register the case nothing", async () => {
    const { id } = makeCase(t.db, {}, { actorId: null });
    expect((await (await loginAs(t.app, "clerk1")).get(`/cases/${id}`)).status).toBe(403);
  });

  it("masks ID and phone in an inspector's read-only search, where the bureau allows it", async () => {
    const open = await makeTestApp(undefined, { INSPECTORS_READ_ALL: "true" });
    const { id, caseNumber } = makeCase(open.db);
    const inspector = await loginAs(open.app, "inspector3");
    const list = await inspector.get("/cases?every=1");
    expect(list.text).toContain(caseNumber);
    const page = await inspector.get(`/cases/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("只读查询");
    expect(page.text).toContain(MASKED_ID);
    expect(page.text).toContain("138****0001");
    expect(page.text).not.toContain(ID);
    expect(page.text).not.toContain(`action="/cases/${id}/moves"`);
  });
});

describe("the workbench", () => {
  it("filters by an inspector as lead or second, or as lead only (仅主办)", async () => {
    const led = makeCase(t.db);
    const seconded = makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    const [one, two] = [userId(t.db, "inspector1"), userId(t.db, "inspector2")];
    const v = (id: number) => t.db.$client.prepare("select version from cases where id = ?").pluck().get(id);
    await supervisor
      .post(`/cases/${led.id}/assign`)
      .type("form")
      .send({ leadId: one, secondId: two, version: v(led.id) });
    await supervisor
      .post(`/cases/${seconded.id}/assign`)
      .type("form")
      .send({ leadId: two, secondId: one, version: v(seconded.id) });
    const both = await supervisor.get(`/cases?inspector=${one}`);
    expect(both.text).toContain(led.caseNumber);
    expect(both.text).toContain(seconded.caseNumber);
    const leadOnly = await supervisor.get(`/cases?inspector=${one}&lead=1`);
    expect(leadOnly.text).toContain(led.caseNumber);
    expect(leadOnly.text).not.toContain(seconded.caseNumber);
  });

  it("sorts overdue first, then by working days left, and filters in place for htmx", async () => {
    const fresh = makeCase(t.db, { receivedOn: "2026-11-23", district: "南关区" });
    const old = makeCase(t.db, { receivedOn: "2026-11-05", district: "宽城区" });
    const mid = makeCase(t.db, {
      receivedOn: "2026-11-18",
      district: "南关区",
      employerName: "长春某物业服务公司",
      workers: [workerInput(5), workerInput(6, { isRepresentative: true }), workerInput(7)],
    });
    const supervisor = await loginAs(t.app, "supervisor1");
    const page = await supervisor.get("/cases");
    const order = [...page.text.matchAll(/data-case="(QX-[\d-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([old.caseNumber, mid.caseNumber, fresh.caseNumber]);
    expect(page.text).toContain("已超期");
    expect(page.text).toMatch(/工人6 等 3 人<br><span class="muted">¥25,500.00<\/span>/);

    const overdue = await supervisor.get("/cases?clock=overdue").set("HX-Request", "true");
    expect(overdue.text).not.toContain("<html");
    expect(overdue.headers.vary).toMatch(/HX-Request/);
    expect([...overdue.text.matchAll(/data-case="(QX-[\d-]+)"/g)].map((m) => m[1])).toEqual([old.caseNumber]);

    const district = await supervisor.get(`/cases?district=${encodeURIComponent("南关区")}`);
    expect([...district.text.matchAll(/data-case="(QX-[\d-]+)"/g)].map((m) => m[1])).toEqual([mid.caseNumber, fresh.caseNumber]);

    const search = await supervisor.get(`/cases?q=${encodeURIComponent("物业服")}`);
    expect([...search.text.matchAll(/data-case="(QX-[\d-]+)"/g)].map((m) => m[1])).toEqual([mid.caseNumber]);
    const byWorker = await supervisor.get(`/cases?q=${encodeURIComponent("工人1")}`);
    expect(byWorker.text).toContain(old.caseNumber);
    // A long text is looked up by a cover of its trigrams and kept only where it stands whole.
    const decoy = makeCase(t.db, { employerName: "长春某甲物业服乙务公司" });
    const long = await supervisor.get(`/cases?q=${encodeURIComponent("长春某物业服务公司")}`);
    expect([...long.text.matchAll(/data-case="(QX-[\d-]+)"/g)].map((m) => m[1])).toEqual([mid.caseNumber]);
    expect((await supervisor.get(`/cases?q=${encodeURIComponent("长春某甲物业服乙务")}`)).text).toContain(decoy.caseNumber);
    expect((await supervisor.get(`/cases?q=${encodeURIComponent("100%_公司")}`)).text).not.toContain(decoy.caseNumber);
  });

  it("pages through many cases", async () => {
    for (let i = 0; i < 25; i++) makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    const first = await supervisor.get("/cases");
    expect(first.text).toContain("第 1 / 2 页");
    const second = await supervisor.get("/cases?page=2");
    expect([...second.text.matchAll(/data-case=/g)]).toHaveLength(5);
  });
});

describe("deadlines after a calendar change", () => {
  it("recomputes every open case's due dates in SQL when an admin edits a year", async () => {
    const { id } = makeCase(t.db, { receivedOn: "2026-12-28" }, { now: new Date("2026-12-28T02:00:00Z") });
    const closed = makeCase(t.db, { receivedOn: "2026-12-28" }, { now: new Date("2026-12-28T02:00:00Z") });
    t.db.$client.prepare("update cases set state = 'closed' where id = ?").run(closed.id);
    expect(caseRow(id).target_due_on).toBe("2027-01-08");
    const admin = await loginAs(t.app, "admin");
    await admin
      .post("/admin/calendar/2027/schedule")
      .type("form")
      .send({ source: "国办发明电〔2026〕12号", holidaysText: "元旦 2027-01-01 2027-01-05", makeupText: "" });
    expect(caseRow(id).target_due_on).toBe("2027-01-12");
    expect(caseRow(closed.id).target_due_on).toBe("2027-01-08");
    expect(caseRow(id).calendar_revision).toBeGreaterThan(caseRow(closed.id).calendar_revision as number);
  });
});

describe("printed receipt", () => {
  it("is for the people working the case", async () => {
    const { id } = makeCase(t.db);
    expect((await request(t.app).get(`/cases/${id}/receipt`)).status).toBe(303);
    expect((await (await loginAs(t.app, "inspector3")).get(`/cases/${id}/receipt`)).status).toBe(403);
  });
});
