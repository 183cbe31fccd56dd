/** The login throttle's state, kept in the database so a restart does not clear it (rules in domain/login-backoff.ts). */
import { createHash } from "node:crypto";
import { and, count, eq, gte, lt, notLike } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { writeUnshown } from "../db/unshown-writes.js";
import { loginKnownAddresses, loginThrottles } from "../db/schema.js";
import { ACCOUNT_FREE_FAILURES, FORGET_AFTER_MS, FREE_FAILURES, KNOWN_ADDRESS_DAYS, waitAfterFailures } from "../domain/login-backoff.js";

/** Hashed: whatever was typed as a username (a phone number, say) is not kept in the table. */
const keyOf = (username: string, address: string) => createHash("sha256").update(`${username.trim().toLowerCase()}\u0000${address}`).digest("hex");
/** The account as a whole, whatever the address: its own prefix keeps it apart from the pairs. */
const ACCOUNT_PREFIX = "account:";
const accountKey = (username: string) => `${ACCOUNT_PREFIX}${keyOf(username, "*")}`;

function lockedUntil(db: DbOrTx, key: string, now: Date): Date | null {
  const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

function isKnownAddress(db: DbOrTx, username: string, address: string, now: Date): boolean {
  const row = db
    .select()
    .from(loginKnownAddresses)
    .where(eq(loginKnownAddresses.key, keyOf(username, address)))
    .get();
  return Boolean(row && row.lastLoginAt.getTime() > now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
}

/**
 * When this account may next be tried from this address, or null when it may be tried now: the pair's own
 * wait, then the account's, which an address the account has signed in from does not feel.
 */
export function loginLockedUntil(db: Db, username: string, address: string, now: Date): Date | null {
  const pair = lockedUntil(db, keyOf(username, address), now);
  if (pair) return pair;
  return isKnownAddress(db, username, address, now) ? null : lockedUntil(db, accountKey(username), now);
}

function countFailure(tx: DbOrTx, key: string, free: number, now: Date): void {
  const failures = (tx.select({ failures: loginThrottles.failures }).from(loginThrottles).where(eq(loginThrottles.key, key)).get()?.failures ?? 0) + 1;
  const wait = waitAfterFailures(failures, free);
  const row = { failures, lastFailureAt: now, lockedUntil: wait ? new Date(now.getTime() + wait * 1000) : null };
  tx.insert(loginThrottles)
    .values({ key, ...row })
    .onConflictDoUpdate({ target: loginThrottles.key, set: row })
    .run();
}

export function recordLoginFailure(db: Db, username: string, address: string, now: Date): void {
  // Shown only on the admin's health view, which reads them afresh (src/db/unshown-writes.ts).
  writeUnshown(db, () =>
    db.transaction((tx) => {
      tx.delete(loginThrottles)
        .where(lt(loginThrottles.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)))
        .run();
      countFailure(tx, keyOf(username, address), FREE_FAILURES, now);
      countFailure(tx, accountKey(username), ACCOUNT_FREE_FAILURES, now);
    }),
  );
}

/**
 * A successful sign-in clears its pair and remembers the address. The account's own count is left to expire:
 * an attack still under way from elsewhere keeps paying for it.
 */
export function clearLoginFailures(db: Db, username: string, address: string, now: Date): void {
  writeUnshown(db, () =>
    db.transaction((tx) => {
      tx.delete(loginThrottles)
        .where(eq(loginThrottles.key, keyOf(username, address)))
        .run();
      tx.delete(loginKnownAddresses)
        .where(lt(loginKnownAddresses.lastLoginAt, new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)))
        .run();
      tx.insert(loginKnownAddresses)
        .values({ key: keyOf(username, address), lastLoginAt: now })
        .onConflictDoUpdate({ target: loginKnownAddresses.key, set: { lastLoginAt: now } })
        .run();
    }),
  );
}

/** Username–address pairs with a wrong password in the last day (older ones are forgotten), for the admin's health view: through the last-failure index. */
export function failingLoginPairs(db: Db, now: Date): number {
  const since = new Date(now.getTime() - FORGET_AFTER_MS);
  return db
    .select({ n: count() })
    .from(loginThrottles)
    .where(and(gte(loginThrottles.lastFailureAt, since), notLike(loginThrottles.key, `${ACCOUNT_PREFIX}%`)))
    .get()!.n;
}
