/**
 * 重大劳动保障违法行为社会公布: batches (quarterly or ad hoc) assembled by a supervisor from decided cases,
 * each entry reviewed field by field, then published; a published entry may be withdrawn with a reason.
 * Rules: domain/violations-list.ts. 属地管理: an office's supervisors see, add and review the entries of their
 * office's cases; the city's supervisors see every office's and alone create and publish a batch (it goes out
 * whole, so whoever publishes it must see all of it).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { caseWorkers, cases, enforcementActions, settlementItems, violationBatches, violationEntries } from "../db/schema.js";
import { rowsOffice, type Viewer } from "../domain/case-abilities.js";
import { addDays, shanghaiDate, type IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  decidedFacts,
  entryProblem,
  handlingSentence,
  isCandidate,
  previousQuarter,
  quarter,
  quarterNotEndedProblem,
  type DecidedFacts,
  type Quarter,
} from "../domain/violations-list.js";
import { recordAudit } from "./audit.js";

export type Batch = typeof violationBatches.$inferSelect;
export type Entry = typeof violationEntries.$inferSelect;

/** Preparing entries is a supervisor's act; creating and publishing a batch the city's (docs/rules.md §Who may do what). */
export function violationsAbilities(viewer: Viewer): { manage: boolean; publish: boolean } {
  const manage = viewer.role === "supervisor";
  return { manage, publish: manage && viewer.cityWide };
}

function assertManager(actor: Viewer): void {
  if (!violationsAbilities(actor).manage) throw new ForbiddenError("只有科长可以编制和发布重大劳动保障违法行为公布。");
}

export const CITY_PUBLISHES = "重大劳动保障违法行为公布批次由市级（市本级）科长建立和发布；各监察机构科长可将本机构的案件加入批次并核对条目。";

function assertPublisher(actor: Viewer): void {
  if (!violationsAbilities(actor).publish) throw new ForbiddenError(CITY_PUBLISHES);
}

/** The office predicate on a candidate's case, read through an office-led index (null: every office, the city's reach). */
function ofOffice(officeId: number | null) {
  return officeId === null ? undefined : eq(cases.officeId, officeId);
}

/**
 * The office predicate on an entry's case. Entries are few and their case is read by its key, so the unary `+`
 * keeps the planner from walking an office's cases through an office index instead.
 */
function entryOfOffice(officeId: number | null) {
  return officeId === null ? undefined : sql`+${cases.officeId} = ${officeId}`;
}

/** An entry of a case the actor's office has (another office's entry is not found: it does not see it). */
function entryFor(tx: DbOrTx, entryId: number, actor: Viewer): Entry {
  const row = tx
    .select({ e: violationEntries })
    .from(violationEntries)
    .innerJoin(cases, eq(cases.id, violationEntries.caseId))
    .where(and(eq(violationEntries.id, entryId), entryOfOffice(rowsOffice(actor))))
    .get();
  if (!row) throw new NotFoundError("条目不存在。");
  return row.e;
}

export function createBatch(db: Db, req: { kind: "quarterly" | "adhoc"; quarterKey: string; title: string; actor: Viewer; now: Date }): number {
  assertPublisher(req.actor);
  let title = req.title.trim();
  let quarterKey: string | null = null;
  if (req.kind === "quarterly") {
    const q = quarter(req.quarterKey);
    if (!q) throw new ValidationError("请选择季度");
    if (db.select({ id: violationBatches.id }).from(violationBatches).where(eq(violationBatches.quarter, q.key)).get())
      throw new ValidationError(`${q.title}的公布已经建立`);
    const notEnded = quarterNotEndedProblem(q, shanghaiDate(req.now));
    if (notEnded) throw new ValidationError(notEnded);
    title = `${q.title}重大劳动保障违法行为`;
    quarterKey = q.key;
  } else if (!title) {
    throw new ValidationError("请填写随时公布的标题");
  }
  const { id } = db
    .insert(violationBatches)
    .values({ title, kind: req.kind, quarter: quarterKey, createdById: req.actor.id, updatedAt: req.now })
    .returning({ id: violationBatches.id })
    .get();
  recordAudit(db, { actorId: req.actor.id, subject: `violations:${id}`, action: "建立公布批次", detail: title, at: req.now });
  return id;
}

