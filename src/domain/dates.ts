/**
 * Calendar dates as `YYYY-MM-DD` strings. Deadlines count whole days in Asia/Shanghai, so they are never
 * `Date` objects: arithmetic here goes through UTC midnight, which no server time zone can shift.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtcMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function firstDayOfYear(year: number): IsoDate {
  return `${String(year).padStart(4, "0")}-01-01`;
}

export function lastDayOfYear(year: number): IsoDate {
  return `${String(year).padStart(4, "0")}-12-31`;
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let ms = toUtcMs(from), end = toUtcMs(to); ms <= end; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

/** The calendar date it is in Asia/Shanghai at instant `now` (the bureau's day, whatever the server's zone). */
export function shanghaiDate(now: Date): IsoDate {
  // China has no daylight saving time since 1991: a fixed +08:00 offset is exact.
  return fromUtcMs(now.getTime() + 8 * 3_600_000);
}

/** The minute it is in Asia/Shanghai at `now`, as a datetime-local field takes it: "2026-12-04T16:05". */
export function shanghaiMinute(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/**
 * The date `months` months after `date`, on the corresponding day; when the target month has no such day,
 * its last day (民法典 第二百零二条: a period in months or years ends on the corresponding day).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, "0")}-${String(tm).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** A date on the record (a contact, a letter, a recusal, a fund movement): not after today, not before `earliest`, named `earliestName`. */
export function recordDateProblem(label: string, on: IsoDate, earliest: IsoDate, earliestName: string, today: IsoDate): string | null {
  if (on > today) return `${label}不能晚于今天`;
  if (on < earliest) return `${label}不能早于${earliestName}`;
  return null;
}
