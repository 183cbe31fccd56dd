import { describe, expect, it } from "vitest";
import { cityTotals, noFigures, officeSignal, rankOffices, type OfficeFigures } from "../../src/domain/city-board.js";

const office = (officeId: number, f: Partial<OfficeFigures> = {}): OfficeFigures => ({ ...noFigures(officeId, `机构${officeId}`), ...f });

describe("an office's signal (红/黄/绿)", () => {
  it("is red with a case past the statutory clock, whatever else", () => {
    expect(officeSignal(office(1, { statutoryLate: 1, closed: 10, within: 10 }))).toBe("red");
  });
  it("is red below 60 % within 8 working days, amber below 90 %, green from 90 %", () => {
    expect(officeSignal(office(1, { closed: 10, within: 5 }))).toBe("red");
    expect(officeSignal(office(1, { closed: 10, within: 6 }))).toBe("amber");
    expect(officeSignal(office(1, { closed: 10, within: 8 }))).toBe("amber");
    expect(officeSignal(office(1, { closed: 10, within: 9 }))).toBe("green");
  });
  it("is amber with a case past the 8-day target or a late 签收", () => {
    expect(officeSignal(office(1, { targetLate: 1 }))).toBe("amber");
    expect(officeSignal(office(1, { acknowledgeLate: 1 }))).toBe("amber");
    expect(officeSignal(office(1, { acknowledgeWaiting: 3 }))).toBe("green");
  });
});

describe("the ranking (排名)", () => {
  it("orders by signal, share within 8, late cases, then average days; equal offices share a rank", () => {
    const ranked = rankOffices([
      office(1, { statutoryLate: 1, closed: 4, within: 4, workingDays: 8 }),
      office(2, { closed: 10, within: 9, workingDays: 40 }),
      office(3, { closed: 10, within: 10, workingDays: 50 }),
      office(4, { closed: 10, within: 10, workingDays: 30 }),
      office(5),
      office(6),
      office(7, { targetLate: 2, closed: 10, within: 10, workingDays: 30 }),
    ]);
    expect(ranked.map((r) => [r.officeId, r.rank, r.signal])).toEqual([
      [4, 1, "green"],
      [3, 2, "green"],
      [2, 3, "green"],
      [5, 4, "green"],
      [6, 4, "green"],
      [7, 6, "amber"],
      [1, 7, "red"],
    ]);
    expect(ranked[0]).toMatchObject({ averageDays: 3, withinShare: 1 });
    expect(ranked[3]).toMatchObject({ averageDays: null, withinShare: null });
  });

  it("adds the city's row up from every office", () => {
    const city = cityTotals([
      office(1, { open: 2, targetLate: 1, closed: 2, within: 1, workingDays: 16, recoveredFen: 450000 }),
      office(2, { closed: 1, within: 1, workingDays: 2 }),
    ]);
    expect(city).toMatchObject({ open: 2, targetLate: 1, closed: 3, averageDays: 6, recoveredFen: 450000, signal: "amber" });
    expect(city.withinShare).toBeCloseTo(2 / 3);
  });
});
