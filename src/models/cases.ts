/**
 * Cases: intake, moves through the state machine, assignment, extension, evidence and the deadline
 * recomputation that follows a calendar change. Every change writes a timeline row in the same
 * transaction and bumps the case's version (optimistic locking).
 */
import { outcomeForWorker } from "../domain/outcome-for-worker.js";
import { untilChanged } from "./until-changed.js";
import { placeholdersFor, preparedOnce } from "../db/prepared.js";
import { aliasedTable, and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import {
  caseEvents,
  caseOfficeMoves,
  caseRecusals,
  caseSequences,
  caseWorkers,
  cases,
  evidence,
  inspectorOpenCases,
  offices,
  payments,
  taskForceTasks,
  users,
} from "../db/schema.js";
import { assertMay, assertMayMove, caseAbilities, type AccessPolicy, type CaseAbilities, type Viewer } from "../domain/case-abilities.js";
import { assertMove, isBeforeAcceptance, isFiled, isOpen, targetState, type CaseState, type Outcome } from "../domain/case-states.js";
import { EXTENSION_DAYS, dueDates, extensionProblem, workingDaysTaken } from "../domain/clocks.js";
import { shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { STATE_LABELS } from "../domain/case-states.js";
import type { Channel } from "../domain/reference-data.js";
import { moveProblem } from "../domain/move-rules.js";
import { formatCaseNumber, newQueryCode, normalizeCaseNumber, normalizeQueryCode } from "../lib/ids.js";
import { contactsOf, findRecentDuplicate } from "./duplicates.js";
import { calendarRevision, loadCalendar } from "./calendar.js";
import { clockHistoryOf } from "./deadlines.js";
import { maskAddress, maskIdNumber, maskPhone } from "../domain/masking.js";
import type { IdType } from "../domain/identifiers.js";
import { recordPersonalDataView } from "./personal-data-views.js";
import { linkCaseToProject } from "./projects.js";
import { routeWorkSite } from "./offices.js";
import { DEFAULT_ACKNOWLEDGE_DAYS } from "../domain/jurisdiction.js";
import { NOTICE_OF_MOVE } from "../domain/worker-notices.js";
import { queueWorkerNotice } from "./worker-notices.js";

export type { Channel };
export type CaseRow = typeof cases.$inferSelect;

export interface WorkerInput {
  name: string;
  sex: "男" | "女";
  age: number;
  /** The identity document (docs/rules.md §Identity documents); 居民身份证 when not said. */
  idType?: IdType;
  idNumber: string;
  noIdReason?: string;
  /** Mobile ("" when none). */
  phone: string;
  landline?: string;
  relativeName?: string;
  relativePhone?: string;
  postalAddress?: string;
  /** Chose at intake not to receive SMS notices. */
  smsOptOut?: boolean;
  hometown: string;
  occupation: string;
  workPeriod: string;
  claimedFen: number;
  isRepresentative: boolean;
}

export interface CaseInput {
  channel: Channel;
  platformClueNo: string | null;
  receivedOn: IsoDate;
  /** When the arrears ended (the 2-year limit runs from it); unknown at intake when null. */
  arrearsEndedOn?: IsoDate | null;
  arrearsOngoing?: boolean;
  facts: string;
  claim: string;
  employerName: string;
  employerUscc: string | null;
  employerLegalRep: string;
  employerAddress: string;
  district: string;
  isConstruction: boolean;
  projectName: string;
  projectAddress: string;
  generalContractor: string;
  subcontractor: string;
  teamLeader: string;
  workers: WorkerInput[];
}

export interface StoredFile {
  storedName: string;
  originalName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export function addEvent(
  tx: DbOrTx,
  e: {
    caseId: number;
    actorId: number | null;
    action: string;
    from?: CaseState | null;
    to?: CaseState | null;
    note?: string;
    publicStep?: string | null;
    now: Date;
  },
): void {
  preparedOnce(tx, eventInsert).run({
    caseId: e.caseId,
    at: e.now,
    onDate: shanghaiDate(e.now),
    actorId: e.actorId,
    action: e.action,
    fromState: e.from ?? null,
    toState: e.to ?? null,
    note: e.note ?? "",
    publicStep: e.publicStep ?? null,
  });
}

/** Every step of every case writes one: prepared once (db/prepared.ts). */
const eventInsert = (db: DbOrTx) =>
  db
    .insert(caseEvents)
    .values({
      caseId: sql.placeholder("caseId"),
      at: sql.placeholder("at"),
      onDate: sql.placeholder("onDate"),
      actorId: sql.placeholder("actorId"),
      action: sql.placeholder("action"),
      fromState: sql.placeholder("fromState"),
      toState: sql.placeholder("toState"),
      note: sql.placeholder("note"),
      publicStep: sql.placeholder("publicStep"),
    })
    .prepare();

/**
 * Registers a complaint: number, query code, workers, evidence and the first timeline row, all or nothing.
 * The work site's division decides the office (条例 第十三条, domain/jurisdiction.ts); the case waits for that
 * office's 签收 unless it was registered at that office's own window (docs/rules.md §Offices and jurisdiction).
 */
export function registerCase(db: Db, input: CaseInput, opts: { actorId: number | null; now: Date; files?: StoredFile[]; acknowledgeDays?: number }) {
  const calendar = loadCalendar(db);
  const due = dueDates({ receivedOn: input.receivedOn, acceptanceStartOn: input.receivedOn, filedOn: null, extensionDays: 0 }, calendar);
  const today = shanghaiDate(opts.now);
  const year = yearOf(today);
  return db.transaction((tx) => {
    const routing = routeWorkSite(tx, input.district);
    if (!routing.ok) throw new ValidationError(routing.problem, "district");
    const registrarOffice =
      opts.actorId === null ? null : (tx.select({ officeId: users.officeId }).from(users).where(eq(users.id, opts.actorId)).get()?.officeId ?? null);
    const receivedThere = registrarOffice === routing.office.id;
    // One statement both creates and bumps the year's counter; SQLite serialises writers, so no two
    // intakes can read the same number.
    const { last } = preparedOnce(tx, nextCaseNumberQuery).get({ year })!;
    const { workers } = input;
    const duplicate = findRecentDuplicate(tx, input.employerName, contactsOf(workers), opts.now);
    const registered: RegisteredCase = {
      channel: input.channel,
      platformClueNo: input.platformClueNo,
      receivedOn: input.receivedOn,
      arrearsEndedOn: input.arrearsEndedOn ?? null,
      arrearsOngoing: input.arrearsOngoing ?? false,
      facts: input.facts,
      claim: input.claim,
      employerName: input.employerName,
      employerUscc: input.employerUscc,
      employerLegalRep: input.employerLegalRep,
      employerAddress: input.employerAddress,
      district: input.district,
      isConstruction: input.isConstruction,
      projectName: input.projectName,
      projectAddress: input.projectAddress,
      generalContractor: input.generalContractor,
      subcontractor: input.subcontractor,
      teamLeader: input.teamLeader,
      possibleDuplicateOf: duplicate?.id ?? null,
      officeId: routing.office.id,
      divisionId: routing.division.id,
      arrivedBy: "routed",
      arrivedOn: today,
      acknowledgeDueOn: calendar.addWorkingDays(today, opts.acknowledgeDays ?? DEFAULT_ACKNOWLEDGE_DAYS).date,
      acknowledgedAt: receivedThere ? opts.now : null,
      acknowledgedById: receivedThere ? opts.actorId : null,
      caseNumber: formatCaseNumber(year, last),
      queryCode: newQueryCode(),
      state: "received",
      registeredById: opts.actorId,
      acceptanceStartOn: input.receivedOn,
      acceptanceDueOn: due.acceptanceDueOn,
      targetDueOn: due.targetDueOn,
      calendarRevision: calendarRevision(tx),
      createdAt: opts.now,
      updatedAt: opts.now,
    };
    const id = Number(preparedOnce(tx, registeredCaseInsert).run(registered).lastInsertRowid);
    const row = { id, caseNumber: registered.caseNumber as string, queryCode: registered.queryCode as string };
    linkCaseToProject(tx, row.id, routing.office.id, input);
    const workerInsert = preparedOnce(tx, workerInsertQuery);
    for (const w of workers) workerInsert.run(workerRow(row.id, w));
    for (const f of opts.files ?? []) {
      tx.insert(evidence)
        .values({ ...f, caseId: row.id, uploadedById: opts.actorId, uploadedAt: opts.now })
        .run();
    }
    addEvent(tx, {
      caseId: row.id,
      actorId: opts.actorId,
      action: "register",
      to: "received",
      note: `登记投诉，投诉人 ${workers.length} 人${opts.files?.length ? `，证据材料 ${opts.files.length} 份` : ""}，用工所在地${input.district}，由${routing.office.name}管辖${receivedThere ? "" : "（待签收）"}${duplicate ? `（可能与 ${duplicate.caseNumber} 重复，请核对）` : ""}`,
      publicStep: "已收到投诉",
      now: opts.now,
    });
    queueWorkerNotice(tx, { caseId: row.id, kind: "received", now: opts.now });
    // Registered at another office's window or online: the office that has the case gives its phone.
    if (!receivedThere) queueWorkerNotice(tx, { caseId: row.id, kind: "routed", now: opts.now });
    return row;
  });
}

const nextCaseNumberQuery = (db: DbOrTx) =>
  db
    .insert(caseSequences)
    .values({ year: sql.placeholder("year"), last: 1 })
    .onConflictDoUpdate({ target: caseSequences.year, set: { last: sql`${caseSequences.last} + 1` } })
    .returning({ last: caseSequences.last })
    .prepare();

/** A case as registered: the intake's fields and the office, clocks and numbers it starts with; the rest take the schema's defaults. */
// biome-ignore format: a list of column names, read as one
const REGISTERED_COLUMNS = [
  "channel", "platformClueNo", "receivedOn", "arrearsEndedOn", "arrearsOngoing", "facts", "claim", "employerName",
  "employerUscc", "employerLegalRep", "employerAddress", "district", "isConstruction", "projectName", "projectAddress",
  "generalContractor", "subcontractor", "teamLeader", "possibleDuplicateOf", "officeId", "divisionId", "arrivedBy",
  "arrivedOn", "acknowledgeDueOn", "acknowledgedAt", "acknowledgedById", "caseNumber", "queryCode", "state",
  "registeredById", "acceptanceStartOn", "acceptanceDueOn", "targetDueOn", "calendarRevision", "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof typeof cases.$inferInsert)[];
type RegisteredCase = Record<(typeof REGISTERED_COLUMNS)[number], unknown>;

const registeredCaseInsert = (db: DbOrTx) => db.insert(cases).values(placeholdersFor(cases, REGISTERED_COLUMNS)).prepare();

/**
 * A complainant as registered, one prepared statement per row (db/prepared.ts): drizzle building a 35-worker
 * group's multi-row insert cost more than running it. Every column is bound, so the optional ones take the
 * schema's defaults here.
 */
// biome-ignore format: a list of column names, read as one
const WORKER_COLUMNS = [
  "caseId", "name", "sex", "age", "idType", "idNumber", "noIdReason", "phone", "landline", "relativeName",
  "relativePhone", "postalAddress", "smsOptOut", "hometown", "occupation", "workPeriod", "claimedFen",
  "isRepresentative",
] as const satisfies readonly (keyof typeof caseWorkers.$inferInsert)[];

const workerInsertQuery = (db: DbOrTx) => db.insert(caseWorkers).values(placeholdersFor(caseWorkers, WORKER_COLUMNS)).prepare();

function workerRow(caseId: number, w: WorkerInput): Record<(typeof WORKER_COLUMNS)[number], unknown> {
  return {
    caseId,
    name: w.name,
    sex: w.sex,
    age: w.age,
    idType: w.idType ?? "mainlandId",
    idNumber: w.idNumber,
    noIdReason: w.noIdReason ?? "",
    phone: w.phone,
    landline: w.landline ?? "",
    relativeName: w.relativeName ?? "",
    relativePhone: w.relativePhone ?? "",
    postalAddress: w.postalAddress ?? "",
    smsOptOut: w.smsOptOut ?? false,
    hometown: w.hometown,
    occupation: w.occupation,
    workPeriod: w.workPeriod,
    claimedFen: w.claimedFen,
    isRepresentative: w.isRepresentative,
  };
}

const caseRowQuery = (db: DbOrTx) =>
  db
    .select()
    .from(cases)
    .where(eq(cases.id, sql.placeholder("caseId")))
    .prepare();

export function getCaseRow(db: DbOrTx, id: number): CaseRow {
  const row = Number.isInteger(id) ? preparedOnce(db, caseRowQuery).get({ caseId: id }) : undefined;
  if (!row) throw new NotFoundError("案件不存在。");
  return row;
}

/** Acting on a case never depends on the read-only search policy: only the people working it act. */
const ACTING: AccessPolicy = { inspectorsReadAll: false };

/** What this viewer may do on this case (domain/case-abilities.ts), from the case row and its task units. */
const taskUnitsQuery = (db: DbOrTx) =>
  db
    .selectDistinct({ unitId: taskForceTasks.unitId })
    .from(taskForceTasks)
    .where(eq(taskForceTasks.caseId, sql.placeholder("caseId")))
    .prepare();

const formerOfficesQuery = (db: DbOrTx) =>
  db
    .selectDistinct({ officeId: caseOfficeMoves.fromOfficeId })
    .from(caseOfficeMoves)
    .where(eq(caseOfficeMoves.caseId, sql.placeholder("caseId")))
    .prepare();

export function abilitiesOn(db: DbOrTx, c: CaseRow, viewer: Viewer, policy: AccessPolicy = ACTING): CaseAbilities {
  const taskUnitIds = preparedOnce(db, taskUnitsQuery)
    .all({ caseId: c.id })
    .map((t) => t.unitId);
  const formerOfficeIds = preparedOnce(db, formerOfficesQuery)
    .all({ caseId: c.id })
    .map((m) => m.officeId);
  return caseAbilities({ ...c, taskUnitIds, formerOfficeIds, acknowledged: c.acknowledgedAt !== null }, viewer, policy);
}

/** Who reads a case, and on which page: a view of the workers' unmasked personal data is recorded under that page's name. */
export interface CaseReader {
  viewer: Viewer;
  policy: AccessPolicy;
  /** The page or document shown, as the personal-data log names it (案件页, 登记回执…); null for one that shows no worker's ID number or phone, which then gets them masked. */
  page: string | null;
  now: Date;
}

/**
 * Everything the case page shows, for a viewer allowed to see the case (full or masked). The workers' ID
 * numbers and phones come unmasked only to the people working the case (access `full`), and each such read
 * is recorded (个人信息保护法 第五十一条; docs/rules.md §Other modules); everyone else gets them masked. This is the
 * one read of workers' personal data for pages (test/models/personal-data-reads.test.ts).
 */
export function getCaseDetail(db: Db, id: number, reader: CaseReader) {
  const row = getCaseRow(db, id);
  const abilities = abilitiesOn(db, row, reader.viewer, reader.policy);
  if (abilities.access !== "full" && abilities.access !== "masked") {
    throw new ForbiddenError("您不能查看此案件：监察员只能查看分配给自己的案件，窗口受理员只能查看自己登记的案件。");
  }
  const full = abilities.access === "full" && reader.page !== null;
  const workers = preparedOnce(db, caseWorkersQuery).all({ caseId: id });
  if (full && reader.page !== null) recordPersonalDataView(db, { caseId: id, userId: reader.viewer.id, page: reader.page, now: reader.now });
  return {
    abilities,
    /** ID numbers and phones may be shown whole: the people working the case, on a page whose view was just recorded. */
    personalDataShown: full,
    case: row,
    names: preparedOnce(db, caseNamesQuery).get({ caseId: id })!,
    workers: full
      ? workers
      : workers.map((w) => ({
          ...w,
          idNumber: maskIdNumber(w.idNumber),
          phone: maskPhone(w.phone),
          landline: maskPhone(w.landline),
          relativePhone: maskPhone(w.relativePhone),
          postalAddress: maskAddress(w.postalAddress),
        })),
    events: listEvents(db, id),
    evidence: preparedOnce(db, caseEvidenceQuery).all({ caseId: id }),
  };
}
export type CaseDetail = ReturnType<typeof getCaseDetail>;

const caseNamesQuery = (db: DbOrTx) => {
  const lead = aliasedTable(users, "lead");
  const second = aliasedTable(users, "second");
  const registrar = aliasedTable(users, "registrar");
  return db
    .select({ lead: lead.displayName, second: second.displayName, registrar: registrar.displayName })
    .from(cases)
    .leftJoin(lead, eq(lead.id, cases.leadInspectorId))
    .leftJoin(second, eq(second.id, cases.secondInspectorId))
    .leftJoin(registrar, eq(registrar.id, cases.registeredById))
    .where(eq(cases.id, sql.placeholder("caseId")))
    .prepare();
};

const caseEvidenceQuery = (db: DbOrTx) =>
  db
    .select({
      id: evidence.id,
      originalName: evidence.originalName,
      mimeType: evidence.mimeType,
      size: evidence.size,
      sha256: evidence.sha256,
      description: evidence.description,
      uploadedAt: evidence.uploadedAt,
      uploader: users.displayName,
      visitId: evidence.visitId,
      voidedAt: evidence.voidedAt,
      voidReason: evidence.voidReason,
    })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.uploadedById))
    .where(eq(evidence.caseId, sql.placeholder("caseId")))
    .orderBy(asc(evidence.id))
    .prepare();

/** The complainants of a case, representative first: whole rows, for getCaseDetail only. */
const caseWorkersQuery = (db: DbOrTx) =>
  db
    .select()
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, sql.placeholder("caseId")))
    .orderBy(desc(caseWorkers.isRepresentative), asc(caseWorkers.id))
    .prepare();

