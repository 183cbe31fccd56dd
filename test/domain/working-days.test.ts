import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officialSchedules } from "../../src/domain/official-calendar.js";
import { provisionalSchedule, statutoryHolidays } from "../../src/domain/statutory-holidays.js";
import { WorkingCalendar } from "../../src/domain/working-days.js";
import { CalendarRangeError } from "../../src/domain/errors.js";
import { shanghaiDate } from "../../src/domain/dates.js";

/** The official years through 2026 and 2027–2028 as unpublished, whatever the installed package has since published. */
function buildCalendar(): WorkingCalendar {
  const official = officialSchedules().filter((s) => s.year <= 2026);
  return new WorkingCalendar([...official, provisionalSchedule(2027), provisionalSchedule(2028)]);
}

// chinese-days' lunar helpers work on local Date objects; the answers must not depend on the server's zone.
describe.each(["UTC", "America/New_York", "Asia/Shanghai"])("under TZ=%s", (tz) => {
  const originalTz = process.env.TZ;
  let calendar: WorkingCalendar;
  beforeAll(() => {
    process.env.TZ = tz;
    calendar = buildCalendar();
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it("runs under the requested zone", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz);
  });

  it("counts the makeup Saturday and skips Spring Festival: 2026-02-13 + 8 = 2026-03-03", () => {
    expect(calendar.addWorkingDays("2026-02-13", 8)).toEqual({ date: "2026-03-03", provisional: false });
    expect(calendar.day("2026-02-14").kind).toBe("makeup");
    expect(calendar.isWorkingDay("2026-02-16")).toBe(false);
  });

  it("treats the makeup Sunday 2026-01-04 as a working day", () => {
    expect(calendar.isWorkingDay("2026-01-04")).toBe(true);
    expect(calendar.day("2026-01-04")).toMatchObject({ kind: "makeup", name: "元旦" });
  });

  it("keeps the National Day week 2026-10-01…07 off", () => {
    for (const d of ["01", "02", "03", "04", "05", "06", "07"]) {
      expect(calendar.isWorkingDay(`2026-10-${d}`), `2026-10-${d}`).toBe(false);
    }
    expect(calendar.isWorkingDay("2026-10-08")).toBe(true);
  });

  it("marks answers that touch 2027 (unpublished) as provisional", () => {
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.addWorkingDays("2027-03-01", 1)).toEqual({ date: "2027-03-02", provisional: true });
    // From a published year into an unpublished one is provisional too.
    expect(calendar.addWorkingDays("2026-12-25", 8).provisional).toBe(true);
    expect(calendar.addWorkingDays("2026-11-02", 8).provisional).toBe(false);
  });

  it("estimates 2027 from the statutory holidays: 元旦 off, Spring Festival 除夕–初三 off", () => {
    // chinese-days alone calls 2027-01-01 a workday; the statutory estimate does not.
    expect(calendar.isWorkingDay("2027-01-01")).toBe(false);
    // Lunar new year 2027 is 2027-02-06 (Saturday): 除夕 Fri 02-05 and 初三 Mon 02-08 are off.
    expect(calendar.isWorkingDay("2027-02-05")).toBe(false);
    expect(calendar.isWorkingDay("2027-02-08")).toBe(false);
    expect(calendar.isWorkingDay("2027-02-09")).toBe(true);
    expect(statutoryHolidays(2027).map((h) => h.date)).toEqual([
      "2027-01-01",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-04-05",
      "2027-05-01",
      "2027-05-02",
      "2027-06-09",
      "2027-09-15",
      "2027-10-01",
      "2027-10-02",
      "2027-10-03",
    ]);
  });

  it("counts a case received 2026-09-30 to its 8th working day, 2026-10-16", () => {
    expect(calendar.addWorkingDays("2026-09-30", 8).date).toBe("2026-10-16");
  });

  it("answers working days between two dates by ordinal subtraction", () => {
    expect(calendar.workingDaysBetween("2026-02-13", "2026-03-03")).toEqual({ days: 8, provisional: false });
    expect(calendar.workingDaysBetween("2026-03-03", "2026-02-13").days).toBe(-8);
    expect(calendar.workingDaysBetween("2026-10-01", "2026-10-07").days).toBe(0);
  });

  it("reads the Shanghai date of an instant whatever the server zone", () => {
    expect(shanghaiDate(new Date("2026-11-22T16:30:00Z"))).toBe("2026-11-23");
    expect(shanghaiDate(new Date("2026-11-22T15:59:59Z"))).toBe("2026-11-22");
  });
});

describe("WorkingCalendar limits", () => {
  const calendar = buildCalendar();

  it("refuses dates outside the calendar with a Chinese message", () => {
    expect(() => calendar.day("1999-01-01")).toThrow(CalendarRangeError);
    expect(() => calendar.addWorkingDays("2026-01-05", 100_000)).toThrow(/超出工作日历范围/);
  });

  it("refuses negative or fractional counts", () => {
    expect(() => calendar.addWorkingDays("2026-01-05", -1)).toThrow(CalendarRangeError);
    expect(() => calendar.addWorkingDays("2026-01-05", 1.5)).toThrow(CalendarRangeError);
  });

  it("refuses a calendar with a missing year", () => {
    expect(() => new WorkingCalendar([provisionalSchedule(2030), provisionalSchedule(2032)])).toThrow(/缺少 2031/);
  });

  it("gives each working day a unique running ordinal", () => {
    const working = calendar.days().filter((d) => d.isWorkingDay);
    working.forEach((d, i) => expect(d.ordinal).toBe(i + 1));
  });
});
