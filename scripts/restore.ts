/** `npm run restore -- <file> [--force]`: checks a backup against its manifest, then restores it (src/ops/backup.ts). */
import { readConfig } from "../src/config.js";
import { restore } from "../src/ops/backup.js";

const args = process.argv.slice(2);
const source = args.find((a) => !a.startsWith("--"));
if (!source) {
  console.error("usage: npm run restore -- <file> [--force]   (stop the server first)");
  process.exit(2);
}
const config = readConfig();
try {
  const m = await restore({ source, databasePath: config.databasePath, evidenceDir: config.evidenceDir, force: args.includes("--force") });
  console.log(`restored ${source} (taken ${m.createdAt}) to ${config.databasePath}: ${m.database.cases} cases, ${m.evidence.length} evidence files checked`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