/** The complainants' names, representative first: what the amount forms list (no personal data). */
const workerNamesQuery = (db: DbOrTx) =>
  db
    .select({ id: caseWorkers.id, name: caseWorkers.name, claimedFen: caseWorkers.claimedFen })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, sql.placeholder("caseId")))
    .orderBy(desc(caseWorkers.isRepresentative), asc(caseWorkers.id))
    .prepare();

export function workerNamesOf(db: DbOrTx, caseId: number) {
  return preparedOnce(db, workerNamesQuery).all({ caseId });
}

const caseEventsQuery = (db: DbOrTx) =>
  db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      onDate: caseEvents.onDate,
      action: caseEvents.action,
      fromState: caseEvents.fromState,
      toState: caseEvents.toState,
      note: caseEvents.note,
      publicStep: caseEvents.publicStep,
      actorName: users.displayName,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, sql.placeholder("caseId")))
    .orderBy(asc(caseEvents.id))
    .prepare();

export function listEvents(db: Db, caseId: number) {
  return preparedOnce(db, caseEventsQuery).all({ caseId });
}

/** The latest timeline row of one action (the reason on a notice, for example). */
export function latestEvent(db: Db, caseId: number, action: string) {
  return listEvents(db, caseId)
    .filter((e) => e.action === action)
    .at(-1);
}

