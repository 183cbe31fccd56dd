/**
 * Special actions (docs/rules.md §Special actions and risk points): the action, its inspection groups and
 * their members, the inspections with their checklist, the risk points found and how each ended, and the
 * action's figures — per office (the office of the group that did the work) and for the city — from which
 * the bureau's sentence is written. An action belongs to the office that runs it; one run by the city office
 * involves every office, so every office's staff see it and add their own groups.
 */
import { and, asc, between, countDistinct, eq, inArray, or, sql, sum, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import {
  cases,
  inspectionGroupMembers,
  inspectionGroups,
  inspections,
  memberUnits,
  offices,
  projects,
  riskPayments,
  riskPoints,
  specialActions,
} from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import type { IsoDate } from "../domain/dates.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  NO_FIGURES,
  actionSentence,
  addFigures,
  periodProblem,
  resolveByProblem,
  resolveProblem,
  riskClock,
  RISK_STATUS_LABELS,
  type ActionFigures,
  type CheckItem,
  type CheckResult,
} from "../domain/special-actions.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { recordAudit } from "./audit.js";
import type { ExportSheet } from "./exports.js";
import { cityOffice, listOffices } from "./offices.js";
import { mayReachOffice, visibleProject } from "./projects.js";
import type { OfficeIds } from "./dashboard.js";

export type SpecialAction = typeof specialActions.$inferSelect;

/** The actions a viewer sees: their office's and the city's (the city's staff: every action), newest first. */
export function listActions(db: Db, viewer: Viewer) {
  const city = cityOffice(db)?.id ?? 0;
  return db
    .select({ id: specialActions.id, name: specialActions.name, startsOn: specialActions.startsOn, endsOn: specialActions.endsOn, officeName: offices.name })
    .from(specialActions)
    .innerJoin(offices, eq(offices.id, specialActions.officeId))
    .where(viewer.cityWide ? undefined : or(eq(specialActions.officeId, viewer.officeId ?? 0), eq(specialActions.officeId, city)))
    .orderBy(sql`${specialActions.startsOn} desc`)
    .limit(200)
    .all();
}

function mayView(db: DbOrTx, viewer: Viewer, action: SpecialAction): boolean {
  return mayReachOffice(viewer, action.officeId) || action.officeId === cityOffice(db)?.id;
}

export function visibleAction(db: DbOrTx, id: number, viewer: Viewer): SpecialAction {
  const action = db.select().from(specialActions).where(eq(specialActions.id, id)).get();
  if (!action) throw new NotFoundError("专项行动不存在。");
  if (!mayView(db, viewer, action)) throw new ForbiddenError("该专项行动不属于本机构。");
  return action;
}

export interface ActionInput {
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  scope: string;
}

export function createAction(db: Db, input: ActionInput, viewer: Viewer, now: Date): number {
  const problem = periodProblem(input.startsOn, input.endsOn);
  if (problem) throw new ValidationError(problem, "endsOn");
  if (viewer.officeId === null) throw new ForbiddenError("您不属于任何监察机构。");
  return db.transaction((tx) => {
    const { id } = tx
      .insert(specialActions)
      .values({ ...input, officeId: viewer.officeId!, createdById: viewer.id, createdAt: now })
      .returning({ id: specialActions.id })
      .get();
    recordAudit(tx, { actorId: viewer.id, subject: `action:${id}`, action: "建立专项行动", detail: input.name, at: now });
    return id;
  });
}

export interface GroupInput {
  name: string;
  leader: string;
  officeId: number;
  /** Each member: a person of an office ("office:ID") or of a task-force unit ("unit:ID"). */
  members: { name: string; from: string }[];
}