/** A batch with the entries of the office's cases (null: every entry). */
export function getBatch(db: DbOrTx, id: number, officeId: number | null) {
  const batch = db.select().from(violationBatches).where(eq(violationBatches.id, id)).get();
  if (!batch) throw new NotFoundError("公布批次不存在。");
  const entries = db
    .select({ e: violationEntries })
    .from(violationEntries)
    .innerJoin(cases, eq(cases.id, violationEntries.caseId))
    .where(and(eq(violationEntries.batchId, id), entryOfOffice(officeId)))
    .orderBy(asc(violationEntries.id))
    .all()
    .map((r) => r.e);
  return { ...batch, entries };
}

/** Every batch, with how many entries of the office's cases it holds (null: all its entries). */
export function listBatches(db: Db, officeId: number | null) {
  const office = officeId === null ? sql`` : sql` and +c.office_id = ${officeId}`;
  return db
    .select({
      b: violationBatches,
      entries: sql<number>`(select count(*) from violation_entries e join cases c on c.id = e.case_id where e.batch_id = "violation_batches"."id"${office})`,
    })
    .from(violationBatches)
    .orderBy(desc(violationBatches.id))
    .all()
    .map((r) => ({ ...r.b, entries: r.entries }));
}

/** The period a batch draws its cases from: its quarter, or the last year for an ad-hoc batch. */
function periodOf(batch: Pick<Batch, "quarter">, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const q = batch.quarter ? quarter(batch.quarter) : null;
  return q ? { from: q.from, to: q.to } : { from: addDays(today, -365), to: today };
}

const DECIDED_OUTCOMES = ["administrativeDecision", "referredToPolice"] as const;

/** What was decided on a case: the workers and amounts of its orders to pay, and the decisions that followed. */
function decidedOn(db: DbOrTx, caseId: number): DecidedFacts {
  const ordered = db
    .select({ workers: sql<number>`count(distinct ${settlementItems.workerId})`, fen: sql<number>`coalesce(sum(${settlementItems.amountFen}), 0)` })
    .from(settlementItems)
    .where(and(eq(settlementItems.caseId, caseId), eq(settlementItems.source, "order")))
    .get()!;
  const actions = db
    .select({ kind: enforcementActions.kind, docNumber: enforcementActions.docNumber, agency: enforcementActions.agency })
    .from(enforcementActions)
    .where(eq(enforcementActions.caseId, caseId))
    .orderBy(asc(enforcementActions.id))
    .all();
  return { workers: ordered.workers, orderedFen: ordered.fen, actions };
}

/**
 * Decided cases of the period, referred to the police or with large arrears as ordered (never as claimed),
 * not already published (and not withdrawn); of the office's cases (null: every office).
 */
export function candidates(db: Db, batch: Pick<Batch, "quarter">, today: IsoDate, largeArrearsFen: number, officeId: number | null) {
  const { from, to } = periodOf(batch, today);
  const rows = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
      orderedFen: sql<number>`(select coalesce(sum(i.amount_fen), 0) from settlement_items i where i.case_id = "cases"."id" and i.source = 'order')`,
      referred: sql<number>`exists (select 1 from enforcement_actions a where a.case_id = "cases"."id" and a.kind = 'policeReferral')`,
      published: sql<number>`exists (select 1 from violation_entries e where e.case_id = "cases"."id" and e.withdrawn_on is null)`,
    })
    .from(cases)
    .where(and(ofOffice(officeId), inArray(cases.outcome, [...DECIDED_OUTCOMES]), gte(cases.closedOn, from), lte(cases.closedOn, to)))
    .orderBy(asc(cases.closedOn))
    .all();
  return rows.filter(
    (r) =>
      !r.published &&
      isCandidate({ decided: true, policeReferral: r.outcome === "referredToPolice" || Boolean(r.referred), orderedFen: r.orderedFen }, largeArrearsFen),
  );
}

/**
 * The quarter that ended last, when its list is not published yet: the supervisors' reminder (第29号令:
 * every quarter). Null when it is published, or when no case of that quarter (of the office's) qualifies.
 */
export function unpublishedQuarter(
  db: Db,
  today: IsoDate,
  largeArrearsFen: number,
  officeId: number | null,
): { quarter: Quarter; batchId: number | null; candidates: number } | null {
  const q = previousQuarter(today);
  const batch = db.select().from(violationBatches).where(eq(violationBatches.quarter, q.key)).get();
  if (batch?.publishedOn) return null;
  const found = candidates(db, { quarter: q.key }, today, largeArrearsFen, officeId).length;
  if (found === 0 && !batch) return null;
  return { quarter: q, batchId: batch?.id ?? null, candidates: found };
}