/** Saves a patch only if nobody changed the case since `version`; otherwise the user is told. */
export function saveVersioned(tx: DbOrTx, c: CaseRow, version: number, patch: Partial<CaseRow>, now: Date): void {
  if (c.version !== version) throw caseChanged(c);
  const res = tx
    .update(cases)
    .set({ ...patch, version: c.version + 1, updatedAt: now })
    .where(and(eq(cases.id, c.id), eq(cases.version, version)))
    .run();
  if (res.changes === 0) throw caseChanged(c);
}

function caseChanged(c: CaseRow): ConflictError {
  return new ConflictError(`案件已被他人更新（当前状态：${STATE_LABELS[c.state]}），未保存您的操作。请查看最新情况后再办理。`);
}

export interface MoveRequest {
  caseId: number;
  move: string;
  outcome?: Outcome;
  note: string;
  version: number;
  actor: Viewer;
  now: Date;
}

export interface TransitionRequest extends MoveRequest {
  /** The activity's own checks and rows, inside the same transaction; may return fields of the case to set. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most effects only insert their rows and return nothing.
  effect?: (tx: Tx, c: CaseRow) => Partial<CaseRow> | void;
  /** What the timeline says, when it is more than the user's note. */
  eventNote?: string | ((c: CaseRow, tx: Tx) => string);
  /** Closing: the amount recovered per worker id; by default what was paid. */
  recovered?: ReadonlyMap<number, number>;
}

