/**
 * Reading a year's holiday schedule as an admin types it, or from an .ics file such as the ones the
 * State Council's notice is published in (and chinese-days ships): "元旦(休)" events are days off,
 * "春节(班)" events (or X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY) are makeup workdays.
 */
import ICAL from "ical.js";
import { addDays, dayOfWeek, eachDay, isIsoDate, yearOf, type IsoDate } from "../domain/dates.js";
import type { NamedDate } from "../domain/working-days.js";
import type { FieldErrors } from "./form.js";

export interface ParsedSchedule {
  holidays: NamedDate[];
  makeupWorkdays: NamedDate[];
}

export type ScheduleResult = { ok: true; value: ParsedSchedule } | { ok: false; errors: FieldErrors };

const SEPARATORS = /\s+|至|~|～|—/;

/** Holiday lines "春节 2027-02-05 2027-02-11" (end optional); makeup lines "春节 2027-02-20". */
export function parseScheduleText(year: number, holidaysText: string, makeupText: string): ScheduleResult {
  const errors: string[] = [];
  const holidays: NamedDate[] = [];
  const makeupWorkdays: NamedDate[] = [];
  lines(holidaysText).forEach(({ line, n }) => {
    const [name, start, end = start, ...rest] = line.split(SEPARATORS).filter(Boolean);
    const where = `节假日第 ${n} 行“${line}”`;
    if (!name || !start || rest.length) return errors.push(`${where}：应写成“名称 开始日期 结束日期”`);
    if (!isIsoDate(start) || !isIsoDate(end)) return errors.push(`${where}：日期应为 YYYY-MM-DD 格式`);
    if (end < start) return errors.push(`${where}：结束日期早于开始日期`);
    if (yearOf(start) !== year || yearOf(end) !== year) return errors.push(`${where}：日期不在 ${year} 年内`);
    for (const date of eachDay(start, end)) holidays.push({ date, name });
  });
  lines(makeupText).forEach(({ line, n }) => {
    const [name, date, ...rest] = line.split(SEPARATORS).filter(Boolean);
    const where = `调休上班第 ${n} 行“${line}”`;
    if (!name || !date || rest.length) return errors.push(`${where}：应写成“名称 日期”`);
    if (!isIsoDate(date)) return errors.push(`${where}：日期应为 YYYY-MM-DD 格式`);
    if (yearOf(date) !== year) return errors.push(`${where}：日期不在 ${year} 年内`);
    if (dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) return errors.push(`${where}：${date} 本就是工作日，调休上班日应为周六或周日`);
    makeupWorkdays.push({ date, name });
  });
  const out: FieldErrors = {};
  if (errors.length) out.schedule = errors.join("；");
  const clash = holidays.find((h) => makeupWorkdays.some((m) => m.date === h.date));
  if (clash) out.schedule = [out.schedule, `${clash.date} 不能既是节假日又是调休上班日`].filter(Boolean).join("；");
  if (Object.keys(out).length) return { ok: false, errors: out };
  return { ok: true, value: { holidays: dedupe(holidays), makeupWorkdays: dedupe(makeupWorkdays) } };
}

/** The other direction: a stored schedule as the text the form shows, holidays folded into ranges. */
export function scheduleToText(schedule: ParsedSchedule): { holidaysText: string; makeupText: string } {
  const ranges: string[] = [];
  let current: { name: string; start: IsoDate; end: IsoDate } | null = null;
  const flush = () =>
    current && ranges.push(current.start === current.end ? `${current.name} ${current.start}` : `${current.name} ${current.start} ${current.end}`);
  for (const h of schedule.holidays) {
    if (current && current.name === h.name && addDays(current.end, 1) === h.date) current.end = h.date;
    else {
      flush();
      current = { name: h.name, start: h.date, end: h.date };
    }
  }
  flush();
  return { holidaysText: ranges.join("\n"), makeupText: schedule.makeupWorkdays.map((m) => `${m.name} ${m.date}`).join("\n") };
}

export function parseScheduleIcs(year: number, text: string): ScheduleResult {
  let events: ICAL.Component[];
  try {
    events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  } catch {
    return { ok: false, errors: { file: "无法读取该文件，请上传 .ics 日历文件" } };
  }
  const holidays: NamedDate[] = [];
  const makeupWorkdays: NamedDate[] = [];
  for (const event of events) {
    const summary = String(event.getFirstPropertyValue("summary") ?? "");
    const start = event.getFirstPropertyValue("dtstart");
    const end = event.getFirstPropertyValue("dtend");
    if (!(start instanceof ICAL.Time)) continue;
    const first = start.toString().slice(0, 10);
    // DTEND of an all-day event is exclusive.
    const last = end instanceof ICAL.Time ? addDays(end.toString().slice(0, 10), -1) : first;
    const isMakeup =
      /[(（]班[)）]|上班/.test(summary) ||
      String(event.getFirstPropertyValue("x-apple-special-day") ?? "") === "ALTERNATE-WORKDAY" ||
      String(event.getFirstPropertyValue("description") ?? "").trim() === "班";
    const name =
      summary
        .replace(/[(（][休班][)）]/g, "")
        .replace(/调休上班|放假|上班/g, "")
        .trim() || summary;
    for (const date of eachDay(first, last < first ? first : last)) {
      if (yearOf(date) !== year) continue;
      (isMakeup ? makeupWorkdays : holidays).push({ date, name });
    }
  }
  if (holidays.length === 0 && makeupWorkdays.length === 0) {
    return { ok: false, errors: { file: `文件中没有 ${year} 年的节假日或调休安排` } };
  }
  return { ok: true, value: { holidays: dedupe(holidays), makeupWorkdays: dedupe(makeupWorkdays) } };
}

function lines(text: string): { line: string; n: number }[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line !== "");
}

function dedupe(days: NamedDate[]): NamedDate[] {
  const seen = new Map<IsoDate, NamedDate>();
  for (const d of days) if (!seen.has(d.date)) seen.set(d.date, d);
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}