/** A group of the viewer's office (the city's staff: of any office), its members from offices and task-force units. */
export function addGroup(db: Db, actionId: number, input: GroupInput, viewer: Viewer, now: Date): number {
  return db.transaction((tx) => {
    visibleAction(tx, actionId, viewer);
    if (!mayReachOffice(viewer, input.officeId)) throw new ValidationError("只能为本机构组建检查组", "officeId");
    if (!listOffices(tx).some((o) => o.id === input.officeId)) throw new ValidationError("请选择检查组所属机构", "officeId");
    const units = new Set(
      tx
        .select({ id: memberUnits.id })
        .from(memberUnits)
        .all()
        .map((u) => u.id),
    );
    const officeIds = new Set(listOffices(tx).map((o) => o.id));
    const members = input.members.map((m) => {
      const [kind, raw] = m.from.split(":");
      const id = Number(raw);
      if (kind === "office" && officeIds.has(id)) return { name: m.name, officeId: id, unitId: null };
      if (kind === "unit" && units.has(id)) return { name: m.name, officeId: null, unitId: id };
      throw new ValidationError(`请选择成员“${m.name}”所在的机构或成员单位`, "members");
    });
    const { id } = tx
      .insert(inspectionGroups)
      .values({ actionId, officeId: input.officeId, name: input.name, leader: input.leader })
      .returning({ id: inspectionGroups.id })
      .get();
    if (members.length) {
      tx.insert(inspectionGroupMembers)
        .values(members.map((m) => ({ ...m, groupId: id })))
        .run();
    }
    recordAudit(tx, { actorId: viewer.id, subject: `action:${actionId}`, action: "组建检查组", detail: input.name, at: now });
    return id;
  });
}

export interface InspectionInput {
  groupId: number;
  projectId: number | null;
  employerName: string;
  employerUscc: string | null;
  inspectedOn: IsoDate;
  persons: number;
  checklist: Record<CheckItem, CheckResult>;
  findings: string;
}

/** An inspection by a group of the action, of a project (its 总包 is the employer inspected) or of an employer. */
export function recordInspection(db: Db, actionId: number, input: InspectionInput, viewer: Viewer, now: Date): number {
  return db.transaction((tx) => {
    const action = visibleAction(tx, actionId, viewer);
    const group = tx
      .select()
      .from(inspectionGroups)
      .where(and(eq(inspectionGroups.id, input.groupId), eq(inspectionGroups.actionId, actionId)))
      .get();
    if (!group) throw new ValidationError("请选择本行动的检查组", "groupId");
    if (!mayReachOffice(viewer, group.officeId)) throw new ValidationError("只能登记本机构检查组的检查", "groupId");
    if (input.inspectedOn < action.startsOn || input.inspectedOn > action.endsOn) {
      throw new ValidationError(`检查日期应在行动期间（${action.startsOn} 至 ${action.endsOn}）内`, "inspectedOn");
    }
    let employer = { employerName: input.employerName, employerUscc: input.employerUscc };
    if (input.projectId !== null) {
      const p = visibleProject(tx, input.projectId, viewer);
      employer = { employerName: p.contractorName, employerUscc: p.contractorUscc };
    } else if (!input.employerName) throw new ValidationError("请选择检查的项目，或填写检查的用人单位", "employerName");
    const { checklist, ...rest } = input;
    const { id } = tx
      .insert(inspections)
      .values({ ...rest, ...checklist, ...employer, actionId, recordedById: viewer.id, createdAt: now })
      .returning({ id: inspections.id })
      .get();
    return id;
  });
}

export interface RiskInput {
  description: string;
  amountFen: number;
  workers: number;
  responsible: string;
  resolveBy: IsoDate;
}

function inspectionInReach(tx: DbOrTx, actionId: number, inspectionId: number, viewer: Viewer) {
  const row = tx
    .select({ inspection: inspections, groupOfficeId: inspectionGroups.officeId })
    .from(inspections)
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .where(and(eq(inspections.id, inspectionId), eq(inspections.actionId, actionId)))
    .get();
  if (!row) throw new NotFoundError("检查记录不存在。");
  visibleAction(tx, row.inspection.actionId, viewer);
  if (!mayReachOffice(viewer, row.groupOfficeId)) throw new ForbiddenError("该检查由其他机构的检查组登记。");
  return row.inspection;
}

/** A risk point found in an inspection: its clock runs from the inspection to the resolve-by day. */
export function addRisk(db: Db, actionId: number, inspectionId: number, input: RiskInput, viewer: Viewer, now: Date): number {
  return db.transaction((tx) => {
    const inspection = inspectionInReach(tx, actionId, inspectionId, viewer);
    const problem = resolveByProblem(inspection.inspectedOn, input.resolveBy);
    if (problem) throw new ValidationError(problem, "resolveBy");
    const { id } = tx
      .insert(riskPoints)
      .values({ ...input, actionId: inspection.actionId, inspectionId, foundOn: inspection.inspectedOn, createdAt: now })
      .returning({ id: riskPoints.id })
      .get();
    return id;
  });
}