/** The names of a case's workers: never in a published field. */
function workerNamesOf(db: DbOrTx, caseId: number): string[] {
  return db
    .select({ name: caseWorkers.name })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, caseId))
    .all()
    .map((w) => w.name);
}

function draftBatch(db: DbOrTx, batchId: number) {
  const batch = getBatch(db, batchId, null);
  if (batch.publishedOn) throw new ValidationError("该批次已发布，不能再修改；如需更正，请撤回相关条目");
  return batch;
}

/**
 * Every change to a batch or its entries carries the batch version its page showed and bumps it: of an edit
 * and a publication sent from the same page, the second is refused, never silently applied.
 */
function touchBatch(tx: DbOrTx, batchId: number, version: number, now: Date): void {
  const changed = tx
    .update(violationBatches)
    .set({ version: sql`${violationBatches.version} + 1`, updatedAt: now })
    .where(and(eq(violationBatches.id, batchId), eq(violationBatches.version, version)))
    .run().changes;
  if (changed === 0) throw new ConflictError("该批次已被他人修改（或已发布），未保存您的操作。页面已显示最新内容，请核对后再办理。");
}

/**
 * Adds a case, its fields filled from what was decided on it for the supervisor to review. No workers' names
 * are copied.
 */
export function addEntry(db: Db, req: { batchId: number; version: number; caseId: number; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  db.transaction((tx) => {
    draftBatch(tx, req.batchId);
    const c = tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, req.caseId), ofOffice(rowsOffice(req.actor))))
      .get();
    if (!c) throw new NotFoundError("案件不存在。");
    touchBatch(tx, req.batchId, req.version, req.now);
    const decided = decidedOn(tx, c.id);
    tx.insert(violationEntries)
      .values({
        batchId: req.batchId,
        caseId: c.id,
        employerName: c.employerName,
        employerUscc: c.employerUscc ?? "",
        employerAddress: c.employerAddress,
        employerLegalRep: c.employerLegalRep,
        facts: decidedFacts(c.employerName, decided),
        handling: handlingSentence(decided),
        updatedAt: req.now,
      })
      .run();
    recordAudit(tx, { actorId: req.actor.id, subject: `violations:${req.batchId}`, action: "加入条目", detail: c.caseNumber, at: req.now });
  });
}

export interface EntryFields {
  employerName: string;
  employerUscc: string;
  employerAddress: string;
  employerLegalRep: string;
  facts: string;
  handling: string;
}

const ENTRY_LABELS: Record<keyof EntryFields, string> = {
  employerName: "违法主体全称",
  employerUscc: "统一社会信用代码",
  employerAddress: "地址",
  employerLegalRep: "法定代表人/负责人",
  facts: "主要违法事实",
  handling: "相关处理情况",
};

