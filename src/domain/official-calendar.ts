/**
 * The official holiday and 调休 schedules shipped by the chinese-days package (State Council notices).
 * Read from its data file by date string only: its Date-based helpers misread dates across time zones.
 */
import { createRequire } from "node:module";
import type { NamedDate, YearSchedule } from "./working-days.js";
import { yearOf } from "./dates.js";

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const data = require("chinese-days/dist/chinese-days.json") as ChineseDaysData;
const version = (require("chinese-days/package.json") as { version: string }).version;

export const OFFICIAL_SOURCE = `国务院办公厅关于节假日安排的通知（系统内置，数据版本 ${version}）`;

/** "Spring Festival,春节,4" → "春节" */
function chineseName(entry: string): string {
  return entry.split(",")[1] ?? entry;
}

function entriesByYear(map: Record<string, string>): Map<number, NamedDate[]> {
  const out = new Map<number, NamedDate[]>();
  for (const [date, entry] of Object.entries(map).sort(([a], [b]) => a.localeCompare(b))) {
    const list = out.get(yearOf(date)) ?? [];
    list.push({ date, name: chineseName(entry) });
    out.set(yearOf(date), list);
  }
  return out;
}

/** Every year the package publishes, as published schedules. */
export function officialSchedules(): YearSchedule[] {
  const holidays = entriesByYear(data.holidays);
  const workdays = entriesByYear(data.workdays);
  const years = [...new Set([...holidays.keys(), ...workdays.keys()])].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    published: true,
    holidays: holidays.get(year) ?? [],
    makeupWorkdays: workdays.get(year) ?? [],
  }));
}
