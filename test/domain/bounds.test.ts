import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_AMOUNT_FEN, amountProblem, boundedInt, calendarRange, dateProblem } from "../../src/domain/bounds.js";
import { parseYuanToFen } from "../../src/forms/money.js";

const range = calendarRange({ firstYear: 2020, lastYear: 2031 });

describe("amountProblem", () => {
  it("accepts amounts up to ¥10,000,000 and names the field otherwise", () => {
    expect(amountProblem("支付金额", 850000)).toBeNull();
    expect(amountProblem("支付金额", MAX_AMOUNT_FEN)).toBeNull();
    expect(amountProblem("支付金额", MAX_AMOUNT_FEN + 1)).toBe("支付金额超过 1000 万元，请核对");
    expect(amountProblem("支付金额", parseYuanToFen("99999999999999999999"))).toMatch(/^支付金额/);
    expect(amountProblem("支付金额", 0)).toBe("支付金额应大于 0");
    expect(amountProblem("追回金额", 0, { allowZero: true })).toBeNull();
    expect(amountProblem("支付金额", null)).toBe("支付金额应为金额数字，如 8500 或 8500.50");
  });

  it("holds for any typed text: either an amount in bounds or a message naming the field", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom("1e34", "¥∞", "-0", "1,000,000,000,000")), (text) => {
        const fen = parseYuanToFen(text);
        const problem = amountProblem("调解金额", fen);
        if (problem === null) expect(fen! > 0 && fen! <= MAX_AMOUNT_FEN && Number.isSafeInteger(fen)).toBe(true);
        else expect(problem.startsWith("调解金额")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("dateProblem", () => {
  it("refuses dates outside the calendar with the range in the message", () => {
    expect(dateProblem("支付日期", "1900-01-01", range)).toBe("支付日期应在 2020-01-01 至 2031-12-31 之间（工作日历的范围）");
    expect(dateProblem("限期支付日期", "2032-01-05", range)).toContain("2031-12-31");
    expect(dateProblem("支付日期", "2026-02-30", range)).toBe("支付日期应为有效日期，格式 YYYY-MM-DD");
    expect(dateProblem("支付日期", "2026-11-23", range)).toBeNull();
    expect(dateProblem("支付日期", "2026-11-24", range, { notAfter: "2026-11-23", notAfterLabel: "今天" })).toBe("支付日期不能晚于今天");
  });

  it("holds for any text: a date inside the range or a message naming the field", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toISOString().slice(0, 10))),
        ),
        (text) => {
          const problem = dateProblem("调解日期", text, range);
          if (problem === null) expect(text >= range.from && text <= range.to).toBe(true);
          else expect(problem.startsWith("调解日期")).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("boundedInt", () => {
  it("reads plain digits inside the range only", () => {
    expect(boundedInt("3", 1, 10)).toBe(3);
    expect(boundedInt("99999999999999999999", 1, 10)).toBeNull();
    expect(boundedInt("1e3", 1, 10_000)).toBeNull();
    expect(boundedInt("-1", 1, 10)).toBeNull();
    expect(boundedInt(undefined, 1, 10)).toBeNull();
  });

  it("never returns a number outside the range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)), (text) => {
        const n = boundedInt(text, 1, 100_000);
        expect(n === null || (Number.isInteger(n) && n >= 1 && n <= 100_000)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
