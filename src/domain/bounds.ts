/**
 * The bounds every money, date and number field is held to, in one place (docs/rules.md "Hostile input").
 * - Amounts: integer fen, above zero unless zero is allowed, at most ¥10,000,000 per entry — no claim,
 *   agreement, order or payment of one worker comes near it, and nothing larger fits the pages or the sums.
 * - Dates: inside the working-day calendar (its first to its last year), so every deadline can be counted
 *   and no 1900 or 2099 date is stored; a field may narrow that further (not after today…).
 * - Whole numbers typed in a query string or form: integers in a stated range, never 1e34.
 */
import { isIsoDate, type IsoDate } from "./dates.js";

/** ¥10,000,000 in fen. */
export const MAX_AMOUNT_FEN = 1_000_000_000;

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The dates a working calendar covering `firstYear`…`lastYear` can count. */
export function calendarRange(calendar: { firstYear: number; lastYear: number }): DateRange {
  return { from: `${calendar.firstYear}-01-01`, to: `${calendar.lastYear}-12-31` };
}

/** A construction contract (and its 工资保证金) may run to 1000 亿元: far beyond any wage claim. */
export const MAX_CONTRACT_FEN = 10_000_000_000_000;

/** A Chinese message naming the field when `fen` is not an amount in bounds, else null. */
export function amountProblem(label: string, fen: number | null, opts: { allowZero?: boolean; contract?: boolean } = {}): string | null {
  if (fen === null || Number.isNaN(fen)) return `${label}应为金额数字，如 8500 或 8500.50`;
  if (opts.contract ? fen > MAX_CONTRACT_FEN : fen > MAX_AMOUNT_FEN) return `${label}超过 ${opts.contract ? "1000 亿元" : "1000 万元"}，请核对`;
  if (fen < 0 || (fen === 0 && !opts.allowZero)) return `${label}应大于 0`;
  if (!Number.isInteger(fen)) return `${label}应为金额数字，如 8500 或 8500.50`;
  return null;
}

/** A Chinese message naming the field when `value` is not a date inside `range` (and the optional limits), else null. */
export function dateProblem(label: string, value: string, range: DateRange, limits: { notAfter?: IsoDate; notAfterLabel?: string } = {}): string | null {
  if (!isIsoDate(value)) return `${label}应为有效日期，格式 YYYY-MM-DD`;
  if (value < range.from || value > range.to) return `${label}应在 ${range.from} 至 ${range.to} 之间（工作日历的范围）`;
  if (limits.notAfter && value > limits.notAfter) return `${label}不能晚于${limits.notAfterLabel ?? limits.notAfter}`;
  return null;
}

/** A whole number written in plain digits within [min, max], or null (for "1e34", "-1", "", "12abc"…). */
export function boundedInt(value: unknown, min: number, max: number): number | null {
  if (typeof value !== "string" || !/^\d{1,15}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= max ? n : null;
}
