/**
 * The provisional schedule of a year the State Council has not yet published.
 *
 * 全国年节及纪念日放假办法 (2025 revision) gives 13 statutory days off: 元旦 1-1; 春节 除夕 to 初三; 清明 1 day;
 * 劳动节 5-1, 5-2; 端午 1 day; 中秋 1 day; 国庆 10-1…10-3. The yearly notice later moves days around (调休), which
 * cannot be guessed, so the estimate is just those 13 days off Monday–Friday, with no makeup workdays.
 * Lunar dates come from chinese-days' lunar conversion (pure computation, no clock).
 */
import chineseDays from "chinese-days";
import { addDays, type IsoDate } from "./dates.js";
import type { NamedDate, YearSchedule } from "./working-days.js";

/**
 * chinese-days' lunar and solar-term helpers read dates through local-time Date objects, and answer a day
 * early in zones west of UTC (2027's 清明 comes out 04-04 under America/New_York). They are right in the
 * bureau's own zone, so they run there; the call is synchronous, so nothing else sees the switch.
 */
function inShanghaiZone<T>(compute: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = "Asia/Shanghai";
  try {
    return compute();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

function lunar(year: number, month: number, day: number): IsoDate {
  const mm = String(month).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  return chineseDays.getSolarDateFromLunar(`${year}-${mm}-${dd}`).date;
}

/** 春节 (正月初一) of a Gregorian year. */
export function springFestival(year: number): IsoDate {
  return inShanghaiZone(() => lunar(year, 1, 1));
}

export function statutoryHolidays(year: number): NamedDate[] {
  return inShanghaiZone(() => computeStatutoryHolidays(year));
}

function computeStatutoryHolidays(year: number): NamedDate[] {
  const springFestival = lunar(year, 1, 1);
  const qingming = { date: chineseDays.getSolarTermDate(year, 4, "pure_brightness") };
  const days: NamedDate[] = [
    { date: `${year}-01-01`, name: "元旦" },
    { date: addDays(springFestival, -1), name: "春节" },
    { date: springFestival, name: "春节" },
    { date: addDays(springFestival, 1), name: "春节" },
    { date: addDays(springFestival, 2), name: "春节" },
    { date: qingming.date, name: "清明节" },
    { date: `${year}-05-01`, name: "劳动节" },
    { date: `${year}-05-02`, name: "劳动节" },
    { date: lunar(year, 5, 5), name: "端午节" },
    { date: lunar(year, 8, 15), name: "中秋节" },
    { date: `${year}-10-01`, name: "国庆节" },
    { date: `${year}-10-02`, name: "国庆节" },
    { date: `${year}-10-03`, name: "国庆节" },
  ];
  // 中秋 can fall on 10-01…10-03; keep one entry per date.
  const seen = new Set<IsoDate>();
  return days.filter((d) => !seen.has(d.date) && seen.add(d.date)).sort((a, b) => a.date.localeCompare(b.date));
}

export function provisionalSchedule(year: number): YearSchedule {
  return { year, published: false, holidays: statutoryHolidays(year), makeupWorkdays: [] };
}
