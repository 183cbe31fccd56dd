/**
 * Money rules. All amounts are integer fen.
 * - 加付赔偿金 (劳动保障监察条例 第二十六条): 50 %–100 % of the amount still due after the order's deadline.
 * - A worker's recovered amount never exceeds the claim unless a supervisor notes why (interest,
 *   compensation paid on top…).
 */
import { runningStatus } from "./clocks.js";
import type { IsoDate } from "./dates.js";
import type { WorkingCalendar } from "./working-days.js";
/** Where a per-worker amount to pay comes from: a mediation agreement or an order to pay. */
export const SETTLEMENT_SOURCES = ["agreement", "order"] as const;

/** How a payment reached the worker (recorded with each payment, docs/rules.md "Payments to several workers at once"). */
export const PAYMENT_METHODS = ["bank", "cash", "mobile", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { bank: "银行转账", cash: "现金", mobile: "微信/支付宝", other: "其他" };

/** What may follow an order left unpaid past its deadline. */
export const ENFORCEMENT_KINDS = ["compensation", "decision", "policeReferral", "blacklistCandidate"] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

export const ENFORCEMENT_LABELS: Record<EnforcementKind, string> = {
  compensation: "责令加付赔偿金",
  decision: "作出行政处理决定",
  policeReferral: "移送公安机关",
  blacklistCandidate: "列为失信联合惩戒名单候选",
} as const;

/**
 * What may be chosen after an unpaid order. Blacklisting is a proceeding of its own with its own guard
 * (domain/blacklist.ts); "blacklistCandidate" only labels actions recorded before it existed.
 */
export const ENFORCEMENT_CHOICES = ["compensation", "decision", "policeReferral"] as const satisfies readonly EnforcementKind[];

export const MIN_COMPENSATION_RATE = 50;
export const MAX_COMPENSATION_RATE = 100;

export function compensationRateProblem(rate: number): string | null {
  if (!Number.isInteger(rate) || rate < MIN_COMPENSATION_RATE || rate > MAX_COMPENSATION_RATE) {
    return `加付赔偿金比例应为 ${MIN_COMPENSATION_RATE}% 至 ${MAX_COMPENSATION_RATE}% 之间的整数（劳动保障监察条例第二十六条）`;
  }
  return null;
}

/** 加付赔偿金 on the unpaid amount, rounded to the fen. */
export function compensationAmount(unpaidFen: number, ratePercent: number): number {
  const problem = compensationRateProblem(ratePercent);
  if (problem) throw new RangeError(problem);
  return Math.round((unpaidFen * ratePercent) / 100);
}

/** What the enforcement form shows as the rate is typed: the amount, or why the rate is refused. */
export function compensationPreview(unpaidFen: number, ratePercent: number) {
  const problem = compensationRateProblem(ratePercent);
  return { unpaidFen, rate: ratePercent, problem, amountFen: problem ? null : compensationAmount(unpaidFen, ratePercent) };
}

export interface Due {
  workerId: number;
  amountFen: number;
  paidFen: number;
}

export function outstandingFen(items: readonly Due[]): number {
  return items.reduce((sum, i) => sum + Math.max(0, i.amountFen - i.paidFen), 0);
}

export function isFullyPaid(items: readonly Due[]): boolean {
  return items.length > 0 && items.every((i) => i.paidFen >= i.amountFen);
}

export function recoveryProblem(claimedFen: number, recoveredFen: number, supervisorNote: string | null): string | null {
  if (!Number.isInteger(recoveredFen) || recoveredFen < 0) return "追回金额应为不小于 0 的金额";
  if (recoveredFen > claimedFen && !supervisorNote?.trim()) return "追回金额超过诉求金额，须由科长填写说明";
  return null;
}

export interface OrderClock {
  /** Working days from today to the pay-by date (negative once past it); null when a date lies outside the calendar or before service. */
  left: number | null;
  status: "met" | "awaitingService" | "normal" | "dueSoon" | "overdue";
  /** Served, past the pay-by date with money still owed: the next steps (第二十六条, referral, blacklist) open. */
  overdueUnpaid: boolean;
}

/**
 * An order's own clock (docs/rules.md § Service of documents). The pay-by date is a calendar date set in the
 * order, and the period to it runs from the order's recorded service: until then the clock shows 待送达 and
 * nothing that rests on the order being left unpaid is open. Served, the order is met once nothing is owed,
 * overdue the day after the pay-by date, and due soon per the usual thresholds.
 */
export function orderClock(o: { servedOn: IsoDate | null; payBy: IsoDate; unpaidFen: number }, today: IsoDate, calendar: WorkingCalendar): OrderClock {
  if (o.unpaidFen === 0) return { left: null, status: "met", overdueUnpaid: false };
  if (!o.servedOn) return { left: null, status: "awaitingService", overdueUnpaid: false };
  // A date stored before input was bounded may lie outside the calendar: the order still shows, uncounted.
  const countable = [today, o.servedOn, o.payBy].every((d) => calendar.covers(d));
  const left = countable ? calendar.workingDaysBetween(today, o.payBy).days : null;
  const overdueUnpaid = today > o.payBy;
  if (today > o.payBy) return { left, status: "overdue", overdueUnpaid };
  if (left === null) return { left, status: "normal", overdueUnpaid };
  const total = Math.max(1, calendar.workingDaysBetween(o.servedOn, o.payBy).days);
  const status = runningStatus(total - left, left, total);
  return { left, status: status === "overdue" ? "overdue" : status === "dueSoon" ? "dueSoon" : "normal", overdueUnpaid };
}

/** Why a step that rests on an order left unpaid is refused while the order is not served; null once it is. */
export function orderNotServedProblem(o: { docNumber: string; servedOn: IsoDate | null }): string | null {
  return o.servedOn ? null : `限期改正指令书（${o.docNumber}）尚未登记送达（待送达）：限期自送达起算，请先登记送达`;
}

/**
 * Why an order cannot be served on `servedOn`: the employer must learn of the order before its pay-by date,
 * or it is held to a date it could not meet (the order is then issued again with a new date).
 */
export function orderServiceDateProblem(o: { payBy: IsoDate }, servedOn: IsoDate): string | null {
  return servedOn >= o.payBy ? `送达日期不能晚于或等于指令书限定的支付日期（${o.payBy}）：用人单位无从按期改正，应重新下达指令书` : null;
}
