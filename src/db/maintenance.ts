import type { Db } from "./client.js";

/**
 * Planner statistics (sqlite_stat1), without which SQLite guesses which index suits a query. At start:
 * ANALYZE when the database has never been analysed, else PRAGMA optimize (it re-analyses only tables
 * that changed a lot); both sample at most `analysis_limit` rows per index, so they take milliseconds
 * even on a million cases. After a bulk load: a fuller ANALYZE.
 */
export function analyzeDb(db: Db, opts: { afterBulkLoad?: boolean } = {}): void {
  const sqlite = db.$client;
  sqlite.pragma(`analysis_limit = ${opts.afterBulkLoad ? 4000 : 400}`);
  const analysed = sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get() !== undefined;
  if (opts.afterBulkLoad || !analysed) sqlite.exec("ANALYZE");
  else sqlite.pragma("optimize = 0x10002");
}
