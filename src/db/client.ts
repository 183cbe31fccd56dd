import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema.js";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file with WAL and foreign keys; ":memory:", or the bytes of a
 * serialized database to open a copy of it in memory, for tests.
 */
/**
 * The pages a connection keeps in memory (KiB): SQLite's default of 2 MiB holds little of a multi-gigabyte file,
 * so a page's ~40 reads went to the operating system for most of their b-tree pages.
 */
const PAGE_CACHE_KIB = 65536;

export function openDb(path: string | Buffer): Db {
  if (typeof path === "string" && path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  reuseStatements(sqlite);
  return writeTransactionsFirst(drizzle(sqlite, { schema }));
}

/**
 * Every transaction starts IMMEDIATE (takes the write lock at BEGIN, waiting up to busy_timeout for it)
 * unless the caller asks otherwise. A DEFERRED one that reads and then writes fails at once with
 * SQLITE_BUSY when another process committed in between (WAL cannot upgrade a stale snapshot, and the busy
 * timeout does not apply) — with WEB_WORKERS > 1, that is any two writes at once. Nested transactions stay
 * savepoints inside the outer one.
 */
function writeTransactionsFirst(db: Db): Db {
  const begin = db.transaction.bind(db);
  db.transaction = ((run, config) => begin(run, { behavior: "immediate", ...config })) as Db["transaction"];
  return db;
}

/** How many compiled statements a connection keeps: every distinct query the pages issue, with room to spare. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Compiling a statement costs as much as running an indexed one, and drizzle compiles on every call: the
 * connection keeps the last STATEMENT_CACHE_SIZE statements by their SQL text and hands them out again,
 * reset to return plain rows (drizzle and our code set raw/pluck per use). A statement still being
 * iterated is busy and cannot run twice at once: then a fresh one is compiled.
 */
function reuseStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const stmt = kept.get(source);
    if (stmt && !stmt.busy) {
      // Most recently used last, so the first entry is the one to drop.
      kept.delete(source);
      kept.set(source, stmt);
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
      return stmt;
    }
    const fresh = compile(source);
    if (!stmt) {
      kept.set(source, fresh);
      if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  }) as typeof sqlite.prepare;
}

/** A transaction handle: helpers that only run statements accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
