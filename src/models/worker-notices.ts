/**
 * The outbox of notices to workers (docs/rules.md §Notices to workers). A step that a worker should hear
 * about calls `queueWorkerNotice` inside its own transaction: the notice exists exactly when the step does.
 * The sender (src/notify/sender.ts) sends it later; the admin's outbox page lists and resends.
 */
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { placeholdersFor, preparedOnce } from "../db/prepared.js";
import { caseWorkers, cases, offices, reports, workerNotices } from "../db/schema.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { reporterMobile } from "../domain/reports.js";
import { noticeText, templateParams, type NoticeFacts, type NoticeKind } from "../domain/worker-notices.js";
import { timeOrderedUuid } from "../lib/ids.js";

export type NoticeRow = typeof workerNotices.$inferSelect;

/**
 * Queues the notice of one step for the case's workers (or only `workerIds`): a row per worker with a mobile
 * number who did not opt out of SMS, and a `toPost` row (printed at the window or posted) per worker without
 * one. The facts are the case's number (and, when registered, its query code), the office that has the case
 * now and `extra` (the step's own date, this worker's amount, whether a 差评 was rectified): never a worker's
 * name, ID or phone.
 * Call it with the transaction of the step. Returns how many notices were queued.
 */
// Every step a worker hears about reads these (db/prepared.ts).
const noticeCaseQuery = (db: DbOrTx) =>
  db
    .select({ caseNumber: cases.caseNumber, queryCode: cases.queryCode, officeId: cases.officeId, officeName: offices.name, officePhone: offices.phone })
    .from(cases)
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(eq(cases.id, sql.placeholder("caseId")))
    .prepare();
const noticeWorkersQuery = (db: DbOrTx) =>
  db
    .select({ id: caseWorkers.id, phone: caseWorkers.phone, smsOptOut: caseWorkers.smsOptOut })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, sql.placeholder("caseId")))
    .prepare();

/** A notice as queued, one prepared statement per row: building a group's multi-row insert cost more than running it. */
// biome-ignore format: a list of column names, read as one
const NOTICE_COLUMNS = [
  "caseId", "workerId", "officeId", "kind", "channel", "phone", "facts", "idempotencyKey", "status", "nextAttemptAt",
  "createdAt",
] as const satisfies readonly (keyof typeof workerNotices.$inferInsert)[];
const noticeInsertQuery = (db: DbOrTx) => db.insert(workerNotices).values(placeholdersFor(workerNotices, NOTICE_COLUMNS)).prepare();

export function queueWorkerNotice(
  tx: DbOrTx,
  req: {
    caseId: number;
    kind: NoticeKind;
    now: Date;
    extra?: Pick<NoticeFacts, "payBy" | "rectified">;
    workerIds?: readonly number[];
    amountFen?: ReadonlyMap<number, number>;
  },
): number {
  const c = preparedOnce(tx, noticeCaseQuery).get({ caseId: req.caseId });
  if (!c?.officeId) throw new NotFoundError("案件不存在");
  const officeId = c.officeId;
  const only = req.workerIds && new Set(req.workerIds);
  const rows = preparedOnce(tx, noticeWorkersQuery)
    .all({ caseId: req.caseId })
    .filter((w) => (!only || only.has(w.id)) && !(w.phone && w.smsOptOut))
    .map((w) => {
      const facts: NoticeFacts = {
        caseNumber: c.caseNumber,
        officeName: c.officeName,
        officePhone: c.officePhone,
        ...(req.kind === "received" ? { queryCode: c.queryCode } : {}),
        ...req.extra,
        ...(req.amountFen?.has(w.id) ? { amountFen: req.amountFen.get(w.id) } : {}),
      };
      return {
        caseId: req.caseId,
        workerId: w.id,
        officeId,
        kind: req.kind,
        channel: w.phone ? ("sms" as const) : ("post" as const),
        phone: w.phone,
        facts: JSON.stringify(facts),
        idempotencyKey: timeOrderedUuid(),
        status: w.phone ? ("queued" as const) : ("toPost" as const),
        nextAttemptAt: req.now,
        createdAt: req.now,
      };
    });
  const insert = preparedOnce(tx, noticeInsertQuery);
  for (const r of rows) insert.run(r);
  return rows.length;
}

/**
 * Queues the notice of a 举报's outcome (reportFiled, reportClosed) to its reporter, when they left a mobile number;
 * an anonymous reporter, or one who left another contact, gets none (they read the outcome with the query code).
 * Signed by the report's office; the facts are the report's number and the office, nothing of the employer or of the
 * case it became, and the row is linked to the report only (docs/rules.md § 举报). Call it in the step's transaction.
 */
