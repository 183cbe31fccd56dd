/**
 * 好差评: the worker's rating of a closed case and the 回访 a poor rating opens (docs/rules.md § 好差评).
 * Rules: five levels (国办发〔2019〕51号); one rating per worker per case, given only once the case is closed and
 * changeable for a set number of days after it was first given (our setting); 不满意 and 非常不满意 are 差评 and open a
 * 回访 with its own working-day clock (default 15). A 回访 records the call (reached or not, what was found); when the
 * complaint proves right, the 整改 taken is required; the answer is what the worker reads on the public lookup.
 */
import { addDays, type IsoDate } from "./dates.js";

export const RATING_LEVELS = ["verySatisfied", "satisfied", "basicallySatisfied", "dissatisfied", "veryDissatisfied"] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  verySatisfied: "非常满意",
  satisfied: "满意",
  basicallySatisfied: "基本满意",
  dissatisfied: "不满意",
  veryDissatisfied: "非常不满意",
};

export const RATING_REASONS = ["time", "attitude", "result", "other"] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

export const RATING_REASON_LABELS: Record<RatingReason, string> = {
  time: "办理时间",
  attitude: "服务态度",
  result: "处理结果",
  other: "其他",
};

/** Defaults of the settings (config.ts): days a rating may be changed (ours), working days of a 回访. */
export const DEFAULT_RATING_CHANGE_DAYS = 7;
export const DEFAULT_FOLLOWUP_WORKING_DAYS = 15;

/** 差评: 不满意 or 非常不满意. */
export function isPoorRating(level: RatingLevel): boolean {
  return level === "dissatisfied" || level === "veryDissatisfied";
}

/** The last day a rating first given on `firstRatedOn` may still be changed. */
export function lastChangeDay(firstRatedOn: IsoDate, changeDays: number): IsoDate {
  return addDays(firstRatedOn, changeDays);
}

/** Why this rating may not be given now, or null. */
export function ratingProblem(r: { caseClosed: boolean; firstRatedOn: IsoDate | null; today: IsoDate; changeDays: number }): string | null {
  if (!r.caseClosed) return "案件办结后才能评价，请办结后再来。";
  if (r.firstRatedOn !== null && r.today > lastChangeDay(r.firstRatedOn, r.changeDays)) {
    return `评价只能在首次评价后 ${r.changeDays} 日内修改（${lastChangeDay(r.firstRatedOn, r.changeDays)} 前），您的评价已保存，不能再改。`;
  }
  return null;
}

export interface FollowupInput {
  calledOn: IsoDate;
  reached: boolean;
  findings: string;
  /** The worker's complaint about the service proved right (null when nobody was reached). */
  justified: boolean | null;
  rectification: string;
  answer: string;
}

/** What is missing from a 回访 record, per field; empty when it may be saved. */
export function followupProblems(input: FollowupInput, ratedOn: IsoDate, today: IsoDate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.calledOn < ratedOn) errors.calledOn = "回访日期不能早于评价日期";
  if (input.calledOn > today) errors.calledOn = "回访日期不能晚于今天";
  if (!input.findings.trim()) errors.findings = "请填写回访核实情况";
  if (input.reached && input.justified === null) errors.justified = "请选择差评反映的问题是否属实";
  if (input.justified && !input.rectification.trim()) errors.rectification = "问题属实，请填写整改情况";
  if (!input.answer.trim()) errors.answer = "请填写答复劳动者的内容（劳动者在进度查询中看到）";
  return errors;
}

export interface SatisfactionCounts {
  rated: number;
  /** 非常满意 + 满意 + 基本满意. */
  good: number;
  poor: number;
  followedUp: number;
  justified: number;
  rectified: number;
}

/** 满意率, 差评回访率 and 整改率 as fractions (null when there is nothing to divide). */
export function satisfactionRates(c: SatisfactionCounts) {
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return { satisfaction: share(c.good, c.rated), followupRate: share(c.followedUp, c.poor), rectificationRate: share(c.rectified, c.justified) };
}
