/**
 * 签收, 移送 and 指定管辖 (docs/rules.md §Offices and jurisdiction): a case arriving at an office waits in that
 * office's 签收 queue; an office without jurisdiction transfers it once; the receiving office asks the city,
 * which designates. Each step is checked against the abilities table and the pure rules
 * (domain/jurisdiction.ts), bumps the case's version and writes a timeline row naming both offices, in one
 * transaction. The 8-working-day target keeps counting from receipt (first contact anywhere in the city);
 * the acceptance clock of a case not yet decided starts again at the receiving office.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, DbOrTx } from "../db/client.js";
import { caseOfficeMoves, caseWorkers, cases, offices, users } from "../db/schema.js";
import { assertMay, type Viewer } from "../domain/case-abilities.js";
import { isOpen } from "../domain/case-states.js";
import { dueDates } from "../domain/clocks.js";
import { shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  ARRIVAL_LABELS,
  designationProblem,
  designationRequestProblem,
  majorCaseReason,
  transferProblem,
  type Arrival,
  type MajorCaseThresholds,
} from "../domain/jurisdiction.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { calendarRevision, loadCalendar } from "./calendar.js";
import { abilitiesOn, addEvent, getCaseRow, saveVersioned, type CaseRow } from "./cases.js";
import { clockHistoryOf } from "./deadlines.js";
import { nextDocumentNumber } from "./document-numbers.js";
import { getOffice, officesOfPage } from "./offices.js";
import { queueWorkerNotice } from "./worker-notices.js";

interface Step {
  caseId: number;
  version: number;
  actor: Viewer;
  now: Date;
}

function officeName(db: DbOrTx, id: number | null): string {
  return (id === null ? undefined : getOffice(db, id)?.name) ?? "（无）";
}

/** 签收: the office the case arrived at takes it up. Another office's staff are refused. */
export function acknowledgeCase(db: Db, req: Step): void {
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    const abilities = abilitiesOn(tx, c, req.actor);
    if (!abilities.acknowledge) {
      if (req.actor.officeId !== c.officeId) throw new ForbiddenError(`本案在${officeName(tx, c.officeId)}，只能由该机构签收。`);
      if (c.acknowledgedAt) throw new ValidationError("本案已签收。");
      assertMay(abilities, "acknowledge");
    }
    saveVersioned(tx, c, req.version, { acknowledgedAt: req.now, acknowledgedById: req.actor.id }, req.now);
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "acknowledge", note: `${officeName(tx, c.officeId)}签收`, publicStep: null, now: req.now });
  });
}

/**
 * The case moves to `toOfficeId` and waits for its 签收; the assignment ends (the receiving office assigns
 * its own inspectors); the acceptance clock of an undecided case starts again on arrival.
 */
function moveToOffice(
  tx: DbOrTx,
  calendar: WorkingCalendar,
  c: CaseRow,
  req: Step & {
    toOfficeId: number;
    arrivedBy: "transferred" | "designated";
    acknowledgeDays: number;
    action: string;
    note: string;
    reason: string;
    docNumber: string | null;
  },
): void {
  const today = shanghaiDate(req.now);
  const restart = c.decidedOn === null ? { acceptanceStartOn: today } : {};
  const history = clockHistoryOf(tx, c.id);
  const due = dueDates({ ...c, ...restart, stops: history.stops }, calendar);
  saveVersioned(
    tx,
    c,
    req.version,
    {
      officeId: req.toOfficeId,
      arrivedBy: req.arrivedBy,
      arrivedOn: today,
      acknowledgeDueOn: calendar.addWorkingDays(today, req.acknowledgeDays).date,
      acknowledgedAt: null,
      acknowledgedById: null,
      designationRequestedOn: null,
      leadInspectorId: null,
      secondInspectorId: null,
      assignedAt: null,
      ...restart,
      ...due,
      calendarRevision: calendarRevision(tx),
    },
    req.now,
  );
  tx.insert(caseOfficeMoves)
    .values({
      caseId: c.id,
      fromOfficeId: c.officeId!,
      toOfficeId: req.toOfficeId,
      kind: req.arrivedBy,
      onDate: today,
      reason: req.reason,
      actorId: req.actor.id,
      docNumber: req.docNumber,
    })
    .run();
  addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: req.action, note: req.note, publicStep: "已转有管辖权的监察机构办理", now: req.now });
  // Signed by the receiving office, with its phone (docs/rules.md §Notices to workers).
  queueWorkerNotice(tx, { caseId: c.id, kind: "transferred", now: req.now });
}

