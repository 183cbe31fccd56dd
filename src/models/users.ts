import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memberUnits, users } from "../db/schema.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import { invalidateUserSessions } from "../auth/session.js";
import { ROLE_LABELS, type Role } from "../domain/roles.js";
import { recordAudit } from "./audit.js";

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
}

const listColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: memberUnits.name,
  active: users.active,
  createdAt: users.createdAt,
};

export function listUsers(db: Db) {
  return db.select(listColumns).from(users).leftJoin(memberUnits, eq(users.unitId, memberUnits.id)).orderBy(asc(users.id)).all();
}

export function getUser(db: Db, id: number) {
  return db.select(listColumns).from(users).leftJoin(memberUnits, eq(users.unitId, memberUnits.id)).where(eq(users.id, id)).get();
}

export function getUserByUsername(db: Db, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function isUsernameTaken(db: Db, username: string, exceptId?: number): boolean {
  const cond = exceptId ? and(eq(users.username, username), ne(users.id, exceptId)) : eq(users.username, username);
  return db.select({ id: users.id }).from(users).where(cond).get() !== undefined;
}

/** `passwordHash` lets the demo seed hash its shared password once. */
export async function createUser(db: Db, input: UserInput & ({ password: string } | { passwordHash: string }), actorId: number | null) {
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, passwordHash })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      actorId,
      subject: `user:${user.id}`,
      action: "创建用户",
      detail: `${input.username}（${ROLE_LABELS[input.role]}）`,
    });
    return user;
  });
}

export function updateUser(db: Db, id: number, input: Omit<UserInput, "username">, actorId: number): void {
  db.transaction((tx) => {
    tx.update(users).set(input).where(eq(users.id, id)).run();
    // A changed role must not keep the old role's session rights.
    invalidateUserSessions(tx, id);
    recordAudit(tx, { actorId, subject: `user:${id}`, action: "修改用户", detail: `${input.displayName}（${ROLE_LABELS[input.role]}）` });
  });
}

export async function resetPassword(db: Db, id: number, password: string, actorId: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
    invalidateUserSessions(tx, id);
    recordAudit(tx, { actorId, subject: `user:${id}`, action: "重置密码" });
  });
}

/** A deactivated user's sessions end at once. */
export function setUserActive(db: Db, id: number, active: boolean, actorId: number): void {
  db.transaction((tx) => {
    tx.update(users).set({ active }).where(eq(users.id, id)).run();
    if (!active) invalidateUserSessions(tx, id);
    recordAudit(tx, { actorId, subject: `user:${id}`, action: active ? "启用用户" : "停用用户" });
  });
}

/** The user when the password is right and the account active; null otherwise (same answer either way). */
export async function verifyLogin(db: Db, username: string, password: string) {
  const user = getUserByUsername(db, username);
  if (!user) {
    // Spend the same time as a real check so response times do not reveal which usernames exist.
    await verifyPassword(DUMMY_HASH, password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  return ok && user.active ? user : null;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2qXjW0Vv1N8o5d3ghnKk3u1c2H6eWmC7Uq0jx4a7Kc8";
