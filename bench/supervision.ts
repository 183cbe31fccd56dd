/**
 * `npm run bench:supervision`: the supervisors' figures at scale, and the memory of a big export.
 * Fills a temporary database (BENCH_CASES cases over ten years, 15 % open, 200 inspectors, 1–5 workers each),
 * times the dashboard, the year's statistics and the clearance board (one request at a time), then serves
 * the app and streams every case as XLSX and CSV, sampling the process's RSS while it does.
 * Then 32 connections from a worker thread load each page for 5 s (p50/p95/p99).
 *   npm run bench:supervision                                   (100,000 cases, figures and exports)
 *   BENCH_CASES=1000000 BENCH_EXPORT=0 npm run bench:supervision (the figures at 1,000,000)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openDb } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { addDays } from "../src/domain/dates.js";
import { periodOf } from "../src/domain/statistics.js";
import { ensureCalendar, loadCalendar } from "../src/models/calendar.js";
import { clearanceBoard, dashboard } from "../src/models/dashboard.js";
import { figuresScope } from "../src/models/offices.js";
import { periodStatistics } from "../src/models/statistics.js";
import { CHANNELS, DISTRICTS } from "../src/domain/reference-data.js";
import { DEMO_PASSWORD, seedDemo } from "../seeds/index.js";

const N = Number(process.env.BENCH_CASES ?? 100_000);
/** The export runs over every case of the database: 100,000 by default (BENCH_EXPORT=0 skips it). */
const EXPORT = process.env.BENCH_EXPORT !== "0";
const today = "2026-11-23";
const dir = mkdtempSync(join(tmpdir(), "qx-bench-supervision-"));
const db = openDb(join(dir, "bench.db"));
migrateDb(db);
ensureCalendar(db, 2031);
await seedDemo(db);
const calendar = loadCalendar(db);
/** Every result line goes to the console and to bench/supervision-results-<cases>.md. */
const lines: string[] = [];
function report(line: string): void {
  console.log(line);
  lines.push(line);
}
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function fill(): void {
  const users = db.$client.prepare("insert into users (username, display_name, role, password_hash) values (?, ?, 'inspector', 'x')");
  const leads: number[] = [];
  for (let i = 0; i < 200; i++) leads.push(Number(users.run(`bench${i}`, `监察员${i}`).lastInsertRowid));
  const insertCase =
    db.$client.prepare(`insert into cases (case_number, query_code, channel, received_on, state, outcome, facts, claim, employer_name, district,
      is_construction, lead_inspector_id, acceptance_start_on, decided_on, filed_on, closed_on, working_days_taken, acceptance_due_on, target_due_on,
      statutory_due_on, calendar_revision, office_id)
    values (?, 'ABCDEF', ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, (select min(id) from offices where kind = 'city'))`);
  const insertWorker = db.$client.prepare(`insert into case_workers (case_id, name, sex, age, id_number, phone, claimed_fen, recovered_fen, is_representative)
    values (?, ?, '男', 40, '220102198503150011', '13812345678', ?, ?, ?)`);
  const openStates = ["received", "mediating", "awaiting_supplement", "filed", "filed", "filed"] as const;
  const span = 3650;
  db.$client.transaction(() => {
    for (let i = 0; i < N; i++) {
      const open = i % 10 < 3 && i >= N / 2; // 15 % open, all among the newer half
      const received = addDays(today, -Math.floor(((N - 1 - i) / N) * span) - (open ? 0 : 10));
      const state = open ? openStates[i % openStates.length]! : "closed";
      const filedOn = state === "filed" || (!open && i % 3 !== 0) ? calendar.addWorkingDays(received, 1).date : null;
      const taken = open ? null : 2 + (i % 13);
      const closedOn = taken === null ? null : calendar.addWorkingDays(received, taken).date;
      const id = insertCase.run(
        `QX-B-${i}`,
        CHANNELS[i % CHANNELS.length],
        received,
        state,
        open ? null : i % 3 === 0 ? "mediated" : "paidAfterOrder",
        `单位${i % 5000}`,
        DISTRICTS[i % DISTRICTS.length],
        i % 2,
        leads[i % leads.length],
        received,
        open && state !== "filed" ? null : received,
        filedOn,
        closedOn,
        taken,
        calendar.addWorkingDays(received, 5).date,
        calendar.addWorkingDays(received, 8).date,
        filedOn ? calendar.addWorkingDays(filedOn, 60).date : null,
      ).lastInsertRowid;
      for (let w = 0, n = 1 + (i % 4); w < n; w++) insertWorker.run(id, `工人${w}`, 800000, open ? null : 700000, w === 0 ? 1 : 0);
    }
  })();
  db.$client.exec("analyze");
}

