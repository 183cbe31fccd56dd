/**
 * 陈述申辩 before a decision (docs/rules.md §陈述申辩).
 * - Before a 加付赔偿金 order or an administrative decision the bureau hears the employer
 *   (劳动保障监察条例 第十九条): it serves a 事先告知书 stating the facts, grounds, basis and the intended
 *   decision, and the employer's right to state its case (行政处罚法 第四十四条).
 * - What the employer states is reviewed and the review recorded; a statement does not make the decision
 *   heavier (行政处罚法 第四十五条): the decided rate may not exceed the rate in the notice.
 * - Service is recorded like every outgoing document's (domain/service.ts); the period runs from its date.
 * - No article found fixes the period for a statement (docs/rules.md §陈述申辩 names what was searched). It is the
 *   bureau's setting (STATEMENT_WORKING_DAYS), 5 working days after service by default and never fewer — no shorter
 *   than the 5 days 行政处罚法 第六十四条 allows for asking a hearing; each notice keeps the period it was issued
 *   with, as printed. The decision is refused until that period has run and the statement (or that none came) is
 *   on record.
 */
import { isPastDue } from "./clocks.js";
import type { IsoDate } from "./dates.js";
import type { WorkingCalendar } from "./working-days.js";

/** Working days after service in which the employer may state its case, unless the bureau sets more. */
export const DEFAULT_STATEMENT_DAYS = 5;
/** The setting's bounds: never shorter than a hearing request's 5 days (行政处罚法 第六十四条), at most 20. */
export const STATEMENT_DAYS_RANGE = [5, 20] as const;

export type PriorNoticeKind = "compensation" | "decision";

export const PRIOR_NOTICE_LABELS: Record<PriorNoticeKind, string> = {
  compensation: "责令加付赔偿金",
  decision: "作出行政处理决定",
};

export interface PriorNoticeFacts {
  kind: PriorNoticeKind;
  issuedOn: IsoDate;
  /** The date of its recorded service (document_services), null until recorded. */
  servedOn: IsoDate | null;
  /** statementDueOn(servedOn), null until served. */
  statementDueOn: IsoDate | null;
  statement: "received" | "none" | null;
  ratePercent: number | null;
}

/** The last day of the statement period: the `days`th working day after service (the period the notice gives). */
export function statementDueOn(servedOn: IsoDate, days: number, calendar: WorkingCalendar): IsoDate {
  return calendar.addWorkingDays(servedOn, days).date;
}

export function statementProblem(n: PriorNoticeFacts, s: { statement: "received" | "none"; text: string; review: string }, today: IsoDate): string | null {
  if (!n.servedOn || !n.statementDueOn) return "事先告知书尚未送达，不能记录陈述申辩。";
  if (n.statement) return "已记录陈述申辩情况。";
  if (s.statement === "received") {
    if (!s.text.trim()) return "请填写用人单位陈述申辩的内容";
    if (!s.review.trim()) return "请填写对陈述申辩的复核意见（行政处罚法第四十五条）";
    return null;
  }
  if (!isPastDue(n.statementDueOn, today)) return `陈述申辩期限至 ${n.statementDueOn} 届满，期满后才能记录“未提出陈述申辩”。`;
  return null;
}

/** Why the decision of `kind` cannot be made yet, given the notices served for it; null when it can. */
export function decisionProblem(notices: readonly PriorNoticeFacts[], kind: PriorNoticeKind, today: IsoDate, ratePercent: number | null = null): string | null {
  const n = notices.filter((x) => x.kind === kind).at(-1);
  const what = PRIOR_NOTICE_LABELS[kind];
  if (!n) return `${what}前，须先向用人单位送达事先告知书，听取其陈述申辩（劳动保障监察条例第十九条）。`;
  if (!n.servedOn || !n.statementDueOn) return "事先告知书尚未送达，请先登记送达。";
  if (!isPastDue(n.statementDueOn, today)) return `陈述申辩期限至 ${n.statementDueOn} 届满，期满后才能${what}。`;
  if (!n.statement) return "请先记录用人单位的陈述申辩（或未提出陈述申辩）及复核意见。";
  if (ratePercent !== null && n.ratePercent !== null && ratePercent > n.ratePercent) {
    return `加付比例不能高于事先告知书告知的 ${n.ratePercent}%：提高比例须重新告知并听取陈述申辩。`;
  }
  return null;
}