/** The state the case was in when it was last closed. */
function closedFrom(tx: DbOrTx, caseId: number): CaseState | null {
  const row = tx
    .select({ from: caseEvents.fromState })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.toState, "closed")))
    .orderBy(desc(caseEvents.id))
    .limit(1)
    .get();
  return row?.from ?? null;
}

/**
 * The one way a case changes: checks the move against the state machine and the case's version, applies
 * the activity's effect, sets the dates the move implies, recomputes the deadlines and writes the
 * timeline row, all in one transaction.
 */
export function transition(db: Db, req: TransitionRequest): CaseRow {
  const calendar = loadCalendar(db);
  return db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (c.version !== req.version) throw caseChanged(c);
    const move = assertMove(c.state, req.move, req.outcome);
    assertMayMove(abilitiesOn(tx, c, req.actor), move);
    // An activity is recorded with its own form, whose effect carries the activity's checks and rows.
    if (move.activity && !req.effect) throw new ValidationError(`“${move.label}”请使用案件页上的专门表单。`);
    const note = req.note.trim();
    if (move.noteLabel && !note) throw new ValidationError(`请填写${move.noteLabel}`, "note");
    const to = targetState(move, c.state, move.to === "previous" ? closedFrom(tx, c.id) : null);
    const today = shanghaiDate(req.now);
    const refused = moveProblem(move.name, c, today);
    if (refused) throw new ValidationError(refused);
    const next: Partial<CaseRow> = { state: to };
    // The clocks' history (告知补正 pause, spans the case stood closed): docs/rules.md §Clocks.
    const history = clockHistoryOf(tx, c.id);
    if (move.name === "reopen" && c.closedOn) history.stops = [...(history.stops ?? []), { from: c.closedOn, to: today }];
    if (isBeforeAcceptance(c.state) && !isBeforeAcceptance(to)) next.decidedOn = today;
    if (to === "filed" && !c.filedOn) next.filedOn = today;
    if (move.name === "supplementReceived") next.acceptanceStartOn = today;
    if (to === "closed" && c.state !== "closed") {
      next.closedOn = today;
      next.outcome = req.outcome ?? null;
      next.workingDaysTaken = workingDaysTaken({ receivedOn: c.receivedOn, stops: history.stops }, today, calendar);
    }
    if (c.state === "closed" && to !== "closed") {
      // Reopening resumes the clocks where they stopped; days taken stay until the next close.
      Object.assign(next, { closedOn: null, outcome: null });
      if (isBeforeAcceptance(to)) next.decidedOn = null;
    }
    Object.assign(next, req.effect?.(tx, c));
    if (to === "closed" && c.state !== "closed") recordRecovered(tx, c.id, req.recovered ?? null);
    const due = dueDates({ ...c, ...next, stops: history.stops }, calendar);
    saveVersioned(tx, c, req.version, { ...next, ...due, calendarRevision: calendarRevision(tx) }, req.now);
    addEvent(tx, {
      caseId: c.id,
      actorId: req.actor.id,
      action: move.name,
      from: c.state,
      to,
      note: (typeof req.eventNote === "function" ? req.eventNote(c, tx) : req.eventNote) ?? note,
      publicStep: move.publicStep,
      now: req.now,
    });
    const notice = NOTICE_OF_MOVE[move.name];
    if (notice) queueWorkerNotice(tx, { caseId: c.id, kind: notice, now: req.now });
    return getCaseRow(tx, c.id);
  });
}