/** The supervisor's review of an entry; which fields changed goes into the batch's record. */
export function updateEntry(db: Db, req: { entryId: number; version: number; fields: EntryFields; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  db.transaction((tx) => {
    const entry = entryFor(tx, req.entryId, req.actor);
    draftBatch(tx, entry.batchId);
    const problem = entryProblem(req.fields, workerNamesOf(tx, entry.caseId));
    if (problem) throw new ValidationError(problem);
    touchBatch(tx, entry.batchId, req.version, req.now);
    const trimmed = Object.fromEntries(Object.entries(req.fields).map(([k, v]) => [k, v.trim()])) as unknown as EntryFields;
    const changed = (Object.keys(ENTRY_LABELS) as (keyof EntryFields)[]).filter((k) => entry[k] !== trimmed[k]).map((k) => ENTRY_LABELS[k]);
    tx.update(violationEntries)
      .set({ ...trimmed, updatedAt: req.now })
      .where(eq(violationEntries.id, entry.id))
      .run();
    recordAudit(tx, {
      actorId: req.actor.id,
      subject: `violations:${entry.batchId}`,
      action: "修改条目",
      detail: `${trimmed.employerName}：${changed.length ? changed.join("、") : "未改动"}`,
      at: req.now,
    });
  });
}

export function dropEntry(db: Db, req: { entryId: number; version: number; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  db.transaction((tx) => {
    const entry = entryFor(tx, req.entryId, req.actor);
    draftBatch(tx, entry.batchId);
    touchBatch(tx, entry.batchId, req.version, req.now);
    tx.delete(violationEntries).where(eq(violationEntries.id, entry.id)).run();
    recordAudit(tx, { actorId: req.actor.id, subject: `violations:${entry.batchId}`, action: "移出条目", detail: entry.employerName, at: req.now });
  });
}

export function publishBatch(db: Db, req: { batchId: number; version: number; actor: Viewer; now: Date }): void {
  assertPublisher(req.actor);
  db.transaction((tx) => {
    const batch = draftBatch(tx, req.batchId);
    if (batch.entries.length === 0) throw new ValidationError("批次中没有条目");
    for (const e of batch.entries) {
      const problem = entryProblem(e, workerNamesOf(tx, e.caseId));
      if (problem) throw new ValidationError(`${e.employerName || "条目"}：${problem}`);
    }
    touchBatch(tx, batch.id, req.version, req.now);
    tx.update(violationBatches)
      .set({ publishedOn: shanghaiDate(req.now), publishedById: req.actor.id })
      .where(eq(violationBatches.id, batch.id))
      .run();
    recordAudit(tx, { actorId: req.actor.id, subject: `violations:${batch.id}`, action: "发布", detail: `${batch.entries.length} 条`, at: req.now });
  });
}

/** A published entry whose decision was revoked or changed leaves the public page; the record stays. */
export function withdrawEntry(db: Db, req: { entryId: number; version: number; reason: string; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  if (!req.reason.trim()) throw new ValidationError("请填写撤回的理由（如处理决定被撤销或变更）");
  db.transaction((tx) => {
    const entry = entryFor(tx, req.entryId, req.actor);
    const batch = getBatch(tx, entry.batchId, null);
    if (!batch.publishedOn) throw new ValidationError("未发布的条目直接移除即可");
    if (entry.withdrawnOn) throw new ValidationError("该条目已撤回");
    touchBatch(tx, batch.id, req.version, req.now);
    tx.update(violationEntries)
      .set({ withdrawnOn: shanghaiDate(req.now), withdrawnReason: req.reason.trim(), updatedAt: req.now })
      .where(eq(violationEntries.id, entry.id))
      .run();
    recordAudit(tx, {
      actorId: req.actor.id,
      subject: `violations:${batch.id}`,
      action: "撤回条目",
      detail: `${entry.employerName}：${req.reason.trim()}`,
      at: req.now,
    });
  });
}

/** What the public page shows: published batches, newest first, with the entries not withdrawn. */
export function publishedLists(db: Db, q = "") {
  const batches = db
    .select()
    .from(violationBatches)
    .where(isNotNull(violationBatches.publishedOn))
    .orderBy(desc(violationBatches.publishedOn), desc(violationBatches.id))
    .all();
  if (batches.length === 0) return [];
  const term = q.trim();
  const entries = db
    .select()
    .from(violationEntries)
    .where(
      and(
        inArray(
          violationEntries.batchId,
          batches.map((b) => b.id),
        ),
        isNull(violationEntries.withdrawnOn),
      ),
    )
    .orderBy(asc(violationEntries.id))
    .all()
    .filter((e) => !term || e.employerName.includes(term) || e.employerUscc === term.toUpperCase());
  return batches.map((b) => ({ ...b, entries: entries.filter((e) => e.batchId === b.id) })).filter((b) => !term || b.entries.length > 0);
}

/** For the feed: entries withdrawn in the last `days` days, so readers can drop them. */
export function recentlyWithdrawn(db: Db, today: IsoDate, days = 30) {
  return db
    .select()
    .from(violationEntries)
    .where(gte(violationEntries.withdrawnOn, addDays(today, -days)))
    .all();
}

/** An employer's entries on the office's cases (null: every office). */
export function entriesOfEmployer(db: Db, employer: { uscc: string | null; name: string }, officeId: number | null) {
  return (
    db
      .select({ e: violationEntries, title: violationBatches.title, publishedOn: violationBatches.publishedOn })
      .from(violationEntries)
      .innerJoin(violationBatches, eq(violationBatches.id, violationEntries.batchId))
      // The entries (a few a quarter) lead and each one's case is read by its key: the unary `+` keeps the planner from walking `cases`.
      .innerJoin(cases, sql`${cases.id} = +${violationEntries.caseId}`)
      .where(and(employer.uscc ? eq(violationEntries.employerUscc, employer.uscc) : eq(violationEntries.employerName, employer.name), entryOfOffice(officeId)))
      .all()
      .map((r) => ({ ...r.e, title: r.title, publishedOn: r.publishedOn }))
  );
}
