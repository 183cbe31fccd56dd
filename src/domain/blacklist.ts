/**
 * The wage-arrears blacklist (失信联合惩戒名单), 人社部令第45号; docs/rules.md § Publication of violators.
 * - Scope (第一条, 第五条; 保障农民工工资支付条例 第四十八条): 农民工 wages only — an order that found other
 *   workers' wages owed cannot ground a listing.
 * - Grounds (第五条), both required: arrears at the threshold of 拒不支付劳动报酬罪 (one worker owed 3+
 *   months totalling ≥ a set amount, or 10+ workers owed ≥ a set total; each province fixes the figures
 *   within ¥5,000–20,000 / ¥30,000–100,000) or a mass/extreme incident; and an order to pay whose pay-by
 *   date passed unpaid.
 * - Notice and objection (第六条): every party (当事人: the employer and each person listed with it) is
 *   served on its own and may object within 5 working days of its own service; verified within 5.
 * - No listing (第七条) when paid in full and a written credit pledge is signed before the decision: the
 *   article says the bureau *may* (可以) not list, so it is a supervisor's decision.
 * - Decision (第八条) within 20 working days after the order's pay-by date, +20 for complex cases; the
 *   extension is granted inside the 20 days, and a decision after the period needs the reason on record.
 * - Term (第十一条) 3 years from the decision; the last day is the corresponding date (民法典 第二百零一条、
 *   第二百零二条: the start day is not counted, a missing corresponding day falls back to the month's end).
 * - Early removal (第十二–十四条): ≥ 6 months after the arrears were corrected, with a pledge, no new
 *   arrears, no criminal proceedings; decided within 15 working days.
 * - Reversal (第十五–十六条): removal obtained by deceit is revoked and the 3 years start again.
 * - Removal (第十七条): the entry leaves the public page within 10 working days (we do it at once).
 * Pure: the caller passes today, the calendar and the settings.
 */
import { runningStatus, type ClockStatus } from "./clocks.js";
import { addMonths, type IsoDate } from "./dates.js";
import type { Relation } from "./case-abilities.js";
import type { WorkingCalendar } from "./working-days.js";
import { orderNotServedProblem } from "./money.js";

export const OBJECTION_DAYS = 5;
export const VERIFICATION_DAYS = 5;
export const DECISION_DAYS = 20;
export const DECISION_EXTENSION_DAYS = 20;
export const TERM_MONTHS = 36;
export const EARLY_REMOVAL_WAIT_MONTHS = 6;
export const EARLY_REMOVAL_DECISION_DAYS = 15;
export const REMOVAL_DAYS = 10;
export const MIN_MONTHS_OWED = 3;
export const MIN_GROUP_WORKERS = 10;

/** Legal ranges of the thresholds (fen), within which the province's figures are a setting. */
export const ONE_WORKER_RANGE_FEN = [500_000, 2_000_000] as const;
export const GROUP_RANGE_FEN = [3_000_000, 10_000_000] as const;

export interface Thresholds {
  oneWorkerFen: number;
  groupFen: number;
}

export function thresholdsProblem(t: Thresholds): string | null {
  const inRange = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!inRange(t.oneWorkerFen, ONE_WORKER_RANGE_FEN)) return "单个劳动者的数额标准应在 5000 元至 20000 元之间";
  if (!inRange(t.groupFen, GROUP_RANGE_FEN)) return "十人以上的数额标准应在 30000 元至 100000 元之间";
  return null;
}

export const STAGES = ["proposed", "approved", "noticed", "refused", "notListed", "listed", "removed"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  proposed: "待审批",
  approved: "告知书待送达",
  noticed: "告知书已送达",
  refused: "程序终止（不予列入）",
  notListed: "不予列入",
  listed: "已列入",
  removed: "已移出",
};

export const GROUNDS = ["oneWorker", "group", "incident"] as const;
export type GroundsKind = (typeof GROUNDS)[number];
export const GROUNDS_LABELS: Record<GroundsKind, string> = {
  oneWorker: "拖欠一名劳动者三个月以上的劳动报酬，数额达到标准",
  group: "拖欠十名以上劳动者的劳动报酬，数额达到标准",
  incident: "因拖欠工资引发群体性事件、极端事件，造成严重不良社会影响",
};

