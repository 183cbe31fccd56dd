import { describe, expect, it } from "vitest";
import {
  caseClocks,
  clockHistory,
  dueDates,
  extensionProblem,
  rankingClock,
  clockTone,
  CLOCK_TONE_LABELS,
  runningStatus,
  targetMet,
  workingDaysTaken,
  type Clock,
  type ClockFacts,
} from "../../src/domain/clocks.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();

const facts = (overrides: Partial<ClockFacts> = {}): ClockFacts => ({
  state: "received",
  receivedOn: "2026-09-30",
  acceptanceStartOn: overrides.receivedOn ?? "2026-09-30",
  decidedOn: null,
  filedOn: null,
  extensionDays: 0,
  closedOn: null,
  ...overrides,
});

const byKey = (f: ClockFacts, today: string) =>
  Object.fromEntries(caseClocks(f, calendar, today).map((k) => [k.key, k])) as Record<"acceptance" | "target", Clock> & { statutory?: Clock };

describe("due dates", () => {
  it("counts a case received 2026-09-30 to a target of 2026-10-16 across National Day", () => {
    expect(dueDates(facts(), calendar)).toEqual({ acceptanceDueOn: "2026-10-13", targetDueOn: "2026-10-16", statutoryDueOn: null });
  });

  it("gives a filed case 60 working days, 90 with the extension", () => {
    const filed = facts({ filedOn: "2026-10-09" });
    expect(dueDates(filed, calendar).statutoryDueOn).toBe(calendar.addWorkingDays("2026-10-09", 60).date);
    expect(dueDates({ ...filed, extensionDays: 30 }, calendar).statutoryDueOn).toBe(calendar.addWorkingDays("2026-10-09", 90).date);
  });
});

describe("a due date has passed ⇔ the day is after it (calendar dates)", () => {
  // [what, received, today, due, status, used, left, overdueDays]
  it.each([
    ["the due date itself (Friday)", "2026-03-03", "2026-03-13", "2026-03-13", "dueSoon", 8, 0, 0],
    ["a Saturday after a Friday due date", "2026-03-03", "2026-03-14", "2026-03-13", "overdue", 8, 0, 0],
    ["the Monday after", "2026-03-03", "2026-03-16", "2026-03-13", "overdue", 9, -1, 1],
    ["a holiday after the due date (国庆 10-02)", "2026-09-18", "2026-10-02", "2026-09-30", "overdue", 8, 0, 0],
    ["a makeup workday after the due date (Sat 10-10 counts)", "2026-09-21", "2026-10-10", "2026-10-09", "overdue", 9, -1, 1],
    ["a weekend before the due date", "2026-09-30", "2026-10-17", "2026-10-16", "overdue", 8, 0, 0],
    ["two working days left", "2026-09-30", "2026-10-14", "2026-10-16", "dueSoon", 6, 2, 0],
    ["early on", "2026-09-30", "2026-10-09", "2026-10-16", "normal", 2, 6, 0],
  ] as const)("target clock on %s", (_what, receivedOn, today, dueOn, status, used, left, overdueDays) => {
    expect(byKey(facts({ receivedOn, acceptanceStartOn: receivedOn, state: "filed", decidedOn: receivedOn, filedOn: receivedOn }), today).target).toMatchObject(
      { dueOn, status, used, left, overdueDays },
    );
  });

  it.each([
    ["on the due date", "2026-03-13", "met", 8, true],
    ["on the Saturday after", "2026-03-14", "missed", 8, false],
    ["on a makeup workday after", "2026-10-10", "missed", 9, false],
  ] as const)("closing %s: the clock, the days taken and the report agree", (_what, closedOn, status, taken, met) => {
    const receivedOn = closedOn === "2026-10-10" ? "2026-09-21" : "2026-03-03";
    const closed = facts({ receivedOn, acceptanceStartOn: receivedOn, state: "closed", decidedOn: receivedOn, filedOn: receivedOn, closedOn });
    expect(byKey(closed, "2026-12-01").target).toMatchObject({ status, used: taken });
    expect(workingDaysTaken(closed, closedOn, calendar)).toBe(taken);
    expect(targetMet(closed, closedOn, calendar)).toBe(met);
  });

  it("turns 即将到期 at 80 % used even with more days left (statutory clock)", () => {
    expect(runningStatus(48, 12, 60)).toBe("dueSoon");
    expect(runningStatus(47, 13, 60)).toBe("normal");
  });
});

