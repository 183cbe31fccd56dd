import { isIsoDate, type IsoDate } from "../domain/dates.js";
import { monthsOf, periodOf, PERIOD_KINDS, type Period, type PeriodKind } from "../domain/statistics.js";
import { formValues, type FieldErrors, type FormValues } from "./form.js";

/** The longest custom range the statistics page draws month by month. */
export const MAX_PERIOD_MONTHS = 60;

export type PeriodResult = { ok: true; period: Period; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues; period: Period };

/** The statistics page's period: this month / quarter / year, or a custom range (起始日期 ≤ 截止日期 ≤ today). */
export function parsePeriod(query: unknown, today: IsoDate): PeriodResult {
  const values = formValues(query);
  const chosen: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(values.period ?? "") ? (values.period as PeriodKind) : "year";
  const fallback = periodOf("year", today);
  // Dates typed that differ from the chosen period's own range mean a custom range: never thrown away.
  const typed = (key: "from" | "to") => (values[key] ?? "").trim();
  const own = chosen === "custom" ? null : periodOf(chosen, today);
  const kind: PeriodKind = own && ((typed("from") && typed("from") !== own.from) || (typed("to") && typed("to") !== own.to)) ? "custom" : chosen;
  if (kind !== "custom" && own) {
    return { ok: true, period: own, values: { ...values, period: kind, from: own.from, to: own.to } };
  }
  const errors: FieldErrors = {};
  const from = (values.from ?? "").trim();
  const to = (values.to ?? "").trim();
  if (!isIsoDate(from)) errors.from = "请填写起始日期（如 2026-01-01）";
  if (!isIsoDate(to)) errors.to = "请填写截止日期（如 2026-11-23）";
  else if (to > today) errors.to = "截止日期不能晚于今天";
  if (!errors.from && !errors.to && from > to) errors.from = "起始日期不能晚于截止日期";
  if (!errors.from && !errors.to && monthsOf({ from, to }).length > MAX_PERIOD_MONTHS) errors.from = `统计区间最长 ${MAX_PERIOD_MONTHS} 个月`;
  if (Object.keys(errors).length) return { ok: false, errors, values: { ...values, period: kind }, period: fallback };
  return { ok: true, period: periodOf("custom", today, { from, to }), values: { ...values, period: kind, from, to } };
}

/** The query string that selects the same period (for exports and links). */
export function periodQuery(p: Period): string {
  return p.kind === "custom" ? `period=custom&from=${p.from}&to=${p.to}` : `period=${p.kind}`;
}
