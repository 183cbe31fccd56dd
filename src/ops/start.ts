/**
 * What starting the server does: prepare the database (migrations, seed, orphan uploads, planner statistics),
 * then serve. One process does both by default; with WEB_WORKERS > 1 a setup process prepares and the web
 * processes only serve (ops/cluster.ts).
 */
import type { Server } from "node:http";
import { createApp } from "../app.js";
import type { Config } from "../config.js";
import { openDb, type Db } from "../db/client.js";
import { startCheckpointer } from "../db/checkpointer.js";
import { analyzeDb } from "../db/maintenance.js";
import { migrateDb } from "../db/migrate.js";
import { logger } from "../lib/logger.js";
import { removeOldOrphanFiles } from "../models/evidence-files.js";
import { senderSettings, transportFor } from "../notify/index.js";
import { startSender } from "../notify/sender.js";
import { seed } from "../../seeds/index.js";

export async function prepareDatabase(config: Config): Promise<Db> {
  const db = openDb(config.databasePath);
  migrateDb(db);
  await seed(db, config, new Date());
  // Files a crash left half-uploaded are never evidence: clear those older than a day (models/evidence-files.ts).
  const orphans = removeOldOrphanFiles(db, config.evidenceDir, new Date());
  if (orphans.removed) logger.warn(orphans, "removed orphan upload files");
  analyzeDb(db);
  return db;
}

/** How often the WAL is copied back into the database file, off the request path (db/checkpointer.ts). */
const CHECKPOINT_INTERVAL_MS = 500;

export function serve(db: Db, config: Config): Server {
  // Notices to workers go out from every web process; each claims a notice before sending it (notify/sender.ts).
  const stopSender = startSender(db, transportFor(db, config), senderSettings(config), 30_000, (err) =>
    logger.error({ err: String(err) }, "sms sender pass failed"),
  );
  const checkpointer =
    config.databasePath === ":memory:"
      ? null
      : startCheckpointer(db, config.databasePath, CHECKPOINT_INTERVAL_MS, (message) => logger.warn({ message }, "wal checkpoint failed"));
  const server = createApp({ db, config }).listen(config.port, () => {
    logger.info(`欠薪快办 listening on http://localhost:${config.port} (${config.nodeEnv})`);
  });
  server.on("close", () => {
    stopSender();
    void checkpointer?.stop();
  });
  return server;
}
