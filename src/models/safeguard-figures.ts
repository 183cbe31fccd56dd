/**
 * 防欠成效 figures (docs/rules.md §防欠成效 figures) for the statistics page, its XLSX and the bureau's summary
 * sentence — the special actions' work in a period (models/special-actions.ts actionFigures, the same
 * computation as an action's own sentence), the 应急周转金's advances and recoveries, the 工资保证金 used —
 * per office and in total; and for the dashboard, what is open now: risk points (and those past their
 * resolve-by day) and advances not yet recovered.
 */
import { and, asc, between, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import {
  emergencyAdvances,
  emergencyFundMovements,
  guaranteeUses,
  inspectionGroups,
  inspections,
  offices,
  projects,
  riskPoints,
  specialActions,
} from "../db/schema.js";
import type { IsoDate } from "../domain/dates.js";
import { NO_FIGURES } from "../domain/special-actions.js";
import type { GuaranteeUseFigures, PeriodFundFigures, SafeguardFigures } from "../domain/safeguard-figures.js";
import type { OfficeIds } from "./dashboard.js";
import { periodFundFigures } from "./emergency-fund.js";
import { actionFigures } from "./special-actions.js";
import { officeNames } from "./offices.js";

type Period = { from: IsoDate; to: IsoDate };

const NO_GUARANTEE: GuaranteeUseFigures = { uses: 0, usedFen: 0, workersPaid: 0 };
const NO_FUND: PeriodFundFigures = { advances: 0, advancedFen: 0, recoveries: 0, recoveredFen: 0, outstandingFen: 0 };

/** 动用工资保证金 in a period, by the office of the project (guarantee_uses_used_idx, then the project's row). */
export function guaranteeUseFigures(db: DbOrTx, officeIds: OfficeIds, period: Period): Map<number, GuaranteeUseFigures> {
  const rows = db
    .select({
      officeId: projects.officeId,
      uses: sql<number>`count(*)`,
      usedFen: sql<number>`sum(${guaranteeUses.amountFen})`,
      workersPaid: sql<number>`sum(${guaranteeUses.workersPaid})`,
    })
    .from(guaranteeUses)
    .innerJoin(projects, eq(projects.id, guaranteeUses.projectId))
    .where(and(between(guaranteeUses.usedOn, period.from, period.to), inArray(projects.officeId, [...officeIds])))
    .groupBy(projects.officeId)
    .all();
  return new Map(rows.map(({ officeId, ...f }) => [officeId, f]));
}

export interface OfficeSafeguards extends SafeguardFigures {
  officeId: number;
  name: string;
}

/** The period's figures per office (those with anything to show) and in total. */
export function periodSafeguards(db: DbOrTx, officeIds: OfficeIds, period: Period) {
  const action = actionFigures(db, { officeIds, period });
  const fund = periodFundFigures(db, officeIds, period);
  const guarantee = guaranteeUseFigures(db, officeIds, period);
  const names = officeNames(db, officeIds);
  const actionOf = new Map(action.byOffice.map((o) => [o.officeId, o.figures]));
  const fundOf = new Map(fund.offices.map(({ officeId, name: _n, ...f }) => [officeId, f]));
  const rows = names
    .filter((o) => actionOf.has(o.id) || fundOf.has(o.id) || guarantee.has(o.id))
    .map((o) => ({
      officeId: o.id,
      name: o.name,
      action: actionOf.get(o.id) ?? { ...NO_FIGURES },
      fund: fundOf.get(o.id) ?? NO_FUND,
      guarantee: guarantee.get(o.id) ?? NO_GUARANTEE,
    }));
  const guaranteeTotal = [...guarantee.values()].reduce(
    (t, g) => ({ uses: t.uses + g.uses, usedFen: t.usedFen + g.usedFen, workersPaid: t.workersPaid + g.workersPaid }),
    NO_GUARANTEE,
  );
  const total: SafeguardFigures = { action: action.total, fund: fund.total, guarantee: guaranteeTotal };
  return { offices: rows as OfficeSafeguards[], total, fundOffices: fund.offices };
}

// ---- The dashboard: what is open now -------------------------------------------------------------------

/** Open risk points of the offices' groups; `overdueOn` keeps those whose resolve-by day is before it (risk_points_open_due_idx). */
function openRisks(officeIds: OfficeIds, overdueOn: IsoDate | null) {
  return and(
    eq(riskPoints.status, "open"),
    inArray(inspectionGroups.officeId, [...officeIds]),
    overdueOn === null ? undefined : sql`${riskPoints.resolveBy} < ${overdueOn}`,
  );
}

/** Paid advances of the offices' funds not yet recovered in full (emergency_advances_office_idx, then each advance's recoveries). */
const recoveredSql = sql<number>`(select coalesce(sum(m.amount_fen), 0) from ${emergencyFundMovements} m where m.advance_id = ${emergencyAdvances.id} and m.kind = 'recovery')`;

export function dashboardSafeguards(db: DbOrTx, today: IsoDate, officeIds: OfficeIds) {
  const risks = db
    .select({ open: sql<number>`count(*)`, overdue: sql<number>`coalesce(sum(${riskPoints.resolveBy} < ${today}), 0)` })
    .from(riskPoints)
    .innerJoin(inspections, eq(inspections.id, riskPoints.inspectionId))
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .where(openRisks(officeIds, null))
    .get() ?? { open: 0, overdue: 0 };
  const advances = db
    .select({ n: sql<number>`count(*)`, fen: sql<number>`coalesce(sum(o.outstanding), 0)` })
    .from(
      db
        .select({ outstanding: sql<number>`${emergencyAdvances.totalFen} - ${recoveredSql}`.as("outstanding") })
        .from(emergencyAdvances)
        .where(and(inArray(emergencyAdvances.officeId, [...officeIds]), eq(emergencyAdvances.status, "paid")))
        .as("o"),
    )
    .where(sql`o.outstanding > 0`)
    .get() ?? { n: 0, fen: 0 };
  return { openRisks: risks.open, overdueRisks: risks.overdue, outstandingAdvances: advances.n, outstandingFen: advances.fen };
}

export type DashboardSafeguards = ReturnType<typeof dashboardSafeguards>;

/** The most urgent this many open risk points are listed. */
export const RISK_LIST_LIMIT = 200;

/** The open risk points the dashboard counts, earliest resolve-by day first; `overdue`: only those past it. */
export function openRiskList(db: Db, today: IsoDate, officeIds: OfficeIds, overdue: boolean) {
  return db
    .select({
      id: riskPoints.id,
      actionId: riskPoints.actionId,
      actionName: specialActions.name,
      description: riskPoints.description,
      amountFen: riskPoints.amountFen,
      workers: riskPoints.workers,
      responsible: riskPoints.responsible,
      foundOn: riskPoints.foundOn,
      resolveBy: riskPoints.resolveBy,
      where: sql<string>`coalesce(${projects.name}, ${inspections.employerName})`,
      officeName: offices.name,
    })
    .from(riskPoints)
    .innerJoin(inspections, eq(inspections.id, riskPoints.inspectionId))
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .innerJoin(specialActions, eq(specialActions.id, riskPoints.actionId))
    .innerJoin(offices, eq(offices.id, inspectionGroups.officeId))
    .leftJoin(projects, eq(projects.id, inspections.projectId))
    .where(openRisks(officeIds, overdue ? today : null))
    .orderBy(asc(riskPoints.resolveBy), asc(riskPoints.id))
    .limit(RISK_LIST_LIMIT)
    .all();
}
