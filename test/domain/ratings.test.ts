import { describe, expect, it } from "vitest";
import { followupProblems, isPoorRating, lastChangeDay, RATING_LEVELS, ratingProblem, satisfactionRates } from "../../src/domain/ratings.js";

describe("好差评 rules", () => {
  it("has the five levels of 国办发〔2019〕51号, of which 不满意 and 非常不满意 are 差评", () => {
    expect(RATING_LEVELS.filter(isPoorRating)).toEqual(["dissatisfied", "veryDissatisfied"]);
  });

  it("rates only a closed case, and changes a rating up to the last day of the period", () => {
    expect(ratingProblem({ caseClosed: false, firstRatedOn: null, today: "2026-11-23", changeDays: 7 })).toContain("办结后");
    expect(ratingProblem({ caseClosed: true, firstRatedOn: null, today: "2026-11-23", changeDays: 7 })).toBeNull();
    expect(lastChangeDay("2026-11-23", 7)).toBe("2026-11-30");
    expect(ratingProblem({ caseClosed: true, firstRatedOn: "2026-11-23", today: "2026-11-30", changeDays: 7 })).toBeNull();
    expect(ratingProblem({ caseClosed: true, firstRatedOn: "2026-11-23", today: "2026-12-01", changeDays: 7 })).toContain("7 日内");
  });

  it("asks a 回访 for its findings and answer, and for the 整改 when the complaint was right", () => {
    const base = { calledOn: "2026-11-24", reached: true, justified: true, findings: "属实", rectification: "", answer: "已改进" };
    expect(followupProblems(base, "2026-11-23", "2026-11-24")).toEqual({ rectification: "问题属实，请填写整改情况" });
    expect(followupProblems({ ...base, rectification: "已整改" }, "2026-11-23", "2026-11-24")).toEqual({});
    expect(followupProblems({ ...base, reached: false, justified: null, answer: "" }, "2026-11-23", "2026-11-24")).toEqual({
      answer: "请填写答复劳动者的内容（劳动者在进度查询中看到）",
    });
    expect(followupProblems({ ...base, reached: true, justified: null }, "2026-11-23", "2026-11-24").justified).toBeDefined();
    expect(followupProblems({ ...base, rectification: "x", calledOn: "2026-11-22" }, "2026-11-23", "2026-11-24").calledOn).toContain("不能早于");
  });

  it("computes 满意率, 差评回访率 and 整改率, with nothing to divide as null", () => {
    expect(satisfactionRates({ rated: 4, good: 3, poor: 1, followedUp: 1, justified: 1, rectified: 1 })).toEqual({
      satisfaction: 0.75,
      followupRate: 1,
      rectificationRate: 1,
    });
    expect(satisfactionRates({ rated: 0, good: 0, poor: 0, followedUp: 0, justified: 0, rectified: 0 })).toEqual({
      satisfaction: null,
      followupRate: null,
      rectificationRate: null,
    });
  });
});
