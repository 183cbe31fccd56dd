/**
 * Construction projects (docs/rules.md §Construction projects): recorded by the office of the division the
 * project lies in (属地管理), listed per office with the projects missing safeguards first, imported from the
 * wage platforms' spreadsheets (all rows or none), linked to the construction cases that name them, and the
 * 工资保证金's uses and top-ups (人社部发〔2021〕65号).
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import {
  cases,
  divisions,
  guaranteeUses,
  inspections,
  offices,
  paymentOrders,
  projectCases,
  projectSubcontractors,
  projects,
  riskPoints,
  specialActions,
} from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import type { IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  GUARANTEE_FORMS,
  guaranteeBalance,
  guaranteeUseProblem,
  missingSafeguards,
  topUpClock,
  topUpProblem,
  TOP_UP_WORKING_DAYS,
} from "../domain/projects.js";
import { riskClock } from "../domain/special-actions.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { parseProject, type ProjectInput } from "../forms/project-form.js";
import type { FormValues } from "../forms/form.js";
import { recordAudit } from "./audit.js";
import { COUNT_AHEAD } from "./case-list.js";
import { routeWorkSite } from "./offices.js";

export type Project = typeof projects.$inferSelect;

/** The office whose projects a viewer works with: their own; the city's staff every office (null). */
export function projectOffice(viewer: Viewer): number | null {
  return viewer.cityWide ? null : (viewer.officeId ?? 0);
}

export function mayReachOffice(viewer: Viewer, officeId: number): boolean {
  return viewer.cityWide || viewer.officeId === officeId;
}

export interface ProjectFilter {
  /** One office, or every office (null: the city's reach). */
  officeId: number | null;
  /** A name prefix, or a 统一社会信用代码 (the 总包's). */
  q: string;
  missingOnly: boolean;
  /** A guarantee form, or "none" for projects without a guarantee. */
  guarantee: string;
}

const USCC_SHAPE = /^[0-9A-Z]{18}$/;

/** Projects a list page shows at a time. */
export const PROJECTS_PAGE = 50;

/**
 * One page of an office's projects (or the city's), missing safeguards first, then by name — read in that order from
 * projects_office_missing_idx / projects_missing_idx. The count stops COUNT_AHEAD rows past the page ("N 个以上").
 */
export function listProjects(db: Db, f: ProjectFilter, page = 1) {
  const term = f.q.trim();
  const where = and(
    f.officeId === null ? undefined : eq(projects.officeId, f.officeId),
    term === ""
      ? undefined
      : USCC_SHAPE.test(term.toUpperCase())
        ? eq(projects.contractorUscc, term.toUpperCase())
        : and(gte(projects.name, term), lt(projects.name, `${term}\uffff`)),
    f.missingOnly ? gt(projects.missingCount, 0) : undefined,
    f.guarantee === "none"
      ? isNull(projects.guaranteeForm)
      : (GUARANTEE_FORMS as readonly string[]).includes(f.guarantee)
        ? eq(projects.guaranteeForm, f.guarantee as (typeof GUARANTEE_FORMS)[number])
        : undefined,
  );
  const offset = (page - 1) * PROJECTS_PAGE;
  const countLimit = offset + PROJECTS_PAGE + COUNT_AHEAD;
  // Counted along the list's own index: a bounded walk, never a scan of the table.
  const counted = db.get<{ n: number }>(
    sql`select count(*) as n from (${db.select({ id: projects.id }).from(projects).where(where).orderBy(desc(projects.missingCount), asc(projects.name)).limit(countLimit)})`,
  ).n;
  const total = Math.min(counted, countLimit - 1);
  const rows = db
    .select({
      id: projects.id,
      name: projects.name,
      officeName: offices.name,
      contractorName: projects.contractorName,
      contractFen: projects.contractFen,
      startOn: projects.startOn,
      endOn: projects.endOn,
      wageAccountBank: projects.wageAccountBank,
      wageAccountOpenedOn: projects.wageAccountOpenedOn,
      realName: projects.realName,
      contractorPays: projects.contractorPays,
      guaranteeForm: projects.guaranteeForm,
      guaranteeFen: projects.guaranteeFen,
      noticeBoard: projects.noticeBoard,
      missingCount: projects.missingCount,
    })
    .from(projects)
    .innerJoin(offices, eq(offices.id, projects.officeId))
    .where(where)
    .orderBy(desc(projects.missingCount), asc(projects.name))
    .limit(PROJECTS_PAGE)
    .offset(offset)
    .all()
    .map((p) => ({ ...p, missing: missingSafeguards(p) }));
  return { rows, total, totalIsExact: counted < countLimit, page, pages: Math.max(1, Math.ceil(total / PROJECTS_PAGE)) };
}

