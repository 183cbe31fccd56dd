import { describe, expect, it } from "vitest";
import { isAgreementOverdue, settlementProblem } from "../../src/domain/mediation.js";
import {
  compensationAmount,
  compensationRateProblem,
  isFullyPaid,
  orderClock,
  orderNotServedProblem,
  orderServiceDateProblem,
  outstandingFen,
  recoveryProblem,
} from "../../src/domain/money.js";
import { testCalendar } from "../fixtures/calendars.js";

describe("加付赔偿金 (劳动保障监察条例第二十六条)", () => {
  it("accepts 50 % to 100 % and computes on the unpaid amount, to the fen", () => {
    expect(compensationAmount(1_000_001, 50)).toBe(500_001);
    expect(compensationAmount(1_000_000, 100)).toBe(1_000_000);
    expect(compensationAmount(333, 75)).toBe(250);
  });
  it.each([49, 101, 0, 62.5, Number.NaN])("refuses a rate of %s", (rate) => {
    expect(compensationRateProblem(rate)).toContain("第二十六条");
    expect(() => compensationAmount(1000, rate)).toThrow(RangeError);
  });
});

describe("what is still owed", () => {
  const items = [
    { workerId: 1, amountFen: 500_00, paidFen: 500_00 },
    { workerId: 2, amountFen: 300_00, paidFen: 100_00 },
  ];
  it("sums the unpaid remainder per worker", () => {
    expect(outstandingFen(items)).toBe(200_00);
    expect(isFullyPaid(items)).toBe(false);
    expect(isFullyPaid(items.map((i) => ({ ...i, paidFen: i.amountFen })))).toBe(true);
    expect(isFullyPaid([])).toBe(false);
  });
});

describe("recovered amounts", () => {
  it("may be less than claimed, but more only with a supervisor's note", () => {
    expect(recoveryProblem(1000, 800, null)).toBeNull();
    expect(recoveryProblem(1000, 1200, null)).toContain("须由科长填写说明");
    expect(recoveryProblem(1000, 1200, "含加付赔偿金")).toBeNull();
    expect(recoveryProblem(1000, -1, "x")).toContain("不小于 0");
  });
});

describe("快调化解", () => {
  const paid = { workerId: 1, amountFen: 100, paidFen: 100, confirmed: true };
  it("needs an agreement paid in full and confirmed by every worker", () => {
    expect(settlementProblem([])).toContain("尚无调解协议");
    expect(settlementProblem([{ ...paid, paidFen: 50 }])).toContain("尚未全部支付");
    expect(settlementProblem([paid, { ...paid, workerId: 2, confirmed: false }])).toContain("未确认");
    expect(settlementProblem([paid])).toBeNull();
  });
  it("is overdue after the pay-by date with money still owed", () => {
    expect(isAgreementOverdue("2026-11-20", [{ workerId: 1, amountFen: 100, paidFen: 0 }], "2026-11-23")).toBe(true);
    expect(isAgreementOverdue("2026-11-20", [{ workerId: 1, amountFen: 100, paidFen: 100 }], "2026-11-23")).toBe(false);
    expect(isAgreementOverdue("2026-11-23", [{ workerId: 1, amountFen: 100, paidFen: 0 }], "2026-11-23")).toBe(false);
  });
});

describe("an order's pay-by clock", () => {
  const calendar = testCalendar();
  const order = { servedOn: "2026-11-23", payBy: "2026-12-04", unpaidFen: 100_00 };
  it("shows 待送达 and opens nothing until the order is served", () => {
    expect(orderClock({ ...order, servedOn: null }, "2026-12-05", calendar)).toEqual({ left: null, status: "awaitingService", overdueUnpaid: false });
    expect(orderNotServedProblem({ docNumber: "令1号", servedOn: null })).toMatch(/令1号）尚未登记送达（待送达）/);
    expect(orderNotServedProblem({ docNumber: "令1号", servedOn: "2026-11-23" })).toBeNull();
  });
  it("counts the period from the service date: served on a Saturday, due soon by the usual 80 % rule", () => {
    // Served Sat 2026-11-28, due Fri 12-04: 5 working days in all; on Thu 12-03 one is left (80 % used).
    const late = { servedOn: "2026-11-28", payBy: "2026-12-04", unpaidFen: 100_00 };
    expect(orderClock(late, "2026-11-30", calendar)).toMatchObject({ left: 4, status: "normal" });
    expect(orderClock(late, "2026-12-03", calendar)).toMatchObject({ left: 1, status: "dueSoon" });
  });
  it("refuses a service on or after the pay-by date", () => {
    expect(orderServiceDateProblem({ payBy: "2026-12-04" }, "2026-12-04")).toMatch(/应重新下达指令书/);
    expect(orderServiceDateProblem({ payBy: "2026-12-04" }, "2026-12-03")).toBeNull();
  });
  it("runs in working days to the pay-by date", () => {
    expect(orderClock(order, "2026-11-24", calendar)).toEqual({ left: 8, status: "normal", overdueUnpaid: false });
    expect(orderClock(order, "2026-12-02", calendar)).toMatchObject({ left: 2, status: "dueSoon" });
    expect(orderClock(order, "2026-12-04", calendar)).toMatchObject({ left: 0, status: "dueSoon", overdueUnpaid: false });
  });
  it("is overdue the day after the pay-by date while money is owed, and met once paid", () => {
    expect(orderClock(order, "2026-12-05", calendar)).toMatchObject({ status: "overdue", overdueUnpaid: true });
    expect(orderClock({ ...order, unpaidFen: 0 }, "2026-12-05", calendar)).toMatchObject({ status: "met", overdueUnpaid: false });
  });
});
