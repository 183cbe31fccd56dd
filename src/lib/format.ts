/** Display helpers for the views: formatting only, no business rules. */
import { dayOfWeek, isIsoDate } from "../domain/dates.js";
import { formatBytes } from "../http/uploads.js";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** "2026-03-03" → "2026年3月3日（周二）" */
export function formatDate(date: string | null | undefined, withWeekday = true): string {
  if (!date || !isIsoDate(date)) return "";
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日${withWeekday ? `（周${WEEKDAYS[dayOfWeek(date)]}）` : ""}`;
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** An instant in the bureau's zone: "2026/11/23 18:05". */
export function formatTime(instant: Date | null | undefined): string {
  return instant ? timeFormat.format(instant) : "";
}

/** Integer fen → "¥1,234.50". */
// One formatter for every amount: toLocaleString with options builds a new one per call (slow on long lists).
const yuan = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatMoney(fen: number | null | undefined): string {
  return `¥${yuan.format((fen ?? 0) / 100)}`;
}

/** Integer fen → "1234.50": an amount as a form's field shows it, in yuan, for the user to change. */
export function yuanField(fen: number | null | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2);
}

/** Working days to a due date: "剩 3 个工作日", or "超 2 个工作日" once past it. */
export function formatDaysLeft(left: number | null): string {
  if (left === null) return "期限超出工作日历范围，无法计算剩余工作日";
  return left >= 0 ? `剩 ${left} 个工作日` : `超 ${-left} 个工作日`;
}

/** A share 0…1 as "60.0%"; "—" when there is nothing to share out. */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${(share * 100).toFixed(1)}%`;
}

/** An average in working days with one decimal; "—" when there is none. */
export function formatAverage(days: number | null | undefined): string {
  return days === null || days === undefined ? "—" : days.toFixed(1);
}

export const viewHelpers = { formatDate, formatTime, formatMoney, yuanField, formatDaysLeft, formatBytes, formatPercent, formatAverage };
