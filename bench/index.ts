/**
 * `npm run bench [-- --cases 1000000] [--duration 10] [--runs 3] [--app <dir>] [--out bench/results.md]`
 *
 * Starts the real, compiled server on a copy of a bulk database (seeds/bulk.ts, kept in bench/.data/),
 * drives it from this process with autocannon at 32 connections, and prints one table: every workbench
 * list and filter, text search, the workbench, the dashboard and the transfers page as a district office's supervisor
 * (南关区) beside the city's, a 35-worker case page as inspector and as supervisor, the project list, a project, a special action, a fund and the
 * open risk points (issue 23), intake (one worker and
 * a 35-worker group), the public lookup and, in the same run, a bare Express 5 + EJS page rendering a 50-row
 * table — each page's throughput as a share of the bare page's, with p50/p95/p99 latency. Then cold start
 * (on the bulk database and on a fresh one), the server's peak RSS, and the deadline recomputation after a
 * calendar change. Writes the table to bench/results.md (or --out) with the machine and the date.
 *
 * Two rows ask 100 requests a second at random moments (pages rendered afresh): the latency a bureau sees at its
 * peak, without the queue that 32 connections asking as fast as they can build on one process.
 *
 * `--only <regex>` measures only the pages whose name matches (and the baseline), without the calendar change.
 *
 * `--accept-encoding "gzip, deflate, br"` sends that header with every request, as a browser does: pages then go
 * compressed (src/http/compress.ts) and cost what compressing them costs. Without it nothing is compressed.
 *
 * `--profile` runs the server under `node --cpu-prof` and adds a table of where each page's CPU time goes per
 * request (bench/profile.ts): session check, queries, templates, helmet, CSRF, logging, Express, Node's http.
 *
 * `--app <dir>` benchmarks another checkout (e.g. the previous main, for before/after figures) on the same
 * database; its server is started as its own `npm start` would start it (`--app-cmd tsx` for tsx).
 */
import { gzipSync } from "node:zlib";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { openDb, type Db } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { addDays, shanghaiDate, yearOf } from "../src/domain/dates.js";
import { idNumberCheckChar } from "../src/domain/identifiers.js";
import { loadCalendar, saveYearSchedule } from "../src/models/calendar.js";
import { recomputeOpenDeadlines } from "../src/models/deadlines.js";
import { bulkSeed } from "../seeds/bulk.js";
import { PART_NAMES, breakdown, readProfile } from "./profile.js";
import { DEMO_PASSWORD } from "../seeds/index.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const N = Number(arg("cases", "100000"));
const DURATION = Number(arg("duration", "5"));
const RUNS = Number(arg("runs", "1"));
const CONNECTIONS = 32;
const APP_DIR = resolve(arg("app", "."));
const APP_CMD = arg("app-cmd", "node");
/** WEB_WORKERS for the server (src/config.ts); unset: the app's default. */
const WORKERS = arg("workers", "");
const OUT = arg("out", "bench/results.md");
const PROFILE = process.argv.includes("--profile");
/** Accept-Encoding sent with every request under load (a browser's "gzip, deflate, br"); empty: none. */
const ACCEPT_ENCODING = arg("accept-encoding", "");
/** Only the pages whose name matches (and the baseline): a quick look at a few rows, no calendar change measured. */
const ONLY = process.argv.includes("--only") ? new RegExp(arg("only", ".")) : undefined;
const DB_PATH = resolve(arg("db", `bench/.data/bulk-${N}.db`));
const PORT = 3190;
const BARE_PORT = 3191;
const today = shanghaiDate(new Date());

// ---- The database -------------------------------------------------------------------------------

mkdirSync("bench/.data", { recursive: true });
if (!existsSync(DB_PATH)) {
  console.log(`building ${DB_PATH} with ${N.toLocaleString()} cases (kept for later runs)…`);
  const db = openDb(DB_PATH);
  migrateDb(db);
  const r = await bulkSeed(db, { cases: N, today, log: console.log });
  db.$client.close();
  console.log(`  done in ${(r.ms / 1000).toFixed(0)} s`);
}

