import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
const PORT = 3291;
const env = { ...process.env, PORT: String(PORT), DATABASE_PATH: "bench/.data/bulk-1000000.db", NODE_ENV: "production", COOKIE_SECURE: "false", TRUST_PROXY: "true", LOG_LEVEL: "warn", EVIDENCE_DIR: "/tmp/prof/ev", ADMIN_PASSWORD: "bench-admin-1" };
const extra = (process.env.NODEARGS ?? "").split(" ").filter(Boolean);
const p = spawn("node", [...extra, "dist/src/server.js"], { env, stdio: ["ignore", "inherit", "inherit"] });
const rss = () => { const s = readFileSync(`/proc/${p.pid}/status`, "utf8"); const g = k => Number(s.match(new RegExp(k + ":\\s+(\\d+)"))[1]) / 1024; return `rss ${g("VmRSS").toFixed(0)} peak ${g("VmHWM").toFixed(0)}`; };
for (;;) { try { const r = await fetch(`http://127.0.0.1:${PORT}/login`); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 50)); }
const res = await fetch(`http://127.0.0.1:${PORT}/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }, body: new URLSearchParams({ username: "supervisor1", password: "demo1234" }), redirect: "manual" });
const cookie = res.headers.getSetCookie().map(c => c.split(";")[0]).join("; ");
console.log("start", rss());
for (const path of ["/cases", "/cases?clock=dueSoon", "/cases?q=%E5%BB%BA%E7%AD%91", "/dashboard", "/statistics", "/dashboard/clearance", "/cases/999913"]) {
  const r = await autocannon({ url: `http://127.0.0.1:${PORT}${path}`, connections: 32, duration: 6, headers: { cookie } });
  console.log(path.padEnd(30), Math.round(r.requests.average), rss());
}
p.kill("SIGTERM"); await new Promise(r => p.once("exit", r));
