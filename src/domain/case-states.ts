/**
 * The life of a case (docs/rules.md §Who may do what) — the one place that knows the states, the moves between them and who
 * may make each move. Nobody compares state strings outside this module.
 *
 * - 登记 received: within 5 working days the bureau files it (受理立案), asks for a supplement (告知补正),
 *   rejects it in writing (不予受理), or redirects it (告知/移送); or it first tries fast mediation (快调).
 * - 告知补正 awaiting_supplement: when the supplement arrives the case is back at 登记, and the acceptance
 *   clock starts again from that day.
 * - 快调 mediating: settles (结案, 快调化解) or fails, and then the case is filed.
 * - 立案 filed: investigated (on-site visits are recorded as activities that keep the state), then closed
 *   with an outcome.
 * - Rejection, redirection and withdrawal end the case (结案) with that outcome; a supervisor may reopen
 *   a closed case, which returns to the state it was closed from.
 * - 快调化解: a mediated case closes without ever being filed, once the agreement is paid and confirmed.
 * - Activities (visits, mediation sessions, payments, orders, enforcement, task-force escalation) are moves
 *   that keep the state; each has its own form and guard.
 * `by` names the roles that make each move; case-abilities.ts adds the relation to the case (an inspector
 * only on cases assigned to them, a clerk only on cases they registered, a supervisor on every case).
 */
import { DomainError } from "./errors.js";
import type { Role } from "./roles.js";

export const CASE_STATES = ["received", "mediating", "awaiting_supplement", "filed", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];

// The groups of states, once: models turn them into SQL with src/models/state-sql.ts, never by restating them.

/** Every state but 已结案. */
export const OPEN_STATES: readonly CaseState[] = ["received", "mediating", "awaiting_supplement", "filed"];
export const CLOSED_STATES: readonly CaseState[] = ["closed"];
/** 快调: the states in which fast mediation is under way. */
export const MEDIATING_STATES: readonly CaseState[] = ["mediating"];
/** Before the decision on acceptance: the acceptance clock applies (running, or paused while 待补正). */
export const BEFORE_ACCEPTANCE_STATES: readonly CaseState[] = ["received", "mediating", "awaiting_supplement"];
export const AWAITING_SUPPLEMENT_STATES: readonly CaseState[] = ["awaiting_supplement"];
export const FILED_STATES: readonly CaseState[] = ["filed"];

/**
 * Where each case clock runs, neither stopped nor paused (docs/rules.md §Clocks): acceptance until the
 * decision on acceptance and not while 待补正; the 8-day target while the case is open; the statutory clock
 * while it is filed. The stored urgent_due_on/urgent_clock columns (src/db/schema.ts) follow the same table
 * (test/models/urgent-columns.test.ts).
 */
export const CLOCK_RUNS_IN: Record<"acceptance" | "target" | "statutory", readonly CaseState[]> = {
  acceptance: BEFORE_ACCEPTANCE_STATES.filter((s) => !AWAITING_SUPPLEMENT_STATES.includes(s)),
  target: OPEN_STATES,
  statutory: FILED_STATES,
};

export const STATE_LABELS: Record<CaseState, string> = {
  received: "已登记",
  mediating: "快速调处中",
  awaiting_supplement: "待补正",
  filed: "已立案",
  closed: "已结案",
};

/** What the public progress lookup says, in plain words. */
export const PUBLIC_STATE_LABELS: Record<CaseState, string> = {
  received: "已收到投诉，正在审查是否受理",
  mediating: "正在组织快速调解",
  awaiting_supplement: "需要您补充材料，请按补正通知书办理",
  filed: "已受理立案，正在调查处理",
  closed: "已办结",
};

export const OUTCOMES = [
  "mediated",
  "paidAfterOrder",
  "administrativeDecision",
  "filingRevoked",
  "referredToPolice",
  "toArbitrationOrCourt",
  "referredToOtherDepartment",
  "emergencyFund",
  "withdrawn",
  "rejected",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  mediated: "快调化解",
  paidAfterOrder: "责令支付后已支付",
  administrativeDecision: "行政处理决定",
  filingRevoked: "撤销立案",
  referredToPolice: "移送公安",
  toArbitrationOrCourt: "告知仲裁/诉讼",
  referredToOtherDepartment: "移送其他部门",
  emergencyFund: "应急周转金垫付",
  withdrawn: "投诉人撤回",
  rejected: "不予受理",
};

