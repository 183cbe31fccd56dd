/**
 * Upgrading a database made when the 事先告知书 kept its own service columns (drizzle/0039_prior_notice_services.sql,
 * then 0040 drops the columns): every recorded service moves to the one service record with its date and method,
 * and the statement period still runs from that date (docs/rules.md § Service of documents).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.js";
import { migrationsUpTo } from "./migrations-up-to.js";
import { priorNoticesOf } from "../../src/models/prior-notices.js";
import { testCalendar } from "../fixtures/calendars.js";

const dir = mkdtempSync(join(tmpdir(), "qxkb-upgrade-notices-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("upgrade to one service record for the 事先告知书", () => {
  it("keeps every served date and method, and leaves the unserved notices waiting for service", () => {
    const db = openDb(join(dir, "old.db"));
    migrate(db, { migrationsFolder: migrationsUpTo(dir, 38) });
    const sql = db.$client;
    sql.pragma("foreign_keys = OFF");
    sql
      .prepare(
        `insert into cases (id, case_number, query_code, channel, received_on, employer_name, district, facts, claim, state, acceptance_start_on,
           acceptance_due_on, target_due_on, calendar_revision, office_id, updated_at)
         values (7, 'QX-2026-000007', 'ABC123', 'window', '2026-11-02', '长春市某劳务有限公司', '南关区', '事实', '诉求', 'filed', '2026-11-02',
           '2026-11-09', '2026-11-12', 1, 1, 0)`,
      )
      .run();
    const insert = sql.prepare(
      `insert into prior_notices (id, case_id, order_id, kind, doc_number, issued_on, facts, grounds, intended, served_on, service_method, statement_due_on)
       values (?, 7, 1, 'decision', ?, '2026-11-16', '事实', '理由', '拟决定', ?, ?, ?)`,
    );
    insert.run(1, "长人社监告〔2026〕1号", "2026-11-16", "直接送达", "2026-11-23");
    insert.run(2, "长人社监告〔2026〕2号", "2026-11-17", "邮寄送达", "2026-11-24");
    insert.run(3, "长人社监告〔2026〕3号", "2026-12-26", "公告送达", "2027-01-04");
    insert.run(4, "长人社监告〔2026〕4号", null, "", null);

    migrate(db, { migrationsFolder: join(import.meta.dirname, "../../drizzle") });

    expect(
      sql
        .prepare(
          "select document, document_id, document_number, party_key, party_name, method, served_on, published_on from document_services order by document_id",
        )
        .all(),
    ).toEqual([
      {
        document: "priorNotice",
        document_id: 1,
        document_number: "长人社监告〔2026〕1号",
        party_key: "employer",
        party_name: "长春市某劳务有限公司",
        method: "direct",
        served_on: "2026-11-16",
        published_on: null,
      },
      {
        document: "priorNotice",
        document_id: 2,
        document_number: "长人社监告〔2026〕2号",
        party_key: "employer",
        party_name: "长春市某劳务有限公司",
        method: "post",
        served_on: "2026-11-17",
        published_on: null,
      },
      {
        document: "priorNotice",
        document_id: 3,
        document_number: "长人社监告〔2026〕3号",
        party_key: "employer",
        party_name: "长春市某劳务有限公司",
        method: "publicNotice",
        served_on: "2026-12-26",
        published_on: "2026-11-26",
      },
    ]);
    expect(sql.prepare("select note from document_services where document_id = 2").pluck().get()).toBe("升级前登记的送达（邮寄送达），签收人未记录");
    const columns = (sql.prepare("pragma table_info(prior_notices)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("served_on");
    expect(columns).not.toContain("service_method");
    expect(columns).not.toContain("statement_due_on");
    // The statement period runs from the kept date as before: served Mon 11-16 → the 5th working day, Mon 11-23.
    const notices = priorNoticesOf(db, testCalendar(), 7);
    expect(notices.map((n) => [n.id, n.servedOn, n.statementDueOn])).toEqual([
      [1, "2026-11-16", "2026-11-23"],
      [2, "2026-11-17", "2026-11-24"],
      [3, "2026-12-26", "2027-01-04"],
      [4, null, null],
    ]);
    db.$client.close();
  });
});
