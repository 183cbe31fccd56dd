/**
 * 重大劳动保障违法行为社会公布: batches (quarterly or ad hoc) assembled by a supervisor from decided cases,
 * each entry reviewed field by field, then published; a published entry may be withdrawn with a reason.
 * Rules: domain/violations-list.ts.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cases, violationBatches, violationEntries } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { OUTCOME_LABELS } from "../domain/case-states.js";
import { addDays, shanghaiDate, type IsoDate } from "../domain/dates.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { entryProblem, isCandidate, quarter } from "../domain/violations-list.js";
import { recordAudit } from "./audit.js";

export type Batch = typeof violationBatches.$inferSelect;
export type Entry = typeof violationEntries.$inferSelect;

/** Publishing is a supervisor's act (docs/rules.md §Who may do what). */
export function violationsAbilities(viewer: Viewer): { manage: boolean } {
  return { manage: viewer.role === "supervisor" };
}

function assertManager(actor: Viewer): void {
  if (!violationsAbilities(actor).manage) throw new ForbiddenError("只有科长可以编制和发布重大劳动保障违法行为公布。");
}

export function createBatch(db: Db, req: { kind: "quarterly" | "adhoc"; quarterKey: string; title: string; actor: Viewer; now: Date }): number {
  assertManager(req.actor);
  let title = req.title.trim();
  let quarterKey: string | null = null;
  if (req.kind === "quarterly") {
    const q = quarter(req.quarterKey);
    if (!q) throw new ValidationError("请选择季度");
    if (db.select({ id: violationBatches.id }).from(violationBatches).where(eq(violationBatches.quarter, q.key)).get())
      throw new ValidationError(`${q.title}的公布已经建立`);
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

export function getBatch(db: Db, id: number) {
  const batch = db.select().from(violationBatches).where(eq(violationBatches.id, id)).get();
  if (!batch) throw new NotFoundError("公布批次不存在。");
  const entries = db.select().from(violationEntries).where(eq(violationEntries.batchId, id)).orderBy(asc(violationEntries.id)).all();
  return { ...batch, entries };
}

export function listBatches(db: Db) {
  return db
    .select({ b: violationBatches, entries: sql<number>`(select count(*) from violation_entries e where e.batch_id = "violation_batches"."id")` })
    .from(violationBatches)
    .orderBy(desc(violationBatches.id))
    .all()
    .map((r) => ({ ...r.b, entries: r.entries }));
}

/** The period a batch draws its cases from: its quarter, or the last year for an ad-hoc batch. */
function periodOf(batch: Batch, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const q = batch.quarter ? quarter(batch.quarter) : null;
  return q ? { from: q.from, to: q.to } : { from: addDays(today, -365), to: today };
}

const DECIDED_OUTCOMES = ["administrativeDecision", "referredToPolice"] as const;

/** Decided cases of the period, large or referred to the police, not already published (and not withdrawn). */
export function candidates(db: Db, batch: Batch, today: IsoDate, largeArrearsFen: number) {
  const { from, to } = periodOf(batch, today);
  const rows = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      outcome: cases.outcome,
      closedOn: cases.closedOn,
      orderedFen: sql<number>`(select coalesce(sum(i.amount_fen), 0) from settlement_items i where i.case_id = "cases"."id" and i.source = 'order')`,
      claimedFen: sql<number>`(select coalesce(sum(w.claimed_fen), 0) from case_workers w where w.case_id = "cases"."id")`,
      published: sql<number>`exists (select 1 from violation_entries e where e.case_id = "cases"."id" and e.withdrawn_on is null)`,
    })
    .from(cases)
    .where(and(inArray(cases.outcome, [...DECIDED_OUTCOMES]), gte(cases.closedOn, from), lte(cases.closedOn, to)))
    .orderBy(asc(cases.closedOn))
    .all();
  return rows.filter(
    (r) =>
      !r.published &&
      isCandidate({ decided: true, policeReferral: r.outcome === "referredToPolice", orderedFen: Math.max(r.orderedFen, r.claimedFen) }, largeArrearsFen),
  );
}

function draftBatch(db: Db, batchId: number) {
  const batch = getBatch(db, batchId);
  if (batch.publishedOn) throw new ValidationError("该批次已发布，不能再修改；如需更正，请撤回相关条目");
  return batch;
}

