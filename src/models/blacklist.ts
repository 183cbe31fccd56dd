/**
 * Blacklist proceedings (失信联合惩戒名单): proposal, approval, notice, objection, decision, publication and
 * removal. The rules are in domain/blacklist.ts; here each step checks them inside one transaction, keeps
 * the record (nothing is deleted), writes an audit row and a line on the case's timeline.
 */
import { and, asc, desc, eq, gte, inArray, like, lte, or, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.js";
import { blacklistObjections, blacklistPersons, caseWorkers, blacklistProceedings, cases, paymentOrders, settlementItems, users } from "../db/schema.js";
import {
  EMPLOYER_PARTY,
  PERSON_ROLE_LABELS,
  STAGE_LABELS,
  blacklistAbilities,
  decisionDeadline,
  decisionProblem,
  extensionProblem,
  isDecisionLate,
  mayTakeStep,
  earlyRemovalProblem,
  noticeServiceProblem,
  objectionProblem,
  personParty,
  proposalProblem,
  termEnd,
  unpaidOf,
  type BlacklistAbilities,
  type Grounds,
  type PartyFacts,
  type PersonRole,
  type ProceedingFacts,
  type Stage,
  type Thresholds,
} from "../domain/blacklist.js";
import { SERVICE_METHOD_LABELS, type ServiceInput } from "../domain/service.js";
import type { Viewer } from "../domain/case-abilities.js";
import { addDays, isIsoDate, shanghaiDate, yearOf, type IsoDate } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { idNumberProblem } from "../domain/identifiers.js";
import { maskIdNumber, personalDataIn } from "../domain/masking.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { recordAudit } from "./audit.js";
import { recordPersonalDataView } from "./personal-data-views.js";
import { abilitiesOn, addEvent, getCaseRow } from "./cases.js";
import { loadCalendar } from "./calendar.js";
import { nextDocumentNumber } from "./document-numbers.js";
import { recordDocumentService, serviceOfEach, servicesOf } from "./document-services.js";

export type ProceedingRow = typeof blacklistProceedings.$inferSelect;

export interface PersonInput {
  role: PersonRole;
  name: string;
  idNumber: string;
}

export interface ProposalInput {
  caseId: number;
  orderId: number;
  grounds: Grounds;
  facts: string;
  persons: PersonInput[];
}

/** How the viewer stands to the case, from the one abilities table. */
function standing(tx: DbOrTx, caseId: number, viewer: Viewer) {
  return { relation: abilitiesOn(tx, getCaseRow(tx, caseId), viewer).relation };
}

/** What this viewer may do on this proceeding (or, with null, whether they may propose on the case). */
export function blacklistAbilitiesOn(tx: DbOrTx, viewer: Viewer, caseId: number, p: ProceedingFacts | null, today: IsoDate): BlacklistAbilities {
  return blacklistAbilities(standing(tx, caseId, viewer), p, today);
}

/**
 * Refuses a step: 403 when the viewer may never take it, otherwise the rule that stops it now (`why`), or
 * the stage when no rule says more.
 */
function refuse(tx: DbOrTx, viewer: Viewer, caseId: number, step: keyof BlacklistAbilities, stage: Stage | null, why: string | null = null): never {
  if (!mayTakeStep(standing(tx, caseId, viewer), step))
    throw new ForbiddenError(
      step === "notList"
        ? "不予列入由科长决定：人社部令第45号第七条规定的是“可以不予列入”，属于裁量决定，监察员不能登记。"
        : "您不能进行此操作：提请和登记由承办本案的监察员或科长办理，审批、决定和移出由科长办理。",
    );
  throw new ValidationError(why ?? (stage ? `本程序现为“${STAGE_LABELS[stage]}”，不能进行此操作` : "不能进行此操作"));
}

/** The order with each worker's amount and what was paid: the facts both grounds are checked on. */
export function orderDue(tx: DbOrTx, caseId: number, orderId: number) {
  const order = tx
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.id, orderId), eq(paymentOrders.caseId, caseId)))
    .get();
  if (!order) return null;
  const items = tx
    .select({
      amountFen: settlementItems.amountFen,
      paidFen: sql<number>`(select coalesce(sum(p.amount_fen), 0) from payments p where p.item_id = "settlement_items"."id")`,
    })
    .from(settlementItems)
    .where(and(eq(settlementItems.source, "order"), eq(settlementItems.sourceId, order.id)))
    .all();
  return { ...order, servedOn: serviceOfEach(tx, "paymentOrder", [order.id]).get(order.id)?.servedOn ?? null, items };
}

