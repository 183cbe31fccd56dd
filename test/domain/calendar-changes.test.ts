import { describe, expect, it } from "vitest";
import { firstChangedDate, movedDueDates } from "../../src/domain/calendar-changes.js";
import { WorkingCalendar, type YearSchedule } from "../../src/domain/working-days.js";

const year = (y: number, holidays: string[] = [], makeups: string[] = []): YearSchedule => ({
  year: y,
  published: true,
  holidays: holidays.map((date) => ({ date, name: "假" })),
  makeupWorkdays: makeups.map((date) => ({ date, name: "班" })),
});

describe("what a calendar change moves", () => {
  const before = new WorkingCalendar([year(2026), year(2027)]);

  it("finds nothing when no day changes status", () => {
    expect(firstChangedDate(before, new WorkingCalendar([year(2026), year(2027)]))).toBeNull();
    expect(movedDueDates(before, new WorkingCalendar([year(2026), year(2027)]), [5, 8])).toEqual([]);
  });

  it("moves exactly the starts whose n-th working day lies on or after a new holiday", () => {
    // Wednesday 2026-12-09 becomes a holiday.
    const after = new WorkingCalendar([year(2026, ["2026-12-09"]), year(2027)]);
    expect(firstChangedDate(before, after)).toBe("2026-12-09");
    const moved = movedDueDates(before, after, [5]);
    // Every start from 5 working days before the holiday up to the day before it moves by one day.
    expect(moved.map((m) => m.start)).toEqual(["2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06", "2026-12-07", "2026-12-08"]);
    for (const m of moved) {
      expect(m.due).toBe(after.addWorkingDays(m.start, 5).date);
      expect(m.due).not.toBe(before.addWorkingDays(m.start, 5).date);
    }
    // A start after the holiday keeps its due date (ordinals shift on both sides).
    expect(after.addWorkingDays("2026-12-10", 5).date).toBe(before.addWorkingDays("2026-12-10", 5).date);
  });

  it("counts a makeup workday, and a year added at the end as changed", () => {
    const after = new WorkingCalendar([year(2026, [], ["2026-12-12"]), year(2027)]);
    expect(firstChangedDate(before, after)).toBe("2026-12-12");
    expect(movedDueDates(before, after, [8]).every((m) => m.due === after.addWorkingDays(m.start, 8).date)).toBe(true);
    const longer = new WorkingCalendar([year(2026), year(2027), year(2028)]);
    expect(firstChangedDate(before, longer)).toBe("2028-01-01");
    // Due dates the old calendar could not reach (late December 2027 + 60) now can.
    expect(movedDueDates(before, longer, [60]).some((m) => m.start === "2027-12-20")).toBe(true);
  });
});
