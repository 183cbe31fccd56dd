/**
 * Upgrading a database with early removals granted before the 移出决定书 had a 文号 (drizzle/0049_blacklist_removal_number.sql):
 * they keep no number — none is issued after the fact and no counter moves — and the proceeding page says so; the services
 * already recorded survive the service key's change to document, row and 文号 (drizzle/0050_document_services_per_number.sql).
 * docs/rules.md § The 移出决定书 after a reversal, and removals before numbering.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.js";
import { removalDocumentLabel } from "../../src/domain/blacklist.js";
import { migrationsUpTo } from "./migrations-up-to.js";

const dir = mkdtempSync(join(tmpdir(), "qxkb-upgrade-removals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("upgrade past the numbering of the 移出决定书", () => {
  it("leaves the removals granted before it unnumbered, counters untouched, and keeps the services recorded", () => {
    const db = openDb(join(dir, "old.db"));
    migrate(db, { migrationsFolder: migrationsUpTo(dir, 48) });
    const sql = db.$client;
    sql.pragma("foreign_keys = OFF");
    const insert = sql.prepare(
      `insert into blacklist_proceedings (id, case_id, order_id, stage, employer_name, grounds, unpaid_fen, unpaid_workers, facts, proposed_on,
         decision_number, decision_on, term_starts_on, term_ends_on, removed_on, removal_kind, removal_reason, updated_at)
       values (?, 1, 1, ?, ?, 'group', 100, 10, '事实', '2026-01-05', ?, '2026-02-01', '2026-02-01', '2029-02-01', ?, ?, ?, 0)`,
    );
    insert.run(1, "removed", "甲公司", "长人社失信决〔2026〕1号", "2026-08-03", "early", "已改正并作出信用承诺，提前移出");
    insert.run(2, "removed", "乙公司", "长人社失信决〔2026〕2号", "2026-03-02", "revoked", "指令书被撤销");
    insert.run(3, "listed", "丙公司", "长人社失信决〔2026〕3号", null, null, null);
    sql
      .prepare(
        `insert into document_services (case_id, document, document_id, document_number, party_key, party_name, method, served_on)
         values (1, 'blacklistDecision', 1, '长人社失信决〔2026〕1号', 'employer', '甲公司', 'direct', '2026-02-02')`,
      )
      .run();

    migrate(db, { migrationsFolder: join(import.meta.dirname, "../../drizzle") });

    const rows = sql.prepare("select stage, removal_kind as removalKind, removal_number as removalNumber from blacklist_proceedings order by id").all() as {
      stage: "removed" | "listed";
      removalKind: "early" | "revoked" | null;
      removalNumber: string | null;
    }[];
    expect(rows.map((r) => r.removalNumber)).toEqual([null, null, null]);
    expect(rows.map(removalDocumentLabel)).toEqual(["（未编号，系统出具移出决定书前作出）", null, null]);
    expect(sql.prepare("select count(*) from document_sequences where kind = 'blacklistRemoval'").pluck().get()).toBe(0);
    expect(sql.prepare("select document, document_number, party_key, served_on from document_services").all()).toEqual([
      { document: "blacklistDecision", document_number: "长人社失信决〔2026〕1号", party_key: "employer", served_on: "2026-02-02" },
    ]);
    const key = sql.prepare("select name from pragma_index_info('document_services_party_idx') order by seqno").pluck().all();
    expect(key).toEqual(["document", "document_id", "document_number", "party_key"]);
    db.$client.close();
  });
});
