/**
 * A case's clocks (DESIGN.md §4), all in working days, the event day not counted:
 * - acceptance 受理: 5 working days from receipt (关于实施《劳动保障监察条例》若干规定); after 告知补正 it starts
 *   again from the day the supplement arrived, and it is paused while the bureau waits for it;
 * - target 见诉即办: 8 working days from receipt, until the case is closed;
 * - statutory 法定: 60 working days from filing, +30 once with approval (劳动保障监察条例 第十七条).
 * State of a running clock: 已超期 past the due date; 即将到期 with ≤ 2 working days left or ≥ 80 % used;
 * otherwise 正常. A stopped clock is 按期 or 超期 by the day it stopped.
 */
import type { IsoDate } from "./dates.js";
import { isAwaitingSupplement, isBeforeAcceptance, isFiled, isOpen, type CaseState } from "./case-states.js";
import type { WorkingCalendar } from "./working-days.js";

export const ACCEPTANCE_DAYS = 5;
export const TARGET_DAYS = 8;
export const STATUTORY_DAYS = 60;
export const EXTENSION_DAYS = 30;
/** 即将到期 thresholds. */
const DUE_SOON_DAYS_LEFT = 2;
const DUE_SOON_SHARE_USED = 0.8;

export type ClockKey = "acceptance" | "target" | "statutory";
export type ClockStatus = "normal" | "dueSoon" | "overdue" | "paused" | "met" | "missed";

export const CLOCK_LABELS: Record<ClockKey, string> = { acceptance: "受理期限", target: "办结目标（8个工作日）", statutory: "法定办案期限" };
export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  normal: "正常",
  dueSoon: "即将到期",
  overdue: "已超期",
  paused: "暂停（待补正）",
  met: "按期完成",
  missed: "超期完成",
};

export interface ClockFacts {
  state: CaseState;
  receivedOn: IsoDate;
  /** Receipt, or the day the last supplement arrived. */
  acceptanceStartOn: IsoDate;
  /** The day the bureau decided on acceptance (filed, rejected, redirected…); null while undecided. */
  decidedOn: IsoDate | null;
  filedOn: IsoDate | null;
  extensionDays: number;
  closedOn: IsoDate | null;
}

export interface Clock {
  key: ClockKey;
  label: string;
  startOn: IsoDate;
  days: number;
  dueOn: IsoDate;
  used: number;
  left: number;
  status: ClockStatus;
  provisional: boolean;
}

export interface DueDates {
  acceptanceDueOn: IsoDate;
  targetDueOn: IsoDate;
  statutoryDueOn: IsoDate | null;
}

export function dueDates(c: Omit<ClockFacts, "state" | "decidedOn" | "closedOn">, calendar: WorkingCalendar): DueDates {
  return {
    acceptanceDueOn: calendar.addWorkingDays(c.acceptanceStartOn, ACCEPTANCE_DAYS).date,
    targetDueOn: calendar.addWorkingDays(c.receivedOn, TARGET_DAYS).date,
    statutoryDueOn: c.filedOn ? calendar.addWorkingDays(c.filedOn, STATUTORY_DAYS + c.extensionDays).date : null,
  };
}

/** Running-clock state from working days used and left. */
export function runningStatus(used: number, left: number, total: number): ClockStatus {
  if (left < 0) return "overdue";
  if (left <= DUE_SOON_DAYS_LEFT || used >= total * DUE_SOON_SHARE_USED) return "dueSoon";
  return "normal";
}

function clock(key: ClockKey, startOn: IsoDate, days: number, stoppedOn: IsoDate | null, paused: boolean, today: IsoDate, calendar: WorkingCalendar): Clock {
  const due = calendar.addWorkingDays(startOn, days);
  const until = stoppedOn ?? today;
  const used = Math.max(0, calendar.workingDaysBetween(startOn, until).days);
  const left = calendar.workingDaysBetween(until, due.date).days;
  let status: ClockStatus;
  if (stoppedOn) status = stoppedOn <= due.date ? "met" : "missed";
  else if (paused) status = "paused";
  // Passed ⇔ the date is after the due date (a rest day right after a Friday due date is already late).
  else status = until > due.date ? "overdue" : runningStatus(used, left, days);
  return { key, label: CLOCK_LABELS[key], startOn, days, dueOn: due.date, used, left, status, provisional: due.provisional };
}

/** Every clock of the case as of `today`. */
export function caseClocks(c: ClockFacts, calendar: WorkingCalendar, today: IsoDate): Clock[] {
  const clocks: Clock[] = [];
  const acceptanceStopped = isBeforeAcceptance(c.state) ? null : (c.decidedOn ?? c.closedOn ?? today);
  clocks.push(clock("acceptance", c.acceptanceStartOn, ACCEPTANCE_DAYS, acceptanceStopped, isAwaitingSupplement(c.state), today, calendar));
  clocks.push(clock("target", c.receivedOn, TARGET_DAYS, isOpen(c.state) ? null : c.closedOn, false, today, calendar));
  if (c.filedOn) {
    clocks.push(clock("statutory", c.filedOn, STATUTORY_DAYS + c.extensionDays, isFiled(c.state) ? null : c.closedOn, false, today, calendar));
  }
  return clocks;
}

/** The most urgent running clock: what the workbench sorts and filters by. */
export function mostUrgent(clocks: readonly Clock[]): Clock | null {
  const running = clocks.filter((k) => k.status === "normal" || k.status === "dueSoon" || k.status === "overdue");
  return running.reduce<Clock | null>((a, b) => (a === null || b.left < a.left ? b : a), null);
}
