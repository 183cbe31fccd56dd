/**
 * Inspection offices and the administrative divisions each covers (docs/rules.md §Offices and jurisdiction),
 * managed by the admin. A deactivated office keeps its cases, users and document numbers; it is refused
 * while it still covers a division or holds an open case, so no work site and no case is left without an office.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import { cases, divisions, offices, users } from "../db/schema.js";
import { ConflictError, ValidationError } from "../domain/errors.js";
import { OFFICE_KIND_LABELS, routeByWorkSite, type DivisionRef, type OfficeKind, type OfficeRef, type Routing } from "../domain/jurisdiction.js";
import { recordAudit } from "./audit.js";
import { untilReferenceChanged } from "./until-changed.js";

export type Office = typeof offices.$inferSelect;

export interface OfficeInput {
  name: string;
  kind: OfficeKind;
  phone: string;
  address: string;
  docPrefix: string;
  /** The names of the divisions it covers. */
  divisions: string[];
}

export function listOffices(db: DbOrTx, opts: { activeOnly?: boolean } = {}): Office[] {
  const q = db.select().from(offices);
  return (opts.activeOnly ? q.where(eq(offices.active, true)) : q).orderBy(asc(offices.sortOrder), asc(offices.id)).all();
}

/** listOffices for pages, read again only after the offices changed: the lists, the case page and the intake form show the offices on every request. */
export function officesOfPage(db: Db, opts: { activeOnly?: boolean } = {}): readonly Office[] {
  return untilReferenceChanged(db, "offices", `offices:${opts.activeOnly === true}`, () => listOffices(db, opts));
}

/** The admin's list: each office with the divisions it covers and its active users. */
export function officeOverview(db: Db) {
  const covered = divisionsByOffice(db);
  const staff = new Map(
    db
      .select({ officeId: users.officeId, n: sql<number>`count(*)` })
      .from(users)
      .where(eq(users.active, true))
      .groupBy(users.officeId)
      .all()
      .map((r) => [r.officeId, r.n]),
  );
  return listOffices(db).map((o) => ({ ...o, kindLabel: OFFICE_KIND_LABELS[o.kind], divisions: covered.get(o.id) ?? [], staff: staff.get(o.id) ?? 0 }));
}

function divisionsByOffice(db: DbOrTx): Map<number, string[]> {
  const byOffice = new Map<number, string[]>();
  for (const d of db.select().from(divisions).orderBy(asc(divisions.sortOrder), asc(divisions.id)).all()) {
    if (d.officeId !== null) byOffice.set(d.officeId, [...(byOffice.get(d.officeId) ?? []), d.name]);
  }
  return byOffice;
}

/** The names of some offices, in the offices' order (figures per office). */
export function officeNames(db: DbOrTx, officeIds: readonly number[]): { id: number; name: string }[] {
  return db
    .select({ id: offices.id, name: offices.name })
    .from(offices)
    .where(inArray(offices.id, [...officeIds]))
    .orderBy(asc(offices.sortOrder), asc(offices.id))
    .all();
}

export function getOffice(db: DbOrTx, id: number): Office | undefined {
  return Number.isInteger(id) ? db.select().from(offices).where(eq(offices.id, id)).get() : undefined;
}

export function divisionNamesOf(db: DbOrTx, officeId: number): string[] {
  return divisionsByOffice(db).get(officeId) ?? [];
}

/** The work-site choices of the intake forms: every division an active office covers, grouped by office. */
export function workSiteChoices(db: Db): { office: string; divisions: string[] }[] {
  return untilReferenceChanged(db, "offices", "workSiteChoices", () => {
    const covered = divisionsByOffice(db);
    return listOffices(db, { activeOnly: true })
      .map((o) => ({ office: o.name, divisions: covered.get(o.id) ?? [] }))
      .filter((g) => g.divisions.length > 0);
  });
}

/** The competent office for a work site (domain/jurisdiction.ts routeByWorkSite over the stored lists). */
export function routeWorkSite(db: DbOrTx, divisionName: string): Routing {
  const { divisionRefs, officeRefs } = untilReferenceChanged(db, "offices", "routing", () => ({
    divisionRefs: db.select({ id: divisions.id, name: divisions.name, officeId: divisions.officeId }).from(divisions).all() as DivisionRef[],
    officeRefs: db.select({ id: offices.id, name: offices.name, kind: offices.kind, active: offices.active }).from(offices).all() as OfficeRef[],
  }));
  return routeByWorkSite(divisionName, divisionRefs, officeRefs);
}

/** The city office (市本级): the first active one. */
export function cityOffice(db: DbOrTx): Office | undefined {
  return db
    .select()
    .from(offices)
    .where(and(eq(offices.kind, "city"), eq(offices.active, true)))
    .orderBy(asc(offices.id))
    .get();
}