function riskInReach(tx: DbOrTx, actionId: number, riskId: number, viewer: Viewer) {
  const risk = tx
    .select()
    .from(riskPoints)
    .where(and(eq(riskPoints.id, riskId), eq(riskPoints.actionId, actionId)))
    .get();
  if (!risk) throw new NotFoundError("风险点不存在。");
  inspectionInReach(tx, actionId, risk.inspectionId, viewer);
  return risk;
}

export interface RiskPaymentInput {
  paidOn: IsoDate;
  amountFen: number;
  workers: number;
  proof: string;
}

export function addRiskPayment(db: Db, actionId: number, riskId: number, input: RiskPaymentInput, viewer: Viewer, now: Date): void {
  db.transaction((tx) => {
    const risk = riskInReach(tx, actionId, riskId, viewer);
    if (risk.status !== "open") throw new ValidationError("该风险点已清理，不能再登记支付", "amount");
    if (input.paidOn < risk.foundOn) throw new ValidationError("支付日期不能早于发现风险点的日期", "paidOn");
    tx.insert(riskPayments)
      .values({ ...input, riskId, recordedById: viewer.id, createdAt: now })
      .run();
  });
}

/** 化解: only with payment records; ends on the last payment's day. */
export function resolveRisk(db: Db, actionId: number, riskId: number, viewer: Viewer, now: Date): void {
  db.transaction((tx) => {
    const risk = riskInReach(tx, actionId, riskId, viewer);
    const payments = tx.select().from(riskPayments).where(eq(riskPayments.riskId, riskId)).all();
    const problem = resolveProblem(risk.status, payments);
    if (problem) throw new ValidationError(problem, "_form");
    const endedOn = payments.map((p) => p.paidOn).sort()[payments.length - 1]!;
    tx.update(riskPoints)
      .set({ status: "resolved", endedOn, version: sql`${riskPoints.version} + 1` })
      .where(and(eq(riskPoints.id, riskId), eq(riskPoints.status, "open")))
      .run();
    recordAudit(tx, { actorId: viewer.id, subject: `action:${risk.actionId}`, action: "化解风险点", detail: risk.description, at: now });
  });
}

/** 立案: the risk point became a case (registered as usual), linked by its number; ends on the case's receipt day. */
export function fileRisk(db: Db, actionId: number, riskId: number, caseNumber: string, viewer: Viewer, now: Date): void {
  db.transaction((tx) => {
    const risk = riskInReach(tx, actionId, riskId, viewer);
    if (risk.status !== "open") throw new ValidationError("该风险点已清理", "caseNumber");
    const c = tx
      .select({ id: cases.id, receivedOn: cases.receivedOn, officeId: cases.officeId })
      .from(cases)
      .where(eq(cases.caseNumber, caseNumber.trim().toUpperCase()))
      .get();
    if (!c) throw new ValidationError(`没有案件编号为“${caseNumber}”的案件，请先登记投诉`, "caseNumber");
    if (c.officeId === null || !mayReachOffice(viewer, c.officeId)) throw new ValidationError("该案件不属于本机构", "caseNumber");
    tx.update(riskPoints)
      .set({ status: "filed", caseId: c.id, endedOn: c.receivedOn < risk.foundOn ? risk.foundOn : c.receivedOn, version: sql`${riskPoints.version} + 1` })
      .where(and(eq(riskPoints.id, riskId), eq(riskPoints.status, "open")))
      .run();
    recordAudit(tx, { actorId: viewer.id, subject: `action:${risk.actionId}`, action: "风险点立案", detail: caseNumber, at: now });
  });
}

/**
 * Whose figures: one action's (its page and XLSX), or the work of some offices' groups in a period (the
 * statistics, docs/rules.md §防欠成效 figures). In a period an inspection counts by its day, a risk point found by
 * its inspection's day (its found_on), a risk point cleared — and the wages paid to resolve it — by the day it
 * ended, and a group when it inspected in the period.
 */
export type ActionFiguresOf = { actionId: number } | { officeIds: OfficeIds; period: { from: IsoDate; to: IsoDate } };