function routeProject(tx: DbOrTx, district: string, viewer: Viewer) {
  const routing = routeWorkSite(tx, district);
  if (!routing.ok) throw new ValidationError(routing.problem, "district");
  if (!mayReachOffice(viewer, routing.office.id))
    throw new ValidationError(`“${district}”由${routing.office.name}管辖，请由该机构登记（属地管理）`, "district");
  return routing;
}

function rowOf(input: ProjectInput, officeId: number, divisionId: number) {
  const { subcontractors: _subs, district: _district, ...fields } = input;
  return { ...fields, officeId, divisionId, missingCount: missingSafeguards(input).length };
}

function assertNotRegistered(tx: Tx, officeId: number, input: ProjectInput, exceptId: number | null): void {
  const same = tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.officeId, officeId), eq(projects.name, input.name), eq(projects.contractorUscc, input.contractorUscc)))
    .get();
  if (same && same.id !== exceptId) throw new ValidationError("本机构已登记同名、同一总包单位的项目", "name");
}

function insertProject(tx: Tx, input: ProjectInput, viewer: Viewer, now: Date): number {
  const routing = routeProject(tx, input.district, viewer);
  assertNotRegistered(tx, routing.office.id, input, null);
  const { id } = tx
    .insert(projects)
    .values({ ...rowOf(input, routing.office.id, routing.division.id), createdById: viewer.id, createdAt: now })
    .returning({ id: projects.id })
    .get();
  if (input.subcontractors.length) {
    tx.insert(projectSubcontractors)
      .values(input.subcontractors.map((s) => ({ ...s, projectId: id })))
      .run();
  }
  return id;
}

export function createProject(db: Db, input: ProjectInput, viewer: Viewer, now: Date): number {
  return db.transaction((tx) => {
    const id = insertProject(tx, input, viewer, now);
    recordAudit(tx, { actorId: viewer.id, subject: `project:${id}`, action: "登记工程项目", detail: input.name, at: now });
    return id;
  });
}

