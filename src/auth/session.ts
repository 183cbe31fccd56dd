/**
 * Sessions as the Lucia guide teaches (lucia-auth.com, "Basic session implementation"):
 * - the browser holds a random token; the database holds only its SHA-256 (the session id);
 * - a session ends after IDLE_TIMEOUT without a request, and is slid forward as it is used, at most one
 *   write per REFRESH_INTERVAL;
 * - deactivating a user or resetting a password ends all of that user's sessions at once.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq, lt, sql } from "drizzle-orm";
import type { Response } from "express";
import type { Db, DbOrTx } from "../db/client.js";
import { writeUnshown } from "../db/unshown-writes.js";
import { memberUnits, offices, sessions, users } from "../db/schema.js";
import type { Role } from "../domain/roles.js";

export const SESSION_COOKIE = "qx_session";
/** Signed out after 8 hours without activity: one working day at a shared window PC. */
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
const REFRESH_INTERVAL_MS = 15 * 60 * 1000;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  officeId: number | null;
  officeName: string | null;
  /** Staff of the city office (市本级): city-wide reach (domain/case-abilities.ts). */
  cityWide: boolean;
}

export interface Session {
  id: string;
  userId: number;
  expiresAt: Date;
}

export type SessionValidation = { session: Session; user: SessionUser; refreshed: boolean } | { session: null; user: null };

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(db: Db, token: string, userId: number, now: Date): Session {
  const session = { id: sessionIdOf(token), userId, expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS) };
  writeUnshown(db, () => db.insert(sessions).values(session).run());
  return session;
}

/** The session and its user, compiled once per connection: it runs on every request. */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db) {
  return db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        unitId: users.unitId,
        unitName: memberUnits.name,
        officeId: users.officeId,
        officeName: offices.name,
        officeKind: offices.kind,
        active: users.active,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .leftJoin(memberUnits, eq(users.unitId, memberUnits.id))
    .leftJoin(offices, eq(users.officeId, offices.id))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();
}

export function validateSessionToken(db: Db, token: string, now: Date): SessionValidation {
  const id = sessionIdOf(token);
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const row = lookup.get({ id });
  if (!row) return { session: null, user: null };
  const { session, user } = row;
  if (!user.active || now.getTime() >= session.expiresAt.getTime()) {
    writeUnshown(db, () => db.delete(sessions).where(eq(sessions.id, id)).run());
    return { session: null, user: null };
  }
  let refreshed = false;
  if (session.expiresAt.getTime() - now.getTime() < IDLE_TIMEOUT_MS - REFRESH_INTERVAL_MS) {
    session.expiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
    writeUnshown(db, () => db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run());
    refreshed = true;
  }
  const { active: _active, officeKind, ...rest } = user;
  return { session, user: { ...rest, cityWide: officeKind === "city" }, refreshed };
}

export function invalidateSession(db: Db, sessionId: string): void {
  writeUnshown(db, () => db.delete(sessions).where(eq(sessions.id, sessionId)).run());
}

export function invalidateUserSessions(db: DbOrTx, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: Db, now: Date): void {
  writeUnshown(db, () => db.delete(sessions).where(lt(sessions.expiresAt, now)).run());
}

/** Max-Age rather than a fixed date: the browser's clock may differ from ours; the server enforces expiry. */
export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: IDLE_TIMEOUT_MS });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure, path: "/" });
}
