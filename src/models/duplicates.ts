/**
 * Possible duplicates (docs/rules.md "Hostile input"): a complaint against the same employer naming a
 * complainant's phone (mobile or landline) or identity document (any type: its type and number, docs/rules.md
 * §Identity documents) already on a case registered within the last day is flagged for staff to look at —
 * never dropped or merged automatically (the same worker may really have two complaints).
 */
import { and, asc, eq, exists, gte, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { caseWorkers, cases } from "../db/schema.js";

const WINDOW_MS = 24 * 60 * 60 * 1000;

/** The workers' phones and documents, as findRecentDuplicate compares them. */
export function contactsOf(workers: readonly { phone: string; landline?: string; idType?: string; idNumber: string }[]) {
  return {
    phones: [...new Set(workers.flatMap((w) => [w.phone, w.landline ?? ""]).filter(Boolean))],
    documents: [...new Set(workers.filter((w) => w.idNumber).map((w) => `${w.idType ?? "mainlandId"}:${w.idNumber}`))],
  };
}

/** The earliest case registered since a day before `now` with this employer and one of these phones or documents. */
export function findRecentDuplicate(
  tx: DbOrTx,
  employerName: string,
  { phones, documents }: { phones: readonly string[]; documents: readonly string[] },
  now: Date,
): { id: number; caseNumber: string } | null {
  if (phones.length === 0 && documents.length === 0) return null;
  // Searched from the employer's cases (few, by its index), each checked for the phones: a phone on many
  // cases (a foreman's, a shared one) would otherwise walk all of them.
  return (
    tx
      .select({ id: cases.id, caseNumber: cases.caseNumber })
      .from(cases)
      .where(
        and(
          eq(cases.employerName, employerName.trim()),
          gte(cases.createdAt, new Date(now.getTime() - WINDOW_MS)),
          exists(
            tx
              .select({ one: sql`1` })
              .from(caseWorkers)
              .where(
                and(
                  eq(caseWorkers.caseId, cases.id),
                  or(
                    phones.length ? inArray(caseWorkers.phone, [...phones]) : undefined,
                    phones.length ? inArray(caseWorkers.landline, [...phones]) : undefined,
                    documents.length ? inArray(sql`${caseWorkers.idType} || ':' || ${caseWorkers.idNumber}`, [...documents]) : undefined,
                  ),
                ),
              ),
          ),
        ),
      )
      .orderBy(asc(cases.id))
      .limit(1)
      .get() ?? null
  );
}

export function caseNumberOf(tx: DbOrTx, id: number | null): string | null {
  if (id === null) return null;
  return tx.select({ n: cases.caseNumber }).from(cases).where(eq(cases.id, id)).get()?.n ?? null;
}
