import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { openDb } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { bulkSeed } from "../../seeds/bulk.js";
import { seed, seedDemo } from "../../seeds/index.js";
import { browser, loginAs, makeTestApp } from "../helpers.js";

const NOW = new Date("2026-11-23T02:00:00Z");

describe("first start", () => {
  it("in development seeds the demo accounts, 26 member units and about sixty demo cases, once", async () => {
    const db = openDb(":memory:");
    migrateDb(db);
    const config = readConfig({ NODE_ENV: "development", EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "qx-seed-")) });
    await seed(db, config, NOW);
    await seed(db, config, NOW);
    const q = (sql: string) => db.$client.prepare(sql).pluck().get();
    // The demo city's offices: the city office and 17 县(市)区/开发区 offices, each with its divisions; two with staff.
    expect(q("select count(*) from users")).toBe(13);
    expect(q("select count(*) from offices")).toBe(18);
    expect(q("select count(*) from offices where kind = 'city'")).toBe(1);
    expect(q("select count(*) from divisions where office_id is null")).toBe(0);
    expect(q("select count(*) from cases where office_id is null")).toBe(0);
    expect(q("select count(*) from member_units")).toBe(26);
    // Sixty demo cases, and five more behind the demo blacklist proceedings.
    expect(q("select count(*) from cases")).toBe(65);
    expect(q("select count(distinct state) from cases")).toBe(5);
    expect(q("select count(distinct district) from cases")).toBe(11);
    expect(q("select max(n) from (select count(*) n from case_workers group by case_id)")).toBeGreaterThanOrEqual(30);
    // Some cases are overdue on the 8-working-day target.
    expect(q("select count(*) from cases where state != 'closed' and target_due_on < '2026-11-23'")).toBeGreaterThan(0);
    // The calendar reaches five years ahead.
    expect(q("select max(year) from calendar_years")).toBe(2031);
    // Every stage of 三办+快调 shows up: visits with their (stand-in) recordings, agreements, orders, tasks.
    expect(q("select count(*) from site_visits")).toBeGreaterThan(0);
    expect(readdirSync(config.evidenceDir)).toHaveLength(q("select count(*) from evidence where visit_id is not null") as number);
    expect(q("select count(*) from cases where outcome = 'mediated' and filed_on is null")).toBe(5);
    expect(q("select count(*) from payment_orders")).toBeGreaterThan(0);
    expect(q("select count(distinct status) from task_force_tasks")).toBe(2);
    // Every closed case records what each worker recovered (the seed moves cases the one way the app does).
    expect(q("select count(*) from case_workers w join cases c on c.id = w.case_id where c.state = 'closed' and w.recovered_fen is null")).toBe(0);
    // The blacklist in every stage, and last quarter's 重大违法 list published.
    expect(q("select group_concat(stage, ',') from (select stage from blacklist_proceedings order by id)")).toBe("listed,listed,removed,noticed,proposed");
    expect(q("select count(*) from violation_batches where published_on is not null")).toBe(1);
  });

  it("in development leaves a database made by seed:bulk as it is (issue 22 defect 12)", async () => {
    const db = openDb(":memory:");
    migrateDb(db);
    const config = readConfig({ NODE_ENV: "development", EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "qx-seed-")) });
    await seedDemo(db);
    await bulkSeed(db, { cases: 300, today: "2026-11-23" });
    const q = (sql: string) => db.$client.prepare(sql).pluck().get();
    const before = { cases: q("select count(*) from cases"), orders: q("select count(*) from payment_orders") };
    await seed(db, config, NOW);
    expect({ cases: q("select count(*) from cases"), orders: q("select count(*) from payment_orders") }).toEqual(before);
    expect(q("select count(*) from blacklist_proceedings")).toBe(0);
  });

  it("in production creates no demo data, only the first admin with ADMIN_PASSWORD", async () => {
    const db = openDb(":memory:");
    migrateDb(db);
    const config = readConfig({ NODE_ENV: "production", ADMIN_PASSWORD: "first-admin-pass" });
    await seed(db, config, NOW);
    expect(db.$client.prepare("select username from users").pluck().all()).toEqual(["admin"]);
    expect(db.$client.prepare("select count(*) from cases").pluck().get()).toBe(0);
    expect(db.$client.prepare("select count(*) from member_units").pluck().get()).toBe(0);
    const app = createApp({ db, config, now: () => NOW });
    const res = await browser(app).post("/login").type("form").send({ username: "admin", password: "first-admin-pass" });
    expect(res.status).toBe(303);
    expect(String(res.headers["set-cookie"])).toMatch(/Secure/);
  });
});

describe("an unexpected failure", () => {
  it("shows a Chinese 500 page without a stack trace", async () => {
    const t = await makeTestApp();
    const admin = await loginAs(t.app, "admin");
    t.db.$client.exec("drop table audit_events");
    const res = await admin.get("/admin/calendar/2026");
    expect(res.status).toBe(500);
    expect(res.text).toContain("系统出错了");
    expect(res.text).not.toMatch(/SqliteError|at .*\.(ts|js):\d+/);
  });

  it("answers a 404 for an unknown case", async () => {
    const t = await makeTestApp();
    const res = await (await loginAs(t.app, "supervisor1")).get("/cases/999");
    expect(res.status).toBe(404);
    expect(res.text).toContain("案件不存在");
    expect((await request(t.app).get("/cases/999")).status).toBe(303);
  });
});