/**
 * Per worker, what was recovered when the case closes: what the closing form says, or by default what
 * was paid under the agreement and orders so far.
 */
function recordRecovered(tx: DbOrTx, caseId: number, explicit: ReadonlyMap<number, number> | null): void {
  const paid = new Map(
    tx
      .select({ workerId: payments.workerId, s: sql<number>`sum(${payments.amountFen})` })
      .from(payments)
      .where(eq(payments.caseId, caseId))
      .groupBy(payments.workerId)
      .all()
      .map((r) => [r.workerId, r.s]),
  );
  for (const w of tx.select({ id: caseWorkers.id }).from(caseWorkers).where(eq(caseWorkers.caseId, caseId)).all()) {
    tx.update(caseWorkers)
      .set({ recoveredFen: explicit?.get(w.id) ?? paid.get(w.id) ?? 0 })
      .where(eq(caseWorkers.id, w.id))
      .run();
  }
}

/**
 * Active inspectors, fewest open cases first: the assignment form's suggestion; shared between requests until
 * anything is written (read-only). With an office: the inspectors who may work its cases — its own and the
 * city office's (属地管理, docs/rules.md §Offices and jurisdiction).
 */
export function inspectorWorkloads(db: Db, officeId: number | null = null): readonly { id: number; displayName: string; openCases: number }[] {
  // inspector_open_cases is kept by triggers on cases (drizzle/0009_workbench_search.sql): no count per request.
  // One list per office and state of the database, the same object each time: views draw it once (optionTags).
  return untilChanged(db, `inspectorWorkloads:${officeId ?? "all"}`, () => {
    const all = db
      .select({
        id: users.id,
        displayName: users.displayName,
        openCases: sql<number>`coalesce(${inspectorOpenCases.openCases}, 0)`,
        officeId: users.officeId,
        cityWide: sql<boolean>`${offices.kind} = 'city'`,
      })
      .from(users)
      .leftJoin(inspectorOpenCases, eq(inspectorOpenCases.userId, users.id))
      .leftJoin(offices, eq(offices.id, users.officeId))
      .where(and(eq(users.role, "inspector"), eq(users.active, true)))
      .all()
      .sort((a, b) => a.openCases - b.openCases || a.id - b.id);
    return officeId === null ? all : all.filter((i) => i.officeId === officeId || Boolean(i.cityWide));
  });
}

