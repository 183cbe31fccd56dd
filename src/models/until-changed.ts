/**
 * Figures every user of a kind sees alike (the supervisors' dashboard, 今日提醒, inspectors' workloads),
 * computed once per state of the database: a result is reused while nothing has been written since — by
 * this connection (SQLite's total_changes()) or by any other one (PRAGMA data_version) — and the key (which
 * names the day) is the same. Any write (a case, a payment, a calendar change, even a login) makes the next
 * request compute afresh, so a figure never differs from the case pages.
 */
import type { Db } from "../db/client.js";
import { viewRowsWritten } from "./personal-data-views.js";

/** Every supervisor's and inspector's entries of a working day (reminders, own figures), with room to spare. */
const MAX_ENTRIES = 1024;
const caches = new WeakMap<Db, Map<string, { state: string; value: unknown }>>();

/**
 * Where the database stands: the rows this connection wrote since it opened, and other connections' commits.
 * The record of a personal-data view is left out: no page shows it, and the case page writes one each time it
 * is shown to the people working the case, so counting it would make every figure and page there fresh.
 */
export function databaseMarks(db: Db): { changes: number; others: number } {
  return {
    changes: (db.$client.prepare("select total_changes()").pluck().get() as number) - viewRowsWritten(db),
    // Through prepare, whose statements the connection keeps (src/db/client.ts): `pragma()` compiles one each call.
    others: db.$client.prepare("pragma data_version").pluck().get() as number,
  };
}

function databaseState(db: Db): string {
  const { changes, others } = databaseMarks(db);
  return `${others}:${changes}`;
}

/** `compute()`'s answer for `key`, recomputed only after the database changed. */
export function untilChanged<T>(db: Db, key: string, compute: () => T): T {
  const cache = caches.get(db) ?? new Map<string, { state: string; value: unknown }>();
  caches.set(db, cache);
  const state = databaseState(db);
  const hit = cache.get(key);
  if (hit && hit.state === state) return hit.value as T;
  const value = compute();
  cache.delete(key);
  cache.set(key, { state, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
