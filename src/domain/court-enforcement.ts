/**
 * Enforcing a 行政处理决定书 through the court (docs/rules.md § Enforcement through the court). The bureau has no
 * power of its own to enforce: when the party neither seeks a remedy within the windows nor performs the
 * decision, it may apply to the people's court within 3 months after the windows close (行政强制法 第五十三条);
 * before applying it demands performance in writing (催告书), and applies only when the decision is still not
 * performed 10 days after the 催告书 was served (第五十四条). Periods are counted as in domain/remedies.ts.
 * Pure: the caller passes today and the working calendar.
 */
import { addDays, addMonths, isIsoDate, type IsoDate } from "./dates.js";
import { AWAITING_SERVICE, periodLastDay, type RemedyProblem, type RemedyWindow } from "./remedies.js";
import type { WorkingCalendar } from "./working-days.js";

/** 行政强制法 第五十四条: 催告书送达十日后当事人仍未履行义务的. */
export const DEMAND_DAYS = 10;
/** 行政强制法 第五十三条: 自期限届满之日起三个月内. */
export const COURT_APPLICATION_MONTHS = 3;

export type CourtResult = "granted" | "refused";
export const COURT_RESULT_LABELS: Record<CourtResult, string> = { granted: "裁定准予执行", refused: "裁定不准予执行" };

/** What the enforcement of one decision stands on. */
export interface EnforcementFacts {
  /** The remedy windows (domain/remedies.ts), "awaitingService" until the decision is served. */
  windows: readonly RemedyWindow[];
  remedyPending: boolean;
  /** A 复议 or 诉讼 revoked the decision: nothing is left to enforce. */
  revoked: boolean;
  /** What the decision ordered that is still unpaid. */
  unpaidFen: number;
  demand: { servedOn: IsoDate | null } | null;
  applied: boolean;
}

/** The day the last remedy window closed, or null while one still runs (or the decision is not served). */
export function windowsClosedOn(windows: readonly RemedyWindow[]): IsoDate | null {
  if (windows.some((w) => w.status !== "closed" || !w.lastDay)) return null;
  return windows.reduce((last, w) => (w.lastDay! > last ? w.lastDay! : last), "");
}

/** The 3-month window to apply to the court: from the day after the remedy windows close. */
export function courtWindow(windows: readonly RemedyWindow[], calendar: WorkingCalendar): { from: IsoDate; lastDay: IsoDate } | null {
  const closed = windowsClosedOn(windows);
  return closed ? { from: addDays(closed, 1), lastDay: periodLastDay(addMonths(closed, COURT_APPLICATION_MONTHS), calendar) } : null;
}

/** The first day the court may be applied to: the 10 days after the 催告书's service have run. */
export function demandRunsOutOn(servedOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return addDays(periodLastDay(addDays(servedOn, DEMAND_DAYS), calendar), 1);
}

/** Why enforcement cannot start (or go on) on `on`: the decision revoked or unserved, a window open, a remedy pending, paid. */
function groundsProblem(f: EnforcementFacts, on: IsoDate): string | null {
  if (f.revoked) return "行政处理决定已经复议（诉讼）撤销，不能催告或申请强制执行";
  if (f.windows.some((w) => w.status === "awaitingService"))
    return `行政处理决定书尚未登记送达（${AWAITING_SERVICE}）：复议、诉讼期限自送达之日起算，请先登记送达`;
  const closed = windowsClosedOn(f.windows);
  const lastDay = f.windows.reduce((last, w) => (w.lastDay! > last ? w.lastDay! : last), "");
  if (!closed || on <= closed)
    return `复议、诉讼期限至 ${lastDay} 届满；期满后仍不申请复议、不起诉又不履行的，才能申请人民法院强制执行（行政强制法第五十三条）`;
  if (f.remedyPending) return "复议（诉讼）审理中，不能催告或申请强制执行";
  if (f.unpaidFen === 0) return "决定已履行，无需强制执行";
  return null;
}

/** Why a 催告书 may not be issued today, or null. */
export function demandProblem(f: EnforcementFacts, today: IsoDate): string | null {
  if (f.demand) return "已制作催告书";
  return groundsProblem(f, today);
}

export interface CourtApplicationInput {
  appliedOn: string;
  court: string;
}

