/**
 * Queries a page runs on every request, built once per connection. Drizzle builds a query's SQL text from
 * its description on every call — for a 60-column case row that costs more than running it — so a query
 * with fixed shape is written with `sql.placeholder(...)` and prepared here once; each call only binds the
 * values. A transaction shares its database's session (the one better-sqlite3 connection, synchronous), so
 * a query prepared inside one transaction serves every later request and transaction on that connection.
 */
import { type Column, getTableColumns, Param, sql, type Table } from "drizzle-orm";
import type { DbOrTx } from "./client.js";

const kept = new WeakMap<object, Map<(db: DbOrTx) => unknown, unknown>>();

/** The connection's drizzle session: the same object for the database and every transaction on it. */
export function sessionOf(db: DbOrTx): object {
  return (db as unknown as { session: object }).session;
}

export function preparedOnce<T>(db: DbOrTx, build: (db: DbOrTx) => T): T {
  const session = sessionOf(db);
  let queries = kept.get(session);
  if (!queries) {
    queries = new Map();
    kept.set(session, queries);
  }
  let query = queries.get(build) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(build, query);
  }
  return query;
}

/**
 * The values of a prepared one-row insert: a placeholder named after each column, encoded as the column
 * encodes (a Date to seconds, a boolean to 0/1) and null left null, so every column listed is bound on each
 * run (the schema's defaults then apply only to the columns left out).
 */
export function placeholdersFor<T extends Table, K extends keyof T["$inferInsert"] & string>(table: T, columns: readonly K[]): T["$inferInsert"] {
  const byKey = getTableColumns(table) as Record<string, Column>;
  return Object.fromEntries(
    columns.map((key) => {
      const column = byKey[key]!;
      const encoder = { mapToDriverValue: (value: unknown) => (value === null ? null : column.mapToDriverValue(value)) };
      return [key, sql`${new Param(sql.placeholder(key), encoder)}`];
    }),
  ) as T["$inferInsert"];
}
