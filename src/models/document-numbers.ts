/**
 * Numbers of the documents the bureau issues — 长人社监令〔2026〕7号 (orders), 长人社监告〔2026〕3号 (事先告知书),
 * 长人社监处〔2026〕2号 (行政处理决定书)…: one counter per office, kind and year, bumped in the issuing transaction
 * so two documents issued at once never share a number. The office that has the case issues the document: a
 * district office under its own 文号 prefix and counters, the city under the configured prefixes
 * (domain/document-numbers.ts).
 */
import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { cases, documentSequences, offices } from "../db/schema.js";
import { documentPrefix, formatDocumentNumber, type DocumentKind } from "../domain/document-numbers.js";

export type { DocumentKind };

/** The next number of a document of the case, and the office that issues it. */
export function nextDocumentNumber(tx: Tx, kind: DocumentKind, caseId: number, cityPrefix: string, year: number): { number: string; officeId: number } {
  const office = tx
    .select({ id: offices.id, kind: offices.kind, docPrefix: offices.docPrefix })
    .from(cases)
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(eq(cases.id, caseId))
    .get();
  const city = tx.select({ id: offices.id }).from(offices).where(eq(offices.kind, "city")).orderBy(asc(offices.id)).get();
  if (!office || !city) throw new Error("no issuing office");
  const { prefix, counter } = documentPrefix(kind, office, cityPrefix);
  const counterOffice = counter === "own" ? office.id : city.id;
  const { last } = tx
    .insert(documentSequences)
    .values({ officeId: counterOffice, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.officeId, documentSequences.kind, documentSequences.year],
      set: { last: sql`${documentSequences.last} + 1` },
    })
    .returning({ last: documentSequences.last })
    .get();
  return { number: formatDocumentNumber(prefix, year, last), officeId: counter === "own" ? office.id : city.id };
}
