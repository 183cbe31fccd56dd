import { describe, expect, it } from "vitest";
import { limitationEndsOn, limitationWarning, rejectionBasis } from "../../src/domain/legal-basis.js";

describe("the 2-year limit (条例第二十条)", () => {
  it.each([
    ["ended exactly 2 years before receipt", { receivedOn: "2026-11-23", arrearsEndedOn: "2024-11-23", arrearsOngoing: false }, false],
    ["ended 2 years and a day before receipt", { receivedOn: "2026-11-23", arrearsEndedOn: "2024-11-22", arrearsOngoing: false }, true],
    ["a continuing violation", { receivedOn: "2026-11-23", arrearsEndedOn: "2020-01-31", arrearsOngoing: true }, false],
    ["not recorded", { receivedOn: "2026-11-23", arrearsEndedOn: null, arrearsOngoing: false }, false],
  ] as const)("warns when %s: %s", (_what, period, warns) => {
    expect(limitationWarning(period) !== null).toBe(warns);
  });

  it("counts 29 February to 28 February two years on", () => {
    expect(limitationEndsOn("2024-02-29")).toBe("2026-02-28");
  });
});

describe("the basis of a rejection", () => {
  it("cites 条例第二十条 and 若干规定第十八条第二款 for the 2-year limit", () => {
    expect(rejectionBasis("limitation", "")).toEqual({ basis: expect.stringContaining("第二十条") });
  });

  it("needs a typed article for any other ground", () => {
    expect(rejectionBasis("other", "投诉事项不属实")).toHaveProperty("problem");
    expect(rejectionBasis("other", "《某规定》第九条")).toEqual({ basis: "《某规定》第九条" });
    expect(rejectionBasis("", "")).toHaveProperty("problem");
  });
});
