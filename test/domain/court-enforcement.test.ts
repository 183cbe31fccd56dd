import { describe, expect, it } from "vitest";
import {
  courtClock,
  courtApplicationProblem,
  courtResultProblem,
  courtWindow,
  demandProblem,
  demandRunsOutOn,
  type EnforcementFacts,
} from "../../src/domain/court-enforcement.js";
import { remedyWindows } from "../../src/domain/remedies.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();
// Served Mon 2026-12-14: 复议 to Fri 2027-02-12, 诉讼 to Mon 2027-06-14.
const facts = (today: string, o: Partial<EnforcementFacts> = {}, servedOn: string | null = "2026-12-14"): EnforcementFacts => ({
  windows: remedyWindows(servedOn, today, calendar),
  remedyPending: false,
  revoked: false,
  unpaidFen: 850_000,
  demand: null,
  applied: false,
  ...o,
});

describe("the 催告书 and the court window (docs/rules.md § Enforcement through the court)", () => {
  it("opens the 3-month court window the day after the last remedy window closes", () => {
    expect(courtWindow(facts("2027-06-14").windows, calendar)).toBeNull();
    expect(courtWindow(facts("2027-06-15").windows, calendar)).toEqual({ from: "2027-06-15", lastDay: "2027-09-14" });
  });
  it("allows a 催告 only after both windows closed, no remedy pending and the decision still unpaid", () => {
    expect(demandProblem(facts("2027-01-04", {}, null), "2027-01-04")).toContain("待送达");
    expect(demandProblem(facts("2027-06-14"), "2027-06-14")).toContain("行政强制法第五十三条");
    expect(demandProblem(facts("2027-06-15"), "2027-06-15")).toBeNull();
    expect(demandProblem(facts("2027-06-15", { remedyPending: true }), "2027-06-15")).toContain("审理中");
    expect(demandProblem(facts("2027-06-15", { unpaidFen: 0 }), "2027-06-15")).toBe("决定已履行，无需强制执行");
    expect(demandProblem(facts("2027-06-15", { revoked: true }), "2027-06-15")).toContain("撤销");
  });
  it("counts the 10 days from the 催告书's service, moving a last day on a rest day to the next working day", () => {
    // Served Wed 2027-06-16: day 10 is Saturday 06-26, so the period ends Monday 06-28 and the court may be applied to from 06-29.
    expect(demandRunsOutOn("2027-06-16", calendar)).toBe("2027-06-29");
    expect(demandRunsOutOn("2027-06-18", calendar)).toBe("2027-06-29");
  });
  it("refuses a court application before the windows close, without a served 催告, within its 10 days or after 3 months, citing the article", () => {
    const apply = (today: string, appliedOn: string, o: Partial<EnforcementFacts> = { demand: { servedOn: "2027-06-16" } }) =>
      courtApplicationProblem(facts(today, o), { appliedOn, court: "朝阳区人民法院" }, today, calendar);
    expect(apply("2027-03-01", "2027-03-01")?.message).toContain("复议、诉讼期限至 2027-06-14 届满");
    expect(apply("2027-06-29", "2027-06-29", {})?.message).toContain("应当书面催告当事人履行义务（行政强制法第五十四条）");
    expect(apply("2027-06-29", "2027-06-29", { demand: { servedOn: null } })?.message).toContain("催告书尚未登记送达");
    expect(apply("2027-06-28", "2027-06-28")?.message).toBe(
      "催告书于 2027-06-16 送达，十日后（2027-06-29 起）仍未履行的，才能申请强制执行（行政强制法第五十四条）",
    );
    expect(apply("2027-06-29", "2027-06-29")).toBeNull();
    expect(apply("2027-09-14", "2027-09-14")).toBeNull();
    expect(apply("2027-09-15", "2027-09-15")?.message).toContain("已于 2027-09-14 届满");
    expect(apply("2027-06-29", "2027-06-29", { demand: { servedOn: "2027-06-16" }, remedyPending: true })?.message).toContain("审理中");
    expect(
      courtApplicationProblem(facts("2027-06-29", { demand: { servedOn: "2027-06-16" } }), { appliedOn: "2027-06-29", court: " " }, "2027-06-29", calendar)
        ?.field,
    ).toBe("court");
  });
  it("records the court's ruling with its date, and an executed amount only when granted", () => {
    const app = { appliedOn: "2027-06-29", result: null };
    expect(courtResultProblem({ result: "granted", resultOn: "2027-07-20", executedFen: 850_000 }, app, "2027-08-01")).toBeNull();
    expect(courtResultProblem({ result: "granted", resultOn: "", executedFen: null }, app, "2027-08-01")?.field).toBe("resultOn");
    expect(courtResultProblem({ result: "granted", resultOn: "2027-06-28", executedFen: null }, app, "2027-08-01")?.field).toBe("resultOn");
    expect(courtResultProblem({ result: "refused", resultOn: "2027-07-20", executedFen: 100 }, app, "2027-08-01")?.field).toBe("executed");
    expect(courtResultProblem({ result: "maybe", resultOn: "2027-07-20", executedFen: null }, app, "2027-08-01")?.field).toBe("result");
  });
});

describe("the court clock the supervisors see", () => {
  // Served Mon 2026-12-14: the 诉讼 window closes Mon 2027-06-14, the court window runs to Tue 2027-09-14.
  it("shows nothing while a window runs, a remedy is pending, the decision is revoked or performed or the application made", () => {
    expect(courtClock(facts("2027-03-01"), "2027-03-01", calendar)).toBeNull();
    expect(courtClock(facts("2027-06-15", { remedyPending: true }), "2027-06-15", calendar)).toBeNull();
    expect(courtClock(facts("2027-06-15", { revoked: true }), "2027-06-15", calendar)).toBeNull();
    expect(courtClock(facts("2027-06-15", { unpaidFen: 0 }), "2027-06-15", calendar)).toBeNull();
    expect(courtClock(facts("2027-06-15", { applied: true, demand: { servedOn: "2027-06-16" } }), "2027-06-15", calendar)).toBeNull();
  });
  it("names the next step and the window's last day, due soon in its last 15 days and overdue after it", () => {
    expect(courtClock(facts("2027-06-15"), "2027-06-15", calendar)).toEqual({ stage: "demand", opensOn: null, lastDay: "2027-09-14", status: "normal" });
    expect(courtClock(facts("2027-06-15", { demand: { servedOn: null } }), "2027-06-15", calendar)?.stage).toBe("demandService");
    // Served Wed 06-16: day 10 is Saturday 06-26, so the period ends Monday 06-28 and the court may be applied to from 06-29.
    const served = facts("2027-06-20", { demand: { servedOn: "2027-06-16" } });
    expect(courtClock(served, "2027-06-28", calendar)).toMatchObject({ stage: "demandRunning", opensOn: "2027-06-29" });
    expect(courtClock(served, "2027-06-29", calendar)).toMatchObject({ stage: "apply", status: "normal" });
    expect(courtClock(served, "2027-08-30", calendar)?.status).toBe("dueSoon");
    expect(courtClock(served, "2027-09-15", calendar)?.status).toBe("overdue");
  });
});
