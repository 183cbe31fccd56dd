import { describe, expect, it } from "vitest";
import { decisionProblem, statementDueOn, statementProblem, type PriorNoticeFacts } from "../../src/domain/prior-notice.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();
// Served Thu 2026-09-24: 09-25…09-27 and 10-01…10-07 are holidays; days 1–5 are 09-28, 09-29, 09-30, 10-08, 10-09.
const served: PriorNoticeFacts = {
  kind: "compensation",
  issuedOn: "2026-09-23",
  servedOn: "2026-09-24",
  statementDueOn: statementDueOn("2026-09-24", 5, calendar),
  statement: null,
  ratePercent: 80,
};

describe("陈述申辩 period", () => {
  it("ends on the 5th working day after service, holidays not counted", () => {
    expect(served.statementDueOn).toBe("2026-10-09");
  });
  it("runs from a service recorded on a rest day: the next working day is day 1", () => {
    // Served Sat 2026-11-28: Mon 11-30 is day 1, Fri 12-04 day 5.
    expect(statementDueOn("2026-11-28", 5, calendar)).toBe("2026-12-04");
  });
  it("gives the period the notice was issued with when the bureau sets a longer one", () => {
    // Served Thu 2026-09-24 with 7 working days: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (a makeup Saturday), 10-12.
    expect(statementDueOn("2026-09-24", 7, calendar)).toBe("2026-10-12");
  });
});

describe("a decision after a 事先告知书", () => {
  it.each([
    ["without a notice", [], "2026-11-01", null, "须先向用人单位送达事先告知书"],
    ["before service", [{ ...served, servedOn: null, statementDueOn: null }], "2026-11-01", null, "尚未送达"],
    ["on the last day of the period", [{ ...served, statement: "none" as const }], "2026-10-09", null, "期满后才能"],
    ["the day after the period (a makeup Saturday), statement not recorded", [served], "2026-10-10", null, "请先记录"],
    ["after the period, no statement came", [{ ...served, statement: "none" as const }], "2026-10-10", null, null],
    ["after the period, statement reviewed", [{ ...served, statement: "received" as const }], "2026-10-10", 80, null],
    ["at a higher rate than told", [{ ...served, statement: "received" as const }], "2026-10-10", 90, "不能高于事先告知书告知的 80%"],
  ] as const)("is refused or allowed %s", (_what, notices, today, rate, problem) => {
    const answer = decisionProblem(notices, "compensation", today, rate);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it("needs a notice of its own kind", () => {
    expect(decisionProblem([{ ...served, statement: "none" }], "decision", "2026-10-20")).toContain("须先向用人单位送达事先告知书");
  });
});

describe("recording the statement", () => {
  it("needs the statement's content and the review when one came", () => {
    expect(statementProblem(served, { statement: "received", text: "", review: "" }, "2026-10-01")).toContain("陈述申辩的内容");
    expect(statementProblem(served, { statement: "received", text: "已支付一半", review: "" }, "2026-10-01")).toContain("复核意见");
    expect(statementProblem(served, { statement: "received", text: "已支付一半", review: "经核实未支付" }, "2026-10-01")).toBeNull();
  });

  it("records that none came only after the period", () => {
    expect(statementProblem(served, { statement: "none", text: "", review: "" }, "2026-10-09")).toContain("期满后");
    expect(statementProblem(served, { statement: "none", text: "", review: "" }, "2026-10-10")).toBeNull();
  });
});
