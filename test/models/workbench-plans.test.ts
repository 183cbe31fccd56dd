/**
 * The workbench at scale, proven on a bulk-seeded database (seeds/bulk.ts) with ANALYZE run:
 * - no query the workbench issues, for any filter combination, role or day, scans cases, case_workers or
 *   case_events (every step on them is an index search);
 * - its SQL clock filters and ordering agree with domain/clocks.ts, case by case, on a working day, a rest
 *   day right after a Friday due date, a holiday and a makeup workday.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { openDb, type Db } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import * as schema from "../../src/db/schema.js";
import { CASE_STATES } from "../../src/domain/case-states.js";
import { caseClocks, rankingClock } from "../../src/domain/clocks.js";
import { DISTRICTS } from "../../src/domain/reference-data.js";
import { loadCalendar } from "../../src/models/calendar.js";
import { listCases, remindersFor, type CaseFilters, type ClockFilter } from "../../src/models/case-list.js";
import { inspectorWorkloads } from "../../src/models/cases.js";
import { acknowledgementQueue } from "../../src/models/jurisdiction.js";
import { CLOCK_FILTER_KEYS } from "../../src/models/dashboard.js";
import { bulkSeed } from "../../seeds/bulk.js";
import type { CaseListScope } from "../../src/domain/case-abilities.js";

// It builds a bulk database of its own: generous on a loaded 2-core machine (speed is not what it asserts).
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

// The data ends on a Friday; every day checked is on or after it (a clock is not read before its start).
const TODAY = "2026-09-18";
let db: Db;
let logged: Db;
const captured: { sql: string; params: unknown[] }[] = [];
let id: (q: string) => number;
let supervisor: CaseListScope, inspector: CaseListScope & { kind: "assigned" }, clerk: CaseListScope, inspectorId: number;

beforeAll(async () => {
  db = openDb(":memory:");
  migrateDb(db);
  await bulkSeed(db, { cases: 3000, inspectors: 20, today: TODAY, years: 1 });
  logged = drizzle(db.$client, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as unknown as Db;
  supervisor = { kind: "all", access: "full", officeId: null };
  id = (q: string) => (db.$client.prepare(q).get() as { id: number }).id;
  clerk = { kind: "registered", clerkId: id("select id from users where role = 'clerk'") };
  inspectorId = id("select user_id as id from inspector_open_cases order by open_cases desc limit 1");
  inspector = { kind: "assigned", inspectorId };
}, 60_000);

/** The table (or alias) of every full-scan step in a statement's plan. */
function scannedTables(sql: string, params: unknown[]): string[] {
  const plan = db.$client.prepare(`explain query plan ${sql}`).all(...(params as never[])) as { detail: string }[];
  return plan.map((p) => /^SCAN (\S+)/.exec(p.detail)?.[1]).filter((t): t is string => t !== undefined);
}

// Tables a plan may scan: small reference tables (the calendar is read once per process), the FTS virtual
// tables (a MATCH is their index), the subquery of matching ids ("m"), the list of ids a text matched
// (json_each, at most MATCHED_ONCE), a capped count's own subquery and a constant row. The
// workbench's own SQL calls cases "c" and case_workers "w", so neither may appear.
const MAY_SCAN = new Set(["users", "u", "inspector_open_cases", "calendar_years", "calendar_days", "m", "f", "cases_fts", "case_workers_fts", "json_each"]);
const mayScan = (table: string) => MAY_SCAN.has(table) || table.startsWith("(subquery-") || table === "CONSTANT";

describe("workbench query plans", () => {
  it("never scans cases, case_workers or case_events, whatever the filters", () => {
    const worker = db.$client.prepare("select name from case_workers where length(name) = 3 limit 1").get() as { name: string };
    const employer = db.$client.prepare("select employer_name from cases limit 1").get() as { employer_name: string };
    const searches = ["", worker.name.slice(0, 2), worker.name, employer.employer_name.slice(2, 6), employer.employer_name, "QX-2026-0001", "2025-00"];
    const officeId = id("select office_id as id from cases group by office_id order by count(*) desc limit 1");
    // An office's supervisor and the city's with the office filter (属地管理): the office leads the index searched.
    const scopes: CaseListScope[] = [
      supervisor,
      inspector,
      { kind: "all", access: "masked", officeId: null },
      clerk,
      { kind: "all", access: "full", officeId },
    ];
    const extras: Partial<CaseFilters>[] = [
      {},
      { district: DISTRICTS[0] },
      { channel: "window" },
      { district: DISTRICTS[1], channel: "online", inspectorId },
      { page: 4 },
      { officeId: 2 },
      { inspectorId, leadOnly: true },
      { inspectorId, leadOnly: true, clockOn: "worst", clock: "overdue" },
      ...CLOCK_FILTER_KEYS.map((clockOn) => ({ clockOn })),
    ];
    captured.length = 0;
    for (const scope of scopes)
      for (const state of ["open", "all", ...CASE_STATES] as const)
        for (const clock of ["", "normal", "dueSoon", "overdue"] as const)
          for (const q of searches)
            for (const extra of extras)
              listCases(
                logged,
                scope,
                {
                  state,
                  clock,
                  district: "",
                  channel: "",
                  officeId: null,
                  q,
                  inspectorId: null,
                  everyCase: scope.kind === "all" && scope.access === "masked",
                  page: 1,
                  ...extra,
                },
                TODAY,
              );
    for (const scope of [supervisor, inspector, clerk, { kind: "all", access: "full", officeId } as const])
      for (const day of [TODAY, "2026-09-19", "2026-09-20", "2026-10-05", "2026-10-10"]) remindersFor(logged, scope, day);
    inspectorWorkloads(logged);
    // An office's 签收 queue (the city's reads the partial index of unacknowledged cases in order, a few rows).
    acknowledgementQueue(logged, officeId, TODAY);

    const seen = new Set<string>();
    const offending: string[] = [];
    for (const { sql, params } of captured) {
      const key = sql + JSON.stringify(params);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const table of scannedTables(sql, params)) if (!mayScan(table)) offending.push(`SCAN ${table}: ${sql}`);
    }
    expect(seen.size).toBeGreaterThan(1000);
    expect(offending.slice(0, 3)).toEqual([]);
  });
});

