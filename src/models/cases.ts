/**
 * Cases: intake, moves through the state machine, assignment, extension, evidence and the deadline
 * recomputation that follows a calendar change. Every change writes a timeline row in the same
 * transaction and bumps the case's version (optimistic locking).
 */
import { aliasedTable, and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import { calendarDays, calendarYears, caseEvents, caseSequences, caseWorkers, cases, evidence, inspectorOpenCases, users, type CHANNELS } from "../db/schema.js";
import { actorFor, canAssign, canExtend, canViewCase, caseAccess, type Viewer } from "../domain/case-access.js";
import { assertMove, getMove, isBeforeAcceptance, isFiled, isOpen, targetState, type CaseState, type Outcome } from "../domain/case-states.js";
import { ACCEPTANCE_DAYS, EXTENSION_DAYS, STATUTORY_DAYS, TARGET_DAYS, dueDates } from "../domain/clocks.js";
import { shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { STATE_LABELS } from "../domain/case-states.js";
import { formatCaseNumber, newQueryCode } from "../lib/ids.js";
import { loadCalendar, onCalendarChange } from "./calendar.js";

export type Channel = (typeof CHANNELS)[number];
export type CaseRow = typeof cases.$inferSelect;

export interface WorkerInput {
  name: string;
  sex: "男" | "女";
  age: number;
  idNumber: string;
  phone: string;
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

function calendarRevision(tx: DbOrTx): number {
  return tx.select({ r: sql<number>`sum(${calendarYears.version})` }).from(calendarYears).get()!.r;
}

export function addEvent(
  tx: DbOrTx,
  e: { caseId: number; actorId: number | null; action: string; from?: CaseState | null; to?: CaseState | null; note?: string; publicStep?: string | null; now: Date },
): void {
  tx.insert(caseEvents)
    .values({
      caseId: e.caseId,
      at: e.now,
      onDate: shanghaiDate(e.now),
      actorId: e.actorId,
      action: e.action,
      fromState: e.from ?? null,
      toState: e.to ?? null,
      note: e.note ?? "",
      publicStep: e.publicStep ?? null,
    })
    .run();
}

/** Registers a complaint: number, query code, workers, evidence and the first timeline row, all or nothing. */
export function registerCase(db: Db, input: CaseInput, opts: { actorId: number | null; now: Date; files?: StoredFile[] }) {
  const calendar = loadCalendar(db);
  const due = dueDates({ receivedOn: input.receivedOn, acceptanceStartOn: input.receivedOn, filedOn: null, extensionDays: 0 }, calendar);
  const year = yearOf(shanghaiDate(opts.now));
  return db.transaction((tx) => {
    // One statement both creates and bumps the year's counter; SQLite serialises writers, so no two
    // intakes can read the same number.
    const { last } = tx
      .insert(caseSequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: caseSequences.year, set: { last: sql`${caseSequences.last} + 1` } })
      .returning({ last: caseSequences.last })
      .get();
    const { workers, ...fields } = input;
    const row = tx
      .insert(cases)
      .values({
        ...fields,
        caseNumber: formatCaseNumber(year, last),
        queryCode: newQueryCode(),
        state: "received",
        registeredById: opts.actorId,
        acceptanceStartOn: input.receivedOn,
        acceptanceDueOn: due.acceptanceDueOn,
        targetDueOn: due.targetDueOn,
        statutoryDueOn: null,
        calendarRevision: calendarRevision(tx),
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: cases.id, caseNumber: cases.caseNumber, queryCode: cases.queryCode })
      .get();
    for (let i = 0; i < workers.length; i += 200) {
      tx.insert(caseWorkers).values(workers.slice(i, i + 200).map((w) => ({ ...w, caseId: row.id }))).run();
    }
    for (const f of opts.files ?? []) {
      tx.insert(evidence).values({ ...f, caseId: row.id, uploadedById: opts.actorId, uploadedAt: opts.now }).run();
    }
    addEvent(tx, {
      caseId: row.id,
      actorId: opts.actorId,
      action: "register",
      to: "received",
      note: `登记投诉，投诉人 ${workers.length} 人${opts.files?.length ? `，证据材料 ${opts.files.length} 份` : ""}`,
      publicStep: "已收到投诉",
      now: opts.now,
    });
    return row;
  });
}

export function getCaseRow(db: DbOrTx, id: number): CaseRow {
  const row = Number.isInteger(id) ? db.select().from(cases).where(eq(cases.id, id)).get() : undefined;
  if (!row) throw new NotFoundError("案件不存在。");
  return row;
}

/** Everything the case page shows, for a viewer allowed to see the case. */
export function getCaseDetail(db: Db, id: number, viewer: Viewer, policy: { inspectorsReadAll: boolean }) {
  const row = getCaseRow(db, id);
  const access = caseAccess(row, viewer, policy);
  if (access === "none") throw new ForbiddenError("您不能查看此案件：监察员只能查看分配给自己的案件，窗口受理员只能查看自己登记的案件。");
  const lead = aliasedTable(users, "lead");
  const second = aliasedTable(users, "second");
  const registrar = aliasedTable(users, "registrar");
  const names = db
    .select({ lead: lead.displayName, second: second.displayName, registrar: registrar.displayName })
    .from(cases)
    .leftJoin(lead, eq(lead.id, cases.leadInspectorId))
    .leftJoin(second, eq(second.id, cases.secondInspectorId))
    .leftJoin(registrar, eq(registrar.id, cases.registeredById))
    .where(eq(cases.id, id))
    .get()!;
  return {
    access,
    case: row,
    names,
    workers: workersOfCase(db, id),
    events: listEvents(db, id),
    evidence: db
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
      .where(eq(evidence.caseId, id))
      .orderBy(asc(evidence.id))
      .all(),
  };
}

/** The complainants of a case, representative first (what the amount forms list). */
export function workersOfCase(db: Db, caseId: number) {
  return db.select().from(caseWorkers).where(eq(caseWorkers.caseId, caseId)).orderBy(desc(caseWorkers.isRepresentative), asc(caseWorkers.id)).all();
}

export function listEvents(db: Db, caseId: number) {
  return db
    .select({ id: caseEvents.id, at: caseEvents.at, onDate: caseEvents.onDate, action: caseEvents.action, fromState: caseEvents.fromState, toState: caseEvents.toState, note: caseEvents.note, publicStep: caseEvents.publicStep, actorName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all();
}

/** The latest timeline row of one action (the reason on a notice, for example). */
export function latestEvent(db: Db, caseId: number, action: string) {
  return listEvents(db, caseId)
    .filter((e) => e.action === action)
    .at(-1);
}

/** Saves a patch only if nobody changed the case since `version`; otherwise the user is told. */
function saveVersioned(tx: DbOrTx, c: CaseRow, version: number, patch: Partial<CaseRow>, now: Date): void {
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
  effect?: (tx: Tx, c: CaseRow) => Partial<CaseRow> | void;
  /** What the timeline says, when it is more than the user's note. */
  eventNote?: string;
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
    if (!canViewCase(c, req.actor)) throw new ForbiddenError();
    const move = assertMove(c.state, req.move, actorFor(c, req.actor), req.outcome);
    const note = req.note.trim();
    if (move.noteLabel && !note) throw new ValidationError(`请填写${move.noteLabel}`);
    const to = targetState(move, c.state, move.to === "previous" ? closedFrom(tx, c.id) : null);
    const today = shanghaiDate(req.now);
    const next: Partial<CaseRow> = { state: to };
    if (isBeforeAcceptance(c.state) && !isBeforeAcceptance(to)) next.decidedOn = today;
    if (to === "filed" && !c.filedOn) next.filedOn = today;
    if (move.name === "supplementReceived") next.acceptanceStartOn = today;
    if (to === "closed" && c.state !== "closed") {
      next.closedOn = today;
      next.outcome = req.outcome ?? null;
      next.workingDaysTaken = calendar.workingDaysBetween(c.receivedOn, today).days;
    }
    if (c.state === "closed" && to !== "closed") {
      Object.assign(next, { closedOn: null, outcome: null, workingDaysTaken: null });
      // Back before a decision: the bureau decides again within 5 working days from today.
      if (isBeforeAcceptance(to)) Object.assign(next, { decidedOn: null, acceptanceStartOn: today });
    }
    Object.assign(next, req.effect?.(tx, c));
    const due = dueDates({ ...c, ...next }, calendar);
    saveVersioned(tx, c, req.version, { ...next, ...due, calendarRevision: calendarRevision(tx) }, req.now);
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: move.name, from: c.state, to, note: req.eventNote ?? note, publicStep: move.publicStep, now: req.now });
    return getCaseRow(tx, c.id);
  });
}

