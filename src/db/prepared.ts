/**
 * Queries a page runs on every request, built once per connection. Drizzle builds a query's SQL text from
 * its description on every call — for a 60-column case row that costs more than running it — so a query
 * with fixed shape is written with `sql.placeholder(...)` and prepared here once; each call only binds the
 * values. Inside a transaction the query is prepared on the transaction's handle (same connection) and kept
 * only as long as that handle.
 */
import type { DbOrTx } from "./client.js";

const kept = new WeakMap<DbOrTx, Map<(db: DbOrTx) => unknown, unknown>>();

export function preparedOnce<T>(db: DbOrTx, build: (db: DbOrTx) => T): T {
  let queries = kept.get(db);
  if (!queries) {
    queries = new Map();
    kept.set(db, queries);
  }
  let query = queries.get(build) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(build, query);
  }
  return query;
}
