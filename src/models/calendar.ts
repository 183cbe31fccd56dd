/**
 * The working-day calendar as stored data: one row per year (published or provisional) and one per date
 * with its running working-day ordinal. The domain's WorkingCalendar answers the questions; this module
 * loads it, seeds it and records every change.
 */
import { asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { calendarDays, calendarYears } from "../db/schema.js";
import { firstDayOfYear } from "../domain/dates.js";
import { OFFICIAL_SOURCE, officialSchedules } from "../domain/official-calendar.js";
import { provisionalSchedule } from "../domain/statutory-holidays.js";
import { WorkingCalendar, type CalendarDay, type NamedDate, type YearSchedule } from "../domain/working-days.js";
import { recordAudit } from "./audit.js";
import { recomputeOpenDeadlines } from "./deadlines.js";

export const PROVISIONAL_SOURCE = "按《全国年节及纪念日放假办法》推算（暂定）";

/** The calendar a connection read, and the state of the database it read it at (see loadCalendar). */
const loaded = new WeakMap<Db, { calendar: WorkingCalendar; dataVersion: number; revision: number }>();

/**
 * The working calendar, read once and kept: pages ask for it many times per request. This process's own
 * calendar changes drop it; another process's (WEB_WORKERS > 1) show in PRAGMA data_version, which moves
 * on any other connection's commit — only then is the calendar's revision compared, and the calendar read
 * again if it moved.
 */
export function loadCalendar(db: Db): WorkingCalendar {
  const dataVersion = db.$client.prepare("pragma data_version").pluck().get() as number;
  const held = loaded.get(db);
  if (held?.dataVersion === dataVersion) return held.calendar;
  // The revision is read before the days: a change committed in between is then seen at the next call.
  const revision = calendarRevision(db);
  if (held?.revision === revision) {
    held.dataVersion = dataVersion;
    return held.calendar;
  }
  const calendar = new WorkingCalendar(readSchedules(db));
  loaded.set(db, { calendar, dataVersion, revision });
  return calendar;
}

/** Which calendar is stored: every change bumps a year's version (and a new year adds one). Deadlines record it. */
export function calendarRevision(db: DbOrTx): number {
  return db
    .select({ r: sql<number>`sum(${calendarYears.version})` })
    .from(calendarYears)
    .get()!.r;
}

function readSchedules(db: DbOrTx): YearSchedule[] {
  const years = db.select().from(calendarYears).orderBy(asc(calendarYears.year)).all();
  const special = db
    .select({ date: calendarDays.date, year: calendarDays.year, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(inArray(calendarDays.kind, ["holiday", "makeup"]))
    .orderBy(asc(calendarDays.date))
    .all();
  return years.map((y) => ({
    year: y.year,
    published: y.published,
    holidays: special.filter((d) => d.year === y.year && d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" })),
    makeupWorkdays: special.filter((d) => d.year === y.year && d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" })),
  }));
}

/** Rewrites the stored days from `fromYear` on: ordinals run on, so every later year moves too. */
function writeDays(tx: DbOrTx, calendar: WorkingCalendar, fromYear: number): void {
  tx.delete(calendarDays)
    .where(gte(calendarDays.date, firstDayOfYear(fromYear)))
    .run();
  const rows = calendar.days().filter((d) => d.year >= fromYear);
  for (let i = 0; i < rows.length; i += 500)
    tx.insert(calendarDays)
      .values(rows.slice(i, i + 500))
      .run();
}

/**
 * Idempotent: adds every official year from chinese-days, and provisional years up to `throughYear`.
 * A provisional year the package has since published is replaced by the official schedule; a year an
 * admin has published is never touched.
 */
export function ensureCalendar(db: Db, throughYear: number): void {
  const official = new Map(officialSchedules().map((s) => [s.year, s]));
  db.transaction((tx) => {
    const stored = new Map(
      tx
        .select()
        .from(calendarYears)
        .all()
        .map((y) => [y.year, y]),
    );
    const schedules = new Map(readSchedules(tx).map((s) => [s.year, s]));
    const previous = schedules.size ? new WorkingCalendar([...schedules.values()]) : null;
    const firstYear = Math.min(...official.keys(), ...stored.keys());
    const lastYear = Math.max(throughYear, ...official.keys(), ...stored.keys());
    let firstChanged: number | null = null;
    for (let year = firstYear; year <= lastYear; year++) {
      const row = stored.get(year);
      const officialSchedule = official.get(year);
      if (row && (row.published || !officialSchedule)) continue;
      const schedule = officialSchedule ?? provisionalSchedule(year);
      const source = officialSchedule ? OFFICIAL_SOURCE : PROVISIONAL_SOURCE;
      if (row) {
        tx.update(calendarYears)
          .set({ published: true, source, version: row.version + 1, updatedAt: new Date() })
          .where(eq(calendarYears.year, year))
          .run();
        recordAudit(tx, { actorId: null, subject: `calendar:${year}`, action: "采用官方安排", detail: source });
      } else {
        tx.insert(calendarYears).values({ year, published: schedule.published, source }).run();
      }
      schedules.set(year, schedule);
      firstChanged ??= year;
    }
    if (firstChanged === null) return;
    const calendar = new WorkingCalendar([...schedules.values()]);
    writeDays(tx, calendar, firstChanged);
    recomputeOpenDeadlines(tx, { fromYear: firstChanged, calendar, previous });
  });
  loaded.delete(db);
}

/** Stores the given schedules as the whole calendar of an empty database (tests, imports). */
export function storeSchedules(db: Db, schedules: readonly YearSchedule[], source: (s: YearSchedule) => string): void {
  const calendar = new WorkingCalendar(schedules);
  db.transaction((tx) => {
    for (const s of schedules)
      tx.insert(calendarYears)
        .values({ year: s.year, published: s.published, source: source(s) })
        .run();
    writeDays(tx, calendar, calendar.firstYear);
  });
  loaded.delete(db);
}

export function listYears(db: Db) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year)).all();
}

export function getYear(db: Db, year: number) {
  return db.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
}

export function yearDays(db: Db, year: number): CalendarDay[] {
  return db.select().from(calendarDays).where(eq(calendarDays.year, year)).orderBy(asc(calendarDays.date)).all();
}

export interface ScheduleChange {
  holidays: NamedDate[];
  makeupWorkdays: NamedDate[];
  source: string;
  /** Mark the year published (official) with this change. */
  publish: boolean;
}

/** Replaces a year's schedule; recomputes ordinals from that year on and every open deadline. */
export function saveYearSchedule(db: Db, year: number, change: ScheduleChange, actorId: number, how: string): void {
  db.transaction((tx) => {
    const row = tx.select().from(calendarYears).where(eq(calendarYears.year, year)).get();
    if (!row) throw new Error(`calendar year ${year} is not stored`);
    const stored = readSchedules(tx);
    const previous = new WorkingCalendar(stored);
    const schedules = stored.map((s) =>
      s.year === year ? { year, published: change.publish || row.published, holidays: change.holidays, makeupWorkdays: change.makeupWorkdays } : s,
    );
    const calendar = new WorkingCalendar(schedules);
    tx.update(calendarYears)
      .set({ published: change.publish || row.published, source: change.source, version: sql`${calendarYears.version} + 1`, updatedAt: new Date() })
      .where(eq(calendarYears.year, year))
      .run();
    writeDays(tx, calendar, year);
    recordAudit(tx, {
      actorId,
      subject: `calendar:${year}`,
      action: how,
      detail: `节假日 ${change.holidays.length} 天，调休上班 ${change.makeupWorkdays.length} 天；来源：${change.source}${change.publish ? "；已发布" : ""}`,
    });
    recomputeOpenDeadlines(tx, { fromYear: year, calendar, previous });
  });
  loaded.delete(db);
}

/** Marks a year's current schedule as the official one. */
export function publishYear(db: Db, year: number, source: string, actorId: number): void {
  const schedule = loadCalendar(db);
  const days = schedule.days().filter((d) => d.year === year);
  saveYearSchedule(
    db,
    year,
    {
      holidays: days.filter((d) => d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" })),
      makeupWorkdays: days.filter((d) => d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" })),
      source,
      publish: true,
    },
    actorId,
    "发布",
  );
}