/** An employer with a proceeding under way or a current listing: no second proceeding alongside it. */
function openProceedingFor(tx: DbOrTx, employer: { name: string; uscc: string | null }, today: IsoDate) {
  const sameEmployer = employer.uscc ? eq(blacklistProceedings.employerUscc, employer.uscc) : eq(blacklistProceedings.employerName, employer.name);
  return tx
    .select({ id: blacklistProceedings.id })
    .from(blacklistProceedings)
    .where(
      and(
        sameEmployer,
        or(
          inArray(blacklistProceedings.stage, ["proposed", "approved", "noticed"]),
          and(eq(blacklistProceedings.stage, "listed"), gte(blacklistProceedings.termEndsOn, today)),
        ),
      ),
    )
    .get();
}

/** Before a proposal form is even read: 403 unless the viewer works the case (or supervises). */
export function assertMayPropose(db: Db, viewer: Viewer, caseId: number, today: IsoDate): void {
  if (!blacklistAbilitiesOn(db, viewer, caseId, null, today).propose) refuse(db, viewer, caseId, "propose", null);
}

export function proposeListing(db: Db, req: { input: ProposalInput; thresholds: Thresholds; actor: Viewer; now: Date }): number {
  const today = shanghaiDate(req.now);
  const { input } = req;
  return db.transaction((tx) => {
    const c = getCaseRow(tx, input.caseId);
    assertMayPropose(db, req.actor, c.id, today);
    const order = orderDue(tx, c.id, input.orderId);
    const problem = proposalProblem(order, input.grounds, today, req.thresholds);
    if (problem || !order) throw new ValidationError(problem ?? "指令书不存在");
    if (!input.facts.trim()) throw new ValidationError("请填写违法事实");
    // The facts are published with the listing: no personal data of anyone but the persons listed.
    const workerNames = tx.select({ name: caseWorkers.name }).from(caseWorkers).where(eq(caseWorkers.caseId, c.id)).all();
    const personal = personalDataIn(
      [input.facts, input.grounds.kind === "incident" ? input.grounds.description : ""].join("\n"),
      workerNames.map((w) => w.name),
    );
    if (personal) throw new ValidationError(`违法事实将随名单公示，其中含有${personal}，请删除后再提请`);
    checkPersons(input.persons);
    const open = openProceedingFor(tx, { name: c.employerName, uscc: c.employerUscc }, today);
    if (open) throw new ValidationError(`该单位已有进行中的失信程序或在名单期内（程序 #${open.id}）`);
    const unpaid = unpaidOf(order);
    const { id } = tx
      .insert(blacklistProceedings)
      .values({
        caseId: c.id,
        orderId: order.id,
        stage: "proposed",
        employerName: c.employerName,
        employerUscc: c.employerUscc,
        employerAddress: c.employerAddress,
        grounds: input.grounds.kind,
        monthsOwed: input.grounds.kind === "oneWorker" ? input.grounds.monthsOwed : null,
        unpaidFen: unpaid.totalFen,
        unpaidWorkers: unpaid.workers,
        facts: [input.facts.trim(), input.grounds.kind === "incident" ? input.grounds.description.trim() : ""].filter(Boolean).join("\n"),
        proposedById: req.actor.id,
        proposedOn: today,
        updatedAt: req.now,
      })
      .returning({ id: blacklistProceedings.id })
      .get();
    tx.insert(blacklistPersons)
      .values(input.persons.map((p) => ({ proceedingId: id, role: p.role, name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase() })))
      .run();
    log(tx, { id, caseId: c.id }, req.actor, req.now, "提请列入失信联合惩戒名单", `依据指令书 ${order.docNumber}（限 ${order.payBy} 前支付）`);
    return id;
  });
}

function checkPersons(persons: readonly PersonInput[]): void {
  if (!persons.some((p) => p.role === "legalRep")) throw new ValidationError("请填写法定代表人或主要负责人");
  for (const p of persons) {
    if (!p.name.trim()) throw new ValidationError("请填写当事人姓名");
    if (idNumberProblem(p.idNumber.trim())) throw new ValidationError(`${p.name}的身份证号码不正确`);
  }
}

function log(tx: DbOrTx, p: { id: number; caseId: number }, actor: Viewer, now: Date, action: string, detail = ""): void {
  recordAudit(tx, { actorId: actor.id, subject: `blacklist:${p.id}`, action, detail, at: now });
  addEvent(tx, { caseId: p.caseId, actorId: actor.id, action: "blacklist", note: `失信名单程序 #${p.id}：${action}${detail ? `（${detail}）` : ""}`, now });
}

