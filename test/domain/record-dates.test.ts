/** A date on the record lies between an earlier date of the case and today (src/domain/dates.ts recordDateProblem). */
import { describe, expect, it } from "vitest";
import { recordDateProblem } from "../../src/domain/dates.js";

describe("recordDateProblem", () => {
  it("takes the earliest day and today, refuses a day after today or before the earliest, in the field's own words", () => {
    expect(recordDateProblem("联系日期", "2026-11-23", "2026-11-20", "收到投诉的日期", "2026-11-23")).toBeNull();
    expect(recordDateProblem("联系日期", "2026-11-20", "2026-11-20", "收到投诉的日期", "2026-11-23")).toBeNull();
    expect(recordDateProblem("函件日期", "2026-11-24", "2026-11-20", "收到投诉的日期", "2026-11-23")).toBe("函件日期不能晚于今天");
    expect(recordDateProblem("决定日期", "2026-11-19", "2026-11-20", "申请日期", "2026-11-23")).toBe("决定日期不能早于申请日期");
  });
});
