/**
 * After a 行政处理决定书 (an enforcement action with a number): its service on the employer, through the same
 * service record as every outgoing document, and the remedy windows that run from that service
 * (docs/rules.md § Remedies against a decision). The rules are in domain/service.ts and domain/remedies.ts.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { blacklistProceedings, decisionRemedies, enforcementActions, violationBatches, violationEntries } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { type IsoDate, shanghaiDate } from "../domain/dates.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import {
  REMEDY_LABELS,
  REMEDY_OUTCOME_LABELS,
  flowsBack,
  remedyFilingProblem,
  remedyOutcomeProblem,
  remedyWindows,
  type RemedyFilingInput,
  type RemedyKind,
  type RemedyOutcome,
  type RemedyOutcomeInput,
} from "../domain/remedies.js";
import { SERVICE_METHOD_LABELS, isServiceMethod, type ServiceInput } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { revokeListing } from "./blacklist.js";
import { transition } from "./cases.js";
import { type DocumentService, recordDocumentService, servicesOf } from "./document-services.js";
import { withdrawEntry } from "./violations.js";

/** The one party a 行政处理决定书 is served on. */
export const EMPLOYER_PARTY_KEY = "employer";

/** A 行政处理决定书 of the case, or not found. */
export function decisionOfCase(tx: DbOrTx, caseId: number, actionId: number) {
  const a = tx
    .select()
    .from(enforcementActions)
    .where(and(eq(enforcementActions.id, actionId), eq(enforcementActions.caseId, caseId), isNotNull(enforcementActions.docNumber)))
    .get();
  if (!a?.docNumber) throw new NotFoundError("行政处理决定书不存在。");
  return { ...a, docNumber: a.docNumber };
}

/** Records the service of a 行政处理决定书 on the employer; the remedy windows start from its date. */
export function serveDecision(db: Db, req: { caseId: number; actionId: number; version: number; input: ServiceInput; actor: Viewer; now: Date }): void {
  const how = isServiceMethod(req.input.method) ? SERVICE_METHOD_LABELS[req.input.method] : "";
  transition(db, {
    caseId: req.caseId,
    move: "serveDecision",
    note: "",
    eventNote: `行政处理决定书已送达${how ? `（${how}）` : ""}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const a = decisionOfCase(tx, c.id, req.actionId);
      recordDocumentService(tx, {
        caseId: c.id,
        document: "enforcementDecision",
        documentId: a.id,
        documentNumber: a.docNumber,
        documentOn: a.decidedOn,
        party: { key: EMPLOYER_PARTY_KEY, name: c.employerName },
        input: req.input,
        actorId: req.actor.id,
        today: shanghaiDate(req.now),
      });
    },
  });
}

export type DecisionRemedy = typeof decisionRemedies.$inferSelect;

/** For each decision: its service (null until recorded), the remedy windows as of today and the remedies filed. */
export function decisionServices(db: DbOrTx, actionIds: readonly number[], today: IsoDate, calendar: WorkingCalendar) {
  const services = servicesOf(db, "enforcementDecision", actionIds);
  const remedies = actionIds.length
    ? db
        .select()
        .from(decisionRemedies)
        .where(inArray(decisionRemedies.actionId, [...actionIds]))
        .orderBy(asc(decisionRemedies.id))
        .all()
    : [];
  return new Map(
    actionIds.map((id) => {
      const service: DocumentService | null = services.find((s) => s.documentId === id) ?? null;
      const windows = remedyWindows(service?.servedOn ?? null, today, calendar);
      return [id, { service, windows, remedies: remedies.filter((r) => r.actionId === id) }] as const;
    }),
  );
}

function servedOn(tx: DbOrTx, actionId: number): IsoDate | null {
  return servicesOf(tx, "enforcementDecision", [actionId])[0]?.servedOn ?? null;
}

/** Records a 复议 or 诉讼 filed against a served decision; it stays pending until its outcome is recorded. */
export function recordRemedyFiling(
  db: Db,
  req: { caseId: number; actionId: number; version: number; input: RemedyFilingInput; actor: Viewer; now: Date },
): void {
  const { input } = req;
  transition(db, {
    caseId: req.caseId,
    move: "recordRemedy",
    note: "",
    eventNote: `用人单位${input.kind === "lawsuit" ? "提起行政诉讼" : "申请行政复议"}：${input.body.trim()} ${input.caseNumber.trim()}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const a = decisionOfCase(tx, c.id, req.actionId);
      const problem = remedyFilingProblem(input, { decidedOn: a.decidedOn, servedOn: servedOn(tx, a.id) }, shanghaiDate(req.now));
      if (problem) throw new ValidationError(problem.message, problem.field);
      tx.insert(decisionRemedies)
        .values({
          caseId: c.id,
          actionId: a.id,
          kind: input.kind as RemedyKind,
          filedOn: input.filedOn,
          body: input.body.trim(),
          caseNumber: input.caseNumber.trim(),
          recordedById: req.actor.id,
        })
        .run();
    },
  });
}