/** The parties (employer first, then the persons) of some proceedings, with their service and objection dates. */
function partiesOf(tx: DbOrTx, rows: readonly Pick<ProceedingRow, "id" | "employerName" | "removalNumber">[]): Map<number, PartyFacts[]> {
  const ids = rows.map((r) => r.id);
  const persons = ids.length
    ? tx
        .select({ id: blacklistPersons.id, proceedingId: blacklistPersons.proceedingId, name: blacklistPersons.name, role: blacklistPersons.role })
        .from(blacklistPersons)
        .where(inArray(blacklistPersons.proceedingId, ids))
        .orderBy(asc(blacklistPersons.id))
        .all()
    : [];
  const objections = ids.length ? tx.select().from(blacklistObjections).where(inArray(blacklistObjections.proceedingId, ids)).all() : [];
  const served = (services: ReturnType<typeof servicesOf>) => new Map(services.map((s) => [`${s.documentId}|${s.partyKey}`, s.servedOn]));
  const notices = served(servicesOf(tx, "blacklistNotice", ids));
  const decisions = served(servicesOf(tx, "blacklistDecision", ids));
  // Only the current 移出决定书 counts: one revoked with its removal keeps its services but is not this one.
  const current = new Set(rows.map((r) => `${r.id}|${r.removalNumber}`));
  const removals = served(servicesOf(tx, "blacklistRemoval", ids).filter((s) => current.has(`${s.documentId}|${s.documentNumber}`)));
  const objectionOf = new Map(objections.map((o) => [`${o.proceedingId}|${o.partyKey}`, o]));
  const party = (pid: number, key: string, name: string): PartyFacts => {
    const o = objectionOf.get(`${pid}|${key}`);
    return {
      key,
      name,
      noticeServedOn: notices.get(`${pid}|${key}`) ?? null,
      objectionOn: o?.objectionOn ?? null,
      answeredOn: o?.answeredOn ?? null,
      decisionServedOn: decisions.get(`${pid}|${key}`) ?? null,
      removalServedOn: removals.get(`${pid}|${key}`) ?? null,
    };
  };
  return new Map(
    rows.map((r) => [
      r.id,
      [
        party(r.id, EMPLOYER_PARTY, r.employerName),
        ...persons.filter((x) => x.proceedingId === r.id).map((x) => party(r.id, personParty(x.id), `${x.name}（${PERSON_ROLE_LABELS[x.role]}）`)),
      ],
    ]),
  );
}

/** The pure facts of a proceeding the domain rules read. */
export function proceedingFacts(p: ProceedingRow, payBy: IsoDate, parties: PartyFacts[], cal: WorkingCalendar): ProceedingFacts {
  return { ...p, orderPayBy: payBy, parties, decisionDueOn: decisionDeadline(payBy, p.decisionExtended, cal) };
}

/** One step on a proceeding: loads it, checks the ability, applies the change, logs it. */
function step(
  db: Db,
  req: Req,
  ability: keyof BlacklistAbilities,
  action: string,
  change: (tx: Tx, p: ProceedingRow, f: ProceedingFacts, today: IsoDate) => { set: Partial<ProceedingRow>; detail?: string },
  why: (f: ProceedingFacts, today: IsoDate) => string | null = () => null,
): void {
  const today = shanghaiDate(req.now);
  const cal = loadCalendar(db);
  db.transaction((tx) => {
    const p = tx.select().from(blacklistProceedings).where(eq(blacklistProceedings.id, req.id)).get();
    if (!p) throw new NotFoundError("失信名单程序不存在。");
    const payBy = tx.select({ payBy: paymentOrders.payBy }).from(paymentOrders).where(eq(paymentOrders.id, p.orderId)).get()!.payBy;
    const f = proceedingFacts(p, payBy, partiesOf(tx, [p]).get(p.id)!, cal);
    if (!blacklistAbilitiesOn(tx, req.actor, p.caseId, f, today)[ability]) refuse(tx, req.actor, p.caseId, ability, p.stage, why(f, today));
    // Two steps sent from pages showing the same version: the second finds the proceeding changed.
    if (p.version !== req.version) throw new ConflictError(`本程序已被他人更新（现为“${STAGE_LABELS[p.stage]}”），未保存您的操作。请查看最新情况后再办理。`);
    const { set, detail } = change(tx, p, f, today);
    tx.update(blacklistProceedings)
      .set({ ...set, updatedAt: req.now, version: p.version + 1 })
      .where(eq(blacklistProceedings.id, p.id))
      .run();
    log(tx, p, req.actor, req.now, action, detail);
  });
}

