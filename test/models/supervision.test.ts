import { beforeAll, describe, expect, it } from "vitest";
import { caseClocks, type ClockKey } from "../../src/domain/clocks.js";
import type { CaseState } from "../../src/domain/case-states.js";
import { periodOf } from "../../src/domain/statistics.js";
import { loadCalendar } from "../../src/models/calendar.js";
import { clearanceBoard, dashboard, inspectorFigures } from "../../src/models/dashboard.js";
import { figuresScope } from "../../src/models/offices.js";
import { periodStatistics } from "../../src/models/statistics.js";
import { closeCase } from "../../src/models/settlements.js";
import { caseInput, makeTestApp, userId, workedCase, workerInput, type TestApp } from "../helpers.js";
import { insertCase, type FixtureCase } from "./supervision-fixture.js";

const TODAY = "2026-11-23"; // a Monday

describe("period statistics on five closed cases with known working days", () => {
  let t: TestApp;
  let stats: ReturnType<typeof periodStatistics>;
  beforeAll(async () => {
    t = await makeTestApp();
    const lead = userId(t.db, "inspector1");
    // Received Mon 11-02; the 8th working day after it is Thu 11-12.
    insertCase(t.db, {
      receivedOn: "2026-11-02",
      state: "closed",
      closedOn: "2026-11-12",
      outcome: "paidAfterOrder",
      lead,
      district: "朝阳区",
      isConstruction: true,
      recovered: [500000, 300000],
    });
    insertCase(t.db, {
      receivedOn: "2026-11-02",
      state: "closed",
      closedOn: "2026-11-13",
      outcome: "mediated",
      lead,
      district: "朝阳区",
      isConstruction: true,
      recovered: [100000],
    });
    insertCase(t.db, {
      receivedOn: "2026-11-09",
      state: "closed",
      closedOn: "2026-11-11",
      outcome: "mediated",
      lead,
      district: "南关区",
      channel: "phone12333",
      recovered: [200000],
    });
    insertCase(t.db, {
      receivedOn: "2026-11-03",
      state: "closed",
      closedOn: "2026-11-10",
      outcome: "withdrawn",
      district: "南关区",
      channel: "online",
      recovered: [0],
    });
    insertCase(t.db, {
      receivedOn: "2026-11-04",
      state: "closed",
      closedOn: "2026-11-20",
      outcome: "referredToPolice",
      lead,
      district: "南关区",
      recovered: [400000],
    });
    // Closed before the period: counts nowhere; received in it but still open: counts as received only.
    insertCase(t.db, { receivedOn: "2026-10-08", state: "closed", closedOn: "2026-10-20", outcome: "withdrawn", recovered: [0] });
    insertCase(t.db, { receivedOn: "2026-11-23", state: "received", escalatedOn: "2026-11-23" });
    stats = periodStatistics(t.db, periodOf("month", TODAY), figuresScope(t.db, null).officeIds, "全市");
  });

  it("takes the working days from receipt to close from the calendar (8, 9, 2, 5, 12)", () => {
    const days = t.db.$client.prepare("select working_days_taken from cases where closed_on >= '2026-11-01' order by id").pluck().all();
    expect(days).toEqual([8, 9, 2, 5, 12]);
  });

  it("averages 36 / 5 = 7.2 working days", () => {
    expect(stats.averageDays).toBeCloseTo(7.2, 10);
  });

  it("counts a case closed on its 8th working day as within 8 (3 of 5)", () => {
    expect(stats.figures.closedWithinTarget).toBe(3);
    expect(stats.withinShare).toBeCloseTo(0.6, 10);
  });

  it("reports the improvement over the statutory 60 as 1 − 7.2/60 = 88 %", () => {
    expect(stats.improvement).toBeCloseTo(0.88, 10);
  });

  it("counts cases closed, workers helped (money recovered) and the amount", () => {
    expect(stats.figures).toMatchObject({ casesClosed: 5, workersHelped: 5, recoveredFen: 1_500_000, mediatedCases: 2, mediatedFen: 300_000 });
  });

  it("counts complaints received by channel, task-force escalations and police referrals", () => {
    expect(stats.receivedTotal).toBe(6);
    expect(Object.fromEntries(stats.byChannel.map((r) => [r.key, r.received]))).toEqual({ window: 4, phone12333: 1, online: 1 });
    expect(stats.taskForce).toBe(1);
    expect(stats.police).toBe(1);
  });

  it("breaks the closings down by district and by industry", () => {
    const chaoyang = stats.byDistrict.find((d) => d.district === "朝阳区")!;
    expect(chaoyang).toMatchObject({ received: 2, closed: 2, workers: 3, recoveredFen: 900_000, within: 1 });
    expect(chaoyang.averageDays).toBeCloseTo(8.5, 10);
    expect(stats.byIndustry[0]).toMatchObject({ construction: true, received: 2, closed: 2 });
    expect(stats.byIndustry[1]).toMatchObject({ construction: false, received: 4, closed: 3, recoveredFen: 600_000 });
  });

  it("gives one row per month of the period", () => {
    expect(stats.byMonth).toEqual([expect.objectContaining({ month: "2026-11", received: 6, closed: 5, within: 3 })]);
  });

  it("writes the bureau's summary sentence from the same figures", () => {
    expect(stats.sentence).toBe(
      "2026年11月1日至11月23日，全市办结欠薪案件5件，为5名农民工追讨工资1.50万元；平均办结时限7.2个工作日，比法定60个工作日提高88%；通过快速调处化解立案前欠薪问题2件，追回0.30万元。",
    );
  });

  it("gives each inspector this month's closings, within 8 and average (same figures as the dashboard)", () => {
    const mine = inspectorFigures(t.db, TODAY, { inspectorId: userId(t.db, "inspector1") });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ closedThisMonth: 4, closedWithinTarget: 2 });
    expect(mine[0]!.averageDays).toBeCloseTo((8 + 9 + 2 + 12) / 4, 10);
    expect(dashboard(t.db, TODAY, figuresScope(t.db, null).officeIds).inspectors.find((i) => i.id === mine[0]!.id)).toEqual(mine[0]);
  });
});