function time(label: string, run: () => unknown, repeat = 20): void {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  report(`${label.padEnd(44)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}

let start = performance.now();
fill();
report(`filled ${N.toLocaleString()} cases in ${((performance.now() - start) / 1000).toFixed(1)} s`);
time("dashboard (every clock, per inspector)", () => dashboard(db, today, figuresScope(db, null).officeIds));
time("statistics: this year", () => periodStatistics(db, periodOf("year", today), figuresScope(db, null).officeIds, "全市"));
time("statistics: this month", () => periodStatistics(db, periodOf("month", today), figuresScope(db, null).officeIds, "全市"));
time("clearance board", () => clearanceBoard(db, today, figuresScope(db, null).officeIds));

// ---- A big export through the real app, RSS sampled while it streams ----------------------------------

const app = createApp({ db, config: readConfig({ NODE_ENV: "test", EVIDENCE_DIR: join(dir, "evidence") }), now: () => new Date(`${today}T02:00:00Z`) });
app.enable("view cache"); // compiled templates kept, as Express does in production
const server = app.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/login`, {
  method: "POST",
  redirect: "manual",
  headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
  body: `username=supervisor1&password=${DEMO_PASSWORD}`,
});
const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

async function measureExport(path: string): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  let heapPeak = before.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 20);
  start = performance.now();
  const bytes = await new Promise<number>((resolve, reject) => {
    get(`${base}${path}`, { headers: { cookie } }, (res) => {
      let n = 0;
      res.on("data", (chunk: Buffer) => (n += chunk.length));
      res.on("end", () => resolve(n));
      res.on("error", reject);
    });
  });
  clearInterval(sampler);
  global.gc?.();
  const after = process.memoryUsage();
  report(
    `export ${path.padEnd(32)} ${mib(bytes).padStart(7)} in ${((performance.now() - start) / 1000).toFixed(1)} s; ` +
      `RSS ${mib(before.rss)} → peak ${mib(peak)} → ${mib(after.rss)} after GC; JS heap ${mib(before.heapUsed)} → peak ${mib(heapPeak)} → ${mib(after.heapUsed)}`,
  );
}

/** CONNECTIONS clients in a worker thread (its own event loop) hammer one page for SECONDS. */
async function load(path: string, connections = 32, seconds = 5, quiet = false): Promise<void> {
  const code = `
    const { parentPort, workerData: w } = require("node:worker_threads");
    const http = require("node:http");
    const agent = new http.Agent({ keepAlive: true, maxSockets: w.connections });
    const samples = []; let errors = 0; const end = Date.now() + w.seconds * 1000;
    const once = () => new Promise((resolve) => {
      const t0 = performance.now();
      http.get(w.url, { agent, headers: { cookie: w.cookie } }, (res) => {
        res.resume();
        res.on("end", () => { if (res.statusCode === 200) samples.push(performance.now() - t0); else errors++; resolve(); });
      }).on("error", () => { errors++; resolve(); });
    });
    const loop = async () => { while (Date.now() < end) await once(); };
    Promise.all(Array.from({ length: w.connections }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ samples, errors }); });`;
  const worker = new Worker(code, { eval: true, workerData: { url: `${base}${path}`, cookie, connections, seconds } });
  const { samples, errors } = await new Promise<{ samples: number[]; errors: number }>((resolve) => worker.once("message", resolve));
  samples.sort((a, b) => a - b);
  const p = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN).toFixed(0);
  if (quiet) return;
  report(
    `${path.padEnd(40)} ${connections} connections: ${(samples.length / seconds).toFixed(1).padStart(7)} req/s  p50 ${p(0.5).padStart(5)} ms  p95 ${p(0.95).padStart(5)} ms  p99 ${p(0.99).padStart(5)} ms${errors ? `  ${errors} errors` : ""}`,
  );
}

for (const page of ["/dashboard", "/statistics", "/dashboard/clearance"]) {
  await load(page, 32, 1, true); // warm-up: JIT and the first computation, not counted
  await load(page);
}
if (EXPORT) {
  report(`exports of all ${N.toLocaleString()} cases:`);
  await measureExport("/exports/cases.xlsx?state=all");
  await measureExport("/exports/cases.csv?state=all");
}
server.close();
const results = join(dirname(fileURLToPath(import.meta.url)), `supervision-results-${N}.md`);
writeFileSync(
  results,
  `# bench:supervision — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpus().length} cores, ${N.toLocaleString()} cases\n\n` +
    `Single requests are the model functions alone; the loads are full pages (session, figures, EJS, charts) served by the app,\n` +
    `32 connections from a worker thread for 5 s, no writes during the load (a write makes the next request recompute).\n\n` +
    "```\n" +
    lines.join("\n") +
    "\n```\n",
);
console.log(`wrote ${results}`);
db.$client.close();
rmSync(dir, { recursive: true, force: true });
