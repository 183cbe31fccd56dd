/**
 * The 防欠成效 figures (docs/rules.md §防欠成效 figures) computed from records of two offices around a period's
 * boundary (March 2025): an inspection counts by its day, a risk point found by its inspection's day, a risk
 * point cleared — and the wages paid for it — by the day it ended, a project once however many groups saw it,
 * the fund's outstanding at the period's end, the guarantee used by its day. The bureau's sentence says them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CHECK_ITEMS, type CheckItem, type CheckResult } from "../../src/domain/special-actions.js";
import { appendMovement } from "../../src/models/emergency-fund.js";
import { dashboardSafeguards, periodSafeguards } from "../../src/models/safeguard-figures.js";
import { addGroup, addRisk, addRiskPayment, createAction, fileRisk, recordInspection, resolveRisk } from "../../src/models/special-actions.js";
import { periodStatistics } from "../../src/models/statistics.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { insertProject, makeCase, makeTestApp, officeIdOf, orderAfterFailedMediation, workedCase, type TestApp } from "../helpers.js";

let t: TestApp;
let cy: number;
let ng: number;
const now = new Date("2026-11-23T02:00:00Z");
const march = { from: "2025-03-01", to: "2025-03-31" };
const checklist = Object.fromEntries(CHECK_ITEMS.map((k) => [k, "ok"])) as Record<CheckItem, CheckResult>;

beforeAll(async () => {
  t = await makeTestApp();
  cy = officeIdOf(t.db, "朝阳区劳动保障监察大队");
  ng = officeIdOf(t.db, "南关区劳动保障监察大队");
  const project = (officeId: number, name: string) => insertProject(t.db, officeId, name, "91220104MA0Y7001");
  const p1 = project(cy, "朝阳甲项目");
  const p2 = project(cy, "朝阳乙项目");
  const p3 = project(ng, "南关丙项目");

  const city = viewerOfUsername(t.db, "supervisor1");
  const action = createAction(t.db, { name: "2025年护薪安薪专项行动", startsOn: "2025-02-01", endsOn: "2025-04-30", scope: "在建项目" }, city, now);
  const group = (officeId: number, name: string) => addGroup(t.db, action, { name, leader: "组长", officeId, members: [] }, city, now);
  const [g1, g2, g3] = [group(cy, "朝阳一组"), group(cy, "朝阳二组"), group(ng, "南关一组")];
  const inspect = (groupId: number, projectId: number, inspectedOn: string, persons: number) =>
    recordInspection(t.db, action, { groupId, projectId, employerName: "", employerUscc: null, inspectedOn, persons, checklist, findings: "" }, city, now);
  const risk = (inspectionId: number, amountFen: number, workers: number, resolveBy: string) =>
    addRisk(t.db, action, inspectionId, { description: "工资未按月足额支付", amountFen, workers, responsible: "某建工", resolveBy }, city, now);
  const paid = (riskId: number, paidOn: string, amountFen: number, workers: number) => {
    addRiskPayment(t.db, action, riskId, { paidOn, amountFen, workers, proof: "代发回单" }, city, now);
    resolveRisk(t.db, action, riskId, city, now);
  };

  // 朝阳: found on 2 March-end's eve (out), resolved in March: cleared and paid count, found does not.
  const before = inspect(g1, p2, "2025-02-28", 3);
  paid(risk(before, 500_000, 2, "2025-03-20"), "2025-03-05", 400_000, 2);
  // In March: group 1 twice and group 2 once, all on 甲 (one project); a risk resolved on the 31st, one filed, one left open past its day.
  const i1 = inspect(g1, p1, "2025-03-01", 3);
  paid(risk(i1, 1_000_000, 5, "2025-03-25"), "2025-03-31", 800_050, 4);
  risk(i1, 300_000, 3, "2025-03-10");
  const i2 = inspect(g1, p1, "2025-03-15", 2);
  const c = makeCase(t.db, { receivedOn: "2025-03-20", district: "朝阳区" });
  fileRisk(t.db, action, risk(i2, 700_000, 6, "2025-04-15"), c.caseNumber, city, now);
  inspect(g2, p1, "2025-03-10", 2);
  // 1 April: out of the period.
  const after = inspect(g1, p2, "2025-04-01", 4);
  paid(risk(after, 200_000, 1, "2025-04-20"), "2025-04-01", 200_000, 1);
  // 南关: its own project and 朝阳's 甲 (the city counts 甲 once).
  inspect(g3, p3, "2025-03-31", 5);
  inspect(g3, p1, "2025-03-20", 1);

  // 朝阳's fund: an advance before March (still outstanding at its end), one in it, a recovery in it and one after.
  const move = (kind: "capital" | "advance" | "recovery", amountFen: number, occurredOn: string) =>
    t.db.transaction((tx) => appendMovement(tx, { officeId: cy, kind, amountFen, occurredOn, note: "", actorId: null }));
  move("capital", 100_000_000, "2025-01-02");
  move("advance", 1_000_000, "2025-02-15");
  move("advance", 500_000, "2025-03-31");
  move("recovery", 300_000, "2025-03-01");
  move("recovery", 200_000, "2025-04-01");

  // 甲's guarantee used on the 31st and again on 1 April.
  const order = orderAfterFailedMediation(t, await workedCase(t, { to: "mediating" }), viewerOfUsername(t.db, "inspector1"), now);
  const use = (usedOn: string, amountFen: number, workers: number) =>
    t.db.$client
      .prepare(
        "insert into guarantee_uses (project_id, order_id, used_on, amount_fen, payer, workers_paid, top_up_due_on) values (?, ?, ?, ?, '某银行', ?, '2025-05-01')",
      )
      .run(p1, order, usedOn, amountFen, workers);
  use("2025-03-31", 2_000_000, 6);
  use("2025-04-01", 1_000_000, 3);
});

describe("the 防欠成效 figures of a period", () => {
  it("counts 朝阳's March by the day of each record", () => {
    const { total } = periodSafeguards(t.db, [cy], march);
    expect(total.action).toEqual({
      groups: 2,
      personTimes: 7,
      projects: 1,
      risksFound: 3,
      risksCleared: 3,
      risksResolved: 2,
      risksFiled: 1,
      workersPaid: 6,
      paidFen: 1_200_050,
    });
    expect(total.fund).toEqual({ advances: 1, advancedFen: 500_000, recoveries: 1, recoveredFen: 300_000, outstandingFen: 1_200_000 });
    expect(total.guarantee).toEqual({ uses: 1, usedFen: 2_000_000, workersPaid: 6 });
  });

  it("keeps each office's figures apart and counts a project two offices inspected once in the total", () => {
    const both = periodSafeguards(t.db, [cy, ng], march);
    const byOffice = new Map(both.offices.map((o) => [o.officeId, [o.action.projects, o.action.personTimes]]));
    expect(byOffice).toEqual(
      new Map([
        [cy, [1, 7]],
        [ng, [2, 6]],
      ]),
    );
    expect(both.total.action).toMatchObject({ groups: 3, personTimes: 13, projects: 2 });
    const nanguan = periodSafeguards(t.db, [ng], march);
    expect(nanguan.total.action).toMatchObject({ groups: 1, personTimes: 6, projects: 2, risksFound: 0, paidFen: 0 });
    expect(nanguan.total.fund.outstandingFen).toBe(0);
    expect(nanguan.total.guarantee.uses).toBe(0);
  });

  it("moves what happened on 1 April into April", () => {
    const april = periodSafeguards(t.db, [cy], { from: "2025-04-01", to: "2025-04-30" }).total;
    expect(april.action).toMatchObject({ personTimes: 4, projects: 1, risksFound: 1, risksResolved: 1, paidFen: 200_000 });
    expect(april.fund).toEqual({ advances: 0, advancedFen: 0, recoveries: 1, recoveredFen: 200_000, outstandingFen: 1_000_000 });
    expect(april.guarantee).toEqual({ uses: 1, usedFen: 1_000_000, workersPaid: 3 });
  });

  it("gives the bureau's sentence a clause with them, in the special action's own words", () => {
    const s = periodStatistics(t.db, { kind: "custom", ...march }, [cy], "朝阳区");
    expect(s.sentence).toContain(
      "专项检查成立检查组2个，开展检查7人次，排查项目1个，清理风险点3个，为6名农民工保障支付工资1.2万元（其中化解2个、转立案1个），期间新发现风险点3个。",
    );
    expect(s.sentence).toContain("动用应急周转金垫付1笔0.50万元，追偿收回0.30万元。");
    expect(s.sentence).toContain("动用工资保证金1笔2.00万元，为6名农民工支付工资。");
    const quiet = periodStatistics(t.db, { kind: "custom", from: "2024-03-01", to: "2024-03-31" }, [cy], "朝阳区");
    expect(quiet.sentence).not.toMatch(/专项检查|应急周转金|保证金/);
  });

  it("counts on the dashboard the open risk points, those past their day and the advances not recovered in full", () => {
    const city = viewerOfUsername(t.db, "supervisor1");
    const today = "2026-11-23";
    const before = dashboardSafeguards(t.db, today, [cy]);
    const ngBefore = dashboardSafeguards(t.db, today, [ng]);
    const inspection = t.db.$client
      .prepare("select i.id from inspections i join inspection_groups g on g.id = i.group_id where g.office_id = ? and i.inspected_on = '2025-03-01'")
      .pluck()
      .get(cy) as number;
    const action = t.db.$client.prepare("select action_id from inspections where id = ?").pluck().get(inspection) as number;
    const risk = (resolveBy: string) =>
      addRisk(t.db, action, inspection, { description: "拖欠", amountFen: 100_000, workers: 1, responsible: "某建工", resolveBy }, city, now);
    risk("2026-11-22");
    risk("2026-11-23");
    const caseId = t.db.$client.prepare("select id from cases where received_on = '2025-03-20'").pluck().get() as number;
    const advance = (totalFen: number, recoveredFen: number) => {
      const id = Number(
        t.db.$client
          .prepare(`insert into emergency_advances (case_id, office_id, status, applied_on, reason, recover_from, recover_from_name, total_fen, paid_on, recovery_due_on)
            values (?, ?, 'paid', '2026-11-02', '无力支付', 'employer', '某建工', ?, '2026-11-03', '2027-02-01')`)
          .run(caseId, cy, totalFen).lastInsertRowid,
      );
      t.db.transaction((tx) =>
        appendMovement(tx, { officeId: cy, kind: "advance", amountFen: totalFen, occurredOn: "2026-11-03", advanceId: id, note: "", actorId: null }),
      );
      t.db.transaction((tx) =>
        appendMovement(tx, { officeId: cy, kind: "recovery", amountFen: recoveredFen, occurredOn: "2026-11-20", advanceId: id, note: "", actorId: null }),
      );
    };
    advance(500_000, 200_000);
    advance(300_000, 300_000);
    const after = dashboardSafeguards(t.db, today, [cy]);
    // Due yesterday: past its day; due today: not yet.
    expect(after.openRisks - before.openRisks).toBe(2);
    expect(after.overdueRisks - before.overdueRisks).toBe(1);
    // The one recovered in full is not outstanding.
    expect(after.outstandingAdvances - before.outstandingAdvances).toBe(1);
    expect(after.outstandingFen - before.outstandingFen).toBe(300_000);
    expect(dashboardSafeguards(t.db, today, [ng])).toEqual(ngBefore);
  });
});