function reasonOf(text: string, label: string): string {
  const reason = text.trim();
  if (!reason) throw new ValidationError(`请填写${label}`, "reason");
  if (reason.length > 500) throw new ValidationError(`${label}不能超过 500 个字`, "reason");
  return reason;
}

/**
 * 移送: once, from the office that received the case by routing, to the competent office, with the 案件移送函 numbered
 * by the sending office (taken while the case is still its own: src/models/document-numbers.ts).
 */
export function transferCase(db: Db, req: Step & { toOfficeId: number; reason: string; acknowledgeDays: number; numberPrefix: string }): void {
  const calendar = loadCalendar(db);
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    assertMay(abilitiesOn(tx, c, req.actor), "transfer");
    const reason = reasonOf(req.reason, "移送理由");
    const to = getOffice(tx, req.toOfficeId);
    const problem = transferProblem({ officeId: c.officeId!, arrivedBy: c.arrivedBy, isOpen: isOpen(c.state) }, to);
    if (problem) throw new ValidationError(problem, "toOfficeId");
    moveToOffice(tx, calendar, c, {
      ...req,
      reason,
      docNumber: nextDocumentNumber(tx, "officeTransfer", c.id, req.numberPrefix, yearOf(shanghaiDate(req.now))).number,
      arrivedBy: "transferred",
      action: "transfer",
      note: `由${officeName(tx, c.officeId)}移送${to!.name}：${reason}`,
    });
  });
}

/** The receiving office believes it is not competent either: it asks the city to designate. */
export function requestDesignation(db: Db, req: Step & { reason: string }): void {
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    assertMay(abilitiesOn(tx, c, req.actor), "requestDesignation");
    const reason = reasonOf(req.reason, "报请理由");
    const problem = designationRequestProblem({
      officeId: c.officeId!,
      arrivedBy: c.arrivedBy,
      isOpen: isOpen(c.state),
      designationRequested: c.designationRequestedOn !== null,
    });
    if (problem) throw new ValidationError(problem, "reason");
    saveVersioned(tx, c, req.version, { designationRequestedOn: shanghaiDate(req.now) }, req.now);
    addEvent(tx, {
      caseId: c.id,
      actorId: req.actor.id,
      action: "requestDesignation",
      note: `${officeName(tx, c.officeId)}${askCityLabel(c.arrivedBy)}：${reason}`,
      now: req.now,
    });
  });
}

/** 指定管辖 (or 提级, when the city names itself): the city's decision, with its reason; final. */
export function designateCase(db: Db, req: Step & { toOfficeId: number; reason: string; acknowledgeDays: number }): void {
  const calendar = loadCalendar(db);
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    const abilities = abilitiesOn(tx, c, req.actor);
    const to = getOffice(tx, req.toOfficeId);
    const problem = designationProblem({ officeId: c.officeId!, arrivedBy: c.arrivedBy, isOpen: isOpen(c.state) }, req.actor, to);
    if (problem && !req.actor.cityWide) throw new ForbiddenError(problem);
    assertMay(abilities, "designate");
    const reason = reasonOf(req.reason, "指定理由");
    if (problem) throw new ValidationError(problem, "toOfficeId");
    const what = to!.kind === "city" ? "提级由市本级办理" : `指定${to!.name}管辖`;
    moveToOffice(tx, calendar, c, {
      ...req,
      arrivedBy: "designated",
      docNumber: null,
      action: "designate",
      note: `市级${what}（原在${officeName(tx, c.officeId)}）：${reason}`,
    });
  });
}

