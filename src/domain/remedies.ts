/**
 * The remedies against a 行政处理决定书 and their windows, counted from the decision's recorded service
 * (docs/rules.md § Remedies against a decision): 行政复议 within 60 days (行政复议法 2023 第二十条), 行政诉讼
 * within 6 months (行政诉讼法 第四十六条). Both are calendar periods: the day of service is not counted, a
 * period in months ends on the corresponding day (or the month's last day), and a period whose last day is a
 * rest day ends on the next working day (民事诉讼法 on 期间; 行政复议法 2023 第八十八条 refers to it).
 * Until the decision is served no window runs. Pure: the caller passes today and the working calendar.
 */
import { addDays, addMonths, type IsoDate } from "./dates.js";
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
