/**
 * Deadlines that follow a calendar change: every open case's due dates recomputed from the stored
 * working-day ordinals. Called by the calendar model inside the transaction that changed the calendar.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { calendarDays, calendarYears, cases } from "../db/schema.js";
import { ACCEPTANCE_DAYS, STATUTORY_DAYS, TARGET_DAYS } from "../domain/clocks.js";

/**
 * Recomputes every open case's due dates from the stored working-day ordinals, in one statement per
 * clock (no per-case loop). A date the calendar cannot reach keeps its old value.
 */
export function recomputeOpenDeadlines(tx: DbOrTx): void {
  const nth = (column: SQL, days: SQL | number) => sql`(select d2.date from ${calendarDays} d1 join ${calendarDays} d2
      on d2.ordinal = d1.ordinal + ${days} and d2.is_working_day = 1 where d1.date = ${column})`;
  tx.run(sql`update ${cases} set
      acceptance_due_on = coalesce(${nth(sql`${cases}.acceptance_start_on`, ACCEPTANCE_DAYS)}, acceptance_due_on),
      target_due_on = coalesce(${nth(sql`${cases}.received_on`, TARGET_DAYS)}, target_due_on),
      statutory_due_on = case when filed_on is null then null
        else coalesce(${nth(sql`${cases}.filed_on`, sql`${STATUTORY_DAYS} + ${cases}.extension_days`)}, statutory_due_on) end,
      calendar_revision = (select sum(version) from ${calendarYears})
    where state != 'closed'`);
}
