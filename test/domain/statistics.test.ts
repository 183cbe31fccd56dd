import { beforeAll, describe, expect, it } from "vitest";
import { officialSchedules } from "../../src/domain/official-calendar.js";
import { dueSoonMaxLeft } from "../../src/domain/clocks.js";
import {
  inspectorsToWatch,
  averageDays,
  festivalCountdown,
  improvementOverStatutory,
  monthRange,
  monthsOf,
  oneDecimal,
  periodOf,
  share,
  summarySentence,
  wanYuan,
} from "../../src/domain/statistics.js";
import { provisionalSchedule } from "../../src/domain/statutory-holidays.js";
import { WorkingCalendar } from "../../src/domain/working-days.js";

let calendar: WorkingCalendar;
beforeAll(() => {
  const official = officialSchedules().filter((s) => s.year <= 2026);
  calendar = new WorkingCalendar([...official, provisionalSchedule(2027), provisionalSchedule(2028)]);
});

describe("figures", () => {
  it("averages and shares, with nothing to share out as null", () => {
    expect(averageDays(36, 5)).toBeCloseTo(7.2, 10);
    expect(averageDays(0, 0)).toBeNull();
    expect(share(3, 5)).toBeCloseTo(0.6, 10);
    expect(share(0, 0)).toBeNull();
  });

  it("measures the improvement over the statutory 60 working days as 1 − average/60", () => {
    expect(improvementOverStatutory(9)).toBeCloseTo(0.85, 10); // the bureau's “提高85%”
    expect(improvementOverStatutory(null)).toBeNull();
  });

  it("finds the working days left at which each clock turns 即将到期 (≤ 2 left or ≥ 80 % used)", () => {
    expect([5, 8, 60, 90].map(dueSoonMaxLeft)).toEqual([2, 2, 12, 18]);
    expect(dueSoonMaxLeft(1)).toBe(1);
  });

  it("writes money in 万元 and averages with one decimal", () => {
    expect(wanYuan(1_234_500)).toBe("1.23");
    expect(oneDecimal(7.25)).toBe("7.3");
    expect(oneDecimal(6)).toBe("6");
  });
});

describe("periods", () => {
  it("runs this month, quarter and year from their first day to today", () => {
    expect(periodOf("month", "2026-11-23")).toMatchObject({ from: "2026-11-01", to: "2026-11-23" });
    expect(periodOf("quarter", "2026-11-23")).toMatchObject({ from: "2026-10-01", to: "2026-11-23" });
    expect(periodOf("year", "2026-11-23")).toMatchObject({ from: "2026-01-01", to: "2026-11-23" });
  });

  it("lists the months a period touches, across a year end", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthRange("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
});

describe("the summary sentence", () => {
  const figures = { casesClosed: 0, workersHelped: 0, recoveredFen: 0, workingDaysTotal: 0, closedWithinTarget: 0, mediatedCases: 0, mediatedFen: 0 };

  it("leaves out the speed when nothing closed", () => {
    expect(summarySentence({ from: "2026-01-01", to: "2026-01-31" }, figures)).toBe(
      "2026年1月1日至1月31日，全市办结欠薪案件0件，为0名农民工追讨工资0.00万元；通过快速调处化解立案前欠薪问题0件，追回0.00万元。",
    );
  });

  it("names both years when the period spans a year end", () => {
    const s = summarySentence(
      { from: "2025-12-01", to: "2026-01-31" },
      { ...figures, casesClosed: 2, workingDaysTotal: 18, workersHelped: 3, recoveredFen: 2_000_000 },
    );
    expect(s).toBe(
      "2025年12月1日至2026年1月31日，全市办结欠薪案件2件，为3名农民工追讨工资2.00万元；平均办结时限9个工作日，比法定60个工作日提高85%；通过快速调处化解立案前欠薪问题0件，追回0.00万元。",
    );
  });
});

describe("the Spring Festival countdown", () => {
  it("counts to 2026-02-17 from 2026-01-10, clearing by the makeup Saturday 02-14", () => {
    expect(festivalCountdown("2026-01-10", calendar)).toMatchObject({ festival: "2026-02-17", lastWorkingDay: "2026-02-14", calendarDaysLeft: 38 });
  });

  it("turns to next year's festival once this year's has passed, provisional until the notice", () => {
    expect(festivalCountdown("2026-02-18", calendar)).toMatchObject({ festival: "2027-02-06", lastWorkingDay: "2027-02-04", provisional: true });
  });
});

describe("the inspectors a supervisor looks at first", () => {
  const row = (name: string, overdue: number, dueSoon: number, open: number, legalOverdue = 0) => ({ name, legalOverdue, overdue, dueSoon, open });
  it("puts the most overdue first, then the most due soon, then the most open, and keeps only as many as asked", () => {
    const rows = [row("甲", 0, 0, 9), row("乙", 2, 0, 3), row("丙", 2, 5, 5), row("丁", 0, 3, 4), row("戊", 0, 3, 6)];
    expect(inspectorsToWatch(rows, 4).map((r) => r.name)).toEqual(["丙", "乙", "戊", "丁"]);
    expect(inspectorsToWatch(rows).map((r) => r.name)).toHaveLength(5);
    expect(rows.map((r) => r.name)).toEqual(["甲", "乙", "丙", "丁", "戊"]);
  });

  it("puts a legal deadline missed before any number of 8-day targets missed", () => {
    const rows = [row("甲", 6, 0, 8), row("乙", 1, 0, 2, 1), row("丙", 3, 0, 4, 1)];
    expect(inspectorsToWatch(rows).map((r) => r.name)).toEqual(["丙", "乙", "甲"]);
  });
});
