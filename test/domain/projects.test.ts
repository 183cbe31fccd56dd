import { describe, expect, it } from "vitest";
import { guaranteeBalance, guaranteeTermProblem, guaranteeUseProblem, missingSafeguards, topUpClock, topUpProblem } from "../../src/domain/projects.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();

describe("missing safeguards (保障农民工工资支付条例)", () => {
  const all = {
    wageAccountBank: "建设银行",
    wageAccountOpenedOn: "2026-03-01",
    realName: true,
    contractorPays: true,
    guaranteeForm: "cash" as const,
    guaranteeFen: 100_000,
    noticeBoard: true,
  };
  it("finds none when every safeguard is on record", () => {
    expect(missingSafeguards(all)).toEqual([]);
  });
  it("names each one missing: an account without its opening day, a guarantee form without an amount", () => {
    expect(missingSafeguards({ ...all, wageAccountOpenedOn: null, guaranteeFen: 0, noticeBoard: false })).toEqual(["wageAccount", "guarantee", "noticeBoard"]);
  });
});

describe("the guarantee's term (人社部发〔2021〕65号)", () => {
  const bank = { form: "bankGuarantee" as const, fen: 300_000_00, from: "2026-03-01", until: "2027-03-01", contractEndOn: "2027-01-31" };
  it("takes a bank guarantee of one year that outlasts the contract", () => {
    expect(guaranteeTermProblem(bank)).toBeNull();
  });
  it("refuses one shorter than a year", () => {
    expect(guaranteeTermProblem({ ...bank, until: "2027-02-28" })?.message).toContain("至少为1年");
  });
  it("refuses one that ends before the contract", () => {
    expect(guaranteeTermProblem({ ...bank, until: "2027-03-01", contractEndOn: "2027-06-30" })?.message).toContain("不得短于合同期");
  });
  it("asks no term of cash", () => {
    expect(guaranteeTermProblem({ ...bank, form: "cash", from: null, until: null })).toBeNull();
  });
});

describe("using and topping up the guarantee", () => {
  it("keeps the balance as lodged − used + topped up", () => {
    expect(
      guaranteeBalance(300_000_00, [
        { amountFen: 85_000_00, toppedUpFen: 85_000_00 },
        { amountFen: 10_000_00, toppedUpFen: 0 },
      ]),
    ).toBe(290_000_00);
  });
  it("refuses a use above the balance or without a guarantee", () => {
    expect(guaranteeUseProblem("cash", 10_000_00, 10_000_01)).toContain("超过保证金余额");
    expect(guaranteeUseProblem(null, 0, 100)).toContain("未登记工资保证金");
    expect(guaranteeUseProblem("cash", 10_000_00, 10_000_00)).toBeNull();
  });
  it("takes a top-up of exactly the amount used, once", () => {
    const use = { usedOn: "2026-09-30", amountFen: 8_500_00, toppedUpOn: null, toppedUpFen: 0 };
    expect(topUpProblem(use, 8_000_00, "2026-10-09")).toContain("应等于动用金额");
    expect(topUpProblem(use, 8_500_00, "2026-09-29")).toContain("不能早于动用日期");
    expect(topUpProblem({ ...use, toppedUpOn: "2026-10-09", toppedUpFen: 8_500_00 }, 8_500_00, "2026-10-10")).toContain("已登记补足");
  });
});

describe("the top-up clock: 10 working days from the use", () => {
  const use = { usedOn: "2026-09-30", amountFen: 8_500_00, toppedUpOn: null, toppedUpFen: 0 };
  it("falls due 2026-10-20 for a use on 2026-09-30 (National Day does not count, the makeup Saturday 10-10 does)", () => {
    expect(topUpClock(use, "2026-10-09", calendar)).toMatchObject({ dueOn: "2026-10-20", used: 2, left: 8, status: "normal" });
  });
  it("is 即将到期 with one working day left, and 已超期 the day after the due date", () => {
    expect(topUpClock(use, "2026-10-19", calendar).status).toBe("dueSoon");
    expect(topUpClock(use, "2026-10-21", calendar).status).toBe("overdue");
  });
  it("is met when topped up by the due date, missed after it", () => {
    expect(topUpClock({ ...use, toppedUpOn: "2026-10-20", toppedUpFen: 8_500_00 }, "2026-11-30", calendar).status).toBe("met");
    expect(topUpClock({ ...use, toppedUpOn: "2026-10-21", toppedUpFen: 8_500_00 }, "2026-11-30", calendar).status).toBe("missed");
  });
});
