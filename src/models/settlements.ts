/**
 * Agreements (快速调处), orders to pay (责令限期支付), the payments made under them, and what follows an
 * order left unpaid. Each is a move of the one state machine (models/cases.ts transition()).
 */
import { preparedOnce } from "../db/prepared.js";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import {
  caseWorkers,
  decisionLines as decisionLinesTable,
  enforcementActions,
  evidence,
  mediations,
  paymentOrders,
  payments,
  settlementItems,
  users,
} from "../db/schema.js";
import { assertMay, type Viewer } from "../domain/case-abilities.js";
import { shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { calendarRange, dateProblem } from "../domain/bounds.js";
import { ValidationError } from "../domain/errors.js";
import { mediationWindowProblem, settlementProblem } from "../domain/mediation.js";
import {
  ENFORCEMENT_LABELS,
  compensationAmount,
  compensationRateProblem,
  orderServiceDateProblem,
  outstandingFen,
  recoveryProblem,
  type PaymentMethod,
} from "../domain/money.js";
import { SERVICE_METHOD_LABELS, isServiceMethod, serviceDate, type ServiceInput } from "../domain/service.js";
import { EMPLOYER_PARTY_KEY, recordDocumentService, serviceOfEach } from "./document-services.js";
import { isBeforeAcceptance, type Outcome } from "../domain/case-states.js";
import { abilitiesOn, transition, workerNamesOf, type CaseRow, type StoredFile } from "./cases.js";
import { orderOfCase, servedOrder } from "./orders.js";
import { decisionProblem } from "../domain/prior-notice.js";
import { decisionLines, particularsProblem } from "../domain/decision-document.js";
import { outcomeProblem, type OutcomeRecord } from "../domain/outcomes.js";
import type { Violation } from "../domain/legal-basis.js";
import { priorNoticesOf } from "./prior-notices.js";
import { nextDocumentNumber } from "./document-numbers.js";
import { loadCalendar } from "./calendar.js";
import { paidAdvanceCount } from "./emergency-fund.js";
import { queueWorkerNotice } from "./worker-notices.js";

/** Dates typed into these forms must lie in the working-day calendar, or no deadline can be counted from them (domain/bounds.ts). */
function inCalendar(db: Db, label: string, date: IsoDate, field: string): void {
  const problem = dateProblem(label, date, calendarRange(loadCalendar(db)));
  if (problem) throw new ValidationError(problem, field);
}

type Source = "agreement" | "order";

export interface WorkerAmount {
  workerId: number;
  amountFen: number;
}

function checkWorkers(tx: DbOrTx, c: CaseRow, amounts: readonly WorkerAmount[]): void {
  const ids = new Set(
    tx
      .select({ id: caseWorkers.id })
      .from(caseWorkers)
      .where(eq(caseWorkers.caseId, c.id))
      .all()
      .map((w) => w.id),
  );
  if (amounts.length === 0 || amounts.some((a) => !ids.has(a.workerId))) throw new ValidationError("请为本案的投诉人填写金额");
  if (amounts.every((a) => a.amountFen === 0)) throw new ValidationError("金额不能全部为 0");
}

function insertItems(tx: Tx, c: CaseRow, source: Source, sourceId: number, amounts: readonly WorkerAmount[]): void {
  tx.insert(settlementItems)
    .values(amounts.filter((a) => a.amountFen > 0).map((a) => ({ caseId: c.id, source, sourceId, workerId: a.workerId, amountFen: a.amountFen })))
    .run();
}

// ---- 快速调处 --------------------------------------------------------------------------------

export interface MediationInput {
  sessionOn: IsoDate;
  place: string;
  workerSide: string;
  employerSide: string;
  workerStatement: string;
  employerStatement: string;
  result: "agreement" | "failed";
  payBy: IsoDate | null;
  paymentMethod: string;
  amounts: WorkerAmount[];
}

export function recordMediation(db: Db, req: { caseId: number; version: number; input: MediationInput; actor: Viewer; now: Date }): void {
  const m = req.input;
  inCalendar(db, "调解日期", m.sessionOn, "sessionOn");
  if (m.payBy) inCalendar(db, "约定支付期限", m.payBy, "payBy");
  if (m.result === "agreement" && (!m.payBy || m.payBy < m.sessionOn)) throw new ValidationError("调解协议的支付期限不能早于调解日期", "payBy");
  transition(db, {
    caseId: req.caseId,
    move: "recordMediation",
    note: "",
    eventNote: `${m.sessionOn} 在${m.place}调解：${m.result === "agreement" ? `达成协议，约定 ${m.payBy} 前支付` : "未达成协议"}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      if (m.sessionOn < c.receivedOn) throw new ValidationError("调解日期不能早于收到投诉的日期", "sessionOn");
      const late = isBeforeAcceptance(c.state) ? mediationWindowProblem(c.acceptanceDueOn, m.sessionOn, "记录此次快速调处") : null;
      if (late) throw new ValidationError(late);
      if (m.result === "agreement") checkWorkers(tx, c, m.amounts);
      const { amounts, ...fields } = m;
      const { id } = tx
        .insert(mediations)
        .values({ ...fields, payBy: m.result === "agreement" ? m.payBy : null, caseId: c.id, recordedById: req.actor.id })
        .returning({ id: mediations.id })
        .get();
      if (m.result === "agreement") {
        insertItems(tx, c, "agreement", id, amounts);
        queueWorkerNotice(tx, { caseId: c.id, kind: "mediationAgreed", now: req.now, extra: { payBy: m.payBy! }, workerIds: amounts.map((a) => a.workerId) });
      }
    },
  });
}

/** 快调化解: only when the agreement is paid in full and every worker has confirmed it. */
export function settleByMediation(db: Db, req: { caseId: number; version: number; note: string; actor: Viewer; now: Date }): void {
  transition(db, {
    caseId: req.caseId,
    move: "settleByMediation",
    outcome: "mediated",
    note: req.note,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const agreement = latestAgreement(tx, c.id);
      const items = agreement ? itemsOf(tx, "agreement", agreement.id) : [];
      const problem = settlementProblem(items.map((i) => ({ ...i, confirmed: i.workerConfirmedAt !== null })));
      if (problem) throw new ValidationError(problem);
    },
  });
}

// ---- 责令限期支付 ------------------------------------------------------------------------------

export function issueOrder(
  db: Db,
  req: {
    caseId: number;
    version: number;
    payBy: IsoDate;
    facts: string;
    violation?: Violation;
    amounts: WorkerAmount[];
    numberPrefix: string;
    actor: Viewer;
    now: Date;
  },
): number {
  const today = shanghaiDate(req.now);
  inCalendar(db, "限期支付日期", req.payBy, "payBy");
  if (req.payBy <= today) throw new ValidationError("限期支付日期应晚于今天", "payBy");
  let orderId = 0;
  transition(db, {
    caseId: req.caseId,
    move: "issueOrder",
    note: "",
    eventNote: `下达限期改正指令书，限 ${req.payBy} 前支付`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      checkWorkers(tx, c, req.amounts);
      const docNumber = nextDocumentNumber(tx, "order", c.id, req.numberPrefix, yearOf(today)).number;
      const violation = req.violation ?? (c.isConstruction ? "migrantWorkers" : "general");
      orderId = tx
        .insert(paymentOrders)
        .values({ caseId: c.id, docNumber, issuedOn: today, payBy: req.payBy, facts: req.facts, violation, issuedById: req.actor.id })
        .returning({ id: paymentOrders.id })
        .get().id;
      insertItems(tx, c, "order", orderId, req.amounts);
    },
  });
  return orderId;
}

/**
 * Records the service of a 限期改正指令书 on the employer: its pay-by period runs from this date, and nothing
 * that rests on the order being left unpaid is open before it (docs/rules.md § Service of documents).
 */
export function serveOrder(db: Db, req: { caseId: number; orderId: number; version: number; input: ServiceInput; actor: Viewer; now: Date }): void {
  const how = isServiceMethod(req.input.method) ? SERVICE_METHOD_LABELS[req.input.method] : "";
  transition(db, {
    caseId: req.caseId,
    move: "serveOrder",
    note: "",
    eventNote: `限期改正指令书已送达${how ? `（${how}）` : ""}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const order = orderOfCase(tx, c.id, req.orderId);
      const late = orderServiceDateProblem(order, serviceDate(req.input));
      if (late) throw new ValidationError(late, req.input.method === "publicNotice" ? "publishedOn" : "servedOn");
      recordDocumentService(tx, {
        caseId: c.id,
        document: "paymentOrder",
        documentId: order.id,
        documentNumber: order.docNumber,
        documentOn: order.issuedOn,
        party: { key: EMPLOYER_PARTY_KEY, name: c.employerName },
        input: req.input,
        actorId: req.actor.id,
        today: shanghaiDate(req.now),
      });
    },
  });
}

