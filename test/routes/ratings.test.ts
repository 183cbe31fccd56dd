/** 好差评 (docs/rules.md § 好差评): the worker rates a closed case from the lookup, a 差评 opens a 回访 with its clock, the office's supervisor records it, the worker reads the answer, the figures count it. */
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { browser, loginAs, makeTestApp, workedCase, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
const q = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).get(...args) as Record<string, unknown>;

async function closedCase(overrides = {}) {
  const c = await workedCase(t, { to: "filed", overrides });
  const res = await c.supervisor
    .post(`/cases/${c.id}/moves`)
    .type("form")
    .send({ version: c.version(), move: "revokeFiling", outcome: "filingRevoked", note: "情节轻微已改正，撤销立案" });
  expect(res.status).toBe(303);
  const { case_number: caseNumber, query_code: queryCode } = q("select case_number, query_code from cases where id = ?", c.id) as {
    case_number: string;
    query_code: string;
  };
  return { ...c, caseNumber, queryCode };
}

const rate = (caseNumber: string, queryCode: string, body: Record<string, string | string[]>) =>
  browser(t.app)
    .post("/query/rating")
    .type("form")
    .send({ caseNumber, queryCode, ...body });

beforeAll(async () => {
  t = await makeTestApp();
});

describe("POST /query/rating", () => {
  it("refuses a case that is not closed, and a query code that does not match", async () => {
    const c = await workedCase(t, { to: "filed" });
    const { case_number: n, query_code: code } = q("select case_number, query_code from cases where id = ?", c.id) as {
      case_number: string;
      query_code: string;
    };
    const open = await rate(n, code, { level: "satisfied" });
    expect(open.status).toBe(422);
    expect(open.text).toContain("案件办结后才能评价");
    const wrong = await rate(n, "ZZZZZZ", { level: "satisfied" });
    expect(wrong.status).toBe(404);
    expect(wrong.text).toContain("没有查到对应的案件");
    expect(q("select count(*) as n from case_ratings").n).toBe(0);
  });

  it("refuses a rating the browser marks cross-site", async () => {
    const c = await closedCase();
    const res = await request(t.app)
      .post("/query/rating")
      .set("Sec-Fetch-Site", "cross-site")
      .type("form")
      .send({ caseNumber: c.caseNumber, queryCode: c.queryCode, level: "veryDissatisfied" });
    expect(res.status).toBe(403);
    expect(q("select count(*) as n from case_ratings where case_id = ?", c.id).n).toBe(0);
  });

  it("asks for a level, keeping what was typed", async () => {
    const c = await closedCase();
    const res = await rate(c.caseNumber, c.queryCode, { comment: "办得慢" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请选择满意程度");
    expect(res.text).toContain("办得慢");
  });

  it("records a 差评 with its reasons and opens a 回访 due 15 working days later; the worker may change it within the period, then not", async () => {
    const c = await closedCase();
    const res = await rate(c.caseNumber, c.queryCode, { level: "dissatisfied", reasons: ["time", "attitude"], comment: "一直没人接电话" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("感谢您的评价");
    const row = q("select * from case_ratings where case_id = ?", c.id);
    // Rated Monday 2026-11-23: 15 working days → Monday 2026-12-14.
    expect(row).toMatchObject({
      level: "dissatisfied",
      reasons: "time,attitude",
      followup_opened_on: "2026-11-23",
      followup_due_on: "2026-12-14",
      followup_done_on: null,
    });
    expect(res.text).toContain("前回访您并答复");
    // One rating per worker: a second one changes it (and the 回访 stays owed).
    expect((await rate(c.caseNumber, c.queryCode, { level: "basicallySatisfied" })).status).toBe(200);
    expect(q("select count(*) as n, level, followup_due_on from case_ratings where case_id = ?", c.id)).toMatchObject({
      n: 1,
      level: "basicallySatisfied",
      followup_due_on: "2026-12-14",
    });
    const saved = t.clock.now;
    t.clock.now = new Date("2026-12-01T02:00:00Z");
    const late = await rate(c.caseNumber, c.queryCode, { level: "veryDissatisfied" });
    t.clock.now = saved;
    expect(late.status).toBe(422);
    expect(late.text).toContain("评价只能在首次评价后 7 日内修改");
    expect(q("select level from case_ratings where case_id = ?", c.id).level).toBe("basicallySatisfied");
  });

  it("in a group complaint asks which worker rates, by the phone they gave: one rating each", async () => {
    const c = await closedCase({ workers: [workerInput(1), workerInput(2, { isRepresentative: false })] });
    const phones = t.db.$client.prepare("select phone from case_workers where case_id = ? order by id").pluck().all(c.id) as string[];
    const none = await rate(c.caseNumber, c.queryCode, { level: "satisfied" });
    expect(none.status).toBe(422);
    expect(none.text).toContain("集体投诉请填写您登记时留的手机号码");
    expect((await rate(c.caseNumber, c.queryCode, { level: "satisfied", phone: phones[0]! })).status).toBe(200);
    expect((await rate(c.caseNumber, c.queryCode, { level: "verySatisfied", phone: phones[1]! })).status).toBe(200);
    expect(q("select count(*) as n from case_ratings where case_id = ?", c.id).n).toBe(2);
    // The lookup never shows the workers' phones or names.
    const page = await browser(t.app).post("/query").type("form").send({ caseNumber: c.caseNumber, queryCode: c.queryCode });
    for (const p of phones) expect(page.text).not.toContain(p);
  });
});

describe("POST /cases/:id/followup", () => {
  it("is the office supervisor's: records the call, requires the 整改 when the complaint was right, and the worker reads the answer", async () => {
    const c = await closedCase();
    await rate(c.caseNumber, c.queryCode, { level: "veryDissatisfied", reasons: "attitude" });
    const r = q("select id, version from case_ratings where case_id = ?", c.id) as { id: number; version: number };
    const body = {
      ratingId: String(r.id),
      version: String(r.version),
      calledOn: "2026-11-23",
      reached: "yes",
      justified: "yes",
      findings: "监察员未按约回电",
      answer: "已向您致歉并改进",
    };
    // Another office's supervisor may not; an inspector of the case may not.
    expect((await (await loginAs(t.app, "supervisor_ng")).post(`/cases/${c.id}/followup`).type("form").send(body)).status).toBe(403);
    expect((await (await loginAs(t.app, "inspector1")).post(`/cases/${c.id}/followup`).type("form").send(body)).status).toBe(403);
    const supervisor = await loginAs(t.app, "supervisor_cy");
    const missing = await supervisor.post(`/cases/${c.id}/followup`).type("form").send(body);
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("问题属实，请填写整改情况");
    expect(missing.text).toContain("监察员未按约回电");
    // Shown in that rating's own form, which the summary's 查看 links to.
    expect(missing.text).toMatch(new RegExp(`<form [^>]*id="followup-${r.id}"[\\s\\S]*?问题属实，请填写整改情况`));
    expect(missing.text).toContain(`<a href="#followup-${r.id}">查看</a>`);
    expect(q("select followup_done_on from case_ratings where id = ?", r.id).followup_done_on).toBeNull();
    const done = await supervisor
      .post(`/cases/${c.id}/followup`)
      .type("form")
      .send({ ...body, rectification: "对承办监察员批评教育，建立回电登记" });
    expect(done.status).toBe(303);
    expect(q("select * from case_ratings where id = ?", r.id)).toMatchObject({ followup_done_on: "2026-11-23", reached: 1, justified: 1 });
    const page = await browser(t.app).post("/query").type("form").send({ caseNumber: c.caseNumber, queryCode: c.queryCode });
    expect(page.text).toContain("已向您致歉并改进");
    expect(page.text).toContain("对承办监察员批评教育，建立回电登记");
    const again = await supervisor
      .post(`/cases/${c.id}/followup`)
      .type("form")
      .send({ ...body, version: String(r.version + 1), rectification: "x" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("已经回访过");
  });

  describe("tells the rater the 回访 is done", () => {
    const followUp = async (c: Awaited<ReturnType<typeof closedCase>>, fields: Record<string, string>) => {
      const r = q("select id, version from case_ratings where case_id = ?", c.id) as { id: number; version: number };
      return (await loginAs(t.app, "supervisor_cy"))
        .post(`/cases/${c.id}/followup`)
        .type("form")
        .send({ ratingId: String(r.id), version: String(r.version), calledOn: "2026-11-23", findings: "已电话核实", answer: "已向您说明情况", ...fields });
    };
    const followupNotices = (caseId: number) =>
      t.db.$client
        .prepare("select worker_id, kind, channel, phone, status, facts from worker_notices where case_id = ? and kind = 'followedUp'")
        .all(caseId) as {
        worker_id: number;
        phone: string;
        status: string;
        facts: string;
      }[];

    it("by one SMS to that worker only, saying the 整改 was made, written with the 回访", async () => {
      const c = await closedCase({ workers: [workerInput(1), workerInput(2, { isRepresentative: false })] });
      await rate(c.caseNumber, c.queryCode, { level: "dissatisfied", phone: workerInput(2).phone });
      expect(followupNotices(c.id)).toEqual([]);
      const res = await followUp(c, { reached: "yes", justified: "yes", rectification: "已督促承办人当日回电" });
      expect(res.status).toBe(303);
      const notices = followupNotices(c.id);
      expect(notices).toMatchObject([{ worker_id: c.workers[1]!.id, channel: "sms", phone: workerInput(2).phone, status: "queued" }]);
      const admin = await loginAs(t.app, "admin");
      const outbox = await admin.get("/admin/outbox");
      expect(outbox.text).toContain(`【朝阳区劳动保障监察大队】您对投诉${c.caseNumber}的评价已回访，问题已整改，答复见查询页，咨询`);
      expect(outbox.text).not.toContain("已向您说明情况");
    });

    it("without the 整改 when the complaint was not right, and nothing to a worker who chose no SMS", async () => {
      const told = await closedCase();
      await rate(told.caseNumber, told.queryCode, { level: "veryDissatisfied" });
      expect((await followUp(told, { reached: "yes", justified: "no" })).status).toBe(303);
      const [notice] = followupNotices(told.id);
      expect(JSON.parse(notice!.facts)).toMatchObject({ caseNumber: told.caseNumber, rectified: false });

      const optedOut = await closedCase({ workers: [workerInput(1, { smsOptOut: true })] });
      await rate(optedOut.caseNumber, optedOut.queryCode, { level: "veryDissatisfied" });
      expect((await followUp(optedOut, { reached: "no" })).status).toBe(303);
      expect(q("select followup_done_on from case_ratings where case_id = ?", optedOut.id).followup_done_on).not.toBeNull();
      expect(followupNotices(optedOut.id)).toEqual([]);
    });

    it("writes no notice when the 回访 is refused", async () => {
      const c = await closedCase();
      await rate(c.caseNumber, c.queryCode, { level: "dissatisfied" });
      expect((await followUp(c, { reached: "yes", justified: "yes" })).status).toBe(422);
      expect(followupNotices(c.id)).toEqual([]);
    });
  });

  it("lists the 差评 for the supervisors and counts satisfaction, 回访率 and 整改率 in the dashboard, statistics and export", async () => {
    const supervisor = await loginAs(t.app, "supervisor_cy");
    const list = await supervisor.get("/followups");
    expect(list.status).toBe(200);
    expect(list.text).toContain("已回访");
    const dashboard = await supervisor.get("/dashboard");
    expect(dashboard.text).toContain("好差评（本年）");
    const stats = await supervisor.get("/statistics?kind=custom&from=2026-11-01&to=2026-11-30");
    expect(stats.text).toContain('data-table="satisfaction-offices"');
    const csv = await supervisor.get("/exports/statistics/satisfaction-offices.csv?kind=custom&from=2026-11-01&to=2026-11-30");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("差评回访率");
    expect(csv.text).toContain("朝阳区");
    const inspectors = await supervisor.get("/exports/statistics/satisfaction-inspectors.csv?kind=custom&from=2026-11-01&to=2026-11-30");
    expect(inspectors.text).toContain("监察员");
  });
});
