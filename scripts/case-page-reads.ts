/**
 * `npx tsx scripts/case-page-reads.ts [--renders 200]`: the case page's SQL reads per view, by state and by
 * viewer, on the demo database (one case per state: the one with the most rows), and the time to render each
 * of them `--renders` times in-process (templates cached, as in production). Every statement better-sqlite3
 * runs for one GET is counted, the session's own included.
 */
import request from "supertest";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openDb } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { seed, DEMO_PASSWORD } from "../seeds/index.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const renders = Number(process.argv[process.argv.indexOf("--renders") + 1] || 200);
const now = new Date("2026-11-23T02:00:00Z");
const config = readConfig({ NODE_ENV: "test", EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "qx-reads-")), INSPECTORS_READ_ALL: "true", LOG_LEVEL: "silent" });
const db = openDb(":memory:");
migrateDb(db);
await seed(db, config, now);
const app = createApp({ db, config, now: () => now });
app.enable("view cache"); // compiled templates kept, as Express does in production

// Count every statement run: better-sqlite3's Statement methods that execute.
let reads = 0;
const proto = Object.getPrototypeOf(db.$client.prepare("select 1"));
for (const method of ["get", "all", "iterate", "run"] as const) {
  const original = proto[method];
  proto[method] = function (this: unknown, ...args: unknown[]) {
    reads++;
    return original.apply(this, args);
  };
}

const sqlite = db.$client;
const pick = (state: string) =>
  sqlite
    .prepare(
      `select c.id from cases c where c.state = ? and c.lead_inspector_id = (select id from users where username = 'inspector1')
         and coalesce(c.second_inspector_id, 0) <> (select id from users where username = 'inspector3')
       order by (select count(*) from case_events e where e.case_id = c.id) desc limit 1`,
    )
    .get(state) as { id: number } | undefined;
const agents: Record<string, ReturnType<typeof request.agent>> = {};
for (const [who, user] of [
  ["supervisor", "supervisor1"],
  ["lead inspector", "inspector1"],
  ["other inspector (read-only)", "inspector3"],
] as const) {
  const agent = request.agent(app).set("Sec-Fetch-Site", "same-origin");
  await agent.post("/login").type("form").send({ username: user, password: DEMO_PASSWORD });
  agents[who] = agent;
}
console.log("| state | viewer | reads per view | ms per view |");
console.log("|---|---|---|---|");
for (const state of ["received", "mediating", "awaiting_supplement", "filed", "closed"]) {
  const c = pick(state);
  if (!c) continue;
  for (const [who, agent] of Object.entries(agents)) {
    await agent.get(`/cases/${c.id}`); // warm
    reads = 0;
    const res = await agent.get(`/cases/${c.id}`);
    const perView = reads;
    if (res.status !== 200) throw new Error(`${state} ${who}: ${res.status}`);
    if (who.includes("read-only") !== res.text.includes("只读查询")) throw new Error(`${state} ${who}: not the access expected`);
    const started = performance.now();
    for (let i = 0; i < renders; i++) await agent.get(`/cases/${c.id}`);
    const ms = (performance.now() - started) / renders;
    // The session lookup and its touch are part of every request, not of the page.
    console.log(`| ${state} | ${who} | ${perView} | ${ms.toFixed(2)} |`);
  }
}
