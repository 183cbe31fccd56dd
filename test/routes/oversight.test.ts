/** Orphan upload files (defect 9) in the admin's health view, and the supervisors' log of who saw unmasked personal data. */
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeOldOrphanFiles } from "../../src/models/evidence-files.js";
import { browser, intakeFields, loginAs, makeCase, makeTestApp, userId } from "../helpers.js";

describe("orphan upload files (defect 9)", () => {
  it("are counted in the admin's health view and those older than a day removed at start, never a recorded file", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    let req = clerk.post("/cases");
    for (const [k, v] of Object.entries(intakeFields())) req = req.field(k, v);
    expect((await req.attach("evidence", Buffer.from("%PDF-1.4"), "工资条.pdf")).status).toBe(303);
    const recorded = t.db.$client.prepare("select stored_name from evidence").pluck().get() as string;
    const old = join(t.evidenceDir, "1700000000000-deadbeef.pdf");
    writeFileSync(old, "half an upload");
    const dayAgo = new Date(t.clock.now.getTime() - 25 * 3600_000);
    utimesSync(old, dayAgo, dayAgo);
    utimesSync(join(t.evidenceDir, recorded), dayAgo, dayAgo);
    writeFileSync(join(t.evidenceDir, "1800000000000-cafebabe.mp4"), "an upload a minute ago");

    await browser(t.app).post("/login").type("form").send({ username: "inspector2", password: "wrong" });
    const admin = await loginAs(t.app, "admin");
    const health = await admin.get("/admin/health");
    expect(health.text).toContain('data-failing-logins="1"');
    expect(health.status).toBe(200);
    expect(health.text).toContain('data-orphans="2"');
    expect(health.text).toContain("现有 1 个将在下次启动时清除");

    expect(removeOldOrphanFiles(t.db, t.evidenceDir, t.clock.now)).toEqual({ removed: 1, bytes: 14 });
    expect((await admin.get("/admin/health")).text).toContain('data-orphans="1"');
    expect(t.db.$client.prepare("select count(*) from evidence").pluck().get()).toBe(1);
    expect((await clerk.get("/admin/health")).status).toBe(403);
  });
});

describe("who saw unmasked personal data", () => {
  it("records each case page and receipt a case worker opens, for supervisors to read", async () => {
    const t = await makeTestApp();
    const { id, caseNumber } = makeCase(t.db);
    const clerk = await loginAs(t.app, "clerk1");
    expect((await clerk.get(`/cases/${id}`)).status).toBe(200);
    expect((await clerk.get(`/cases/${id}/receipt`)).status).toBe(200);
    const supervisor = await loginAs(t.app, "supervisor1");
    const log = await supervisor.get(`/personal-data-views?case=${caseNumber}`);
    expect(log.status).toBe(200);
    const rows = [...log.text.matchAll(/<tr data-view="\d+">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/\s+/g, " "));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("登记回执");
    expect(rows[1]).toContain("案件页");
    expect(rows[1]).toContain("clerk1");
    expect(rows[1]).toContain(caseNumber);
    const stored = t.db.$client.prepare("select user_id, page from personal_data_views order by id").all();
    expect(stored).toEqual([
      { user_id: userId(t.db, "clerk1"), page: "案件页" },
      { user_id: userId(t.db, "clerk1"), page: "登记回执" },
    ]);
  });

  it("does not log masked read-only views, and only supervisors read the log", async () => {
    const t = await makeTestApp(undefined, { INSPECTORS_READ_ALL: "true" });
    const { id } = makeCase(t.db);
    const inspector = await loginAs(t.app, "inspector3");
    expect((await inspector.get(`/cases/${id}`)).status).toBe(200);
    expect(t.db.$client.prepare("select count(*) from personal_data_views").pluck().get()).toBe(0);
    expect((await inspector.get("/personal-data-views")).status).toBe(403);
  });
});
