/**
 * 移送其他部门 as stored data (docs/rules.md §移送其他部门): the transfers of a case, each step recorded in the case's
 * transaction (the section src/sections/department-transfers.ts runs them through `transition`), and the
 * transfers still waiting for a 签收 or a reply, for the supervisors' dashboard of the offices in scope.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { departmentTransfers, memberUnits, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { yearOf, type IsoDate } from "../domain/dates.js";
import {
  receiptProblem,
  replyDueOn,
  replyProblem,
  transferClock,
  transferProblem,
  transferStage,
  type DepartmentReplyOutcome,
  type Problem,
  type TransferFacts,
} from "../domain/department-transfers.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { loadCalendar } from "./calendar.js";
import { inOffices, type OfficeIds } from "./dashboard.js";
import { nextDocumentNumber } from "./document-numbers.js";

const sender = alias(users, "transfer_sender");
const receiptClerk = alias(users, "transfer_receipt_clerk");
const replyClerk = alias(users, "transfer_reply_clerk");

const transfersQuery = (db: DbOrTx) =>
  db
    .select({
      id: departmentTransfers.id,
      unitId: departmentTransfers.unitId,
      unitName: memberUnits.name,
      sentOn: departmentTransfers.sentOn,
      matter: departmentTransfers.matter,
      materials: departmentTransfers.materials,
      replyDueOn: departmentTransfers.replyDueOn,
      receivedOn: departmentTransfers.receivedOn,
      signedBy: departmentTransfers.signedBy,
      repliedOn: departmentTransfers.repliedOn,
      replyOutcome: departmentTransfers.replyOutcome,
      replyContent: departmentTransfers.replyContent,
      recordedBy: sender.displayName,
      receiptRecordedBy: receiptClerk.displayName,
      replyRecordedBy: replyClerk.displayName,
      docNumber: departmentTransfers.docNumber,
    })
    .from(departmentTransfers)
    .innerJoin(memberUnits, eq(memberUnits.id, departmentTransfers.unitId))
    .leftJoin(sender, eq(sender.id, departmentTransfers.recordedById))
    .leftJoin(receiptClerk, eq(receiptClerk.id, departmentTransfers.receiptRecordedById))
    .leftJoin(replyClerk, eq(replyClerk.id, departmentTransfers.replyRecordedById))
    .where(eq(departmentTransfers.caseId, sql.placeholder("caseId")))
    .orderBy(asc(departmentTransfers.sentOn), asc(departmentTransfers.id))
    .prepare();

/** A case's transfers, oldest first, each with its stage and reply clock. */
export function transfersOfCase(db: Db, caseId: number, today: IsoDate, calendar: WorkingCalendar) {
  return preparedOnce(db, transfersQuery)
    .all({ caseId })
    .map((t) => {
      const facts = t as TransferFacts;
      return { ...t, stage: transferStage(facts), clock: transferClock(facts, today, calendar) };
    });
}

function fail(problem: Problem | null): void {
  if (problem) throw new ValidationError(problem.message, problem.field);
}

/** One transfer of this case, as the next step needs it; a transfer of another case is no transfer. */
function transferOf(tx: Tx, caseId: number, transferId: number): TransferFacts & { id: number } {
  const t = tx
    .select({
      id: departmentTransfers.id,
      unitName: memberUnits.name,
      sentOn: departmentTransfers.sentOn,
      replyDueOn: departmentTransfers.replyDueOn,
      receivedOn: departmentTransfers.receivedOn,
      repliedOn: departmentTransfers.repliedOn,
    })
    .from(departmentTransfers)
    .innerJoin(memberUnits, eq(memberUnits.id, departmentTransfers.unitId))
    .where(and(eq(departmentTransfers.id, transferId), eq(departmentTransfers.caseId, caseId)))
    .get();
  if (!t) throw new ValidationError("请选择本案的一次移送", "transferId");
  return t as TransferFacts & { id: number };
}

interface Step {
  actor: Viewer;
  today: IsoDate;
  calendar(): WorkingCalendar;
}

