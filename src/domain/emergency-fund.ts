/**
 * 应急周转金 (docs/rules.md §应急周转金): each office's fund, its ledger and the advances (垫付) it pays.
 *
 * - 保障农民工工资支付条例 第六十三条: when an employer cannot pay for the moment, or has absconded, the local
 *   government may use the 应急周转金 to advance part of the wages or basic living costs, and recovers what it
 *   advanced from the employer (依法追偿).
 * - The ledger is append-only: capital in (注资), advance out (垫付), recovery in (追偿), a supervisor's
 *   adjustment (调整, with its reason). Each movement carries the balance after it; a movement that would take
 *   the balance below zero is refused.
 * - An advance names, per worker, an amount no larger than what the bureau confirmed the worker is owed and
 *   still unpaid (the case's order to pay, or failing one its mediation agreement), less what was already
 *   advanced to that worker; the sum no larger than the fund's balance. The office's supervisor approves;
 *   the fund pays it on a date; then it is recovered from the employer or the 总包, never beyond what is
 *   outstanding, by a due date (ADVANCE_RECOVERY_DAYS after payment: a setting, no source gives a number).
 */
import { addDays, type IsoDate } from "./dates.js";
import { wanYuan } from "./statistics.js";

export const MOVEMENT_KINDS = ["capital", "advance", "recovery", "adjustment"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MOVEMENT_LABELS: Record<MovementKind, string> = { capital: "注资", advance: "垫付", recovery: "追偿收回", adjustment: "调整" };

export const ADVANCE_STATUSES = ["applied", "approved", "refused", "paid"] as const;
export type AdvanceStatus = (typeof ADVANCE_STATUSES)[number];
export const ADVANCE_STATUS_LABELS: Record<AdvanceStatus, string> = { applied: "待审批", approved: "已批准待支付", refused: "不予垫付", paid: "已垫付" };

export const RECOVERY_PARTIES = ["employer", "generalContractor"] as const;
export type RecoveryParty = (typeof RECOVERY_PARTIES)[number];
export const RECOVERY_PARTY_LABELS: Record<RecoveryParty, string> = { employer: "用人单位", generalContractor: "施工总承包单位" };

/** The signed change a movement makes to the balance: capital and recoveries in, advances out, adjustments either way. */
export function movementDelta(kind: MovementKind, amountFen: number): number {
  return kind === "advance" ? -amountFen : amountFen;
}

/** The balance after a movement, or the reason it is refused (never below zero). */
export function balanceAfter(balanceFen: number, kind: MovementKind, amountFen: number): { balanceFen: number } | { problem: string } {
  if (!Number.isInteger(amountFen)) return { problem: "金额应为整数分" };
  if (kind !== "adjustment" && amountFen <= 0) return { problem: `${MOVEMENT_LABELS[kind]}金额应大于 0` };
  if (kind === "adjustment" && amountFen === 0) return { problem: "调整金额不能为 0" };
  const next = balanceFen + movementDelta(kind, amountFen);
  if (next < 0) return { problem: `应急周转金余额不足：当前余额 ${yuanText(balanceFen)}，本笔${MOVEMENT_LABELS[kind]}需 ${yuanText(Math.abs(amountFen))}` };
  return { balanceFen: next };
}

/** What the bureau confirmed a worker is owed and what was advanced to them already. */
export interface WorkerOwed {
  workerId: number;
  name: string;
  /** Confirmed owed and still unpaid (order to pay, or the agreement). */
  confirmedUnpaidFen: number;
  /** Advanced before, by advances not refused. */
  advancedFen: number;
}

export interface AdvanceProblem {
  message: string;
  field?: string;
}

/**
 * An application for an advance: at least one worker with an amount; each amount within what is confirmed
 * owed and not yet advanced (the field `amount.<workerId>` named); the total within the fund's balance.
 */
export function advanceProblem(owed: readonly WorkerOwed[], amounts: ReadonlyMap<number, number>, balanceFen: number): AdvanceProblem | null {
  if (owed.every((w) => w.confirmedUnpaidFen === 0)) {
    return { message: "本案没有核定且尚未支付的欠薪（限期改正指令书或调解协议），不能申请应急周转金垫付" };
  }
  let total = 0;
  for (const w of owed) {
    const amount = amounts.get(w.workerId) ?? 0;
    if (!Number.isInteger(amount) || amount < 0) return { message: `${w.name}的垫付金额应为不小于 0 的金额`, field: `amount.${w.workerId}` };
    const room = Math.max(0, w.confirmedUnpaidFen - w.advancedFen);
    if (amount > room) {
      return {
        message: `${w.name}的垫付金额 ${yuanText(amount)} 超过核定尚欠金额（核定未付 ${yuanText(w.confirmedUnpaidFen)}，已垫付 ${yuanText(w.advancedFen)}，最多还可垫付 ${yuanText(room)}）`,
        field: `amount.${w.workerId}`,
      };
    }
    total += amount;
  }
  if (total === 0) return { message: "请至少为一名投诉人填写垫付金额" };
  if (total > balanceFen) return { message: `垫付合计 ${yuanText(total)} 超过应急周转金余额 ${yuanText(balanceFen)}`, field: "total" };
  return null;
}

/** A recovery: more than zero, never more than the advance still outstanding. */
export function recoveryAmountProblem(amountFen: number, outstandingFen: number): string | null {
  if (!Number.isInteger(amountFen) || amountFen <= 0) return "追偿金额应大于 0";
  if (amountFen > outstandingFen) return `追偿金额 ${yuanText(amountFen)} 超过尚未收回的垫付款 ${yuanText(outstandingFen)}`;
  return null;
}

/** The bureau's default recovery period in calendar days (ADVANCE_RECOVERY_DAYS); a setting because no source read gives one. */
export const DEFAULT_ADVANCE_RECOVERY_DAYS = 90;

/** The recovery's clock: due `days` calendar days after the advance was paid. */
export function recoveryDueOn(paidOn: IsoDate, days: number): IsoDate {
  return addDays(paidOn, days);
}

export type RecoveryStatus = "recovered" | "running" | "dueSoon" | "overdue";
export const RECOVERY_STATUS_LABELS: Record<RecoveryStatus, string> = { recovered: "已全部收回", running: "追偿中", dueSoon: "即将到期", overdue: "已超期" };

/** Recovered in full; else overdue the day after its due date; due soon within the last `dueSoonDays` days. */
export function recoveryStatus(outstandingFen: number, dueOn: IsoDate, today: IsoDate, dueSoonDays = 7): RecoveryStatus {
  if (outstandingFen <= 0) return "recovered";
  if (today > dueOn) return "overdue";
  if (addDays(today, dueSoonDays) >= dueOn) return "dueSoon";
  return "running";
}

/** The fund's figures from its movements: capital (with adjustments), advanced, recovered, outstanding, balance. */
export function fundFigures(movements: readonly { kind: MovementKind; amountFen: number }[]) {
  const sum = (kind: MovementKind) => movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountFen, 0);
  const capitalFen = sum("capital");
  const adjustedFen = sum("adjustment");
  const advancedFen = sum("advance");
  const recoveredFen = sum("recovery");
  return {
    capitalFen,
    adjustedFen,
    advancedFen,
    recoveredFen,
    outstandingFen: advancedFen - recoveredFen,
    balanceFen: capitalFen + adjustedFen - advancedFen + recoveredFen,
  };
}

function yuanText(fen: number): string {
  return `¥${(fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Who sees and keeps an office's fund: its own supervisors, and the city's supervisors every office's (属地管理). */
export function mayKeepFund(viewer: { role: string; officeId: number | null; cityWide: boolean }, officeId: number): boolean {
  return viewer.role === "supervisor" && (viewer.cityWide || viewer.officeId === officeId);
}

/** The bureau's sentence for a period's advances and recoveries (appended to the summary sentence); empty when there were none. */
export function fundSentence(f: { advances: number; advancedFen: number; recoveries: number; recoveredFen: number }): string {
  if (f.advances === 0 && f.recoveries === 0) return "";
  return `动用应急周转金垫付${f.advances}笔${wanYuan(f.advancedFen)}万元，追偿收回${wanYuan(f.recoveredFen)}万元。`;
}