export function assignInspectors(db: Db, req: { caseId: number; leadId: number; secondId: number | null; version: number; actor: Viewer; now: Date }): void {
  // The inspectors of the office that has the case, or of the city office.
  const inspectors = new Map(inspectorWorkloads(db, getCaseRow(db, req.caseId).officeId).map((i) => [i.id, i.displayName]));
  if (!inspectors.has(req.leadId)) throw new ValidationError("请选择本案所在机构（或市本级）在岗的主办监察员", "leadId");
  if (req.secondId !== null && !inspectors.has(req.secondId)) throw new ValidationError("请选择本案所在机构（或市本级）在岗的协办监察员", "secondId");
  if (req.secondId === req.leadId) throw new ValidationError("主办和协办不能是同一名监察员", "secondId");
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!isOpen(c.state)) throw new ValidationError("已结案的案件不能再分配。");
    assertMay(abilitiesOn(tx, c, req.actor), "assign");
    // 回避 (docs/rules.md §回避): an inspector whose recusal was granted on this case is not assigned to it again.
    const recused = new Set(
      tx
        .select({ id: caseRecusals.inspectorId })
        .from(caseRecusals)
        .where(and(eq(caseRecusals.caseId, c.id), eq(caseRecusals.decision, "granted")))
        .all()
        .map((r) => r.id),
    );
    if (recused.has(req.leadId)) throw new ValidationError("该监察员已准予回避，不能承办本案", "leadId");
    if (req.secondId !== null && recused.has(req.secondId)) throw new ValidationError("该监察员已准予回避，不能承办本案", "secondId");
    saveVersioned(tx, c, req.version, { leadInspectorId: req.leadId, secondInspectorId: req.secondId, assignedAt: req.now }, req.now);
    const second = req.secondId ? `，协办：${inspectors.get(req.secondId)}` : "";
    addEvent(tx, {
      caseId: c.id,
      actorId: req.actor.id,
      action: "assign",
      note: `主办：${inspectors.get(req.leadId)}${second}`,
      publicStep: "已指定监察员承办",
      now: req.now,
    });
    queueWorkerNotice(tx, { caseId: c.id, kind: "assigned", now: req.now });
  });
}

