import { describe, expect, it } from "vitest";
import { flowsBack, periodLastDay, remedyFilingProblem, remedyOutcomeProblem, remedyWindows } from "../../src/domain/remedies.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();
const lastDays = (servedOn: string | null, today = "2026-12-04") => remedyWindows(servedOn, today, calendar).map((w) => [w.key, w.status, w.lastDay]);

describe("remedy windows of a 行政处理决定书 (docs/rules.md § Remedies against a decision)", () => {
  it("runs no window before the decision is served", () => {
    expect(lastDays(null)).toEqual([
      ["reconsideration", "awaitingService", null],
      ["lawsuit", "awaitingService", null],
    ]);
  });
  it("counts 60 calendar days and 6 months from the day after service", () => {
    // Served Thursday 2026-03-12: day 60 is Monday 2026-05-11; six months on is Saturday 2026-09-12 → Monday 09-14.
    expect(lastDays("2026-03-12", "2026-03-12")).toEqual([
      ["reconsideration", "open", "2026-05-11"],
      ["lawsuit", "open", "2026-09-14"],
    ]);
  });
  it("moves a last day that falls in a holiday to the first working day after it, for a document served on a rest day", () => {
    // Served Sunday 2026-08-02: day 60 is 2026-10-01, inside 国庆节 (10-01…10-07), so the window ends Thursday 10-08.
    expect(lastDays("2026-08-02", "2026-08-02")[0]).toEqual(["reconsideration", "open", "2026-10-08"]);
  });
  it("keeps a last day on a makeup workday (调休上班) and ends a month period on the month's last day", () => {
    // 2025-12-16 + 60 = Saturday 2026-02-14, a makeup workday.
    expect(periodLastDay("2026-02-14", calendar)).toBe("2026-02-14");
    expect(lastDays("2025-12-16", "2025-12-16")[0]?.[2]).toBe("2026-02-14");
    // 2026-08-31 + 6 months: February has no 31st → 2027-02-28, a Sunday → Monday 2027-03-01.
    expect(lastDays("2026-08-31", "2026-08-31")[1]?.[2]).toBe("2027-03-01");
  });
  it("is open on its last day and closed the day after, counting the days left with today", () => {
    const on = (today: string) => remedyWindows("2026-03-12", today, calendar)[0]!;
    expect(on("2026-05-11")).toMatchObject({ status: "open", daysLeft: 1 });
    expect(on("2026-05-09")).toMatchObject({ status: "open", daysLeft: 3 });
    expect(on("2026-05-12")).toMatchObject({ status: "closed", daysLeft: null });
  });
});

describe("remedyFilingProblem and remedyOutcomeProblem (docs/rules.md § Remedies against a decision)", () => {
  const filing = { kind: "reconsideration", filedOn: "2026-12-20", body: "长春市人民政府", caseNumber: "长府复〔2026〕1号" };
  const served = { decidedOn: "2026-12-09", servedOn: "2026-12-12", revoked: false };
  it("refuses a filing until the decision is served, naming the missing service", () => {
    expect(remedyFilingProblem(filing, { ...served, servedOn: null }, "2026-12-21")?.message).toContain("行政处理决定书尚未登记送达");
    expect(remedyFilingProblem(filing, served, "2026-12-21")).toBeNull();
    expect(remedyFilingProblem(filing, { ...served, revoked: true }, "2026-12-21")?.message).toContain("已经复议（诉讼）撤销");
  });
  it("names the field of a filing's bad date, missing body or case number", () => {
    expect(remedyFilingProblem({ ...filing, kind: "appeal" }, served, "2026-12-21")?.field).toBe("kind");
    expect(remedyFilingProblem({ ...filing, filedOn: "2026-12-08" }, served, "2026-12-21")?.field).toBe("filedOn");
    expect(remedyFilingProblem({ ...filing, filedOn: "2026-12-22" }, served, "2026-12-21")?.message).toBe("申请（起诉）日期不能晚于今天");
    expect(remedyFilingProblem({ ...filing, kind: "lawsuit", body: " " }, served, "2026-12-21")?.message).toBe("请填写受理的人民法院");
    expect(remedyFilingProblem({ ...filing, caseNumber: "" }, served, "2026-12-21")?.field).toBe("caseNumber");
  });
  const pending = { filedOn: "2026-12-20", outcome: null };
  it("requires the outcome's date, between the filing and today, and records an outcome once", () => {
    expect(remedyOutcomeProblem({ outcome: "upheld", outcomeOn: "", note: "" }, pending, "2027-01-05", false)?.field).toBe("outcomeOn");
    expect(remedyOutcomeProblem({ outcome: "upheld", outcomeOn: "2026-12-19", note: "" }, pending, "2027-01-05", false)?.field).toBe("outcomeOn");
    expect(remedyOutcomeProblem({ outcome: "upheld", outcomeOn: "2027-01-06", note: "" }, pending, "2027-01-05", false)?.field).toBe("outcomeOn");
    expect(remedyOutcomeProblem({ outcome: "upheld", outcomeOn: "2027-01-05", note: "" }, pending, "2027-01-05", false)).toBeNull();
    expect(remedyOutcomeProblem({ outcome: "upheld", outcomeOn: "2027-01-05", note: "" }, { ...pending, outcome: "upheld" }, "2027-01-05", true)?.message).toBe(
      "该复议（诉讼）已登记结果",
    );
  });
  it("has a supervisor record a 撤销 or 变更, with what was decided, since it flows back", () => {
    expect(flowsBack("revoked") && flowsBack("varied")).toBe(true);
    expect(flowsBack("upheld") || flowsBack("confirmedUnlawful")).toBe(false);
    const revoked = { outcome: "revoked", outcomeOn: "2027-01-05", note: "认定事实不清" };
    expect(remedyOutcomeProblem({ ...revoked, note: "" }, pending, "2027-01-05", true)?.field).toBe("note");
    expect(remedyOutcomeProblem(revoked, pending, "2027-01-05", false)?.message).toContain("须由科长登记");
    expect(remedyOutcomeProblem(revoked, pending, "2027-01-05", true)).toBeNull();
  });
});
