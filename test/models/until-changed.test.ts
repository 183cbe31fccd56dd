/** Figures and lists read once per state of the database (src/models/until-changed.ts). */
import { describe, expect, it } from "vitest";
import { recordPersonalDataView } from "../../src/models/personal-data-views.js";
import { visitStaffOfPage } from "../../src/models/site-visits.js";
import { untilChanged } from "../../src/models/until-changed.js";
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