// ---- Payments -------------------------------------------------------------------------------

export interface PaymentInput {
  itemId: number;
  amountFen: number;
  paidOn: IsoDate;
  workerConfirmed: boolean;
  proof: StoredFile | null;
}

/** One row of the payment table: a worker's item paid this time. */
export interface PaymentRow {
  itemId: number;
  amountFen: number;
  paidOn: IsoDate;
  method: PaymentMethod | null;
  workerConfirmed: boolean;
}

/** The single payment form (one worker): its fields are named amount, paidOn and itemId. */
export function recordPayment(db: Db, req: { caseId: number; version: number; input: PaymentInput; actor: Viewer; now: Date }): void {
  const { proof, ...row } = req.input;
  recordPayments(db, { ...req, rows: [{ ...row, method: null }], proof, field: (_itemId, name) => name });
}

/**
 * Payments to several workers at once (the payment table, or "all paid as agreed"): every row checked —
 * amount above 0 and within what is still owed on its item, a date in the calendar and not after today —
 * and all saved in one transition with one timeline entry and one proof file, or none of them. A refusal
 * names the row's field (`field(itemId, name)`). docs/rules.md "Payments to several workers at once".
 */
export function recordPayments(
  db: Db,
  req: {
    caseId: number;
    version: number;
    rows: PaymentRow[];
    proof: StoredFile | null;
    field: (itemId: number, name: "amount" | "paidOn" | "itemId") => string;
    actor: Viewer;
    now: Date;
  },
): void {
  if (req.rows.length === 0) throw new ValidationError("请至少填写一名投诉人的支付金额");
  for (const p of req.rows) {
    if (p.amountFen <= 0) throw new ValidationError("支付金额应大于 0", req.field(p.itemId, "amount"));
    inCalendar(db, "支付日期", p.paidOn, req.field(p.itemId, "paidOn"));
    if (p.paidOn > shanghaiDate(req.now)) throw new ValidationError("支付日期不能晚于今天", req.field(p.itemId, "paidOn"));
  }
  const total = req.rows.reduce((n, p) => n + p.amountFen, 0);
  const confirmed = req.rows.filter((p) => p.workerConfirmed).length;
  const eventNote =
    req.rows.length === 1
      ? `登记支付 ¥${(total / 100).toFixed(2)}（${req.rows[0]!.paidOn}）${confirmed ? "，投诉人确认收到" : ""}`
      : `登记支付 ${req.rows.length} 人，共 ¥${(total / 100).toFixed(2)}${confirmed ? `，其中 ${confirmed} 人确认收到` : ""}`;
  transition(db, {
    caseId: req.caseId,
    move: "recordPayment",
    note: "",
    version: req.version,
    actor: req.actor,
    now: req.now,
    eventNote,
    effect: (tx, c) => {
      const proofId = req.proof
        ? tx
            .insert(evidence)
            .values({ ...req.proof, caseId: c.id, description: "支付凭证", uploadedById: req.actor.id, uploadedAt: req.now })
            .returning({ id: evidence.id })
            .get().id
        : null;
      // Each worker paid hears of it once, with their own amount (the sum of their rows).
      const paidTo = new Map<number, number>();
      for (const p of req.rows) {
        const item = tx
          .select()
          .from(settlementItems)
          .where(and(eq(settlementItems.id, p.itemId), eq(settlementItems.caseId, c.id)))
          .get();
        if (!item) throw new ValidationError("请选择要登记支付的投诉人", req.field(p.itemId, "itemId"));
        const paid = paidFor(tx, item.id);
        if (paid + p.amountFen > item.amountFen)
          throw new ValidationError(`支付金额超过应付余额 ¥${((item.amountFen - paid) / 100).toFixed(2)}`, req.field(p.itemId, "amount"));
        tx.insert(payments)
          .values({
            caseId: c.id,
            itemId: item.id,
            workerId: item.workerId,
            amountFen: p.amountFen,
            paidOn: p.paidOn,
            method: p.method,
            proofEvidenceId: proofId,
            recordedById: req.actor.id,
          })
          .run();
        if (p.workerConfirmed) tx.update(settlementItems).set({ workerConfirmedAt: req.now }).where(eq(settlementItems.id, item.id)).run();
        paidTo.set(item.workerId, (paidTo.get(item.workerId) ?? 0) + p.amountFen);
      }
      queueWorkerNotice(tx, { caseId: c.id, kind: "paid", now: req.now, workerIds: [...paidTo.keys()], amountFen: paidTo });
    },
  });
}

