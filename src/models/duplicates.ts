/**
 * Possible duplicates (docs/rules.md "Hostile input"): a complaint against the same employer naming a
 * complainant's phone (mobile or landline) or identity document (any type: its type and number, docs/rules.md
 * §Identity documents) already on a case registered within the last day is flagged for staff to look at —
 * never dropped or merged automatically (the same worker may really have two complaints).
 */
import { and, asc, eq, exists, or, sql } from "drizzle-orm";
import { preparedOnce } from "../db/prepared.js";
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

/**
 * Searched from the employer's cases (few, by its index), each checked for the phones: a phone on many cases
 * (a foreman's, a shared one) would otherwise walk all of them. The lists go in as JSON arrays, so the query
 * has one shape whatever their lengths and is prepared once (db/prepared.ts).
 */
const recentDuplicateQuery = (db: DbOrTx) =>
  db
    .select({ id: cases.id, caseNumber: cases.caseNumber })
    .from(cases)
    .where(
      and(
        eq(cases.employerName, sql.placeholder("employerName")),
        // created_at is stored in whole seconds; a placeholder is bound as given.
        sql`${cases.createdAt} >= ${sql.placeholder("sinceSeconds")}`,
        exists(
          db
            .select({ one: sql`1` })
            .from(caseWorkers)
            .where(
              and(
                eq(caseWorkers.caseId, cases.id),
                or(
                  sql`${caseWorkers.phone} in (select value from json_each(${sql.placeholder("phones")}))`,
                  sql`${caseWorkers.landline} in (select value from json_each(${sql.placeholder("phones")}))`,
                  sql`${caseWorkers.idType} || ':' || ${caseWorkers.idNumber} in (select value from json_each(${sql.placeholder("documents")}))`,
                ),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(cases.id))
    .limit(1)
    .prepare();

/** The earliest case registered since a day before `now` with this employer and one of these phones or documents. */
export function findRecentDuplicate(
  tx: DbOrTx,
  employerName: string,
  { phones, documents }: { phones: readonly string[]; documents: readonly string[] },
  now: Date,
): { id: number; caseNumber: string } | null {
  if (phones.length === 0 && documents.length === 0) return null;
  return (
    preparedOnce(tx, recentDuplicateQuery).get({
      employerName: employerName.trim(),
      sinceSeconds: Math.floor((now.getTime() - WINDOW_MS) / 1000),
      phones: JSON.stringify(phones),
      documents: JSON.stringify(documents),
    }) ?? null
  );
}

export function caseNumberOf(tx: DbOrTx, id: number | null): string | null {
  if (id === null) return null;
  return tx.select({ n: cases.caseNumber }).from(cases).where(eq(cases.id, id)).get()?.n ?? null;
}
