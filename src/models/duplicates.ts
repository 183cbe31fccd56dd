/**
 * Possible duplicates (docs/rules.md "Hostile input"): a complaint against the same employer naming a
 * complainant's phone already on a case registered within the last day is flagged for staff to look at —
 * never dropped or merged automatically (the same worker may really have two complaints).
 */
import { and, asc, eq, exists, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { caseWorkers, cases } from "../db/schema.js";

const WINDOW_MS = 24 * 60 * 60 * 1000;

/** The earliest case registered since a day before `now` with this employer and one of these phones. */
export function findRecentDuplicate(tx: DbOrTx, employerName: string, phones: readonly string[], now: Date): { id: number; caseNumber: string } | null {
  if (phones.length === 0) return null;
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
              .where(and(eq(caseWorkers.caseId, cases.id), inArray(caseWorkers.phone, [...new Set(phones)]))),
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
