/**
 * 应急周转金 (docs/rules.md §应急周转金): each office's fund as an append-only ledger, the advances (垫付) a case
 * draws on it and their recovery (追偿). The rules are in domain/emergency-fund.ts; here the rows, each change in
 * one IMMEDIATE transaction that reads the balance it writes after (db/client.ts), so two advances at once are
 * taken one after the other and the second sees what the first left.
 */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import {
  caseWorkers,
  cases,
  emergencyAdvanceWorkers,
  emergencyAdvances,
  emergencyFundMovements,
  offices,
  paymentOrders,
  mediations,
  settlementItems,
  users,
} from "../db/schema.js";
import type { IsoDate } from "../domain/dates.js";
import type { PeriodFundFigures } from "../domain/safeguard-figures.js";
import {
  ADVANCE_STATUS_LABELS,
  MOVEMENT_LABELS,
  RECOVERY_PARTY_LABELS,
  RECOVERY_STATUS_LABELS,
  advanceProblem,
  balanceAfter,
  fundFigures,
  recoveryStatus,
  type MovementKind,
  type WorkerOwed,
} from "../domain/emergency-fund.js";
import { ValidationError } from "../domain/errors.js";
import { officeNames } from "./offices.js";

// ---- The ledger --------------------------------------------------------------------------------

/** The fund's balance: the balance after its last movement (0 before any). */
export function fundBalance(tx: DbOrTx, officeId: number): number {
  return preparedOnce(tx, lastBalanceQuery).get({ officeId })?.balanceFen ?? 0;
}

const lastBalanceQuery = (db: DbOrTx) =>
  db
    .select({ balanceFen: emergencyFundMovements.balanceFen })
    .from(emergencyFundMovements)
    .where(eq(emergencyFundMovements.officeId, sql.placeholder("officeId")))
    .orderBy(desc(emergencyFundMovements.id))
    .limit(1)
    .prepare();

export interface Movement {
  officeId: number;
  kind: MovementKind;
  amountFen: number;
  occurredOn: IsoDate;
  advanceId?: number | null;
  note: string;
  actorId: number | null;
}

/**
 * Appends a movement inside the caller's transaction; refused (the message under `field`) when it would take the
 * balance below zero. The insert trigger (drizzle/0033_emergency_fund_ledger.sql) checks the chain again.
 */
export function appendMovement(tx: DbOrTx, m: Movement, field = "amount"): number {
  const after = balanceAfter(fundBalance(tx, m.officeId), m.kind, m.amountFen);
  if ("problem" in after) throw new ValidationError(after.problem, field);
  tx.insert(emergencyFundMovements)
    .values({
      officeId: m.officeId,
      kind: m.kind,
      amountFen: m.amountFen,
      balanceFen: after.balanceFen,
      occurredOn: m.occurredOn,
      advanceId: m.advanceId ?? null,
      note: m.note,
      recordedById: m.actorId,
    })
    .run();
  return after.balanceFen;
}

/** Capital paid into a fund (注资) or a supervisor's adjustment with its reason, in a transaction of its own. */
export function recordFundMovement(db: Db, m: Movement & { kind: "capital" | "adjustment" }): number {
  return db.transaction((tx) => appendMovement(tx, m));
}

// ---- What a case may draw ------------------------------------------------------------------------

/**
 * Per worker of the case: confirmed owed and unpaid — the latest order to pay's items less what was paid under
 * them, or with no order the latest mediation agreement's — and what advances not refused gave them already.
 */