describe("告知补正 pauses the acceptance clock", () => {
  const asked = facts({ receivedOn: "2026-11-02", acceptanceStartOn: "2026-11-02", state: "awaiting_supplement", supplementRequestedOn: "2026-11-04" });

  it("shows 暂停 with the days used before the request, however long the wait", () => {
    expect(byKey(asked, "2026-12-15").acceptance).toMatchObject({ status: "paused", used: 2, left: 3 });
  });

  it("keeps the 8-day target counting from receipt, and says so", () => {
    const target = byKey(asked, "2026-12-15").target;
    expect(target).toMatchObject({ status: "overdue", dueOn: "2026-11-12" });
    expect(target.note).toContain("不暂停");
  });

  it("runs 5 working days again from the day the supplement arrives", () => {
    const back = facts({ receivedOn: "2026-11-02", acceptanceStartOn: "2026-12-16", supplementRequestedOn: null });
    expect(byKey(back, "2026-12-17").acceptance).toMatchObject({ dueOn: "2026-12-23", used: 1, status: "normal" });
  });

  it("judges a rejection after a supplement that never came by the day of the request (按期)", () => {
    const rejected = { ...asked, state: "closed" as const, decidedOn: "2026-12-20", closedOn: "2026-12-20" };
    expect(byKey(rejected, "2026-12-21").acceptance).toMatchObject({ status: "met", used: 2 });
  });

  it("reads the pause from the timeline", () => {
    const events = [
      { action: "register", fromState: null, toState: "received" as const, onDate: "2026-11-02" },
      { action: "requestSupplement", fromState: "received" as const, toState: "awaiting_supplement" as const, onDate: "2026-11-04" },
    ];
    expect(clockHistory(events).supplementRequestedOn).toBe("2026-11-04");
    expect(
      clockHistory([...events, { action: "supplementReceived", fromState: "awaiting_supplement", toState: "received", onDate: "2026-12-16" }])
        .supplementRequestedOn,
    ).toBeNull();
  });
});

