/**
 * The 防欠成效 figures (docs/rules.md §防欠成效 figures) — a period's special-action work, fund movements and
 * guarantee uses for one office and for the city, and the dashboard's open risk points and outstanding
 * advances with the list they link to — never read a table of inspections, risk points, guarantee uses or
 * fund movements in full: each step searches an index. Checked on the bulk generator's actions with ANALYZE run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { bulkPrevention } from "../../seeds/bulk-prevention.js";
import { figuresScope } from "../../src/models/offices.js";
import { dashboardSafeguards, openRiskList, periodSafeguards } from "../../src/models/safeguard-figures.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { makeTestApp, userId, type TestApp } from "../helpers.js";
import { plansOf } from "./plans.js";

const TABLES =
  "projects|guarantee_uses|special_actions|inspection_groups|inspections|risk_points|risk_payments|emergency_advances|emergency_fund_movements|cases";

function fullReads(plans: { sql: string; plan: string[] }[]): string[] {
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((line) => new RegExp(`^SCAN (${TABLES})\\b`).test(line))
      .filter((line) => !(/USING (COVERING )?INDEX/.test(line) && /\blimit\b/i.test(sql)))
      .map((line) => `${line}  ←  ${sql.slice(0, 160)}`),
  );
}

describe("query plans of the 防欠成效 figures", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const sites = t.db.$client.prepare("select id, name, office_id as officeId from divisions where office_id is not null").all() as {
      id: number;
      name: string;
      officeId: number;
    }[];
    let a = 11;
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
    expect(fullReads(plans)).toEqual([]);
  });
});