export const REMOVAL_KINDS = ["early", "revoked"] as const;
export type RemovalKind = (typeof REMOVAL_KINDS)[number] | "expired";
export const REMOVAL_LABELS: Record<RemovalKind, string> = { early: "提前移出", revoked: "撤销列入", expired: "期满移出" };

export const PERSON_ROLES = ["legalRep", "supervisor", "other"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  legalRep: "法定代表人/主要负责人",
  supervisor: "直接负责的主管人员",
  other: "其他直接责任人员",
};

// ---- Proposal (第五条) ------------------------------------------------------------------------

export interface OrderDue {
  docNumber: string;
  payBy: IsoDate;
  /** The order's recorded service: its period runs from it (docs/rules.md § Service of documents). */
  servedOn: IsoDate | null;
  /** What the order found: 农民工 wages, or other workers' wages (domain/legal-basis.ts VIOLATIONS). */
  violation: "migrantWorkers" | "general";
  /** Per worker, what the order asks and what was paid. */
  items: readonly { amountFen: number; paidFen: number }[];
}

export type Grounds = { kind: "oneWorker"; monthsOwed: number } | { kind: "group" } | { kind: "incident"; description: string };

export function unpaidOf(order: OrderDue): { totalFen: number; largestFen: number; workers: number } {
  const unpaid = order.items.map((i) => Math.max(0, i.amountFen - i.paidFen)).filter((f) => f > 0);
  return { totalFen: unpaid.reduce((s, f) => s + f, 0), largestFen: Math.max(0, ...unpaid), workers: unpaid.length };
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString("zh-CN")} 元`;

/** Why a proposal may not be made, or null: both grounds of 第五条 must hold. */
export function proposalProblem(order: OrderDue | null, grounds: Grounds, today: IsoDate, t: Thresholds): string | null {
  if (!order) return "须先下达限期改正指令书（责令限期支付），逾期未支付的才能提请列入";
  if (order.violation !== "migrantWorkers")
    return "失信联合惩戒名单只适用于拖欠农民工工资（《保障农民工工资支付条例》第四十八条，人社部令第45号第一条、第五条）；该指令书认定的是拖欠其他劳动者工资，不能提请列入";
  const notServed = orderNotServedProblem(order);
  if (notServed) return notServed;
  if (today <= order.payBy) return `指令书限期（${order.payBy}）尚未届满，届满仍未支付的才能提请列入`;
  const unpaid = unpaidOf(order);
  if (unpaid.totalFen === 0) return "指令书所列工资已足额支付，不能提请列入";
  switch (grounds.kind) {
    case "oneWorker":
      if (!(grounds.monthsOwed >= MIN_MONTHS_OWED)) return `按单个劳动者提请的，须拖欠 ${MIN_MONTHS_OWED} 个月以上的劳动报酬`;
      if (unpaid.largestFen < t.oneWorkerFen) return `未付金额最多的劳动者欠 ${yuan(unpaid.largestFen)}，未达到 ${yuan(t.oneWorkerFen)}的数额标准`;
      return null;
    case "group":
      if (unpaid.workers < MIN_GROUP_WORKERS) return `仍被拖欠的劳动者为 ${unpaid.workers} 人，不足 ${MIN_GROUP_WORKERS} 人`;
      if (unpaid.totalFen < t.groupFen) return `未付总额 ${yuan(unpaid.totalFen)}，未达到 ${yuan(t.groupFen)}的数额标准`;
      return null;
    case "incident":
      return grounds.description.trim() ? null : "请写明引发的群体性事件或极端事件及其社会影响";
  }
}

// ---- Timers ----------------------------------------------------------------------------------

/** The last day to object: 5 working days after the notice was served (第六条). */
export function objectionDeadline(servedOn: IsoDate, cal: WorkingCalendar): IsoDate {
  return cal.addWorkingDays(servedOn, OBJECTION_DAYS).date;
}

export function verificationDeadline(objectionOn: IsoDate, cal: WorkingCalendar): IsoDate {
  return cal.addWorkingDays(objectionOn, VERIFICATION_DAYS).date;
}

/** The decision is due 20 (+20) working days after the order's pay-by date (第八条). */
export function decisionDeadline(payBy: IsoDate, extended: boolean, cal: WorkingCalendar): IsoDate {
  return cal.addWorkingDays(payBy, DECISION_DAYS + (extended ? DECISION_EXTENSION_DAYS : 0)).date;
}

/** The last day of the listing, 3 years from `startOn` (the decision, or a reversal). */
export function termEnd(startOn: IsoDate): IsoDate {
  return addMonths(startOn, TERM_MONTHS);
}

export function earlyRemovalEligibleOn(correctedOn: IsoDate): IsoDate {
  return addMonths(correctedOn, EARLY_REMOVAL_WAIT_MONTHS);
}

export function earlyRemovalDeadline(appliedOn: IsoDate, cal: WorkingCalendar): IsoDate {
  return cal.addWorkingDays(appliedOn, EARLY_REMOVAL_DECISION_DAYS).date;
}

export function removalDeadline(eventOn: IsoDate, cal: WorkingCalendar): IsoDate {
  return cal.addWorkingDays(eventOn, REMOVAL_DAYS).date;
}

// ---- Parties ---------------------------------------------------------------------------------

/**
 * A 当事人 of the proceeding: the employer, or a person listed with it. Each is served on its own and may
 * object on its own (第六条), so each carries its own service and objection dates.
 */
export interface PartyFacts {
  /** `employer`, or `person:<id>`. */
  key: string;
  name: string;
  noticeServedOn: IsoDate | null;
  objectionOn: IsoDate | null;
  answeredOn: IsoDate | null;
  /** Service of the 列入决定书 on this party (its remedy periods run from it). */
  decisionServedOn: IsoDate | null;
  /** Service of the 移出决定书 of an early removal on this party. */
  removalServedOn: IsoDate | null;
}

export const EMPLOYER_PARTY = "employer";
export const personParty = (personId: number) => `person:${personId}`;

// ---- Guards ----------------------------------------------------------------------------------

export interface ProceedingFacts {
  stage: Stage;
  orderPayBy: IsoDate;
  decisionExtended: boolean;
  parties: readonly PartyFacts[];
  decisionOn: IsoDate | null;
  termStartsOn: IsoDate | null;
  termEndsOn: IsoDate | null;
  removedOn: IsoDate | null;
  removalKind: (typeof REMOVAL_KINDS)[number] | null;
  /** The 文号 of the 移出决定书 an early removal issued (null for removals granted before it was numbered). */
  removalNumber: string | null;
  earlyAppliedOn: IsoDate | null;
  /** The decision's last day as it stands today (20, or 40 once extended, working days after the pay-by date). */
  decisionDueOn: IsoDate;
}

/** The parties not yet served with the notice. */
export function unservedParties(p: Pick<ProceedingFacts, "parties">): PartyFacts[] {
  return p.parties.filter((x) => !x.noticeServedOn);
}

/** The last day any party may still object: the latest of the parties' own windows; null until all are served. */
export function lastObjectionDay(p: Pick<ProceedingFacts, "parties">, cal: WorkingCalendar): IsoDate | null {
  if (p.parties.length === 0 || unservedParties(p).length > 0) return null;
  return p.parties.map((x) => objectionDeadline(x.noticeServedOn!, cal)).reduce((a, b) => (a > b ? a : b));
}

/** The notice may be served on a party once approved, once per party, not before approval nor in the future. */
export function noticeServiceProblem(p: Pick<ProceedingFacts, "stage" | "parties">, partyKey: string, approvedOn: IsoDate | null): string | null {
  if (p.stage !== "approved" || !approvedOn) return "只有经审批、尚未送达全部当事人的告知书才能登记送达";
  const party = p.parties.find((x) => x.key === partyKey);
  if (!party) return "请选择受送达的当事人";
  if (party.noticeServedOn) return `已登记过向${party.name}送达告知书`;
  return null;
}

/** An objection is taken from a served party, within that party's own window, once. */
export function objectionProblem(p: ProceedingFacts, partyKey: string, objectionOn: IsoDate, today: IsoDate, cal: WorkingCalendar): string | null {
  if (!isPending(p.stage)) return "本程序已结束，不能再登记异议";
  const party = p.parties.find((x) => x.key === partyKey);
  if (!party) return "请选择提出异议的当事人";
  if (!party.noticeServedOn) return `告知书送达${party.name}后才能登记其异议`;
  if (party.objectionOn) return `已登记过${party.name}的异议`;
  if (objectionOn < party.noticeServedOn || objectionOn > today) return "异议日期应在送达日期与今天之间";
  const last = objectionDeadline(party.noticeServedOn, cal);
  if (objectionOn > last) return `${party.name}的异议期已于 ${last} 届满，逾期提出的异议不予登记`;
  return null;
}

/** The extension (第八条) is granted inside the first 20 working days, once. */
export function extensionProblem(p: Pick<ProceedingFacts, "decisionExtended" | "decisionDueOn">, today: IsoDate): string | null {
  if (p.decisionExtended) return "决定期限已延长过一次";
  if (today > p.decisionDueOn) return `列入决定期限已于 ${p.decisionDueOn} 届满，届满后不能再延长（人社部令第45号第八条：延长须在期限内批准）`;
  return null;
}

/** Past the decision period while still pending: on the board as late. */
export function isDecisionLate(p: Pick<ProceedingFacts, "stage" | "decisionDueOn">, today: IsoDate): boolean {
  return isPending(p.stage) && today > p.decisionDueOn;
}

/**
 * Why the decision may not be made today, or null (第六条, 第八条): every party served, every party's
 * objection window over, every objection answered; after the decision period only with the reason recorded.
 */
export function decisionProblem(p: ProceedingFacts, today: IsoDate, cal: WorkingCalendar, lateReason = ""): string | null {
  if (p.stage === "proposed") return "提请尚未审批，告知书送达后才能作出列入决定";
  if (!isPending(p.stage)) return "本程序已结束，不能再作出列入决定";
  const unserved = unservedParties(p);
  if (unserved.length > 0) return `告知书尚未送达：${unserved.map((x) => x.name).join("、")}；送达全部当事人后才能作出决定`;
  const last = lastObjectionDay(p, cal)!;
  if (today <= last) return `异议期至 ${last} 届满，届满后才能作出决定`;
  const waiting = p.parties.filter((x) => x.objectionOn && !x.answeredOn);
  if (waiting.length > 0) return `${waiting.map((x) => x.name).join("、")}提出了异议，须先核实并答复`;
  if (today > p.decisionDueOn && !lateReason.trim())
    return `列入决定期限已于 ${p.decisionDueOn} 届满（人社部令第45号第八条）；逾期作出决定须由科长写明逾期的理由`;
  return null;
}

export function isPending(stage: Stage): boolean {
  return stage === "proposed" || stage === "approved" || stage === "noticed";
}

/** Listed and within the term: on the public page. Past the term it drops off by date alone. */
export function isCurrentlyListed(p: Pick<ProceedingFacts, "stage" | "decisionOn" | "termEndsOn">, today: IsoDate): boolean {
  return p.stage === "listed" && p.decisionOn !== null && p.termEndsOn !== null && p.decisionOn <= today && today <= p.termEndsOn;
}

export interface EarlyRemovalFacts {
  correctedOn: IsoDate;
  pledged: boolean;
  newArrears: boolean;
  criminalProceedings: boolean;
}

/** Why early removal may not be granted on `today`, or null (第十二–十四条). */
export function earlyRemovalProblem(p: ProceedingFacts, f: EarlyRemovalFacts, today: IsoDate): string | null {
  if (!isCurrentlyListed(p, today)) return "只有名单期内的对象可以申请提前移出";
  if (f.correctedOn > today) return "改正日期不能晚于今天";
  if (!f.pledged) return "须签署书面信用承诺";
  if (f.newArrears) return "列入期间有新的拖欠工资违法行为，不予提前移出";
  if (f.criminalProceedings) return "因拒不支付劳动报酬被追究刑事责任或正在诉讼中，不予提前移出";
  const eligible = earlyRemovalEligibleOn(f.correctedOn);
  if (today < eligible) return `自改正之日（${f.correctedOn}）起满 6 个月（${eligible}）后才能提前移出`;
  return null;
}

/** What a removal granted before the 移出决定书 had a 文号 shows in its place (docs/rules.md “The 移出决定书 after a reversal, and removals before numbering”). */
export const UNNUMBERED_REMOVAL = "（未编号，系统出具移出决定书前作出）";

/**
 * The 移出决定书 of an early removal as the proceeding page names it: its 文号, or for a removal granted before the
 * document was numbered (migration 0049) the words saying so — it is not numbered after the fact; null when the
 * proceeding has no early removal.
 */
export function removalDocumentLabel(p: Pick<ProceedingFacts, "stage" | "removalKind" | "removalNumber">): string | null {
  if (p.stage !== "removed" || p.removalKind !== "early") return null;
  return p.removalNumber ?? UNNUMBERED_REMOVAL;
}

/** The listing's status as the public and supervisors see it today: removed by date once the term ends. */
export function effectiveRemoval(
  p: Pick<ProceedingFacts, "stage" | "termEndsOn" | "removedOn" | "removalKind">,
  today: IsoDate,
): { kind: RemovalKind; on: IsoDate } | null {
  if (p.stage === "removed" && p.removedOn && p.removalKind) return { kind: p.removalKind, on: p.removedOn };
  if (p.stage === "listed" && p.termEndsOn && today > p.termEndsOn) return { kind: "expired", on: p.termEndsOn };
  return null;
}

// ---- Clocks shown to supervisors ----------------------------------------------------------------

export interface ProceedingClock {
  label: string;
  dueOn: IsoDate;
  left: number;
  status: ClockStatus;
}

function running(label: string, startOn: IsoDate, dueOn: IsoDate, today: IsoDate, cal: WorkingCalendar): ProceedingClock {
  const total = Math.max(1, cal.workingDaysBetween(startOn, dueOn).days);
  const left = cal.workingDaysBetween(today, dueOn).days;
  return { label, dueOn, left, status: runningStatus(total - left, left, total) };
}

/** The clocks running now: each party's objection window and answer, the decision, early removal, term end. */
export function proceedingClocks(p: ProceedingFacts, today: IsoDate, cal: WorkingCalendar): ProceedingClock[] {
  const out: ProceedingClock[] = [];
  if (isPending(p.stage)) {
    for (const x of p.parties) {
      if (x.noticeServedOn && !x.objectionOn && today <= objectionDeadline(x.noticeServedOn, cal))
        out.push(running(`异议期（${x.name}）`, x.noticeServedOn, objectionDeadline(x.noticeServedOn, cal), today, cal));
      if (x.objectionOn && !x.answeredOn) out.push(running(`异议核实答复（${x.name}）`, x.objectionOn, verificationDeadline(x.objectionOn, cal), today, cal));
    }
    out.push(running(p.decisionExtended ? "列入决定（已延长）" : "列入决定", p.orderPayBy, p.decisionDueOn, today, cal));
  }
  if (p.stage === "listed" && p.earlyAppliedOn) out.push(running("提前移出决定", p.earlyAppliedOn, earlyRemovalDeadline(p.earlyAppliedOn, cal), today, cal));
  if (isCurrentlyListed(p, today) && p.termEndsOn) {
    const left = cal.workingDaysBetween(today, p.termEndsOn).days;
    out.push({ label: "名单期满", dueOn: p.termEndsOn, left, status: left <= 20 ? "dueSoon" : "normal" });
  }
  return out;
}

// ---- Who may do what ----------------------------------------------------------------------------

/** How the viewer stands to the proceeding's case (domain/case-abilities.ts). */
export interface BlacklistViewer {
  relation: Relation;
}

const isSupervisor = (v: BlacklistViewer) => v.relation === "supervisor";
/** The inspectors working the case, and supervisors. */
const worksCase = (v: BlacklistViewer) => v.relation === "supervisor" || v.relation === "assignedInspector";
const isInspectorOrSupervisor = (v: BlacklistViewer) => worksCase(v) || v.relation === "otherInspector";

export interface BlacklistAbilities {
  view: boolean;
  /** Works the proceeding: sees the listed persons' ID numbers in full and prints the notice and decision. */
  work: boolean;
  propose: boolean;
  approve: boolean;
  /** Ends a pending proceeding without listing: the proposal is refused, an objection upheld, the order revoked. */
  end: boolean;
  /** Records service of the notice on a party not yet served. */
  serve: boolean;
  recordObjection: boolean;
  answerObjection: boolean;
  /** 不予列入 under 第七条 (paid in full and pledged): a discretionary decision, the supervisor's. */
  notList: boolean;
  extend: boolean;
  decide: boolean;
  /** Records service of the 列入决定书 on a party not yet served with it. */
  serveDecision: boolean;
  /** Records service of the 移出决定书 (early removal) on a party not yet served with it. */
  serveRemoval: boolean;
  applyEarlyRemoval: boolean;
  decideEarlyRemoval: boolean;
  revoke: boolean;
  reverse: boolean;
}

/** Steps that record what happened (the inspectors working the case may take them); the rest decide. */
const RECORDING_STEPS: readonly (keyof BlacklistAbilities)[] = [
  "work",
  "propose",
  "serve",
  "recordObjection",
  "serveDecision",
  "serveRemoval",
  "applyEarlyRemoval",
];

/** Whether the viewer holds the role for a step at all, whatever stage the proceeding is in. */
export function mayTakeStep(viewer: BlacklistViewer, step: keyof BlacklistAbilities): boolean {
  if (RECORDING_STEPS.includes(step)) return worksCase(viewer);
  return step === "view" ? isInspectorOrSupervisor(viewer) : isSupervisor(viewer);
}

/**
 * Proposing, and recording what the parties did (service, objection, application), is for the inspectors
 * working the case and supervisors; approving, answering, deciding (不予列入 included) and removing is for
 * supervisors (docs/rules.md § Publication of violators). `p` is null when no proceeding exists yet (may
 * this viewer propose?).
 */
export function blacklistAbilities(viewer: BlacklistViewer, p: ProceedingFacts | null, today: IsoDate): BlacklistAbilities {
  const supervisor = isSupervisor(viewer);
  const worker = worksCase(viewer);
  const stage = p?.stage;
  const pending = stage !== undefined && isPending(stage);
  const current = p ? isCurrentlyListed(p, today) : false;
  const parties = p?.parties ?? [];
  return {
    view: isInspectorOrSupervisor(viewer),
    work: worker,
    propose: worker && p === null,
    approve: supervisor && stage === "proposed",
    end: supervisor && pending,
    serve: worker && stage === "approved" && parties.some((x) => !x.noticeServedOn),
    recordObjection: worker && pending && parties.some((x) => x.noticeServedOn && !x.objectionOn),
    answerObjection: supervisor && pending && parties.some((x) => x.objectionOn && !x.answeredOn),
    notList: supervisor && (stage === "approved" || stage === "noticed"),
    extend: supervisor && pending && p !== null && extensionProblem(p, today) === null,
    decide: supervisor && stage === "noticed",
    serveDecision: worker && Boolean(p?.decisionOn) && parties.some((x) => !x.decisionServedOn),
    serveRemoval: worker && stage === "removed" && p?.removalKind === "early" && Boolean(p.removalNumber) && parties.some((x) => !x.removalServedOn),
    applyEarlyRemoval: worker && current && !p?.earlyAppliedOn,
    decideEarlyRemoval: supervisor && current && Boolean(p?.earlyAppliedOn),
    revoke: supervisor && current,
    reverse: supervisor && stage === "removed" && p?.removalKind === "early",
  };
}