/** A step on a proceeding: its id, the version the form was shown, who and when. */
type Req = { id: number; version: number; actor: Viewer; now: Date };

function validDate(value: string, label: string): void {
  if (!isIsoDate(value)) throw new ValidationError(`请填写有效的${label}`);
}

function required(text: string, label: string): string {
  if (!text.trim()) throw new ValidationError(`请填写${label}`);
  return text.trim();
}

export function approveProposal(db: Db, req: Req & { numberPrefix: string }): void {
  step(db, req, "approve", "审批同意提请，制作告知书", (tx, p, _f, today) => {
    const notice = nextDocumentNumber(tx, "blacklistNotice", p.caseId, req.numberPrefix, yearOf(today));
    return {
      set: { stage: "approved", approvedById: req.actor.id, approvedOn: today, noticeNumber: notice.number, noticeOfficeId: notice.officeId },
      detail: notice.number,
    };
  });
}

/** 不予提请, or ending a pending proceeding (an objection upheld, the order to pay revoked). */
export function endProceeding(db: Db, req: Req & { reason: string }): void {
  step(db, req, "end", "程序终止，不予列入", (_tx, _p, _f, today) => ({
    set: { stage: "refused", endedOn: today, endReason: required(req.reason, "终止的理由") },
    detail: req.reason.trim(),
  }));
}

/** The party of this proceeding a step names, or a message asking to choose one. */
function partyOf(f: ProceedingFacts, key: string, what: string): PartyFacts {
  const party = f.parties.find((x) => x.key === key);
  if (!party) throw new ValidationError(`请选择${what}的当事人`);
  return party;
}

/** Service of the 告知书 on one party (第六条); when the last party is served the objection windows are all running. */
export function recordService(db: Db, req: Req & { partyKey: string; input: ServiceInput }): void {
  step(db, req, "serve", "告知书已送达", (tx, p, f, today) => {
    const problem = noticeServiceProblem(f, req.partyKey, p.approvedOn);
    if (problem) throw new ValidationError(problem);
    const party = partyOf(f, req.partyKey, "受送达");
    const s = recordDocumentService(tx, {
      caseId: p.caseId,
      document: "blacklistNotice",
      documentId: p.id,
      documentNumber: p.noticeNumber!,
      documentOn: p.approvedOn!,
      party,
      input: req.input,
      actorId: req.actor.id,
      today,
    });
    const allServed = f.parties.every((x) => x.key === party.key || x.noticeServedOn);
    return { set: allServed ? { stage: "noticed" } : {}, detail: `${party.name}，${SERVICE_METHOD_LABELS[s.method]}，送达日期 ${s.servedOn}` };
  });
}

/**
 * The decisions of a proceeding served on each of its parties: the 列入决定书 (its remedy periods run from
 * service) and the 移出决定书 of an early removal — by the step that records their service.
 */
const DECISION_DOCUMENTS = {
  serveDecision: {
    title: "列入决定书",
    document: "blacklistDecision",
    servedOn: (x: PartyFacts) => x.decisionServedOn,
    of: (p: ProceedingRow) => ({ number: p.decisionNumber!, on: p.decisionOn! }),
  },
  serveRemoval: {
    title: "移出决定书",
    document: "blacklistRemoval",
    servedOn: (x: PartyFacts) => x.removalServedOn,
    of: (p: ProceedingRow) => ({ number: p.removalNumber!, on: p.removedOn! }),
  },
} as const;

/** Service of the 列入决定书 on one party: its remedy periods run from this date. */
export function recordDecisionService(db: Db, req: Req & { partyKey: string; input: ServiceInput }): void {
  serveDecisionDocument(db, req, "serveDecision");
}

/** Service of the 移出决定书 of an early removal on one party: the same parties as the 列入决定书. */
export function recordRemovalService(db: Db, req: Req & { partyKey: string; input: ServiceInput }): void {
  serveDecisionDocument(db, req, "serveRemoval");
}

/** Service of a decision of the proceeding on one of its parties, once each. */
function serveDecisionDocument(db: Db, req: Req & { partyKey: string; input: ServiceInput }, ability: keyof typeof DECISION_DOCUMENTS): void {
  const { title, document, servedOn, of } = DECISION_DOCUMENTS[ability];
  step(db, req, ability, `${title}已送达`, (tx, p, f, today) => {
    const party = partyOf(f, req.partyKey, "受送达");
    if (servedOn(party)) throw new ValidationError(`已登记过向${party.name}送达${title}`);
    const doc = of(p);
    const s = recordDocumentService(tx, {
      caseId: p.caseId,
      document,
      documentId: p.id,
      documentNumber: doc.number,
      documentOn: doc.on,
      party,
      input: req.input,
      actorId: req.actor.id,
      today,
    });
    return { set: {}, detail: `${party.name}，${SERVICE_METHOD_LABELS[s.method]}，送达日期 ${s.servedOn}` };
  });
}