describe("the 30-working-day extension (条例第十七条)", () => {
  it.each([
    ["on the due date", "2026-06-02", null],
    ["a week after the due date", "2026-06-09", "已于 2026-06-02 届满"],
    ["the Saturday after a Friday due date", "2026-06-06", "已于 2026-06-05 届满"],
  ] as const)("is decided %s", (_what, today, problem) => {
    const due = today === "2026-06-06" ? "2026-06-05" : "2026-06-02";
    const answer = extensionProblem({ extensionDays: 0, statutoryDueOn: due }, today);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it("is granted once", () => {
    expect(extensionProblem({ extensionDays: 30, statutoryDueOn: "2026-06-02" }, "2026-05-01")).toContain("只能延长一次");
  });
});

describe("reopening: the days a case stood closed count on no clock", () => {
  // Received Mon 11-02, filed 11-03, closed Fri 11-06 (4 days taken), reopened Fri 11-20: 10 working days closed.
  const base = facts({ receivedOn: "2026-11-02", acceptanceStartOn: "2026-11-02", decidedOn: "2026-11-03", filedOn: "2026-11-03" });
  const stops = [{ from: "2026-11-06", to: "2026-11-20" }];
  const reopened = { ...base, state: "filed" as const, stops };

  it("resumes every clock where it stopped", () => {
    const k = byKey(reopened, "2026-11-20");
    expect(k.target).toMatchObject({ used: 4, left: 4, status: "normal", dueOn: "2026-11-26" });
    expect(k.statutory).toMatchObject({ used: 3, left: 57, status: "normal" });
  });

  it("counts days taken at the next close without the closed days", () => {
    const closedAgain = { ...base, state: "closed" as const, stops, closedOn: "2026-11-24" };
    expect(workingDaysTaken(closedAgain, "2026-11-24", calendar)).toBe(6);
    expect(byKey(closedAgain, "2026-12-01").target).toMatchObject({ status: "met", used: 6 });
  });

  it("reads the closed spans from the timeline", () => {
    const events = [
      { action: "file", fromState: "received" as const, toState: "filed" as const, onDate: "2026-11-03" },
      { action: "close", fromState: "filed" as const, toState: "closed" as const, onDate: "2026-11-06" },
      { action: "reopen", fromState: "closed" as const, toState: "filed" as const, onDate: "2026-11-20" },
    ];
    expect(clockHistory(events).stops).toEqual(stops);
  });

  it("does not hold a clock that started after the span (filed after a reopening)", () => {
    const filedLater = { ...base, state: "filed" as const, filedOn: "2026-11-23", decidedOn: "2026-11-23", stops };
    expect(byKey(filedLater, "2026-11-24").statutory).toMatchObject({ used: 1 });
  });
});

describe("provisional dates", () => {
  it("marks a clock provisional when its due date is in an unpublished year", () => {
    expect(byKey(facts({ receivedOn: "2026-12-28", acceptanceStartOn: "2026-12-28" }), "2026-12-28").target.provisional).toBe(true);
    expect(byKey(facts(), "2026-10-09").target.provisional).toBe(false);
  });
});

describe("the ranking clock (legal deadlines first)", () => {
  it("is the running legal clock, even when the 8-day target is past due; the target only while no legal clock runs", () => {
    expect(rankingClock(caseClocks(facts(), calendar, "2026-10-09"))!.key).toBe("acceptance");
    expect(rankingClock(caseClocks(facts({ state: "closed", closedOn: "2026-10-09", decidedOn: "2026-10-09" }), calendar, "2026-10-09"))).toBeNull();
    const filed = caseClocks(facts({ state: "filed", decidedOn: "2026-10-09", filedOn: "2026-10-09" }), calendar, "2026-10-20");
    expect(filed.find((k) => k.key === "target")!.status).toBe("overdue");
    expect(rankingClock(filed)).toMatchObject({ key: "statutory", status: "normal" });
    const waiting = caseClocks(facts({ state: "awaiting_supplement", supplementRequestedOn: "2026-10-09" }), calendar, "2026-10-20");
    expect(rankingClock(waiting)).toMatchObject({ key: "target", status: "overdue" });
  });
});

describe("clockTone", () => {
  it("sets a missed legal deadline apart from a missed target, and names the last day 今日到期", () => {
    const on = (today: string, f = facts()) => Object.fromEntries(caseClocks(f, calendar, today).map((k) => [k.key, clockTone(k)]));
    // Acceptance due 2026-10-13, target 2026-10-16.
    expect(on("2026-10-13")).toEqual({ acceptance: "dueToday", target: "normal" });
    expect(on("2026-10-14")).toEqual({ acceptance: "legalOverdue", target: "dueSoon" });
    expect(on("2026-10-19", facts({ state: "filed", decidedOn: "2026-10-09", filedOn: "2026-10-09" }))).toEqual({
      acceptance: "met",
      target: "targetOverdue",
      statutory: "normal",
    });
    const closedLate = facts({ state: "closed", decidedOn: "2026-10-14", closedOn: "2026-10-19" });
    expect(on("2026-10-19", closedLate)).toEqual({ acceptance: "legalMissed", target: "targetMissed" });
    expect(CLOCK_TONE_LABELS.legalOverdue).not.toBe(CLOCK_TONE_LABELS.targetOverdue);
  });
});
