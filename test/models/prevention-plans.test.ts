/**
 * The project list, the project page, intake's project lookup, the employer's projects, the action list and
 * the action page never read a table of projects, inspections or risk points in full: each step is a
 * search of an index, or (for the city's lists, which show the first 200 in an index's order) a limited
 * walk of one. Checked on the bulk generator's projects and actions with ANALYZE run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listActions, actionPage, inspectableProjects } from "../../src/models/special-actions.js";
import { findProjectForCase, listProjects, projectPage, projectsOfEmployer } from "../../src/models/projects.js";
import { loadCalendar } from "../../src/models/calendar.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { bulkPrevention } from "../../seeds/bulk-prevention.js";
import { makeTestApp, userId, type TestApp } from "../helpers.js";
import { plansOf } from "./plans.js";

const TABLES =
  "projects|project_subcontractors|project_cases|guarantee_uses|special_actions|inspection_groups|inspection_group_members|inspections|risk_points|risk_payments|cases";

/** Plan lines that read a table in full: a SCAN without an index, or an index walk without a LIMIT to stop it. */
function fullReads(plans: { sql: string; plan: string[] }[]): string[] {
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((line) => new RegExp(`^SCAN (${TABLES})\\b`).test(line))
      .filter((line) => !(/USING (COVERING )?INDEX/.test(line) && /\blimit\b/i.test(sql)))
      .map((line) => `${line}  ←  ${sql.slice(0, 160)}`),
  );
}

describe("query plans of projects and special actions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const sites = t.db.$client.prepare("select id, name, office_id as officeId from divisions where office_id is not null").all() as {
      id: number;
      name: string;
      officeId: number;
    }[];
    let a = 7;
    const next = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    const rng = {
      int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
      pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
      chance: (p: number) => next() < p,
    };
    bulkPrevention(t.db.$client, { cases: 80_000, today: "2026-11-23", years: 1, rng, sites, actorId: userId(t.db, "supervisor1") });
    t.db.$client.exec("analyze");
  }, 60_000);

  it("reads no table in full for the lists, the pages and the lookups", () => {
    const city = viewerOfUsername(t.db, "supervisor1");
    const cy = viewerOfUsername(t.db, "supervisor_cy");
    const calendar = loadCalendar(t.db);
    const cyOffice = cy.officeId!;
    const someProject = t.db.$client.prepare("select id, name, contractor_uscc from projects where office_id = ? limit 1").get(cyOffice) as {
      id: number;
      name: string;
      contractor_uscc: string;
    };
    const someAction = t.db.$client.prepare("select id from special_actions where office_id = ? order by id desc limit 1").pluck().get(cyOffice) as number;
    const plans = plansOf(t, () => {
      for (const officeId of [cyOffice, null]) {
        listProjects(t.db, { officeId, q: "", missingOnly: false, guarantee: "" });
        listProjects(t.db, { officeId, q: "", missingOnly: true, guarantee: "none" });
        listProjects(t.db, { officeId, q: "朝阳", missingOnly: false, guarantee: "" });
        listProjects(t.db, { officeId, q: someProject.contractor_uscc, missingOnly: false, guarantee: "" });
      }
      projectPage(t.db, someProject.id, cy, "2026-11-23", calendar);
      findProjectForCase(t.db, cyOffice, someProject.name, "");
      findProjectForCase(t.db, cyOffice, "", someProject.contractor_uscc);
      projectsOfEmployer(t.db, { uscc: someProject.contractor_uscc, name: "" }, null);
      projectsOfEmployer(t.db, { uscc: someProject.contractor_uscc, name: "" }, cyOffice);
      listActions(t.db, city);
      listActions(t.db, cy);
      actionPage(t.db, someAction, cy, "2026-11-23", calendar);
      inspectableProjects(t.db, cy);
      inspectableProjects(t.db, city);
    });
    expect(plans.length).toBeGreaterThan(20);
    expect(fullReads(plans)).toEqual([]);
  });
});
