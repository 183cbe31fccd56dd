import { openDb } from "../src/db/client.js";
import { registerCase } from "../src/models/cases.js";
import { idNumberCheckChar } from "../src/domain/identifiers.js";
const db = openDb("/work/bulk/probe.db");
const proto = Object.getPrototypeOf(db.$client.prepare("select 1")) as Record<string, (...a: unknown[]) => unknown>;
const spent = new Map<string, { n: number; us: number }>();
for (const m of ["get", "all", "run", "iterate"]) {
  const orig = proto[m]!;
  proto[m] = function (this: { source: string }, ...args: unknown[]) {
    const t = process.hrtime.bigint();
    try { return orig.apply(this, args); } finally {
      const us = Number(process.hrtime.bigint() - t) / 1000;
      const k = this.source.replace(/\s+/g, " ").slice(0, 150);
      const e = spent.get(k) ?? { n: 0, us: 0 }; e.n++; e.us += us; spent.set(k, e);
    }
  };
}
const clerk = (db.$client.prepare("select id from users where username='clerk1'").pluck().get()) as number;
const N = 300;
let seq = 0;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const first17 = `220102198503${String(10 + (i % 18)).padStart(2, "0")}${String(100 + (i % 900))}`;
  registerCase(db, {
    channel: "window", platformClueNo: null, receivedOn: "2026-12-04", facts: "在工地做木工，工资一直未结清。", claim: "请求支付拖欠工资",
    employerName: `压测用人单位${seq++}`, employerUscc: null, employerLegalRep: "王某", employerAddress: "长春市南关区某街 8 号", district: "南关区",
    isConstruction: false, projectName: "", projectAddress: "", generalContractor: "", subcontractor: "", teamLeader: "",
    workers: [{ name: "压测工人", sex: "", age: 41, idType: "resident", idNumber: first17 + idNumberCheckChar(first17), phone: `138${String(i).padStart(8, "0")}`, landline: "", hometown: "吉林省德惠市", occupation: "木工", workPeriod: "2026-04 至 2026-09", claimedFen: 1280000 } as never],
  } as never, { actorId: clerk, now: new Date(), acknowledgeDays: 1 });
}
const total = performance.now() - t0;
console.log(`per intake ${(total / N).toFixed(2)} ms total; SQL per statement per intake (µs):`);
const rows = [...spent].sort((a, b) => b[1].us - a[1].us).slice(0, 25);
let sqlSum = 0; for (const [, v] of spent) sqlSum += v.us;
console.log(`SQL total ${(sqlSum / N / 1000).toFixed(2)} ms per intake`);
for (const [k, v] of rows) console.log(`${(v.us / N).toFixed(0).padStart(6)} ${String(v.n / N).padStart(4)}×  ${k}`);
