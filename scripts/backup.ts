/** `npm run backup -- <file>`: an online backup of the configured database and its evidence (src/ops/backup.ts). */
import { readConfig } from "../src/config.js";
import { backup } from "../src/ops/backup.js";

const target = process.argv[2];
if (!target) {
  console.error("usage: npm run backup -- <file>   (e.g. backups/2026-11-24.db)");
  process.exit(2);
}
const config = readConfig();
const m = await backup({ databasePath: config.databasePath, evidenceDir: config.evidenceDir, target });
console.log(
  `backup ${target}: ${m.database.cases} cases, database sha256 ${m.database.sha256}, integrity ${m.database.integrity}, ${m.evidence.length} evidence files`,
);
if (m.missing.length) console.warn(`warning: ${m.missing.length} evidence files recorded but not on disk: ${m.missing.join(", ")}`);
if (m.database.integrity !== "ok") process.exit(1);
