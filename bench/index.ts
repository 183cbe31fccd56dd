/**
 * `npm run bench`: the deadline machinery at scale. Fills a temporary database with many cases and times
 * the workbench query (sorted by working days left, computed in SQL from the calendar ordinals), the
 * overdue filter, the recomputation after a calendar change, and intake.
 *   BENCH_CASES=1000000 npm run bench
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDb } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { addDays } from "../src/domain/dates.js";
import { ensureCalendar, loadCalendar } from "../src/models/calendar.js";
import { listCases, type CaseFilters } from "../src/models/case-list.js";
import { registerCase } from "../src/models/cases.js";
import { recomputeOpenDeadlines } from "../src/models/deadlines.js";
import { seedDemo } from "../seeds/index.js";

const N = Number(process.env.BENCH_CASES ?? 200_000);
const dir = mkdtempSync(join(tmpdir(), "qx-bench-"));
const db = openDb(join(dir, "bench.db"));
migrateDb(db);
ensureCalendar(db, 2031);
await seedDemo(db);
const calendar = loadCalendar(db);
const today = "2026-11-23";

function time<T>(label: string, run: () => T, repeat = 1): T {
  let result!: T;
  const start = performance.now();
  for (let i = 0; i < repeat; i++) result = run();
  const ms = (performance.now() - start) / repeat;
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${repeat > 1 ? ` (mean of ${repeat})` : ""}`);
  return result;
}

time(`insert ${N.toLocaleString()} cases`, () => {
  const insert = db.$client.prepare(`insert into cases (case_number, query_code, channel, received_on, state, facts, claim, employer_name, district,
    acceptance_start_on, acceptance_due_on, target_due_on, statutory_due_on, filed_on, calendar_revision, lead_inspector_id)
    values (?, 'ABCDEF', 'window', ?, ?, '', '', ?, '南关区', ?, ?, ?, ?, ?, 1, 3)`);
  const states = ["received", "filed", "filed", "closed", "closed", "closed", "mediating", "awaiting_supplement"] as const;
  db.$client.transaction(() => {
    for (let i = 0; i < N; i++) {
      const received = addDays(today, -(i % 400));
      const state = states[i % states.length]!;
      const filedOn = state === "filed" ? calendar.addWorkingDays(received, 1).date : null;
      insert.run(`QX-B-${i}`, received, state, `单位${i % 5000}`, received, calendar.addWorkingDays(received, 5).date, calendar.addWorkingDays(received, 8).date, filedOn ? calendar.addWorkingDays(filedOn, 60).date : null, filedOn);
    }
  })();
});

const supervisor = { kind: "all", access: "full" } as const;
const filters: CaseFilters = { state: "open", clock: "", district: "", channel: "", q: "", inspectorId: null, everyCase: false, page: 1 };
time("workbench: open cases, most urgent first (page 1)", () => listCases(db, supervisor, filters, today), 5);
time("workbench: overdue filter", () => listCases(db, supervisor, { ...filters, clock: "overdue" }, today), 5);
time("workbench: text search on employer", () => listCases(db, supervisor, { ...filters, q: "单位123" }, today), 5);
time("recompute every open case's deadlines (one SQL statement per clock)", () => db.transaction((tx) => recomputeOpenDeadlines(tx)));
time("register one case (transaction, numbering, timeline)", () =>
  registerCase(db, {
    channel: "window", platformClueNo: null, receivedOn: today, facts: "f", claim: "c", employerName: "e", employerUscc: null, employerLegalRep: "", employerAddress: "",
    district: "南关区", isConstruction: false, projectName: "", projectAddress: "", generalContractor: "", subcontractor: "", teamLeader: "",
    workers: [{ name: "n", sex: "男", age: 30, idNumber: "11010519491231002X", phone: "13800000000", hometown: "", occupation: "", workPeriod: "", claimedFen: 100, isRepresentative: true }],
  }, { actorId: null, now: new Date() }), 200);
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
