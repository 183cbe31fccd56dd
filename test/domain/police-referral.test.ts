import { describe, expect, it } from "vitest";
import { nextReferralStep, referralStepProblem, type ReferralFacts } from "../../src/domain/police-referral.js";

const base: ReferralFacts = { referredOn: "2026-12-01", materials: null, receivedOn: null, answer: null, answerOn: null, reviewRequestedOn: null };
const input = (step: string, o: Partial<{ materials: string; date: string; answer: string }> = {}) => ({ step, materials: "", date: "", answer: "", ...o });

describe("a police referral followed to its answer (docs/rules.md § Police referral)", () => {
  it("goes 移送材料 → 接收 → 答复 → 复议 (only when 不予立案), one step at a time", () => {
    expect(nextReferralStep(base)).toBe("materials");
    expect(nextReferralStep({ ...base, materials: "调查报告" })).toBe("receipt");
    expect(nextReferralStep({ ...base, materials: "调查报告", receivedOn: "2026-12-02" })).toBe("answer");
    const answered = { ...base, materials: "调查报告", receivedOn: "2026-12-02", answerOn: "2026-12-04" };
    expect(nextReferralStep({ ...answered, answer: "filed" })).toBeNull();
    expect(nextReferralStep({ ...answered, answer: "notFiled" })).toBe("review");
    expect(referralStepProblem(base, input("receipt", { date: "2026-12-02" }), "2026-12-04")?.message).toContain("请按顺序登记");
  });
  it("requires the list of materials, and dates in order, not after today", () => {
    expect(referralStepProblem(base, input("materials", { materials: " \n " }), "2026-12-04")?.field).toBe("materials");
    expect(referralStepProblem(base, input("materials", { materials: "调查报告\n工资表" }), "2026-12-04")).toBeNull();
    const sent = { ...base, materials: "调查报告" };
    expect(referralStepProblem(sent, input("receipt", { date: "2026-11-30" }), "2026-12-04")?.message).toBe("日期不能早于 2026-12-01");
    expect(referralStepProblem(sent, input("receipt", { date: "2026-12-05" }), "2026-12-04")?.message).toBe("日期不能晚于今天");
    expect(referralStepProblem({ ...sent, receivedOn: "2026-12-02" }, input("answer", { date: "2026-12-04" }), "2026-12-04")?.field).toBe("answer");
  });
  it("takes a 复议 request within 3 days of the 不予立案 notice", () => {
    const refused: ReferralFacts = { ...base, materials: "调查报告", receivedOn: "2026-12-02", answer: "notFiled", answerOn: "2026-12-04" };
    expect(referralStepProblem(refused, input("review", { date: "2026-12-07" }), "2026-12-08")).toBeNull();
    expect(referralStepProblem(refused, input("review", { date: "2026-12-08" }), "2026-12-08")?.message).toContain("3 日内（至 2026-12-07）");
  });
});