/** 劳动保障监察条例 第十七条: extended once, by 30 working days, with approval. */
export function extendStatutoryDeadline(db: Db, req: { caseId: number; reason: string; version: number; actor: Viewer; now: Date }): void {
  const reason = req.reason.trim();
  if (!reason) throw new ValidationError("请填写延期理由", "reason");
  const calendar = loadCalendar(db);
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!isFiled(c.state)) throw new ValidationError("只有已立案的案件可以延长法定办案期限。");
    const problem = extensionProblem(c, shanghaiDate(req.now));
    if (problem) throw new ValidationError(problem);
    assertMay(abilitiesOn(tx, c, req.actor), "extend");
    const merged = { ...c, extensionDays: EXTENSION_DAYS, stops: clockHistoryOf(tx, c.id).stops };
    saveVersioned(
      tx,
      c,
      req.version,
      { extensionDays: EXTENSION_DAYS, extensionReason: reason, statutoryDueOn: dueDates(merged, calendar).statutoryDueOn },
      req.now,
    );
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "extend", note: `延长 ${EXTENSION_DAYS} 个工作日：${reason}`, now: req.now });
  });
}

export function addEvidence(db: Db, req: { caseId: number; files: StoredFile[]; description: string; actor: Viewer; now: Date }): void {
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    assertMay(abilitiesOn(tx, c, req.actor), "addEvidence");
    for (const f of req.files)
      tx.insert(evidence)
        .values({ ...f, caseId: c.id, description: req.description, uploadedById: req.actor.id, uploadedAt: req.now })
        .run();
    addEvent(tx, {
      caseId: c.id,
      actorId: req.actor.id,
      action: "evidence",
      note: `上传证据材料：${req.files.map((f) => f.originalName).join("、")}`,
      now: req.now,
    });
  });
}