export interface QueueItem {
  id: number;
  version: number;
  officeId: number;
  caseNumber: string;
  employerName: string;
  district: string;
  officeName: string;
  arrivedBy: Arrival;
  arrivedOn: IsoDate | null;
  acknowledgeDueOn: IsoDate | null;
  receivedOn: IsoDate;
  isLate: boolean;
}

const QUEUE_LIMIT = 200;

/**
 * An office's 签收 queue (or every office's, for the city): cases waiting for acknowledgement, longest
 * waiting first; late once past the acknowledgement due date. Searched through cases_office_unacknowledged_idx.
 */
export function acknowledgementQueue(db: Db, officeId: number | null, today: IsoDate): QueueItem[] {
  const where = officeId === null ? sql`c.acknowledged_at is null` : sql`c.office_id = ${officeId} and c.acknowledged_at is null`;
  return db
    .all<Omit<QueueItem, "isLate">>(sql`
      select c.id as id, c.version as version, c.office_id as officeId, c.case_number as caseNumber, c.employer_name as employerName, c.district as district, o.name as officeName,
        c.arrived_by as arrivedBy, c.arrived_on as arrivedOn, c.acknowledge_due_on as acknowledgeDueOn, c.received_on as receivedOn
      from cases c join offices o on o.id = c.office_id
      where ${where} order by c.acknowledge_due_on, c.id limit ${QUEUE_LIMIT}`)
    .map((r) => ({ ...r, isLate: r.acknowledgeDueOn !== null && r.acknowledgeDueOn < today }));
}

/** The cases moved away from an office (it keeps read-only sight of them), latest first; searched through case_office_moves_from_idx. */
export function movedAwayFrom(db: Db, officeId: number) {
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      kind: caseOfficeMoves.kind,
      onDate: caseOfficeMoves.onDate,
      officeName: offices.name,
    })
    .from(caseOfficeMoves)
    .innerJoin(cases, eq(cases.id, caseOfficeMoves.caseId))
    .innerJoin(offices, eq(offices.id, caseOfficeMoves.toOfficeId))
    .where(eq(caseOfficeMoves.fromOfficeId, officeId))
    .orderBy(desc(caseOfficeMoves.id))
    .limit(50)
    .all();
}

/**
 * Cases whose office asked the city to designate (or take) them, oldest request first — which is the order of
 * their decision due dates: each is due `designationDays` working days after the request, and late after that.
 */
export function designationRequests(db: Db, today: IsoDate, designationDays: number) {
  const calendar = loadCalendar(db);
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      officeName: offices.name,
      requestedOn: cases.designationRequestedOn,
    })
    .from(cases)
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .where(sql`${cases.designationRequestedOn} is not null`)
    .orderBy(asc(cases.designationRequestedOn), asc(cases.id))
    .limit(QUEUE_LIMIT)
    .all()
    .map((r) => {
      const dueOn = calendar.addWorkingDays(r.requestedOn!, designationDays).date;
      return { ...r, dueOn, isLate: dueOn < today };
    });
}

/** 指定管辖 for a case the office received by transfer (第六条); 提级 for one of its own (第九条). */
function askCityLabel(arrivedBy: Arrival): string {
  return arrivedBy === "transferred" ? "报请市级指定管辖" : "报请市级提级";
}

/** Why the city might take this case (提级), or null: its workers, claim and grounds against the thresholds. */
export function majorCaseOffer(db: Db, c: CaseRow, thresholds: MajorCaseThresholds): string | null {
  const totals = db
    .select({ n: sql<number>`count(*)`, claimed: sql<number>`coalesce(sum(${caseWorkers.claimedFen}), 0)` })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, c.id))
    .get()!;
  return majorCaseReason(
    { workerCount: totals.n, claimedFen: totals.claimed, massIncident: (c.escalationGrounds ?? "").includes("massIncidentRisk") },
    thresholds,
  );
}

