/**
 * The 防欠成效 figures (docs/rules.md §防欠成效 figures) — a period's special-action work, fund movements and
 * guarantee uses for one office and for the city, and the dashboard's open risk points and outstanding
 * advances with the list they link to — never read a table of inspections, risk points, guarantee uses or
 * fund movements in full: each step searches an index. Checked on the bulk generator's actions with ANALYZE run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { figuresScope } from "../../src/models/offices.js";
import { dashboardSafeguards, openRiskList, periodSafeguards } from "../../src/models/safeguard-figures.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { makeTestApp, type TestApp } from "../helpers.js";
import { fullReads, plansOf, withBulkPrevention } from "./plans.js";

const TABLES =
  "projects|guarantee_uses|special_actions|inspection_groups|inspections|risk_points|risk_payments|emergency_advances|emergency_fund_movements|cases";

describe("query plans of the 防欠成效 figures", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    withBulkPrevention(t, 11);
  }, 60_000);

  it("searches an index at every step, for one office and for the city", () => {
    const cy = viewerOfUsername(t.db, "supervisor_cy").officeId!;
    const period = { from: "2026-07-01", to: "2026-09-30" };
    const plans = plansOf(t, () => {
      for (const officeIds of [[cy], figuresScope(t.db, null).officeIds]) {
        periodSafeguards(t.db, officeIds, period);
        dashboardSafeguards(t.db, "2026-11-23", officeIds);
        openRiskList(t.db, "2026-11-23", officeIds, false);
        openRiskList(t.db, "2026-11-23", officeIds, true);
      }
    });
    expect(plans.length).toBeGreaterThan(10);
    expect(fullReads(plans, TABLES)).toEqual([]);
  });
});