/** Why the application to the court may not be recorded, or null; each refusal cites its article. */
export function courtApplicationProblem(f: EnforcementFacts, input: CourtApplicationInput, today: IsoDate, calendar: WorkingCalendar): RemedyProblem | null {
  if (f.applied) return { message: "已登记申请人民法院强制执行" };
  if (!isIsoDate(input.appliedOn)) return { field: "appliedOn", message: "请填写有效的申请日期" };
  if (input.appliedOn > today) return { field: "appliedOn", message: "申请日期不能晚于今天" };
  const grounds = groundsProblem(f, input.appliedOn);
  if (grounds) return { field: "appliedOn", message: grounds };
  if (!f.demand) return { message: "申请人民法院强制执行前，应当书面催告当事人履行义务（行政强制法第五十四条）：请先制作催告书" };
  if (!f.demand.servedOn) return { message: `催告书尚未登记送达（${AWAITING_SERVICE}）：送达十日后仍未履行的，才能申请强制执行（行政强制法第五十四条）` };
  const earliest = demandRunsOutOn(f.demand.servedOn, calendar);
  if (input.appliedOn < earliest)
    return { field: "appliedOn", message: `催告书于 ${f.demand.servedOn} 送达，十日后（${earliest} 起）仍未履行的，才能申请强制执行（行政强制法第五十四条）` };
  const window = courtWindow(f.windows, calendar)!;
  if (input.appliedOn > window.lastDay)
    return { field: "appliedOn", message: `申请强制执行的期限已于 ${window.lastDay} 届满（行政强制法第五十三条：复议、诉讼期限届满之日起三个月内）` };
  if (!input.court.trim()) return { field: "court", message: "请填写受理申请的人民法院" };
  if (input.court.length > 200) return { field: "court", message: "人民法院名称不能超过 200 字" };
  return null;
}

export interface CourtResultInput {
  result: string;
  resultOn: string;
  executedFen: number | null;
}

/** Why the court's ruling may not be recorded, or null: its kind and date, and what was executed (准予 only). */
export function courtResultProblem(input: CourtResultInput, application: { appliedOn: IsoDate; result: string | null }, today: IsoDate): RemedyProblem | null {
  if (application.result) return { message: "已登记人民法院的裁定" };
  if (input.result !== "granted" && input.result !== "refused") return { field: "result", message: "请选择裁定准予或不准予执行" };
  if (!isIsoDate(input.resultOn)) return { field: "resultOn", message: "请填写裁定日期" };
  if (input.resultOn < application.appliedOn || input.resultOn > today)
    return { field: "resultOn", message: `裁定日期应在申请日期（${application.appliedOn}）与今天之间` };
  if (input.executedFen !== null && (!Number.isInteger(input.executedFen) || input.executedFen < 0))
    return { field: "executed", message: "执行到位金额应为不小于 0 的金额" };
  if (input.result === "refused" && input.executedFen) return { field: "executed", message: "裁定不准予执行的，没有执行到位的金额" };
  return null;
}

export type CourtClockStage = "demand" | "demandService" | "demandRunning" | "apply";
export const COURT_CLOCK_STAGE_LABELS: Record<CourtClockStage, string> = {
  demand: "应制作并送达催告书",
  demandService: "催告书待送达",
  demandRunning: "催告期内",
  apply: "可以申请强制执行",
};
/** Calendar days before the court window's last day from which the supervisors' view marks it 即将到期. */
export const COURT_DUE_SOON_DAYS = 15;

/**
 * Where one decision stands on the way to the court, for the supervisors' view (docs/rules.md § Enforcement through
 * the court): null while the remedy windows run (or the decision is unserved), a remedy is pending, it is revoked or performed,
 * or the application is made; else the next step, the day the court may first be applied to (once the 催告书 is
 * served), and the window's last day with its state — 已超期 after it, 即将到期 in its last `COURT_DUE_SOON_DAYS` days.
 */
export function courtClock(f: EnforcementFacts, today: IsoDate, calendar: WorkingCalendar) {
  const window = courtWindow(f.windows, calendar);
  if (!window || f.revoked || f.remedyPending || f.unpaidFen === 0 || f.applied) return null;
  const opensOn = f.demand?.servedOn ? demandRunsOutOn(f.demand.servedOn, calendar) : null;
  const stage: CourtClockStage = !f.demand ? "demand" : !opensOn ? "demandService" : today < opensOn ? "demandRunning" : "apply";
  const status = today > window.lastDay ? "overdue" : addDays(today, COURT_DUE_SOON_DAYS) >= window.lastDay ? "dueSoon" : "normal";
  return { stage, opensOn, lastDay: window.lastDay, status } as const;
}