/** What the case page shows about the office that has the case, and the choices of its transfer and designation forms. */
export function jurisdictionOf(db: Db, c: CaseRow, today: IsoDate, thresholds: MajorCaseThresholds) {
  const offices = officesOfPage(db, { activeOnly: true });
  const facts = { officeId: c.officeId!, arrivedBy: c.arrivedBy, isOpen: isOpen(c.state), designationRequested: c.designationRequestedOn !== null };
  return {
    open: facts.isOpen,
    /** The office may ask the city to designate (it received the case by transfer and has not asked yet). */
    mayAskCity: designationRequestProblem(facts) === null,
    askCity: askCityLabel(c.arrivedBy),
    office: offices.find((o) => o.id === c.officeId) ?? getOffice(db, c.officeId!)!,
    arrival: ARRIVAL_LABELS[c.arrivedBy],
    acknowledgeLate: c.acknowledgedAt === null && c.acknowledgeDueOn !== null && c.acknowledgeDueOn < today,
    otherOffices: offices.filter((o) => o.id !== c.officeId),
    // The city office takes a case by 提级 on request, never by transfer (domain/jurisdiction.ts CITY_BY_REQUEST).
    transferTargets: offices.filter((o) => o.id !== c.officeId && o.kind !== "city"),
    majorCase: isOpen(c.state) ? majorCaseOffer(db, c, thresholds) : null,
  };
}

const fromOffice = alias(offices, "from_office");
const toOffice = alias(offices, "to_office");

/** The case's transfers (移送) between offices, oldest first, each with its 案件移送函's number and both offices. */
export function officeTransfersOf(db: DbOrTx, caseId: number) {
  return db
    .select({
      id: caseOfficeMoves.id,
      fromOfficeId: caseOfficeMoves.fromOfficeId,
      toOfficeId: caseOfficeMoves.toOfficeId,
      fromOfficeName: fromOffice.name,
      toOfficeName: toOffice.name,
      onDate: caseOfficeMoves.onDate,
      docNumber: caseOfficeMoves.docNumber,
    })
    .from(caseOfficeMoves)
    .innerJoin(fromOffice, eq(fromOffice.id, caseOfficeMoves.fromOfficeId))
    .innerJoin(toOffice, eq(toOffice.id, caseOfficeMoves.toOfficeId))
    .where(and(eq(caseOfficeMoves.caseId, caseId), eq(caseOfficeMoves.kind, "transferred")))
    .orderBy(asc(caseOfficeMoves.id))
    .all();
}

/** One transfer of the case, as its 案件移送函 prints it: the sending office (the issuer), the receiving one, who signed it off. */
export function transferLetterOf(db: DbOrTx, caseId: number, moveId: number) {
  const move = db
    .select({
      id: caseOfficeMoves.id,
      fromOfficeId: caseOfficeMoves.fromOfficeId,
      toOfficeId: caseOfficeMoves.toOfficeId,
      onDate: caseOfficeMoves.onDate,
      reason: caseOfficeMoves.reason,
      docNumber: caseOfficeMoves.docNumber,
      actorName: users.displayName,
    })
    .from(caseOfficeMoves)
    .leftJoin(users, eq(users.id, caseOfficeMoves.actorId))
    .where(and(eq(caseOfficeMoves.id, moveId), eq(caseOfficeMoves.caseId, caseId), eq(caseOfficeMoves.kind, "transferred")))
    .get();
  if (!move) throw new NotFoundError("本案没有这次移送。");
  return { ...move, from: getOffice(db, move.fromOfficeId)!, to: getOffice(db, move.toOfficeId)! };
}
