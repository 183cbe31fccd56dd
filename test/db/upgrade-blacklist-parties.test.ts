/**
 * Upgrading a database made before every listed person was a party (drizzle/0016_blacklist_parties_backfill.sql):
 * the employer's service and objection move to the per-party tables, and a pending proceeding whose persons
 * were never served goes back to waiting for their service (docs/rules.md § Publication of violators).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.js";
import { migrationsUpTo } from "./migrations-up-to.js";

const dir = mkdtempSync(join(tmpdir(), "qxkb-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("upgrade to per-party service and objections", () => {
  it("keeps every served date and objection, and reopens service for the persons never served", () => {
    const db = openDb(join(dir, "old.db"));
    migrate(db, { migrationsFolder: migrationsUpTo(dir, 14) });
    const sql = db.$client;
    sql.pragma("foreign_keys = OFF");
    const insert = sql.prepare(
      `insert into blacklist_proceedings (id, case_id, order_id, stage, employer_name, grounds, unpaid_fen, unpaid_workers, facts, proposed_on,
         approved_on, notice_number, notice_served_on, objection_on, objection_text, verification_on, verification_text, decision_on, updated_at)
       values (?, 1, 1, ?, ?, 'group', 100, 10, '事实', '2026-01-05', '2026-01-06', ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    // Listed (served, objected, answered); pending and served with a person; pending without persons; proposed.
    insert.run(1, "listed", "甲公司", "告〔2026〕1号", "2026-01-07", "2026-01-08", "已支付一半", "2026-01-10", "不成立", "2026-02-01");
    insert.run(2, "noticed", "乙公司", "告〔2026〕2号", "2026-01-07", null, null, null, null, null);
    insert.run(3, "noticed", "丙公司", "告〔2026〕3号", "2026-01-07", null, null, null, null, null);
    insert.run(4, "proposed", "丁公司", null, null, null, null, null, null, null);
    sql.prepare("insert into blacklist_persons (proceeding_id, role, name, id_number) values (?, 'legalRep', '赵某', '220102197001016014')").run(2);

    migrate(db, { migrationsFolder: join(import.meta.dirname, "../../drizzle") });

    expect(sql.prepare("select document_id, party_key, party_name, method, served_on from document_services order by document_id").all()).toEqual([
      { document_id: 1, party_key: "employer", party_name: "甲公司", method: "direct", served_on: "2026-01-07" },
      { document_id: 2, party_key: "employer", party_name: "乙公司", method: "direct", served_on: "2026-01-07" },
      { document_id: 3, party_key: "employer", party_name: "丙公司", method: "direct", served_on: "2026-01-07" },
    ]);
    expect(sql.prepare("select proceeding_id, party_key, objection_on, text, answered_on, answer from blacklist_objections").all()).toEqual([
      { proceeding_id: 1, party_key: "employer", objection_on: "2026-01-08", text: "已支付一半", answered_on: "2026-01-10", answer: "不成立" },
    ]);
    expect(sql.prepare("select id, stage from blacklist_proceedings order by id").all()).toEqual([
      { id: 1, stage: "listed" },
      { id: 2, stage: "approved" },
      { id: 3, stage: "noticed" },
      { id: 4, stage: "proposed" },
    ]);
    const columns = (sql.prepare("pragma table_info(blacklist_proceedings)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("notice_served_on");
    expect(columns).toContain("late_reason");
    db.$client.close();
  });
});
