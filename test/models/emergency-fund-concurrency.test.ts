/**
 * 应急周转金 under concurrent advances (docs/rules.md §应急周转金): several processes, each with its own connection
 * to one database file, pay advances from one fund at the same moment. Transactions start IMMEDIATE (db/client.ts),
 * so each reads the balance the previous one left: exactly as many advances are paid as the capital covers, the
 * rest are refused, and the ledger's balance never goes below zero. The ledger itself refuses an edit, a deletion
 * and a row whose balance does not follow the previous one (drizzle/0033_emergency_fund_ledger.sql).
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { recordFundMovement } from "../../src/models/emergency-fund.js";

const root = join(import.meta.dirname, "../..");
const PROCESSES = 4;
const EACH = 10;
const CAPITAL = 100_000_00;
const ADVANCE = 4_000_00;

let path: string;
let db: Db;
let officeId: number;
beforeAll(() => {
  path = join(mkdtempSync(join(tmpdir(), "qx-fund-")), "app.db");
  db = openDb(path);
  migrateDb(db);
  officeId = db.$client.prepare("select min(id) from offices").pluck().get() as number;
  recordFundMovement(db, { officeId, kind: "capital", amountFen: CAPITAL, occurredOn: "2026-11-20", note: "财政拨款", actorId: null });
});
afterAll(() => db.$client.close());

function startProcess(): { ready: Promise<void>; go: () => void; result: Promise<{ paid: number; refused: number }> } {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(root, "test/models/fund-advance-process.ts"), path, String(officeId), String(EACH), String(ADVANCE)],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let out = "";
  const ready = new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith("ready\n")) resolve();
    }),
  );
  const result = new Promise<{ paid: number; refused: number }>((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.split("\n")[1]!)) : reject(new Error(`exit ${code}: ${out}`)))),
  );
  return { ready, go: () => child.stdin.end("go\n"), result };
}

describe("one fund, many advances at once", () => {
  it("pays exactly what the capital covers and never takes the balance below zero", async () => {
    const processes = Array.from({ length: PROCESSES }, startProcess);
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes) p.go();
    const results = await Promise.all(processes.map((p) => p.result));
    const paid = results.reduce((s, r) => s + r.paid, 0);
    const refused = results.reduce((s, r) => s + r.refused, 0);
    const covered = Math.floor(CAPITAL / ADVANCE);
    expect({ paid, refused }).toEqual({ paid: covered, refused: PROCESSES * EACH - covered });
    // More than one process got some paid: they did run at once.
    expect(results.filter((r) => r.paid > 0).length).toBeGreaterThan(1);

    const rows = db.$client.prepare("select kind, amount_fen, balance_fen from emergency_fund_movements where office_id = ? order by id").all(officeId) as {
      kind: string;
      amount_fen: number;
      balance_fen: number;
    }[];
    let balance = 0;
    for (const r of rows) {
      balance += r.kind === "advance" ? -r.amount_fen : r.amount_fen;
      expect(r.balance_fen).toBe(balance);
      expect(r.balance_fen).toBeGreaterThanOrEqual(0);
    }
    expect(balance).toBe(CAPITAL - covered * ADVANCE);
  }, 60_000);

  it("keeps the ledger append-only and its balances chained", () => {
    const last = db.$client.prepare("select id, balance_fen from emergency_fund_movements order by id desc limit 1").get() as {
      id: number;
      balance_fen: number;
    };
    expect(() => db.$client.prepare("update emergency_fund_movements set amount_fen = 1 where id = ?").run(last.id)).toThrow("append-only");
    expect(() => db.$client.prepare("delete from emergency_fund_movements where id = ?").run(last.id)).toThrow("append-only");
    const insert = db.$client.prepare(
      "insert into emergency_fund_movements (office_id, kind, amount_fen, balance_fen, occurred_on, note) values (?, ?, ?, ?, '2026-11-23', '')",
    );
    expect(() => insert.run(officeId, "recovery", 100, last.balance_fen + 999)).toThrow("does not follow");
    expect(() => insert.run(officeId, "advance", last.balance_fen + 1, -1)).toThrow("negative");
    expect(() => insert.run(officeId, "recovery", 100, last.balance_fen + 100)).not.toThrow();
  });
});
