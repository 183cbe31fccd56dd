/**
 * Crash recovery: the real server is killed with SIGKILL in the middle of a stream of intakes from several
 * clients, and in the middle of a calendar change that recomputes every open case's deadlines. After a
 * restart every acknowledged case is there and complete, case numbers are unique, the database passes
 * `PRAGMA integrity_check`, and the deadlines are either all recomputed or none.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { idNumber } from "../helpers.js";
import { startServer as startAt } from "./server-process.js";

const ADMIN_PASSWORD = "crash-test-pass";
const startServer = (dir: string) => startAt(dir, { ADMIN_PASSWORD });

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once("exit", () => resolve());
    proc.kill("SIGKILL");
  });
}

/** Clients filing online complaints until stopped; returns the case numbers the server acknowledged. */
function intakeClients(base: string, clients: number) {
  const acknowledged: { caseNumber: string; phone: string }[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: clients }, async (_, c) => {
    while (running) {
      const i = ++n;
      const phone = `136${String(10_000_000 + i).slice(-8)}`;
      const body = new URLSearchParams({
        "workers.0.name": `工人${i}`,
        "workers.0.phone": phone,
        "workers.0.idNumber": idNumber(i),
        "workers.0.age": "40",
        "workers.0.claimed": "5000",
        employerName: `某劳务公司${i}`,
        district: "朝阳区",
        facts: "在该公司务工，工资未结清。",
      });
      try {
        const res = await fetch(`${base}/complaint`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", "x-forwarded-for": `198.51.${c}.${i % 250}` },
          body,
          redirect: "manual",
        });
        await res.text();
        // Filed: the answer sends the browser to its receipt, which the cookie opens.
        if (res.status === 303) {
          // Every cookie set (the receipt's and the filing device's), each without its attributes.
          const cookie = res.headers
            .getSetCookie()
            .map((c) => c.split(";")[0]!)
            .join("; ");
          const receipt = await fetch(`${base}/complaint/done`, { headers: { cookie } });
          const m = /id="case-number">([^<]+)</.exec(await receipt.text());
          if (m) acknowledged.push({ caseNumber: m[1]!, phone });
        }
      } catch {
        // the server is gone: this one was never acknowledged
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Synthetic load cases (bulk-copied to slow the recompute down) have no workers of their own. */
const SYNTHETIC = "QX-2020-";

function checkDatabase(dir: string, acknowledged: { caseNumber: string; phone: string }[]) {
  const db = new Database(join(dir, "app.db"));
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const count = db.prepare("select count(*) from cases").pluck().get() as number;
    expect(db.prepare("select count(distinct case_number) from cases").pluck().get()).toBe(count);
    const find = db.prepare(`select c.id, (select count(*) from case_workers w where w.case_id = c.id and w.phone = ?) as workers,
      (select count(*) from case_events e where e.case_id = c.id and e.action = 'register') as registered from cases c where c.case_number = ?`);
    for (const a of acknowledged) expect(find.get(a.phone, a.caseNumber), a.caseNumber).toMatchObject({ workers: 1, registered: 1 });
    // No half-registered case: every case has its workers and its registration event.
    expect(
      db
        .prepare(
          "select count(*) from cases c where c.case_number not like ? and (not exists (select 1 from case_workers w where w.case_id = c.id) or not exists (select 1 from case_events e where e.case_id = c.id))",
        )
        .pluck()
        .get(`${SYNTHETIC}%`),
    ).toBe(0);
    return db.prepare("select count(*) from cases").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe("crash recovery (SIGKILL)", () => {
  it("keeps every acknowledged intake after a kill mid-stream, and clears old orphan uploads at restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qx-crash-"));
    const first = await startServer(dir);
    const clients = intakeClients(first.base, 6);
    await new Promise((r) => setTimeout(r, 2500));
    await kill(first.proc);
    await clients.stop();
    expect(clients.acknowledged.length).toBeGreaterThan(20);
    checkDatabase(dir, clients.acknowledged);

    const orphan = join(dir, "evidence", "1700000000000-0123456789abcdef.mp4");
    writeFileSync(orphan, "half a recording from before the crash");
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    utimesSync(orphan, dayAgo, dayAgo);
    const second = await startServer(dir);
    try {
      expect(readdirSync(join(dir, "evidence"))).toEqual([]);
      const more = intakeClients(second.base, 2);
      await new Promise((r) => setTimeout(r, 500));
      await more.stop();
      expect(more.acknowledged.length).toBeGreaterThan(0);
    } finally {
      await kill(second.proc);
    }
    console.info(`crash test: ${clients.acknowledged.length} acknowledged intakes before the kill, all present`);
  });

  it("keeps deadlines all-or-nothing after a kill during a calendar recompute, with intakes running", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qx-crash-"));
    // A first start creates the database; then 300,000 open cases make the recompute take a while.
    const boot = await startServer(dir);
    const seedClients = intakeClients(boot.base, 1);
    await new Promise((r) => setTimeout(r, 300));
    await seedClients.stop();
    await kill(boot.proc);
    const db = new Database(join(dir, "app.db"));
    const cols = (db.prepare("select name from pragma_table_info('cases')").pluck().all() as string[]).filter((c) => c !== "id");
    // Received 2026-11-24 (Tuesday): acceptance due 12-01, target 12-04 on the official calendar, whatever today is.
    const fixed: Record<string, string> = {
      case_number: `printf('${SYNTHETIC}%06d', n)`,
      state: "'received'",
      received_on: "'2026-11-24'",
      acceptance_start_on: "'2026-11-24'",
      acceptance_due_on: "'2026-12-01'",
      target_due_on: "'2026-12-04'",
    };
    const select = cols.map((c) => fixed[c] ?? c).join(", ");
    db.exec(`with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 300000)
      insert into cases (${cols.join(", ")}) select ${select} from seq, (select * from cases order by id limit 1)`);
    const synthetic = (d: Database.Database) =>
      d.prepare(`select distinct acceptance_due_on, target_due_on, calendar_revision from cases where case_number like '${SYNTHETIC}%'`).all() as {
        acceptance_due_on: string;
        target_due_on: string;
        calendar_revision: number;
      }[];
    const calendarVersion = (d: Database.Database) => d.prepare("select sum(version) from calendar_years").pluck().get() as number;
    const [before] = synthetic(db);
    const versionBefore = calendarVersion(db);
    db.close();

    const server = await startServer(dir);
    const login = await fetch(`${server.base}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: `username=admin&password=${ADMIN_PASSWORD}`,
      redirect: "manual",
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(/=/);
    const clients = intakeClients(server.base, 4);
    await new Promise((r) => setTimeout(r, 1500));
    const ackedBefore = clients.acknowledged.length;
    let answered = false;
    // December 2026 made a holiday: every open case (all received in November 2026) has a due date that moves.
    const change = fetch(`${server.base}/admin/calendar/2026/schedule`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", cookie },
      body: new URLSearchParams({ holidaysText: "崩溃测试 2026-12-01 2026-12-31", makeupText: "", source: "崩溃测试" }),
      redirect: "manual",
    })
      .then(() => (answered = true))
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 250));
    await kill(server.proc);
    await change;
    await clients.stop();
    expect(answered, "the kill came after the recompute had finished: raise the case count").toBe(false);
    expect(ackedBefore).toBeGreaterThan(0);
    checkDatabase(dir, clients.acknowledged);
    // All or nothing: the 300,000 identical cases still share one set of due dates — the old ones with the old
    // calendar, or the moved ones with the new calendar's revision.
    const check = new Database(join(dir, "app.db"));
    try {
      const after = synthetic(check);
      expect(after).toHaveLength(1);
      if (calendarVersion(check) === versionBefore) expect(after[0]).toEqual(before);
      else expect(after[0]).toMatchObject({ calendar_revision: calendarVersion(check) });
      expect(after[0]!.acceptance_due_on === before!.acceptance_due_on).toBe(calendarVersion(check) === versionBefore);
    } finally {
      check.close();
    }
    const restarted = await startServer(dir);
    await kill(restarted.proc);
    console.info(`crash test (recompute of 300,000 open cases): ${clients.acknowledged.length} acknowledged intakes, all present; deadlines all-or-nothing`);
  });
});