export function recordObjection(db: Db, req: Req & { partyKey: string; objectionOn: string; text: string; calendar: WorkingCalendar }): void {
  step(db, req, "recordObjection", "当事人提出异议", (tx, p, f, today) => {
    validDate(req.objectionOn, "异议日期");
    if (!req.text.trim()) throw new ValidationError("请填写异议的内容");
    const problem = objectionProblem(f, req.partyKey, req.objectionOn, today, req.calendar);
    if (problem) throw new ValidationError(problem);
    const party = partyOf(f, req.partyKey, "提出异议");
    tx.insert(blacklistObjections).values({ proceedingId: p.id, partyKey: party.key, objectionOn: req.objectionOn, text: req.text.trim() }).run();
    return { set: {}, detail: `${party.name}于 ${req.objectionOn} 提出` };
  });
}

export function answerObjection(db: Db, req: Req & { partyKey: string; text: string }): void {
  step(db, req, "answerObjection", "异议已核实答复", (tx, p, f, today) => {
    const party = partyOf(f, req.partyKey, "答复异议");
    if (!party.objectionOn || party.answeredOn) throw new ValidationError(`${party.name}没有待答复的异议`);
    if (!req.text.trim()) throw new ValidationError("请填写核实情况和答复");
    tx.update(blacklistObjections)
      .set({ answeredOn: today, answer: req.text.trim(), answeredById: req.actor.id })
      .where(and(eq(blacklistObjections.proceedingId, p.id), eq(blacklistObjections.partyKey, party.key)))
      .run();
    return { set: {}, detail: party.name };
  });
}

/**
 * 不予列入 (第七条): before the decision, the order is paid in full and a written pledge is signed; the
 * article says the bureau *may* not list, so a supervisor decides, with the reason on record.
 */
export function decideNotListed(db: Db, req: Req & { pledged: boolean; note: string }): void {
  step(db, req, "notList", "已足额支付并作出书面信用承诺，决定不予列入", (tx, p, _f, today) => {
    const order = orderDue(tx, p.caseId, p.orderId)!;
    if (unpaidOf(order).totalFen > 0)
      throw new ValidationError(`指令书所列工资尚有 ¥${(unpaidOf(order).totalFen / 100).toFixed(2)} 未支付，请先在案件页登记支付`);
    if (!req.pledged) throw new ValidationError("须收到当事人签署的书面信用承诺书");
    const reason = req.note.trim() || "已足额支付拖欠的农民工工资并作出书面信用承诺";
    return { set: { stage: "notListed", endedOn: today, endReason: reason }, detail: reason };
  });
}

/** +20 working days for a complex case (第八条), granted inside the first 20. */
export function extendDecision(db: Db, req: Req & { reason: string }): void {
  step(
    db,
    req,
    "extend",
    "列入决定期限延长 20 个工作日",
    () => {
      if (!req.reason.trim()) throw new ValidationError("请填写案情复杂需要延长的理由");
      return { set: { decisionExtended: true, extensionReason: req.reason.trim() }, detail: req.reason.trim() };
    },
    extensionProblem,
  );
}

/** The decision (第八条); after the decision period only with the supervisor's reason for the delay. */
export function decideListing(db: Db, req: Req & { sanctions: string; lateReason: string; numberPrefix: string; calendar: WorkingCalendar }): void {
  const why = (f: ProceedingFacts, today: IsoDate) => decisionProblem(f, today, req.calendar, req.lateReason);
  step(
    db,
    req,
    "decide",
    "作出列入决定",
    (tx, p, f, today) => {
      if (!req.sanctions.trim()) throw new ValidationError("请填写惩戒措施");
      const problem = why(f, today);
      if (problem) throw new ValidationError(problem);
      const late = isDecisionLate(f, today);
      const decision = nextDocumentNumber(tx, "blacklistDecision", p.caseId, req.numberPrefix, yearOf(today));
      const decisionNumber = decision.number;
      return {
        set: {
          stage: "listed",
          decisionNumber,
          decisionOfficeId: decision.officeId,
          decisionOn: today,
          sanctions: req.sanctions.trim(),
          termStartsOn: today,
          termEndsOn: termEnd(today),
          lateReason: late ? req.lateReason.trim() : null,
        },
        detail: `${decisionNumber}，名单期至 ${termEnd(today)}${late ? `；超过决定期限（${f.decisionDueOn}），理由：${req.lateReason.trim()}` : ""}`,
      };
    },
    why,
  );
}

