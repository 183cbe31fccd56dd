import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, type TestApp } from "../helpers.js";
import { ensureCalendar, getYear, loadCalendar } from "../../src/models/calendar.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

function due(html: string) {
  const m = /<output id="due" data-date="([\d-]+)" data-provisional="(true|false)">/.exec(html);
  return m ? { date: m[1], provisional: m[2] === "true" } : null;
}

describe("GET /calendar/calc", () => {
  it("is open to everyone and answers 2026-02-13 + 8 = 2026-03-03", async () => {
    const res = await request(t.app).get("/calendar/calc?from=2026-02-13&days=8");
    expect(res.status).toBe(200);
    expect(due(res.text)).toEqual({ date: "2026-03-03", provisional: false });
    expect(res.text).toContain("2026年3月3日");
  });

  it("marks an answer in 2027 provisional", async () => {
    const res = await request(t.app).get("/calendar/calc?from=2026-12-28&days=8");
    expect(due(res.text)).toEqual({ date: "2027-01-08", provisional: true });
    expect(res.text).toContain("暂定");
  });

  it("shows the empty form with today and 8 when asked nothing", async () => {
    const res = await request(t.app).get("/calendar/calc");
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="2026-11-23"');
    expect(due(res.text)).toBeNull();
  });

  it.each([
    ["from=2026-02-30&days=8", "起算日期应为有效日期"],
    ["from=abc&days=8", "起算日期应为有效日期"],
    ["from=2026-02-13&days=-1", "工作日数应为 0 或正整数"],
    ["from=2026-02-13&days=1.5", "工作日数应为 0 或正整数"],
    ["from=2026-02-13&days=99999", "工作日数不能超过 1000"],
    ["from=1990-01-01&days=8", "超出工作日历范围"],
    ["from=2026-02-13", "请填写工作日数"],
  ])("refuses %s with 400 and a Chinese message", async (query, message) => {
    const res = await request(t.app).get(`/calendar/calc?${query}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain(message);
    expect(due(res.text)).toBeNull();
  });
});

describe("ensureCalendar", () => {
  it("is idempotent", () => {
    ensureCalendar(t.db, 2031);
    const before = t.db.$client.prepare("select count(*) n, sum(ordinal) s from calendar_days").get();
    ensureCalendar(t.db, 2031);
    expect(t.db.$client.prepare("select count(*) n, sum(ordinal) s from calendar_days").get()).toEqual(before);
  });

  it("stores every date with its running ordinal, usable in SQL", () => {
    const row = t.db.$client
      .prepare(
        `select d.date from calendar_days d
          where d.is_working_day = 1 and d.ordinal = (select ordinal from calendar_days where date = ?) + ?`,
      )
      .get("2026-09-30", 8) as { date: string };
    expect(row.date).toBe("2026-10-16");
  });
});

describe("the admin calendar", () => {
  const schedule2027 = {
    source: "国办发明电〔2026〕12号",
    holidaysText: "元旦 2027-01-01 2027-01-03\n春节 2027-02-05 2027-02-12",
    makeupText: "春节 2027-02-20",
  };

  it("shows a year as a month grid with holidays and makeup days", async () => {
    const admin = await loginAs(t.app, "admin");
    const res = await admin.get("/admin/calendar/2026");
    expect(res.status).toBe(200);
    expect(res.text).toContain("2026 年工作日历");
    expect(res.text).toContain("已发布");
    expect(res.text).toMatch(/data-date="2026-02-14" data-kind="makeup"/);
    expect(res.text).toMatch(/data-date="2026-10-05" data-kind="holiday"/);
    expect((await admin.get("/admin/calendar/2027")).text).toContain("暂定");
  });

  it("saves a new year's schedule, recomputes the ordinals and records the change", async () => {
    const admin = await loginAs(t.app, "admin");
    const before = loadCalendar(t.db).addWorkingDays("2027-02-04", 1);
    expect(before.date).toBe("2027-02-09");
    const res = await admin.post("/admin/calendar/2027/schedule").type("form").send(schedule2027);
    expect(res.status).toBe(303);
    const after = loadCalendar(t.db);
    expect(after.addWorkingDays("2027-02-04", 1)).toEqual({ date: "2027-02-15", provisional: true });
    expect(after.isWorkingDay("2027-02-20")).toBe(true);
    // SQL ordinals moved too, including the years after.
    const sqlDue = t.db.$client
      .prepare("select date from calendar_days where is_working_day = 1 and ordinal = (select ordinal from calendar_days where date = ?) + 1")
      .get("2028-03-01") as { date: string };
    expect(sqlDue.date).toBe(after.addWorkingDays("2028-03-01", 1).date);
    expect(getYear(t.db, 2027)!.version).toBe(2);
    const page = await admin.get("/admin/calendar/2027");
    expect(page.text).toContain("修改节假日安排");
    expect(page.text).toContain("国办发明电〔2026〕12号");
  });

  it("publishes a year, after which its answers are no longer provisional", async () => {
    const admin = await loginAs(t.app, "admin");
    await admin.post("/admin/calendar/2027/schedule").type("form").send(schedule2027);
    const res = await admin.post("/admin/calendar/2027/publish").type("form").send({ source: "国办发明电〔2026〕12号" });
    expect(res.status).toBe(303);
    expect(getYear(t.db, 2027)!.published).toBe(true);
    const calc = await request(t.app).get("/calendar/calc?from=2026-12-28&days=8");
    expect(due(calc.text)).toEqual({ date: "2027-01-08", provisional: false });
  });

  it("names the bad line and keeps the text", async () => {
    const admin = await loginAs(t.app, "admin");
    const res = await admin
      .post("/admin/calendar/2027/schedule")
      .type("form")
      .send({ source: "", holidaysText: "春节 2027-02-12 2027-02-05\n国庆 2028-10-01", makeupText: "春节 2027-02-17" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写来源文号");
    expect(getYear(t.db, 2027)!.version).toBe(1);
    const fixed = await admin
      .post("/admin/calendar/2027/schedule")
      .type("form")
      .send({ source: "x", holidaysText: "春节 2027-02-12 2027-02-05\n国庆 2028-10-01", makeupText: "春节 2027-02-17" });
    expect(fixed.text).toContain("节假日第 1 行“春节 2027-02-12 2027-02-05”：结束日期早于开始日期");
    expect(fixed.text).toContain("日期不在 2027 年内");
    expect(fixed.text).toContain("调休上班日应为周六或周日");
    expect(fixed.text).toContain("国庆 2028-10-01</textarea>");
  });

  it("imports an .ics schedule", async () => {
    const admin = await loginAs(t.app, "admin");
    // The package's own 2026 file, as the State Council data is distributed.
    const require = createRequire(import.meta.url);
    const ics = readFileSync(require.resolve("chinese-days/dist/years/2026.ics"));
    await admin.post("/admin/calendar/2026/schedule").type("form").send({ source: "空白", holidaysText: "", makeupText: "" });
    expect(loadCalendar(t.db).isWorkingDay("2026-10-05")).toBe(true);
    const res = await admin.post("/admin/calendar/2026/import").field("source", "国办发明电〔2025〕7号").attach("file", ics, "2026.ics");
    expect(res.status).toBe(303);
    const calendar = loadCalendar(t.db);
    expect(calendar.isWorkingDay("2026-10-05")).toBe(false);
    expect(calendar.day("2026-02-14").kind).toBe("makeup");
    expect(calendar.addWorkingDays("2026-02-13", 8).date).toBe("2026-03-03");
  });

  it("refuses a file that is not a calendar", async () => {
    const admin = await loginAs(t.app, "admin");
    const res = await admin.post("/admin/calendar/2027/import").field("source", "x").attach("file", Buffer.from("hello"), "x.ics");
    expect(res.status).toBe(422);
    expect(res.text).toContain("无法读取该文件");
  });
});

describe("0 working days (issue 25 item 8)", () => {
  it("says whether the day itself is a working day", async () => {
    const t = await makeTestApp();
    const anon = request(t.app);
    const saturday = await anon.get("/calendar/calc?from=2026-03-14&days=0");
    expect(saturday.text).toContain('data-working="false"');
    expect(saturday.text).toContain("是休息日，不是工作日");
    const friday = await anon.get("/calendar/calc?from=2026-03-13&days=0");
    expect(friday.text).toContain("是工作日");
    expect(friday.text).not.toContain("是休息日");
  });
});
