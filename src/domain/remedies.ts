/**
 * The remedies against a 行政处理决定书 and their windows, counted from the decision's recorded service
 * (docs/rules.md § Remedies against a decision): 行政复议 within 60 days (行政复议法 2023 第二十条), 行政诉讼
 * within 6 months (行政诉讼法 第四十六条). Both are calendar periods: the day of service is not counted, a
 * period in months ends on the corresponding day (or the month's last day), and a period whose last day is a
 * rest day ends on the next working day (民事诉讼法 on 期间; 行政复议法 2023 第八十八条 refers to it).
 * Until the decision is served no window runs. Pure: the caller passes today and the working calendar.
 */
import { addDays, addMonths, isIsoDate, type IsoDate } from "./dates.js";
import type { WorkingCalendar } from "./working-days.js";

/** 行政复议法 (2023 修订) 第二十条第一款. */
export const RECONSIDERATION_DAYS = 60;
/** 行政诉讼法 第四十六条第一款. */
export const LAWSUIT_MONTHS = 6;

/** What a clock shows while the document it runs from has not been served. */
export const AWAITING_SERVICE = "待送达";

/** The last day of a calendar period: moved past rest days to the next working day. */
export function periodLastDay(nominal: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = nominal;
  while (calendar.covers(day) && !calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export interface RemedyWindow {
  key: "reconsideration" | "lawsuit";
  label: string;
  basis: string;
  /** Null until the decision is served. */
  lastDay: IsoDate | null;
  status: "awaitingService" | "open" | "closed";
  /** Calendar days left including today, when open. */
  daysLeft: number | null;
}

const WINDOWS = [
  {
    key: "reconsideration",
    label: "申请行政复议",
    basis: "行政复议法第二十条：自知道该行政行为之日起六十日内",
    end: (s: IsoDate) => addDays(s, RECONSIDERATION_DAYS),
  },
  { key: "lawsuit", label: "提起行政诉讼", basis: "行政诉讼法第四十六条：自知道作出行政行为之日起六个月内", end: (s: IsoDate) => addMonths(s, LAWSUIT_MONTHS) },
] as const;

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The two remedy windows of a decision served on `servedOn` (null: not served yet) as of `today`. */
export function remedyWindows(servedOn: IsoDate | null, today: IsoDate, calendar: WorkingCalendar): RemedyWindow[] {
  return WINDOWS.map((w) => {
    if (!servedOn) return { key: w.key, label: w.label, basis: w.basis, lastDay: null, status: "awaitingService", daysLeft: null };
    const lastDay = periodLastDay(w.end(servedOn), calendar);
    const open = today <= lastDay;
    return { key: w.key, label: w.label, basis: w.basis, lastDay, status: open ? "open" : "closed", daysLeft: open ? daysBetween(today, lastDay) + 1 : null };
  });
}

// ---- Remedies recorded -------------------------------------------------------------------------

export type RemedyKind = "reconsideration" | "lawsuit";
export type RemedyOutcome = "upheld" | "varied" | "revoked" | "confirmedUnlawful";

export const REMEDY_LABELS: Record<RemedyKind, string> = { reconsideration: "行政复议", lawsuit: "行政诉讼" };
export const REMEDY_BODY_LABELS: Record<RemedyKind, string> = { reconsideration: "复议机关", lawsuit: "人民法院" };
export const REMEDY_OUTCOME_LABELS: Record<RemedyOutcome, string> = { upheld: "维持", varied: "变更", revoked: "撤销", confirmedUnlawful: "确认违法" };

export interface RemedyProblem {
  field?: string;
  message: string;
}

export interface RemedyFilingInput {
  kind: string;
  filedOn: string;
  body: string;
  caseNumber: string;
}

const MAX_REMEDY_TEXT = 200;

function isRemedyKind(value: string): value is RemedyKind {
  return value in REMEDY_LABELS;
}

function isRemedyOutcome(value: string): value is RemedyOutcome {
  return value in REMEDY_OUTCOME_LABELS;
}

/** A decision revoked or changed on review no longer supports what rests on it (its listing, its published entry). */
export function flowsBack(outcome: RemedyOutcome): boolean {
  return outcome === "revoked" || outcome === "varied";
}

/**
 * Why a 复议 or 诉讼 filing against a decision may not be recorded, or null. The windows run from service, so a
 * filing is recorded only once the decision's service is (the refusal names it); a decision already revoked by one
 * is no longer there to challenge.
 */
export function remedyFilingProblem(
  input: RemedyFilingInput,
  decision: { decidedOn: IsoDate; servedOn: IsoDate | null; revoked: boolean },
  today: IsoDate,
): RemedyProblem | null {
  if (decision.revoked) return { message: "行政处理决定已经复议（诉讼）撤销，不能再登记复议或诉讼" };
  if (!decision.servedOn) return { message: `行政处理决定书尚未登记送达：复议、诉讼期限自送达之日起算，请先登记送达（${AWAITING_SERVICE}）` };
  if (!isRemedyKind(input.kind)) return { field: "kind", message: "请选择行政复议或行政诉讼" };
  if (!isIsoDate(input.filedOn)) return { field: "filedOn", message: "请填写有效的申请（起诉）日期" };
  if (input.filedOn < decision.decidedOn) return { field: "filedOn", message: `申请（起诉）日期不能早于决定作出之日（${decision.decidedOn}）` };
  if (input.filedOn > today) return { field: "filedOn", message: "申请（起诉）日期不能晚于今天" };
  const body = REMEDY_BODY_LABELS[input.kind];
  if (!input.body.trim()) return { field: "body", message: `请填写受理的${body}` };
  if (!input.caseNumber.trim()) return { field: "caseNumber", message: `请填写${body}的案号` };
  for (const [field, label] of [
    ["body", body],
    ["caseNumber", "案号"],
  ] as const)
    if (input[field].length > MAX_REMEDY_TEXT) return { field, message: `${label}不能超过 ${MAX_REMEDY_TEXT} 字` };
  return null;
}

export interface RemedyOutcomeInput {
  outcome: string;
  outcomeOn: string;
  note: string;
}

/**
 * Why an outcome may not be recorded on a filing, or null: the date is required and lies between the filing and
 * today. A decision revoked or changed revokes the blacklist listing resting on it and withdraws its published
 * entry, steps only a supervisor takes, so only a supervisor records such an outcome, with what was decided.
 */
export function remedyOutcomeProblem(
  input: RemedyOutcomeInput,
  filing: { filedOn: IsoDate; outcome: string | null },
  today: IsoDate,
  supervisor: boolean,
): RemedyProblem | null {
  if (filing.outcome) return { message: "该复议（诉讼）已登记结果" };
  if (!isRemedyOutcome(input.outcome)) return { field: "outcome", message: "请选择结果：维持、变更、撤销或确认违法" };
  if (!isIsoDate(input.outcomeOn)) return { field: "outcomeOn", message: "请填写复议决定（判决）的日期" };
  if (input.outcomeOn < filing.filedOn) return { field: "outcomeOn", message: `结果日期不能早于申请（起诉）日期（${filing.filedOn}）` };
  if (input.outcomeOn > today) return { field: "outcomeOn", message: "结果日期不能晚于今天" };
  if (input.note.length > MAX_REMEDY_TEXT * 5) return { field: "note", message: `说明不能超过 ${MAX_REMEDY_TEXT * 5} 字` };
  if (flowsBack(input.outcome)) {
    if (!input.note.trim()) return { field: "note", message: "决定被撤销或变更的，请写明撤销或变更的内容（作为撤销名单、撤回公布的理由）" };
    if (!supervisor) return { message: "决定被撤销或变更将撤销失信名单列入、撤回已公布的重大违法条目，须由科长登记" };
  }
  return null;
}