function paidFor(tx: DbOrTx, itemId: number): number {
  return tx
    .select({ s: sql<number>`coalesce(sum(${payments.amountFen}), 0)` })
    .from(payments)
    .where(eq(payments.itemId, itemId))
    .get()!.s;
}

// ---- After an order's deadline ----------------------------------------------------------------

export type Enforcement =
  | { kind: "compensation"; ratePercent: number; note: string }
  | { kind: "decision"; note: string }
  | { kind: "policeReferral"; agency: string; decidedOn: IsoDate; note: string };

/** `decisionPrefix` numbers the 行政处理决定书 of a 加付赔偿金 order or an administrative decision. */
export function enforceOrder(
  db: Db,
  req: { caseId: number; orderId: number; version: number; action: Enforcement; decisionPrefix: string; actor: Viewer; now: Date },
): void {
  const today = shanghaiDate(req.now);
  const a = req.action;
  if (a.kind === "compensation") {
    const problem = compensationRateProblem(a.ratePercent);
    if (problem) throw new ValidationError(problem);
  }
  const calendar = loadCalendar(db);
  if (a.kind === "policeReferral") inCalendar(db, "移送日期", a.decidedOn, "decidedOn");
  if (a.kind === "policeReferral" && (!a.agency.trim() || a.decidedOn > today)) throw new ValidationError("请填写接收移送的公安机关和移送日期（不晚于今天）");
  transition(db, {
    caseId: req.caseId,
    move: "enforce",
    note: "",
    eventNote: `${ENFORCEMENT_LABELS[a.kind]}${a.note ? `：${a.note}` : ""}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const order = orderOfCase(tx, c.id, req.orderId);
      servedOrder(tx, order);
      const items = itemsOf(tx, "order", order.id);
      const unpaid = outstandingFen(items);
      if (today <= order.payBy || unpaid === 0) throw new ValidationError(`指令书限期（${order.payBy}）届满且仍未支付时，才能采取此措施`);
      const decides = a.kind === "compensation" || a.kind === "decision";
      if (decides) {
        // 陈述申辩 first (docs/rules.md §陈述申辩), and the party named in full (docs/rules.md § The 行政处理决定书).
        const heard = decisionProblem(priorNoticesOf(tx, calendar, c.id, order.id), a.kind, today, a.kind === "compensation" ? a.ratePercent : null);
        if (heard) throw new ValidationError(heard);
        const missing = particularsProblem(c);
        if (missing) throw new ValidationError(missing.message);
      }
      const row = {
        caseId: c.id,
        orderId: order.id,
        kind: a.kind,
        decidedOn: a.kind === "policeReferral" ? a.decidedOn : today,
        agency: a.kind === "policeReferral" ? a.agency.trim() : "",
        note: a.note,
        recordedById: req.actor.id,
        ratePercent: a.kind === "compensation" ? a.ratePercent : null,
        amountFen: a.kind === "compensation" ? compensationAmount(unpaid, a.ratePercent) : null,
        docNumber: decides ? nextDocumentNumber(tx, "decision", c.id, req.decisionPrefix, yearOf(today)).number : null,
      };
      const { id } = tx.insert(enforcementActions).values(row).returning({ id: enforcementActions.id }).get();
      if (decides) {
        const lines = decisionLines(items, a.kind === "compensation" ? a.ratePercent : null);
        tx.insert(decisionLinesTable)
          .values(lines.map((l) => ({ actionId: id, ...l })))
          .run();
      }
    },
  });
}

// ---- Closing ---------------------------------------------------------------------------------

/** What the case records that an outcome may rest on (docs/rules.md §结案). */
/** What the case records that an outcome may rest on (domain/outcomes.ts): read for 结案 and for the form that offers the outcomes. */
export function outcomeRecord(tx: DbOrTx, caseId: number): OutcomeRecord {
  const orderPayments = tx
    .select({ n: sql<number>`count(*)` })
    .from(payments)
    .innerJoin(settlementItems, eq(settlementItems.id, payments.itemId))
    .where(and(eq(payments.caseId, caseId), eq(settlementItems.source, "order")))
    .get()!.n;
  const kinds = tx
    .select({ kind: enforcementActions.kind })
    .from(enforcementActions)
    .where(eq(enforcementActions.caseId, caseId))
    .all()
    .map((a) => a.kind);
  return {
    orderPayments,
    decisions: kinds.filter((k) => k === "compensation" || k === "decision").length,
    policeReferrals: kinds.filter((k) => k === "policeReferral").length,
    paidAdvances: paidAdvanceCount(tx, caseId),
  };
}

export function closeCase(
  db: Db,
  req: { caseId: number; version: number; outcome: Outcome; note: string; recovered: WorkerAmount[]; overClaimNote: string; actor: Viewer; now: Date },
): void {
  const recovered = new Map(req.recovered.map((r) => [r.workerId, r.amountFen]));
  const overClaimNote = req.overClaimNote.trim();
  transition(db, {
    caseId: req.caseId,
    move: "close",
    outcome: req.outcome,
    note: req.note,
    version: req.version,
    actor: req.actor,
    now: req.now,
    recovered,
    effect: (tx, c) => {
      const mismatch = outcomeProblem(req.outcome, outcomeRecord(tx, c.id));
      if (mismatch) throw new ValidationError(mismatch);
      if (overClaimNote) assertMay(abilitiesOn(tx, c, req.actor), "noteOverClaim");
      for (const w of workerNamesOf(tx, c.id)) {
        const amount = recovered.get(w.id);
        if (amount === undefined) throw new ValidationError(`请填写${w.name}的追回金额`, `recovered.${w.id}`);
        const problem = recoveryProblem(w.claimedFen, amount, overClaimNote || null);
        if (problem) throw new ValidationError(`${w.name}：${problem}`, `recovered.${w.id}`);
      }
    },
    eventNote: [req.note.trim(), overClaimNote ? `（超出诉求说明：${overClaimNote}）` : ""].join(""),
  });
}

// ---- Reading ---------------------------------------------------------------------------------

function latestAgreement(tx: DbOrTx, caseId: number) {
  return tx
    .select()
    .from(mediations)
    .where(and(eq(mediations.caseId, caseId), eq(mediations.result, "agreement")))
    .orderBy(desc(mediations.id))
    .limit(1)
    .get();
}

export function itemsOf(tx: DbOrTx, source: Source, sourceId: number) {
  return tx
    .select({
      id: settlementItems.id,
      workerId: settlementItems.workerId,
      workerName: caseWorkers.name,
      amountFen: settlementItems.amountFen,
      workerConfirmedAt: settlementItems.workerConfirmedAt,
      paidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0) from payments p where p.item_id = "settlement_items"."id")`,
    })
    .from(settlementItems)
    .innerJoin(caseWorkers, eq(caseWorkers.id, settlementItems.workerId))
    .where(and(eq(settlementItems.source, source), eq(settlementItems.sourceId, sourceId)))
    .orderBy(asc(settlementItems.id))
    .all();
}