export function applyEarlyRemoval(db: Db, req: Req & { correctedOn: string; note: string }): void {
  step(db, req, "applyEarlyRemoval", "收到提前移出申请", (_tx, _p, _f, today) => {
    validDate(req.correctedOn, "改正日期");
    if (req.correctedOn > today) throw new ValidationError("改正日期不能晚于今天");
    return { set: { earlyAppliedOn: today, earlyCorrectedOn: req.correctedOn, earlyNote: req.note.trim() }, detail: `改正日期 ${req.correctedOn}` };
  });
}

/**
 * Granting removes the employer and every person listed with it (the persons hang off the proceeding), and
 * issues a numbered 移出决定书 to be served on each of them (docs/rules.md § 失信联合惩戒名单).
 */
export function decideEarlyRemoval(
  db: Db,
  req: Req & { grant: boolean; pledged: boolean; newArrears: boolean; criminalProceedings: boolean; note: string; numberPrefix: string },
): void {
  step(db, req, "decideEarlyRemoval", req.grant ? "同意提前移出" : "不予提前移出", (tx, p, f, today) => {
    if (!req.grant) {
      if (!req.note.trim()) throw new ValidationError("请填写不予提前移出的理由");
      return { set: { earlyAppliedOn: null, earlyCorrectedOn: null, earlyNote: null }, detail: req.note.trim() };
    }
    const problem = earlyRemovalProblem(
      f,
      { correctedOn: p.earlyCorrectedOn!, pledged: req.pledged, newArrears: req.newArrears, criminalProceedings: req.criminalProceedings },
      today,
    );
    if (problem) throw new ValidationError(problem);
    const removal = nextDocumentNumber(tx, "blacklistRemoval", p.caseId, req.numberPrefix, yearOf(today));
    return {
      set: {
        stage: "removed",
        removedOn: today,
        removalKind: "early",
        removalReason: req.note.trim() || "已改正并作出信用承诺，提前移出",
        removalNumber: removal.number,
        removalOfficeId: removal.officeId,
      },
      detail: removal.number,
    };
  });
}

export function revokeListing(db: Db, req: Req & { reason: string }): void {
  step(db, req, "revoke", "撤销列入决定", (_tx, _p, _f, today) => ({
    set: { stage: "removed", removedOn: today, removalKind: "revoked", removalReason: required(req.reason, "撤销列入的理由（如指令书被撤销）") },
    detail: req.reason.trim(),
  }));
}

/** An early removal obtained by deceit is revoked: listed again, and the 3 years start over today. */
export function reverseEarlyRemoval(db: Db, req: Req & { reason: string }): void {
  step(db, req, "reverse", "撤销提前移出，重新计算名单期", (_tx, _p, _f, today) => {
    const reason = required(req.reason, "撤销提前移出的理由");
    return {
      set: {
        stage: "listed",
        termStartsOn: today,
        termEndsOn: termEnd(today),
        removedOn: null,
        removalKind: null,
        removalReason: null,
        // The 移出决定书 is revoked with the removal; its number stays in the history and on its service records.
        removalNumber: null,
        removalOfficeId: null,
        earlyAppliedOn: null,
        earlyCorrectedOn: null,
        earlyNote: null,
      },
      detail: `${reason}；名单期至 ${termEnd(today)}`,
    };
  });
}

// ---- Reading ---------------------------------------------------------------------------------

/** Who reads a proceeding, and on which page (the personal-data log's name for it; null: a page that prints the persons masked). */
export interface ProceedingReader {
  viewer: Viewer;
  today: IsoDate;
  now: Date;
  page: string | null;
}

/**
 * One proceeding with its persons, and what this reader may do on it. The persons' ID numbers come unmasked
 * only to the people working the case, on a page that shows them, and each such read is recorded
 * (docs/rules.md §失信联合惩戒名单); everyone else gets them masked.
 */
