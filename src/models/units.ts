import { asc, count, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memberUnits } from "../db/schema.js";
import { recordAudit } from "./audit.js";

export type MemberUnit = typeof memberUnits.$inferSelect;

export function listUnits(db: Db, opts: { activeOnly?: boolean } = {}): MemberUnit[] {
  const q = db.select().from(memberUnits);
  return (opts.activeOnly ? q.where(eq(memberUnits.active, true)) : q).orderBy(asc(memberUnits.sortOrder), asc(memberUnits.id)).all();
}

export function getUnit(db: Db, id: number): MemberUnit | undefined {
  return db.select().from(memberUnits).where(eq(memberUnits.id, id)).get();
}

export function findUnitByName(db: Db, name: string): MemberUnit | undefined {
  return db.select().from(memberUnits).where(eq(memberUnits.name, name)).get();
}

export function createUnit(db: Db, name: string, actorId: number | null): MemberUnit {
  return db.transaction((tx) => {
    const { n } = tx.select({ n: count() }).from(memberUnits).get()!;
    const unit = tx
      .insert(memberUnits)
      .values({ name, sortOrder: n + 1 })
      .returning()
      .get();
    recordAudit(tx, { actorId, subject: `unit:${unit.id}`, action: "创建成员单位", detail: name });
    return unit;
  });
}

export function updateUnit(db: Db, id: number, patch: { name: string; active: boolean }, actorId: number): void {
  db.transaction((tx) => {
    tx.update(memberUnits).set(patch).where(eq(memberUnits.id, id)).run();
    recordAudit(tx, {
      actorId,
      subject: `unit:${id}`,
      action: "修改成员单位",
      detail: `${patch.name}（${patch.active ? "启用" : "停用"}）`,
    });
  });
}