// What the pages will ask for, picked once from the data.
const picks = (() => {
  const db = openDb(DB_PATH);
  migrateDb(db);
  const sqlite = db.$client;
  const get = <T>(q: string, ...p: unknown[]) => sqlite.prepare(q).get(...p) as T;
  const inspector = get<{
    id: number;
    username: string;
    open: number;
  }>(`select u.id, u.username, o.open_cases as open from inspector_open_cases o join users u on u.id = o.user_id
      order by o.open_cases limit 1 offset (select count(*) / 2 from inspector_open_cases)`);
  const recent = sqlite.prepare(`select c.id from cases c where c.urgent_due_on is not null and c.state = 'filed' order by c.id desc limit 20000`).all() as {
    id: number;
  }[];
  const sizeOf = sqlite.prepare("select count(*) as n from case_workers where case_id = ?");
  const groupCase = recent.find((r) => (sizeOf.get(r.id) as { n: number }).n >= 30) ?? recent[0]!;
  const group = get<{ id: number; lead: string; workers: number }>(
    `select c.id, u.username as lead, (select count(*) from case_workers w where w.case_id = c.id) as workers from cases c join users u on u.id = c.lead_inspector_id where c.id = ?`,
    groupCase.id,
  );
  const worker = get<{ name: string }>("select name from case_workers where case_id = ? and length(name) = 3 limit 1", recent[5]!.id) ?? { name: "王建国" };
  const employer = get<{ employer_name: string }>("select employer_name from cases where id = ?", recent[7]!.id);
  const lookup = get<{ case_number: string; query_code: string }>("select case_number, query_code from cases where id = ?", recent[9]!.id);
  const counts = get<{ cases: number; open: number; workers: number; events: number }>(
    `select (select max(id) from cases) as cases, (select count(*) from cases where urgent_due_on is not null) as open,
       (select max(id) from case_workers) as workers, (select max(id) from case_events) as events`,
  );
  // Issue 23's pages, each on its busiest record: the project and the action with the most inspections, the fund with the most advances.
  const busiest = (q: string) => get<{ id: number } | undefined>(q)?.id ?? 1;
  const prevention = {
    project: busiest("select project_id as id from inspections where project_id is not null group by project_id order by count(*) desc limit 1"),
    action: busiest("select action_id as id from inspections group by action_id order by count(*) desc limit 1"),
    fundOffice: busiest("select office_id as id from emergency_advances group by office_id order by count(*) desc limit 1"),
  };
  db.$client.close();
  return { inspector, group, worker: worker.name, employer: employer.employer_name, lookup, counts, prevention };
})();
console.log(
  `database: ${picks.counts.cases.toLocaleString()} cases (${picks.counts.open.toLocaleString()} open), ${picks.counts.workers.toLocaleString()} workers, ${picks.counts.events.toLocaleString()} timeline rows`,
);

// ---- Servers ------------------------------------------------------------------------------------

if (APP_CMD === "node") {
  const built = spawnSync("npm", ["run", "-s", "build"], { cwd: APP_DIR, stdio: "inherit" });
  if (built.status !== 0) throw new Error("build failed");
}

interface Server {
  proc: ChildProcess;
  startMs: number;
}

