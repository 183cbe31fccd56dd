/**
 * What supervisors watch (docs/rules.md “监督统计”), pure:
 * - average working days from receipt to close (见诉即办 target: 8) and the share closed within 8 — a case
 *   closed on its 8th working day is within, as its target clock says 按期完成;
 * - the improvement over the statutory 60 working days (劳动保障监察条例 第十七条): 1 − average / 60;
 * - the bureau's summary sentence, built from the same figures;
 * - reporting periods (this month, quarter, year, or a custom range) and their months;
 * - 春节前动态清零: the next Spring Festival (正月初一, from the lunar data) and the countdown to it;
 * - the working-days-left bound under which a running clock is 即将到期, derived from clocks.ts so SQL can
 *   compare due dates instead of evaluating each case;
 * - who may use the supervisors' pages and exports.
 */
import { STATUTORY_DAYS } from "./clocks.js";
import { addDays, yearOf, type IsoDate } from "./dates.js";
import { springFestival } from "./statutory-holidays.js";
import type { WorkingCalendar } from "./working-days.js";

// ---- Figures --------------------------------------------------------------------------------------

/** Average working days to close; null when nothing closed. */
export function averageDays(totalDays: number, closed: number): number | null {
  return closed > 0 ? totalDays / closed : null;
}

/** A share 0…1; null when there is nothing to share out. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** How much faster than the statutory 60 working days: 1 − average / 60 (the bureau reports “提高85%”). */
export function improvementOverStatutory(average: number | null): number | null {
  return average === null ? null : 1 - average / STATUTORY_DAYS;
}

// ---- Periods --------------------------------------------------------------------------------------

/** How many inspectors the dashboard lists; the rest are on their own page (a phone on a government network should not fetch 200 rows and their chart every time). */
export const DASHBOARD_INSPECTORS = 12;

/**
 * The inspectors a supervisor should look at first: most cases past a legal deadline (legal clocks rank above
 * the 8-day target, docs/rules.md "Legal deadlines first"), then most overdue on any clock, then most due soon,
 * then most open cases.
 */
export function inspectorsToWatch<T extends { legalOverdue: number; overdue: number; dueSoon: number; open: number }>(
  inspectors: readonly T[],
  n = DASHBOARD_INSPECTORS,
): T[] {
  return [...inspectors].sort((a, b) => b.legalOverdue - a.legalOverdue || b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open).slice(0, n);
}

export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = { month: "本月", quarter: "本季度", year: "本年", custom: "自定义" };

export interface Period {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
}

const pad = (n: number) => String(n).padStart(2, "0");
function lastDayOfMonth(year: number, month: number): IsoDate {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

/** This month / quarter / year run from their first day to today; a custom range is taken as given. */
export function periodOf(kind: PeriodKind, today: IsoDate, custom?: { from: IsoDate; to: IsoDate }): Period {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  switch (kind) {
    case "month":
      return { kind, from: `${year}-${pad(month)}-01`, to: today };
    case "quarter":
      return { kind, from: `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`, to: today };
    case "year":
      return { kind, from: `${year}-01-01`, to: today };
    case "custom":
      return { kind, from: custom!.from, to: custom!.to };
  }
}

/** The months a period touches, as `YYYY-MM`, oldest first. */
export function monthsOf(period: { from: IsoDate; to: IsoDate }): string[] {
  const out: string[] = [];
  let y = yearOf(period.from);
  let m = Number(period.from.slice(5, 7));
  const end = period.to.slice(0, 7);
  while (`${y}-${pad(m)}` <= end) {
    out.push(`${y}-${pad(m)}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: `${month}-01`, to: lastDayOfMonth(y, m) };
}

// ---- The summary sentence -------------------------------------------------------------------------

export interface PeriodFigures {
  casesClosed: number;
  workersHelped: number;
  recoveredFen: number;
  /** Sum of working days from receipt to close over the closed cases. */
  workingDaysTotal: number;
  closedWithinTarget: number;
  mediatedCases: number;
  mediatedFen: number;
}

function chineseDate(date: IsoDate, withYear: boolean): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${withYear ? `${y}年` : ""}${m}月${d}日`;
}

/** Fen → 万元 with two decimals: 1,234,500 fen → "1.23". */
export function wanYuan(fen: number): string {
  return (fen / 1_000_000).toFixed(2);
}

/** One decimal, without a trailing “.0”: 5.25 → "5.3", 6 → "6". */
export function oneDecimal(value: number): string {
  return String(Number(value.toFixed(1)));
}

/**
 * In the style of the bureau's press releases: “2026年1月1日至11月23日，全市办结欠薪案件N件，为N名农民工追讨工资N万元；
 * 平均办结时限N个工作日，比法定60个工作日提高N%；通过快速调处化解立案前欠薪问题N件，追回N万元。”
 */
/** `subject`: whose cases — 全市 for the city's figures, an office's area for one office's (docs/rules.md “监督统计”). */
export function summarySentence(period: { from: IsoDate; to: IsoDate }, f: PeriodFigures, subject = "全市"): string {
  const span = `${chineseDate(period.from, true)}至${chineseDate(period.to, yearOf(period.from) !== yearOf(period.to))}`;
  const average = averageDays(f.workingDaysTotal, f.casesClosed);
  const improvement = improvementOverStatutory(average);
  const speed =
    average === null || improvement === null
      ? ""
      : `平均办结时限${oneDecimal(average)}个工作日，比法定${STATUTORY_DAYS}个工作日${improvement >= 0 ? "提高" : "延长"}${Math.round(Math.abs(improvement) * 100)}%；`;
  return (
    `${span}，${subject}办结欠薪案件${f.casesClosed}件，为${f.workersHelped}名农民工追讨工资${wanYuan(f.recoveredFen)}万元；` +
    speed +
    `通过快速调处化解立案前欠薪问题${f.mediatedCases}件，追回${wanYuan(f.mediatedFen)}万元。`
  );
}

// ---- 春节前动态清零 -----------------------------------------------------------------------------------

export interface FestivalCountdown {
  /** 正月初一. */
  festival: IsoDate;
  /** The last working day before the festival holiday: the day open cases should be cleared by. */
  lastWorkingDay: IsoDate;
  calendarDaysLeft: number;
  /** Working days after today up to and including the last working day (0 on that day). */
  workingDaysLeft: number;
  provisional: boolean;
}

/** The coming Spring Festival (today's, until it has passed) and the time left to clear the open cases. */
export function festivalCountdown(today: IsoDate, calendar: WorkingCalendar): FestivalCountdown {
  let festival = springFestival(yearOf(today));
  if (festival < today) festival = springFestival(yearOf(today) + 1);
  const lastWorkingDay = calendar.previousWorkingDay(festival);
  const between = calendar.workingDaysBetween(today, lastWorkingDay);
  return {
    festival,
    lastWorkingDay,
    calendarDaysLeft: Math.round((Date.parse(festival) - Date.parse(today)) / 86_400_000),
    workingDaysLeft: Math.max(0, between.days),
    provisional: between.provisional,
  };
}
