import ExcelJS from "exceljs";
import type { Response } from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";

let t: TestApp;
let supervisor: Agent;
let inspector: Agent;
beforeAll(async () => {
  t = await makeTestApp();
  insertCase(t.db, {
    receivedOn: "2026-11-02",
    state: "closed",
    closedOn: "2026-11-12",
    outcome: "paidAfterOrder",
    lead: userId(t.db, "inspector1"),
    recovered: [1234567],
  });
  insertCase(t.db, { receivedOn: "2026-11-18", state: "received", lead: userId(t.db, "inspector2") });
  supervisor = await loginAs(t.app, "supervisor1");
  inspector = await loginAs(t.app, "inspector1");
});

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
};

async function download(agent: Agent, path: string) {
  return agent
    .get(path)
    .buffer(true)
    .parse(binary as never);
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

const auditCount = (subject: string) => t.db.$client.prepare("select count(*) from audit_events where subject = ?").pluck().get(subject) as number;

describe("GET /exports/cases.xlsx", () => {
  it("streams every filtered case with Chinese headers, money as ¥ numbers and dates as dates", async () => {
    const res = await download(supervisor, "/exports/cases.xlsx?state=all");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain("attachment");
    const ws = (await workbook(res.body as Buffer)).getWorksheet("案件清单")!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(["案件编号", "状态", "结案方式", "来源", "收到日期"]);
    expect(ws.rowCount).toBe(3);
    const col = (name: string) => headers.indexOf(name) + 1;
    const closed = ws.getRow(2);
    expect(closed.getCell(col("状态")).value).toBe("已结案");
    const money = closed.getCell(col("追回金额"));
    expect(money.value).toBe(12345.67);
    expect(money.numFmt).toBe('"¥"#,##0.00');
    const date = closed.getCell(col("收到日期"));
    expect(date.value).toEqual(new Date("2026-11-02T00:00:00Z"));
    expect(date.numFmt).toBe("yyyy-mm-dd");
  });

  it("masks ID numbers and phones unless a supervisor asks for them in full", async () => {
    const masked = await workbook((await download(supervisor, "/exports/cases.xlsx")).body as Buffer);
    const row = (wb: ExcelJS.Workbook) => (wb.getWorksheet("案件清单")!.getRow(2).values as unknown[]).slice(1);
    expect(row(masked)).toContain("2201**********0011");
    expect(row(masked)).toContain("138****5678");
    const full = await workbook((await download(supervisor, "/exports/cases.xlsx?full=1")).body as Buffer);
    expect(row(full)).toContain("220102198503150011");
    expect(row(full)).toContain("13812345678");
  });

  it("records every export in the audit log, saying whether personal data went out in full", async () => {
    const before = auditCount("export:cases");
    await download(supervisor, "/exports/cases.xlsx?full=1&district=南关区");
    expect(auditCount("export:cases")).toBe(before + 1);
    const last = t.db.$client.prepare("select actor_id, action, detail from audit_events where subject = 'export:cases' order by id desc limit 1").get() as {
      actor_id: number;
      action: string;
      detail: string;
    };
    expect(last.actor_id).toBe(userId(t.db, "supervisor1"));
    expect(last.action).toBe("导出");
    expect(last.detail).toContain("完整");
    expect(last.detail).toContain("district=");
  });

  it("records a full export once, with its filter and the cases sent, and nothing when masked (issue 22 defect 8)", async () => {
    const sql = t.db.$client;
    const views = () => sql.prepare("select count(*) from personal_data_views").pluck().get() as number;
    const before = views();
    const exports = () => sql.prepare("select filter, rows from personal_data_exports order by id").all();
    const earlier = exports();
    await download(supervisor, "/exports/cases.csv?state=all");
    expect(exports()).toEqual(earlier);
    await download(supervisor, "/exports/cases.csv?state=all&full=1");
    expect(views()).toBe(before);
    expect(exports()).toEqual([...earlier, { filter: "state=all", rows: 2 }]);
    const page = await supervisor.get("/personal-data-views");
    expect(page.text).toMatch(/data-export="\d+"><td[^>]*>[^<]*<\/td><td>[^<]*<\/td><td>state=all<\/td><td>2<\/td>/);
  });

  it("lets an inspector export their own cases, masked, and refuses them full data", async () => {
    const res = await download(inspector, "/exports/cases.xlsx?state=all");
    const ws = (await workbook(res.body as Buffer)).getWorksheet("案件清单")!;
    expect(ws.rowCount).toBe(2);
    expect((await inspector.get("/exports/cases.xlsx?full=1")).status).toBe(403);
  });

  it("is refused to a clerk", async () => {
    const clerk = await loginAs(t.app, "clerk1");
    expect((await clerk.get("/exports/cases.csv")).status).toBe(403);
  });
});

describe("GET /exports/cases.csv", () => {
  it("starts with the UTF-8 byte-order mark so Chinese Excel reads it", async () => {
    const res = await download(supervisor, "/exports/cases.csv?state=all");
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toMatch(/^案件编号,状态,结案方式,来源,收到日期/);
    expect(text).toContain(",12345.67,");
    expect(res.headers["content-type"]).toContain("text/csv; charset=utf-8");
  });
});

describe("statistics exports", () => {
  it("puts the summary and every table in one workbook", async () => {
    const res = await download(supervisor, "/exports/statistics.xlsx?period=month");
    const wb = await workbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概况", "按月", "按来源", "按行业", "按区县", "好差评按机构", "好差评按监察员"]);
    const months = wb.getWorksheet("按月")!;
    expect(months.getRow(2).getCell(1).value).toBe("2026-11");
    expect(wb.getWorksheet("概况")!.getRow(14).getCell(2).value).toMatch(/^2026年11月1日至11月23日，全市办结欠薪案件1件/);
  });

  it("gives each table as CSV with the BOM", async () => {
    const res = await download(supervisor, "/exports/statistics/districts.csv?period=year");
    expect([...(res.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((res.body as Buffer).toString("utf8")).toContain("区县,收到投诉,办结");
  });

  it("links the task board's export for supervisors only", async () => {
    expect((await supervisor.get("/tasks")).text).toContain('href="/exports/tasks.xlsx"');
    const liaison = await loginAs(t.app, "unit_zjj");
    expect((await liaison.get("/tasks")).text).not.toContain("/exports/tasks");
  });

  it("exports the task-force board", async () => {
    const res = await download(supervisor, "/exports/tasks.xlsx");
    expect(res.status).toBe(200);
    const ws = (await workbook(res.body as Buffer)).getWorksheet("专班任务")!;
    expect(ws.getRow(1).getCell(3).value).toBe("成员单位");
  });
});