export function getProceeding(db: Db, id: number, reader: ProceedingReader) {
  const row = db
    .select({
      p: blacklistProceedings,
      caseNumber: cases.caseNumber,
      legalRep: cases.employerLegalRep,
      docNumber: paymentOrders.docNumber,
      orderIssuedOn: paymentOrders.issuedOn,
      payBy: paymentOrders.payBy,
      proposer: users.displayName,
    })
    .from(blacklistProceedings)
    .innerJoin(cases, eq(cases.id, blacklistProceedings.caseId))
    .innerJoin(paymentOrders, eq(paymentOrders.id, blacklistProceedings.orderId))
    .leftJoin(users, eq(users.id, blacklistProceedings.proposedById))
    .where(eq(blacklistProceedings.id, id))
    .get();
  if (!row) throw new NotFoundError("失信名单程序不存在。");
  const persons = db.select().from(blacklistPersons).where(eq(blacklistPersons.proceedingId, id)).orderBy(asc(blacklistPersons.id)).all();
  const parties = partiesOf(db, [row.p]).get(id)!;
  const removals = servicesOf(db, "blacklistRemoval", [id]);
  const nameOf = (key: string) => parties.find((x) => x.key === key)?.name ?? key;
  const objections = db
    .select()
    .from(blacklistObjections)
    .where(eq(blacklistObjections.proceedingId, id))
    .orderBy(asc(blacklistObjections.id))
    .all()
    .map((o) => ({ ...o, partyName: nameOf(o.partyKey) }));
  const state = proceedingFacts(row.p, row.payBy, parties, loadCalendar(db));
  const abilities = blacklistAbilitiesOn(db, reader.viewer, row.p.caseId, state, reader.today);
  const full = abilities.work && reader.page !== null;
  if (full && persons.length) recordPersonalDataView(db, { caseId: row.p.caseId, userId: reader.viewer.id, page: reader.page!, now: reader.now });
  return {
    ...row.p,
    caseNumber: row.caseNumber,
    docNumber: row.docNumber,
    orderIssuedOn: row.orderIssuedOn,
    payBy: row.payBy,
    proposer: row.proposer,
    persons: full ? persons : persons.map((x) => ({ ...x, idNumber: maskIdNumber(x.idNumber) })),
    abilities,
    parties,
    objections,
    noticeServices: servicesOf(db, "blacklistNotice", [id]),
    decisionServices: servicesOf(db, "blacklistDecision", [id]),
    removalServices: removals.filter((s) => s.documentNumber === row.p.removalNumber),
    /** Services of the 移出决定书 revoked with an early removal reversed: kept on record, listed apart. */
    revokedRemovalServices: removals.filter((s) => s.documentNumber !== row.p.removalNumber),
    state,
  };
}

export type Proceeding = ReturnType<typeof getProceeding>;

/**
 * The office predicate on a proceeding: the office that has its case now (null: every office, the city's reach).
 * Proceedings are few and their case is read by its key, so the unary `+` keeps the planner from walking an
 * office's cases through an office index instead.
 */
function ofOffice(officeId: number | null) {
  return officeId === null ? undefined : sql`+${cases.officeId} = ${officeId}`;
}

/**
 * Every proceeding of the office's cases (the city's: every office's), open ones first, for the board (a few
 * hundred at most over years). The board reads the proceedings and each one's case by its key: the unary `+`
 * on the join keeps the planner from walking `cases` (it did on a bulk database without proceedings).
 */
export function listProceedings(db: Db, filter: { stage?: string; officeId: number | null }) {
  const rows = db
    .select({ p: blacklistProceedings, caseNumber: cases.caseNumber, payBy: paymentOrders.payBy })
    .from(blacklistProceedings)
    .innerJoin(cases, sql`${cases.id} = +${blacklistProceedings.caseId}`)
    .innerJoin(paymentOrders, eq(paymentOrders.id, blacklistProceedings.orderId))
    .where(and(filter.stage ? eq(blacklistProceedings.stage, filter.stage as ProceedingRow["stage"]) : undefined, ofOffice(filter.officeId)))
    .orderBy(
      sql`case ${blacklistProceedings.stage} when 'proposed' then 0 when 'approved' then 1 when 'noticed' then 2 when 'listed' then 3 else 4 end`,
      desc(blacklistProceedings.id),
    )
    .all();
  const parties = partiesOf(
    db,
    rows.map((r) => r.p),
  );
  const cal = loadCalendar(db);
  return rows.map((r) => ({ ...r.p, caseNumber: r.caseNumber, payBy: r.payBy, state: proceedingFacts(r.p, r.payBy, parties.get(r.p.id)!, cal) }));
}

export function proceedingsOfCase(db: Db, caseId: number) {
  return db.select().from(blacklistProceedings).where(eq(blacklistProceedings.caseId, caseId)).orderBy(asc(blacklistProceedings.id)).all();
}

