/**
 * Deadlines that follow a calendar change (docs/rules.md §Clocks): every open case's due dates, and the due
 * dates and days taken of cases closed since the changed year (a case closed on a provisional date gets
 * its final figure). Called by the calendar model inside the transaction that changed the calendar.
 */
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { CLOSED_STATES, isOpen } from "../domain/case-states.js";
import { inStates } from "./state-sql.js";
import type { DbOrTx } from "../db/client.js";
import { calendarDays, calendarYears, caseEvents, cases } from "../db/schema.js";
import { ACCEPTANCE_DAYS, EXTENSION_DAYS, STATUTORY_DAYS, TARGET_DAYS, clockHistory, dueDates, workingDaysTaken, type ClockFacts } from "../domain/clocks.js";
import { firstDayOfYear } from "../domain/dates.js";
import { firstChangedDate, movedDueDates } from "../domain/calendar-changes.js";
import type { WorkingCalendar } from "../domain/working-days.js";

export interface CalendarChange {
  /** The first year whose days changed (later years' ordinals moved with it). */
  fromYear: number;
  /** The calendar as it now stands. */
  calendar: WorkingCalendar;
  /** The calendar before the change: when given, only cases whose dates move are looked at. */
  previous?: WorkingCalendar | null;
}

/** The 告知补正 pause and the spans the case stood closed, read from the timeline. */
export function clockHistoryOf(db: DbOrTx, caseId: number): Pick<ClockFacts, "supplementRequestedOn" | "stops"> {
  const rows = db
    .select({ action: caseEvents.action, fromState: caseEvents.fromState, toState: caseEvents.toState, onDate: caseEvents.onDate })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all();
  return clockHistory(rows);
}

/**
 * One statement per clock (no per-case loop), from a temporary table of "the n-th working day after a
 * date": only rows whose date changes are written (and take the new calendar revision). With the previous
 * calendar, the table holds only the start dates whose due dates moved (domain/calendar-changes.ts) and
 * the cases are found by their start dates; otherwise it holds every date and every affected case is
 * checked (open ones, and those closed since the changed year), each set through an index. A date the
 * calendar cannot reach keeps its old value. The few reopened cases, whose closed spans must be left out,
 * are recomputed one by one with the same domain functions as the case page.
 */
export function recomputeOpenDeadlines(tx: DbOrTx, change?: CalendarChange): void {
  const lengths = [ACCEPTANCE_DAYS, TARGET_DAYS, STATUTORY_DAYS, STATUTORY_DAYS + EXTENSION_DAYS];
  const closedSince = change ? firstDayOfYear(change.fromYear) : null;
  const onlyMoved = change?.previous ? change.previous : null;
  const firstChanged = onlyMoved ? firstChangedDate(onlyMoved, change!.calendar) : null;
  if (onlyMoved && !firstChanged) return;
  tx.run(
    sql`create temp table if not exists clock_due (start text not null, days integer not null, due text not null, primary key (start, days)) without rowid`,
  );
  tx.run(sql`delete from temp.clock_due`);
  if (onlyMoved) {
    const moved = movedDueDates(onlyMoved, change!.calendar, lengths);
    for (let i = 0; i < moved.length; i += 300) {
      tx.run(
        sql`insert into temp.clock_due (start, days, due) values ${sql.join(
          moved.slice(i, i + 300).map((m) => sql`(${m.start}, ${m.days}, ${m.due})`),
          sql`, `,
        )}`,
      );
    }
  } else {
    const n = lengths.map((days) => sql`select ${days} as days`);
    tx.run(sql`insert into temp.clock_due (start, days, due) select d1.date, n.days, d2.date
      from ${calendarDays} d1 join (${sql.join(n, sql` union `)}) n join ${calendarDays} d2 on d2.ordinal = d1.ordinal + n.days and d2.is_working_day = 1`);
  }
  const revision = sql`(select sum(version) from ${calendarYears})`;
  const isAffected = sql`(c.urgent_due_on is not null${closedSince ? sql` or (${inStates(CLOSED_STATES, "c.state")} and c.closed_on >= ${closedSince})` : sql``})`;
  // Without the previous calendar, the affected cases drive the search, each half one index search.
  const affectedIds = sql`(select id from ${cases} where urgent_due_on is not null${
    closedSince ? sql` union all select id from ${cases} where ${inStates(CLOSED_STATES)} and closed_on >= ${closedSince}` : sql``
  })`;
  const reopenedIds = sql`(select e.case_id from ${caseEvents} e where e.action = 'reopen')`;
  // `days` is given the table's name: the outer row's in the SET, the inner one's in the row search.
  const clock = (column: string, start: string, days: (table: string) => SQL) => {
    const rows = onlyMoved
      ? sql`temp.clock_due m cross join ${cases} c on c.${sql.raw(start)} = m.start and m.days = ${days("c")} where ${isAffected} and`
      : sql`${affectedIds} a cross join ${cases} c on c.id = a.id cross join temp.clock_due m on m.start = c.${sql.raw(start)} and m.days = ${days("c")} where`;
    tx.run(sql`update ${cases} set ${sql.raw(column)} = (select m.due from temp.clock_due m where m.start = ${cases}.${sql.raw(start)} and m.days = ${days("cases")}),
        calendar_revision = ${revision}
      where id in (select c.id from ${rows} c.id not in ${reopenedIds} and c.${sql.raw(column)} is not m.due)`);
  };
  clock("acceptance_due_on", "acceptance_start_on", () => sql`${ACCEPTANCE_DAYS}`);
  clock("target_due_on", "received_on", () => sql`${TARGET_DAYS}`);
  clock("statutory_due_on", "filed_on", (table) => sql`${STATUTORY_DAYS} + ${sql.raw(table)}.extension_days`);
  if (!change) return;
  tx.run(sql`update ${cases} set working_days_taken = (select d2.ordinal - d1.ordinal from ${calendarDays} d1, ${calendarDays} d2
        where d1.date = ${cases}.received_on and d2.date = ${cases}.closed_on), calendar_revision = ${revision}
      where id in (select c.id from ${cases} c join ${calendarDays} d1 on d1.date = c.received_on join ${calendarDays} d2 on d2.date = c.closed_on
        where ${inStates(CLOSED_STATES, "c.state")} and c.closed_on >= ${firstChanged && firstChanged > closedSince! ? firstChanged : closedSince} and c.id not in ${reopenedIds} and c.working_days_taken is not d2.ordinal - d1.ordinal)`);
  for (const c of tx.select().from(cases).where(sql`${cases.id} in ${reopenedIds}`).all()) {
    if (!isOpen(c.state) && (c.closedOn === null || c.closedOn < closedSince!)) continue;
    const { stops } = clockHistoryOf(tx, c.id);
    const due = dueDates({ ...c, stops }, change.calendar);
    const taken = c.closedOn ? workingDaysTaken({ receivedOn: c.receivedOn, stops }, c.closedOn, change.calendar) : c.workingDaysTaken;
    tx.update(cases)
      .set({ ...due, workingDaysTaken: taken, calendarRevision: revision })
      .where(eq(cases.id, c.id))
      .run();
  }
}