function figuresConditions(of: ActionFiguresOf) {
  if ("actionId" in of) {
    const action = eq(riskPoints.actionId, of.actionId);
    return { inspections: eq(inspections.actionId, of.actionId), found: action, ended: action };
  }
  const offices = inArray(inspectionGroups.officeId, [...of.officeIds]);
  return {
    inspections: and(offices, between(inspections.inspectedOn, of.period.from, of.period.to)),
    found: and(offices, between(inspections.inspectedOn, of.period.from, of.period.to)),
    ended: and(offices, between(riskPoints.endedOn, of.period.from, of.period.to)),
  };
}

/**
 * The figures for each office that took part (the office of the group that did the work), and in total
 * (projects counted once however many groups saw them): the special action's sentence for one action or for a period.
 * Each query starts from an index: the action's (inspections_action_idx, risk_points_action_idx), or in a period
 * the offices' groups (inspection_groups_office_idx) and their inspections by day (inspections_group_day_idx), and
 * the risk points ended by status and day (risk_points_ended_idx).
 */
export function actionFigures(
  db: DbOrTx,
  of: ActionFiguresOf,
): { byOffice: { officeId: number; officeName: string; figures: ActionFigures }[]; total: ActionFigures } {
  const where = figuresConditions(of);
  const byOffice = new Map<number, ActionFigures>();
  const at = (officeId: number) => {
    const f = byOffice.get(officeId) ?? { ...NO_FIGURES };
    byOffice.set(officeId, f);
    return f;
  };
  const worked = db
    .select({
      officeId: inspectionGroups.officeId,
      persons: sum(inspections.persons).mapWith(Number),
      projects: countDistinct(inspections.projectId),
      groups: countDistinct(inspections.groupId),
    })
    .from(inspections)
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .where(where.inspections)
    .groupBy(inspectionGroups.officeId)
    .all();
  // An action counts every group it formed, inspecting yet or not; a period the groups that inspected in it.
  for (const r of worked) Object.assign(at(r.officeId), { personTimes: r.persons, projects: r.projects }, "actionId" in of ? {} : { groups: r.groups });
  if ("actionId" in of) {
    for (const r of db
      .select({ officeId: inspectionGroups.officeId, n: sql<number>`count(*)` })
      .from(inspectionGroups)
      .where(eq(inspectionGroups.actionId, of.actionId))
      .groupBy(inspectionGroups.officeId)
      .all())
      at(r.officeId).groups = r.n;
  }
  const risks = (condition: SQL | undefined) =>
    db
      .select({ officeId: inspectionGroups.officeId, status: riskPoints.status, n: sql<number>`count(*)` })
      .from(riskPoints)
      .innerJoin(inspections, eq(inspections.id, riskPoints.inspectionId))
      .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
      .where(condition)
      .groupBy(inspectionGroups.officeId, riskPoints.status)
      .all();
  for (const r of risks(where.found)) at(r.officeId).risksFound += r.n;
  for (const r of risks(and(where.ended, inArray(riskPoints.status, ["resolved", "filed"])))) {
    const f = at(r.officeId);
    f.risksCleared += r.n;
    if (r.status === "resolved") f.risksResolved += r.n;
    else f.risksFiled += r.n;
  }
  for (const r of db
    .select({ officeId: inspectionGroups.officeId, workers: sum(riskPayments.workers).mapWith(Number), fen: sum(riskPayments.amountFen).mapWith(Number) })
    .from(riskPayments)
    .innerJoin(riskPoints, eq(riskPoints.id, riskPayments.riskId))
    .innerJoin(inspections, eq(inspections.id, riskPoints.inspectionId))
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .where(and(where.ended, eq(riskPoints.status, "resolved")))
    .groupBy(inspectionGroups.officeId)
    .all()) {
    at(r.officeId).workersPaid = r.workers;
    at(r.officeId).paidFen = r.fen;
  }
  const names = new Map(listOffices(db).map((o) => [o.id, { name: o.name, sortOrder: o.sortOrder }]));
  const rows = [...byOffice.entries()]
    .map(([officeId, figures]) => ({ officeId, officeName: names.get(officeId)?.name ?? "", sortOrder: names.get(officeId)?.sortOrder ?? 0, figures }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.officeId - b.officeId)
    .map(({ sortOrder: _s, ...r }) => r);
  const total = rows.reduce<ActionFigures>((t, { figures }) => addFigures(t, figures), { ...NO_FIGURES });
  total.projects =
    db
      .select({ n: countDistinct(inspections.projectId) })
      .from(inspections)
      .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
      .where(where.inspections)
      .get()?.n ?? 0;
  return { byOffice: rows, total };
}

/** The action page: its groups, inspections, risk points with their clocks and payments, and the sentence per office and for the city. */
/** Inspections an action's page lists at a time (docs/rules.md §Special actions: paged; the figures are the whole action's). */
export const INSPECTIONS_PAGE = 50;

/**
 * An action's page: its groups, one page of its inspections (the earliest first), every risk point with its clock and
 * payments, and the figures — aggregates over the whole action, whichever page is shown.
 */
export function actionPage(db: Db, id: number, viewer: Viewer, today: IsoDate, calendar: WorkingCalendar, page = 1) {
  const action = visibleAction(db, id, viewer);
  const officeName = db.select({ name: offices.name }).from(offices).where(eq(offices.id, action.officeId)).get()?.name ?? "";
  const groups = db
    .select({
      id: inspectionGroups.id,
      name: inspectionGroups.name,
      leader: inspectionGroups.leader,
      officeId: inspectionGroups.officeId,
      officeName: offices.name,
    })
    .from(inspectionGroups)
    .innerJoin(offices, eq(offices.id, inspectionGroups.officeId))
    .where(eq(inspectionGroups.actionId, id))
    .orderBy(asc(inspectionGroups.id))
    .all();
  const members = groups.length
    ? db
        .select({ groupId: inspectionGroupMembers.groupId, name: inspectionGroupMembers.name, office: offices.name, unit: memberUnits.name })
        .from(inspectionGroupMembers)
        .leftJoin(offices, eq(offices.id, inspectionGroupMembers.officeId))
        .leftJoin(memberUnits, eq(memberUnits.id, inspectionGroupMembers.unitId))
        .where(
          inArray(
            inspectionGroupMembers.groupId,
            groups.map((g) => g.id),
          ),
        )
        .orderBy(asc(inspectionGroupMembers.id))
        .all()
    : [];
  const inspectionCount = db.select({ n: sql<number>`count(*)` }).from(inspections).where(eq(inspections.actionId, id)).get()!.n;
  const inspectionRows = db
    .select({ i: inspections, groupName: inspectionGroups.name, groupOfficeId: inspectionGroups.officeId, projectName: projects.name })
    .from(inspections)
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .leftJoin(projects, eq(projects.id, inspections.projectId))
    .where(eq(inspections.actionId, id))
    .orderBy(asc(inspections.inspectedOn), asc(inspections.id))
    .limit(INSPECTIONS_PAGE)
    .offset((page - 1) * INSPECTIONS_PAGE)
    .all();
  // Each risk point with where it was found and whose group found it (its inspection may be on another page).
  const risks = db
    .select({ r: riskPoints, employerName: inspections.employerName, projectName: projects.name, groupOfficeId: inspectionGroups.officeId })
    .from(riskPoints)
    .innerJoin(inspections, eq(inspections.id, riskPoints.inspectionId))
    .innerJoin(inspectionGroups, eq(inspectionGroups.id, inspections.groupId))
    .leftJoin(projects, eq(projects.id, inspections.projectId))
    .where(eq(riskPoints.actionId, id))
    .orderBy(asc(riskPoints.id))
    .all()
    .map(({ r, employerName, projectName, groupOfficeId }) => ({ ...r, where: projectName ?? employerName, mine: mayReachOffice(viewer, groupOfficeId) }));
  const payments = risks.length
    ? db
        .select()
        .from(riskPayments)
        .where(
          inArray(
            riskPayments.riskId,
            risks.map((r) => r.id),
          ),
        )
        .orderBy(asc(riskPayments.paidOn))
        .all()
    : [];
  const caseNumbers = new Map(
    risks.some((r) => r.caseId)
      ? db
          .select({ id: cases.id, caseNumber: cases.caseNumber })
          .from(cases)
          .where(
            inArray(
              cases.id,
              risks.flatMap((r) => (r.caseId ? [r.caseId] : [])),
            ),
          )
          .all()
          .map((c) => [c.id, c.caseNumber])
      : [],
  );
  const shown = inspectionRows.map((r) => ({ ...r.i, groupName: r.groupName, projectName: r.projectName, mine: mayReachOffice(viewer, r.groupOfficeId) }));
  const figures = actionFigures(db, { actionId: id });
  return {
    action,
    officeName,
    groups: groups.map((g) => ({ ...g, members: members.filter((m) => m.groupId === g.id), mine: mayReachOffice(viewer, g.officeId) })),
    inspections: shown,
    inspectionCount,
    page,
    pages: Math.max(1, Math.ceil(inspectionCount / INSPECTIONS_PAGE)),
    risks: risks.map((r) => ({
      ...r,
      clock: riskClock(r, today, calendar),
      payments: payments.filter((p) => p.riskId === r.id),
      caseNumber: r.caseId ? (caseNumbers.get(r.caseId) ?? "") : "",
    })),
    figures,
    sentence: actionSentence(figures.total),
    officeSentences: figures.byOffice.map((o) => ({ ...o, sentence: actionSentence(o.figures) })),
  };
}

/** The projects a group may inspect: those of the offices the viewer reaches (at most 500, by name). */
export function inspectableProjects(db: Db, viewer: Viewer) {
  return db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(viewer.cityWide ? undefined : eq(projects.officeId, viewer.officeId ?? 0))
    .orderBy(asc(projects.name))
    .limit(500)
    .all();
}

/** The action's XLSX: the result per office and for the city, then every risk point. */
export function actionSheets(page: ReturnType<typeof actionPage>): ExportSheet<unknown>[] {
  type OfficeRow = { officeName: string; figures: ActionFigures };
  const offices: ExportSheet<OfficeRow> = {
    name: "行动成效",
    columns: [
      { header: "机构", kind: "text", value: (r) => r.officeName, width: 26 },
      { header: "检查组（个）", kind: "int", value: (r) => r.figures.groups },
      { header: "开展检查（人次）", kind: "int", value: (r) => r.figures.personTimes },
      { header: "排查项目（个）", kind: "int", value: (r) => r.figures.projects },
      { header: "发现风险点（个）", kind: "int", value: (r) => r.figures.risksFound },
      { header: "清理风险点（个）", kind: "int", value: (r) => r.figures.risksCleared },
      { header: "其中化解", kind: "int", value: (r) => r.figures.risksResolved },
      { header: "其中立案", kind: "int", value: (r) => r.figures.risksFiled },
      { header: "保障支付农民工（名）", kind: "int", value: (r) => r.figures.workersPaid },
      { header: "保障支付工资", kind: "money", value: (r) => r.figures.paidFen, width: 16 },
      { header: "成效表述", kind: "text", value: (r) => actionSentence(r.figures), width: 90 },
    ],
    chunks: () => [[...page.figures.byOffice, { officeName: "全市", figures: page.figures.total }]],
  };
  type RiskRow = (typeof page.risks)[number];
  const risks: ExportSheet<RiskRow> = {
    name: "风险点",
    columns: [
      { header: "检查对象", kind: "text", value: (r) => r.where, width: 28 },
      { header: "风险点", kind: "text", value: (r) => r.description, width: 40 },
      { header: "涉及金额", kind: "money", value: (r) => r.amountFen, width: 14 },
      { header: "涉及人数", kind: "int", value: (r) => r.workers },
      { header: "责任单位", kind: "text", value: (r) => r.responsible, width: 24 },
      { header: "发现日期", kind: "date", value: (r) => r.foundOn, width: 12 },
      { header: "整改期限", kind: "date", value: (r) => r.resolveBy, width: 12 },
      { header: "状态", kind: "text", value: (r) => RISK_STATUS_LABELS[r.status] },
      { header: "清理日期", kind: "date", value: (r) => r.endedOn, width: 12 },
      { header: "立案案件", kind: "text", value: (r) => r.caseNumber, width: 18 },
      { header: "已支付", kind: "money", value: (r) => r.payments.reduce((s, p) => s + p.amountFen, 0), width: 14 },
    ],
    chunks: () => [page.risks],
  };
  return [offices, risks] as ExportSheet<unknown>[];
}
