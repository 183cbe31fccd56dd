import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
const PORT = 3293;
const env = { ...process.env, PORT: String(PORT), DATABASE_PATH: "bench/.data/bulk-1000000.db", NODE_ENV: "production", COOKIE_SECURE: "false", TRUST_PROXY: "true", LOG_LEVEL: "warn", EVIDENCE_DIR: "/tmp/prof/ev", ADMIN_PASSWORD: "bench-admin-1" };
const extra = (process.env.NODEARGS ?? "").split(" ").filter(Boolean);
const p = spawn("node", [...extra, "dist/src/server.js"], { env, stdio: ["ignore", "inherit", "inherit"] });
const rss = () => { const s = readFileSync(`/proc/${p.pid}/status`, "utf8"); const g = k => Number(s.match(new RegExp(k + ":\\s+(\\d+)"))[1]) / 1024; return `rss ${g("VmRSS").toFixed(0)} peak ${g("VmHWM").toFixed(0)}`; };
for (;;) { try { const r = await fetch(`http://127.0.0.1:${PORT}/login`); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 50)); }
const res = await fetch(`http://127.0.0.1:${PORT}/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }, body: new URLSearchParams({ username: "supervisor1", password: "demo1234" }), redirect: "manual" });
const cookie = res.headers.getSetCookie().map(c => c.split(";")[0]).join("; ");
const iv = setInterval(() => console.log(rss()), 5000);
const t = performance.now(); const r = await fetch(`http://127.0.0.1:${PORT}${process.argv[2]}`, { headers: { cookie } });
let n = 0; const reader = r.body.getReader(); for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.length; if (process.env.SLOW) await new Promise(r => setTimeout(r, 1)); }
clearInterval(iv);
console.log(r.status, n, ((performance.now() - t) / 1000).toFixed(1) + " s", rss(), p.exitCode);
p.kill("SIGTERM"); await new Promise(r => p.once("exit", r));