function checkInput(tx: Tx, input: OfficeInput, id: number | null): void {
  const sameName = tx
    .select({ id: offices.id })
    .from(offices)
    .where(id === null ? eq(offices.name, input.name) : and(eq(offices.name, input.name), ne(offices.id, id)))
    .get();
  if (sameName) throw new ValidationError("已有同名监察机构", "name");
  if (input.kind === "city") {
    const otherCity = tx
      .select({ name: offices.name })
      .from(offices)
      .where(id === null ? eq(offices.kind, "city") : and(eq(offices.kind, "city"), ne(offices.id, id)))
      .get();
    if (otherCity) throw new ValidationError(`本市已有市本级机构（${otherCity.name}），其余机构请选择“县（市）区/开发区”。`, "kind");
  }
  // Each office numbers its documents under its own prefix: two offices sharing one would issue the same 文号.
  const samePrefix = tx
    .select({ name: offices.name })
    .from(offices)
    .where(id === null ? eq(offices.docPrefix, input.docPrefix) : and(eq(offices.docPrefix, input.docPrefix), ne(offices.id, id)))
    .get();
  if (samePrefix) throw new ValidationError(`文号前缀“${input.docPrefix}”已由${samePrefix.name}使用，请另定前缀`, "docPrefix");
  // The city office may cover no area of its own: it takes cases by 提级 and designation.
  if (input.kind === "district" && input.divisions.length === 0) throw new ValidationError("请至少填写一个管辖的行政区划", "divisions");
  // A division is covered by one office: moving it is a deliberate step at the office that has it.
  const taken = tx
    .select({ name: divisions.name, office: offices.name })
    .from(divisions)
    .innerJoin(offices, eq(offices.id, divisions.officeId))
    .where(id === null ? inArray(divisions.name, input.divisions) : and(inArray(divisions.name, input.divisions), ne(divisions.officeId, id)))
    .all();
  if (taken.length) {
    throw new ValidationError(`${taken.map((t) => `“${t.name}”现由${t.office}管辖`).join("；")}，请先在该机构中移出。`, "divisions");
  }
}

/** Gives the office exactly the listed divisions: new names are created, divisions it no longer lists are covered by no office. */
function setDivisions(tx: Tx, officeId: number, names: readonly string[]): void {
  tx.update(divisions).set({ officeId: null }).where(eq(divisions.officeId, officeId)).run();
  for (const [i, name] of names.entries()) {
    tx.insert(divisions)
      .values({ name, officeId, sortOrder: i + 1 })
      .onConflictDoUpdate({ target: divisions.name, set: { officeId } })
      .run();
  }
}

/** Saves only over the version the admin's form was loaded with; another admin's save in between is a conflict. */
function saveVersioned(tx: Tx, id: number, version: number, set: Partial<typeof offices.$inferInsert>): void {
  const changed = tx
    .update(offices)
    .set({ ...set, version: sql`${offices.version} + 1` })
    .where(and(eq(offices.id, id), eq(offices.version, version)))
    .run().changes;
  if (changed === 0) throw new ConflictError("该机构已被其他管理员修改，页面已显示最新内容，请核对后重新提交。");
}

export function createOffice(db: Db, input: OfficeInput, actorId: number | null): Office {
  return db.transaction((tx) => {
    checkInput(tx, input, null);
    const { n } = tx.select({ n: sql<number>`count(*)` }).from(offices).get()!;
    const { divisions: names, ...fields } = input;
    const office = tx
      .insert(offices)
      .values({ ...fields, sortOrder: n + 1 })
      .returning()
      .get();
    setDivisions(tx, office.id, names);
    recordAudit(tx, { actorId, subject: `office:${office.id}`, action: "创建监察机构", detail: `${input.name}：${names.join("、")}` });
    return office;
  });
}

export function updateOffice(db: Db, id: number, input: OfficeInput, version: number, actorId: number | null): void {
  db.transaction((tx) => {
    checkInput(tx, input, id);
    const { divisions: names, ...fields } = input;
    saveVersioned(tx, id, version, fields);
    setDivisions(tx, id, names);
    recordAudit(tx, { actorId, subject: `office:${id}`, action: "修改监察机构", detail: `${input.name}：${names.join("、")}` });
  });
}

/** Deactivating keeps every record; refused while the office covers a division or holds an open case. */
export function setOfficeActive(db: Db, id: number, active: boolean, version: number, actorId: number): void {
  db.transaction((tx) => {
    if (!active) {
      const office = getOffice(tx, id);
      if (office?.kind === "city") throw new ValidationError("市本级机构不能停用。");
      if (divisionNamesOf(tx, id).length) throw new ValidationError("该机构仍管辖行政区划，请先将这些区划划归其他机构，再停用。");
      const open = tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.officeId, id), sql`${cases.urgentDueOn} is not null`))
        .limit(1)
        .get();
      if (open) throw new ValidationError("该机构仍有未结案件，请先办结或移送，再停用。");
    }
    saveVersioned(tx, id, version, { active });
    recordAudit(tx, { actorId, subject: `office:${id}`, action: active ? "启用监察机构" : "停用监察机构" });
  });
}

/** The offices a figure counts, and the words for them in the summary sentence (全市, or the office's name). */
export interface FiguresScope {
  /** The one office (own, or the city's filter), or null for every office of the city. */
  officeId: number | null;
  officeIds: number[];
  subject: string;
}

/** `officeId` null: every office, deactivated ones included (they keep their history). */
export function figuresScope(db: Db, officeId: number | null): FiguresScope {
  // Every office, deactivated ones too (their history counts), read once per state of the database.
  if (officeId === null) return { officeId, officeIds: officesOfPage(db).map((o) => o.id), subject: "全市" };
  return { officeId, officeIds: [officeId], subject: getOffice(db, officeId)?.name ?? "本机构" };
}
