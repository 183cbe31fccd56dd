/**
 * Service records (送达) of outgoing documents, one per document and party: what a 送达回证 prints and the
 * date the clocks that run from service start on (docs/rules.md § Service of documents). The rules are in
 * domain/service.ts; the caller checks who may record, inside its own transaction.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { documentServices, type SERVED_DOCUMENTS, users } from "../db/schema.js";
import type { IsoDate } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { serviceDate, serviceProblem, type ServiceInput, type ServiceMethod } from "../domain/service.js";

/** The party a document addressed to the employer alone (an order, a notice, a decision, a 催告书) is served on. */
export const EMPLOYER_PARTY_KEY = "employer";

export type ServedDocument = (typeof SERVED_DOCUMENTS)[number];
export type DocumentService = typeof documentServices.$inferSelect;

export interface ServiceRecord {
  caseId: number;
  document: ServedDocument;
  documentId: number;
  documentNumber: string;
  /** The document's own date: service cannot come before it. */
  documentOn: IsoDate;
  party: { key: string; name: string };
  input: ServiceInput;
  actorId: number;
  today: IsoDate;
}

/** Records one service, or refuses it naming the field; a party is served a document (its row and 文号) once. */
export function recordDocumentService(tx: DbOrTx, r: ServiceRecord): DocumentService {
  const problem = serviceProblem(r.input, r.documentOn, r.today);
  if (problem) throw new ValidationError(problem.message);
  const already = tx
    .select({ id: documentServices.id })
    .from(documentServices)
    .where(
      and(
        eq(documentServices.document, r.document),
        eq(documentServices.documentId, r.documentId),
        eq(documentServices.documentNumber, r.documentNumber),
        eq(documentServices.partyKey, r.party.key),
      ),
    )
    .get();
  if (already) throw new ValidationError(`已登记过向${r.party.name}送达${r.documentNumber}`);
  const { input } = r;
  return tx
    .insert(documentServices)
    .values({
      caseId: r.caseId,
      document: r.document,
      documentId: r.documentId,
      documentNumber: r.documentNumber,
      partyKey: r.party.key,
      partyName: r.party.name,
      method: input.method as ServiceMethod,
      servedOn: serviceDate(input),
      receiver: input.receiver.trim(),
      witnesses: input.witnesses.trim(),
      trackingNumber: input.trackingNumber.trim(),
      consent: input.consent,
      publishedOn: input.method === "publicNotice" ? input.publishedOn : null,
      note: input.note.trim(),
      recordedById: r.actorId,
    })
    .returning()
    .get();
}

/** The services of some documents of one kind, in the order they were recorded. */
export function servicesOf(tx: DbOrTx, document: ServedDocument, documentIds: readonly number[]): DocumentService[] {
  if (documentIds.length === 0) return [];
  return tx
    .select()
    .from(documentServices)
    .where(and(eq(documentServices.document, document), inArray(documentServices.documentId, [...documentIds])))
    .orderBy(asc(documentServices.id))
    .all();
}

/** One service with the name of whoever recorded it (the 送达人 on the receipt). */
export function getDocumentService(tx: DbOrTx, id: number) {
  return tx
    .select({ s: documentServices, recordedBy: users.displayName })
    .from(documentServices)
    .leftJoin(users, eq(users.id, documentServices.recordedById))
    .where(eq(documentServices.id, id))
    .get();
}

/** For documents served on one party (the employer): each document's service, by document id. */
export function serviceOfEach(tx: DbOrTx, document: ServedDocument, documentIds: readonly number[]): Map<number, DocumentService> {
  const map = new Map<number, DocumentService>();
  for (const s of servicesOf(tx, document, documentIds)) if (!map.has(s.documentId)) map.set(s.documentId, s);
  return map;
}
