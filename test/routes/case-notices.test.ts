/**
 * Notices and records after acceptance (docs/rules.md § Notices and records after acceptance): numbered notices, 告知
 * and 移送 as two documents, 撤销立案 approved by the supervisor after a withdrawal, the 结案报告's statutory period and
 * approver, and the group 调解协议书 with a signature line per worker.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/lib/project-root.js";
import { loginAs, makeTestApp, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const db = () => t.db.$client;
const state = (id: number) => db().prepare("select state, outcome from cases where id = ?").get(id) as { state: string; outcome: string | null };
const move = (agent: Agent, c: { id: number; version: () => number }, body: Record<string, string>) =>
  agent
    .post(`/cases/${c.id}/moves`)
    .type("form")
    .send({ version: String(c.version()), ...body });

describe("numbered notices", () => {
  it("numbers the 不予受理 and 告知补正 notices like every other document, on the page and the case's buttons", async () => {
    const a = await workedCase(t);
    const b = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    expect((await move(inspector, a, { move: "requestSupplement", note: "工资欠条原件" })).status).toBe(303);
    expect((await move(inspector, b, { move: "requestSupplement", note: "考勤记录" })).status).toBe(303);
    expect((await move(inspector, b, { move: "reject", outcome: "rejected", ground: "limitation", note: "已超过两年" })).status).toBe(303);
    const supplement = (await inspector.get(`/cases/${b.id}/notices/supplement`)).text;
    expect(supplement).toMatch(/data-doc-number>长朝人社监补〔2026〕2号</);
    const rejection = (await inspector.get(`/cases/${b.id}/notices/rejection`)).text;
    expect(rejection).toMatch(/data-doc-number>长朝人社监不受〔2026〕1号</);
    expect((await inspector.get(`/cases/${b.id}`)).text).toContain("不予受理通知书 长朝人社监不受〔2026〕1号</a>");
    expect(db().prepare("select kind, doc_number, body from case_notices order by id").all()).toEqual([
      { kind: "supplement", doc_number: "长朝人社监补〔2026〕1号", body: "工资欠条原件" },
      { kind: "supplement", doc_number: "长朝人社监补〔2026〕2号", body: "考勤记录" },
      { kind: "rejection", doc_number: "长朝人社监不受〔2026〕1号", body: "已超过两年" },
    ]);
  });
});

describe("告知 and 移送 are two documents", () => {
  it("refuses either without the body it names, keeping the case and the typed text", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    const res = await move(inspector, c, { move: "redirect", outcome: "toArbitrationOrCourt", note: "工资标准有争议", addressee: " " });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写应向其申请仲裁或提起诉讼的机构");
    expect(res.text).toContain("工资标准有争议");
    expect(state(c.id).state).toBe("received");
    expect(db().prepare("select count(*) from case_notices").pluck().get()).toBe(0);
  });

  it("tells the complainant where to go for a labour dispute (告知书, 条例 第二十一条第二款)", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    expect(
      (await move(inspector, c, { move: "redirect", outcome: "toArbitrationOrCourt", note: "双方对工资标准有争议", addressee: "长春市劳动人事争议仲裁委员会" }))
        .status,
    ).toBe(303);
    const doc = (await inspector.get(`/cases/${c.id}/notices/inform`)).text;
    expect(doc).toContain("<h1>告知书</h1>");
    expect(doc).toMatch(/data-doc-number>长朝人社监告知〔2026〕1号</);
    expect(doc).toContain("依据《劳动保障监察条例》第二十一条第二款和《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，现告知你（们）向");
    expect(doc).toContain("<strong data-addressee>长春市劳动人事争议仲裁委员会</strong>");
    expect((await inspector.get(`/cases/${c.id}/notices/referral`)).text).toContain("该案件没有这份通知书");
  });

  it("sends another department's matter to it (移送书, 条例 第十八条第二款), addressed to that department", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    expect(
      (await move(inspector, c, { move: "redirect", outcome: "referredToOtherDepartment", note: "涉及无证施工", addressee: "长春市城乡建设委员会" })).status,
    ).toBe(303);
    expect(state(c.id)).toEqual({ state: "closed", outcome: "referredToOtherDepartment" });
    const doc = (await inspector.get(`/cases/${c.id}/notices/referral`)).text;
    expect(doc).toContain("<h1>移送书</h1>");
    expect(doc).toMatch(/data-doc-number>长朝人社监移〔2026〕1号</);
    expect(doc).toContain("<p data-addressee>长春市城乡建设委员会：</p>");
    expect(doc).toContain("依据《劳动保障监察条例》第十八条第二款的规定，现将该案移送你单位依法处理");
    expect(doc).toContain("抄告：投诉人");
    expect(db().prepare("select note from case_events where action = 'redirect'").pluck().get()).toBe("涉及无证施工（接收移送的部门：长春市城乡建设委员会）");
  });
});

describe("a complaint withdrawn after filing", () => {
  it("is not closed by the withdrawal: the supervisor approves 撤销立案 with its reason, or the case goes on", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const withdrawn = await move(inspector, c, { move: "withdraw", outcome: "withdrawn", note: "投诉人书面撤回" });
    expect(withdrawn.status).toBe(409);
    expect(withdrawn.text).toContain("不能“投诉人撤回”");
    expect((await move(inspector, c, { move: "revokeFiling", outcome: "filingRevoked", note: "投诉人撤回" })).status).toBe(403);
    expect((await inspector.get(`/cases/${c.id}`)).text).not.toContain('value="revokeFiling"');
    const page = (await c.supervisor.get(`/cases/${c.id}`)).text;
    expect(page).toContain('value="revokeFiling"');
    expect((await move(c.supervisor, c, { move: "revokeFiling", outcome: "filingRevoked", note: "" })).text).toContain("请填写撤销立案的理由");
    expect(state(c.id).state).toBe("filed");
    expect(
      (await move(c.supervisor, c, { move: "revokeFiling", outcome: "filingRevoked", note: "投诉人书面撤回投诉，单位已足额支付，经审查无需继续查处" })).status,
    ).toBe(303);
    expect(state(c.id)).toEqual({ state: "closed", outcome: "filingRevoked" });
    const report = (await c.supervisor.get(`/cases/${c.id}/report`)).text;
    expect(report).toMatch(/撤销立案（经 陈志强 于 2026年11月23日 批准：投诉人书面撤回投诉，单位已足额支付，经审查无需继续查处）/);
    expect(report).toContain("自立案之日起 60 个工作日（《劳动保障监察条例》第十七条），未延长");
  });

  it("is still closed by the withdrawal before filing", async () => {
    const c = await workedCase(t);
    const clerk = await loginAs(t.app, "clerk1");
    expect((await move(clerk, c, { move: "withdraw", outcome: "withdrawn", note: "投诉人到窗口书面撤回" })).status).toBe(303);
    expect(state(c.id)).toEqual({ state: "closed", outcome: "withdrawn" });
  });
});

describe("the 结案报告 of a filed case", () => {
  it("states the statutory period and who approved its extension, and when", async () => {
    const c = await workedCase(t, { to: "filed" });
    await c.supervisor.post(`/cases/${c.id}/extend`).type("form").send({ version: c.version(), reason: "涉及多层分包" }).expect(303);
    await move(c.supervisor, c, { move: "revokeFiling", outcome: "filingRevoked", note: "情节轻微且已改正" }).expect(303);
    const report = (await c.supervisor.get(`/cases/${c.id}/report`)).text;
    expect(report).toMatch(
      /data-statutory><th>法定办案期限<\/th><td>自立案之日起 60 个工作日（《劳动保障监察条例》第十七条），延长 30 个工作日，经 陈志强 于 2026年11月23日 批准；至 \d{4}年\d+月\d+日：按期完成/,
    );
  });

  it("has no statutory period for a case never filed", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    await move(inspector, c, { move: "reject", outcome: "rejected", ground: "limitation", note: "已超过两年" }).expect(303);
    expect((await inspector.get(`/cases/${c.id}/report`)).text).not.toContain("data-statutory");
  });
});

describe("the group 调解协议书", () => {
  it("gives every worker of the agreement a signature line, the elected representative marked", async () => {
    const c = await workedCase(t, {
      to: "mediating",
      overrides: { workers: [workerInput(1), workerInput(2, { name: "李四" }), workerInput(3, { name: "王五" })] },
    });
    const inspector = await loginAs(t.app, "inspector1");
    const amounts = Object.fromEntries(c.workers.map((w) => [`amount.${w.id}`, "1000"]));
    const res = await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({
        version: c.version(),
        result: "agreement",
        sessionOn: "2026-11-23",
        place: "调解室",
        workerSide: "工人1（代表）",
        employerSide: "赵某",
        workerStatement: "要求支付",
        employerStatement: "同意支付",
        payBy: "2026-11-27",
        paymentMethod: "银行转账",
        ...amounts,
      });
    expect(res.status, res.text.slice(0, 400)).toBe(303);
    const mediationId = db().prepare("select id from mediations").pluck().get();
    const doc = (await inspector.get(`/cases/${c.id}/mediations/${mediationId}/agreement`)).text;
    expect(doc).toContain("劳动者签字（共 3 人，每人一行）");
    expect(doc.match(/data-signature="/g)).toHaveLength(3);
    expect(doc).toContain("<td>工人1（推选代表）</td>");
    expect(doc).toContain("<td>王五</td>");
  });
});

describe("drizzle/0031_case_notices_backfill.sql", () => {
  it("gives each notice issued before numbering its row, unnumbered, a 移送 told apart from a 告知 by the case's outcome", async () => {
    const [a, b] = [await workedCase(t), await workedCase(t)];
    const inspector = await loginAs(t.app, "inspector1");
    await move(inspector, a, { move: "requestSupplement", note: "考勤记录" }).expect(303);
    await move(inspector, b, { move: "redirect", outcome: "referredToOtherDepartment", note: "无证施工", addressee: "市住建委" }).expect(303);
    db().exec("delete from case_notices");
    db().exec(readFileSync(join(projectRoot, "drizzle", "0031_case_notices_backfill.sql"), "utf8"));
    expect(db().prepare("select case_id, kind, doc_number, issued_on from case_notices order by id").all()).toEqual([
      { case_id: a.id, kind: "supplement", doc_number: null, issued_on: "2026-11-23" },
      { case_id: b.id, kind: "referral", doc_number: null, issued_on: "2026-11-23" },
    ]);
    expect((await inspector.get(`/cases/${b.id}/notices/referral`)).text).toMatch(/data-doc-number><\/p>/);
  });
});
