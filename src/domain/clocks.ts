/**
 * A case's clocks — the one definition every surface uses (docs/rules.md §Clocks). All counts are working
 * days and the event day is not counted.
 * - acceptance 受理: 5 working days from receipt (若干规定 第十八条). 告知补正 pauses it (暂停, never overdue);
 *   when the supplement arrives it runs 5 working days again from that day.
 * - target 见诉即办: 8 working days from receipt until closing — the bureau's own promise, counted from
 *   receipt and not paused by 告知补正.
 * - statutory 法定: 60 working days from filing, +30 once if approved before they run out (条例 第十七条).
 * - A due date has passed ⇔ the day (today, or the day the clock stopped) is after the due date, compared as
 *   calendar dates: a Saturday after a Friday due date is past it.
 * - Working days used are counted up to the last working day ≤ that day; left = length − used.
 * - 即将到期: not past due, and ≤ 2 working days left or ≥ 80 % used. A stopped clock is 按期完成 when it
 *   stopped on or before its due date, otherwise 超期完成.
 * - Reopening: the days a case stood closed count on no clock; the clocks resume where they stopped.
 */
import type { IsoDate } from "./dates.js";
import { isAwaitingSupplement, isBeforeAcceptance, isFiled, isOpen, type CaseState } from "./case-states.js";
import type { DatedAnswer, WorkingCalendar } from "./working-days.js";

export const ACCEPTANCE_DAYS = 5;
export const TARGET_DAYS = 8;
export const STATUTORY_DAYS = 60;
export const EXTENSION_DAYS = 30;
/** 即将到期 thresholds. */
const DUE_SOON_DAYS_LEFT = 2;
const DUE_SOON_SHARE_USED = 0.8;

export type ClockKey = "acceptance" | "target" | "statutory";
export type ClockStatus = "normal" | "dueSoon" | "overdue" | "paused" | "met" | "missed";

export const CLOCK_LABELS: Record<ClockKey, string> = {
  acceptance: "受理期限（5个工作日）",
  target: "办结目标（自收到投诉起8个工作日）",
  statutory: "法定办案期限",
};
export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  normal: "正常",
  dueSoon: "即将到期",
  overdue: "已超期",
  paused: "暂停（待补正）",
  met: "按期完成",
  missed: "超期完成",
};

/** The one sentence that explains a provisional (暂定) date, wherever one is shown. */
/** Estimated holidays leave out the 调休 bridges the State Council adds, so a real date may come later or earlier. */
export const PROVISIONAL_NOTE = "暂定：涉及国务院尚未公布放假安排的年份，按法定节假日推算；公布后可能调整，实际期限可能提前或推后，请以公布后的日期为准。";

/** The case stood closed from `from` (its closing day) until it was reopened on `to`. */
export interface ClockStop {
  from: IsoDate;
  to: IsoDate;
}

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
  /** The day 告知补正 paused the acceptance clock, when no supplement has arrived since. */
  supplementRequestedOn?: IsoDate | null;
  /** The spans the case stood closed before a reopening. */
  stops?: readonly ClockStop[];
}

export interface Clock {
  key: ClockKey;
  label: string;
  startOn: IsoDate;
  days: number;
  dueOn: IsoDate;
  /** The day the counting is taken at: today, the pause or the stop. */
  asOf: IsoDate;
  used: number;
  left: number;
  /** Working days past the due date (0 when a rest day after it is all that has passed). */
  overdueDays: number;
  status: ClockStatus;
  provisional: boolean;
  /** What the clock's reader must know (e.g. the target is not paused by 告知补正). */
  note: string | null;
}

export interface DueDates {
  acceptanceDueOn: IsoDate;
  targetDueOn: IsoDate;
  statutoryDueOn: IsoDate | null;
}

/** A due date has passed ⇔ `on` is after it, as calendar dates. */
export function isPastDue(dueOn: IsoDate, on: IsoDate): boolean {
  return on > dueOn;
}

