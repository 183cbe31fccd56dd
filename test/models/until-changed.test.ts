/** Figures and lists read once per state of the database (src/models/until-changed.ts). */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSession, deleteExpiredSessions, generateSessionToken } from "../../src/auth/session.js";
import { writeUnshown } from "../../src/db/unshown-writes.js";
import { recordPersonalDataView } from "../../src/models/personal-data-views.js";
import { visitStaffOfPage } from "../../src/models/site-visits.js";
import { untilChanged, untilReferenceChanged } from "../../src/models/until-changed.js";
import { routeWorkSite, workSiteChoices } from "../../src/models/offices.js";
import { makeTestApp, workedCase } from "../helpers.js";

describe("untilChanged", () => {
  it("computes again after any write but the record of a personal-data view", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    const c = await workedCase(t, { to: "filed" });
    let computed = 0;
    const figure = () => untilChanged(t.db, "test-figure", () => ++computed);
    expect(figure()).toBe(1);
    expect(figure()).toBe(1);
    recordPersonalDataView(t.db, { caseId: c.id, userId: 1, page: "案件页", now: t.clock.now });
    expect(figure()).toBe(1);
    t.db.$client.prepare("update cases set employer_name = employer_name || '（更名）' where id = ?").run(c.id);
    expect(figure()).toBe(2);
  });

  it("computes again after a write that mixes unshown rows with shown ones, counted once when nested, and after a failed one", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    const c = await workedCase(t, { to: "filed" });
    let computed = 0;
    const figure = () => untilChanged(t.db, "test-figure", () => ++computed);
    figure();
    const token = generateSessionToken();
    // Nested: the session row counted once, not twice (which would hide the next shown write).
    writeUnshown(t.db, () => writeUnshown(t.db, () => createSession(t.db, token, 1, t.clock.now)));
    deleteExpiredSessions(t.db, new Date("2026-11-24T02:00:00Z"));
    expect(figure()).toBe(1);
    t.db.$client.prepare("update cases set employer_name = employer_name || '（更名）' where id = ?").run(c.id);
    expect(figure()).toBe(2);
    // A failed unshown write: its rows rolled back are still counted as unshown, not left to move the version.
    expect(() =>
      writeUnshown(t.db, () =>
        t.db.transaction((tx) => {
          tx.run(sql`delete from sessions`);
          throw new Error("rolled back");
        }),
      ),
    ).toThrow("rolled back");
    expect(figure()).toBe(2);
  });

  it("counts an unshown write on another connection inside one on this connection", async () => {
    const [a, b] = [await makeTestApp(new Date("2026-11-23T02:00:00Z")), await makeTestApp(new Date("2026-11-23T02:00:00Z"))];
    let computed = 0;
    const figureOfB = () => untilChanged(b.db, "test-figure-b", () => ++computed);
    figureOfB();
    writeUnshown(a.db, () => writeUnshown(b.db, () => createSession(b.db, generateSessionToken(), 1, b.clock.now)));
    expect(figureOfB()).toBe(1);
  });

  it("lists a new inspector on the case page's visit form at once", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    const c = await workedCase(t, { to: "filed" });
    const officeId = t.db.$client.prepare("select office_id from cases where id = ?").pluck().get(c.id) as number;
    const before = visitStaffOfPage(t.db, officeId).map((s) => s.displayName);
    expect(before).not.toContain("新来的监察员");
    t.db.$client
      .prepare(
        "insert into users (username, display_name, role, password_hash, office_id, active, created_at) values ('newcomer', '新来的监察员', 'inspector', 'x', ?, 1, 0)",
      )
      .run(officeId);
    expect(visitStaffOfPage(t.db, officeId).map((s) => s.displayName)).toContain("新来的监察员");
  });
});

describe("untilReferenceChanged", () => {
  it("keeps the offices' data through other writes, and reads it again after any change of an office or division, even one rolled back", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    let computed = 0;
    const offices = () => untilReferenceChanged(t.db, "offices", "test-offices", () => ++computed);
    expect(offices()).toBe(1);
    await workedCase(t, { to: "filed" });
    expect(offices()).toBe(1);
    t.db.$client.prepare("update offices set phone = '0431-1' where id = 1").run();
    expect(offices()).toBe(2);
    t.db.$client.prepare("update divisions set sort_order = sort_order + 1 where id = 1").run();
    expect(offices()).toBe(3);
    // Computed inside a transaction that changed an office and was rolled back: not kept for the old state.
    expect(() =>
      t.db.transaction((tx) => {
        tx.run(sql`update offices set phone = '0431-2' where id = 1`);
        expect(untilReferenceChanged(tx, "offices", "test-offices", () => ++computed)).toBe(4);
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    expect(offices()).toBe(5);
    expect(offices()).toBe(5);
  });

  it("routes a work site to the office that covers it right after the admin moves the division", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    const [first, second] = workSiteChoices(t.db);
    const site = first!.divisions[0]!;
    const before = routeWorkSite(t.db, site);
    expect(before.ok && before.office.name).toBe(first!.office);
    const secondId = t.db.$client.prepare("select id from offices where name = ?").pluck().get(second!.office) as number;
    t.db.$client.prepare("update divisions set office_id = ? where name = ?").run(secondId, site);
    const after = routeWorkSite(t.db, site);
    expect(after.ok && after.office.name).toBe(second!.office);
    expect(workSiteChoices(t.db).find((g) => g.office === second!.office)!.divisions).toContain(site);
  });
});