/** Saves over the version the form was loaded with; the division may move the project to another office only within the viewer's reach. */
export function updateProject(db: Db, id: number, version: number, input: ProjectInput, viewer: Viewer, now: Date): void {
  db.transaction((tx) => {
    visibleProject(tx, id, viewer);
    const routing = routeProject(tx, input.district, viewer);
    assertNotRegistered(tx, routing.office.id, input, id);
    const changed = tx
      .update(projects)
      .set({ ...rowOf(input, routing.office.id, routing.division.id), version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .run().changes;
    if (changed === 0) throw new ConflictError("该项目已被他人修改，页面已显示最新内容，请核对后重新提交。");
    tx.delete(projectSubcontractors).where(eq(projectSubcontractors.projectId, id)).run();
    if (input.subcontractors.length) {
      tx.insert(projectSubcontractors)
        .values(input.subcontractors.map((s) => ({ ...s, projectId: id })))
        .run();
    }
    recordAudit(tx, { actorId: viewer.id, subject: `project:${id}`, action: "修改工程项目", detail: input.name, at: now });
  });
}

export type ImportResult = { ok: true; count: number } | { ok: false; problems: { line: number; messages: string[] }[] };

/**
 * Every row checked (fields, office, duplicates in the file and in the records) before any is saved: one bad
 * row and nothing is imported, each bad row named with its line and its fields' messages.
 */
export function importProjects(
  db: Db,
  rows: readonly { line: number; values: FormValues }[],
  workSites: readonly string[],
  viewer: Viewer,
  now: Date,
  label: (field: string) => string,
): ImportResult {
  const problems: { line: number; messages: string[] }[] = [];
  const failed = new ValidationError("导入失败");
  try {
    db.transaction((tx) => {
      const seen = new Map<string, number>();
      for (const { line, values } of rows) {
        const parsed = parseProject(values, workSites);
        if (!parsed.ok) {
          problems.push({ line, messages: Object.entries(parsed.errors).map(([f, m]) => `${label(f)}：${m}`) });
          continue;
        }
        const key = `${parsed.value.district}\u0000${parsed.value.name}\u0000${parsed.value.contractorUscc}`;
        const earlier = seen.get(key);
        if (earlier) {
          problems.push({ line, messages: [`与第 ${earlier} 行是同一项目`] });
          continue;
        }
        seen.set(key, line);
        try {
          insertProject(tx, parsed.value, viewer, now);
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          problems.push({ line, messages: [err.message] });
        }
      }
      // One bad row and the transaction is rolled back: nothing of the file is kept.
      if (problems.length) throw failed;
      recordAudit(tx, { actorId: viewer.id, subject: "projects", action: "导入工程项目", detail: `${rows.length} 个`, at: now });
    });
  } catch (err) {
    if (err !== failed) throw err;
    return { ok: false, problems };
  }
  return { ok: true, count: rows.length };
}

/** The project, if the viewer's office has it (or the viewer is the city's); 403 otherwise. */
export function visibleProject(db: DbOrTx, id: number, viewer: Viewer): Project {
  const p = db.select().from(projects).where(eq(projects.id, id)).get();
  if (!p) throw new NotFoundError("工程项目不存在。");
  if (!mayReachOffice(viewer, p.officeId)) throw new ForbiddenError("该项目不属于本机构管辖。");
  return p;
}

/** The project page: the record, its safeguards, cases, inspections, risk points and the guarantee's history. */
export function projectPage(db: Db, id: number, viewer: Viewer, today: IsoDate, calendar: WorkingCalendar) {
  const p = visibleProject(db, id, viewer);
  const office = db.select({ name: offices.name }).from(offices).where(eq(offices.id, p.officeId)).get();
  const division = db.select({ name: divisions.name }).from(divisions).where(eq(divisions.id, p.divisionId)).get();
  const subcontractors = db.select().from(projectSubcontractors).where(eq(projectSubcontractors.projectId, id)).orderBy(asc(projectSubcontractors.id)).all();
  const caseRows = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      receivedOn: cases.receivedOn,
      employerName: cases.employerName,
      officeId: cases.officeId,
    })
    .from(projectCases)
    .innerJoin(cases, eq(cases.id, projectCases.caseId))
    .where(eq(projectCases.projectId, id))
    .orderBy(desc(cases.receivedOn))
    .all();
  const orders = caseRows.length
    ? db
        .select({ id: paymentOrders.id, docNumber: paymentOrders.docNumber, payBy: paymentOrders.payBy, caseNumber: cases.caseNumber })
        .from(paymentOrders)
        .innerJoin(cases, eq(cases.id, paymentOrders.caseId))
        .where(
          inArray(
            paymentOrders.caseId,
            caseRows.map((c) => c.id),
          ),
        )
        .orderBy(asc(paymentOrders.issuedOn))
        .all()
    : [];
  const inspectionRows = db
    .select({
      id: inspections.id,
      actionId: inspections.actionId,
      actionName: specialActions.name,
      inspectedOn: inspections.inspectedOn,
      findings: inspections.findings,
    })
    .from(inspections)
    .innerJoin(specialActions, eq(specialActions.id, inspections.actionId))
    .where(eq(inspections.projectId, id))
    .orderBy(desc(inspections.inspectedOn))
    .all();
  const risks = inspectionRows.length
    ? db
        .select()
        .from(riskPoints)
        .where(
          inArray(
            riskPoints.inspectionId,
            inspectionRows.map((i) => i.id),
          ),
        )
        .orderBy(asc(riskPoints.resolveBy))
        .all()
        .map((r) => ({ ...r, clock: riskClock(r, today, calendar) }))
    : [];
  const uses = db
    .select({ use: guaranteeUses, docNumber: paymentOrders.docNumber })
    .from(guaranteeUses)
    .innerJoin(paymentOrders, eq(paymentOrders.id, guaranteeUses.orderId))
    .where(eq(guaranteeUses.projectId, id))
    .orderBy(asc(guaranteeUses.usedOn), asc(guaranteeUses.id))
    .all()
    .map(({ use, docNumber }) => ({ ...use, docNumber, clock: topUpClock(use, today, calendar) }));
  return {
    p,
    officeName: office?.name ?? "",
    divisionName: division?.name ?? "",
    missing: missingSafeguards(p),
    subcontractors,
    cases: caseRows,
    orders,
    inspections: inspectionRows,
    risks,
    uses,
    balanceFen: guaranteeBalance(p.guaranteeFen, uses),
  };
}

