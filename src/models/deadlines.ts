/**
 * Deadlines that follow a calendar change (docs/rules.md §Clocks): every open case's due dates, and the due
 * dates and days taken of cases closed since the changed year (a case closed on a provisional date gets
 * its final figure). Called by the calendar model inside the transaction that changed the calendar.
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { calendarDays, calendarYears, caseEvents, cases } from "../db/schema.js";
import { ACCEPTANCE_DAYS, STATUTORY_DAYS, TARGET_DAYS, clockHistory, dueDates, workingDaysTaken, type ClockFacts } from "../domain/clocks.js";
import { firstDayOfYear } from "../domain/dates.js";
import type { WorkingCalendar } from "../domain/working-days.js";

export interface CalendarChange {
  /** The first year whose days changed (later years' ordinals moved with it). */
  fromYear: number;
  /** The calendar as it now stands. */
  calendar: WorkingCalendar;
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
 * One statement per clock from the stored ordinals (no per-case loop). A date the calendar cannot reach
 * keeps its old value. The few reopened cases, whose closed spans must be left out, are recomputed one by
 * one with the same domain functions as the case page.
 */
export function recomputeOpenDeadlines(tx: DbOrTx, change?: CalendarChange): void {
  const nth = (column: SQL, days: SQL | number) => sql`(select d2.date from ${calendarDays} d1 join ${calendarDays} d2
      on d2.ordinal = d1.ordinal + ${days} and d2.is_working_day = 1 where d1.date = ${column})`;
  const ordinal = (column: SQL) => sql`(select d.ordinal from ${calendarDays} d where d.date = ${column})`;
  const revision = sql`(select sum(version) from ${calendarYears})`;
  const affected = change ? sql`(${cases.state} != 'closed' or ${cases.closedOn} >= ${firstDayOfYear(change.fromYear)})` : sql`${cases.state} != 'closed'`;
  const reopened = sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id} and e.action = 'reopen')`;
  tx.run(sql`update ${cases} set
      acceptance_due_on = coalesce(${nth(sql`${cases}.acceptance_start_on`, ACCEPTANCE_DAYS)}, acceptance_due_on),
      target_due_on = coalesce(${nth(sql`${cases}.received_on`, TARGET_DAYS)}, target_due_on),
      statutory_due_on = case when filed_on is null then null
        else coalesce(${nth(sql`${cases}.filed_on`, sql`${STATUTORY_DAYS} + ${cases}.extension_days`)}, statutory_due_on) end,
      working_days_taken = case when closed_on is null then working_days_taken
        else coalesce(${ordinal(sql`${cases}.closed_on`)} - ${ordinal(sql`${cases}.received_on`)}, working_days_taken) end,
      calendar_revision = ${revision}
    where ${affected} and not ${reopened}`);
  if (!change) return;
  for (const c of tx.select().from(cases).where(and(affected, reopened)).all()) {
    const { stops } = clockHistoryOf(tx, c.id);
    const due = dueDates({ ...c, stops }, change.calendar);
    const taken = c.closedOn ? workingDaysTaken({ receivedOn: c.receivedOn, stops }, c.closedOn, change.calendar) : c.workingDaysTaken;
    tx.update(cases)
      .set({ ...due, workingDaysTaken: taken, calendarRevision: revision })
      .where(eq(cases.id, c.id))
      .run();
  }
}
