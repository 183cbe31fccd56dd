import { describe, expect, it } from "vitest";
import {
  decidedFacts,
  entryProblem,
  handlingSentence,
  isCandidate,
  previousQuarter,
  quarter,
  quarterNotEndedProblem,
  quarterOf,
  type DecidedFacts,
} from "../../src/domain/violations-list.js";

describe("quarters (每季度公布)", () => {
  it("names a quarter and its dates", () => {
    expect(quarter("2026-Q4")).toEqual({ key: "2026-Q4", title: "2026年第四季度", from: "2026-10-01", to: "2026-12-31" });
    expect(quarter("2024-Q1")?.to).toBe("2024-03-31");
    expect(quarter("2026-Q5")).toBeNull();
  });
  it("finds the quarter of a date and the one before, across a year end", () => {
    expect(quarterOf("2026-11-24").key).toBe("2026-Q4");
    expect(quarterOf("2026-04-01").key).toBe("2026-Q2");
    expect(previousQuarter("2026-02-10").key).toBe("2025-Q4");
    expect(previousQuarter("2026-07-01").key).toBe("2026-Q2");
  });
});

describe("candidates (第29号令: 数额较大, 移送司法机关)", () => {
  it("takes a decided case referred to the police whatever the amount, or one at the large amount", () => {
    expect(isCandidate({ decided: true, policeReferral: true, orderedFen: 100 }, 5_000_000)).toBe(true);
    expect(isCandidate({ decided: true, policeReferral: false, orderedFen: 5_000_000 }, 5_000_000)).toBe(true);
    expect(isCandidate({ decided: true, policeReferral: false, orderedFen: 4_999_999 }, 5_000_000)).toBe(false);
    expect(isCandidate({ decided: false, policeReferral: true, orderedFen: 9_000_000 }, 5_000_000)).toBe(false);
  });
  it("names the missing field of an entry", () => {
    expect(entryProblem({ employerName: "甲公司", facts: " ", handling: "移送公安" })).toBe("请填写主要违法事实");
    expect(entryProblem({ employerName: "甲公司", facts: "拖欠", handling: "移送公安" })).toBeNull();
  });
});

describe("entries from what was decided", () => {
  const decided = (actions: DecidedFacts["actions"]): DecidedFacts => ({ workers: 12, orderedFen: 12_345_650, actions });
  it("states the ordered workers and amount", () => {
    expect(decidedFacts("某公司", decided([]))).toBe("经查，某公司拖欠 12 名劳动者工资共计 123,456.5 元，经责令限期支付，逾期未支付。");
  });
  it("says what followed the order, in the order of the law", () => {
    expect(handlingSentence(decided([]))).toBe("责令限期支付拖欠的工资");
    expect(
      handlingSentence(
        decided([
          { kind: "policeReferral", docNumber: null, agency: "" },
          { kind: "compensation", docNumber: "长人社监处〔2026〕3号", agency: "" },
        ]),
      ),
    ).toBe("责令限期支付拖欠的工资并加付赔偿金（长人社监处〔2026〕3号）；已移送公安机关");
    expect(handlingSentence(decided([{ kind: "decision", docNumber: "长人社监处〔2026〕4号", agency: "" }]))).toBe(
      "责令限期支付拖欠的工资；作出行政处理决定（长人社监处〔2026〕4号）",
    );
  });
  it("makes a quarterly batch only after the quarter's last day", () => {
    const q4 = quarter("2026-Q4")!;
    expect(quarterNotEndedProblem(q4, "2026-12-31")).toMatch(/尚未结束（至 2026-12-31）/);
    expect(quarterNotEndedProblem(q4, "2027-01-01")).toBeNull();
  });
});
