import { desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { auditEvents, users } from "../db/schema.js";

/** `at` is the app's clock when the caller has one (otherwise the database's). */
export function recordAudit(db: DbOrTx, e: { actorId: number | null; subject: string; action: string; detail?: string; at?: Date }): void {
  db.insert(auditEvents)
    .values({ actorId: e.actorId, subject: e.subject, action: e.action, detail: e.detail ?? "", createdAt: e.at })
    .run();
}

export function listAudit(db: Db, subject: string, limit = 50) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      detail: auditEvents.detail,
      createdAt: auditEvents.createdAt,
      actorName: users.displayName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(auditEvents.actorId, users.id))
    .where(eq(auditEvents.subject, subject))
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .all();
}