/** Everything the case page shows about mediation, orders, payments and money. */
/** The items of the agreement and the orders still owed: the rows of the payment forms. */
export function openPaymentItems(settlements: Pick<ReturnType<typeof settlementsOf>, "agreement" | "orders">) {
  const { agreement, orders } = settlements;
  return [
    ...(agreement?.items ?? []).map((i) => ({ ...i, label: `调解协议 · ${i.workerName}` })),
    ...orders.flatMap((o) => o.items.map((i) => ({ ...i, label: `${o.docNumber} · ${i.workerName}` }))),
  ]
    .filter((i) => i.paidFen < i.amountFen)
    .map((i) => ({ ...i, owedFen: i.amountFen - i.paidFen }));
}

export function settlementsOf(db: Db, caseId: number) {
  const sessions = preparedOnce(db, caseMediationsQuery).all({ caseId });
  const orders = preparedOnce(db, caseOrdersQuery).all({ caseId });
  const agreement = [...sessions].reverse().find((m) => m.result === "agreement") ?? null;
  const paymentRows = preparedOnce(db, casePaymentsQuery).all({ caseId });
  const orderServices = serviceOfEach(
    db,
    "paymentOrder",
    orders.map((o) => o.id),
  );
  return {
    sessions,
    agreement: agreement ? { ...agreement, items: itemsOf(db, "agreement", agreement.id) } : null,
    orders: orders.map((o) => ({
      ...o,
      // The order's service: its pay-by period runs from it (docs/rules.md § Service of documents).
      service: orderServices.get(o.id) ?? null,
      servedOn: orderServices.get(o.id)?.servedOn ?? null,
      items: itemsOf(db, "order", o.id),
      actions: db.select().from(enforcementActions).where(eq(enforcementActions.orderId, o.id)).orderBy(asc(enforcementActions.id)).all(),
    })),
    payments: paymentRows,
  };
}