/** A move made from the case page's generic form; activities have forms (and guards) of their own. */
export function moveCase(db: Db, req: MoveRequest & Pick<TransitionRequest, "effect">): CaseRow {
  if (getMove(req.move)?.activity) throw new ValidationError(`“${getMove(req.move)!.label}”请使用案件页上的专门表单。`);
  return transition(db, req);
}

/** The active inspectors, fewest open cases first: the assignment form's suggestion. */
export function inspectorWorkloads(db: Db) {
  // inspector_open_cases is kept by triggers on cases (drizzle/0005_workbench_search.sql): no count per request.
  return db
    .select({ id: users.id, displayName: users.displayName, openCases: sql<number>`coalesce(${inspectorOpenCases.openCases}, 0)` })
    .from(users)
    .leftJoin(inspectorOpenCases, eq(inspectorOpenCases.userId, users.id))
    .where(and(eq(users.role, "inspector"), eq(users.active, true)))
    .all()
    .sort((a, b) => a.openCases - b.openCases || a.id - b.id);
}

export function assignInspectors(db: Db, req: { caseId: number; leadId: number; secondId: number | null; version: number; actor: Viewer; now: Date }): void {
  if (!canAssign(req.actor)) throw new ForbiddenError("只有科长可以分配案件。");
  const inspectors = new Map(inspectorWorkloads(db).map((i) => [i.id, i.displayName]));
  if (!inspectors.has(req.leadId)) throw new ValidationError("请选择在岗的主办监察员");
  if (req.secondId !== null && !inspectors.has(req.secondId)) throw new ValidationError("请选择在岗的协办监察员");
  if (req.secondId === req.leadId) throw new ValidationError("主办和协办不能是同一名监察员");
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!isOpen(c.state)) throw new ValidationError("已结案的案件不能再分配。");
    saveVersioned(tx, c, req.version, { leadInspectorId: req.leadId, secondInspectorId: req.secondId, assignedAt: req.now }, req.now);
    const second = req.secondId ? `，协办：${inspectors.get(req.secondId)}` : "";
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "assign", note: `主办：${inspectors.get(req.leadId)}${second}`, publicStep: "已指定监察员承办", now: req.now });
  });
}

