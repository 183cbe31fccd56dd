/**
 * Figures every user of a kind sees alike (the supervisors' dashboard, 今日提醒, inspectors' workloads),
 * computed once per state of the database: a result is reused while nothing has been written since — by
 * this connection (SQLite's total_changes()) or by any other one (PRAGMA data_version) — and the key (which
 * names the day) is the same. Any write (a case, a payment, a calendar change) makes the next request compute
 * afresh, so a figure never differs from the case pages; rows no figure shows (a sign-in, a session's renewal)
 * do not (src/db/unshown-writes.ts).
 */
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { preparedOnce, sessionOf } from "../db/prepared.js";
import { referenceStamps } from "../db/schema.js";
import { unshownRowsWritten } from "../db/unshown-writes.js";

/** Every supervisor's and inspector's entries of a working day (reminders, own figures), with room to spare. */
const MAX_ENTRIES = 1024;
const caches = new WeakMap<Db, Map<string, { state: string; value: unknown }>>();

/**
 * Where the database stands: the rows this connection wrote since it opened, and other connections' commits.
 * Rows no page shows are left out (src/db/unshown-writes.ts): the record of a personal-data view, which the
 * case page writes each time it is shown to the people working the case, and the sessions and sign-in
 * bookkeeping, which every user's sign-in and renewal write — counting them would make every page fresh.
 */
export function databaseMarks(db: Db): { changes: number; others: number } {
  return {
    changes: (db.$client.prepare("select total_changes()").pluck().get() as number) - unshownRowsWritten(db),
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

/** Reference data with a stamp of its own (db/schema.ts referenceStamps): the offices and the divisions they cover. */
export type ReferenceData = "offices";

const stampQuery = (db: DbOrTx) =>
  db
    .select({ stamp: referenceStamps.stamp })
    .from(referenceStamps)
    .where(eq(referenceStamps.name, sql.placeholder("name")))
    .prepare();
const byStamp = new WeakMap<object, Map<string, { stamp: number; value: unknown }>>();

/**
 * `compute()`'s answer for `key`, recomputed only when the stamp of `data` moved: reference data that every
 * intake or page reads, which untilChanged would read afresh after any write at all. Works inside a
 * transaction too — a change of the data there moves the stamp (even one rolled back: stamps are random).
 */
export function untilReferenceChanged<T>(db: DbOrTx, data: ReferenceData, key: string, compute: () => T): T {
  const stamp = preparedOnce(db, stampQuery).get({ name: data })?.stamp;
  if (stamp === undefined) return compute();
  const session = sessionOf(db);
  const cache = byStamp.get(session) ?? new Map<string, { stamp: number; value: unknown }>();
  byStamp.set(session, cache);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = compute();
  cache.set(key, { stamp, value });
  return value;
}
