import { createApp } from "./app.js";
import { readConfig } from "./config.js";
import { openDb } from "./db/client.js";
import { migrateDb } from "./db/migrate.js";
import { analyzeDb } from "./db/maintenance.js";
import { logger } from "./lib/logger.js";
import { removeOldOrphanFiles } from "./models/evidence-files.js";
import { seed } from "../seeds/index.js";

const config = readConfig();
const db = openDb(config.databasePath);
migrateDb(db);
await seed(db, config, new Date());
// Files a crash left half-uploaded are never evidence: clear those older than a day (models/evidence-files.ts).
const orphans = removeOldOrphanFiles(db, config.evidenceDir, new Date());
if (orphans.removed) logger.warn(orphans, "removed orphan upload files");
analyzeDb(db);

createApp({ db, config }).listen(config.port, () => {
  logger.info(`欠薪快办 listening on http://localhost:${config.port} (${config.nodeEnv})`);
});
