/** The login throttle's state, kept in the database so a restart does not clear it (rules in domain/login-backoff.ts). */
import { createHash } from "node:crypto";
import { count, eq, gte, lt } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { loginThrottles } from "../db/schema.js";
import { FORGET_AFTER_MS, waitAfterFailures } from "../domain/login-backoff.js";

/** Hashed: whatever was typed as a username (a phone number, say) is not kept in the table. */
const keyOf = (username: string, address: string) => createHash("sha256").update(`${username.trim().toLowerCase()}\u0000${address}`).digest("hex");

/** When this account may next be tried from this address, or null when it may be tried now. */
export function loginLockedUntil(db: Db, username: string, address: string, now: Date): Date | null {
  const row = db
    .select()
    .from(loginThrottles)
    .where(eq(loginThrottles.key, keyOf(username, address)))
    .get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export function recordLoginFailure(db: Db, username: string, address: string, now: Date): void {
  const key = keyOf(username, address);
  db.transaction((tx) => {
    tx.delete(loginThrottles)
      .where(lt(loginThrottles.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)))
      .run();
    const failures = (tx.select({ failures: loginThrottles.failures }).from(loginThrottles).where(eq(loginThrottles.key, key)).get()?.failures ?? 0) + 1;
    const wait = waitAfterFailures(failures);
    const row = { failures, lastFailureAt: now, lockedUntil: wait ? new Date(now.getTime() + wait * 1000) : null };
    tx.insert(loginThrottles)
      .values({ key, ...row })
      .onConflictDoUpdate({ target: loginThrottles.key, set: row })
      .run();
  });
}

export function clearLoginFailures(db: Db, username: string, address: string): void {
  db.delete(loginThrottles)
    .where(eq(loginThrottles.key, keyOf(username, address)))
    .run();
}

/** Username–address pairs with a wrong password in the last day (older ones are forgotten), for the admin's health view: through the last-failure index. */
export function failingLoginPairs(db: Db, now: Date): number {
  const since = new Date(now.getTime() - FORGET_AFTER_MS);
  return db.select({ n: count() }).from(loginThrottles).where(gte(loginThrottles.lastFailureAt, since)).get()!.n;
}
