/** 应急周转金: the ledger's balance, an advance's limits, a recovery's limit and its clock (src/domain/emergency-fund.ts). */
import { describe, expect, it } from "vitest";
import {
  advanceProblem,
  balanceAfter,
  fundFigures,
  mayKeepFund,
  recoveryAmountProblem,
  recoveryDueOn,
  recoveryStatus,
  type MovementKind,
} from "../../src/domain/emergency-fund.js";

/** Plays movements through balanceAfter as the model does: a refused one leaves the balance as it was. */
function play(moves: [MovementKind, number][]) {
  let balance = 0;
  const refused: number[] = [];
  moves.forEach(([kind, amount], i) => {
    const after = balanceAfter(balance, kind, amount);
    if ("problem" in after) refused.push(i);
    else balance = after.balanceFen;
  });
  return { balance, refused };
}

describe("the ledger's balance", () => {
  it("adds capital and recoveries, takes advances, and takes adjustments either way", () => {
    expect(
      play([
        ["capital", 1_000_000_00],
        ["advance", 30_000_00],
        ["recovery", 10_000_00],
        ["adjustment", -5_000_00],
      ]),
    ).toEqual({ balance: 975_000_00, refused: [] });
  });

  it("never goes below zero: the advance or adjustment that would is refused with the balance named", () => {
    expect(balanceAfter(20_000_00, "advance", 20_000_01)).toEqual({ problem: "应急周转金余额不足：当前余额 ¥20,000.00，本笔垫付需 ¥20,000.01" });
    expect(balanceAfter(100, "adjustment", -101)).toMatchObject({ problem: expect.stringContaining("余额不足") });
    expect(balanceAfter(20_000_00, "advance", 20_000_00)).toEqual({ balanceFen: 0 });
    const { balance, refused } = play([
      ["capital", 100],
      ["advance", 60],
      ["advance", 60],
      ["advance", 40],
      ["advance", 1],
    ]);
    expect({ balance, refused }).toEqual({ balance: 0, refused: [2, 4] });
  });

  it("refuses an amount of zero, a negative capital or a fraction of a fen", () => {
    expect(balanceAfter(0, "capital", 0)).toEqual({ problem: "注资金额应大于 0" });
    expect(balanceAfter(0, "capital", -5)).toEqual({ problem: "注资金额应大于 0" });
    expect(balanceAfter(0, "adjustment", 0)).toEqual({ problem: "调整金额不能为 0" });
    expect(balanceAfter(0, "capital", 1.5)).toEqual({ problem: "金额应为整数分" });
  });

  it("gives the fund's figures from its movements", () => {
    const figures = fundFigures([
      { kind: "capital", amountFen: 500 },
      { kind: "adjustment", amountFen: -20 },
      { kind: "advance", amountFen: 300 },
      { kind: "recovery", amountFen: 120 },
    ]);
    expect(figures).toEqual({ capitalFen: 500, adjustedFen: -20, advancedFen: 300, recoveredFen: 120, outstandingFen: 180, balanceFen: 300 });
  });
});

describe("an advance", () => {
  const owed = [
    { workerId: 1, name: "张三", confirmedUnpaidFen: 800_000, advancedFen: 0 },
    { workerId: 2, name: "李四", confirmedUnpaidFen: 500_000, advancedFen: 200_000 },
  ];

  it("may pay each worker up to what was confirmed owed and not yet advanced, within the fund's balance", () => {
    expect(
      advanceProblem(
        owed,
        new Map([
          [1, 800_000],
          [2, 300_000],
        ]),
        1_100_000,
      ),
    ).toBeNull();
  });

  it("refuses a worker's amount above the confirmed owed, naming the worker's field", () => {
    expect(advanceProblem(owed, new Map([[1, 800_001]]), 10_000_000)).toEqual({
      message: "张三的垫付金额 ¥8,000.01 超过核定尚欠金额（核定未付 ¥8,000.00，已垫付 ¥0.00，最多还可垫付 ¥8,000.00）",
      field: "amount.1",
    });
    expect(advanceProblem(owed, new Map([[2, 300_001]]), 10_000_000)?.field).toBe("amount.2");
  });

  it("refuses a total above the fund's balance, naming the total", () => {
    expect(
      advanceProblem(
        owed,
        new Map([
          [1, 800_000],
          [2, 300_000],
        ]),
        1_099_999,
      ),
    ).toEqual({
      message: "垫付合计 ¥11,000.00 超过应急周转金余额 ¥10,999.99",
      field: "total",
    });
  });

  it("needs a confirmed amount and at least one worker's amount", () => {
    expect(advanceProblem([{ workerId: 1, name: "张三", confirmedUnpaidFen: 0, advancedFen: 0 }], new Map([[1, 100]]), 1000)?.message).toContain(
      "没有核定且尚未支付的欠薪",
    );
    expect(advanceProblem(owed, new Map(), 1000)).toEqual({ message: "请至少为一名投诉人填写垫付金额" });
  });
});

describe("recovery (追偿)", () => {
  it("is never larger than what is outstanding", () => {
    expect(recoveryAmountProblem(50_000, 50_000)).toBeNull();
    expect(recoveryAmountProblem(50_001, 50_000)).toBe("追偿金额 ¥500.01 超过尚未收回的垫付款 ¥500.00");
    expect(recoveryAmountProblem(0, 50_000)).toBe("追偿金额应大于 0");
  });

  it("runs its own clock from the payment: due soon in its last week, overdue the day after, done when all is back", () => {
    expect(recoveryDueOn("2026-11-23", 90)).toBe("2027-02-21");
    expect(recoveryStatus(100, "2027-02-21", "2027-02-13")).toBe("running");
    expect(recoveryStatus(100, "2027-02-21", "2027-02-14")).toBe("dueSoon");
    expect(recoveryStatus(100, "2027-02-21", "2027-02-21")).toBe("dueSoon");
    expect(recoveryStatus(100, "2027-02-21", "2027-02-22")).toBe("overdue");
    expect(recoveryStatus(0, "2027-02-21", "2027-03-22")).toBe("recovered");
  });
});

describe("who keeps a fund", () => {
  it("is its office's supervisors and the city's; nobody else", () => {
    expect(mayKeepFund({ role: "supervisor", officeId: 3, cityWide: false }, 3)).toBe(true);
    expect(mayKeepFund({ role: "supervisor", officeId: 1, cityWide: true }, 3)).toBe(true);
    expect(mayKeepFund({ role: "supervisor", officeId: 4, cityWide: false }, 3)).toBe(false);
    expect(mayKeepFund({ role: "inspector", officeId: 3, cityWide: false }, 3)).toBe(false);
  });
});
