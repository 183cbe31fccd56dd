import { describe, expect, it } from "vitest";
import { actionSentence, formatWan, resolveByProblem, resolveProblem, riskClock } from "../../src/domain/special-actions.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();

describe("the risk point's clock", () => {
  // Found Friday 2026-11-20, to be resolved by Friday 2026-12-04: 10 working days.
  const risk = { foundOn: "2026-11-20", resolveBy: "2026-12-04", status: "open" as const, endedOn: null };
  it("runs 正常 at first", () => {
    expect(riskClock(risk, "2026-11-23", calendar)).toMatchObject({ used: 1, left: 9, status: "normal" });
  });
  it("is 即将到期 once 80 % of its working days are used", () => {
    expect(riskClock(risk, "2026-12-02", calendar)).toMatchObject({ used: 8, left: 2, status: "dueSoon" });
  });
  it("is 已超期 the day after the resolve-by day, a Saturday included", () => {
    expect(riskClock(risk, "2026-12-04", calendar).status).toBe("dueSoon");
    expect(riskClock(risk, "2026-12-05", calendar).status).toBe("overdue");
  });
  it("stops when the risk ends: met by the day, missed after it", () => {
    expect(riskClock({ ...risk, status: "resolved", endedOn: "2026-12-03" }, "2027-01-10", calendar).status).toBe("met");
    expect(riskClock({ ...risk, status: "filed", endedOn: "2026-12-07" }, "2027-01-10", calendar).status).toBe("missed");
  });
  it("needs a resolve-by day after the day it was found", () => {
    expect(resolveByProblem("2026-11-20", "2026-11-20")).toContain("应晚于发现日期");
  });
});

describe("化解 needs payment records", () => {
  it("is refused without a payment, or once the risk has ended", () => {
    expect(resolveProblem("open", [])).toContain("须先登记支付记录");
    expect(resolveProblem("filed", [{ amountFen: 1, workers: 1 }])).toContain("已清理");
    expect(resolveProblem("open", [{ amountFen: 12_340_000, workers: 12 }])).toBeNull();
  });
});

describe("the action's sentence", () => {
  it("writes the bureau's sentence from the figures (the seed report's 护薪安薪 action)", () => {
    expect(actionSentence({ groups: 42, personTimes: 320, projects: 341, risksCleared: 496, workersPaid: 5390, paidFen: 7_809 * 1_000_000 })).toBe(
      "成立检查组42个，开展检查320人次，排查项目341个，清理风险点496个，为5390名农民工保障支付工资7809万元",
    );
  });
  it("gives 万元 with at most two decimals", () => {
    expect(formatWan(12_340_000)).toBe("12.34");
    expect(formatWan(12_300_000)).toBe("12.3");
    expect(formatWan(1_234_000)).toBe("1.23");
    expect(formatWan(0)).toBe("0");
  });
});
