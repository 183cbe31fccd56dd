import { beforeAll, describe, expect, it } from "vitest";
import { caseClocks, dueDates, mostUrgent, runningStatus, type Clock, type ClockFacts } from "../../src/domain/clocks.js";
import { officialSchedules } from "../../src/domain/official-calendar.js";
import { provisionalSchedule } from "../../src/domain/statutory-holidays.js";
import { WorkingCalendar } from "../../src/domain/working-days.js";

let calendar: WorkingCalendar;
beforeAll(() => {
  calendar = new WorkingCalendar([...officialSchedules(), provisionalSchedule(2027), provisionalSchedule(2028)]);
});

const received = (overrides: Partial<ClockFacts> = {}): ClockFacts => ({
  state: "received",
  receivedOn: "2026-09-30",
  acceptanceStartOn: "2026-09-30",
  decidedOn: null,
  filedOn: null,
  extensionDays: 0,
  closedOn: null,
  ...overrides,
});

const byKey = (facts: ClockFacts, today: string) =>
  Object.fromEntries(caseClocks(facts, calendar, today).map((k) => [k.key, k])) as Record<"acceptance" | "target", Clock> & { statutory?: Clock };

describe("due dates", () => {
  it("counts a case received 2026-09-30 to a target of 2026-10-16 across National Day", () => {
    expect(dueDates(received(), calendar)).toEqual({ acceptanceDueOn: "2026-10-13", targetDueOn: "2026-10-16", statutoryDueOn: null });
  });

  it("gives a filed case 60 working days, 90 with the extension", () => {
    const filed = { ...received(), filedOn: "2026-10-09" };
    expect(dueDates(filed, calendar).statutoryDueOn).toBe(calendar.addWorkingDays("2026-10-09", 60).date);
    expect(dueDates({ ...filed, extensionDays: 30 }, calendar).statutoryDueOn).toBe(calendar.addWorkingDays("2026-10-09", 90).date);
  });
});

describe("clock states", () => {
  it("is 正常 early on, with used and left counted in working days", () => {
    const k = byKey(received(), "2026-10-09");
    expect(k.target).toMatchObject({ used: 2, left: 6, status: "normal" });
    expect(k.acceptance).toMatchObject({ used: 2, left: 3, status: "normal" });
  });

  it("turns 即将到期 with 2 working days left", () => {
    expect(byKey(received(), "2026-10-14").target).toMatchObject({ left: 2, status: "dueSoon" });
  });

  it("turns 即将到期 at 80 % used even with more days left (statutory clock)", () => {
    expect(runningStatus(48, 12, 60)).toBe("dueSoon");
    expect(runningStatus(47, 13, 60)).toBe("normal");
  });

  it("is 已超期 from the day after the due date, a rest day included", () => {
    expect(byKey(received(), "2026-10-16").target.status).toBe("dueSoon");
    expect(byKey(received(), "2026-10-17").target).toMatchObject({ left: 0, status: "overdue" }); // Saturday
    expect(byKey(received(), "2026-10-19").target).toMatchObject({ left: -1, status: "overdue" });
  });

  it("pauses the acceptance clock while a supplement is awaited, and restarts it from the supplement", () => {
    expect(byKey(received({ state: "awaiting_supplement" }), "2026-10-20").acceptance.status).toBe("paused");
    const restarted = byKey(received({ acceptanceStartOn: "2026-10-20" }), "2026-10-21");
    expect(restarted.acceptance).toMatchObject({ dueOn: "2026-10-27", status: "normal" });
    // The target keeps counting from the original receipt.
    expect(restarted.target.dueOn).toBe("2026-10-16");
  });

  it("stops the acceptance clock at the decision: 按期 or 超期", () => {
    const filed = received({ state: "filed", decidedOn: "2026-10-12", filedOn: "2026-10-12" });
    expect(byKey(filed, "2026-11-02").acceptance.status).toBe("met");
    const late = received({ state: "filed", decidedOn: "2026-10-14", filedOn: "2026-10-14" });
    expect(byKey(late, "2026-11-02").acceptance.status).toBe("missed");
    expect(byKey(filed, "2026-10-13").statutory).toMatchObject({ used: 1, status: "normal" });
  });

  it("stops every clock at closing", () => {
    const closed = received({ state: "closed", decidedOn: "2026-10-09", filedOn: "2026-10-09", closedOn: "2026-10-15" });
    const k = byKey(closed, "2026-12-01");
    expect(k.target).toMatchObject({ status: "met", used: 7 }); // 10-08, 10-09, makeup Sat 10-10, 10-12…10-15
    expect(k.statutory!.status).toBe("met");
  });

  it("marks a clock provisional when its due date is in an unpublished year", () => {
    const k = byKey(received({ receivedOn: "2026-12-28", acceptanceStartOn: "2026-12-28" }), "2026-12-28");
    expect(k.target!.provisional).toBe(true);
    expect(byKey(received(), "2026-10-09").target!.provisional).toBe(false);
  });

  it("picks the running clock with the fewest working days left as the most urgent", () => {
    expect(mostUrgent(caseClocks(received(), calendar, "2026-10-09"))!.key).toBe("acceptance");
    expect(mostUrgent(caseClocks(received({ state: "closed", closedOn: "2026-10-09", decidedOn: "2026-10-09" }), calendar, "2026-10-09"))).toBeNull();
  });
});
