/**
 * The working-day calendar (docs/rules.md §Working days).
 *
 * - A working day is Monday–Friday, minus the official holidays, plus the official makeup workdays (调休上班).
 * - Each year has a schedule. A *published* year carries the State Council's notice; any other year is
 *   *provisional*: its schedule is only an estimate (see statutory-holidays.ts), and every answer that
 *   touches it says so.
 * - Counting: the day of the event is not counted; day 1 is the next working day.
 * - Every date gets a running ordinal = the number of working days from the calendar's first date up to and
 *   including it, so "working days between" is a subtraction, here and in SQL.
 *
 * Pure: no database, no clock. The caller hands in the schedules.
 */
import { CalendarRangeError } from "./errors.js";
import { dayOfWeek, eachDay, firstDayOfYear, isIsoDate, lastDayOfYear, yearOf, type IsoDate } from "./dates.js";

export interface NamedDate {
  date: IsoDate;
  name: string;
}

export interface YearSchedule {
  year: number;
  published: boolean;
  /** Days off that would otherwise be working days (or fall on weekends within a holiday period). */
  holidays: NamedDate[];
  /** Weekend days that are worked (调休上班). */
  makeupWorkdays: NamedDate[];
}

export type DayKind = "workday" | "weekend" | "holiday" | "makeup";

export interface CalendarDay {
  date: IsoDate;
  year: number;
  kind: DayKind;
  name: string | null;
  isWorkingDay: boolean;
  ordinal: number;
}

export interface DatedAnswer {
  date: IsoDate;
  provisional: boolean;
}

export interface CountAnswer {
  days: number;
  provisional: boolean;
}

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: "工作日",
  weekend: "休息日",
  holiday: "法定节假日",
  makeup: "调休上班",
};

export class WorkingCalendar {
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly byDate = new Map<IsoDate, CalendarDay>();
  /** workingDates[k] is the working day whose ordinal is k (index 0 unused). */
  private readonly workingDates: IsoDate[] = [""];
  private readonly publishedYears = new Set<number>();

  constructor(schedules: readonly YearSchedule[]) {
    if (schedules.length === 0) throw new CalendarRangeError("工作日历为空");
    const sorted = [...schedules].sort((a, b) => a.year - b.year);
    this.firstYear = sorted[0]!.year;
    this.lastYear = sorted[sorted.length - 1]!.year;
    let ordinal = 0;
    sorted.forEach((schedule, i) => {
      if (schedule.year !== this.firstYear + i) throw new CalendarRangeError(`工作日历缺少 ${this.firstYear + i} 年`);
      if (schedule.published) this.publishedYears.add(schedule.year);
      const holidays = new Map(schedule.holidays.map((h) => [h.date, h.name]));
      const makeups = new Map(schedule.makeupWorkdays.map((m) => [m.date, m.name]));
      for (const date of eachDay(firstDayOfYear(schedule.year), lastDayOfYear(schedule.year))) {
        const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
        let kind: DayKind = weekend ? "weekend" : "workday";
        let name: string | null = null;
        if (makeups.has(date)) [kind, name] = ["makeup", makeups.get(date)!];
        else if (holidays.has(date)) [kind, name] = ["holiday", holidays.get(date)!];
        const isWorkingDay = kind === "workday" || kind === "makeup";
        if (isWorkingDay) this.workingDates[++ordinal] = date;
        this.byDate.set(date, { date, year: schedule.year, kind, name, isWorkingDay, ordinal });
      }
    });
  }

  /** Every day of the calendar in date order, with its ordinal (what the database stores). */
  days(): CalendarDay[] {
    return [...this.byDate.values()];
  }

  day(date: IsoDate): CalendarDay {
    const day = isIsoDate(date) ? this.byDate.get(date) : undefined;
    if (!day) {
      throw new CalendarRangeError(`日期 ${date} 超出工作日历范围（${this.firstYear}–${this.lastYear} 年）`);
    }
    return day;
  }

  /** True when `date` lies in the calendar's years, so working days to or from it can be counted. */
  covers(date: IsoDate): boolean {
    return isIsoDate(date) && this.byDate.has(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).isWorkingDay;
  }

  isPublished(year: number): boolean {
    return this.publishedYears.has(year);
  }

  /** True when any year from `from` to `to` has no published schedule. */
  isProvisionalSpan(from: IsoDate, to: IsoDate): boolean {
    const [a, b] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
    for (let y = a; y <= b; y++) if (!this.publishedYears.has(y)) return true;
    return false;
  }

  /** The `days`-th working day after `start` (start not counted). */
  addWorkingDays(start: IsoDate, days: number): DatedAnswer {
    if (!Number.isInteger(days) || days < 0) throw new CalendarRangeError("工作日数必须是非负整数");
    const target = this.day(start).ordinal + days;
    const date = days === 0 ? start : this.workingDates[target];
    if (!date) {
      throw new CalendarRangeError(`${start} 之后第 ${days} 个工作日超出工作日历范围（至 ${this.lastYear} 年底）`);
    }
    return { date, provisional: this.isProvisionalSpan(start, date) };
  }

  /** The last working day before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    const day = this.day(date);
    const found = this.workingDates[day.isWorkingDay ? day.ordinal - 1 : day.ordinal];
    if (!found) throw new CalendarRangeError(`${date} 之前没有工作日历数据`);
    return found;
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workingDaysBetween(from: IsoDate, to: IsoDate): CountAnswer {
    return { days: this.day(to).ordinal - this.day(from).ordinal, provisional: this.isProvisionalSpan(from, to) };
  }
}
