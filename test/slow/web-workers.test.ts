/**
 * WEB_WORKERS=2 with the compiled server (what `npm start` runs): two web processes answer on one port, a
 * calendar change saved through one is used at once by the other, calendar changes and complaints sent to
 * both at once all succeed (no SQLITE_BUSY), a web process that dies is replaced, and SIGTERM stops every
 * process.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumber } from "../helpers.js";
import { freePort, root, serverEnv } from "./server-process.js";

const ADMIN_PASSWORD = "web-workers-test";

interface LogLine {
  pid: number;
  time: number;
  msg: string;
  path?: string;
}

/** A GET on a connection of its own (Connection: close), so the primary hands each one to the next process. */
function getAlone(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const found = probe();
    if (found) return found;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("WEB_WORKERS=2 (src/ops/cluster.ts)", () => {
  let primary: ChildProcess;
  let base: string;
  let adminCookie: string;
  const lines: LogLine[] = [];
  const listening = () => lines.filter((l) => l.msg.includes("listening on")).map((l) => l.pid);
  const dueAfterOneWorkingDay = async () => /id="due" data-date="([\d-]+)"/.exec(await getAlone(`${base}/calendar/calc?from=2026-11-30&days=1`))?.[1];
  const calcServedBy = (since: number) => new Set(lines.filter((l) => l.path === "/calendar/calc" && l.time >= since).map((l) => l.pid));

  beforeAll(async () => {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });
    const dir = mkdtempSync(join(tmpdir(), "qx-workers-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, [join(root, "dist/src/server.js")], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: serverEnv(dir, port, { LOG_LEVEL: "info", LOG_FILE: "", WEB_WORKERS: "2", ADMIN_PASSWORD }),
    });
    createInterface({ input: primary.stdout! }).on("line", (line) => lines.push(JSON.parse(line) as LogLine));
    await waitFor("two web processes listening", () => listening().length === 2);
    // A compile and three processes starting: on a busy 2-core machine this takes well over the default minute.
  }, 240_000);

  afterAll(() => {
    if (primary?.exitCode === null) primary.kill("SIGKILL");
  });

  it("runs a small primary and two web processes, which share the requests", async () => {
    const workers = listening();
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(primary.pid);
    const since = Date.now();
    for (let i = 0; i < 6; i++) expect(await dueAfterOneWorkingDay()).toBe("2026-12-01");
    await waitFor("both processes answering", () => calcServedBy(since).size === 2);
    expect([...calcServedBy(since)].sort()).toEqual([...workers].sort());
  });

  it("uses a calendar change saved through one process in the other at once", async () => {
    const login = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: `username=admin&password=${ADMIN_PASSWORD}`,
      redirect: "manual",
    });
    adminCookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(login.status).toBe(303);
    const saved = await fetch(`${base}/admin/calendar/2026/schedule`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", cookie: adminCookie },
      body: new URLSearchParams({ holidaysText: "测试假日 2026-12-01", makeupText: "", source: "多进程测试" }),
      redirect: "manual",
    });
    expect(saved.status).toBe(303);
    const since = Date.now();
    for (let i = 0; i < 6; i++) expect(await dueAfterOneWorkingDay()).toBe("2026-12-02");
    await waitFor("both processes answering", () => calcServedBy(since).size === 2);
  });

  it("saves calendar changes sent to both processes at once, each waiting for the other (read, then write)", async () => {
    const since = Date.now();
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 8; i++) {
          const res = await fetch(`${base}/admin/calendar/2026/schedule`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", cookie: adminCookie, connection: "close" },
            body: new URLSearchParams({ holidaysText: "测试假日 2026-12-01", makeupText: "", source: "多进程测试" }),
            redirect: "manual",
          });
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses.filter((s) => s !== 303)).toEqual([]);
    expect(new Set(lines.filter((l) => l.path === "/admin/calendar/2026/schedule" && l.time >= since).map((l) => l.pid)).size).toBe(2);
  });

  it("registers every complaint filed through both processes at once", async () => {
    const since = Date.now();
    const file = (n: number) =>
      fetch(`${base}/complaint`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-origin",
          "x-forwarded-for": `198.51.100.${n % 250}`,
          connection: "close",
        },
        body: new URLSearchParams({
          "workers.0.name": `工人${n}`,
          "workers.0.phone": `136${String(10_000_000 + n).slice(-8)}`,
          "workers.0.idNumber": idNumber(n),
          "workers.0.age": "40",
          "workers.0.claimed": "5000",
          employerName: `某劳务公司${n}`,
          district: "朝阳区",
          facts: "在该公司务工，工资未结清。",
        }),
        redirect: "manual",
      }).then((res) => res.status);
    const statuses: number[] = [];
    // Eight clients, twenty complaints each: writes from the two processes overlap all the time.
    await Promise.all(
      Array.from({ length: 8 }, async (_, c) => {
        for (let i = 0; i < 20; i++) statuses.push(await file(c * 20 + i));
      }),
    );
    // Each one filed and sent on to its receipt.
    expect(statuses.filter((s) => s !== 303)).toEqual([]);
    expect(new Set(lines.filter((l) => l.path === "/complaint" && l.time >= since).map((l) => l.pid)).size).toBe(2);
  });

  it("replaces a web process that dies", async () => {
    const [victim, survivor] = listening();
    process.kill(victim!, "SIGKILL");
    const replacement = await waitFor("a replacement", () => listening().find((pid) => pid !== victim && pid !== survivor));
    expect(alive(replacement)).toBe(true);
    expect(await dueAfterOneWorkingDay()).toBe("2026-12-02");
  });

  it("stops every process on SIGTERM", async () => {
    const workers = listening().filter(alive);
    expect(workers).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => primary.once("exit", (code) => resolve(code)));
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    await waitFor("web processes gone", () => workers.every((pid) => !alive(pid)), 5000);
  });
});