describe("the dashboard's clocks agree with the case page's clocks", () => {
  let t: TestApp;
  const open: FixtureCase[] = [
    { receivedOn: "2026-11-23", state: "received" },
    { receivedOn: "2026-11-18", state: "received" }, // acceptance due 11-25: 2 working days left → 即将到期
    { receivedOn: "2026-11-17", state: "mediating" },
    { receivedOn: "2026-11-10", state: "filed", filedOn: "2026-11-12" }, // target due 11-20 → 已超期
    { receivedOn: "2026-11-13", state: "awaiting_supplement" },
    { receivedOn: "2026-08-20", state: "filed", filedOn: "2026-08-25" },
    { receivedOn: "2026-08-10", state: "filed", filedOn: "2026-08-12", extensionDays: 30 },
    { receivedOn: "2026-09-01", state: "filed", filedOn: "2026-09-02" },
    { receivedOn: "2026-11-16", state: "received" },
  ];
  beforeAll(async () => {
    t = await makeTestApp();
    for (const c of open) insertCase(t.db, { ...c, lead: userId(t.db, "inspector2") });
    insertCase(t.db, { receivedOn: "2026-11-02", state: "closed", closedOn: "2026-11-12", outcome: "withdrawn" });
  });

  it("counts 正常 / 即将到期 / 已超期 on each case clock as domain/clocks.ts does, case by case", () => {
    const calendar = loadCalendar(t.db);
    const expected: Record<ClockKey, Record<string, number>> = {
      acceptance: { normal: 0, dueSoon: 0, overdue: 0 },
      target: { normal: 0, dueSoon: 0, overdue: 0 },
      statutory: { normal: 0, dueSoon: 0, overdue: 0 },
    };
    for (const c of open) {
      const clocks = caseClocks(
        {
          state: c.state as CaseState,
          receivedOn: c.receivedOn,
          acceptanceStartOn: c.receivedOn,
          decidedOn: c.filedOn ?? null,
          filedOn: c.filedOn ?? null,
          extensionDays: c.extensionDays ?? 0,
          closedOn: null,
        },
        calendar,
        TODAY,
      );
      for (const k of clocks) if (k.status in expected[k.key]) expected[k.key][k.status]!++;
    }
    const d = dashboard(t.db, TODAY, figuresScope(t.db, null).officeIds);
    expect({ acceptance: d.clocks.acceptance, target: d.clocks.target, statutory: d.clocks.statutory }).toEqual(expected);
    expect(d.clocks.acceptance.dueSoon).toBeGreaterThan(0);
    expect(d.clocks.target.overdue).toBeGreaterThan(0);
  });

  it("counts open cases by state", () => {
    const d = dashboard(t.db, TODAY, figuresScope(t.db, null).officeIds);
    expect(d.openTotal).toBe(open.length);
    expect(Object.fromEntries(d.openByState.map((s) => [s.state, s.n]))).toEqual({ received: 3, mediating: 1, awaiting_supplement: 1, filed: 4 });
  });

  it("counts today's new complaints", () => {
    expect(dashboard(t.db, TODAY, figuresScope(t.db, null).officeIds).newTodayTotal).toBe(1);
  });

  it("calls a clock due on Friday 已超期 on the Saturday after", () => {
    // Received Tue 11-03: the 8th working day is Fri 11-13, and no other case's target falls on it.
    const id = insertCase(t.db, { receivedOn: "2026-11-03", state: "received" });
    expect(t.db.$client.prepare("select target_due_on from cases where id = ?").pluck().get(id)).toBe("2026-11-13");
    const before = dashboard(t.db, "2026-11-13", figuresScope(t.db, null).officeIds).clocks.target;
    const after = dashboard(t.db, "2026-11-14", figuresScope(t.db, null).officeIds).clocks.target;
    expect(after.overdue).toBe(before.overdue + 1);
  });

  it("shows each inspector's open cases by their worst clock", () => {
    const me = inspectorFigures(t.db, TODAY, { inspectorId: userId(t.db, "inspector2") })[0]!;
    expect(me.open).toBe(open.length);
    expect(me.overdue + me.dueSoon + me.normal).toBe(me.open);
  });

  it("names a lead from outside the office's staff (a city inspector on a district's case) with their office", () => {
    const office = "南关区劳动保障监察大队";
    const officeId = t.db.$client.prepare("select id from offices where name = ?").pluck().get(office) as number;
    const inspector1 = userId(t.db, "inspector1");
    expect(t.db.$client.prepare("select office_id from users where id = ?").pluck().get(inspector1)).not.toBe(officeId);
    insertCase(t.db, { receivedOn: "2026-11-20", state: "filed", filedOn: "2026-11-20", lead: inspector1, office });
    const row = inspectorFigures(t.db, TODAY, { officeIds: [officeId] }).find((r) => r.id === inspector1)!;
    expect(row).toMatchObject({ displayName: "李建国", officeName: "长春市劳动保障监察支队（市本级）", open: 1 });
  });
});

