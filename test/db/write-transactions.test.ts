/**
 * Two processes writing the same SQLite file at once (WEB_WORKERS > 1): a transaction that reads and then
 * writes must wait for the other process's write and then succeed, seeing it — not fail with SQLITE_BUSY.
 * Another process holds the write lock for a moment while this one runs its read-then-write transaction.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";

const root = join(import.meta.dirname, "../..");
const HOLD_MS = 400;

/** Another process: takes the write lock, bumps the counter, holds the lock HOLD_MS, commits. */
async function otherProcessWriting(path: string): Promise<{ committed: Promise<void> }> {
  const script = `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.exec("begin immediate; update counters set value = value + 1 where name = 'n'");
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("commit"); db.close(); }, ${HOLD_MS});`;
  const child = spawn(process.execPath, ["-e", script, path], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const committed = new Promise<void>((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))));
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { committed };
}

/** Reads the counter, then writes it back plus one: the read-then-write shape of most of our transactions. */
function bumpAfterReading(db: Db, behavior?: "deferred") {
  return db.transaction(
    () => {
      // Raw statements on the connection run inside its transaction.
      const seen = db.$client.prepare("select value from counters where name = 'n'").pluck().get() as number;
      db.$client.prepare("update counters set value = ? where name = 'n'").run(seen + 1);
      return seen;
    },
    behavior ? { behavior } : undefined,
  );
}

describe("write transactions across processes (src/db/client.ts)", () => {
  let path: string;
  let db: Db;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), "qx-tx-")), "app.db");
    db = openDb(path);
    db.$client.exec("create table counters (name text primary key, value integer not null); insert into counters values ('n', 0)");
  });
  afterEach(() => db.$client.close());

  it("a DEFERRED read-then-write fails with SQLITE_BUSY while another process writes (why transactions start IMMEDIATE)", async () => {
    const other = await otherProcessWriting(path);
    expect(() => bumpAfterReading(db, "deferred")).toThrow(expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }));
    await other.committed;
  });

  it("db.transaction waits for the other process's commit, then reads its write and succeeds", async () => {
    const other = await otherProcessWriting(path);
    const started = Date.now();
    expect(bumpAfterReading(db)).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
    await other.committed;
    expect(db.$client.prepare("select value from counters").pluck().get()).toBe(2);
  });

  it("keeps nested transactions as savepoints: an inner failure rolls back the inner part only", () => {
    db.transaction((tx) => {
      db.$client.prepare("update counters set value = 10").run();
      expect(() =>
        tx.transaction(() => {
          db.$client.prepare("update counters set value = 20").run();
          throw new Error("inner step refused");
        }),
      ).toThrow("inner step refused");
    });
    expect(db.$client.prepare("select value from counters").pluck().get()).toBe(10);
  });
});
