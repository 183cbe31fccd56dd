/**
 * Numbers of the documents the bureau issues — 长人社监令〔2026〕7号 (orders), 长人社监告〔2026〕3号 (事先告知书),
 * 长人社监处〔2026〕2号 (行政处理决定书): one counter per office, kind and year, bumped in the issuing transaction
 * so two documents issued at once never share a number. The prefixes are settings. Every document is issued in
 * the name of the city's department (AUTHORITY_NAME), so the city office's counters number them all; an
 * office's own 文号 prefix (offices.doc_prefix) is kept for when its documents carry its own numbers.
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { documentSequences, offices } from "../db/schema.js";
import type { CaseNoticeKind } from "../domain/legal-basis.js";

/** 长人社监令〔2026〕7号, 长人社失信告〔2026〕3号…: numbered per kind and year, unique even when two are issued at once. */
export type DocumentKind = "order" | "priorNotice" | "decision" | "demandNotice" | "blacklistNotice" | "blacklistDecision" | CaseNoticeKind | "policeReferral";

export function nextDocumentNumber(tx: Tx, kind: DocumentKind, prefix: string, year: number): string {
  const issuer = tx.select({ id: offices.id }).from(offices).where(eq(offices.kind, "city")).orderBy(asc(offices.id)).get();
  if (!issuer) throw new Error("no city office");
  const { last } = tx
    .insert(documentSequences)
    .values({ officeId: issuer.id, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.officeId, documentSequences.kind, documentSequences.year],
      set: { last: sql`${documentSequences.last} + 1` },
    })
    .returning({ last: documentSequences.last })
    .get();
  return `${prefix}〔${year}〕${last}号`;
}