export function queueReporterNotice(tx: DbOrTx, req: { reportId: number; kind: Extract<NoticeKind, "reportFiled" | "reportClosed">; now: Date }): number {
  const r = tx
    .select({
      reportNumber: reports.reportNumber,
      contact: reports.reporterContact,
      officeId: reports.officeId,
      officeName: offices.name,
      officePhone: offices.phone,
    })
    .from(reports)
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .where(eq(reports.id, req.reportId))
    .get();
  if (!r) throw new NotFoundError("举报不存在。");
  const phone = reporterMobile(r.contact);
  if (!phone) return 0;
  const facts: NoticeFacts = { reportNumber: r.reportNumber, officeName: r.officeName, officePhone: r.officePhone };
  tx.insert(workerNotices)
    .values({
      reportId: req.reportId,
      officeId: r.officeId,
      kind: req.kind,
      channel: "sms",
      phone,
      facts: JSON.stringify(facts),
      idempotencyKey: timeOrderedUuid(),
      status: "queued",
      nextAttemptAt: req.now,
      createdAt: req.now,
    })
    .run();
  return 1;
}

/** The notice's text as the worker reads it (rendered from its facts; the link needs the public address). */
export function noticeBody(row: Pick<NoticeRow, "kind" | "facts">, publicBaseUrl: string): string {
  const facts = JSON.parse(row.facts) as NoticeFacts;
  return noticeText(row.kind, facts.officeName, templateParams(row.kind, facts, publicBaseUrl));
}

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "toPost", "posted"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  queued: "待发送",
  sending: "发送中",
  sent: "已发送",
  failed: "发送失败",
  toPost: "待打印/邮寄",
  posted: "已打印/邮寄",
};

const PAGE = 100;

/**
 * The outbox page: newest first, optionally one status; `before` pages on (id), through worker_notices_status_idx.
 * A notice to a 举报's reporter has its report's number and no case.
 */
export function listOutbox(db: Db, filter: { status?: OutboxStatus; before?: number }) {
  const where = and(filter.status ? eq(workerNotices.status, filter.status) : undefined, filter.before ? lt(workerNotices.id, filter.before) : undefined);
  const rows = db
    .select({
      id: workerNotices.id,
      caseId: workerNotices.caseId,
      caseNumber: cases.caseNumber,
      reportNumber: reports.reportNumber,
      kind: workerNotices.kind,
      channel: workerNotices.channel,
      phone: workerNotices.phone,
      facts: workerNotices.facts,
      status: workerNotices.status,
      attempts: workerNotices.attempts,
      nextAttemptAt: workerNotices.nextAttemptAt,
      sentAt: workerNotices.sentAt,
      lastError: workerNotices.lastError,
      body: workerNotices.body,
      createdAt: workerNotices.createdAt,
    })
    .from(workerNotices)
    .leftJoin(cases, eq(cases.id, workerNotices.caseId))
    .leftJoin(reports, eq(reports.id, workerNotices.reportId))
    .where(where)
    .orderBy(desc(workerNotices.id))
    .limit(PAGE + 1)
    .all();
  return { rows: rows.slice(0, PAGE), more: rows.length > PAGE };
}

/** The statuses that need someone's eye, counted on the tabs; sent and posted ones grow without end and are not counted. */
const COUNTED_STATUSES = ["queued", "sending", "failed", "toPost"] as const;

/** How many notices wait, are being sent, failed or wait to be posted (the outbox page's tabs). */
export function outboxCounts(db: Db): Partial<Record<OutboxStatus, number>> {
  return Object.fromEntries(
    COUNTED_STATUSES.map((s) => [s, db.select({ n: sql<number>`count(*)` }).from(workerNotices).where(eq(workerNotices.status, s)).get()?.n ?? 0]),
  );
}

/** Resend a failed notice: queued again now, with a fresh count of attempts (its key stays: never sent twice). */
export function resendNotice(db: Db, id: number, now: Date): void {
  const res = db
    .update(workerNotices)
    .set({ status: "queued", attempts: 0, nextAttemptAt: now, claimedAt: null })
    .where(and(eq(workerNotices.id, id), eq(workerNotices.status, "failed")))
    .run();
  if (res.changes === 0) throw new ValidationError("只有发送失败的通知可以重新发送。");
}

/** A notice for a worker without a mobile: printed at the window or posted, and so recorded. */
export function markPosted(db: Db, id: number, now: Date, publicBaseUrl: string): void {
  const row = db.select().from(workerNotices).where(eq(workerNotices.id, id)).get();
  if (row?.status !== "toPost") throw new ValidationError("只有待打印/邮寄的通知可以登记为已寄出。");
  db.update(workerNotices)
    .set({ status: "posted", sentAt: now, body: noticeBody(row, publicBaseUrl) })
    .where(and(eq(workerNotices.id, id), eq(workerNotices.status, "toPost")))
    .run();
}
