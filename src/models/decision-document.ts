/**
 * What a printed 行政处理决定书 reads besides its order and notice: the per-worker lines fixed when it was made,
 * the evidence on record and the performance period from its service (docs/rules.md § The 行政处理决定书).
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { caseWorkers, decisionLines, evidence, siteVisits } from "../db/schema.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { evidenceList, performancePeriod } from "../domain/decision-document.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { servicesOf } from "./document-services.js";

export function decisionLinesOf(db: DbOrTx, actionId: number) {
  return db
    .select({ workerId: decisionLines.workerId, workerName: caseWorkers.name, owedFen: decisionLines.owedFen, compensationFen: decisionLines.compensationFen })
    .from(decisionLines)
    .innerJoin(caseWorkers, eq(caseWorkers.id, decisionLines.workerId))
    .where(eq(decisionLines.actionId, actionId))
    .orderBy(asc(caseWorkers.id))
    .all();
}

export function decisionDocument(
  db: DbOrTx,
  r: {
    caseId: number;
    receivedOn: IsoDate;
    actionId: number;
    order: { docNumber: string; payBy: IsoDate };
    notice: { docNumber: string } | null;
    calendar: WorkingCalendar;
  },
) {
  const visits = db
    .select({ visitedAt: siteVisits.visitedAt, place: siteVisits.place })
    .from(siteVisits)
    .where(eq(siteVisits.caseId, r.caseId))
    .orderBy(asc(siteVisits.visitedAt))
    .all()
    .map((v) => ({ on: shanghaiDate(v.visitedAt), place: v.place }));
  const files = db
    .select({ description: evidence.description, originalName: evidence.originalName })
    .from(evidence)
    .where(and(eq(evidence.caseId, r.caseId), isNull(evidence.voidedAt)))
    .orderBy(asc(evidence.id))
    .all()
    .map((f) => ({ name: f.description.trim() || f.originalName }));
  const lines = decisionLinesOf(db, r.actionId);
  const servedOn = servicesOf(db, "enforcementDecision", [r.actionId])[0]?.servedOn ?? null;
  return {
    lines,
    totals: { owedFen: lines.reduce((s, l) => s + l.owedFen, 0), compensationFen: lines.reduce((s, l) => s + l.compensationFen, 0) },
    evidence: evidenceList({ receivedOn: r.receivedOn, visits, files, order: r.order, notice: r.notice }),
    performance: performancePeriod(servedOn, r.calendar),
  };
}
