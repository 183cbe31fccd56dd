/**
 * Upgrade without loss (drizzle/0023_one_office.sql): a populated single-office database, migrated up to the
 * migration before offices existed, is migrated to the current schema; every case, user, worker, timeline row
 * and document number is still there with the same sums, and all of it now belongs to the one city office.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";
import { projectRoot } from "../../src/lib/project-root.js";

const LAST_SINGLE_OFFICE = "0014_form_throttles";

/** The migrations folder as it was before offices: the journal cut after LAST_SINGLE_OFFICE. */
function singleOfficeMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "qx-migrations-"));
  cpSync(join(projectRoot, "drizzle"), dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === LAST_SINGLE_OFFICE);
  expect(last).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** A single-office bureau's data: users, 3,000 cases over the districts in every state, workers with money, events, numbers. */
function populate(db: Db): void {
  db.$client.exec(`
    insert into users (username, display_name, role, password_hash) values
      ('admin', '管理员', 'admin', 'x'), ('clerk1', '窗口', 'clerk', 'x'), ('inspector1', '监察员', 'inspector', 'x'), ('supervisor1', '科长', 'supervisor', 'x');
    insert into calendar_years (year, published, source) values (2026, 1, 'test');
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
    insert into cases (case_number, query_code, channel, received_on, state, outcome, facts, claim, employer_name, district,
      registered_by_id, lead_inspector_id, acceptance_start_on, closed_on, acceptance_due_on, target_due_on, calendar_revision, created_at)
    select printf('QX-2026-%06d', i), 'ABCDEF', 'window', printf('2026-%02d-%02d', 1 + i % 11, 1 + i % 28),
      case i % 5 when 0 then 'received' when 1 then 'mediating' when 2 then 'filed' else 'closed' end,
      case when i % 5 >= 3 then 'mediated' end, '事实', '请求', printf('单位%d', i % 97),
      case i % 4 when 0 then '南关区' when 1 then '朝阳区' when 2 then '榆树市' else '旧城区' end,
      2, 3, '2026-01-01', case when i % 5 >= 3 then '2026-06-30' end, '2026-01-08', '2026-01-13', 1, 1767225600 + i
    from n;
    insert into case_workers (case_id, name, sex, age, id_number, phone, claimed_fen, recovered_fen, is_representative)
      select id, '工人', '男', 40, '220102198503150011', '13812345678', 100000 + id, case when state = 'closed' then 90000 + id end, 1 from cases;
    insert into case_events (case_id, at, on_date, actor_id, action, note) select id, created_at, received_on, 2, 'register', '登记投诉' from cases;
    insert into document_sequences (kind, year, last) values ('order', 2026, 41), ('decision', 2026, 7), ('order', 2025, 120);
  `);
}

const FIGURES = {
  cases: "select count(*) from cases",
  users: "select count(*) from users",
  workers: "select count(*) from case_workers",
  events: "select count(*) from case_events",
  claimed: "select sum(claimed_fen) from case_workers",
  recovered: "select sum(recovered_fen) from cases",
  helped: "select sum(workers_helped) from cases",
  open: "select count(*) from cases where urgent_due_on is not null",
  byDistrict: "select group_concat(district || ':' || n) from (select district, count(*) as n from cases group by district order by district)",
  numbers: "select group_concat(kind || year || ':' || last) from (select * from document_sequences order by kind, year)",
};

let db: Db;
let before: Record<string, unknown>;
const figure = (sql: string) => db.$client.prepare(sql).pluck().get();

beforeAll(() => {
  db = openDb(":memory:");
  migrate(db, { migrationsFolder: singleOfficeMigrations() });
  populate(db);
  before = Object.fromEntries(Object.entries(FIGURES).map(([k, sql]) => [k, figure(sql)]));
  migrate(db, { migrationsFolder: join(projectRoot, "drizzle") });
});

describe("migrating a single-office database", () => {
  it("keeps every count and sum", () => {
    const after = Object.fromEntries(Object.entries(FIGURES).map(([k, sql]) => [k, figure(sql)]));
    expect(after).toEqual(before);
    expect(before.cases).toBe(3000);
    expect(before.recovered).toBeGreaterThan(0);
  });

  it("creates one city office holding every case, user and document number", () => {
    expect(figure("select count(*) from offices")).toBe(1);
    const city = figure("select id from offices where kind = 'city'");
    expect(figure(`select count(*) from cases where office_id = ${city}`)).toBe(3000);
    expect(figure(`select count(*) from users where office_id = ${city}`)).toBe(4);
    expect(figure(`select count(*) from document_sequences where office_id = ${city}`)).toBe(3);
  });

  it("turns every district a case named into a division of that office, and points each case at its division", () => {
    expect(figure("select count(*) from cases c join divisions d on d.id = c.division_id where d.name = c.district")).toBe(3000);
    // The city's standard divisions, and the one district only old cases named.
    expect(figure("select count(*) from divisions where name = '旧城区'")).toBe(1);
    expect(figure("select count(*) from divisions where office_id is null")).toBe(0);
  });

  it("leaves nothing waiting for 签收: the one office received every case", () => {
    expect(figure("select count(*) from cases where acknowledged_at is null")).toBe(0);
    expect(figure("select count(*) from cases where arrived_on = received_on and arrived_by = 'routed'")).toBe(3000);
  });

  it("from now on refuses a case without an office", () => {
    expect(() => db.$client.prepare("update cases set office_id = null where id = 1").run()).toThrow("cases.office_id is required");
    expect(() =>
      db.$client
        .prepare(
          "insert into cases (case_number, query_code, channel, received_on, state, facts, claim, employer_name, district, acceptance_start_on, acceptance_due_on, target_due_on, calendar_revision) values ('QX-X', 'A', 'window', '2026-01-01', 'received', '', '', '', '南关区', '2026-01-01', '2026-01-08', '2026-01-13', 1)",
        )
        .run(),
    ).toThrow("cases.office_id is required");
  });

  it("numbers the next document after the migrated counter", () => {
    const next = db.$client
      .prepare(
        "insert into document_sequences (office_id, kind, year, last) values ((select id from offices where kind = 'city'), 'order', 2026, 1) on conflict(office_id, kind, year) do update set last = last + 1 returning last",
      )
      .pluck()
      .get();
    expect(next).toBe(42);
  });
});
