/** WAL checkpoints run on a worker thread, not on the serving connection's commits (src/db/checkpointer.ts). */
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from "../../src/db/checkpointer.js";
import { openDb, type Db } from "../../src/db/client.js";

let checkpointer: Checkpointer | null = null;
afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = null;
});

/** Writes ~4,000 pages in 10 commits, pausing between them, and returns the size the log file reached. */
async function writeMuch(db: Db, file: string): Promise<number> {
  db.$client.exec("create table if not exists filler (id integer primary key, body blob)");
  const insert = db.$client.prepare("insert into filler (body) values (randomblob(4000))");
  for (let batch = 0; batch < 10; batch++) {
    db.$client.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run();
    })();
    await new Promise((r) => setTimeout(r, 120));
  }
  return statSync(`${file}-wal`).size;
}

describe("the checkpointer", () => {
  it("keeps the log short while the serving connection only writes, and leaves it a far higher bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qx-checkpoint-"));
    const alone = openDb(join(dir, "alone.db"));
    alone.$client.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    const withoutThread = await writeMuch(alone, join(dir, "alone.db"));

    const file = join(dir, "served.db");
    const db = openDb(file);
    const errors: string[] = [];
    checkpointer = startCheckpointer(db, file, 20, (m) => errors.push(m));
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    const withThread = await writeMuch(db, file);

    // Without the thread the log holds all ~4,000 pages (16 MB); with it, about one commit's worth.
    expect(withoutThread).toBeGreaterThan(15_000_000);
    expect(withThread).toBeLessThan(withoutThread / 3);
    expect(errors).toEqual([]);
    expect(db.$client.prepare("select count(*) from filler").pluck().get()).toBe(4000);
  });
});
