/**
 * 属地管理、分级负责 in the supervisors' figures (docs/rules.md “全市督办与月通报”): an office's supervisor counts only
 * their office's cases on the dashboard, the statistics and their exports; the city sees every office, or one
 * through the office filter; the city's board ranks the offices with exact figures on a small fixed dataset,
 * and prints them as the monthly 通报 and its XLSX. Office staff may not open the board.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, xlsxOf, type Agent, type TestApp } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";

const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

let t: TestApp;
let ng: number;
let cy: number;
let city: Agent;
let ngSupervisor: Agent;
let cySupervisor: Agent;
const numbers: Record<string, string> = {};

const caseNumber = (id: number) => t.db.$client.prepare("select case_number from cases where id = ?").pluck().get(id) as string;

beforeAll(async () => {
  t = await makeTestApp();
  const office = (name: string) => t.db.$client.prepare("select id from offices where name = ?").pluck().get(name) as number;
  ng = office(NANGUAN);
  cy = office(CHAOYANG);
  const at = (name: string, c: Parameters<typeof insertCase>[1]) => {
    numbers[name] = caseNumber(insertCase(t.db, c));
  };
  // 南关区: two closings this month (2 and 14 working days, one within 8), one open case past the 8-day target,
  // one filed in August, past the statutory clock as well.
  at("A", { office: NANGUAN, district: "南关区", receivedOn: "2026-11-02", state: "closed", closedOn: "2026-11-04", outcome: "mediated", recovered: [300000] });
  at("B", {
    office: NANGUAN,
    district: "南关区",
    receivedOn: "2026-11-02",
    state: "closed",
    closedOn: "2026-11-20",
    outcome: "paidAfterOrder",
    recovered: [100000, 50000],
  });
  at("C", { office: NANGUAN, district: "南关区", receivedOn: "2026-11-02", state: "received" });
  at("D", { office: NANGUAN, district: "南关区", receivedOn: "2026-08-03", filedOn: "2026-08-03", state: "filed" });
  // 朝阳区: one closing within 8 days; two new cases waiting for 签收, one of them past its day.
  at("E", {
    office: CHAOYANG,
    district: "朝阳区",
    receivedOn: "2026-11-16",
    state: "closed",
    closedOn: "2026-11-18",
    outcome: "mediated",
    recovered: [200000],
  });
  at("F", { office: CHAOYANG, district: "朝阳区", receivedOn: "2026-11-23", state: "received", acknowledgeDueOn: "2026-11-20" });
  at("G", { office: CHAOYANG, district: "朝阳区", receivedOn: "2026-11-23", state: "received", acknowledgeDueOn: "2026-11-24" });
  city = await loginAs(t.app, "supervisor1");
  ngSupervisor = await loginAs(t.app, "supervisor_ng");
  cySupervisor = await loginAs(t.app, "supervisor_cy");
});

const openTotal = (html: string) => /在办案件<\/span><a class="figure-value" href="([^"]*)">(\d+)</.exec(html)!.slice(1);
const closedFigure = (html: string) => Number(/data-figure="closed">(\d+)</.exec(html)![1]);

describe("an office supervisor's figures count their office's cases only", () => {
  it("dashboard: 南关 sees its 2 open cases, 朝阳 its 2, never the other's", async () => {
    expect(openTotal((await ngSupervisor.get("/dashboard")).text)).toEqual(["/cases", "2"]);
    expect(openTotal((await cySupervisor.get("/dashboard")).text)).toEqual(["/cases", "2"]);
    const ngPage = (await ngSupervisor.get("/dashboard")).text;
    // The target clock's 已超期 count: 南关's two late cases; 朝阳's page has none.
    expect(ngPage).toMatch(/data-clock="target">[\s\S]*?data-status="overdue"><span[^>]*><a href="\/cases\?on=target&amp;clock=overdue">2</);
    expect((await cySupervisor.get("/dashboard")).text).toMatch(/data-clock="target">[\s\S]*?data-status="overdue"><span[^>]*>0</);
    // No office filter for an office: asking for another office's figures still answers with one's own.
    expect(openTotal((await cySupervisor.get(`/dashboard?office=${ng}`)).text)).toEqual(["/cases", "2"]);
    expect((await cySupervisor.get(`/dashboard?office=${ng}`)).text).not.toContain('name="office"');
  });

  it("statistics, the summary sentence and the CSV export: 南关 2 closed, 朝阳 1", async () => {
    const ngStats = (await ngSupervisor.get("/statistics?period=month")).text;
    expect(closedFigure(ngStats)).toBe(2);
    expect(ngStats).toContain(`${NANGUAN}办结欠薪案件2件，为3名农民工追讨工资0.45万元`);
    expect(closedFigure((await cySupervisor.get(`/statistics?period=month&office=${ng}`)).text)).toBe(1);
    const csv = await ngSupervisor.get("/exports/statistics/districts.csv?period=month");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("南关区");
    expect(csv.text).not.toContain("朝阳区");
    const cyCsv = (await cySupervisor.get(`/exports/statistics/districts.csv?period=month&office=${ng}`)).text;
    expect(cyCsv).toContain("朝阳区");
    expect(cyCsv).not.toContain("南关区");
  });

  it("clearance board: each office's own open cases", async () => {
    const open = (html: string) => Number(/在办欠薪案件<\/span><a class="figure-value big-number" href="[^"]*">(\d+)</.exec(html)![1]);
    expect(open((await ngSupervisor.get("/dashboard/clearance")).text)).toBe(2);
    expect(open((await cySupervisor.get("/dashboard/clearance")).text)).toBe(2);
    expect(open((await city.get("/dashboard/clearance")).text)).toBe(4);
  });
});

describe("the city sees every office, with an office filter", () => {
  it("dashboard: 4 open in the city, 2 with the 南关 filter (links keep the filter), inspectors with their office", async () => {
    const all = (await city.get("/dashboard")).text;
    expect(openTotal(all)).toEqual(["/cases", "4"]);
    expect(all).toContain('<option value="">全市（全部机构）</option>');
    expect(all).toContain("<th>所属机构</th>");
    const one = (await city.get(`/dashboard?office=${ng}`)).text;
    expect(openTotal(one)).toEqual([`/cases?office=${ng}`, "2"]);
    expect(one).toContain(`data-scope>${NANGUAN}<`);
    expect(one).not.toContain("<th>所属机构</th>");
  });

  it("statistics: 3 closed in the city, the city's sentence; the XLSX follows the filter", async () => {
    const all = (await city.get("/statistics?period=month")).text;
    expect(closedFigure(all)).toBe(3);
    expect(all).toContain("全市办结欠薪案件3件，为4名农民工追讨工资0.65万元");
    expect(closedFigure((await city.get(`/statistics?period=month&office=${cy}`)).text)).toBe(1);
    const book = await xlsxOf(city, `/exports/statistics.xlsx?office=${cy}&period=month`);
    const summary = book.getWorksheet("概况")!;
    const value = (label: string) => summary.getColumn(2).values[summary.getColumn(1).values.indexOf(label)];
    expect(value("办结案件（件）")).toBe(1);
    expect(String(value("通报用语"))).toContain(`${CHAOYANG}办结欠薪案件1件`);
  });
});

const rowOf = (html: string, office: number | "city") => new RegExp(`<tr data-office="${office}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)![0];
const cells = (row: string) => [...row.matchAll(/<td class="num[^"]*"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());

describe("an office filter naming no office", () => {
  it("is refused with a message, not shown as an office with no figures", async () => {
    for (const path of ["/statistics?period=month&office=999", "/dashboard?office=999", "/exports/statistics/districts.csv?period=month&office=999"]) {
      const res = await city.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain("没有这个监察机构");
    }
    // An office's own staff: the filter is not theirs to use, so it is ignored as before.
    expect(closedFigure((await ngSupervisor.get("/statistics?period=month&office=999")).text)).toBe(2);
  });
});

describe("the city's oversight board", () => {
  it("is the city's: office staff get 403", async () => {
    expect((await ngSupervisor.get("/city-board")).status).toBe(403);
    expect((await ngSupervisor.get("/city-board/bulletin")).status).toBe(403);
    expect((await ngSupervisor.get("/exports/city-board.xlsx")).status).toBe(403);
  });

  it("shows each office's figures side by side, exact, with the city's totals", async () => {
    const res = await city.get("/city-board");
    expect(res.status).toBe(200);
    // rank | open, waiting, 签收 late, past 8 wd, past statutory, closed, average, within 8, recovered, helped
    const ngRow = rowOf(res.text, ng);
    expect(cells(ngRow).slice(1)).toEqual(["2", "0", "0", "2", "1", "2", "8.0", "50.0%", "¥4,500.00", "3"]);
    expect(ngRow).toContain('data-signal="red"');
    const cyRow = rowOf(res.text, cy);
    expect(cells(cyRow).slice(1)).toEqual(["2", "2", "1", "0", "0", "1", "2.0", "100.0%", "¥2,000.00", "1"]);
    expect(cyRow).toContain('data-signal="amber"');
    expect(cells(rowOf(res.text, "city"))).toEqual(["4", "2", "1", "2", "1", "3", "6.0", "66.7%", "¥6,500.00", "4"]);
    // Every count links to the filtered workbench.
    expect(ngRow).toContain(`href="/cases?office=${ng}&on=target&clock=overdue">2</a>`);
    expect(ngRow).toContain(`href="/cases?office=${ng}&on=statutory&clock=overdue">1</a>`);
    expect(ngRow).toContain(`href="/cases?office=${ng}">2</a>`);
    // Ranked: the red office last, the amber one just before it; offices with nothing late and nothing closed share a rank.
    const ranks = [...res.text.matchAll(/<tr data-office="(\d+)" data-rank="(\d+)">/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ranks.at(-1)).toEqual([ng, ranks.length]);
    expect(ranks.at(-2)).toEqual([cy, ranks.length - 1]);
    expect(new Set(ranks.slice(0, -2).map(([, r]) => r))).toEqual(new Set([1]));
  });

  it("follows the period: in October nothing closed, the open cases stay", async () => {
    const res = await city.get("/city-board?period=custom&from=2026-10-01&to=2026-10-31");
    expect(cells(rowOf(res.text, ng)).slice(1)).toEqual(["2", "0", "0", "2", "1", "0", "—", "—", "¥0.00", "0"]);
  });

  it("prints the monthly 通报: offices ranked with their signal, the late cases with their office", async () => {
    const res = await city.get("/city-board/bulletin");
    expect(res.status).toBe(200);
    expect(res.text).toContain("全市欠薪案件办理情况通报");
    expect(res.text).toContain("全市办结欠薪案件3件");
    const late = [...res.text.matchAll(/<tr data-late-case="([^"]+)"><td>([^<]+)<\/td>[\s\S]*?<\/tr>/g)].map((m) => [m[1], m[2], m[0].includes(">是<")]);
    expect(late).toEqual([
      [numbers.D, NANGUAN, true],
      [numbers.C, NANGUAN, false],
    ]);
    expect(cells(rowOf(res.text, ng)).slice(1, 5)).toEqual(["2", "0", "0", "2"]);
  });

  it("exports the 通报 as XLSX: the ranking and the late cases", async () => {
    const book = await xlsxOf(city, "/exports/city-board.xlsx");
    const ranking = book.getWorksheet("排名")!;
    const rows = ranking.getSheetValues().filter(Boolean) as unknown[][];
    const ngRow = rows.find((r) => r[2] === NANGUAN)!;
    expect(ngRow.slice(1)).toEqual([rows.length - 2, NANGUAN, "红", 2, 0, 0, 2, 1, 2, 8, 0.5, 4500, 3]);
    expect(rows.at(-1)!.slice(2, 5)).toEqual(["全市合计", "红", 4]);
    const late = (book.getWorksheet("超期案件")!.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
    expect(late.map((r) => [r[1], r[2], r[6]])).toEqual([
      [NANGUAN, numbers.D, "是"],
      [NANGUAN, numbers.C, "否"],
    ]);
  });
});