/** 劳动保障监察条例 第十七条: extended once, by 30 working days, with approval. */
export function extendStatutoryDeadline(db: Db, req: { caseId: number; reason: string; version: number; actor: Viewer; now: Date }): void {
  if (!canExtend(req.actor)) throw new ForbiddenError("只有科长可以批准延长办案期限。");
  const reason = req.reason.trim();
  if (!reason) throw new ValidationError("请填写延期理由");
  const calendar = loadCalendar(db);
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!isFiled(c.state)) throw new ValidationError("只有已立案的案件可以延长法定办案期限。");
    if (c.extensionDays > 0) throw new ValidationError("法定办案期限只能延长一次。");
    const merged = { ...c, extensionDays: EXTENSION_DAYS };
    saveVersioned(tx, c, req.version, { extensionDays: EXTENSION_DAYS, extensionReason: reason, statutoryDueOn: dueDates(merged, calendar).statutoryDueOn }, req.now);
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "extend", note: `延长 ${EXTENSION_DAYS} 个工作日：${reason}`, now: req.now });
  });
}

export function addEvidence(db: Db, req: { caseId: number; files: StoredFile[]; description: string; actor: Viewer; now: Date }): void {
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!canViewCase(c, req.actor)) throw new ForbiddenError();
    for (const f of req.files) tx.insert(evidence).values({ ...f, caseId: c.id, description: req.description, uploadedById: req.actor.id, uploadedAt: req.now }).run();
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "evidence", note: `上传证据材料：${req.files.map((f) => f.originalName).join("、")}`, now: req.now });
  });
}

