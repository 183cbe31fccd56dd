/**
 * Rows written that no kept page and no figure kept until the data changes (src/http/page-cache.ts,
 * src/models/until-changed.ts) ever shows: the sessions (a sign-in, a session's renewal every 15 minutes, a
 * sign-out), the sign-in throttle's bookkeeping, and the record of who saw personal data. They are left out of
 * the data's version, so a sign-in of one clerk does not make every other user's next page render afresh —
 * with a bureau's staff at work, sessions alone renewed several times a minute and the kept pages rarely held.
 *
 * What shows these rows reads them afresh on every request (the admin's health view, the personal-data view
 * log), and so must any page added later that shows them.
 *
 * Counted on this connection only: another web process's sessions (WEB_WORKERS > 1) still move the version
 * through PRAGMA data_version, which cannot tell one table from another.
 */
import type { Db } from "./client.js";

const written = new WeakMap<Db["$client"], number>();
/** Connections inside a `writeUnshown` now: a nested call on the same one is counted by the outer call. */
const writing = new WeakSet<Db["$client"]>();

/** The rows this connection wrote through `writeUnshown` since it opened. */
export function unshownRowsWritten(db: Db): number {
  return written.get(db.$client) ?? 0;
}

/**
 * Runs `write` and counts the rows it changed (SQLite's total_changes(), triggers included) as unshown.
 * Only writes whose every row is unshown go through here; nested calls count once.
 */
export function writeUnshown<T>(db: Db, write: () => T): T {
  const client = db.$client;
  if (writing.has(client)) return write();
  const totalChanges = client.prepare("select total_changes()").pluck();
  const before = totalChanges.get() as number;
  writing.add(client);
  try {
    return write();
  } finally {
    writing.delete(client);
    // Counted even when the write failed: total_changes() keeps the rows of statements rolled back.
    written.set(client, unshownRowsWritten(db) + (totalChanges.get() as number) - before);
  }
}
