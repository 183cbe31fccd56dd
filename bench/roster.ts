/**
 * `npm run bench:roster`: does previewing a huge roster hold the server up? Starts the app, uploads a
 * 96,296-row roster (CSV, under the 5 MB upload limit) and a 20,000-row XLSX for preview, while another
 * client asks for a light page every 10 ms; prints the preview times and the other requests' p50/p95/max.
 * Target: p95 < 100 ms while the big roster is previewed.
 */
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openDb } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { idNumberCheckChar } from "../src/domain/identifiers.js";
import { ensureCalendar } from "../src/models/calendar.js";
import { seedDemo } from "../seeds/index.js";

const dir = mkdtempSync(join(tmpdir(), "qx-bench-roster-"));
const db = openDb(join(dir, "bench.db"));
migrateDb(db);
ensureCalendar(db, 2031);
await seedDemo(db);
const server = createApp({ db, config: readConfig({ NODE_ENV: "test", EVIDENCE_DIR: join(dir, "evidence") }) }).listen(0);
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/login`, {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
  body: "username=clerk1&password=demo1234",
  redirect: "manual",
});
const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;

const id = (n: number) => {
  const first17 = `220102198503${String(n % 100_000_000)
    .padStart(8, "0")
    .slice(0, 2)}${String(10 + (n % 18)).padStart(2, "0")}${String(n % 1000).padStart(3, "0")}`.slice(0, 17);
  return first17 + idNumberCheckChar(first17);
};
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`工人${i + 1}`, "", "", id(i), "", "", "", "", "6200"]);
const header = ["姓名", "性别", "年龄", "身份证号", "手机号", "籍贯", "工种", "工作期间", "诉求金额（元）"];
const csv = Buffer.from([header, ...rows(96_296)].map((r) => r.join(",")).join("\n"));
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet("名单");
sheet.addRow(header);
for (const r of rows(20_000)) sheet.addRow(r);
const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

// Warm up: the first request compiles the views and loads the calendar.
await (await fetch(`${base}/calendar/calc?from=2026-02-13&days=8`)).text();

async function previewWhileProbing(name: string, content: Buffer) {
  const latencies: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const start = performance.now();
      await (await fetch(`${base}/calendar/calc?from=2026-02-13&days=8`)).text();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const form = new FormData();
  form.set("intent", "preview");
  form.set("roster", new Blob([new Uint8Array(content)]), name);
  const start = performance.now();
  const res = await fetch(`${base}/cases`, { method: "POST", headers: { cookie, "sec-fetch-site": "same-origin" }, body: form });
  const body = await res.text();
  const took = performance.now() - start;
  await new Promise((r) => setTimeout(r, 50));
  running = false;
  await probe;
  loop.disable();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(
    `${name} (${(content.length / 1024 / 1024).toFixed(1)} MB): preview ${res.status} in ${took.toFixed(0)} ms, ${(body.length / 1024).toFixed(0)} KB; other requests n=${latencies.length} p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms; longest event-loop stall ${(loop.max / 1e6).toFixed(0)} ms`,
  );
}

await previewWhileProbing("roster.csv", csv);
await previewWhileProbing("roster.xlsx", xlsx);
server.close();