/** Evidence is never deleted or replaced: a mistaken upload is marked void, with who, when and why. */
export function voidEvidence(db: Db, req: { caseId: number; evidenceId: number; reason: string; actor: Viewer; now: Date }): void {
  const reason = req.reason.trim();
  if (!reason) throw new ValidationError("请填写作废原因");
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    assertMay(abilitiesOn(tx, c, req.actor), "voidEvidence");
    const row = tx
      .select()
      .from(evidence)
      .where(and(eq(evidence.id, req.evidenceId), eq(evidence.caseId, c.id)))
      .get();
    if (!row) throw new NotFoundError("证据材料不存在。");
    if (row.voidedAt) throw new ValidationError("该证据已标记作废。");
    tx.update(evidence).set({ voidedAt: req.now, voidedById: req.actor.id, voidReason: reason }).where(eq(evidence.id, row.id)).run();
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "voidEvidence", note: `证据“${row.originalName}”标记作废：${reason}`, now: req.now });
  });
}

export function getEvidenceFile(db: Db, caseId: number, evidenceId: number) {
  const row = db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.caseId, caseId)))
    .get();
  if (!row) throw new NotFoundError("证据材料不存在。");
  return row;
}

export function findCaseForPublic(db: Db, caseNumber: string, queryCode: string) {
  const row = db
    .select()
    .from(cases)
    .where(and(eq(cases.caseNumber, normalizeCaseNumber(caseNumber)), eq(cases.queryCode, normalizeQueryCode(queryCode))))
    .get();
  if (!row) return null;
  // Every step the public may read, oldest first: fixed words per step (domain/case-states.ts publicStep), never
  // a note, a name or who did it (docs/rules.md "The steps on the public lookup"). Read by case_events_case_idx.
  const steps = db
    .select({ publicStep: sql<string>`${caseEvents.publicStep}`, onDate: caseEvents.onDate })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), sql`${caseEvents.publicStep} is not null`))
    .orderBy(caseEvents.id)
    .all();
  const office = db.select({ name: offices.name, phone: offices.phone }).from(offices).where(eq(offices.id, row.officeId!)).get();
  const workers = db.select({ n: sql<number>`count(*)` }).from(caseWorkers).where(eq(caseWorkers.caseId, row.id)).get()?.n ?? 0;
  return {
    id: row.id,
    state: row.state,
    caseNumber: row.caseNumber,
    /** A group complaint's rating form asks which worker rates (by the phone they gave). */
    workers,
    /** The office that has the case now, and its public phone. */
    office: office ?? null,
    receivedOn: row.receivedOn,
    targetDueOn: row.targetDueOn,
    closedOn: row.closedOn,
    /** The public steps with their dates, oldest first; the last is the latest. */
    steps,
    /** Once closed: what happened and what the worker can do next, in plain words (domain/outcome-for-worker.ts). */
    outcome: row.state === "closed" ? outcomeForWorker(row.outcome) : null,
  };
}