/**
 * The project a construction case names, in the case's office: by the 总包's 统一社会信用代码 when the
 * intake's 总包 field holds one, else by the project's exact name; only an unambiguous match links.
 */
export function findProjectForCase(db: DbOrTx, officeId: number, projectName: string, generalContractor: string): number | null {
  const code = generalContractor.trim().toUpperCase();
  const byCode = USCC_SHAPE.test(code)
    ? db
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(and(eq(projects.contractorUscc, code), eq(projects.officeId, officeId)))
        .limit(20)
        .all()
    : [];
  const named = (byCode.length > 1 ? byCode.filter((p) => p.name === projectName.trim()) : byCode).map((p) => p.id);
  if (named.length === 1) return named[0]!;
  if (byCode.length > 0 || !projectName.trim()) return null;
  const byName = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.name, projectName.trim()), eq(projects.officeId, officeId)))
    .limit(2)
    .all();
  return byName.length === 1 ? byName[0]!.id : null;
}

/** Links a construction case to its project at intake (inside the intake's transaction). */
export function linkCaseToProject(
  tx: DbOrTx,
  caseId: number,
  officeId: number,
  c: { isConstruction: boolean; projectName: string; generalContractor: string },
): void {
  if (!c.isConstruction) return;
  const projectId = findProjectForCase(tx, officeId, c.projectName, c.generalContractor);
  if (projectId !== null) tx.insert(projectCases).values({ caseId, projectId }).run();
}

/** The project a case names, for its page. */
export function projectOfCase(db: DbOrTx, caseId: number) {
  return (
    db
      .select({ id: projects.id, name: projects.name, contractorName: projects.contractorName })
      .from(projectCases)
      .innerJoin(projects, eq(projects.id, projectCases.projectId))
      .where(eq(projectCases.caseId, caseId))
      .get() ?? null
  );
}