async function waitFor(url: string, proc: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function startApp(dbPath: string, port = PORT, profileDir?: string): Promise<Server> {
  const evidence = mkdtempSync(join(tmpdir(), "qx-bench-evidence-"));
  const profiling = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=200"] : [];
  const [cmd, args] = APP_CMD === "node" ? ["node", [...profiling, ...startArgs()]] : [join(APP_DIR, "node_modules/.bin/tsx"), ["src/server.ts"]];
  const started = performance.now();
  const proc = spawn(cmd, args, {
    cwd: APP_DIR,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: dbPath,
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
      EVIDENCE_DIR: evidence,
      ADMIN_PASSWORD: "bench-admin-1",
      ...(WORKERS ? { WEB_WORKERS: WORKERS } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const startMs = await waitFor(`http://127.0.0.1:${port}/login`, proc, started);
  return { proc, startMs };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGTERM");
  await exited;
}

/** The node arguments `npm start` uses (package.json), so the benchmark runs the server as production does. */
function startArgs(): string[] {
  const start: string = JSON.parse(readFileSync(join(APP_DIR, "package.json"), "utf8")).scripts.start;
  const [node, ...args] = start.split(/\s+/);
  if (node !== "node") throw new Error(`npm start is not "node …": ${start}`);
  return args;
}

/** RSS of the server and of every process it started (web workers), in MiB; peak: the sum of each one's peak. */
function rssOf(proc: ChildProcess): { rss: number; peak: number; processes: number } {
  const pids = [proc.pid!];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // the process has just ended
    }
  }
  let rss = 0;
  let peak = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    rss += kb("VmRSS");
    peak += kb("VmHWM");
  }
  return { rss, peak, processes: pids.length };
}

async function login(username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${PORT}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (res.status !== 303 || !cookie) throw new Error(`login as ${username}: ${res.status}`);
  return cookie;
}

// ---- Load ---------------------------------------------------------------------------------------

interface Load {
  name: string;
  port?: number;
  path: string;
  method?: "GET" | "POST";
  cookie?: string;
  form?: () => Record<string, string>;
  /** Statuses that count as success. */
  ok?: number[];
  /** A fresh client address per request (the public lookup's throttle counts per address). */
  spreadAddresses?: boolean;
  /** Asks for a fresh answer each time (`Cache-Control: no-cache`, a hard reload), so that no page is sent again as kept (src/http/page-cache.ts): what a page costs after a write. */
  renderEach?: boolean;
  /**
   * Requests a second, arriving at random moments (a Poisson process, as independent users' clicks do) instead of
   * 32 connections asking as fast as the server answers: the latency users see at that load. (autocannon's own
   * fixed rate fires every connection at the same tick, a burst of 32 each time.)
   */
  rate?: number;
}

interface Measured {
  name: string;
  rate?: number;
  /** Bytes of one answer, headers included. */
  bytes: number;
  /** When it was under load (µs, CLOCK_MONOTONIC, the clock of the server's CPU profile) and how many requests it served then. */
  windows: { from: number; to: number }[];
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  alone: number;
  /** Bytes of one answer's body gzipped, as a browser that takes gzip receives it (src/http/compress.ts). */
  gzipped: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

const micros = () => Number(process.hrtime.bigint() / 1000n);

async function once(
  load: Load,
): Promise<Omit<Measured, "name" | "alone" | "gzipped" | "windows" | "requests"> & { window: { from: number; to: number }; requests: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const ok = load.ok ?? [200];
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
  if (load.cookie) headers.cookie = load.cookie;
  if (load.renderEach) headers["cache-control"] = "no-cache";
  if (ACCEPT_ENCODING) headers["accept-encoding"] = ACCEPT_ENCODING;
  if (load.form) headers["content-type"] = "application/x-www-form-urlencoded";
  let n = 0;
  let done!: (r: autocannon.Result) => void;
  let failed!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((res, rej) => ([done, failed] = [res, rej]));
  const from = micros();
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${load.port ?? PORT}`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: load.method ?? "GET",
          path: load.path,
          headers,
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, ...(load.spreadAddresses ? { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}` } : {}) },
            body: load.form ? new URLSearchParams(load.form()).toString() : undefined,
          }),
        },
      ],
    },
    (err, result) => (err ? failed(err) : done(result)),
  );
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (!ok.includes(status)) errors++;
  });
  const result = await finished;
  const window = { from, to: micros() };
  latencies.sort((a, b) => a - b);
  return {
    window,
    requests: result.requests.total,
    bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
    rps: result.requests.total / DURATION,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors,
  };
}

type Run = Awaited<ReturnType<typeof once>>;

