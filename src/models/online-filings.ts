/**
 * One online complaint per form: the form carries a random token, the first submission claims it and files
 * the case, and any later submission of the same form (a reload, a double tap, a retry on a slow network)
 * finds the case already filed and shows its receipt again (docs/rules.md § Hostile input and failure).
 */
import { randomBytes } from "node:crypto";
import { and, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cases, onlineFilings } from "../db/schema.js";

/** How long the browser that filed may see its receipt again. */
export const RECEIPT_HOURS = 24;
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

export function newFilingToken(): string {
  return randomBytes(18).toString("base64url");
}

export function isFilingToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}

export type Claim = { status: "new" } | { status: "filed"; caseId: number } | { status: "pending" };

/** Claims the token for a new filing, or says which case it already filed (or that it is being filed). */
export function claimFiling(db: Db, token: string, now: Date): Claim {
  const inserted = db.insert(onlineFilings).values({ token, caseId: null, filedAt: now }).onConflictDoNothing().run().changes;
  if (inserted === 1) return { status: "new" };
  const row = db.select({ caseId: onlineFilings.caseId }).from(onlineFilings).where(eq(onlineFilings.token, token)).get();
  return row?.caseId ? { status: "filed", caseId: row.caseId } : { status: "pending" };
}

export function completeFiling(db: Db, token: string, caseId: number): void {
  db.update(onlineFilings).set({ caseId }).where(eq(onlineFilings.token, token)).run();
}

/** A filing that failed gives its token back, so the same form can be sent again. */
export function releaseFiling(db: Db, token: string): void {
  db.delete(onlineFilings).where(eq(onlineFilings.token, token)).run();
}

/** The receipt of the case a token filed, while it may still be shown. */
export function filedReceipt(db: Db, token: string, now: Date) {
  return db
    .select({ caseNumber: cases.caseNumber, queryCode: cases.queryCode, receivedOn: cases.receivedOn })
    .from(onlineFilings)
    .innerJoin(cases, eq(cases.id, onlineFilings.caseId))
    .where(and(eq(onlineFilings.token, token), gte(onlineFilings.filedAt, new Date(now.getTime() - RECEIPT_HOURS * 3_600_000))))
    .get();
}
