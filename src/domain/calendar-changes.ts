/**
 * What a calendar change moves, so deadlines are recomputed only where they change (models/deadlines.ts).
 * Ordinals are cumulative, but a due date depends only on the working days between its start and itself:
 * the n-th working day after a start moves only when a day between them changed status. Pure.
 */
import { addDays, type IsoDate } from "./dates.js";
import { CalendarRangeError } from "./errors.js";
import type { WorkingCalendar } from "./working-days.js";

/** The first date whose working-day status differs between the two calendars, or that only `next` holds. */
export function firstChangedDate(previous: WorkingCalendar, next: WorkingCalendar): IsoDate | null {
  for (const day of next.days()) {
    const before = dayOrNull(previous, day.date);
    if (!before || before.isWorkingDay !== day.isWorkingDay) return day.date;
  }
  return null;
}

function dayOrNull(calendar: WorkingCalendar, date: IsoDate) {
  try {
    return calendar.day(date);
  } catch (err) {
    if (err instanceof CalendarRangeError) return null;
    throw err;
  }
}

function nthOrNull(calendar: WorkingCalendar, start: IsoDate, days: number): IsoDate | null {
  try {
    return calendar.addWorkingDays(start, days).date;
  } catch (err) {
    if (err instanceof CalendarRangeError) return null;
    throw err;
  }
}

/**
 * Every start date whose n-th working day (for each given n) is not the same in `next` as in `previous`,
 * with its new date; a date `next` cannot reach is left out (it keeps its old value). Starts more than
 * `reach` calendar days before the first changed date cannot move and are not looked at.
 */
export function movedDueDates(
  previous: WorkingCalendar,
  next: WorkingCalendar,
  lengths: readonly number[],
  reach = 200,
): { start: IsoDate; days: number; due: IsoDate }[] {
  const first = firstChangedDate(previous, next);
  if (!first) return [];
  const from = addDays(first, -reach);
  const moved: { start: IsoDate; days: number; due: IsoDate }[] = [];
  for (const day of next.days()) {
    if (day.date < from) continue;
    for (const days of lengths) {
      const due = nthOrNull(next, day.date, days);
      if (due && due !== nthOrNull(previous, day.date, days)) moved.push({ start: day.date, days, due });
    }
  }
  return moved;
}
