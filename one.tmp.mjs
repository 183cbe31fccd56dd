import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
const PORT = 3292;
const env = { ...process.env, PORT: String(PORT), DATABASE_PATH: "bench/.data/bulk-1000000.db", NODE_ENV: "production", COOKIE_SECURE: "false", TRUST_PROXY: "true", LOG_LEVEL: "warn", EVIDENCE_DIR: "/tmp/prof/ev", ADMIN_PASSWORD: "bench-admin-1" };
const p = spawn("node", ["--max-semi-space-size=4", "dist/src/server.js"], { env, stdio: ["ignore", "inherit", "inherit"] });
const rss = () => { const s = readFileSync(`/proc/${p.pid}/status`, "utf8"); const g = k => Number(s.match(new RegExp(k + ":\\s+(\\d+)"))[1]) / 1024; return `rss ${g("VmRSS").toFixed(0)} peak ${g("VmHWM").toFixed(0)}`; };
for (;;) { try { const r = await fetch(`http://127.0.0.1:${PORT}/login`); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 50)); }
const res = await fetch(`http://127.0.0.1:${PORT}/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }, body: new URLSearchParams({ username: "supervisor1", password: "demo1234" }), redirect: "manual" });
const cookie = res.headers.getSetCookie().map(c => c.split(";")[0]).join("; ");
console.log("start", rss());
for (const path of process.argv.slice(2)) {
  const t = performance.now(); const r = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } }); const b = await r.text();
  if (process.env.SAVE) (await import("node:fs")).writeFileSync("/tmp/prof/" + path.replace(/\W/g, "_") + ".html", b); console.log(path.padEnd(30), r.status, b.length, (performance.now() - t).toFixed(0) + " ms", rss());
}
p.kill("SIGTERM"); await new Promise(r => p.once("exit", r));