/** `load.rate` requests a second for DURATION seconds, each sent at its moment whatever the others are doing. */
async function atRate(load: Load & { rate: number }): Promise<Run> {
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
  if (load.renderEach) headers["cache-control"] = "no-cache";
  if (load.cookie) headers.cookie = load.cookie;
  if (ACCEPT_ENCODING) headers["accept-encoding"] = ACCEPT_ENCODING;
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const sent: Promise<void>[] = [];
  const from = micros();
  const started = performance.now();
  let at = 0;
  for (;;) {
    at += (-Math.log(1 - Math.random()) * 1000) / load.rate;
    if (at >= DURATION * 1000) break;
    const wait = started + at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    sent.push(
      fetch(`http://127.0.0.1:${load.port ?? PORT}${load.path}`, { headers, redirect: "manual" })
        .then(async (res) => {
          bytes += (await res.arrayBuffer()).byteLength;
          latencies.push(performance.now() - t0);
          if (!(load.ok ?? [200]).includes(res.status)) errors++;
        })
        .catch(() => void errors++),
    );
  }
  await Promise.all(sent);
  latencies.sort((a, b) => a - b);
  return {
    window: { from, to: micros() },
    requests: latencies.length,
    bytes: latencies.length ? bytes / latencies.length : 0,
    rps: latencies.length / DURATION,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** One request on an idle server, best of five; and its body's size gzipped. */
async function alone(load: Load): Promise<{ ms: number; gzipped: number }> {
  let best = Infinity;
  let body = new ArrayBuffer(0);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    body = await fetch(`http://127.0.0.1:${load.port ?? PORT}${load.path}`, {
      method: load.method ?? "GET",
      headers: {
        ...(load.cookie ? { cookie: load.cookie } : {}),
        "sec-fetch-site": "same-origin",
        ...(load.form ? { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `10.255.0.${i}` } : {}),
      },
      body: load.form ? new URLSearchParams(load.form()).toString() : undefined,
      redirect: "manual",
    }).then((r) => r.arrayBuffer());
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, gzipped: gzipSync(Buffer.from(body)).length };
}

async function measure(load: Load): Promise<Measured> {
  const single = await alone(load);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await (load.rate ? atRate({ ...load, rate: load.rate }) : once(load)));
  runs.sort((a, b) => a.rps - b.rps);
  const { window: _, ...median } = runs[Math.floor(runs.length / 2)]!;
  const m = {
    name: load.name,
    rate: load.rate,
    ...median,
    alone: single.ms,
    gzipped: single.gzipped,
    windows: runs.map((r) => r.window),
    requests: runs.reduce((sum, r) => sum + r.requests, 0),
  };
  console.log(
    `${m.name.padEnd(44)} ${m.rps.toFixed(0).padStart(7)} req/s  p50 ${m.p50.toFixed(1).padStart(6)}  p95 ${m.p95.toFixed(1).padStart(6)}  p99 ${m.p99.toFixed(1).padStart(6)} ms  alone ${m.alone.toFixed(1)} ms${m.errors ? `  ${m.errors} errors` : ""}`,
  );
  return m;
}

let seq = 0;
function intakeForm(workers: number): () => Record<string, string> {
  return () => {
    const f: Record<string, string> = {
      intent: "submit",
      channel: "window",
      receivedOn: today,
      representative: "0",
      employerName: `压测用人单位${seq++}`,
      employerLegalRep: "王某",
      employerAddress: "长春市南关区某街 8 号",
      district: "南关区",
      facts: "在工地做木工，工资一直未结清。",
      claim: "请求支付拖欠工资",
    };
    for (let j = 0; j < workers; j++) {
      const first17 = `220102198503${String(10 + (j % 18)).padStart(2, "0")}${String(100 + ((seq * 37 + j) % 900))}`;
      Object.assign(f, {
        [`workers.${j}.name`]: `压测工人${j}`,
        [`workers.${j}.sex`]: "",
        [`workers.${j}.age`]: "41",
        [`workers.${j}.idNumber`]: first17 + idNumberCheckChar(first17),
        [`workers.${j}.phone`]: `138${String((seq * 50 + j) % 1e8).padStart(8, "0")}`,
        [`workers.${j}.hometown`]: "吉林省德惠市",
        [`workers.${j}.occupation`]: "木工",
        [`workers.${j}.workPeriod`]: "2026-04 至 2026-09",
        [`workers.${j}.claimed`]: "12800",
      });
    }
    return f;
  };
}

// ---- Run ----------------------------------------------------------------------------------------

// Every run measures the same data: the kept database is copied and the copy takes the run's writes
// (intake, the calendar change) and is deleted afterwards. Runs writing into the kept file grew its open
// cases by ~9,000 each, and with them the recompute time.
const RUN_DB = DB_PATH.replace(/(\.db)?$/, ".run.db");
copyFileSync(DB_PATH, RUN_DB);
// The copy (2.4 GB at 1 M cases) is written back by the kernel for a minute after it returns, taking a core
// from whatever is measured first (the baseline read 1,100–1,750 req/s instead of ~3,800): flush it now.
spawnSync("sync");
const load0 = loadavg()[0]!;
const fresh = join(mkdtempSync(join(tmpdir(), "qx-bench-fresh-")), "fresh.db");
const freshServer = await startApp(fresh);
await stop(freshServer.proc);
// Before the loads: the intake POSTs add ~9,000 open cases received today, all of whose dates a new
// holiday tomorrow would move, and the recompute is to be measured on the data described.
const rc = APP_DIR === resolve(".") && !ONLY ? recompute() : null;
const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), "qx-bench-profile-")) : undefined;
const server = await startApp(RUN_DB, PORT, profileDir);
const bare = spawn("node", ["bench/bare-server.js"], { env: { ...process.env, PORT: String(BARE_PORT) }, stdio: "ignore" });
await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare, performance.now());
const rssBefore = rssOf(server.proc);

