/**
 * The notices of the acceptance decision (不予受理, 告知补正, 告知, 移送), numbered in the transaction of the move that
 * issues them, like every other document (docs/rules.md § Notices and records after acceptance).
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import { caseNotices } from "../db/schema.js";
import type { Outcome } from "../domain/case-states.js";
import { shanghaiDate, yearOf } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { CASE_NOTICES, type CaseNoticeKind, addresseeProblem, noticeKindOf } from "../domain/legal-basis.js";
import { type CaseRow, type MoveRequest, transition } from "./cases.js";
import { nextDocumentNumber } from "./document-numbers.js";

export type CaseNotice = typeof caseNotices.$inferSelect;

/** Inserts the numbered notice of `kind` for the case, dated today. */
export function insertCaseNotice(
  tx: Tx,
  c: CaseRow,
  n: { kind: CaseNoticeKind; body: string; addressee: string; prefixes: Record<CaseNoticeKind, string>; actorId: number; now: Date },
): void {
  const today = shanghaiDate(n.now);
  tx.insert(caseNotices)
    .values({
      caseId: c.id,
      kind: n.kind,
      docNumber: nextDocumentNumber(tx, n.kind, c.id, n.prefixes[n.kind], yearOf(today)).number,
      issuedOn: today,
      body: n.body.trim(),
      addressee: n.addressee.trim(),
      issuedById: n.actorId,
    })
    .run();
}

/** 告知补正 or 告知/移送: the move with its numbered notice (不予受理 goes through models/rejections.ts). */
export function issueNoticeMove(
  db: Db,
  req: Omit<MoveRequest, "move" | "outcome"> & {
    move: "requestSupplement" | "redirect";
    outcome: Outcome | undefined;
    addressee: string;
    prefixes: Record<CaseNoticeKind, string>;
  },
): void {
  const kind = noticeKindOf(req.move, req.outcome);
  const problem = kind && addresseeProblem(kind, req.addressee);
  if (problem) throw new ValidationError(problem, "addressee");
  transition(db, {
    ...req,
    eventNote: kind && CASE_NOTICES[kind].addresseeLabel ? `${req.note.trim()}（${CASE_NOTICES[kind].addresseeLabel}：${req.addressee.trim()}）` : undefined,
    effect: (tx, c) => {
      // Without an outcome (redirect) the move itself refuses, naming the missing choice.
      if (kind) insertCaseNotice(tx, c, { kind, body: req.note, addressee: req.addressee, prefixes: req.prefixes, actorId: req.actor.id, now: req.now });
    },
  });
}

/** The notices of a case, oldest first. */
export function caseNoticesOf(db: DbOrTx, caseId: number): CaseNotice[] {
  return db.select().from(caseNotices).where(eq(caseNotices.caseId, caseId)).orderBy(asc(caseNotices.id)).all();
}

/** The latest notice of a kind on the case, or undefined. */
export function latestCaseNotice(db: DbOrTx, caseId: number, kind: CaseNoticeKind): CaseNotice | undefined {
  return db
    .select()
    .from(caseNotices)
    .where(and(eq(caseNotices.caseId, caseId), eq(caseNotices.kind, kind)))
    .orderBy(desc(caseNotices.id))
    .limit(1)
    .get();
}