describe("workbench clocks agree with domain/clocks.ts", () => {
  // Friday; the Saturday after it; a makeup Sunday; a National Day holiday; a makeup Saturday.
  it.each([TODAY, "2026-09-19", "2026-09-20", "2026-10-05", "2026-10-10"])("on %s", (today) => {
    const calendar = loadCalendar(db);
    const open = db.$client
      .prepare(
        "select id, state, received_on as receivedOn, acceptance_start_on as acceptanceStartOn, decided_on as decidedOn, filed_on as filedOn, extension_days as extensionDays, closed_on as closedOn from cases where state <> 'closed'",
      )
      .all() as Parameters<typeof caseClocks>[0][] & { id: number }[];
    const expected = new Map<string, number[]>([
      ["normal", []],
      ["dueSoon", []],
      ["overdue", []],
    ]);
    for (const c of open) {
      const urgent = rankingClock(caseClocks(c as Parameters<typeof caseClocks>[0], calendar, today));
      if (urgent) expected.get(urgent.status)!.push((c as { id: number }).id);
    }
    for (const clock of ["normal", "dueSoon", "overdue"] as ClockFilter[]) {
      const ids: number[] = [];
      const lefts: number[] = [];
      for (let page = 1; ; page++) {
        const { rows } = listCases(
          db,
          supervisor,
          { state: "open", clock, district: "", channel: "", officeId: null, q: "", inspectorId: null, everyCase: false, page },
          today,
        );
        for (const r of rows) {
          expect(r.urgent?.status).toBe(clock);
          ids.push(r.id);
          // Cases ranked by a legal clock first, then those where none runs (the target), each by days left.
          lefts.push((r.urgent!.key === "target" ? 1000 : 0) + r.urgent!.left);
        }
        if (rows.length === 0) break;
      }
      expect(ids.sort((a, b) => a - b)).toEqual(expected.get(clock)!.sort((a, b) => a - b));
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
    }
    expect(expected.get("overdue")!.length).toBeGreaterThan(0);
    if (today === TODAY) expect(expected.get("dueSoon")!.length).toBeGreaterThan(0);
  });
});

describe("an inspector's list", () => {
  it("pages through their open cases legal deadlines first, then their closed ones newest first, each once", () => {
    const mine = db.$client
      .prepare(
        "select id, state, urgent_due_on as due, urgent_clock as clock, closed_on as closedOn from cases where lead_inspector_id = ? or second_inspector_id = ?",
      )
      .all(inspectorId, inspectorId) as { id: number; state: string; due: string | null; clock: string | null; closedOn: string | null }[];
    const byId = new Map(mine.map((c) => [c.id, c]));
    const seen: number[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const result = listCases(
        db,
        inspector,
        { state: "all", clock: "", district: "", channel: "", officeId: null, q: "", inspectorId: null, everyCase: false, page },
        TODAY,
      );
      total = result.total;
      if (result.rows.length === 0) break;
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual(mine.map((c) => c.id).sort((a, b) => a - b));
    expect(total).toBe(mine.length);
    const keys = seen.map((id) => byId.get(id)!);
    const open = keys.filter((c) => c.due !== null);
    expect(keys.slice(0, open.length)).toEqual(open);
    // Legal deadlines first (docs/rules.md): the cases ranked by a legal clock by due date, then the others.
    const rank = (c: { clock: string | null; due: string | null }) => `${c.clock === "target" ? 1 : 0}${c.due}`;
    expect(open.map(rank)).toEqual(open.map(rank).sort());
    const closed = keys.slice(open.length).map((c) => c.closedOn);
    expect(closed).toEqual([...closed].sort().reverse());
  });
});
