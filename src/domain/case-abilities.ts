/**
 * Who may do what on a case: the one table (docs/rules.md, "Who may do what").
 *
 * A viewer stands in one relation to a case — the supervisor (of the case's office, or of the city office,
 * whose reach is city-wide), an inspector assigned to it (lead or second) or another inspector, the clerk who
 * registered it or another clerk, staff of an office the case was moved away from (read-only history), staff of
 * another office (no relation at all: 属地管理, docs/rules.md §Offices and jurisdiction), the liaison of a member unit with a task on it or of another unit, an admin, or nobody
 * signed in. The office is one more fact of the viewer and of the case. From that relation and the case's
 * state follow:
 * - the access level: `full` (the case page, ID numbers and phones unmasked: the people working the case),
 *   `masked` (the bureau's optional read-only search for inspectors; an office's cases moved away), `summary` (a tasked unit's liaison:
 *   the facts without workers' personal data, through the task page), or `none`;
 * - the moves of the state machine (case-states.ts) the viewer may make now;
 * - a flag for every other action on the case.
 * Models enforce these; the case page hands the same flags to the views; `requireRole` on routes is only a
 * coarse gate for staff areas. `caseListScope` says, from the same facts, which cases a viewer may list.
 * Conditions that are not about who the viewer is (an agreement to settle, a deadline not yet passed)
 * stay with the move's own guard in the models.
 */
import { MOVES, isFiled, isOpen, type CaseState, type Move, type MoveName } from "./case-states.js";
import { ForbiddenError } from "./errors.js";
import type { Role } from "./roles.js";

export interface Viewer {
  id: number;
  role: Role;
  /** The member unit of a task-force liaison. */
  unitId: number | null;
  /** The office the viewer works in. */
  officeId: number | null;
  /** Staff of the city office (市本级): their reach is every office. */
  cityWide: boolean;
}

/** What the bureau has switched on (configuration). */
export interface AccessPolicy {
  /** Inspectors may search and open every case read-only, with personal data masked. */
  inspectorsReadAll: boolean;
}

/** The facts of a case that decide who may do what. */
export interface CaseParties {
  state: CaseState;
  /** The office handling the case now. */
  officeId: number | null;
  /** Whether that office has acknowledged (签收) it. */
  acknowledged: boolean;
  /** Offices the case was moved away from (移送, 指定管辖): they keep read-only sight of it. */
  formerOfficeIds: readonly number[];
  registeredById: number | null;
  leadInspectorId: number | null;
  secondInspectorId: number | null;
  extensionDays: number;
  /** Member units with a task-force task on this case. */
  taskUnitIds: readonly number[];
}

export const RELATIONS = [
  "supervisor",
  "assignedInspector",
  "otherInspector",
  "registrar",
  "otherClerk",
  "formerOffice",
  "otherOffice",
  "taskedLiaison",
  "otherLiaison",
  "admin",
  "anonymous",
] as const;
export type Relation = (typeof RELATIONS)[number];

