/**
 * After a calendar change, every case's stored due dates and days taken are what the domain computes from
 * the new calendar — whether the recomputation looks only at the moved start dates (the previous calendar
 * given, as the calendar model does) or checks every affected case.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { dueDates } from "../../src/domain/clocks.js";
import { loadCalendar, saveYearSchedule } from "../../src/models/calendar.js";
import { bulkSeed } from "../../seeds/bulk.js";

const TODAY = "2026-11-20";
let db: Db;

beforeEach(async () => {
  db = openDb(":memory:");
  migrateDb(db);
  await bulkSeed(db, { cases: 1500, inspectors: 10, today: TODAY, years: 1 });
});

function mismatches(): string[] {
  const calendar = loadCalendar(db);
  const rows = db.$client
    .prepare(`select id, state, received_on as receivedOn, acceptance_start_on as acceptanceStartOn, filed_on as filedOn, extension_days as extensionDays,
      closed_on as closedOn, acceptance_due_on as a, target_due_on as t, statutory_due_on as s, working_days_taken as taken from cases
      where (state <> 'closed' or closed_on >= '2026-01-01') and id not in (select case_id from case_events where action = 'reopen')`)
    .all() as {
    id: number;
    state: string;
    receivedOn: string;
    acceptanceStartOn: string;
    filedOn: string | null;
    extensionDays: number;
    closedOn: string | null;
    a: string;
    t: string;
    s: string | null;
    taken: number | null;
  }[];
  const bad: string[] = [];
  for (const r of rows) {
    const due = dueDates(r, calendar);
    if (due.acceptanceDueOn !== r.a || due.targetDueOn !== r.t || due.statutoryDueOn !== r.s)
      bad.push(`case ${r.id}: ${JSON.stringify([r.a, r.t, r.s])} ≠ ${JSON.stringify(due)}`);
    if (r.closedOn && r.taken !== calendar.workingDaysBetween(r.receivedOn, r.closedOn).days) bad.push(`case ${r.id}: taken ${r.taken}`);
  }
  expect(rows.length).toBeGreaterThan(300);
  return bad;
}

function schedule2026() {
  const days = loadCalendar(db)
    .days()
    .filter((d) => d.year === 2026);
  return {
    holidays: days.filter((d) => d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" })),
    makeupWorkdays: days.filter((d) => d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" })),
  };
}

describe("deadlines after a calendar change, on a bulk database", () => {
  it("moves every due date and days taken that the change moves, and only those rows", () => {
    const admin = (db.$client.prepare("select id from users where role = 'admin'").get() as { id: number }).id;
    const { holidays, makeupWorkdays } = schedule2026();
    expect(mismatches()).toEqual([]);
    const revisionBefore = db.$client.prepare("select max(calendar_revision) as r from cases").get() as { r: number };
    // Two new holidays in the autumn and a makeup Saturday: many open and recently closed cases move.
    saveYearSchedule(
      db,
      2026,
      {
        holidays: [...holidays, { date: "2026-10-27", name: "测试" }, { date: "2026-11-23", name: "测试" }],
        makeupWorkdays: [...makeupWorkdays, { date: "2026-11-14", name: "测试" }],
        source: "测试",
        publish: false,
      },
      admin,
      "测试",
    );
    expect(mismatches()).toEqual([]);
    const moved = db.$client.prepare("select count(*) as n from cases where calendar_revision > ?").get(revisionBefore.r) as { n: number };
    const all = db.$client.prepare("select count(*) as n from cases").get() as { n: number };
    expect(moved.n).toBeGreaterThan(0);
    expect(moved.n).toBeLessThan(all.n / 2);
    // And back.
    saveYearSchedule(db, 2026, { holidays, makeupWorkdays, source: "测试", publish: false }, admin, "测试");
    expect(mismatches()).toEqual([]);
  });
});