const supervisor = await login("supervisor1");
// A district office's supervisor (南关区): the same pages scoped to one office (属地管理), which issue 19 must keep as fast.
const districtSupervisor = await login("supervisor_ng");
const inspector = await login(picks.inspector.username);
const lead = await login(picks.group.lead);
const clerk = await login("clerk1");
const enc = encodeURIComponent;
const loads: Load[] = [
  { name: "bare Express + EJS, 50-row table (baseline)", port: BARE_PORT, path: "/" },
  { name: "/login (no query)", path: "/login" },
  { name: `inspector workbench /cases (${picks.inspector.open} open)`, path: "/cases", cookie: inspector },
  { name: "supervisor /cases", path: "/cases", cookie: supervisor },
  { name: "supervisor ?clock=overdue", path: "/cases?clock=overdue", cookie: supervisor },
  { name: "supervisor ?clock=dueSoon", path: "/cases?clock=dueSoon", cookie: supervisor },
  { name: "supervisor ?clock=normal", path: "/cases?clock=normal", cookie: supervisor },
  { name: "supervisor ?state=filed", path: "/cases?state=filed", cookie: supervisor },
  { name: "supervisor ?state=closed", path: "/cases?state=closed", cookie: supervisor },
  { name: "supervisor ?state=all", path: "/cases?state=all", cookie: supervisor },
  { name: "supervisor ?district=南关区", path: `/cases?district=${enc("南关区")}`, cookie: supervisor },
  { name: "supervisor ?channel=online", path: "/cases?channel=online", cookie: supervisor },
  { name: "supervisor ?inspector=…", path: `/cases?inspector=${picks.inspector.id}`, cookie: supervisor },
  { name: "search: worker name (3 characters)", path: `/cases?q=${enc(picks.worker)}`, cookie: supervisor },
  { name: "search: employer name", path: `/cases?q=${enc(picks.employer)}`, cookie: supervisor },
  { name: "search: case number", path: `/cases?q=${enc(picks.lookup.case_number)}`, cookie: supervisor },
  { name: "supervisor /dashboard", path: "/dashboard", cookie: supervisor },
  { name: "supervisor /statistics (this year)", path: "/statistics", cookie: supervisor },
  { name: "supervisor /dashboard/clearance", path: "/dashboard/clearance", cookie: supervisor },
  { name: "district supervisor (南关) /cases", path: "/cases", cookie: districtSupervisor },
  { name: "district supervisor (南关) /dashboard", path: "/dashboard", cookie: districtSupervisor },
  { name: "supervisor /transfers (every office)", path: "/transfers", cookie: supervisor },
  { name: "district supervisor (南关) /transfers", path: "/transfers", cookie: districtSupervisor },
  { name: "supervisor /projects (every office)", path: "/projects", cookie: supervisor },
  { name: "project page (most inspected)", path: `/projects/${picks.prevention.project}`, cookie: supervisor },
  { name: "special action page (most inspections)", path: `/actions/${picks.prevention.action}`, cookie: supervisor },
  { name: "fund page (most advances)", path: `/funds/${picks.prevention.fundOffice}`, cookie: supervisor },
  { name: "supervisor /risks (open risk points)", path: "/risks", cookie: supervisor },
  { name: `case page, ${picks.group.workers} workers, as inspector`, path: `/cases/${picks.group.id}`, cookie: lead },
  { name: `case page, ${picks.group.workers} workers, as supervisor`, path: `/cases/${picks.group.id}`, cookie: supervisor },
  // The same pages read and rendered on every request, as after a write: the page cache's other side.
  { name: "supervisor /cases, rendered every time", path: "/cases", cookie: supervisor, renderEach: true },
  { name: "supervisor /dashboard, rendered every time", path: "/dashboard", cookie: supervisor, renderEach: true },
  { name: "district supervisor (南关) /cases, rendered every time", path: "/cases", cookie: districtSupervisor, renderEach: true },
  { name: "district supervisor (南关) /dashboard, rendered every time", path: "/dashboard", cookie: districtSupervisor, renderEach: true },
  { name: "supervisor /statistics, rendered every time", path: "/statistics", cookie: supervisor, renderEach: true },
  { name: `case page as inspector, rendered every time`, path: `/cases/${picks.group.id}`, cookie: lead, renderEach: true },
  // The same, at a fixed 100 a second: more than a bureau of 200 staff asks at its peak (docs/scaling.md), every one rendered afresh.
  { name: "supervisor /cases, rendered every time, 100 a second", path: "/cases", cookie: supervisor, renderEach: true, rate: 100 },
  { name: "case page as inspector, rendered every time, 100 a second", path: `/cases/${picks.group.id}`, cookie: lead, renderEach: true, rate: 100 },
  {
    name: "public lookup POST /query",
    path: "/query",
    method: "POST",
    form: () => ({ caseNumber: picks.lookup.case_number, queryCode: picks.lookup.query_code }),
    spreadAddresses: true,
  },
  { name: "intake POST, one worker", path: "/cases", method: "POST", cookie: clerk, form: intakeForm(1), ok: [303] },
  { name: "intake POST, 35-worker group", path: "/cases", method: "POST", cookie: clerk, form: intakeForm(35), ok: [303] },
];
const results: Measured[] = [];
for (const l of loads.filter((l, i) => i === 0 || !ONLY || ONLY.test(l.name))) {
  results.push(await measure(l));
  // Which page drives the peak (VmHWM only grows): printed, not reported.
  const { rss, peak } = rssOf(server.proc);
  console.log(`${"".padEnd(44)} server RSS ${rss.toFixed(0)} MiB, peak so far ${peak.toFixed(0)} MiB`);
}
const rssAfter = rssOf(server.proc);
await stop(server.proc);
await stop(bare);

