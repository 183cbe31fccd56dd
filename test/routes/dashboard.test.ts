import { DASHBOARD_INSPECTORS } from "../../src/domain/statistics.js";
import { beforeAll, describe, expect, it } from "vitest";
import { renderChart } from "../../src/http/charts.js";
import { loginAs, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";

let t: TestApp;
let supervisor: Agent;
let inspector: Agent;
beforeAll(async () => {
  t = await makeTestApp(); // today is Monday 2026-11-23
  const lead = userId(t.db, "inspector1");
  insertCase(t.db, { receivedOn: "2026-11-02", state: "closed", closedOn: "2026-11-12", outcome: "paidAfterOrder", lead, recovered: [500000, 300000] });
  insertCase(t.db, { receivedOn: "2026-11-02", state: "closed", closedOn: "2026-11-13", outcome: "mediated", lead, recovered: [100000] });
  insertCase(t.db, { receivedOn: "2026-11-10", state: "filed", filedOn: "2026-11-12", lead }); // target overdue since 11-21
  insertCase(t.db, { receivedOn: "2026-11-18", state: "received", lead }); // acceptance due 11-25: due soon
  insertCase(t.db, { receivedOn: "2026-11-23", state: "received", channel: "phone12333" });
  supervisor = await loginAs(t.app, "supervisor1");
  inspector = await loginAs(t.app, "inspector1");
});

const cell = (html: string, clock: string, status: string) => {
  const row = html.match(new RegExp(`<tr data-clock="${clock}">([\\s\\S]*?)</tr>`))![1]!;
  return Number(row.match(new RegExp(`data-status="${status}"><span[^>]*>(?:<a href="[^"]*">)?(\\d+)`))![1]);
};

describe("GET /dashboard", () => {
  describe("as a supervisor", () => {
    it("shows open cases by state, today's new complaints and each clock's counts", async () => {
      const res = await supervisor.get("/dashboard");
      expect(res.status).toBe(200);
      expect(res.text).toContain("监督看板");
      expect(res.text).toMatch(/在办案件<\/span><a class="figure-value" href="\/cases">3</);
      expect(res.text).toMatch(/今日新收投诉<\/span><span class="figure-value">1</);
      expect(cell(res.text, "target", "overdue")).toBe(1);
      expect(cell(res.text, "acceptance", "dueSoon")).toBe(1);
    });

    it("links each count to the workbench filtered to exactly those cases", async () => {
      const res = await supervisor.get("/dashboard");
      expect(res.text).toContain('href="/cases?on=target&amp;clock=overdue"');
      const list = await supervisor.get("/cases?on=target&clock=overdue");
      expect(list.text).toMatch(/共 1 件/);
      const soon = await supervisor.get("/cases?on=acceptance&clock=dueSoon");
      expect(soon.text).toMatch(/共 1 件/);
      // inspector1 leads the overdue filed case and the due-soon received one.
      const me = userId(t.db, "inspector1");
      // The dashboard counts 主办 cases; its links ask the workbench for the same (lead=1).
      expect(res.text).toContain(`href="/cases?inspector=${me}&amp;lead=1&amp;on=target&amp;clock=overdue">1</a>`);
      expect((await supervisor.get(`/cases?inspector=${me}&lead=1&on=target&clock=overdue`)).text).toMatch(/共 1 件/);
      expect((await supervisor.get(`/cases?inspector=${me}&lead=1&on=worst&clock=dueSoon`)).text).toMatch(/共 1 件/);
      const open = Number(new RegExp(`href="/cases\\?inspector=${me}&amp;lead=1">(\\d+)</a>`).exec(res.text)![1]);
      expect((await supervisor.get(`/cases?inspector=${me}&lead=1`)).text).toMatch(new RegExp(`共 ${open} 件`));
    });

    it("draws the inspectors' chart as a server-side SVG image, with the numbers in a table", async () => {
      const res = await supervisor.get("/dashboard");
      const src = res.text.match(/<img class="chart chart-wide" src="([^"]+)"/)![1]!.replaceAll("&amp;", "&");
      const svg = (await supervisor.get(src)).body.toString();
      expect(svg).toMatch(/^<svg[\s\S]*李建国/);
      // Well-formed: no attribute value cut short by a nested double quote (a browser would show nothing).
      expect(svg).not.toMatch(/="[^"]*"[^\s>/][^"]*"/);
      expect(res.text).toMatch(/<tr data-inspector="\d+">\s*<td>李建国<\/td>/);
      expect(res.text).not.toMatch(/<script(?! src="\/js\/)/);
    });
  });

  it("lists every inspector on their own page, the dashboard only those to look at first", async () => {
    const total = t.db.$client.prepare("select count(*) from users where role = 'inspector' and active = 1").pluck().get() as number;
    const board = await supervisor.get("/dashboard");
    const all = await supervisor.get("/dashboard/inspectors");
    expect(all.status).toBe(200);
    expect(all.text).toContain('<h1 id="inspectors-title">');
    const rows = (text: string) => text.match(/<tr data-inspector="/g)?.length ?? 0;
    expect(rows(board.text)).toBe(Math.min(total, DASHBOARD_INSPECTORS));
    expect(rows(all.text)).toBeGreaterThanOrEqual(rows(board.text));
    expect((await inspector.get("/dashboard/inspectors")).status).toBe(403);
  });

  it("is refused to an inspector", async () => {
    expect((await inspector.get("/dashboard")).status).toBe(403);
  });
});

describe("GET /statistics", () => {
  it("takes typed dates as a custom range even when another period is still selected", async () => {
    const res = await supervisor.get("/statistics?period=year&from=2026-10-01&to=2026-10-31");
    expect(res.status).toBe(200);
    expect(res.text).toContain("2026年10月1日至10月31日");
    expect(res.text).toContain('value="2026-10-01"');
  });

  it("shows this year's figures, the summary sentence and three charts with their tables", async () => {
    const res = await supervisor.get("/statistics");
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      "2026年1月1日至11月23日，全市办结欠薪案件2件，为3名农民工追讨工资0.90万元；平均办结时限8.5个工作日，比法定60个工作日提高86%；通过快速调处化解立案前欠薪问题1件，追回0.10万元。",
    );
    expect(res.text.match(/<img class="chart"/g)).toHaveLength(3);
    expect(res.text).toContain('data-table="months"');
    expect(res.text).toMatch(/data-figure="within">50.0%/);
  });

  it("draws each chart at an address of its own, kept by the browser until the drawing changes, for supervisors only", async () => {
    const page = await supervisor.get("/statistics?period=custom&from=2026-11-01&to=2026-11-23");
    expect(page.text).not.toContain("data:image/svg+xml");
    const srcs = [...page.text.matchAll(/<img class="chart" src="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(srcs).toHaveLength(3);
    expect(srcs[0]).toMatch(/^\/statistics\/charts\/flow\.svg\?period=custom&from=2026-11-01&to=2026-11-23&v=[\w-]{16}$/);
    const flow = await supervisor.get(srcs[0]!);
    expect(flow.status).toBe(200);
    expect(flow.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(flow.headers["cache-control"]).toBe("private, max-age=86400, immutable");
    expect(flow.body.toString()).toContain("每月收案与结案");
    // Another version (the figures changed since the page was drawn): the drawing of now, checked again next time.
    const stale = await supervisor.get(srcs[0]!.replace(/v=[\w-]+$/, "v=old"));
    expect(stale.status).toBe(200);
    expect(stale.headers["cache-control"]).toBe("private, no-cache");
    expect((await supervisor.get("/statistics/charts/nothing.svg")).status).toBe(404);
    expect((await supervisor.get("/statistics/charts/constructor.svg")).status).toBe(404);
    expect((await inspector.get(srcs[0]!)).status).toBe(403);
    // The dashboard's inspector chart, wide and narrow, the same way.
    const dash = await supervisor.get("/dashboard");
    const wide = dash.text.match(/<img class="chart chart-wide" src="([^"]+)"/)![1]!.replaceAll("&amp;", "&");
    expect(wide).toMatch(/^\/dashboard\/charts\/wide\.svg\?v=/);
    expect((await supervisor.get(wide)).body.toString()).toContain("各监察员在办案件");
    expect((await supervisor.get("/dashboard/charts/tall.svg")).status).toBe(404);
  });

  it("takes a custom range", async () => {
    const res = await supervisor.get("/statistics?period=custom&from=2026-11-13&to=2026-11-20");
    expect(res.status).toBe(200);
    expect(res.text).toContain("2026年11月13日至11月20日，全市办结欠薪案件1件");
  });

  it("answers a bad range with 422, a Chinese message naming the field, and the typed values kept", async () => {
    const res = await supervisor.get("/statistics?period=custom&from=2026-12-01&to=2026-11-01");
    expect(res.status).toBe(422);
    expect(res.text).toContain("起始日期不能晚于截止日期");
    expect(res.text).toContain('value="2026-12-01"');
  });

  it("answers htmx with the partial only", async () => {
    const res = await supervisor.get("/statistics?period=month").set("HX-Request", "true");
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("<html");
    expect(res.text).toContain("2026年11月1日至11月23日");
  });
});

describe("GET /dashboard/clearance", () => {
  it("counts down to the Spring Festival with the open cases", async () => {
    const res = await supervisor.get("/dashboard/clearance");
    expect(res.status).toBe(200);
    expect(res.text).toContain("2027年2月6日");
    expect(res.text).toMatch(/data-figure="days">75</);
    expect(res.text).toMatch(/在办欠薪案件<\/span><a class="figure-value big-number" href="\/cases">3</);
  });
});

describe("GET /cases as an inspector", () => {
  it("shows my figures this month, the same as the supervisor's row for me", async () => {
    const res = await inspector.get("/cases");
    expect(res.text).toContain("我的本月数据");
    expect(res.text).toMatch(/data-figure="closed">2</);
    expect(res.text).toMatch(/data-figure="within">1</);
    expect(res.text).toMatch(/data-figure="average">8.5</);
    const board = await supervisor.get("/dashboard");
    const row = board.text.match(new RegExp(`<tr data-inspector="${userId(t.db, "inspector1")}">([\\s\\S]*?)</tr>`))![1]!;
    expect(row).toContain('<td class="num">2</td>');
    expect(row).toContain("8.5");
  });
});

describe("figures reused between requests", () => {
  it("are computed afresh as soon as anything is written", async () => {
    const before = await supervisor.get("/dashboard");
    const again = await supervisor.get("/dashboard");
    expect(again.text).toBe(before.text);
    insertCase(t.db, { receivedOn: "2026-11-23", state: "received" });
    const after = await supervisor.get("/dashboard");
    expect(after.text).toMatch(/今日新收投诉<\/span><span class="figure-value">2</);
    const clearance = await supervisor.get("/dashboard/clearance");
    expect(clearance.text).toMatch(/在办欠薪案件<\/span><a class="figure-value big-number" href="\/cases">4</);
  });
});

describe("a chart with a reference line", () => {
  it("draws the line even when every value is below it", () => {
    const chart = renderChart({
      title: "t",
      categories: ["1月", "2月"],
      reference: { value: 8, label: "目标 8 个工作日" },
      series: [{ name: "平均", type: "line", data: [5, 6] }],
    });
    expect(chart.svg).toContain("目标 8 个工作日");
  });
});