export function workersOwed(tx: DbOrTx, caseId: number): WorkerOwed[] {
  const order = tx.select({ id: paymentOrders.id }).from(paymentOrders).where(eq(paymentOrders.caseId, caseId)).orderBy(desc(paymentOrders.id)).limit(1).get();
  const agreement = order
    ? undefined
    : tx
        .select({ id: mediations.id })
        .from(mediations)
        .where(and(eq(mediations.caseId, caseId), eq(mediations.result, "agreement")))
        .orderBy(desc(mediations.id))
        .limit(1)
        .get();
  const source = order ? { source: "order" as const, id: order.id } : agreement ? { source: "agreement" as const, id: agreement.id } : null;
  const unpaid = new Map<number, number>();
  if (source) {
    for (const i of tx
      .select({
        workerId: settlementItems.workerId,
        amountFen: settlementItems.amountFen,
        paidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0) from payments p where p.item_id = ${settlementItems.id})`,
      })
      .from(settlementItems)
      .where(and(eq(settlementItems.source, source.source), eq(settlementItems.sourceId, source.id)))
      .all()) {
      unpaid.set(i.workerId, Math.max(0, i.amountFen - i.paidFen));
    }
  }
  const advanced = new Map(
    tx
      .select({ workerId: emergencyAdvanceWorkers.workerId, fen: sql<number>`sum(${emergencyAdvanceWorkers.amountFen})` })
      .from(emergencyAdvanceWorkers)
      .innerJoin(emergencyAdvances, eq(emergencyAdvances.id, emergencyAdvanceWorkers.advanceId))
      .where(and(eq(emergencyAdvances.caseId, caseId), ne(emergencyAdvances.status, "refused")))
      .groupBy(emergencyAdvanceWorkers.workerId)
      .all()
      .map((r) => [r.workerId, r.fen]),
  );
  return tx
    .select({ workerId: caseWorkers.id, name: caseWorkers.name })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, caseId))
    .orderBy(asc(caseWorkers.id))
    .all()
    .map((w) => ({ ...w, confirmedUnpaidFen: unpaid.get(w.workerId) ?? 0, advancedFen: advanced.get(w.workerId) ?? 0 }));
}

/**
 * Refuses an application that the rules refuse, naming the field; an approval or a payment of one (`excludeAdvanceId`,
 * checked again as the balance may have changed) is refused as a whole, its form having no amount fields.
 */
export function checkAdvance(tx: DbOrTx, caseId: number, officeId: number, amounts: ReadonlyMap<number, number>, excludeAdvanceId?: number): void {
  const owed = workersOwed(tx, caseId).map((w) =>
    excludeAdvanceId === undefined ? w : { ...w, advancedFen: w.advancedFen - (amountsOf(tx, excludeAdvanceId).get(w.workerId) ?? 0) },
  );
  const problem = advanceProblem(owed, amounts, fundBalance(tx, officeId));
  if (problem) throw new ValidationError(problem.message, excludeAdvanceId === undefined ? problem.field : undefined);
}

export function amountsOf(tx: DbOrTx, advanceId: number): Map<number, number> {
  return new Map(
    tx
      .select({ workerId: emergencyAdvanceWorkers.workerId, amountFen: emergencyAdvanceWorkers.amountFen })
      .from(emergencyAdvanceWorkers)
      .where(eq(emergencyAdvanceWorkers.advanceId, advanceId))
      .all()
      .map((r) => [r.workerId, r.amountFen]),
  );
}

/** How many advances of the case were paid: the outcome 应急周转金垫付 rests on one (domain/outcomes.ts). */
export function paidAdvanceCount(tx: DbOrTx, caseId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(emergencyAdvances)
    .where(and(eq(emergencyAdvances.caseId, caseId), eq(emergencyAdvances.status, "paid")))
    .get()!.n;
}

/** What an advance has had back so far. */
export function recoveredOf(tx: DbOrTx, advanceId: number): number {
  return tx
    .select({ fen: sql<number>`coalesce(sum(${emergencyFundMovements.amountFen}), 0)` })
    .from(emergencyFundMovements)
    .where(and(eq(emergencyFundMovements.advanceId, advanceId), eq(emergencyFundMovements.kind, "recovery")))
    .get()!.fen;
}

// ---- Reading -------------------------------------------------------------------------------------

const applicant = alias(users, "advance_applicant");
const decider = alias(users, "advance_decider");

const advanceBaseColumns = {
  id: emergencyAdvances.id,
  caseId: emergencyAdvances.caseId,
  officeId: emergencyAdvances.officeId,
  status: emergencyAdvances.status,
  appliedOn: emergencyAdvances.appliedOn,
  reason: emergencyAdvances.reason,
  recoverFrom: emergencyAdvances.recoverFrom,
  recoverFromName: emergencyAdvances.recoverFromName,
  totalFen: emergencyAdvances.totalFen,
  decidedOn: emergencyAdvances.decidedOn,
  decisionNote: emergencyAdvances.decisionNote,
  paidOn: emergencyAdvances.paidOn,
  recoveryDueOn: emergencyAdvances.recoveryDueOn,
};

/** An advance with what it has had back (for the few advances of one case). */
const advanceColumns = {
  ...advanceBaseColumns,
  recoveredFen: sql<number>`(select coalesce(sum(m.amount_fen), 0) from emergency_fund_movements m where m.advance_id = ${emergencyAdvances.id} and m.kind = 'recovery')`,
};

type AdvanceRow = {
  status: keyof typeof ADVANCE_STATUS_LABELS;
  recoverFrom: keyof typeof RECOVERY_PARTY_LABELS;
  totalFen: number;
  recoveredFen: number;
  recoveryDueOn: string | null;
};

/** The labels and the recovery's state a page shows beside an advance. */
function described<T extends AdvanceRow>(a: T, today: IsoDate) {
  const outstandingFen = a.status === "paid" ? a.totalFen - a.recoveredFen : 0;
  const recovery = a.status === "paid" && a.recoveryDueOn ? recoveryStatus(outstandingFen, a.recoveryDueOn, today) : null;
  return {
    ...a,
    statusLabel: ADVANCE_STATUS_LABELS[a.status],
    recoverFromLabel: RECOVERY_PARTY_LABELS[a.recoverFrom],
    outstandingFen,
    recovery,
    recoveryLabel: recovery ? RECOVERY_STATUS_LABELS[recovery] : "",
  };
}

/** Every advance of a case, with its workers' amounts and its recoveries. */
export function advancesOfCase(db: DbOrTx, caseId: number, today: IsoDate) {
  const rows = db
    .select({ ...advanceColumns, appliedBy: applicant.displayName, decidedBy: decider.displayName })
    .from(emergencyAdvances)
    .leftJoin(applicant, eq(applicant.id, emergencyAdvances.appliedById))
    .leftJoin(decider, eq(decider.id, emergencyAdvances.decidedById))
    .where(eq(emergencyAdvances.caseId, caseId))
    .orderBy(asc(emergencyAdvances.id))
    .all();
  return rows.map((a) => ({
    ...described(a, today),
    workers: db
      .select({ workerId: emergencyAdvanceWorkers.workerId, name: caseWorkers.name, amountFen: emergencyAdvanceWorkers.amountFen })
      .from(emergencyAdvanceWorkers)
      .innerJoin(caseWorkers, eq(caseWorkers.id, emergencyAdvanceWorkers.workerId))
      .where(eq(emergencyAdvanceWorkers.advanceId, a.id))
      .orderBy(asc(emergencyAdvanceWorkers.id))
      .all(),
    recoveries: db
      .select({
        id: emergencyFundMovements.id,
        occurredOn: emergencyFundMovements.occurredOn,
        amountFen: emergencyFundMovements.amountFen,
        note: emergencyFundMovements.note,
      })
      .from(emergencyFundMovements)
      .where(and(eq(emergencyFundMovements.advanceId, a.id), eq(emergencyFundMovements.kind, "recovery")))
      .orderBy(asc(emergencyFundMovements.id))
      .all(),
  }));
}

/** What each advance of these offices' funds has had back: summed once, grouped by advance (join it with `recoveredFen`). */
function recoveriesOf(db: DbOrTx, officeIds: readonly number[]) {
  return db.$with("recovered").as(
    db
      .select({ advanceId: emergencyFundMovements.advanceId, fen: sql<number>`sum(${emergencyFundMovements.amountFen})`.as("fen") })
      .from(emergencyFundMovements)
      .where(and(inArray(emergencyFundMovements.officeId, [...officeIds]), eq(emergencyFundMovements.kind, "recovery")))
      .groupBy(emergencyFundMovements.advanceId),
  );
}

/** Each office's fund side by side: capital, adjustments, advanced, recovered, outstanding, balance. */
export function fundsOverview(db: DbOrTx, officeIds: readonly number[]) {
  const sums = db
    .select({ officeId: emergencyFundMovements.officeId, kind: emergencyFundMovements.kind, amountFen: sql<number>`sum(${emergencyFundMovements.amountFen})` })
    .from(emergencyFundMovements)
    .where(inArray(emergencyFundMovements.officeId, [...officeIds]))
    .groupBy(emergencyFundMovements.officeId, emergencyFundMovements.kind)
    .all();
  const names = officeNames(db, officeIds);
  const rows = names.map((o) => ({ officeId: o.id, name: o.name, ...fundFigures(sums.filter((s) => s.officeId === o.id)) }));
  return { rows, total: fundFigures(sums) };
}

/** The advances (not refused) drawn on these offices' funds, with their cases, earliest recovery due first. */
export function fundAdvances(db: DbOrTx, officeIds: readonly number[], today: IsoDate) {
  const recovered = recoveriesOf(db, officeIds);
  return db
    .with(recovered)
    .select({
      ...advanceBaseColumns,
      recoveredFen: sql<number>`coalesce(${recovered.fen}, 0)`,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      officeName: offices.name,
    })
    .from(emergencyAdvances)
    .leftJoin(recovered, eq(recovered.advanceId, emergencyAdvances.id))
    .innerJoin(cases, eq(cases.id, emergencyAdvances.caseId))
    .innerJoin(offices, eq(offices.id, emergencyAdvances.officeId))
    .where(and(inArray(emergencyAdvances.officeId, [...officeIds]), ne(emergencyAdvances.status, "refused")))
    .orderBy(asc(offices.sortOrder), asc(emergencyAdvances.recoveryDueOn), asc(emergencyAdvances.id))
    .all()
    .map((a) => described(a, today));
}

/** Paid advances a fund page lists at a time (docs/rules.md §应急周转金: the page is paged, the XLSX has every advance). */
export const ADVANCES_PAGE = 50;

/**
 * One office's fund: its figures, one page of its paid advances with their cases (outstanding first, then by the day
 * paid), the pending ones, and its latest movements. The figures and the counts are aggregates; what each advance
 * had back is summed once, grouped by advance, over the office's recoveries (never a subquery per row).
 */
export function fundOf(db: DbOrTx, officeId: number, today: IsoDate, page = 1) {
  const recovered = recoveriesOf(db, [officeId]);
  const recoveredFen = sql<number>`coalesce(${recovered.fen}, 0)`;
  const isPaid = and(eq(emergencyAdvances.officeId, officeId), eq(emergencyAdvances.status, "paid"));
  const counts = db
    .with(recovered)
    .select({ paid: sql<number>`count(*)`, outstanding: sql<number>`coalesce(sum(${emergencyAdvances.totalFen} > ${recoveredFen}), 0)` })
    .from(emergencyAdvances)
    .leftJoin(recovered, eq(recovered.advanceId, emergencyAdvances.id))
    .where(isPaid)
    .get()!;
  const pages = Math.max(1, Math.ceil(counts.paid / ADVANCES_PAGE));
  const pageRows = db
    .with(recovered)
    .select({ ...advanceBaseColumns, recoveredFen })
    .from(emergencyAdvances)
    .leftJoin(recovered, eq(recovered.advanceId, emergencyAdvances.id))
    .where(isPaid)
    .orderBy(desc(sql`${emergencyAdvances.totalFen} > ${recoveredFen}`), asc(emergencyAdvances.paidOn), asc(emergencyAdvances.id))
    .limit(ADVANCES_PAGE)
    .offset((page - 1) * ADVANCES_PAGE)
    .all();
  // The cases of this page only, looked up after the page is cut (not for every advance of the fund).
  const caseOf = new Map(
    pageRows.length
      ? db
          .select({ id: cases.id, caseNumber: cases.caseNumber, employerName: cases.employerName })
          .from(cases)
          .where(
            inArray(
              cases.id,
              pageRows.map((a) => a.caseId),
            ),
          )
          .all()
          .map((c) => [c.id, c])
      : [],
  );
  const paid = pageRows.map((a) => described({ ...a, caseNumber: caseOf.get(a.caseId)!.caseNumber, employerName: caseOf.get(a.caseId)!.employerName }, today));
  const pending = db
    .select({ ...advanceColumns, caseNumber: cases.caseNumber, employerName: cases.employerName })
    .from(emergencyAdvances)
    .innerJoin(cases, eq(cases.id, emergencyAdvances.caseId))
    .where(and(eq(emergencyAdvances.officeId, officeId), inArray(emergencyAdvances.status, ["applied", "approved"])))
    .orderBy(asc(emergencyAdvances.id))
    .all()
    .map((a) => described(a, today));
  const ledger = db
    .select({
      id: emergencyFundMovements.id,
      kind: emergencyFundMovements.kind,
      amountFen: emergencyFundMovements.amountFen,
      balanceFen: emergencyFundMovements.balanceFen,
      occurredOn: emergencyFundMovements.occurredOn,
      note: emergencyFundMovements.note,
      advanceId: emergencyFundMovements.advanceId,
      caseId: emergencyAdvances.caseId,
      caseNumber: cases.caseNumber,
      recordedBy: users.displayName,
    })
    .from(emergencyFundMovements)
    .leftJoin(emergencyAdvances, eq(emergencyAdvances.id, emergencyFundMovements.advanceId))
    .leftJoin(cases, eq(cases.id, emergencyAdvances.caseId))
    .leftJoin(users, eq(users.id, emergencyFundMovements.recordedById))
    .where(eq(emergencyFundMovements.officeId, officeId))
    .orderBy(desc(emergencyFundMovements.id))
    .limit(LEDGER_PAGE)
    .all()
    .map((m) => ({ ...m, kindLabel: MOVEMENT_LABELS[m.kind] }));
  return {
    figures: fundsOverview(db, [officeId]).total,
    paid,
    paidCount: counts.paid,
    perPage: ADVANCES_PAGE,
    outstandingCount: counts.outstanding,
    page,
    pages,
    pending,
    ledger,
  };
}

/** Movements the fund page lists (the newest); the XLSX has every advance. */
export const LEDGER_PAGE = 200;

/**
 * Advances paid and recoveries received in a period, per office (statistics), and what was outstanding at the
 * period's end: every advance paid up to then less every recovery up to then. One pass over the covering
 * index emergency_fund_movements_office_period_idx (office, day, kind, amount).
 */
export function periodFundFigures(db: DbOrTx, officeIds: readonly number[], period: { from: IsoDate; to: IsoDate }) {
  const inPeriod = sql`${emergencyFundMovements.occurredOn} >= ${period.from}`;
  const rows = db
    .select({
      officeId: emergencyFundMovements.officeId,
      kind: emergencyFundMovements.kind,
      amountFen: sql<number>`coalesce(sum(case when ${inPeriod} then ${emergencyFundMovements.amountFen} end), 0)`,
      movements: sql<number>`count(case when ${inPeriod} then 1 end)`,
      untilEndFen: sql<number>`sum(${emergencyFundMovements.amountFen})`,
    })
    .from(emergencyFundMovements)
    .where(
      and(
        inArray(emergencyFundMovements.officeId, [...officeIds]),
        sql`${emergencyFundMovements.occurredOn} <= ${period.to}`,
        inArray(emergencyFundMovements.kind, ["advance", "recovery"]),
      ),
    )
    .groupBy(emergencyFundMovements.officeId, emergencyFundMovements.kind)
    .all();
  const names = officeNames(db, officeIds);
  const of = (officeId: number | null, kind: MovementKind) =>
    rows
      .filter((r) => (officeId === null || r.officeId === officeId) && r.kind === kind)
      .reduce((s, r) => ({ fen: s.fen + r.amountFen, n: s.n + r.movements, untilEnd: s.untilEnd + r.untilEndFen }), { fen: 0, n: 0, untilEnd: 0 });
  const figures = (officeId: number | null): PeriodFundFigures => {
    const advanced = of(officeId, "advance");
    const recovered = of(officeId, "recovery");
    return {
      advances: advanced.n,
      advancedFen: advanced.fen,
      recoveries: recovered.n,
      recoveredFen: recovered.fen,
      outstandingFen: advanced.untilEnd - recovered.untilEnd,
    };
  };
  const shown = (f: PeriodFundFigures) => f.advances + f.recoveries > 0 || f.outstandingFen !== 0;
  return {
    offices: names.map((o) => ({ officeId: o.id, name: o.name, ...figures(o.id) })).filter(shown),
    total: figures(null),
  };
}