const caseMediationsQuery = (db: DbOrTx) =>
  db
    .select()
    .from(mediations)
    .where(eq(mediations.caseId, sql.placeholder("caseId")))
    .orderBy(asc(mediations.id))
    .prepare();
const caseOrdersQuery = (db: DbOrTx) =>
  db
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.caseId, sql.placeholder("caseId")))
    .orderBy(asc(paymentOrders.id))
    .prepare();
const casePaymentsQuery = (db: DbOrTx) =>
  db
    .select({
      id: payments.id,
      itemId: payments.itemId,
      workerId: payments.workerId,
      amountFen: payments.amountFen,
      paidOn: payments.paidOn,
      proofEvidenceId: payments.proofEvidenceId,
      recorder: users.displayName,
    })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.recordedById))
    .where(eq(payments.caseId, sql.placeholder("caseId")))
    .orderBy(asc(payments.id))
    .prepare();

/** Per worker: claimed, agreed, ordered, paid and recovered, with the case totals. */
const moneyRowsQuery = (db: DbOrTx) =>
  db
    .select({
      workerId: caseWorkers.id,
      name: caseWorkers.name,
      claimedFen: caseWorkers.claimedFen,
      recoveredFen: caseWorkers.recoveredFen,
      agreedFen: sql<number>`(select coalesce(sum(i.amount_fen), 0) from settlement_items i where i.worker_id = "case_workers"."id" and i.source = 'agreement'
        and i.source_id = (select max(m.id) from mediations m where m.case_id = "case_workers"."case_id" and m.result = 'agreement'))`,
      orderedFen: sql<number>`(select coalesce(sum(i.amount_fen), 0) from settlement_items i where i.worker_id = "case_workers"."id" and i.source = 'order'
        and i.source_id = (select max(o.id) from payment_orders o where o.case_id = "case_workers"."case_id"))`,
      paidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0) from payments p where p.worker_id = "case_workers"."id")`,
    })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, sql.placeholder("caseId")))
    .orderBy(desc(caseWorkers.isRepresentative), asc(caseWorkers.id))
    .prepare();

export function moneySummary(db: Db, caseId: number) {
  const rows = preparedOnce(db, moneyRowsQuery).all({ caseId });
  const total = (k: "claimedFen" | "agreedFen" | "orderedFen" | "paidFen") => rows.reduce((s, r) => s + r[k], 0);
  return {
    rows,
    totals: {
      claimedFen: total("claimedFen"),
      agreedFen: total("agreedFen"),
      orderedFen: total("orderedFen"),
      paidFen: total("paidFen"),
      recoveredFen: rows.reduce((s, r) => s + (r.recoveredFen ?? 0), 0),
    },
  };
}