/** A row of the table of moves (`Move` once its name is known to be one of the table's). */
interface MoveSpec {
  name: string;
  label: string;
  from: readonly CaseState[];
  /** "same": work recorded without changing state; "previous": back to the state before closing. */
  to: CaseState | "same" | "previous";
  by: readonly Role[];
  /** The outcomes a user may choose for a move that ends the case. */
  outcomes?: readonly Outcome[];
  /** What the note must say, when one is required (shown as the field's label). */
  noteLabel?: string;
  /** The step as the public lookup tells it. */
  publicStep: string;
  /** Work recorded on the case without changing its state; it has its own form. */
  activity?: boolean;
}

/** Moves made by the people investigating: the assigned inspectors and the supervisor. */
const INVESTIGATORS = ["inspector", "supervisor"] as const;

const MOVE_TABLE = [
  { name: "startMediation", label: "启动快速调处", from: ["received"], to: "mediating", by: INVESTIGATORS, publicStep: "已启动快速调解" },
  {
    name: "mediationFailed",
    label: "调解不成，受理立案",
    from: ["mediating"],
    to: "filed",
    by: INVESTIGATORS,
    noteLabel: "调解不成的原因",
    publicStep: "调解未成，已受理立案",
  },
  { name: "file", label: "受理并立案", from: ["received", "mediating"], to: "filed", by: INVESTIGATORS, publicStep: "已受理立案" },
  {
    name: "requestSupplement",
    label: "告知补正",
    from: ["received"],
    to: "awaiting_supplement",
    by: INVESTIGATORS,
    noteLabel: "需要补正的材料",
    publicStep: "已发出补正通知",
  },
  {
    name: "supplementReceived",
    label: "补正材料已收到",
    from: ["awaiting_supplement"],
    to: "received",
    by: ["clerk", ...INVESTIGATORS],
    publicStep: "已收到补正材料",
  },
  {
    name: "reject",
    label: "不予受理",
    from: ["received", "awaiting_supplement"],
    to: "closed",
    by: INVESTIGATORS,
    outcomes: ["rejected"],
    noteLabel: "不予受理的理由",
    publicStep: "不予受理，已书面告知",
  },
  {
    name: "redirect",
    label: "告知/移送",
    from: ["received", "awaiting_supplement"],
    to: "closed",
    by: INVESTIGATORS,
    outcomes: ["toArbitrationOrCourt", "referredToOtherDepartment"],
    noteLabel: "告知或移送的理由",
    publicStep: "已告知或移送有关机关处理",
  },
  {
    // Before filing only: a filed case is the bureau's investigation, ended by a 撤销立案 the supervisor approves
    // (revokeFiling) or carried on (docs/rules.md § Notices and records after acceptance).
    name: "withdraw",
    label: "投诉人撤回",
    from: ["received", "mediating", "awaiting_supplement"],
    to: "closed",
    by: ["clerk", ...INVESTIGATORS],
    outcomes: ["withdrawn"],
    noteLabel: "撤回情况",
    publicStep: "投诉人已撤回投诉",
  },
  {
    name: "revokeFiling",
    label: "撤销立案（科长批准）",
    from: ["filed"],
    to: "closed",
    by: ["supervisor"],
    outcomes: ["filingRevoked"],
    noteLabel: "撤销立案的理由（如投诉人撤回投诉，经审查无需继续查处；违法行为情节轻微且已改正）",
    publicStep: "经批准撤销立案，案件办结",
  },
  {
    name: "close",
    label: "结案",
    from: ["filed"],
    to: "closed",
    by: INVESTIGATORS,
    outcomes: ["paidAfterOrder", "administrativeDecision", "referredToPolice", "toArbitrationOrCourt", "referredToOtherDepartment", "emergencyFund"],
    noteLabel: "结案摘要",
    publicStep: "案件已办结",
    activity: true,
  },
  { name: "recordVisit", label: "记录现场检查", from: ["filed"], to: "same", by: INVESTIGATORS, activity: true, publicStep: "监察员已到用人单位现场检查" },
  {
    name: "recordPhoneContact",
    label: "记录电话联系用人单位",
    from: OPEN_STATES,
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "监察员已电话联系用人单位",
  },
  {
    name: "recordEmployerLetter",
    label: "记录函件往来",
    from: OPEN_STATES,
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "监察员已与用人单位书面联系",
  },
  {
    name: "completeEmployer",
    label: "补全被投诉单位信息",
    from: OPEN_STATES,
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已核实被投诉单位信息",
  },
  {
    name: "requestRecusal",
    label: "记录回避申请",
    from: OPEN_STATES,
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已收到办案人员回避申请",
  },
  {
    name: "decideRecusal",
    label: "决定是否回避",
    from: OPEN_STATES,
    to: "same",
    by: ["supervisor"],
    activity: true,
    publicStep: "已对回避申请作出决定",
  },
  { name: "recordMediation", label: "记录调解", from: ["mediating", "filed"], to: "same", by: INVESTIGATORS, activity: true, publicStep: "已组织调解" },
  {
    name: "settleByMediation",
    label: "快调化解结案",
    from: ["mediating"],
    to: "closed",
    by: INVESTIGATORS,
    outcomes: ["mediated"],
    activity: true,
    publicStep: "经快速调解，欠薪已支付，案件办结",
  },
  {
    name: "recordPayment",
    label: "登记支付",
    from: ["mediating", "filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "用人单位已支付部分或全部工资",
  },
  { name: "issueOrder", label: "责令限期支付", from: ["filed"], to: "same", by: INVESTIGATORS, activity: true, publicStep: "已责令用人单位限期支付" },
  {
    name: "recordInquiry",
    label: "制作询问笔录",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "监察员已询问有关人员并制作笔录",
  },
  {
    name: "serveOrder",
    label: "登记限期改正指令书送达",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已向用人单位送达限期改正指令书",
  },
  {
    name: "serveCaseNotice",
    label: "登记通知书送达",
    // The 告知补正 notice is served while the supplement is awaited (or after it came); 不予受理 and 告知 end the case.
    from: ["received", "awaiting_supplement", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已向投诉人送达通知书",
  },
  { name: "enforce", label: "逾期未付的处理", from: ["filed"], to: "same", by: INVESTIGATORS, activity: true, publicStep: "用人单位逾期未支付，已依法处理" },
  {
    name: "issuePriorNotice",
    label: "下达事先告知书",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已告知用人单位拟作出的处理决定，听取其陈述申辩",
  },
  {
    name: "servePriorNotice",
    label: "登记事先告知书送达",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已向用人单位送达事先告知书",
  },
  {
    name: "serveDecision",
    label: "登记行政处理决定书送达",
    // A case may be closed on the decision; its service, and the remedy windows that run from it, come after.
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已向用人单位送达行政处理决定书",
  },
  {
    name: "recordRemedy",
    label: "登记行政复议或行政诉讼",
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "用人单位对行政处理决定申请复议或提起诉讼",
  },
  {
    name: "recordRemedyOutcome",
    label: "登记复议或诉讼结果",
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "行政复议或行政诉讼已有结果",
  },
  {
    name: "courtEnforcement",
    label: "催告及申请人民法院强制执行",
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "用人单位逾期不履行处理决定，依法催告并申请人民法院强制执行",
  },
  {
    name: "followReferral",
    label: "登记移送公安的材料、接收和答复",
    // The administrative case goes on (or has closed) while the police decide.
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已登记移送公安机关的办理情况",
  },
  {
    name: "recordStatement",
    label: "记录陈述申辩及复核",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已听取用人单位陈述申辩",
  },
  {
    name: "escalate",
    label: "提请多方合办",
    from: OPEN_STATES,
    to: "same",
    by: ["supervisor"],
    activity: true,
    publicStep: "已提请根治欠薪工作专班多部门联合办理",
  },
  {
    name: "applyAdvance",
    label: "申请应急周转金垫付",
    from: ["filed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已申请应急周转金先行垫付工资",
  },
  {
    name: "decideAdvance",
    label: "审批应急周转金垫付",
    from: ["filed"],
    to: "same",
    by: ["supervisor"],
    activity: true,
    publicStep: "应急周转金垫付申请已审批",
  },
  {
    name: "payAdvance",
    label: "登记应急周转金垫付",
    from: ["filed"],
    to: "same",
    by: ["supervisor"],
    activity: true,
    publicStep: "应急周转金已先行垫付工资",
  },
  {
    name: "recordAdvanceRecovery",
    label: "登记垫付款追偿收回",
    // Recovery from the employer or the 总包 goes on after the case closed on the advance.
    from: ["filed", "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已向欠薪单位追偿垫付款",
  },
  {
    // Another department's matter (docs/rules.md §移送其他部门): the case stays open at the office, which follows it.
    name: "transferToDepartment",
    label: "移（转）送其他部门",
    from: OPEN_STATES,
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "已将有关材料移送相关部门处理",
  },
  {
    // The department's 签收 and reply may come after the case closed as 移送其他部门.
    name: "recordDepartmentReceipt",
    label: "登记接收部门签收",
    from: [...OPEN_STATES, "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "相关部门已签收移送材料",
  },
  {
    name: "recordDepartmentReply",
    label: "登记接收部门答复",
    from: [...OPEN_STATES, "closed"],
    to: "same",
    by: INVESTIGATORS,
    activity: true,
    publicStep: "相关部门已答复办理情况",
  },
  { name: "reopen", label: "重新办理", from: ["closed"], to: "previous", by: ["supervisor"], noteLabel: "重新办理的理由", publicStep: "案件重新办理" },
] as const satisfies readonly MoveSpec[];

export type MoveName = (typeof MOVE_TABLE)[number]["name"];
export type Move = MoveSpec & { name: MoveName };
/** The table of moves, in the order the case page offers them; MOVE_NAMES and MoveName follow from it. */
export const MOVES: readonly Move[] = MOVE_TABLE;
export const MOVE_NAMES: readonly MoveName[] = MOVES.map((m) => m.name);

/** Where a move leaves the case. `previous` is the state the case was closed from. */
export function targetState(move: Move, from: CaseState, closedFrom: CaseState | null): CaseState {
  if (move.to === "same") return from;
  if (move.to === "previous") return closedFrom ?? "filed";
  return move.to;
}

export class InvalidMoveError extends DomainError {
  override readonly status = 409;
}

export function isOpen(state: CaseState): boolean {
  return OPEN_STATES.includes(state);
}

/** Before a decision on acceptance: the acceptance clock applies. */
export function isBeforeAcceptance(state: CaseState): boolean {
  return BEFORE_ACCEPTANCE_STATES.includes(state);
}

/**
 * Whether mediation sessions, orders or payments can exist: 登记 and 待补正 are never reached again once a
 * case was 快调 or 立案 (a reopened case returns to the state it was closed from), so a case in them has none.
 */
export function mayHaveSettlements(state: CaseState): boolean {
  return state !== "received" && state !== "awaiting_supplement";
}

/** The timeline's words for what is recorded besides the moves of the table. */
const OTHER_EVENT_LABELS: Record<string, string> = {
  register: "登记",
  assign: "分配承办",
  extend: "延长期限",
  evidence: "上传证据",
  voidEvidence: "证据作废",
  answerTask: "专班单位答复",
  blacklist: "失信名单",
  rate: "劳动者评价",
  followup: "差评回访",
};

/** What the timeline calls a recorded event. */
export function eventLabel(action: string): string {
  return OTHER_EVENT_LABELS[action] ?? getMove(action)?.label ?? action;
}

export function isAwaitingSupplement(state: CaseState): boolean {
  return AWAITING_SUPPLEMENT_STATES.includes(state);
}

export function isMediating(state: CaseState): boolean {
  return MEDIATING_STATES.includes(state);
}

export function isFiled(state: CaseState): boolean {
  return FILED_STATES.includes(state);
}

export function getMove(name: string): Move | undefined {
  return MOVES.find((m) => m.name === name);
}

/**
 * The move, if the state machine allows it from this state with this outcome; otherwise an error that says
 * why, in Chinese. Whether this viewer may make it is case-abilities.ts's question.
 */
export function assertMove(state: CaseState, name: string, outcome?: Outcome): Move {
  const move = getMove(name);
  if (!move) throw new InvalidMoveError("未知的办理操作。");
  if (!move.from.includes(state)) {
    throw new InvalidMoveError(`案件当前状态为“${STATE_LABELS[state]}”，不能“${move.label}”。`);
  }
  if (move.outcomes && !(outcome && move.outcomes.includes(outcome))) {
    // An outcome that belongs to another move (撤销立案 is the supervisor's approval, not a closing) names that move.
    const owner = outcome ? MOVES.find((m) => m.outcomes?.includes(outcome)) : undefined;
    if (owner) throw new InvalidMoveError(`“${OUTCOME_LABELS[outcome!]}”须通过“${owner.label}”办理。`);
    throw new InvalidMoveError(`请选择“${move.label}”的办结方式。`);
  }
  return move;
}
