import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client.js";
import { memberUnits, offices, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import { invalidateUserSessions } from "../auth/session.js";
import { ConflictError, ValidationError } from "../domain/errors.js";
import { ROLE_LABELS, type Role } from "../domain/roles.js";
import { recordAudit } from "./audit.js";

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  officeId: number;
}

const listColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: memberUnits.name,
  officeId: users.officeId,
  officeName: offices.name,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
};

export function listUsers(db: Db) {
  return db
    .select(listColumns)
    .from(users)
    .leftJoin(memberUnits, eq(users.unitId, memberUnits.id))
    .leftJoin(offices, eq(users.officeId, offices.id))
    .orderBy(asc(users.id))
    .all();
}

export function getUser(db: Db, id: number) {
  return db
    .select(listColumns)
    .from(users)
    .leftJoin(memberUnits, eq(users.unitId, memberUnits.id))
    .leftJoin(offices, eq(users.officeId, offices.id))
    .where(eq(users.id, id))
    .get();
}

export function getUserByUsername(db: Db, username: string) {
  return db.select().from(users).where(eq(users.username, username)).get();
}

/** A user as the abilities table sees them: role, unit and office (the seeds and scripts act as named users). */
export function viewerOfUsername(db: Db, username: string): Viewer {
  const row = db
    .select({ id: users.id, role: users.role, unitId: users.unitId, officeId: users.officeId, officeKind: offices.kind })
    .from(users)
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(eq(users.username, username))
    .get();
  if (!row) throw new Error(`no user ${username}`);
  const { officeKind, ...viewer } = row;
  return { ...viewer, cityWide: officeKind === "city" };
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
      .values({ username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, officeId: input.officeId, passwordHash })
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

/**
 * Bumps the user's version when it is still `version` (the one the admin's form was loaded with);
 * another admin's save in between is a ConflictError, never silently overwritten.
 */
function bumpVersion(tx: Tx, id: number, version: number, set: Partial<typeof users.$inferInsert>): void {
  const changed = tx
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .run().changes;
  if (changed === 0) throw new ConflictError("该用户已被其他管理员修改，页面已显示最新内容，请核对后重新提交。");
}

/** There must always be an active admin: nobody may demote or deactivate the last one (themself included). */
function keepAnAdmin(tx: Tx, id: number, after: { role?: Role; active?: boolean }): void {
  const user = tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id)).get();
  if (user?.role !== "admin" || !user.active) return;
  if ((after.role ?? "admin") === "admin" && after.active !== false) return;
  const others = tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)))
    .get()!.n;
  if (others === 0) throw new ValidationError("这是唯一在用的系统管理员账号，不能改为其他角色或停用；请先为另一人开设管理员账号。");
}

export function updateUser(db: Db, id: number, input: Omit<UserInput, "username">, actorId: number, version: number): void {
  db.transaction((tx) => {
    keepAnAdmin(tx, id, { role: input.role });
    bumpVersion(tx, id, version, input);
    // A changed role must not keep the old role's session rights.
    invalidateUserSessions(tx, id);
    recordAudit(tx, { actorId, subject: `user:${id}`, action: "修改用户", detail: `${input.displayName}（${ROLE_LABELS[input.role]}）` });
  });
}

export async function resetPassword(db: Db, id: number, password: string, actorId: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, version: sql`${users.version} + 1` })
      .where(eq(users.id, id))
      .run();
    invalidateUserSessions(tx, id);
    recordAudit(tx, { actorId, subject: `user:${id}`, action: "重置密码" });
  });
}

/** A deactivated user's sessions end at once. */
export function setUserActive(db: Db, id: number, active: boolean, actorId: number, version: number): void {
  db.transaction((tx) => {
    keepAnAdmin(tx, id, { active });
    bumpVersion(tx, id, version, { active });
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
