/**
 * No full scan of `cases` (or of the other big tables) in any query the supervisors' pages run, checked on
 * a database of a few thousand cases with ANALYZE run, as the planner sees it at scale.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { periodOf } from "../../src/domain/statistics.js";
import { filteredCaseIds, type CaseFilters } from "../../src/models/case-list.js";
import { cityBoard, lateCases } from "../../src/models/city-board.js";
import { clearanceBoard, dashboard, inspectorFigures } from "../../src/models/dashboard.js";
import { figuresScope } from "../../src/models/offices.js";
import { periodStatistics } from "../../src/models/statistics.js";
import { makeTestApp, userId, type TestApp } from "../helpers.js";
import { BIG_TABLES, plansOf } from "./plans.js";
import { insertCase } from "./supervision-fixture.js";

const TODAY = "2026-11-23";

describe("query plans of the dashboard, statistics and clearance board", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    const leads = ["inspector1", "inspector2", "inspector3"].map((u) => userId(t.db, u));
    const districts = ["南关区", "朝阳区", "宽城区", "绿园区"];
    t.db.$client.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        const day = String(1 + (i % 28)).padStart(2, "0");
        const month = String(1 + (i % 11)).padStart(2, "0");
        const receivedOn = `2026-${month}-${day}`;
        const closed = i % 7 !== 0;
        insertCase(t.db, {
          receivedOn,
          state: closed ? "closed" : i % 2 ? "filed" : "received",
          filedOn: !closed && i % 2 ? receivedOn : undefined,
          closedOn: closed ? (receivedOn < "2026-11-01" ? `2026-${String(2 + (i % 10)).padStart(2, "0")}-${day}` : TODAY) : undefined,
          outcome: closed ? (i % 3 ? "paidAfterOrder" : "mediated") : undefined,
          lead: leads[i % 3],
          district: districts[i % 4],
          isConstruction: i % 2 === 0,
          recovered: closed ? [100000, 50000] : [null, null],
        });
      }
    })();
    t.db.$client.exec("analyze");
  });

  const check = (work: (t: TestApp) => void) => () => {
    const plans = plansOf(t, () => work(t));
    expect(plans.length).toBeGreaterThan(0);
    if (process.env.SHOW_PLANS) for (const p of plans) console.log(p.sql.replace(/\s+/g, " ").slice(0, 160), "\n   ", p.plan.join("\n    "));
    for (const p of plans) {
      expect(
        p.plan.filter((line) => BIG_TABLES.test(line)),
        p.sql,
      ).toEqual([]);
      // Every step over cases reads a covering index: no row-by-row lookups in the table either — except the
      // office of each open task-force task, each police referral, police answer and overturned decision of
      // the period (a handful per office).
      const fromFewRows = /from (task_force_tasks|enforcement_actions|police_referrals|decision_remedies) join cases/.test(p.sql);
      expect(
        p.plan.filter((line) => /SEARCH cases USING (INDEX|INTEGER PRIMARY KEY)/.test(line) && !(fromFewRows && /INTEGER PRIMARY KEY/.test(line))),
        p.sql,
      ).toEqual([]);
    }
  };

  it(
    "dashboard: no full scan",
    check((t) => dashboard(t.db, TODAY, figuresScope(t.db, null).officeIds)),
  );
  it(
    "statistics for the year: no full scan",
    check((t) => periodStatistics(t.db, periodOf("year", TODAY), figuresScope(t.db, null).officeIds, "全市")),
  );
  it(
    "clearance board: no full scan",
    check((t) => clearanceBoard(t.db, TODAY, figuresScope(t.db, null).officeIds)),
  );

  it("the city's board and the 通报's late cases: never a full scan, every search of cases led by the office", () => {
    const plans = plansOf(t, () => {
      cityBoard(t.db, TODAY, periodOf("month", TODAY));
      lateCases(t.db, TODAY);
    });
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(
        p.plan.filter((line) => BIG_TABLES.test(line)),
        p.sql,
      ).toEqual([]);
      expect(
        p.plan.filter((line) => /SEARCH cases/.test(line) && !/\(office_id=\?/.test(line)),
        p.sql,
      ).toEqual([]);
    }
  });

  it("an inspector's own figures on the workbench: searched through their own cases, never a full scan", () => {
    const plans = plansOf(t, () => inspectorFigures(t.db, TODAY, { inspectorId: userId(t.db, "inspector2") }));
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans)
      expect(
        p.plan.filter((line) => BIG_TABLES.test(line)),
        p.sql,
      ).toEqual([]);
  });

  it.each([
    ["every case", { state: "all" }],
    ["open cases overdue on the target clock", { state: "open", clock: "overdue", clockOn: "target" }],
    ["one district's closed cases", { state: "closed", district: "朝阳区" }],
  ] as const)("the case-list export, %s: each chunk searches by id, never a full scan", (_, f) => {
    const blank: Omit<CaseFilters, "state"> = { clock: "", district: "", channel: "", officeId: null, q: "", inspectorId: null, everyCase: false, page: 1 };
    const filters: CaseFilters = { ...blank, ...f };
    const plans = plansOf(t, () => filteredCaseIds(t.db, { kind: "all", access: "full", officeId: null }, filters, TODAY, 1000, 100));
    expect(plans.length).toBeGreaterThan(0);
    if (process.env.SHOW_PLANS) for (const p of plans) console.log(p.plan.join("\n    "));
    for (const p of plans)
      expect(
        p.plan.filter((line) => /SCAN (c|cases)\b/.test(line)),
        p.sql,
      ).toEqual([]);
  });
});
