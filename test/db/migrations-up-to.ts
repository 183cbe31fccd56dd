/** Upgrade tests: a copy of drizzle/ in `dir` that stops after migration `lastIdx` (an old database's schema). */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function migrationsUpTo(dir: string, lastIdx: number): string {
  const folder = join(dir, `m${lastIdx}`);
  cpSync(join(import.meta.dirname, "../../drizzle"), folder, { recursive: true });
  const journalPath = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= lastIdx);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