/** The projects an employer builds, contracts or subcontracts, by code (or by name when it has none). */
/** The projects the employer builds, contracts or subcontracts: the office's own, or every office's for the city (`officeId` null). */
export function projectsOfEmployer(db: Db, key: { uscc: string | null; name: string }, officeId: number | null) {
  if (!key.uscc) return [];
  const cols = {
    id: projects.id,
    name: projects.name,
    contractorName: projects.contractorName,
    builderName: projects.builderName,
    startOn: projects.startOn,
    missingCount: projects.missingCount,
  };
  const subs = db.select({ projectId: projectSubcontractors.projectId }).from(projectSubcontractors).where(eq(projectSubcontractors.uscc, key.uscc));
  return db
    .select(cols)
    .from(projects)
    .where(
      and(
        or(eq(projects.contractorUscc, key.uscc), eq(projects.builderUscc, key.uscc), inArray(projects.id, subs)),
        officeId === null ? undefined : eq(projects.officeId, officeId),
      ),
    )
    .orderBy(desc(projects.startOn))
    .limit(100)
    .all();
}

export interface GuaranteeUseInput {
  orderId: number;
  usedOn: IsoDate;
  amountFen: number;
  payer: string;
  workersPaid: number;
  note: string;
}

/** 动用保证金: only for an order of a case on this project whose pay-by date has passed; never above the balance. */
export function recordGuaranteeUse(db: Db, projectId: number, input: GuaranteeUseInput, viewer: Viewer, calendar: WorkingCalendar, now: Date): number {
  return db.transaction((tx) => {
    const p = visibleProject(tx, projectId, viewer);
    const order = tx
      .select({ payBy: paymentOrders.payBy, docNumber: paymentOrders.docNumber })
      .from(paymentOrders)
      .innerJoin(projectCases, eq(projectCases.caseId, paymentOrders.caseId))
      .where(and(eq(paymentOrders.id, input.orderId), eq(projectCases.projectId, projectId)))
      .get();
    if (!order) throw new ValidationError("请选择本项目案件的责令限期支付指令书", "orderId");
    if (input.usedOn <= order.payBy)
      throw new ValidationError(`指令书 ${order.docNumber} 的支付期限（${order.payBy}）届满后仍未履行，方可动用保证金`, "usedOn");
    const uses = tx
      .select({ amountFen: guaranteeUses.amountFen, toppedUpFen: guaranteeUses.toppedUpFen })
      .from(guaranteeUses)
      .where(eq(guaranteeUses.projectId, projectId))
      .all();
    const problem = guaranteeUseProblem(p.guaranteeForm, guaranteeBalance(p.guaranteeFen, uses), input.amountFen);
    if (problem) throw new ValidationError(problem, "amount");
    const { id } = tx
      .insert(guaranteeUses)
      .values({ ...input, projectId, topUpDueOn: calendar.addWorkingDays(input.usedOn, TOP_UP_WORKING_DAYS).date, recordedById: viewer.id, createdAt: now })
      .returning({ id: guaranteeUses.id })
      .get();
    recordAudit(tx, {
      actorId: viewer.id,
      subject: `project:${projectId}`,
      action: "动用工资保证金",
      detail: `${(input.amountFen / 100).toFixed(2)} 元`,
      at: now,
    });
    return id;
  });
}

/** The 总包's top-up of one use. */
export function recordTopUp(db: Db, projectId: number, useId: number, input: { toppedUpOn: IsoDate; amountFen: number }, viewer: Viewer, now: Date): void {
  db.transaction((tx) => {
    visibleProject(tx, projectId, viewer);
    const use = tx
      .select()
      .from(guaranteeUses)
      .where(and(eq(guaranteeUses.id, useId), eq(guaranteeUses.projectId, projectId)))
      .get();
    if (!use) throw new NotFoundError("该动用记录不存在。");
    const problem = topUpProblem(use, input.amountFen, input.toppedUpOn);
    if (problem) throw new ValidationError(problem, "amount");
    tx.update(guaranteeUses).set({ toppedUpOn: input.toppedUpOn, toppedUpFen: input.amountFen }).where(eq(guaranteeUses.id, useId)).run();
    recordAudit(tx, {
      actorId: viewer.id,
      subject: `project:${projectId}`,
      action: "补足工资保证金",
      detail: `${(input.amountFen / 100).toFixed(2)} 元`,
      at: now,
    });
  });
}
