/**
 * A 移送公安 followed to its answer (docs/rules.md § Police referral), after 行政执法机关移送涉嫌犯罪案件的规定
 * (国务院令第310号): the 移送书 goes with the list of materials (the 调查报告, the evidence, other materials), the
 * police's receipt, their answer — 立案 or 不予立案 — with its date, and when 不予立案, a request to the same police
 * for 复议 within 3 days of receiving the notice. Each step in turn; the administrative case goes on meanwhile.
 * Pure: the caller passes today.
 */
import { addDays, isIsoDate, type IsoDate } from "./dates.js";

/** 第九条: 自接到不予立案通知书之日起3日内，提请作出不予立案决定的公安机关复议. */
export const POLICE_REVIEW_DAYS = 3;

export type PoliceAnswer = "filed" | "notFiled";
export const POLICE_ANSWER_LABELS: Record<PoliceAnswer, string> = { filed: "立案", notFiled: "不予立案" };

/** What is recorded so far on one referral (null: the 移送书 not yet recorded). */
export interface ReferralFacts {
  referredOn: IsoDate;
  materials: string | null;
  receivedOn: IsoDate | null;
  answer: PoliceAnswer | null;
  answerOn: IsoDate | null;
  reviewRequestedOn: IsoDate | null;
}

export type ReferralStep = "materials" | "receipt" | "answer" | "review";

/** The step the referral waits for, or null when it is complete. */
export function nextReferralStep(r: ReferralFacts): ReferralStep | null {
  if (!r.materials) return "materials";
  if (!r.receivedOn) return "receipt";
  if (!r.answer) return "answer";
  if (r.answer === "notFiled" && !r.reviewRequestedOn) return "review";
  return null;
}

export interface ReferralInput {
  step: string;
  materials: string;
  date: string;
  answer: string;
}

/** Why this step may not be recorded, naming the field, or null. */
export function referralStepProblem(r: ReferralFacts, input: ReferralInput, today: IsoDate): { field?: string; message: string } | null {
  const next = nextReferralStep(r);
  if (input.step !== next) return { message: next ? "请按顺序登记：移送材料、公安机关接收、立案答复、提请复议" : "移送已登记完毕" };
  if (next === "materials") {
    const items = input.materials.split("\n").filter((l) => l.trim());
    if (items.length === 0) return { field: "materials", message: "请逐行列出随移送书移送的材料（调查报告、证据材料等）" };
    if (input.materials.length > 2000) return { field: "materials", message: "材料清单不能超过 2000 字" };
    return null;
  }
  if (!isIsoDate(input.date)) return { field: "date", message: "请填写有效的日期" };
  if (input.date > today) return { field: "date", message: "日期不能晚于今天" };
  const after = next === "receipt" ? r.referredOn : next === "answer" ? r.receivedOn! : r.answerOn!;
  if (input.date < after) return { field: "date", message: `日期不能早于 ${after}` };
  if (next === "answer" && input.answer !== "filed" && input.answer !== "notFiled") return { field: "answer", message: "请选择立案或不予立案" };
  if (next === "review" && input.date > addDays(r.answerOn!, POLICE_REVIEW_DAYS))
    return { field: "date", message: `提请复议应在接到不予立案通知书之日起 ${POLICE_REVIEW_DAYS} 日内（至 ${addDays(r.answerOn!, POLICE_REVIEW_DAYS)}）` };
  return null;
}