describe("the Spring Festival clearance board", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    insertCase(t.db, { receivedOn: "2026-11-23", state: "received", district: "宽城区", lead: userId(t.db, "inspector1") });
    insertCase(t.db, { receivedOn: "2026-11-10", state: "filed", filedOn: "2026-11-12", district: "宽城区", lead: userId(t.db, "inspector1") });
    insertCase(t.db, { receivedOn: "2026-11-02", state: "closed", closedOn: "2026-11-12", outcome: "withdrawn" });
  });

  it("counts down to 正月初一 2027 (2027-02-06) and the last working day before the holiday", () => {
    const b = clearanceBoard(t.db, TODAY, figuresScope(t.db, null).officeIds);
    expect(b.countdown).toMatchObject({ festival: "2027-02-06", lastWorkingDay: "2027-02-04", calendarDaysLeft: 75 });
  });

  it("counts this year's festival until it has passed (2026: 02-17, last working day the makeup Saturday 02-14)", () => {
    expect(clearanceBoard(t.db, "2026-01-10", figuresScope(t.db, null).officeIds).countdown).toMatchObject({
      festival: "2026-02-17",
      lastWorkingDay: "2026-02-14",
    });
  });

  it("counts open cases and those whose deadline falls after the festival, by district and inspector", () => {
    const b = clearanceBoard(t.db, TODAY, figuresScope(t.db, null).officeIds);
    expect(b.open).toBe(2);
    expect(b.late).toBe(1); // the filed case's statutory 60 working days run into 2027-02
    expect(b.byDistrict).toEqual([{ district: "宽城区", open: 2, late: 1 }]);
    expect(b.byInspector).toEqual([{ id: userId(t.db, "inspector1"), name: "李建国", open: 2, late: 1 }]);
  });
});

describe("the case's money totals the statistics read", () => {
  it("follow its workers' recovered amounts through closing, corrections and removal", async () => {
    const t = await makeTestApp();
    const { id, version, workers } = await workedCase(t, { to: "filed", overrides: caseInput({ workers: [workerInput(1), workerInput(2)] }) });
    const totals = () => t.db.$client.prepare("select recovered_fen as fen, workers_helped as n from cases where id = ?").get(id);
    expect(totals()).toEqual({ fen: 0, n: 0 });
    closeCase(t.db, {
      caseId: id,
      version: version(),
      outcome: "toArbitrationOrCourt",
      note: "单位已支付部分，余下告知仲裁",
      overClaimNote: "",
      recovered: [
        { workerId: workers[0]!.id, amountFen: 600000 },
        { workerId: workers[1]!.id, amountFen: 0 },
      ],
      actor: { id: userId(t.db, "supervisor1"), role: "supervisor", unitId: null, officeId: 1, cityWide: true },
      now: new Date("2026-11-23T03:00:00Z"),
    });
    expect(totals()).toEqual({ fen: 600000, n: 1 });
    t.db.$client.prepare("update case_workers set recovered_fen = 250000 where id = ?").run(workers[1]!.id);
    expect(totals()).toEqual({ fen: 850000, n: 2 });
    // The worker's notices (worker_notices) refer to the row: removed with it.
    t.db.$client.prepare("delete from worker_notices where worker_id = ?").run(workers[0]!.id);
    t.db.$client.prepare("delete from case_workers where id = ?").run(workers[0]!.id);
    expect(totals()).toEqual({ fen: 250000, n: 1 });
  });
});