/**
 * Records the outcome of a 复议 or 诉讼. A decision revoked or changed flows back, in the same transaction: the
 * blacklist listing resting on the decision's order is revoked and a published 重大违法 entry of the case is
 * withdrawn, both with the outcome as the reason (docs/rules.md § Remedies against a decision).
 */
export function recordRemedyOutcome(
  db: Db,
  req: { caseId: number; remedyId: number; version: number; input: RemedyOutcomeInput; actor: Viewer; now: Date },
): void {
  const { input } = req;
  const label = REMEDY_OUTCOME_LABELS[input.outcome as RemedyOutcome] ?? "";
  transition(db, {
    caseId: req.caseId,
    move: "recordRemedyOutcome",
    note: "",
    eventNote: `复议（诉讼）结果：${label}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const r = tx
        .select()
        .from(decisionRemedies)
        .where(and(eq(decisionRemedies.id, req.remedyId), eq(decisionRemedies.caseId, c.id)))
        .get();
      if (!r) throw new NotFoundError("复议（诉讼）记录不存在。");
      const today = shanghaiDate(req.now);
      const problem = remedyOutcomeProblem(input, r, today, req.actor.role === "supervisor");
      if (problem) throw new ValidationError(problem.message, problem.field);
      const outcome = input.outcome as RemedyOutcome;
      tx.update(decisionRemedies).set({ outcome, outcomeOn: input.outcomeOn, outcomeNote: input.note.trim() }).where(eq(decisionRemedies.id, r.id)).run();
      if (!flowsBack(outcome)) return;
      const a = decisionOfCase(tx, c.id, r.actionId);
      const reason = `${a.docNumber}经${REMEDY_LABELS[r.kind]}（${r.caseNumber}）被${label}：${input.note.trim()}`;
      const listings = tx
        .select({ id: blacklistProceedings.id, version: blacklistProceedings.version })
        .from(blacklistProceedings)
        .where(
          and(
            eq(blacklistProceedings.caseId, c.id),
            eq(blacklistProceedings.orderId, a.orderId),
            eq(blacklistProceedings.stage, "listed"),
            gte(blacklistProceedings.termEndsOn, today),
          ),
        )
        .all();
      for (const p of listings) revokeListing(db, { id: p.id, version: p.version, reason, actor: req.actor, now: req.now });
      const entries = tx
        .select({ id: violationEntries.id, version: violationBatches.version })
        .from(violationEntries)
        .innerJoin(violationBatches, eq(violationBatches.id, violationEntries.batchId))
        .where(and(eq(violationEntries.caseId, c.id), isNotNull(violationBatches.publishedOn), isNull(violationEntries.withdrawnOn)))
        .all();
      for (const e of entries) withdrawEntry(db, { entryId: e.id, version: e.version, reason, actor: req.actor, now: req.now });
    },
  });
}