/** µs of CPU per request, by part of the request, for every page of the app (the baseline is another process). */
const profiled = profileDir
  ? (() => {
      const profile = readProfile(profileDir);
      return results.slice(1).map((m) => {
        const spent = new Map<string, number>(PART_NAMES.map((name) => [name, 0]));
        for (const w of m.windows) for (const [part, us] of breakdown(profile, w.from, w.to)) spent.set(part, spent.get(part)! + us);
        return { name: m.name, perRequest: PART_NAMES.map((part) => spent.get(part)! / Math.max(1, m.requests)) };
      });
    })()
  : [];

// Recompute after a calendar change: a new holiday on the next working day of this year, then undone.
function recompute(): { addMs: number; undoMs: number; changed: number; fullMs: number } {
  const db: Db = openDb(RUN_DB);
  const calendar = loadCalendar(db);
  const year = yearOf(today);
  let day = addDays(today, 1);
  while (!calendar.isWorkingDay(day) || yearOf(day) !== year) day = addDays(day, 1);
  const days = calendar.days().filter((d) => d.year === year);
  const holidays = days.filter((d) => d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" }));
  const makeupWorkdays = days.filter((d) => d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" }));
  const revision = (db.$client.prepare("select max(calendar_revision) as r from cases").get() as { r: number }).r;
  const admin = (db.$client.prepare("select id from users where role = 'admin' limit 1").get() as { id: number }).id;
  const source = "压测：临时增加一天假日";
  let t = performance.now();
  saveYearSchedule(db, year, { holidays: [...holidays, { date: day, name: "压测" }], makeupWorkdays, source, publish: false }, admin, "压测");
  const addMs = performance.now() - t;
  const changed = (db.$client.prepare("select count(*) as n from cases where calendar_revision > ?").get(revision) as { n: number }).n;
  t = performance.now();
  saveYearSchedule(db, year, { holidays, makeupWorkdays, source: "压测：恢复", publish: false }, admin, "压测恢复");
  const undoMs = performance.now() - t;
  // Every affected case checked (no previous calendar to compare with): the upper bound, rolled back.
  db.$client.exec("begin");
  t = performance.now();
  recomputeOpenDeadlines(db, { fromYear: year, calendar: loadCalendar(db) });
  const fullMs = performance.now() - t;
  db.$client.exec("rollback");
  db.$client.close();
  return { addMs, undoMs, changed, fullMs };
}
if (rc)
  console.log(
    `calendar change (saveYearSchedule with the deadline recomputation): ${rc.addMs.toFixed(0)} ms, undone in ${rc.undoMs.toFixed(0)} ms, full check ${rc.fullMs.toFixed(0)} ms (${rc.changed.toLocaleString()} cases' dates moved)`,
  );
console.log(
  `cold start: ${server.startMs.toFixed(0)} ms on the bulk database, ${freshServer.startMs.toFixed(0)} ms on a fresh one; RSS ${rssBefore.rss.toFixed(0)} MiB idle, ${rssAfter.rss.toFixed(0)} MiB after load, peak ${rssAfter.peak.toFixed(0)} MiB`,
);
rmSync(fresh, { force: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(RUN_DB + suffix, { force: true });

// ---- Report -------------------------------------------------------------------------------------

const baseline = results[0]!.rps;
const row = (m: Measured) =>
  `| ${m.name} | ${m.rps.toFixed(0)} | ${m.rate ? "fixed rate" : `${((100 * m.rps) / baseline).toFixed(0)} %`} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.alone.toFixed(1)} | ${(m.bytes / 1024).toFixed(1)} | ${(m.gzipped / 1024).toFixed(1)} |${m.errors ? ` ${m.errors}` : ""}`;
const profileTable = profiled.length
  ? `
## Where the time goes

CPU per request in µs, from the server's own CPU profile under the loads above (\`--profile\`: \`node --cpu-prof\`,
one sample every 200 µs; bench/profile.ts puts each sample in the innermost part of its stack). The profiler
itself costs some throughput, so this run's req/s are a little below an unprofiled run's.

| page | total | ${PART_NAMES.join(" | ")} |
|---|---|${PART_NAMES.map(() => "---").join("|")}|
${profiled.map((p) => `| ${p.name} | ${p.perRequest.reduce((a, b) => a + b, 0).toFixed(0)} | ${p.perRequest.map((us) => us.toFixed(0)).join(" | ")} |`).join("\n")}
`
  : "";
const report = `# Benchmark results

Written by \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` on ${new Date().toISOString()}.

- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; load average ${load0.toFixed(2)} when the run started (the machine is shared: other work was running at the same time, so figures vary between runs).
- Database: ${picks.counts.cases.toLocaleString()} cases (${picks.counts.open.toLocaleString()} open), ${picks.counts.workers.toLocaleString()} workers, ${picks.counts.events.toLocaleString()} timeline rows (\`seeds/bulk.ts\`); server: ${APP_CMD === "node" ? `compiled (\`node ${startArgs().join(" ")}\`, as \`npm start\`)` : "`tsx src/server.ts`"}${WORKERS ? `, WEB_WORKERS=${WORKERS}` : ""}${APP_DIR === resolve(".") ? "" : ` from ${APP_DIR}`}, NODE_ENV=production, LOG_LEVEL=warn.
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per page, median of ${RUNS} run${RUNS > 1 ? "s" : ""}, from a second process; latencies in ms; "alone" is one request on an idle server (best of five). ${ACCEPT_ENCODING ? `The load sends \`Accept-Encoding: ${ACCEPT_ENCODING}\`, as a browser does, so pages go compressed` : "The load asks for no compression, as earlier runs did"}; "KB" is an answer as sent under the load (headers included), "KB gzip" its body gzipped, as a browser that takes gzip receives it.

| page | req/s | share of baseline | p50 | p95 | p99 | alone | KB | KB gzip |
|---|---|---|---|---|---|---|---|---|
${results.map(row).join("\n")}

| measure | value |
|---|---|
| cold start, bulk database (spawn → first 200 on /login) | ${server.startMs.toFixed(0)} ms |
| cold start, fresh database (migrations, calendar, first admin) | ${freshServer.startMs.toFixed(0)} ms |
| server RSS idle / after the load / peak${rssAfter.processes > 1 ? ` (${rssAfter.processes} processes, summed)` : ""} | ${rssBefore.rss.toFixed(0)} / ${rssAfter.rss.toFixed(0)} / ${rssAfter.peak.toFixed(0)} MiB |
${rc ? `| calendar change: \`saveYearSchedule\` adding a holiday tomorrow, deadlines recomputed | ${rc.addMs.toFixed(0)} ms (${rc.changed.toLocaleString()} cases' dates moved) |\n| the same change undone | ${rc.undoMs.toFixed(0)} ms |\n| every open case and every case closed this year checked (no previous calendar to compare with) | ${rc.fullMs.toFixed(0)} ms |\n` : ""}${profileTable}`;
if (OUT !== "-") writeFileSync(OUT, report);
console.log(`\nwrote ${OUT}`);