export const ACCESS_LEVELS = ["none", "summary", "masked", "full"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Every action on a case besides the state machine's moves. A new one needs a row in the matrix test. */
export const CASE_ACTIONS = [
  "assign",
  "extend",
  "addEvidence",
  "openEvidence",
  "voidEvidence",
  "printDocuments",
  "noteOverClaim",
  "answerTask",
  "proposeBlacklist",
  "acknowledge",
  "transfer",
  "requestDesignation",
  "designate",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseAbilities extends Record<CaseAction, boolean> {
  relation: Relation;
  access: AccessLevel;
  /** The moves this viewer may make from the case's current state, in table order. */
  moves: readonly Move[];
}

export function relationTo(c: Omit<CaseParties, "state" | "extensionDays" | "acknowledged">, viewer: Viewer | null): Relation {
  if (!viewer) return "anonymous";
  // 属地管理: staff reach their own office's cases; the city office's reach is every office; an office a case
  // was moved away from keeps sight of its history.
  const reach = viewer.cityWide || (viewer.officeId !== null && viewer.officeId === c.officeId);
  const outside = viewer.officeId !== null && c.formerOfficeIds.includes(viewer.officeId) ? "formerOffice" : "otherOffice";
  switch (viewer.role) {
    case "supervisor":
      return reach ? "supervisor" : outside;
    case "inspector":
      if (viewer.id === c.leadInspectorId || viewer.id === c.secondInspectorId) return "assignedInspector";
      return reach ? "otherInspector" : outside;
    case "clerk":
      // Any window registers any complaint ("一点投诉、全市联动"): its clerk keeps the case they registered.
      if (viewer.id === c.registeredById) return "registrar";
      return reach ? "otherClerk" : outside;
    case "unit":
      return viewer.unitId !== null && c.taskUnitIds.includes(viewer.unitId) ? "taskedLiaison" : "otherLiaison";
    case "admin":
      return "admin";
  }
}

/** The people working the case: they see it whole and act on it as their role allows. */
const WORKING: readonly Relation[] = ["supervisor", "assignedInspector", "registrar"];

function accessFor(relation: Relation, policy: AccessPolicy): AccessLevel {
  if (WORKING.includes(relation)) return "full";
  if (relation === "otherInspector" && policy.inspectorsReadAll) return "masked";
  if (relation === "formerOffice") return "masked";
  if (relation === "taskedLiaison") return "summary";
  return "none";
}

function mayMove(move: Move, relation: Relation, role: Role | null): boolean {
  return WORKING.includes(relation) && role !== null && move.by.includes(role);
}

export function caseAbilities(c: CaseParties, viewer: Viewer | null, policy: AccessPolicy): CaseAbilities {
  const relation = relationTo(c, viewer);
  const access = accessFor(relation, policy);
  const role = viewer?.role ?? null;
  const working = access === "full";
  const supervisor = relation === "supervisor";
  const staffWorking = working && relation !== "registrar";
  // The office holding the case (not the city on its behalf) acknowledges, transfers and asks the city.
  const holdingOffice = viewer !== null && viewer.officeId !== null && viewer.officeId === c.officeId;
  const open = isOpen(c.state);
  return {
    relation,
    access,
    moves: MOVES.filter((m) => m.from.includes(c.state) && mayMove(m, relation, role)),
    assign: supervisor && isOpen(c.state),
    // 劳动保障监察条例 第十七条: once, by 30 working days, approved by the head (docs/rules.md).
    extend: supervisor && isFiled(c.state) && c.extensionDays === 0,
    addEvidence: working,
    openEvidence: working,
    voidEvidence: staffWorking,
    printDocuments: working,
    noteOverClaim: supervisor && isFiled(c.state),
    answerTask: relation === "taskedLiaison" && isOpen(c.state),
    // An order to pay exists only once filed; a case closed by decision may still be proposed (docs/rules.md).
    proposeBlacklist: (supervisor || relation === "assignedInspector") && (isFiled(c.state) || !isOpen(c.state)),
    // 签收 by the office the case arrived at: its supervisor or a clerk of its window (docs/rules.md §Offices and jurisdiction).
    acknowledge: holdingOffice && open && !c.acknowledged && (supervisor || relation === "otherClerk" || relation === "registrar"),
    // Who may move a case between offices; whether this case may move (open, not moved before) is the rule's
    // own question (domain/jurisdiction.ts), answered with its wording.
    transfer: holdingOffice && supervisor,
    requestDesignation: holdingOffice && supervisor,
    // 指定管辖 and 提级 are the city's (京劳社监发〔2005〕109号).
    designate: supervisor && viewer!.cityWide,
  };
}

export function mayMakeMove(abilities: CaseAbilities, name: MoveName): boolean {
  return abilities.moves.some((m) => m.name === name);
}

/** Refuses a move this viewer may not make, saying why. */
export function assertMayMove(abilities: CaseAbilities, move: Move): void {
  if (mayMakeMove(abilities, move.name)) return;
  const why = abilities.relation === "otherInspector" ? "只有承办本案的监察员可以办理" : "您不能办理此操作";
  throw new ForbiddenError(`${why}：“${move.label}”。`);
}

/** Refuses an action this viewer may not take on the case. */
export function assertMay(abilities: CaseAbilities, action: CaseAction): void {
  if (!abilities[action]) throw new ForbiddenError(ACTION_REFUSALS[action]);
}

const ACTION_REFUSALS: Record<CaseAction, string> = {
  assign: "只有科长可以分配未结案的案件。",
  extend: "只有科长可以批准延长已立案案件的法定办案期限，且只能延长一次。",
  addEvidence: "只有办理本案的人员可以上传证据材料。",
  openEvidence: "只有办理本案的人员可以打开证据材料。",
  voidEvidence: "只有承办监察员和科长可以作废证据。",
  printDocuments: "只有办理本案的人员可以打印本案文书。",
  noteOverClaim: "只有科长可以说明追回金额超过诉求的原因。",
  answerTask: "只有接到任务的成员单位联络员可以答复，且案件未结案。",
  proposeBlacklist: "只有承办本案的监察员和科长可以提请列入失信联合惩戒名单。",
  acknowledge: "只有案件所在监察机构的科长或窗口受理员可以签收未签收的案件。",
  transfer: "只有案件所在监察机构的科长可以移送未结案的案件。",
  requestDesignation: "只有案件所在监察机构的科长可以报请市级指定管辖。",
  designate: "指定管辖只能由市级（市本级）科长作出。",
};

/** A task-force task: its unit's liaison sees and answers it (until done); the supervisor sees every task. */
export function taskAbilities(task: { unitId: number; status: string }, onCase: CaseAbilities, viewer: Viewer | null): { view: boolean; answer: boolean } {
  const ownUnit = onCase.relation === "taskedLiaison" && viewer?.unitId === task.unitId;
  return { view: onCase.relation === "supervisor" || ownUnit, answer: ownUnit && onCase.answerTask && task.status !== "done" };
}

/**
 * Which cases a viewer may list: every case of an office (officeId) or of every office (null, the city's
 * reach), the ones assigned to them, the ones they registered, or none.
 */
export type CaseListScope =
  | { kind: "all"; access: "full" | "masked"; officeId: number | null }
  | { kind: "assigned"; inspectorId: number }
  | { kind: "registered"; clerkId: number }
  | { kind: "none" };

/** `everyCase`: an inspector asks for the read-only search of every case (only where the policy allows it). */
export function caseListScope(viewer: Viewer | null, policy: AccessPolicy, everyCase: boolean): CaseListScope {
  // A user without an office reaches no office's cases.
  const officeId = viewer?.cityWide ? null : (viewer?.officeId ?? 0);
  switch (viewer?.role) {
    case "supervisor":
      return { kind: "all", access: "full", officeId };
    case "inspector":
      return everyCase && policy.inspectorsReadAll ? { kind: "all", access: "masked", officeId } : { kind: "assigned", inspectorId: viewer.id };
    case "clerk":
      return { kind: "registered", clerkId: viewer.id };
    default:
      return { kind: "none" };
  }
}

/**
 * Whose cases a supervisor's figures count (dashboard, statistics, clearance board, their exports): their own
 * office's (属地管理、分级负责); the city's staff every office (null) or the one office they filter on.
 */
export function figuresOffice(viewer: Viewer, filterOfficeId: number | null): number | null {
  return viewer.cityWide ? filterOfficeId : rowsOffice(viewer);
}

/**
 * Whose rows a staff list shows — the employer record, the blacklist board, the 重大违法 entries, the
 * personal-data log: the viewer's office's (属地管理); the city's staff every office (null). A user without an
 * office sees none (office 0).
 */
export function rowsOffice(viewer: Viewer): number | null {
  return viewer.cityWide ? null : (viewer.officeId ?? 0);
}

/** What a signed-in staff member may do outside any one case (the workbench, intake, task board). */
export interface StaffAbilities {
  registerCases: boolean;
  searchEveryCase: boolean;
  seeReminders: boolean;
  assignCases: boolean;
  /** The task board: a liaison sees their unit's tasks; a supervisor every open task. */
  taskBoard: "ownUnit" | "allOpen" | null;
  /** The dashboard, the period statistics and the clearance board. */
  viewDashboard: boolean;
  /** Spreadsheet exports of the case lists the user can see (the list's own scope applies). */
  exportCases: boolean;
  /** Exports with ID numbers and phones in full (only when also asked for explicitly; recorded). */
  exportFullPersonalData: boolean;
  /** Lists span every office, with an office column and filter (the city's supervisors). */
  everyOffice: boolean;
  /** The 签收 queue of the viewer's office (and, for the city, the requests to designate). */
  acknowledgeQueue: boolean;
}

export function staffAbilities(viewer: Viewer | null, policy: AccessPolicy): StaffAbilities {
  const role = viewer?.role ?? null;
  return {
    registerCases: role === "clerk" || role === "supervisor",
    searchEveryCase: role === "inspector" && policy.inspectorsReadAll,
    seeReminders: role === "inspector" || role === "supervisor",
    assignCases: role === "supervisor",
    taskBoard: role === "unit" ? "ownUnit" : role === "supervisor" ? "allOpen" : null,
    viewDashboard: role === "supervisor",
    exportCases: role === "supervisor" || role === "inspector",
    exportFullPersonalData: role === "supervisor",
    everyOffice: role === "supervisor" && viewer!.cityWide,
    acknowledgeQueue: role === "supervisor" || role === "clerk",
  };
}
