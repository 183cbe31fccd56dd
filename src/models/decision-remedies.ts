/**
 * After a 行政处理决定书 (an enforcement action with a number): its service on the employer, through the same
 * service record as every outgoing document, and the remedy windows that run from that service
 * (docs/rules.md § Remedies against a decision). The rules are in domain/service.ts and domain/remedies.ts.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { enforcementActions } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { type IsoDate, shanghaiDate } from "../domain/dates.js";
import { NotFoundError } from "../domain/errors.js";
import { remedyWindows } from "../domain/remedies.js";
import { SERVICE_METHOD_LABELS, isServiceMethod, type ServiceInput } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { transition } from "./cases.js";
import { type DocumentService, recordDocumentService, servicesOf } from "./document-services.js";

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

/** For each decision: its service (null until recorded) and the remedy windows as of today. */
export function decisionServices(db: DbOrTx, actionIds: readonly number[], today: IsoDate, calendar: WorkingCalendar) {
  const services = servicesOf(db, "enforcementDecision", actionIds);
  return new Map(
    actionIds.map((id) => {
      const service: DocumentService | null = services.find((s) => s.documentId === id) ?? null;
      return [id, { service, windows: remedyWindows(service?.servedOn ?? null, today, calendar) }] as const;
    }),
  );
}
