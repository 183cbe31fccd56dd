/** Issue 13, defect 7: online filing from many addresses has a global ceiling, and possible duplicates are flagged for staff, never dropped. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Express } from "express";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { openDb } from "../../src/db/client.js";
import { browser, idNumber, loginAs, makeTestApp, templateDatabase, type TestApp } from "../helpers.js";

const form = (n: number, overrides: Record<string, string> = {}) => ({
  "workers.0.name": `工人${n}`,
  "workers.0.phone": `137${String(10000000 + n).slice(-8)}`,
  "workers.0.idNumber": idNumber(n),
  "workers.0.age": "36",
  "workers.0.claimed": "9600",
  employerName: "某餐饮管理有限公司",
  district: "二道区",
  facts: "2026年6月至9月在该公司做服务员，欠三个月工资。",
  ...overrides,
});

const file = (t: { app: Express }, address: string, body: Record<string, string>) =>
  browser(t.app).set("X-Forwarded-For", address).post("/complaint").type("form").send(body);
const count = (t: TestApp) => t.db.$client.prepare("select count(*) from cases").pluck().get() as number;

describe("online filing under a flood (defect 7)", () => {
  it("stops at the global ceiling whatever the address, with a calm Chinese message", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true", ONLINE_FILING_PER_HOUR: "10" });
    for (let i = 0; i < 10; i++) expect((await file(t, `198.51.100.${i}`, form(i))).status).toBe(303);
    const refused = await file(t, "198.51.100.200", form(200));
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("网上投诉一时提交的人较多");
    expect(refused.text).toContain("12333");
    expect(refused.text).toContain('value="工人200"');
    expect(count(t)).toBe(10);
  });

  it("holds the ceiling across web processes sharing one database (WEB_WORKERS > 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qx-flood-"));
    writeFileSync(join(dir, "app.db"), await templateDatabase());
    const config = readConfig({ NODE_ENV: "test", TRUST_PROXY: "true", ONLINE_FILING_PER_HOUR: "10", EVIDENCE_DIR: join(dir, "evidence") });
    const processes = [0, 1].map(() => ({ app: createApp({ db: openDb(join(dir, "app.db")), config }) }));
    for (let i = 0; i < 10; i++) expect((await file(processes[i % 2]!, `198.51.100.${i}`, form(i))).status).toBe(303);
    for (const p of processes) expect((await file(p, "198.51.100.200", form(200))).status).toBe(429);
  });

  it("flags a second complaint with the same phone and employer within a day as a possible duplicate, and keeps both", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    expect((await file(t, "198.51.100.1", form(1))).status).toBe(303);
    expect((await file(t, "198.51.100.2", form(1, { facts: "再次提交：欠三个月工资。" }))).status).toBe(303);
    expect((await file(t, "198.51.100.3", form(1, { employerName: "另一家公司" }))).status).toBe(303);
    expect(count(t)).toBe(3);
    const rows = t.db.$client.prepare("select case_number, possible_duplicate_of from cases order by id").all() as {
      case_number: string;
      possible_duplicate_of: number | null;
    }[];
    expect(rows.map((r) => r.possible_duplicate_of)).toEqual([null, 1, null]);

    const supervisor = await loginAs(t.app, "supervisor1");
    const list = await supervisor.get("/cases");
    expect([...list.text.matchAll(/data-possible-duplicate>/g)]).toHaveLength(1);
    const page = await supervisor.get("/cases/2");
    expect(page.text).toContain(`data-possible-duplicate="${rows[0]!.case_number}"`);
    expect(page.text).toContain("可能重复");
  });

  it("does not flag the same phone a day later", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    await file(t, "198.51.100.1", form(1));
    t.clock.now = new Date(t.clock.now.getTime() + 25 * 3600_000);
    await file(t, "198.51.100.2", form(1));
    expect(t.db.$client.prepare("select possible_duplicate_of from cases where id = 2").pluck().get()).toBeNull();
  });
});