export function recordTransfer(
  tx: Tx,
  c: { id: number; receivedOn: IsoDate },
  input: { unitId: number; sentOn: IsoDate; matter: string; materials: string; replyDueOn: IsoDate | "" },
  by: Step & { replyDays: number; numberPrefix: string },
): void {
  const calendar = by.calendar();
  const unit = tx.select({ name: memberUnits.name, active: memberUnits.active }).from(memberUnits).where(eq(memberUnits.id, input.unitId)).get() ?? null;
  const openUnitIds = tx
    .select({ unitId: departmentTransfers.unitId })
    .from(departmentTransfers)
    .where(and(eq(departmentTransfers.caseId, c.id), isNull(departmentTransfers.repliedOn)))
    .all()
    .map((r) => r.unitId);
  fail(transferProblem(input, c, { unit, openUnitIds, today: by.today, calendar }));
  tx.insert(departmentTransfers)
    .values({
      caseId: c.id,
      unitId: input.unitId,
      sentOn: input.sentOn,
      matter: input.matter,
      materials: materialLines(input.materials).join("\n"),
      replyDueOn: replyDueOn(input.sentOn, input.replyDueOn, by.replyDays, calendar),
      // The 案件移送书 shares the 移送书's series (kind referral): one numbering of what the office sends to other departments.
      docNumber: nextDocumentNumber(tx, "referral", c.id, by.numberPrefix, yearOf(input.sentOn)).number,
      recordedById: by.actor.id,
    })
    .run();
}

/** The materials typed one a line, blank lines left out. */
export function materialLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The case's transfers by id, with the department's name. */
export function transferNames(db: Db, caseId: number): Map<number, string> {
  const rows = db
    .select({ id: departmentTransfers.id, name: memberUnits.name })
    .from(departmentTransfers)
    .innerJoin(memberUnits, eq(memberUnits.id, departmentTransfers.unitId))
    .where(eq(departmentTransfers.caseId, caseId))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function recordReceipt(tx: Tx, caseId: number, input: { transferId: number; receivedOn: IsoDate; signedBy: string }, by: Step): void {
  const t = transferOf(tx, caseId, input.transferId);
  fail(receiptProblem(t, input.receivedOn, by.today, by.calendar()));
  tx.update(departmentTransfers)
    .set({ receivedOn: input.receivedOn, signedBy: input.signedBy, receiptRecordedById: by.actor.id })
    .where(eq(departmentTransfers.id, t.id))
    .run();
}

export function recordReply(
  tx: Tx,
  caseId: number,
  input: { transferId: number; repliedOn: IsoDate; outcome: DepartmentReplyOutcome; content: string },
  by: Step,
): void {
  const t = transferOf(tx, caseId, input.transferId);
  fail(replyProblem(t, input.repliedOn, by.today, by.calendar()));
  tx.update(departmentTransfers)
    .set({ repliedOn: input.repliedOn, replyOutcome: input.outcome, replyContent: input.content, replyRecordedById: by.actor.id })
    .where(eq(departmentTransfers.id, t.id))
    .run();
}

const WAITING_FROM = (officeIds: OfficeIds) => sql`from department_transfers t indexed by department_transfers_waiting_idx
    join cases on cases.id = t.case_id
    where t.replied_on is null and ${inOffices(officeIds)}`;

/**
 * The transfers of the offices' cases still waiting for a 签收 or a reply, the reply due first (all of them, or one
 * page). Read through the partial index of unreplied transfers (few, whatever the number of cases), each case by its key.
 */
export function waitingTransfers(db: Db, today: IsoDate, officeIds: OfficeIds, page?: { limit: number; offset: number }) {
  const calendar = loadCalendar(db);
  const rows = db.all<{
    id: number;
    caseId: number;
    caseNumber: string;
    employerName: string;
    officeName: string;
    unitName: string;
    sentOn: IsoDate;
    replyDueOn: IsoDate;
    receivedOn: IsoDate | null;
    docNumber: string | null;
  }>(sql`select t.id as id, t.case_id as caseId, cases.case_number as caseNumber, cases.employer_name as employerName,
      (select name from offices where id = cases.office_id) as officeName, (select name from member_units where id = t.unit_id) as unitName,
      t.sent_on as sentOn, t.reply_due_on as replyDueOn, t.received_on as receivedOn, t.doc_number as docNumber
    ${WAITING_FROM(officeIds)}
    order by t.reply_due_on, t.id ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`);
  return rows.map((r) => {
    const facts = { ...r, repliedOn: null };
    return { ...r, stage: transferStage(facts), clock: transferClock(facts, today, calendar) };
  });
}

/** How many transfers of the offices' cases wait for a 签收 or a reply. */
export function countWaitingTransfers(db: Db, officeIds: OfficeIds): number {
  return db.get<{ n: number }>(sql`select count(*) as n ${WAITING_FROM(officeIds)}`).n;
}

/** One transfer of the case as its 案件移送书 prints it (with its number and the department), or not found. */
export function departmentTransferOfCase(db: Db, caseId: number, transferId: number) {
  const t = preparedOnce(db, transfersQuery)
    .all({ caseId })
    .find((r) => r.id === transferId);
  if (!t) throw new NotFoundError("本案没有这次移送。");
  return { ...t, materialList: materialLines(t.materials) };
}