/** Evidence is never deleted or replaced: a mistaken upload is marked void, with who, when and why. */
export function voidEvidence(db: Db, req: { caseId: number; evidenceId: number; reason: string; actor: Viewer; now: Date }): void {
  const reason = req.reason.trim();
  if (!reason) throw new ValidationError("请填写作废原因");
  db.transaction((tx) => {
    const c = getCaseRow(tx, req.caseId);
    if (!canViewCase(c, req.actor) || req.actor.role === "clerk") throw new ForbiddenError("只有承办监察员和科长可以作废证据。");
    const row = tx.select().from(evidence).where(and(eq(evidence.id, req.evidenceId), eq(evidence.caseId, c.id))).get();
    if (!row) throw new NotFoundError("证据材料不存在。");
    if (row.voidedAt) throw new ValidationError("该证据已标记作废。");
    tx.update(evidence).set({ voidedAt: req.now, voidedById: req.actor.id, voidReason: reason }).where(eq(evidence.id, row.id)).run();
    addEvent(tx, { caseId: c.id, actorId: req.actor.id, action: "voidEvidence", note: `证据“${row.originalName}”标记作废：${reason}`, now: req.now });
  });
}

export function getEvidenceFile(db: Db, caseId: number, evidenceId: number) {
  const row = db.select().from(evidence).where(and(eq(evidence.id, evidenceId), eq(evidence.caseId, caseId))).get();
  if (!row) throw new NotFoundError("证据材料不存在。");
  return row;
}

// ---------------------------------------------------------------------------------------------
// Calendar changes

/**
 * Recomputes every open case's due dates after a calendar change, one statement per clock (no per-case
 * loop): a temporary table holds "the n-th working day after each date" from the stored ordinals, and only
 * rows whose date changes are written (and take the new calendar revision). A date the calendar cannot
 * reach keeps its old value.
 */
export function recomputeOpenDeadlines(tx: DbOrTx): void {
  tx.run(sql`create temp table if not exists clock_due (start text not null, days integer not null, due text not null, primary key (start, days)) without rowid`);
  tx.run(sql`delete from temp.clock_due`);
  const lengths = [ACCEPTANCE_DAYS, TARGET_DAYS, STATUTORY_DAYS, STATUTORY_DAYS + EXTENSION_DAYS].map((n) => sql`select ${n} as days`);
  tx.run(sql`insert into temp.clock_due (start, days, due) select d1.date, n.days, d2.date
    from ${calendarDays} d1 join (${sql.join(lengths, sql` union `)}) n join ${calendarDays} d2 on d2.ordinal = d1.ordinal + n.days and d2.is_working_day = 1`);
  // `days` is given the table's name: the outer row's in the SET, the inner one's in the row search.
  const clock = (column: string, start: string, days: (table: string) => SQL) =>
    tx.run(sql`update ${cases} set ${sql.raw(column)} = (select m.due from temp.clock_due m where m.start = ${cases}.${sql.raw(start)} and m.days = ${days("cases")}),
        calendar_revision = (select sum(version) from ${calendarYears})
      where id in (select c.id from ${cases} c cross join temp.clock_due m on m.start = c.${sql.raw(start)} and m.days = ${days("c")}
        where c.urgent_due_on is not null and c.${sql.raw(column)} is not m.due)`);
  clock("acceptance_due_on", "acceptance_start_on", () => sql`${ACCEPTANCE_DAYS}`);
  clock("target_due_on", "received_on", () => sql`${TARGET_DAYS}`);
  clock("statutory_due_on", "filed_on", (table) => sql`${STATUTORY_DAYS} + ${sql.raw(table)}.extension_days`);
}

onCalendarChange(recomputeOpenDeadlines);

export function findCaseForPublic(db: Db, caseNumber: string, queryCode: string) {
  const row = db
    .select()
    .from(cases)
    .where(and(eq(cases.caseNumber, caseNumber.trim().toUpperCase()), eq(cases.queryCode, queryCode.trim().toUpperCase())))
    .get();
  if (!row) return null;
  const step = db
    .select({ publicStep: caseEvents.publicStep, onDate: caseEvents.onDate })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), sql`${caseEvents.publicStep} is not null`))
    .orderBy(desc(caseEvents.id))
    .limit(1)
    .get();
  return { state: row.state, caseNumber: row.caseNumber, receivedOn: row.receivedOn, targetDueOn: row.targetDueOn, closedOn: row.closedOn, latestStep: step ?? null };
}
