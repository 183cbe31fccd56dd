/**
 * 事先告知书 and 陈述申辩 (docs/rules.md §陈述申辩): issued after an order is left unpaid, served (the one
 * service record, models/document-services.ts), the employer's statement (or that none came) and its review
 * recorded — each a move of the one state machine (models/cases.ts transition()). The decision itself is
 * checked in settlements.ts enforceOrder().
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { priorNotices } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { compensationRateProblem } from "../domain/money.js";
import { PRIOR_NOTICE_LABELS, statementDueOn, statementProblem, type PriorNoticeKind } from "../domain/prior-notice.js";
import { SERVICE_METHOD_LABELS, isServiceMethod, type ServiceInput } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { transition } from "./cases.js";
import { loadCalendar } from "./calendar.js";
import { type DocumentService, EMPLOYER_PARTY_KEY, recordDocumentService, serviceOfEach } from "./document-services.js";
import { orderOfCase, servedOrder } from "./orders.js";
import { nextDocumentNumber } from "./document-numbers.js";

/** A 事先告知书 with its service (null until recorded) and the statement period that runs from it. */
export type PriorNoticeRow = typeof priorNotices.$inferSelect & {
  service: DocumentService | null;
  servedOn: IsoDate | null;
  statementDueOn: IsoDate | null;
};

export function priorNoticesOf(db: DbOrTx, calendar: WorkingCalendar, caseId: number, orderId?: number): PriorNoticeRow[] {
  const rows = db
    .select()
    .from(priorNotices)
    .where(and(eq(priorNotices.caseId, caseId), orderId === undefined ? undefined : eq(priorNotices.orderId, orderId)))
    .orderBy(asc(priorNotices.id))
    .all();
  const services = serviceOfEach(
    db,
    "priorNotice",
    rows.map((n) => n.id),
  );
  return rows.map((n) => {
    const service = services.get(n.id) ?? null;
    return { ...n, service, servedOn: service?.servedOn ?? null, statementDueOn: service ? statementDueOn(service.servedOn, n.statementDays, calendar) : null };
  });
}

function noticeOf(tx: DbOrTx, calendar: WorkingCalendar, caseId: number, noticeId: number): PriorNoticeRow {
  const n = priorNoticesOf(tx, calendar, caseId).find((x) => x.id === noticeId);
  if (!n) throw new NotFoundError("事先告知书不存在。");
  return n;
}

export interface PriorNoticeInput {
  kind: PriorNoticeKind;
  facts: string;
  grounds: string;
  ratePercent: number | null;
}

export function issuePriorNotice(
  db: Db,
  req: {
    caseId: number;
    orderId: number;
    version: number;
    input: PriorNoticeInput;
    numberPrefix: string;
    /** The statement period the notice gives (the bureau's setting when it is issued). */
    statementDays: number;
    actor: Viewer;
    now: Date;
  },
): number {
  const n = req.input;
  const today = shanghaiDate(req.now);
  if (!n.facts.trim()) throw new ValidationError("请填写违法事实", "facts");
  if (!n.grounds.trim()) throw new ValidationError("请填写理由", "grounds");
  if (n.kind === "compensation") {
    const problem = compensationRateProblem(n.ratePercent ?? NaN);
    if (problem) throw new ValidationError(problem, "ratePercent");
  }
  let id = 0;
  transition(db, {
    caseId: req.caseId,
    move: "issuePriorNotice",
    note: "",
    eventNote: `拟${PRIOR_NOTICE_LABELS[n.kind]}${n.kind === "compensation" ? `（${n.ratePercent}%）` : ""}，下达事先告知书`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const order = orderOfCase(tx, c.id, req.orderId);
      servedOrder(tx, order);
      if (today <= order.payBy) throw new ValidationError(`指令书限期（${order.payBy}）届满后，才能告知拟作出的处理决定`);
      const intended =
        n.kind === "compensation" ? `责令你单位按应付金额的 ${n.ratePercent}% 向劳动者加付赔偿金` : "对你单位作出行政处理决定，责令支付拖欠的工资";
      id = tx
        .insert(priorNotices)
        .values({
          caseId: c.id,
          orderId: order.id,
          kind: n.kind,
          docNumber: nextDocumentNumber(tx, "priorNotice", c.id, req.numberPrefix, yearOf(today)).number,
          issuedOn: today,
          facts: n.facts.trim(),
          grounds: n.grounds.trim(),
          intended,
          ratePercent: n.kind === "compensation" ? n.ratePercent : null,
          statementDays: req.statementDays,
          issuedById: req.actor.id,
        })
        .returning({ id: priorNotices.id })
        .get().id;
    },
  });
  return id;
}

/** Records the service of a 事先告知书 on the employer; the statement period runs from its date. */
export function servePriorNotice(db: Db, req: { caseId: number; noticeId: number; version: number; input: ServiceInput; actor: Viewer; now: Date }): void {
  const how = isServiceMethod(req.input.method) ? SERVICE_METHOD_LABELS[req.input.method] : "";
  transition(db, {
    caseId: req.caseId,
    move: "servePriorNotice",
    note: "",
    eventNote: `事先告知书已送达${how ? `（${how}）` : ""}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const n = tx
        .select()
        .from(priorNotices)
        .where(and(eq(priorNotices.id, req.noticeId), eq(priorNotices.caseId, c.id)))
        .get();
      if (!n) throw new NotFoundError("事先告知书不存在。");
      recordDocumentService(tx, {
        caseId: c.id,
        document: "priorNotice",
        documentId: n.id,
        documentNumber: n.docNumber,
        documentOn: n.issuedOn,
        party: { key: EMPLOYER_PARTY_KEY, name: c.employerName },
        input: req.input,
        actorId: req.actor.id,
        today: shanghaiDate(req.now),
      });
    },
  });
}

export function recordStatement(
  db: Db,
  req: {
    caseId: number;
    noticeId: number;
    version: number;
    statement: "received" | "none";
    text: string;
    review: string;
    actor: Viewer;
    now: Date;
  },
): void {
  const today = shanghaiDate(req.now);
  const calendar = loadCalendar(db);
  transition(db, {
    caseId: req.caseId,
    move: "recordStatement",
    note: "",
    eventNote: req.statement === "received" ? `用人单位陈述申辩：${req.text.trim()}；复核意见：${req.review.trim()}` : "用人单位在期限内未提出陈述申辩",
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const n = noticeOf(tx, calendar, c.id, req.noticeId);
      const problem = statementProblem(n, req, today);
      if (problem) throw new ValidationError(problem);
      tx.update(priorNotices)
        .set({
          statement: req.statement,
          statementOn: today,
          statementText: req.statement === "received" ? req.text.trim() : "",
          review: req.statement === "received" ? req.review.trim() : "",
        })
        .where(eq(priorNotices.id, n.id))
        .run();
    },
  });
}