/** The stops that hold a clock started on `startOn` (a span before the clock began does not). */
function stopsFor(startOn: IsoDate, stops: readonly ClockStop[] = []): ClockStop[] {
  return stops.filter((s) => s.from >= startOn).sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** Working days counted on a clock from `startOn` up to the last working day ≤ `until`, closed spans left out. */
export function countedDays(startOn: IsoDate, until: IsoDate, calendar: WorkingCalendar, stops: readonly ClockStop[] = []): number {
  let n = calendar.workingDaysBetween(startOn, until).days;
  for (const s of stopsFor(startOn, stops)) {
    if (s.from < until) n -= calendar.workingDaysBetween(s.from, s.to < until ? s.to : until).days;
  }
  return Math.max(0, n);
}

/** The day the clock's `days`-th working day is counted, pushed back by the closed spans before it. */
export function clockDue(startOn: IsoDate, days: number, calendar: WorkingCalendar, stops: readonly ClockStop[] = []): DatedAnswer {
  let due = calendar.addWorkingDays(startOn, days);
  for (const s of stopsFor(startOn, stops)) {
    if (s.from < due.date) {
      const next = calendar.addWorkingDays(due.date, calendar.workingDaysBetween(s.from, s.to).days);
      due = { date: next.date, provisional: due.provisional || next.provisional };
    }
  }
  return due;
}

/** The stored due dates (what the workbench sorts by), from the same definition as the case page. */
export function dueDates(c: Omit<ClockFacts, "state" | "decidedOn" | "closedOn" | "supplementRequestedOn">, calendar: WorkingCalendar): DueDates {
  return {
    acceptanceDueOn: clockDue(c.acceptanceStartOn, ACCEPTANCE_DAYS, calendar, c.stops).date,
    targetDueOn: clockDue(c.receivedOn, TARGET_DAYS, calendar, c.stops).date,
    statutoryDueOn: c.filedOn ? clockDue(c.filedOn, STATUTORY_DAYS + c.extensionDays, calendar, c.stops).date : null,
  };
}

/** Running-clock state from working days used and left (not past its due date). */
export function runningStatus(used: number, left: number, total: number): ClockStatus {
  if (left < 0) return "overdue";
  if (left <= DUE_SOON_DAYS_LEFT || used >= total * DUE_SOON_SHARE_USED) return "dueSoon";
  return "normal";
}

/**
 * The largest number of working days left at which a running clock of `total` working days is already
 * 即将到期, per clocks.ts runningStatus (used + left = total on a case clock). −1 if never.
 */
export function dueSoonMaxLeft(total: number): number {
  for (let left = total; left >= 0; left--) if (runningStatus(total - left, left, total) === "dueSoon") return left;
  return -1;
}

interface ClockSpec {
  key: ClockKey;
  startOn: IsoDate;
  days: number;
  /** The day the clock stopped for good (decision, closing), or null while it runs. */
  stoppedOn: IsoDate | null;
  /** The day the clock was paused, or null. */
  pausedOn: IsoDate | null;
  stops: readonly ClockStop[];
  note?: string | null;
}

export function clockAt(spec: ClockSpec, today: IsoDate, calendar: WorkingCalendar): Clock {
  // A span the case stood closed only holds a clock that was running then.
  const stops = spec.stoppedOn ? spec.stops.filter((s) => s.from < spec.stoppedOn!) : spec.stops;
  const due = clockDue(spec.startOn, spec.days, calendar, stops);
  const asOf = spec.pausedOn ?? spec.stoppedOn ?? today;
  const used = countedDays(spec.startOn, asOf, calendar, stops);
  const left = spec.days - used;
  let status: ClockStatus;
  if (spec.stoppedOn) status = isPastDue(due.date, asOf) ? "missed" : "met";
  else if (spec.pausedOn) status = "paused";
  else if (isPastDue(due.date, today)) status = "overdue";
  else status = runningStatus(used, left, spec.days) === "normal" ? "normal" : "dueSoon";
  return {
    key: spec.key,
    label: CLOCK_LABELS[spec.key],
    startOn: spec.startOn,
    days: spec.days,
    dueOn: due.date,
    asOf,
    used,
    left,
    overdueDays: Math.max(0, used - spec.days),
    status,
    provisional: due.provisional || calendar.isProvisionalSpan(spec.startOn, asOf),
    note: spec.note ?? null,
  };
}

/** Every clock of the case as of `today`. */
export function caseClocks(c: ClockFacts, calendar: WorkingCalendar, today: IsoDate): Clock[] {
  const stops = c.stops ?? [];
  const waiting = isAwaitingSupplement(c.state);
  const pausedOn = c.supplementRequestedOn ?? (waiting ? today : null);
  const clocks: Clock[] = [
    clockAt(
      {
        key: "acceptance",
        startOn: c.acceptanceStartOn,
        days: ACCEPTANCE_DAYS,
        stoppedOn: isBeforeAcceptance(c.state) ? null : (c.decidedOn ?? c.closedOn ?? today),
        pausedOn,
        stops,
        note: waiting ? "等待投诉人补正，受理期限暂停；收到补正材料之日起重新计算 5 个工作日。" : null,
      },
      today,
      calendar,
    ),
    clockAt(
      {
        key: "target",
        startOn: c.receivedOn,
        days: TARGET_DAYS,
        stoppedOn: isOpen(c.state) ? null : c.closedOn,
        pausedOn: null,
        stops,
        note: waiting ? "“见诉即办”目标自收到投诉起连续计算，待补正期间不暂停。" : null,
      },
      today,
      calendar,
    ),
  ];
  if (c.filedOn) {
    clocks.push(
      clockAt(
        {
          key: "statutory",
          startOn: c.filedOn,
          days: STATUTORY_DAYS + c.extensionDays,
          stoppedOn: isFiled(c.state) ? null : c.closedOn,
          pausedOn: null,
          stops,
          note: c.extensionDays ? `含经批准延长的 ${c.extensionDays} 个工作日` : null,
        },
        today,
        calendar,
      ),
    );
  }
  return clocks;
}

/** What the timeline says about the clocks: the open 告知补正 pause and the spans the case stood closed. */
export function clockHistory(
  events: readonly { action: string; fromState: CaseState | null; toState: CaseState | null; onDate: IsoDate }[],
): Pick<ClockFacts, "supplementRequestedOn" | "stops"> {
  let closedOn: IsoDate | null = null;
  let supplementRequestedOn: IsoDate | null = null;
  const stops: ClockStop[] = [];
  for (const e of events) {
    if (e.toState === "closed" && e.fromState !== "closed") closedOn = e.onDate;
    if (e.action === "reopen" && closedOn) {
      stops.push({ from: closedOn, to: e.onDate });
      closedOn = null;
    }
    if (e.action === "requestSupplement") supplementRequestedOn = e.onDate;
    if (e.action === "supplementReceived") supplementRequestedOn = null;
  }
  return { supplementRequestedOn, stops };
}

/** Working days from receipt to closing, the days the case stood closed left out (stored as days taken). */
export function workingDaysTaken(c: Pick<ClockFacts, "receivedOn" | "stops">, closedOn: IsoDate, calendar: WorkingCalendar): number {
  return countedDays(c.receivedOn, closedOn, calendar, c.stops);
}

/** Whether a closed case met the 8-working-day target: the same answer as its target clock. */
export function targetMet(c: Pick<ClockFacts, "receivedOn" | "stops">, closedOn: IsoDate, calendar: WorkingCalendar): boolean {
  return !isPastDue(clockDue(c.receivedOn, TARGET_DAYS, calendar, c.stops).date, closedOn);
}

/**
 * The legal clocks: the 5-working-day acceptance (若干规定 第十八条) and the 60(+30) statutory period
 * (条例 第十七条). The 8-day target is the bureau's own promise, never a legal limit.
 */
export const LEGAL_CLOCKS: readonly ClockKey[] = ["acceptance", "statutory"];

export function isLegalClock(key: ClockKey): boolean {
  return LEGAL_CLOCKS.includes(key);
}

const RUNNING: readonly ClockStatus[] = ["normal", "dueSoon", "overdue"];

/**
 * The clock a case is ranked and filtered by: its running legal clock (acceptance before the decision,
 * statutory once filed — never both at once), so a case past its 8-day target never outranks one whose
 * legal deadline comes first; the target only where no legal clock runs (待补正 pauses acceptance).
 * docs/rules.md "Legal deadlines first".
 */
export function rankingClock(clocks: readonly Clock[]): Clock | null {
  const running = clocks.filter((k) => RUNNING.includes(k.status));
  return running.find((k) => isLegalClock(k.key)) ?? running.find((k) => k.key === "target") ?? null;
}

/**
 * How a clock's state reads wherever it is shown (workbench, case page, dashboard): a legal deadline missed is
 * set apart from the 8-day target missed, and a running clock on its last day says 今日到期 — in words, never
 * by colour alone. docs/rules.md "Legal deadlines first".
 */
export type ClockTone = "legalOverdue" | "targetOverdue" | "dueToday" | "dueSoon" | "normal" | "paused" | "met" | "legalMissed" | "targetMissed";

export const CLOCK_TONE_LABELS: Record<ClockTone, string> = {
  legalOverdue: "法定期限已超期",
  targetOverdue: "超出8日办结目标",
  dueToday: "今日到期",
  dueSoon: "即将到期",
  normal: "正常",
  paused: "暂停（待补正）",
  met: "按期完成",
  legalMissed: "超过法定期限完成",
  targetMissed: "超出目标完成",
};

export function clockTone(k: Pick<Clock, "key" | "status" | "dueOn" | "asOf">): ClockTone {
  const legal = isLegalClock(k.key);
  switch (k.status) {
    case "overdue":
      return legal ? "legalOverdue" : "targetOverdue";
    case "missed":
      return legal ? "legalMissed" : "targetMissed";
    case "normal":
    case "dueSoon":
      return k.dueOn === k.asOf ? "dueToday" : k.status;
    default:
      return k.status;
  }
}

/**
 * 条例 第十七条: the 30-working-day extension is approved once, and only while the 60 days still run
 * (on the due date itself at the latest).
 */
export function extensionProblem(c: { extensionDays: number; statutoryDueOn: IsoDate | null }, today: IsoDate): string | null {
  if (c.extensionDays > 0) return "法定办案期限只能延长一次。";
  if (!c.statutoryDueOn) return "只有已立案的案件可以延长法定办案期限。";
  if (isPastDue(c.statutoryDueOn, today)) {
    return `法定办案期限已于 ${c.statutoryDueOn} 届满，不能再批准延长：延长须在 60 个工作日届满前批准（劳动保障监察条例第十七条）。`;
  }
  return null;
}

/** A deadline given as a date (a risk point's 整改 day, a guarantee's top-up day): the same statuses as a case clock. */
export interface DeadlineClock {
  dueOn: IsoDate;
  used: number;
  left: number;
  status: ClockStatus;
}

/**
 * The clock of a deadline set as a date: working days from `startOn` to `dueOn` are its length; 已超期 the day
 * after the due date, 即将到期 by runningStatus; once ended, met or missed by the day it ended.
 */
export function deadlineClock(startOn: IsoDate, dueOn: IsoDate, endedOn: IsoDate | null, today: IsoDate, calendar: WorkingCalendar): DeadlineClock {
  // An ended deadline is met or missed by its dates alone (an old record may lie before the calendar's years).
  if (endedOn) return { dueOn, used: 0, left: 0, status: isPastDue(dueOn, endedOn) ? "missed" : "met" };
  const total = calendar.workingDaysBetween(startOn, dueOn).days;
  const used = countedDays(startOn, today, calendar);
  const left = total - used;
  const status: ClockStatus = isPastDue(dueOn, today) ? "overdue" : runningStatus(used, left, total) === "normal" ? "normal" : "dueSoon";
  return { dueOn, used, left, status };
}
