/** 多方合办: escalation to the task force, the units' tasks and their answers. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { caseWorkers, cases, evidence, memberUnits, taskForceTasks, users } from "../db/schema.js";
import { staffAbilities, taskAbilities, type Viewer } from "../domain/case-abilities.js";
import { isOpen } from "../domain/case-states.js";
import { runningStatus, type ClockStatus } from "../domain/clocks.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { ESCALATION_GROUNDS, MAX_TASK_DAYS, MIN_TASK_DAYS, type EscalationGround } from "../domain/task-force.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { loadCalendar } from "./calendar.js";
import { abilitiesOn, addEvent, getCaseRow, transition, type StoredFile } from "./cases.js";
import { listUnits } from "./units.js";

export interface UnitTask {
  unitId: number;
  request: string;
  workingDays: number;
}

export interface EscalationInput {
  grounds: EscalationGround[];
  reason: string;
  /** One task per unit, each with its own request and due date in working days. */
  tasks: UnitTask[];
}

export function escalateCase(db: Db, req: { caseId: number; version: number; input: EscalationInput; actor: Viewer; now: Date }): void {
  const e = req.input;
  if (e.grounds.length === 0) throw new ValidationError("请选择提请多方合办的情形", "grounds");
  if (!e.reason.trim()) throw new ValidationError("请填写提请理由", "reason");
  const units = new Map(listUnits(db, { activeOnly: true }).map((u) => [u.id, u.name]));
  if (e.tasks.length === 0 || e.tasks.some((t) => !units.has(t.unitId))) throw new ValidationError("请选择至少一个成员单位", "unitIds");
  if (new Set(e.tasks.map((t) => t.unitId)).size !== e.tasks.length) throw new ValidationError("同一成员单位只能派发一项任务");
  for (const t of e.tasks) {
    if (!t.request.trim()) throw new ValidationError(`请填写需要${units.get(t.unitId)}办理的事项`, `request.${t.unitId}`);
    if (!Number.isInteger(t.workingDays) || t.workingDays < MIN_TASK_DAYS || t.workingDays > MAX_TASK_DAYS) {
      throw new ValidationError(`${units.get(t.unitId)}的办理期限应为 ${MIN_TASK_DAYS} 到 ${MAX_TASK_DAYS} 个工作日`, `days.${t.unitId}`);
    }
  }
  const today = shanghaiDate(req.now);
  const calendar = loadCalendar(db);
  const tasks = e.tasks.map((t) => ({ ...t, request: t.request.trim(), dueOn: calendar.addWorkingDays(today, t.workingDays).date }));
  transition(db, {
    caseId: req.caseId,
    move: "escalate",
    note: "",
    eventNote: `${e.grounds.map((g) => ESCALATION_GROUNDS[g]).join("、")}：${e.reason.trim()}。派发任务：${tasks.map((t) => `${units.get(t.unitId)}（${t.dueOn} 前）`).join("、")}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      tx.insert(taskForceTasks)
        .values(
          tasks.map((t) => ({
            caseId: c.id,
            unitId: t.unitId,
            request: t.request,
            assignedOn: today,
            workingDays: t.workingDays,
            dueOn: t.dueOn,
            createdById: req.actor.id,
          })),
        )
        .run();
      return c.escalatedAt ? {} : { escalatedAt: req.now, escalationGrounds: e.grounds.join(","), escalationReason: e.reason.trim() };
    },
  });
}

export interface TaskClock {
  left: number;
  status: ClockStatus;
}

function taskClock(
  t: { assignedOn: IsoDate; dueOn: IsoDate; workingDays: number; status: string; answeredAt: Date | null },
  calendar: WorkingCalendar,
  today: IsoDate,
): TaskClock {
  if (t.status === "done" && t.answeredAt) {
    return { left: 0, status: shanghaiDate(t.answeredAt) <= t.dueOn ? "met" : "missed" };
  }
  const used = Math.max(0, calendar.workingDaysBetween(t.assignedOn, today).days);
  const left = calendar.workingDaysBetween(today, t.dueOn).days;
  return { left, status: runningStatus(used, left, t.workingDays) };
}

const taskColumns = {
  id: taskForceTasks.id,
  caseId: taskForceTasks.caseId,
  unitId: taskForceTasks.unitId,
  unitName: memberUnits.name,
  request: taskForceTasks.request,
  assignedOn: taskForceTasks.assignedOn,
  workingDays: taskForceTasks.workingDays,
  dueOn: taskForceTasks.dueOn,
  status: taskForceTasks.status,
  answer: taskForceTasks.answer,
  moreTimeReason: taskForceTasks.moreTimeReason,
  answeredAt: taskForceTasks.answeredAt,
  answeredBy: users.displayName,
  version: taskForceTasks.version,
  caseNumber: cases.caseNumber,
  caseState: cases.state,
  employerName: cases.employerName,
};

function tasksWhere(db: Db, where: ReturnType<typeof and>, today: IsoDate) {
  const calendar = loadCalendar(db);
  return db
    .select(taskColumns)
    .from(taskForceTasks)
    .innerJoin(memberUnits, eq(memberUnits.id, taskForceTasks.unitId))
    .innerJoin(cases, eq(cases.id, taskForceTasks.caseId))
    .leftJoin(users, eq(users.id, taskForceTasks.answeredById))
    .where(where)
    .orderBy(sql`${taskForceTasks.status} = 'done'`, asc(taskForceTasks.dueOn), asc(taskForceTasks.id))
    .all()
    .map((t) => ({ ...t, clock: taskClock(t, calendar, today) }));
}

export function tasksOfCase(db: Db, caseId: number, today: IsoDate) {
  return tasksWhere(db, eq(taskForceTasks.caseId, caseId), today);
}

/**
 * The task board (domain/case-abilities.ts): a liaison's unit's tasks, or every task not yet done — of the
 * supervisor's office, or of every office for the city's (属地管理).
 */
export function listTasksFor(db: Db, viewer: Viewer, today: IsoDate) {
  const board = staffAbilities(viewer, { inspectorsReadAll: false }).taskBoard;
  if (board === "ownUnit") return tasksWhere(db, eq(taskForceTasks.unitId, viewer.unitId ?? -1), today);
  const notDone = inArray(taskForceTasks.status, ["open", "moreTime"]);
  if (board === "allOpen") return tasksWhere(db, viewer.cityWide ? notDone : and(notDone, eq(cases.officeId, viewer.officeId ?? 0)), today);
  throw new ForbiddenError();
}

/** One task with the case summary a unit needs: no worker ID numbers or phones. */
export function getTaskFor(db: Db, taskId: number, viewer: Viewer, today: IsoDate) {
  const task = tasksWhere(db, eq(taskForceTasks.id, taskId), today)[0];
  if (!task) throw new NotFoundError("任务不存在。");
  const c = getCaseRow(db, task.caseId);
  const may = taskAbilities(task, abilitiesOn(db, c, viewer), viewer);
  if (!may.view) throw new ForbiddenError("这不是本单位的任务。");
  const workers = db
    .select({ n: sql<number>`count(*)`, claimedFen: sql<number>`coalesce(sum(${caseWorkers.claimedFen}), 0)` })
    .from(caseWorkers)
    .where(eq(caseWorkers.caseId, c.id))
    .get()!;
  const attachments = db
    .select({
      id: evidence.id,
      originalName: evidence.originalName,
      mimeType: evidence.mimeType,
      storedName: evidence.storedName,
      size: evidence.size,
      sha256: evidence.sha256,
    })
    .from(evidence)
    .where(eq(evidence.taskId, task.id))
    .all();
  const summary = {
    caseNumber: c.caseNumber,
    receivedOn: c.receivedOn,
    employerName: c.employerName,
    employerUscc: c.employerUscc,
    employerAddress: c.employerAddress,
    district: c.district,
    isConstruction: c.isConstruction,
    projectName: c.projectName,
    projectAddress: c.projectAddress,
    generalContractor: c.generalContractor,
    subcontractor: c.subcontractor,
    facts: c.facts,
    escalationReason: c.escalationReason,
    workerCount: workers.n,
    claimedFen: workers.claimedFen,
  };
  return { task, summary, attachments, canAnswer: may.answer };
}

/** `version` is the task's version when the answer form was loaded: an answer over another one is refused. */
export function answerTask(
  db: Db,
  req: { taskId: number; version: number; viewer: Viewer; status: "done" | "moreTime"; answer: string; moreTimeReason: string; files: StoredFile[]; now: Date },
): void {
  db.transaction((tx) => {
    const task = tx.select().from(taskForceTasks).where(eq(taskForceTasks.id, req.taskId)).get();
    if (!task) throw new NotFoundError("任务不存在。");
    const c = getCaseRow(tx, task.caseId);
    const may = taskAbilities(task, abilitiesOn(tx, c, req.viewer), req.viewer);
    if (!may.view) throw new ForbiddenError("只有本单位联络员可以答复此任务。");
    if (task.status === "done") throw new ValidationError("此任务已办结。");
    if (task.version !== req.version) throw new ConflictError("此任务已有新的答复（见下方），请核对后重新提交。");
    if (!isOpen(c.state)) throw new ValidationError("案件已结案，无需再答复。");
    if (!may.answer) throw new ForbiddenError("只有本单位联络员可以答复此任务。");
    if (!req.answer.trim()) throw new ValidationError("请填写办理情况", "answer");
    if (req.status === "moreTime" && !req.moreTimeReason.trim()) throw new ValidationError("申请延期请说明理由", "moreTimeReason");
    tx.update(taskForceTasks)
      .set({
        status: req.status,
        answer: req.answer.trim(),
        moreTimeReason: req.status === "moreTime" ? req.moreTimeReason.trim() : "",
        answeredAt: req.now,
        answeredById: req.viewer.id,
        version: task.version + 1,
      })
      .where(eq(taskForceTasks.id, task.id))
      .run();
    for (const f of req.files) {
      tx.insert(evidence)
        .values({ ...f, caseId: task.caseId, taskId: task.id, description: "专班成员单位答复附件", uploadedById: req.viewer.id, uploadedAt: req.now })
        .run();
    }
    const unit = tx.select({ name: memberUnits.name }).from(memberUnits).where(eq(memberUnits.id, task.unitId)).get()!;
    addEvent(tx, {
      caseId: task.caseId,
      actorId: req.viewer.id,
      action: "answerTask",
      note: `${unit.name}${req.status === "done" ? "办结任务" : `申请延期（${req.moreTimeReason.trim()}）`}：${req.answer.trim()}`,
      now: req.now,
    });
  });
}
