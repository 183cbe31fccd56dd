/** A page asked for again while nothing it shows changed is sent as rendered (src/http/page-cache.ts). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { openDb } from "../../src/db/client.js";
import { browser, loginAs, makeCase, makeTestApp, templateDatabase, workedCase, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
let inspector: Agent;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t, { to: "filed" });
  inspector = await loginAs(t.app, "inspector1");
});

const viewsOf = (caseId: number) => t.db.$client.prepare("select count(*) from personal_data_views where case_id = ?").pluck().get(caseId) as number;

describe("the page cache", () => {
  it("sends an unchanged case page again as it was rendered, and records the personal-data view each time", async () => {
    const first = await inspector.get(`/cases/${c.id}`);
    expect(first.status).toBe(200);
    expect(first.headers["x-page-cache"]).toBeUndefined();
    const views = viewsOf(c.id);
    expect(views).toBeGreaterThan(0);
    // Recorded with the viewer and the time of the view (seconds since the epoch), under the case's office.
    expect(t.db.$client.prepare("select page, viewed_at, office_id from personal_data_views where case_id = ? order by id desc limit 1").get(c.id)).toEqual({
      page: "案件页",
      viewed_at: Date.parse("2026-11-23T02:00:00Z") / 1000,
      office_id: t.db.$client.prepare("select office_id from cases where id = ?").pluck().get(c.id),
    });
    const second = await inspector.get(`/cases/${c.id}`);
    expect(second.headers["x-page-cache"]).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(second.headers["content-type"]).toBe(first.headers["content-type"]);
    expect(viewsOf(c.id)).toBe(2 * views);
    // The views it recorded again are no change: the third is kept too.
    expect((await inspector.get(`/cases/${c.id}`)).headers["x-page-cache"]).toBe("hit");
  });

  it("keeps other pages while a case page records who saw its personal data", async () => {
    await inspector.get("/cases");
    await inspector.get(`/cases/${c.id}`);
    expect((await inspector.get(`/cases/${c.id}`)).headers["x-page-cache"]).toBe("hit");
    expect((await inspector.get("/cases")).headers["x-page-cache"]).toBe("hit");
  });

  it("renders afresh for a hard reload (Cache-Control: no-cache) and keeps what it rendered", async () => {
    await inspector.get(`/cases/${c.id}`);
    const reload = await inspector.get(`/cases/${c.id}`).set("Cache-Control", "no-cache");
    expect(reload.status).toBe(200);
    expect(reload.headers["x-page-cache"]).toBeUndefined();
    const legacy = await inspector.get(`/cases/${c.id}`).set("Pragma", "no-cache");
    expect(legacy.headers["x-page-cache"]).toBeUndefined();
    expect((await inspector.get(`/cases/${c.id}`)).headers["x-page-cache"]).toBe("hit");
  });

  it("renders again after any write, through a form or not", async () => {
    await inspector.get(`/cases/${c.id}`);
    await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .type("form")
      .send({ version: String(c.version()), contactedOn: "2026-11-23", personReached: "项目经理 周某", summary: "答应周五前付清。" });
    const afterForm = await inspector.get(`/cases/${c.id}`);
    expect(afterForm.headers["x-page-cache"]).toBeUndefined();
    expect(afterForm.text).toContain("项目经理 周某");
    t.db.$client.prepare("update cases set employer_name = '改名后的用人单位' where id = ?").run(c.id);
    const afterWrite = await inspector.get(`/cases/${c.id}`);
    expect(afterWrite.headers["x-page-cache"]).toBeUndefined();
    expect(afterWrite.text).toContain("改名后的用人单位");
  });

  it("keeps pages through other users' sign-ins and wrong passwords, session renewals and sign-outs, which no page shows", async () => {
    const first = await inspector.get("/cases");
    await loginAs(t.app, "supervisor1");
    expect((await browser(t.app).post("/login").type("form").send({ username: "clerk1", password: "wrong-password" })).status).toBe(401);
    // 16 minutes on: the inspector's own session is renewed (a write, and a cookie) as the kept page is sent.
    t.clock.now = new Date("2026-11-23T02:16:00Z");
    const renewed = await inspector.get("/cases");
    expect(renewed.headers["set-cookie"]?.[0]).toMatch(/^qx_session=/);
    expect(renewed.headers["x-page-cache"]).toBe("hit");
    expect(renewed.text).toBe(first.text);
    const clerk = await loginAs(t.app, "clerk1");
    await clerk.post("/logout");
    expect((await inspector.get("/cases")).headers["x-page-cache"]).toBe("hit");
    // A write a page shows still renders it again.
    t.db.$client.prepare("update cases set employer_name = '改名后的用人单位' where id = ?").run(c.id);
    const after = await inspector.get("/cases");
    expect(after.headers["x-page-cache"]).toBeUndefined();
    expect(after.text).toContain("改名后的用人单位");
  });

  it("keeps pages per viewer, per address and per htmx target", async () => {
    const supervisor = await loginAs(t.app, "supervisor1");
    await inspector.get("/cases");
    expect((await supervisor.get("/cases")).headers["x-page-cache"]).toBeUndefined();
    expect((await inspector.get("/cases?state=all")).headers["x-page-cache"]).toBeUndefined();
    const partial = await inspector.get("/cases").set("HX-Request", "true").set("HX-Target", "results");
    expect(partial.headers["x-page-cache"]).toBeUndefined();
    expect(partial.text).not.toContain("<html");
    expect((await inspector.get("/cases")).headers["x-page-cache"]).toBe("hit");
  });

  it("renders again on a new day (clocks count in days) and when a one-off notice rides on a cookie", async () => {
    await inspector.get(`/cases/${c.id}`);
    t.clock.now = new Date("2026-11-24T02:00:00Z");
    expect((await inspector.get(`/cases/${c.id}`)).headers["x-page-cache"]).toBeUndefined();
    const withNotice = await inspector.get(`/cases/${c.id}`).set("Cookie", "qx_saved=1");
    expect(withNotice.headers["x-page-cache"]).toBeUndefined();
  });

  it("sends a page whose visit time defaults to now only within that minute, and a page without one as long as nothing changes", async () => {
    // 10:00:30 in Shanghai: the site-visit form offers 10:00 and refuses a later time in the browser (max).
    t.clock.now = new Date("2026-11-23T02:00:30Z");
    const first = await inspector.get(`/cases/${c.id}`);
    expect(first.text).toMatch(/name="visitedAt"[^>]*value="2026-11-23T10:00"[^>]*max="2026-11-23T10:00"/);
    await inspector.get("/cases");
    t.clock.now = new Date("2026-11-23T02:00:59Z");
    expect((await inspector.get(`/cases/${c.id}`)).headers["x-page-cache"]).toBe("hit");
    t.clock.now = new Date("2026-11-23T02:01:00Z");
    const later = await inspector.get(`/cases/${c.id}`);
    expect(later.headers["x-page-cache"]).toBeUndefined();
    expect(later.text).toMatch(/name="visitedAt"[^>]*value="2026-11-23T10:01"[^>]*max="2026-11-23T10:01"/);
    // The 询问笔录's times may not lie after now either: its limit moves with the minute too (the form drawn when opened).
    expect((await inspector.get(`/cases/${c.id}?open=inquiry`)).text).toMatch(/name="startedAt"[^>]*max="2026-11-23T10:01"/);
    // The section alone, as htmx asks for it, the same way.
    const section = () => inspector.get(`/cases/${c.id}/sections/visits`).set("HX-Request", "true").set("HX-Target", "visits");
    expect((await section()).text).toContain('value="2026-11-23T10:01"');
    t.clock.now = new Date("2026-11-23T02:05:00Z");
    const sectionLater = await section();
    expect(sectionLater.headers["x-page-cache"]).toBeUndefined();
    expect(sectionLater.text).toContain('value="2026-11-23T10:05"');
    // The workbench shows no time of day: still kept.
    expect((await inspector.get("/cases")).headers["x-page-cache"]).toBe("hit");
  });

  it("renders again after another process wrote to the database file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "qx-page-cache-")), "app.db");
    const seeded = openDb(await templateDatabase());
    seeded.$client.exec(`vacuum into '${file}'`);
    seeded.$client.close();
    const db = openDb(file);
    const app = createApp({
      db,
      config: readConfig({ NODE_ENV: "test", EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "qx-evidence-")) }),
      now: () => new Date("2026-11-23T02:00:00Z"),
    });
    const supervisor = await loginAs(app, "supervisor1");
    const caseId = makeCase(db).id;
    await supervisor.get(`/cases/${caseId}`);
    expect((await supervisor.get(`/cases/${caseId}`)).headers["x-page-cache"]).toBe("hit");
    const other = openDb(file);
    other.$client.prepare("update cases set employer_name = '另一进程改的名' where id = ?").run(caseId);
    other.$client.close();
    const after = await supervisor.get(`/cases/${caseId}`);
    expect(after.headers["x-page-cache"]).toBeUndefined();
    expect(after.text).toContain("另一进程改的名");
    db.$client.close();
  });

  it("keeps the fund, special action, project, risk and transfer pages until something is written", async () => {
    const supervisor = await loginAs(t.app, "supervisor1");
    const office = t.db.$client.prepare("select id from offices order by id limit 1").pluck().get() as number;
    const pages = ["/funds", `/funds/${office}`, "/actions", "/projects", "/risks", "/transfers"];
    for (const path of pages) {
      const first = await supervisor.get(path);
      expect(first.status, path).toBe(200);
      const again = await supervisor.get(path);
      expect(again.headers["x-page-cache"], path).toBe("hit");
      expect(again.text, path).toBe(first.text);
    }
    t.db.$client.prepare("update offices set phone = '0431-80000000' where id = ?").run(office);
    for (const path of pages) expect((await supervisor.get(path)).headers["x-page-cache"], path).toBeUndefined();
  });
});
