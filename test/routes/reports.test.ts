/**
 * 举报 (docs/rules.md § 举报): the public form and the window entry need no complainant; the office verifies the report
 * within its clock and files a case or closes it; the reporter's identity appears nowhere it must not — on no page or
 * document of the case that began as the report, in no export, and only masked outside the handler and the office's
 * supervisor. Also the cases the office finds itself.
 */
import ExcelJS from "exceljs";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_SECTIONS } from "../../src/http/case-page.js";
import { appRoutes, browser, loginAs, makeTestApp, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
const q = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).get(...args) as Record<string, unknown>;

const REPORTER = { name: "欧阳举报", phone: "13987654321" };
const report = (overrides: Record<string, string> = {}) => ({
  employerName: "长春市某餐饮有限公司",
  employerAddress: "朝阳区某路 9 号",
  district: "朝阳区",
  whatSeen: "后厨十多名员工三个月没发工资，老板说年底再结。",
  ...overrides,
});

beforeAll(async () => {
  t = await makeTestApp();
});

describe("the public report form", () => {
  it("names the missing employer and site and keeps what was typed", async () => {
    const res = await browser(t.app)
      .post("/report")
      .type("form")
      .send({ filingToken: "a".repeat(24), whatSeen: "看到有人被欠薪" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写被举报单位名称");
    expect(res.text).toContain("请选择用工所在地");
    expect(res.text).toContain("看到有人被欠薪");
    expect(q("select count(*) as n from reports").n).toBe(0);
  });

  it("takes an anonymous report once per form, routed to the office of the work site, with a 核查 clock, a number and a query code", async () => {
    const agent = browser(t.app);
    const form = { ...report({ whatSeen: "工地\u0007欠薪" }), anonymous: "on", reporterName: "不该保存", filingToken: "b".repeat(24) };
    const first = await agent.post("/report").type("form").send(form);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe("/report/done");
    expect((await agent.post("/report").type("form").send(form)).status).toBe(303);
    expect(q("select count(*) as n from reports").n).toBe(1);
    const row = q("select r.*, o.name as office from reports r join offices o on o.id = r.office_id");
    // Received Monday 2026-11-23; 5 working days → Monday 2026-11-30.
    expect(row).toMatchObject({
      channel: "online",
      state: "verifying",
      verify_due_on: "2026-11-30",
      reporter_name: null,
      reporter_contact: null,
      what_seen: "工地欠薪",
      office: "朝阳区劳动保障监察大队",
    });
    const receipt = await agent.get("/report/done");
    expect(receipt.text).toContain(String(row.report_number));
    expect(receipt.text).toContain(String(row.query_code));
    const lookup = await browser(t.app)
      .post("/query")
      .type("form")
      .send({ caseNumber: String(row.report_number), queryCode: String(row.query_code) });
    expect(lookup.status).toBe(200);
    expect(lookup.text).toContain("核查中");
  });

  it("refuses a report the browser marks cross-site, like every other form", async () => {
    const res = await request(t.app)
      .post("/report")
      .set("Sec-Fetch-Site", "cross-site")
      .type("form")
      .send({ ...report(), filingToken: "c".repeat(24) });
    expect(res.status).toBe(403);
    expect(q("select count(*) as n from reports where filing_token = ?", "c".repeat(24)).n).toBe(0);
  });

  it("is throttled per address like the online complaint", async () => {
    const agent = browser(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await agent
            .post("/report")
            .type("form")
            .send({ ...report(), filingToken: `t${i}`.padEnd(24, "x") })
        ).status,
      );
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });
});

describe("a report at the window, verified and filed as a case", () => {
  let reportId: number;
  let caseId: number;
  let clerk: Agent;
  let supervisor: Agent;
  let handler: Agent;

  beforeAll(async () => {
    clerk = await loginAs(t.app, "clerk_cy");
    supervisor = await loginAs(t.app, "supervisor_cy");
    handler = await loginAs(t.app, "inspector_cy");
    const res = await clerk
      .post("/reports")
      .type("form")
      .send({ ...report(), channel: "window", reporterName: REPORTER.name, reporterContact: REPORTER.phone });
    expect(res.status).toBe(303);
    reportId = Number(String(res.headers.location).split("/").pop());
  });

  it("shows who reported to the office's supervisor and, once assigned, the handling inspector — masked to everyone else", async () => {
    const asClerk = await clerk.get(`/reports/${reportId}`);
    expect(asClerk.status).toBe(200);
    expect(asClerk.text).not.toContain(REPORTER.name);
    expect(asClerk.text).not.toContain(REPORTER.phone);
    expect(asClerk.text).toContain("欧***");
    expect((await supervisor.get(`/reports/${reportId}`)).text).toContain(REPORTER.phone);
    expect((await handler.get(`/reports/${reportId}`)).text).not.toContain(REPORTER.phone);
    expect((await (await loginAs(t.app, "inspector1")).get(`/reports/${reportId}`)).status).toBe(403);
    const version = q("select version from reports where id = ?", reportId).version;
    const inspectorId = q("select id from users where username = 'inspector_cy'").id;
    expect((await handler.post(`/reports/${reportId}/assign`).type("form").send({ inspectorId, version })).status).toBe(403);
    expect((await supervisor.post(`/reports/${reportId}/assign`).type("form").send({ inspectorId, version })).status).toBe(303);
    expect((await handler.get(`/reports/${reportId}`)).text).toContain(REPORTER.phone);
    for (const agent of [clerk, await loginAs(t.app, "supervisor1")]) {
      const list = await agent.get("/reports");
      expect(list.text).toContain(String(q("select report_number from reports where id = ?", reportId).report_number));
      expect(list.text).not.toContain(REPORTER.name);
      expect(list.text).not.toContain(REPORTER.phone);
    }
  });

  it("files a case without a complainant, its lead the handling inspector, linked to the report", async () => {
    const version = q("select version from reports where id = ?", reportId).version;
    const res = await handler.post(`/reports/${reportId}/file`).type("form").send({ version, note: "经现场核实属实" });
    expect(res.status).toBe(303);
    caseId = Number(String(res.headers.location).split("/").pop());
    expect(q("select state, channel, lead_inspector_id, filed_on from cases where id = ?", caseId)).toMatchObject({
      state: "filed",
      channel: "report",
      lead_inspector_id: q("select id from users where username = 'inspector_cy'").id,
      filed_on: "2026-11-23",
    });
    expect(q("select count(*) as n from case_workers where case_id = ?", caseId).n).toBe(0);
    expect(q("select source, report_id from case_sources where case_id = ?", caseId)).toEqual({ source: "report", report_id: reportId });
    expect(q("select state, case_id from reports where id = ?", reportId)).toEqual({ state: "filed", case_id: caseId });
    const page = await handler.get(`/cases/${caseId}`);
    expect(page.text).toContain("案件来源");
    expect(page.text).toContain("举报人信息依法保密");
    // Decided once: a second decision is refused, nothing changes.
    const again = await handler
      .post(`/reports/${reportId}/close`)
      .type("form")
      .send({ version: Number(version) + 1, result: "x" });
    expect(again.status).toBe(422);
  });

  it("never shows the reporter's name or phone on any page, document or export of the case, to anyone", async () => {
    const { case_number: caseNumber, query_code: queryCode } = q("select case_number, query_code from cases where id = ?", caseId) as {
      case_number: string;
      query_code: string;
    };
    const paths = [
      "/cases",
      `/cases?q=${encodeURIComponent("某餐饮")}`,
      ...CASE_SECTIONS.map((s) => `/cases/${caseId}/sections/${s.key}`),
      ...appRoutes(t.app)
        .filter((r) => r.startsWith("GET /cases/:id") && !/:(?!id\b)\w+/.test(r.slice(14)))
        .map((r) => r.slice(4).replace(":id", String(caseId))),
      ...["rejection", "supplement", "redirect"].map((k) => `/cases/${caseId}/notices/${k}`),
      "/exports/cases.csv",
      "/exports/cases.csv?full=1",
      "/dashboard",
      "/statistics",
      "/acknowledgements",
    ];
    const viewers = { handler, supervisor, city: await loginAs(t.app, "supervisor1"), clerk };
    let shown = 0;
    for (const [who, agent] of Object.entries(viewers)) {
      for (const path of paths) {
        const res = await agent.get(path);
        expect(res.status, `${who} ${path}`).toBeLessThan(500);
        if (res.status === 200) shown++;
        expect(res.text, `${who} ${path}`).not.toContain(REPORTER.name);
        expect(res.text, `${who} ${path}`).not.toContain(REPORTER.phone);
      }
    }
    // The handler's and the supervisor's exports hold the case, unzipped and read cell by cell.
    for (const [agent, path] of [
      [handler, "/exports/cases.xlsx?state=all"],
      [supervisor, "/exports/cases.xlsx?full=1&state=all"],
    ] as const) {
      const res = await agent
        .get(path)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on("data", (c: Buffer) => chunks.push(c));
          r.on("end", () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status, path).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as ArrayBuffer);
      const cells: string[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
      expect(cells).toContain(caseNumber);
      expect(cells.join("|")).not.toContain(REPORTER.name);
      expect(cells.join("|")).not.toContain(REPORTER.phone);
    }
    const lookup = await browser(t.app).post("/query").type("form").send({ caseNumber, queryCode });
    expect(lookup.text).not.toContain(REPORTER.name);
    // Most of them were shown (the rest are documents this case does not have, or not this viewer's).
    expect(shown).toBeGreaterThan(60);
  });
});

describe("closing a report without a case, and the office's own findings", () => {
  it("closes a report with a result that the reporter reads with the query code", async () => {
    const supervisor = await loginAs(t.app, "supervisor_cy");
    const res = await supervisor
      .post("/reports")
      .type("form")
      .send({ ...report({ employerName: "某洗车店" }), channel: "hotline" });
    const id = Number(String(res.headers.location).split("/").pop());
    const inspectorId = q("select id from users where username = 'inspector_cy'").id;
    await supervisor.post(`/reports/${id}/assign`).type("form").send({ inspectorId, version: 1 });
    const empty = await supervisor.post(`/reports/${id}/close`).type("form").send({ version: 2, result: "" });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("请填写核查结果");
    expect((await supervisor.post(`/reports/${id}/close`).type("form").send({ version: 2, result: "经核查，该店已于举报前结清工资。" })).status).toBe(303);
    const r = q("select report_number, query_code, state from reports where id = ?", id);
    expect(r.state).toBe("closed");
    const lookup = await browser(t.app)
      .post("/query")
      .type("form")
      .send({ caseNumber: String(r.report_number), queryCode: String(r.query_code) });
    expect(lookup.text).toContain("经核查，该店已于举报前结清工资。");
  });

  it("registers a case found in a 专项检查 without a complainant, with its source", async () => {
    const inspector = await loginAs(t.app, "inspector_cy");
    const missing = await inspector.post("/findings").type("form").send({ employerName: "某工地" });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("请选择案件来源");
    const res = await inspector.post("/findings").type("form").send({
      source: "specialInspection",
      sourceNote: "2026年冬季根治欠薪专项检查",
      employerName: "某工地",
      district: "朝阳区",
      facts: "工资台账缺失，农民工工资未按月足额支付。",
    });
    expect(res.status).toBe(303);
    const id = Number(String(res.headers.location).split("/").pop());
    expect(q("select channel, state from cases where id = ?", id)).toEqual({ channel: "patrol", state: "received" });
    expect(q("select source, note from case_sources where case_id = ?", id)).toEqual({ source: "specialInspection", note: "2026年冬季根治欠薪专项检查" });
    expect((await inspector.get(`/cases/${id}`)).status).toBe(403);
    const page = await (await loginAs(t.app, "supervisor_cy")).get(`/cases/${id}`);
    expect(page.text).toContain("专项检查");
  });
});
