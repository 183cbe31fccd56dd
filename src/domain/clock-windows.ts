/**
 * The clock rules of clocks.ts as date windows, for queries that must find clocks by their stored due
 * dates through an index (the workbench, 今日提醒). Due dates are working days and ordinals are monotonic,
 * so "at most k working days left" is "due before the (k+1)-th working day after today":
 * - 已超期: the due date is before today (clocks.ts: passed ⇔ the date is after the due date);
 * - 即将到期: not passed, and due before dueSoonBefore(k) where k = dueSoonMaxLeft(the clock's days);
 * - 正常: due on or after that bound.
 * Pure: the caller hands in the calendar.
 */
import type { IsoDate } from "./dates.js";
import { ACCEPTANCE_DAYS, EXTENSION_DAYS, STATUTORY_DAYS, TARGET_DAYS, dueSoonMaxLeft } from "./clocks.js";
import type { WorkingCalendar } from "./working-days.js";

export interface ClockWindows {
  today: IsoDate;
  /** A running clock due before this date is 即将到期 (or 已超期 if due before today), per clock length. */
  dueSoonBefore: { acceptance: IsoDate; target: IsoDate; statutory: IsoDate; statutoryExtended: IsoDate };
}

/** The first date that is more than `k` working days after today. */
function beyond(calendar: WorkingCalendar, today: IsoDate, k: number): IsoDate {
  return calendar.addWorkingDays(today, k + 1).date;
}

export function clockWindows(calendar: WorkingCalendar, today: IsoDate): ClockWindows {
  return {
    today,
    dueSoonBefore: {
      acceptance: beyond(calendar, today, dueSoonMaxLeft(ACCEPTANCE_DAYS)),
      target: beyond(calendar, today, dueSoonMaxLeft(TARGET_DAYS)),
      statutory: beyond(calendar, today, dueSoonMaxLeft(STATUTORY_DAYS)),
      statutoryExtended: beyond(calendar, today, dueSoonMaxLeft(STATUTORY_DAYS + EXTENSION_DAYS)),
    },
  };
}

/**
 * 今日提醒 windows, on a working day: a clock "turned" 已超期 today when its due date lies from the
 * previous working day up to yesterday; it turned 即将到期 today when it has exactly k working days left
 * (it had k + 1 on the previous working day).
 */
export function turnedTodayWindows(calendar: WorkingCalendar, today: IsoDate) {
  const turnedDueSoon = (total: number) => {
    const k = dueSoonMaxLeft(total);
    return { from: calendar.addWorkingDays(today, k).date, before: beyond(calendar, today, k) };
  };
  return {
    overdue: { from: calendar.previousWorkingDay(today), before: today },
    dueSoon: {
      acceptance: turnedDueSoon(ACCEPTANCE_DAYS),
      target: turnedDueSoon(TARGET_DAYS),
      statutory: turnedDueSoon(STATUTORY_DAYS),
      statutoryExtended: turnedDueSoon(STATUTORY_DAYS + EXTENSION_DAYS),
    },
  };
}