/** The office's listings whose term ends within `days` calendar days: supervisors see them coming. */
export function upcomingExpiries(db: Db, today: IsoDate, officeId: number | null, days = 90) {
  return db
    .select({ p: blacklistProceedings })
    .from(blacklistProceedings)
    .innerJoin(cases, eq(cases.id, blacklistProceedings.caseId))
    .where(
      and(
        eq(blacklistProceedings.stage, "listed"),
        gte(blacklistProceedings.termEndsOn, today),
        lte(blacklistProceedings.termEndsOn, addDays(today, days)),
        ofOffice(officeId),
      ),
    )
    .orderBy(asc(blacklistProceedings.termEndsOn))
    .all()
    .map((r) => r.p);
}

const publicColumns = {
  id: blacklistProceedings.id,
  employerName: blacklistProceedings.employerName,
  employerUscc: blacklistProceedings.employerUscc,
  employerAddress: blacklistProceedings.employerAddress,
  facts: blacklistProceedings.facts,
  grounds: blacklistProceedings.grounds,
  decisionNumber: blacklistProceedings.decisionNumber,
  decisionOn: blacklistProceedings.decisionOn,
  termStartsOn: blacklistProceedings.termStartsOn,
  termEndsOn: blacklistProceedings.termEndsOn,
  sanctions: blacklistProceedings.sanctions,
  stage: blacklistProceedings.stage,
  removedOn: blacklistProceedings.removedOn,
  removalKind: blacklistProceedings.removalKind,
};

/** The listed persons of public entries: names and roles, ID numbers always masked (第45号令: publication fields). */
function withPersons<T extends { id: number }>(db: Db, rows: T[]) {
  const persons = rows.length
    ? db
        .select({ proceedingId: blacklistPersons.proceedingId, role: blacklistPersons.role, name: blacklistPersons.name, idNumber: blacklistPersons.idNumber })
        .from(blacklistPersons)
        .where(
          inArray(
            blacklistPersons.proceedingId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(blacklistPersons.id))
        .all()
    : [];
  return rows.map((r) => ({
    ...r,
    persons: persons.filter((p) => p.proceedingId === r.id).map((p) => ({ role: p.role, name: p.name, idNumber: maskIdNumber(p.idNumber) })),
  }));
}

function publicSearch(term: string) {
  const contains = `%${term.replace(/[%_\\]/g, "")}%`;
  return or(
    like(blacklistProceedings.employerName, contains),
    eq(blacklistProceedings.employerUscc, term.toUpperCase()),
    sql`exists (select 1 from ${blacklistPersons} where ${blacklistPersons.proceedingId} = ${blacklistProceedings.id} and ${blacklistPersons.name} like ${contains})`,
  );
}

/**
 * The public list: listed, decided on or before today and within the term, so an entry drops off the day
 * after its term ends whether or not anyone acts. Search by the employer's name or a listed person's name
 * (contains) or 统一社会信用代码 (exact): only the persons the public list shows, on entries it shows (docs/rules.md
 * §Publication). The listed entries are found first by blacklist_stage_idx, their persons by blacklist_persons_proceeding_idx.
 */
export function currentListings(db: Db, today: IsoDate, q = "") {
  const term = q.trim();
  const rows = db
    .select(publicColumns)
    .from(blacklistProceedings)
    .where(
      and(
        eq(blacklistProceedings.stage, "listed"),
        lte(blacklistProceedings.decisionOn, today),
        gte(blacklistProceedings.termEndsOn, today),
        term ? publicSearch(term) : undefined,
      ),
    )
    .orderBy(desc(blacklistProceedings.decisionOn), desc(blacklistProceedings.id))
    .all();
  return withPersons(db, rows);
}

/** For the feed: current entries plus those removed in the last `days` days (same ids, newer dates). */
export function recentlyRemoved(db: Db, today: IsoDate, days = 30) {
  const since = addDays(today, -days);
  return db
    .select(publicColumns)
    .from(blacklistProceedings)
    .where(
      or(
        and(eq(blacklistProceedings.stage, "removed"), gte(blacklistProceedings.removedOn, since)),
        and(eq(blacklistProceedings.stage, "listed"), gte(blacklistProceedings.termEndsOn, since), sql`${blacklistProceedings.termEndsOn} < ${today}`),
      ),
    )
    .all();
}

/** An employer's proceedings on the office's cases (null: every office). */
export function proceedingsOfEmployer(db: Db, employer: { uscc: string | null; name: string }, officeId: number | null) {
  return db
    .select({ p: blacklistProceedings })
    .from(blacklistProceedings)
    .innerJoin(cases, eq(cases.id, blacklistProceedings.caseId))
    .where(and(employer.uscc ? eq(blacklistProceedings.employerUscc, employer.uscc) : eq(blacklistProceedings.employerName, employer.name), ofOffice(officeId)))
    .orderBy(desc(blacklistProceedings.id))
    .all()
    .map((r) => r.p);
}