/** Adds a case, its fields filled from the case for the supervisor to review. No workers' names are copied. */
export function addEntry(db: Db, req: { batchId: number; caseId: number; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  draftBatch(db, req.batchId);
  const c = db.select().from(cases).where(eq(cases.id, req.caseId)).get();
  if (!c) throw new NotFoundError("案件不存在。");
  const workers = db.$client.prepare("select count(*) as n, coalesce(sum(claimed_fen), 0) as fen from case_workers where case_id = ?").get(c.id) as {
    n: number;
    fen: number;
  };
  db.insert(violationEntries)
    .values({
      batchId: req.batchId,
      caseId: c.id,
      employerName: c.employerName,
      employerUscc: c.employerUscc ?? "",
      employerAddress: c.employerAddress,
      employerLegalRep: c.employerLegalRep,
      facts: `${c.employerName}拖欠 ${workers.n} 名劳动者工资共计 ${(workers.fen / 100).toLocaleString("zh-CN")} 元。`,
      handling: `${c.closedOn ?? ""} ${c.outcome ? OUTCOME_LABELS[c.outcome] : ""}`.trim(),
      updatedAt: req.now,
    })
    .run();
  recordAudit(db, { actorId: req.actor.id, subject: `violations:${req.batchId}`, action: "加入条目", detail: c.caseNumber, at: req.now });
}

export interface EntryFields {
  employerName: string;
  employerUscc: string;
  employerAddress: string;
  employerLegalRep: string;
  facts: string;
  handling: string;
}

export function updateEntry(db: Db, req: { entryId: number; fields: EntryFields; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  const entry = db.select().from(violationEntries).where(eq(violationEntries.id, req.entryId)).get();
  if (!entry) throw new NotFoundError("条目不存在。");
  draftBatch(db, entry.batchId);
  const problem = entryProblem(req.fields);
  if (problem) throw new ValidationError(problem);
  const trimmed = Object.fromEntries(Object.entries(req.fields).map(([k, v]) => [k, v.trim()])) as unknown as EntryFields;
  db.update(violationEntries)
    .set({ ...trimmed, updatedAt: req.now })
    .where(eq(violationEntries.id, entry.id))
    .run();
}

export function dropEntry(db: Db, req: { entryId: number; actor: Viewer }): void {
  assertManager(req.actor);
  const entry = db.select().from(violationEntries).where(eq(violationEntries.id, req.entryId)).get();
  if (!entry) throw new NotFoundError("条目不存在。");
  draftBatch(db, entry.batchId);
  db.delete(violationEntries).where(eq(violationEntries.id, entry.id)).run();
}

export function publishBatch(db: Db, req: { batchId: number; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  const batch = draftBatch(db, req.batchId);
  if (batch.entries.length === 0) throw new ValidationError("批次中没有条目");
  for (const e of batch.entries) {
    const problem = entryProblem(e);
    if (problem) throw new ValidationError(`${e.employerName || "条目"}：${problem}`);
  }
  const today = shanghaiDate(req.now);
  db.update(violationBatches).set({ publishedOn: today, publishedById: req.actor.id, updatedAt: req.now }).where(eq(violationBatches.id, batch.id)).run();
  recordAudit(db, { actorId: req.actor.id, subject: `violations:${batch.id}`, action: "发布", detail: `${batch.entries.length} 条`, at: req.now });
}

/** A published entry whose decision was revoked or changed leaves the public page; the record stays. */
export function withdrawEntry(db: Db, req: { entryId: number; reason: string; actor: Viewer; now: Date }): void {
  assertManager(req.actor);
  if (!req.reason.trim()) throw new ValidationError("请填写撤回的理由（如处理决定被撤销或变更）");
  const entry = db.select().from(violationEntries).where(eq(violationEntries.id, req.entryId)).get();
  if (!entry) throw new NotFoundError("条目不存在。");
  const batch = getBatch(db, entry.batchId);
  if (!batch.publishedOn) throw new ValidationError("未发布的条目直接移除即可");
  if (entry.withdrawnOn) throw new ValidationError("该条目已撤回");
  db.update(violationEntries)
    .set({ withdrawnOn: shanghaiDate(req.now), withdrawnReason: req.reason.trim(), updatedAt: req.now })
    .where(eq(violationEntries.id, entry.id))
    .run();
  recordAudit(db, {
    actorId: req.actor.id,
    subject: `violations:${batch.id}`,
    action: "撤回条目",
    detail: `${entry.employerName}：${req.reason.trim()}`,
    at: req.now,
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

export function entriesOfEmployer(db: Db, employer: { uscc: string | null; name: string }) {
  return db
    .select({ e: violationEntries, title: violationBatches.title, publishedOn: violationBatches.publishedOn })
    .from(violationEntries)
    .innerJoin(violationBatches, eq(violationBatches.id, violationEntries.batchId))
    .where(employer.uscc ? eq(violationEntries.employerUscc, employer.uscc) : eq(violationEntries.employerName, employer.name))
    .all()
    .map((r) => ({ ...r.e, title: r.title, publishedOn: r.publishedOn }));
}
