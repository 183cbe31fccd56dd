/**
 * After a 行政处理决定书 (an enforcement action with a number): its service on the employer, through the same
 * service record as every outgoing document, and the remedy windows that run from that service
 * (docs/rules.md § Remedies against a decision). The rules are in domain/service.ts and domain/remedies.ts.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import {
  blacklistProceedings,
  cases,
  courtApplications,
  decisionRemedies,
  demandNotices,
  enforcementActions,
  policeReferrals,
  violationBatches,
  violationEntries,
} from "../db/schema.js";
import {
  COURT_RESULT_LABELS,
  courtApplicationProblem,
  courtClock,
  courtResultProblem,
  courtWindow,
  demandProblem,
  demandRunsOutOn,
  type CourtApplicationInput,
  type CourtResult,
  type CourtResultInput,
  type EnforcementFacts,
} from "../domain/court-enforcement.js";
import { outstandingFen } from "../domain/money.js";
import { performancePeriod } from "../domain/decision-document.js";
import { POLICE_ANSWER_LABELS, referralStepProblem, type PoliceAnswer, type ReferralFacts, type ReferralInput } from "../domain/police-referral.js";
import type { Viewer } from "../domain/case-abilities.js";
import type { MoveName } from "../domain/case-states.js";
import { type IsoDate, shanghaiDate, yearOf } from "../domain/dates.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import {
  REMEDY_LABELS,
  REMEDY_OUTCOME_LABELS,
  flowsBack,
  remedyFilingProblem,
  remedyOutcomeProblem,
  remedyWindows,
  type RemedyFilingInput,
  type RemedyKind,
  type RemedyOutcome,
  type RemedyOutcomeInput,
} from "../domain/remedies.js";
import { SERVICE_METHOD_LABELS, isServiceMethod, type ServiceInput } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { revokeListing } from "./blacklist.js";
import { loadCalendar } from "./calendar.js";
import { transition } from "./cases.js";
import { type DocumentService, EMPLOYER_PARTY_KEY, recordDocumentService, servicesOf } from "./document-services.js";
import { nextDocumentNumber } from "./document-numbers.js";
import { itemsOf } from "./settlements.js";
import { withdrawEntry } from "./violations.js";

/** A 行政处理决定书 of the case, or not found. */
export function decisionOfCase(tx: DbOrTx, caseId: number, actionId: number) {
  const a = tx
    .select()
    .from(enforcementActions)
    .where(and(eq(enforcementActions.id, actionId), eq(enforcementActions.caseId, caseId), isNotNull(enforcementActions.docNumber)))
    .get();
  if (!a?.docNumber) throw new NotFoundError("行政处理决定书不存在。");
  return { ...a, docNumber: a.docNumber };
}

/** Records the service of a 行政处理决定书 on the employer; the remedy windows start from its date. */
export function serveDecision(db: Db, req: { caseId: number; actionId: number; version: number; input: ServiceInput; actor: Viewer; now: Date }): void {
  const how = isServiceMethod(req.input.method) ? SERVICE_METHOD_LABELS[req.input.method] : "";
  transition(db, {
    caseId: req.caseId,
    move: "serveDecision",
    note: "",
    eventNote: `行政处理决定书已送达${how ? `（${how}）` : ""}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const a = decisionOfCase(tx, c.id, req.actionId);
      recordDocumentService(tx, {
        caseId: c.id,
        document: "enforcementDecision",
        documentId: a.id,
        documentNumber: a.docNumber,
        documentOn: a.decidedOn,
        party: { key: EMPLOYER_PARTY_KEY, name: c.employerName },
        input: req.input,
        actorId: req.actor.id,
        today: shanghaiDate(req.now),
      });
    },
  });
}

export type DecisionRemedy = typeof decisionRemedies.$inferSelect;

/** For each decision: its service (null until recorded), the remedy windows as of today and the remedies filed. */
export function decisionServices(db: DbOrTx, actionIds: readonly number[], today: IsoDate, calendar: WorkingCalendar) {
  const services = servicesOf(db, "enforcementDecision", actionIds);
  const remedies = actionIds.length
    ? db
        .select()
        .from(decisionRemedies)
        .where(inArray(decisionRemedies.actionId, [...actionIds]))
        .orderBy(asc(decisionRemedies.id))
        .all()
    : [];
  return new Map(
    actionIds.map((id) => {
      const service: DocumentService | null = services.find((s) => s.documentId === id) ?? null;
      const windows = remedyWindows(service?.servedOn ?? null, today, calendar);
      const own = remedies.filter((r) => r.actionId === id);
      const performance = performancePeriod(service?.servedOn ?? null, calendar);
      return [id, { service, windows, performance, remedies: own, ...enforcementOf(db, id, windows, own, today, calendar) }] as const;
    }),
  );
}

function servedOn(tx: DbOrTx, actionId: number): IsoDate | null {
  return servicesOf(tx, "enforcementDecision", [actionId])[0]?.servedOn ?? null;
}

/** Records a 复议 or 诉讼 filed against a served decision; it stays pending until its outcome is recorded. */
export function recordRemedyFiling(
  db: Db,
  req: { caseId: number; actionId: number; version: number; input: RemedyFilingInput; actor: Viewer; now: Date },
): void {
  const { input } = req;
  transition(db, {
    caseId: req.caseId,
    move: "recordRemedy",
    note: "",
    eventNote: `用人单位${input.kind === "lawsuit" ? "提起行政诉讼" : "申请行政复议"}：${input.body.trim()} ${input.caseNumber.trim()}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const a = decisionOfCase(tx, c.id, req.actionId);
      const problem = remedyFilingProblem(
        input,
        { decidedOn: a.decidedOn, servedOn: servedOn(tx, a.id), revoked: remediesOf(tx, a.id).some((r) => r.outcome === "revoked") },
        shanghaiDate(req.now),
      );
      if (problem) throw new ValidationError(problem.message, problem.field);
      tx.insert(decisionRemedies)
        .values({
          caseId: c.id,
          actionId: a.id,
          kind: input.kind as RemedyKind,
          filedOn: input.filedOn,
          body: input.body.trim(),
          caseNumber: input.caseNumber.trim(),
          recordedById: req.actor.id,
        })
        .run();
    },
  });
}

/**
 * Records the outcome of a 复议 or 诉讼. A decision revoked or changed flows back, in the same transaction: the
 * blacklist listing resting on the decision's order is revoked and a published 重大违法 entry of the case is
 * withdrawn, both with the outcome as the reason (docs/rules.md § Remedies against a decision).
 */
export function recordRemedyOutcome(
  db: Db,
  req: { caseId: number; remedyId: number; version: number; input: RemedyOutcomeInput; actor: Viewer; now: Date },
): void {
  const { input } = req;
  const label = REMEDY_OUTCOME_LABELS[input.outcome as RemedyOutcome] ?? "";
  transition(db, {
    caseId: req.caseId,
    move: "recordRemedyOutcome",
    note: "",
    eventNote: `复议（诉讼）结果：${label}`,
    version: req.version,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const r = tx
        .select()
        .from(decisionRemedies)
        .where(and(eq(decisionRemedies.id, req.remedyId), eq(decisionRemedies.caseId, c.id)))
        .get();
      if (!r) throw new NotFoundError("复议（诉讼）记录不存在。");
      const today = shanghaiDate(req.now);
      const problem = remedyOutcomeProblem(input, r, today, req.actor.role === "supervisor");
      if (problem) throw new ValidationError(problem.message, problem.field);
      const outcome = input.outcome as RemedyOutcome;
      tx.update(decisionRemedies).set({ outcome, outcomeOn: input.outcomeOn, outcomeNote: input.note.trim() }).where(eq(decisionRemedies.id, r.id)).run();
      if (!flowsBack(outcome)) return;
      const a = decisionOfCase(tx, c.id, r.actionId);
      const reason = `${a.docNumber}经${REMEDY_LABELS[r.kind]}（${r.caseNumber}）被${label}：${input.note.trim()}`;
      const listings = tx
        .select({ id: blacklistProceedings.id, version: blacklistProceedings.version })
        .from(blacklistProceedings)
        .where(
          and(
            eq(blacklistProceedings.caseId, c.id),
            eq(blacklistProceedings.orderId, a.orderId),
            eq(blacklistProceedings.stage, "listed"),
            gte(blacklistProceedings.termEndsOn, today),
          ),
        )
        .all();
      for (const p of listings) revokeListing(db, { id: p.id, version: p.version, reason, actor: req.actor, now: req.now });
      const entries = tx
        .select({ id: violationEntries.id, version: violationBatches.version })
        .from(violationEntries)
        .innerJoin(violationBatches, eq(violationBatches.id, violationEntries.batchId))
        .where(and(eq(violationEntries.caseId, c.id), isNotNull(violationBatches.publishedOn), isNull(violationEntries.withdrawnOn)))
        .all();
      for (const e of entries) withdrawEntry(db, { entryId: e.id, version: e.version, reason, actor: req.actor, now: req.now });
    },
  });
}

// ---- Enforcement through the court (docs/rules.md § Enforcement through the court) -----------------

/** The 催告书 and court application of a decision, the facts the rules weigh, and the clocks they show. */
function enforcementOf(
  tx: DbOrTx,
  actionId: number,
  windows: ReturnType<typeof remedyWindows>,
  remedies: readonly DecisionRemedy[],
  today: IsoDate,
  calendar: WorkingCalendar,
) {
  const demand = tx.select().from(demandNotices).where(eq(demandNotices.actionId, actionId)).get() ?? null;
  const demandService = demand ? (servicesOf(tx, "demandNotice", [demand.id])[0] ?? null) : null;
  const application = tx.select().from(courtApplications).where(eq(courtApplications.actionId, actionId)).get() ?? null;
  const orderId = tx.select({ orderId: enforcementActions.orderId }).from(enforcementActions).where(eq(enforcementActions.id, actionId)).get()!.orderId;
  const facts: EnforcementFacts = {
    windows,
    remedyPending: remedies.some((r) => r.outcome === null),
    revoked: remedies.some((r) => r.outcome === "revoked"),
    unpaidFen: outstandingFen(itemsOf(tx, "order", orderId)),
    demand: demand ? { servedOn: demandService?.servedOn ?? null } : null,
    applied: application !== null,
  };
  return {
    facts,
    demand,
    demandService,
    application,
    courtWindow: courtWindow(windows, calendar),
    demandRunsOutOn: demandService ? demandRunsOutOn(demandService.servedOn, calendar) : null,
    demandRefusal: demandProblem(facts, today),
  };
}

/** The 复议 and 诉讼 filed against one decision. */
export function remediesOf(tx: DbOrTx, actionId: number): DecisionRemedy[] {
  return tx.select().from(decisionRemedies).where(eq(decisionRemedies.actionId, actionId)).orderBy(asc(decisionRemedies.id)).all();
}

function enforcementFacts(tx: DbOrTx, actionId: number, today: IsoDate, calendar: WorkingCalendar) {
  const service = servicesOf(tx, "enforcementDecision", [actionId])[0] ?? null;
  const windows = remedyWindows(service?.servedOn ?? null, today, calendar);
  return enforcementOf(tx, actionId, windows, remediesOf(tx, actionId), today, calendar);
}

type Step = { caseId: number; version: number; actor: Viewer; now: Date };

/** One step on the case (a same-state activity) with its own checks and rows in `effect`. */
function caseStep(db: Db, req: Step, move: MoveName, eventNote: string, effect: Parameters<typeof transition>[1]["effect"]): void {
  transition(db, { caseId: req.caseId, move, note: "", eventNote, version: req.version, actor: req.actor, now: req.now, effect });
}

function enforcementStep(db: Db, req: Step, eventNote: string, effect: Parameters<typeof transition>[1]["effect"]): void {
  caseStep(db, req, "courtEnforcement", eventNote, effect);
}

/** Issues the 催告书 once the remedy windows closed with the decision unperformed (行政强制法 第五十四条). */
export function issueDemand(db: Db, req: Step & { actionId: number; numberPrefix: string }): void {
  const calendar = loadCalendar(db);
  enforcementStep(db, req, "制作催告书，催告用人单位履行行政处理决定", (tx, c) => {
    const today = shanghaiDate(req.now);
    const a = decisionOfCase(tx, c.id, req.actionId);
    const e = enforcementFacts(tx, a.id, today, calendar);
    const refused = demandProblem(e.facts, today);
    if (refused) throw new ValidationError(refused);
    tx.insert(demandNotices)
      .values({
        caseId: c.id,
        actionId: a.id,
        docNumber: nextDocumentNumber(tx, "demandNotice", c.id, req.numberPrefix, yearOf(today)).number,
        issuedOn: today,
        unpaidFen: e.facts.unpaidFen,
        recordedById: req.actor.id,
      })
      .run();
  });
}

/** A 催告书 of the case, or not found. */
export function demandOfCase(tx: DbOrTx, caseId: number, demandId: number) {
  const d = tx
    .select()
    .from(demandNotices)
    .where(and(eq(demandNotices.id, demandId), eq(demandNotices.caseId, caseId)))
    .get();
  if (!d) throw new NotFoundError("催告书不存在。");
  return d;
}

/** Records the service of the 催告书 on the employer; the 10 days run from it. */
export function serveDemand(db: Db, req: Step & { demandId: number; input: ServiceInput }): void {
  enforcementStep(db, req, "催告书已送达", (tx, c) => {
    const d = demandOfCase(tx, c.id, req.demandId);
    recordDocumentService(tx, {
      caseId: c.id,
      document: "demandNotice",
      documentId: d.id,
      documentNumber: d.docNumber,
      documentOn: d.issuedOn,
      party: { key: EMPLOYER_PARTY_KEY, name: c.employerName },
      input: req.input,
      actorId: req.actor.id,
      today: shanghaiDate(req.now),
    });
  });
}

/** Records the application to the court, refused before the windows close or the 催告's 10 days have run. */
export function applyToCourt(db: Db, req: Step & { actionId: number; input: CourtApplicationInput }): void {
  const calendar = loadCalendar(db);
  enforcementStep(db, req, `申请人民法院强制执行：${req.input.court.trim()}`, (tx, c) => {
    const today = shanghaiDate(req.now);
    const a = decisionOfCase(tx, c.id, req.actionId);
    const problem = courtApplicationProblem(enforcementFacts(tx, a.id, today, calendar).facts, req.input, today, calendar);
    if (problem) throw new ValidationError(problem.message, problem.field);
    tx.insert(courtApplications)
      .values({ caseId: c.id, actionId: a.id, appliedOn: req.input.appliedOn, court: req.input.court.trim(), recordedById: req.actor.id })
      .run();
  });
}

/** Records the court's ruling on the application, and what was executed. */
export function recordCourtResult(db: Db, req: Step & { applicationId: number; input: CourtResultInput }): void {
  const label = COURT_RESULT_LABELS[req.input.result as CourtResult] ?? "";
  enforcementStep(db, req, `人民法院${label}`, (tx, c) => {
    const app = tx
      .select()
      .from(courtApplications)
      .where(and(eq(courtApplications.id, req.applicationId), eq(courtApplications.caseId, c.id)))
      .get();
    if (!app) throw new NotFoundError("强制执行申请不存在。");
    const problem = courtResultProblem(req.input, app, shanghaiDate(req.now));
    if (problem) throw new ValidationError(problem.message, problem.field);
    tx.update(courtApplications)
      .set({ result: req.input.result as CourtResult, resultOn: req.input.resultOn, executedFen: req.input.executedFen })
      .where(eq(courtApplications.id, app.id))
      .run();
  });
}

// ---- Police referral (docs/rules.md § Police referral) ------------------------------------------

export type PoliceReferral = typeof policeReferrals.$inferSelect;

/** The followed referrals of some 移送公安 actions, by action. */
export function referralsOf(db: DbOrTx, actionIds: readonly number[]): Map<number, PoliceReferral> {
  if (actionIds.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(policeReferrals)
      .where(inArray(policeReferrals.actionId, [...actionIds]))
      .all()
      .map((r) => [r.actionId, r]),
  );
}

/** Records the next step of a referral: the 移送书's materials, the police's receipt, their answer, the 复议 request. */
export function recordReferralStep(db: Db, req: Step & { actionId: number; input: ReferralInput; numberPrefix: string }): void {
  const { input } = req;
  const label = { materials: "移送书及材料清单", receipt: "公安机关已接收移送", answer: "公安机关答复", review: "提请公安机关复议" }[input.step] ?? "移送公安";
  const answer = input.step === "answer" ? (POLICE_ANSWER_LABELS[input.answer as PoliceAnswer] ?? "") : "";
  caseStep(db, req, "followReferral", `${label}${answer ? `：${answer}` : ""}`, (tx, c) => {
    const a = tx
      .select()
      .from(enforcementActions)
      .where(and(eq(enforcementActions.id, req.actionId), eq(enforcementActions.caseId, c.id), eq(enforcementActions.kind, "policeReferral")))
      .get();
    if (!a) throw new NotFoundError("移送记录不存在。");
    const r = tx.select().from(policeReferrals).where(eq(policeReferrals.actionId, a.id)).get() ?? null;
    const facts: ReferralFacts = {
      referredOn: a.decidedOn,
      materials: r?.materials ?? null,
      receivedOn: r?.receivedOn ?? null,
      answer: r?.answer ?? null,
      answerOn: r?.answerOn ?? null,
      reviewRequestedOn: r?.reviewRequestedOn ?? null,
    };
    const problem = referralStepProblem(facts, input, shanghaiDate(req.now));
    if (problem) throw new ValidationError(problem.message, problem.field);
    if (!r) {
      const materials = input.materials
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .join("\n");
      // The 移送书 is made with its list of materials: numbered now, in this transaction.
      const docNumber = nextDocumentNumber(tx, "policeReferral", c.id, req.numberPrefix, yearOf(shanghaiDate(req.now))).number;
      tx.insert(policeReferrals).values({ caseId: c.id, actionId: a.id, materials, docNumber, recordedById: req.actor.id }).run();
      return;
    }
    const set =
      input.step === "receipt"
        ? { receivedOn: input.date }
        : input.step === "answer"
          ? { answer: input.answer as PoliceAnswer, answerOn: input.date }
          : { reviewRequestedOn: input.date };
    tx.update(policeReferrals).set(set).where(eq(policeReferrals.id, r.id)).run();
  });
}

/** A 移送公安 of the case with its 移送书 (made once its materials are recorded), or not found. */
export function policeReferralOfCase(db: DbOrTx, caseId: number, actionId: number) {
  const action = db
    .select()
    .from(enforcementActions)
    .where(and(eq(enforcementActions.id, actionId), eq(enforcementActions.caseId, caseId), eq(enforcementActions.kind, "policeReferral")))
    .get();
  const referral = action && db.select().from(policeReferrals).where(eq(policeReferrals.actionId, action.id)).get();
  if (!action || !referral) throw new NotFoundError("移送书尚未制作：请先在案件页登记随移送书移送的材料。");
  return { action, referral };
}

/**
 * The supervisors' view of the court clock (行政强制法 第五十三、五十四条): every decision of the offices' cases on its
 * way to the court — remedy windows closed, nothing pending, still unpaid, no application yet — with its next step and
 * the window's last day, the most urgent first. Decisions are read by their kind's index (a handful per office).
 */
export function courtClocks(db: Db, officeIds: readonly number[], today: IsoDate) {
  const calendar = loadCalendar(db);
  const decisions = db
    .select({
      id: enforcementActions.id,
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      employerName: cases.employerName,
      docNumber: enforcementActions.docNumber,
    })
    .from(enforcementActions)
    .innerJoin(cases, eq(cases.id, enforcementActions.caseId))
    .leftJoin(courtApplications, eq(courtApplications.actionId, enforcementActions.id))
    .where(
      and(
        inArray(enforcementActions.kind, ["compensation", "decision"]),
        isNotNull(enforcementActions.docNumber),
        isNull(courtApplications.id),
        inArray(cases.officeId, [...officeIds]),
      ),
    )
    .all();
  return decisions
    .map((d) => ({ ...d, clock: courtClock(enforcementFacts(db, d.id, today, calendar).facts, today, calendar) }))
    .filter((d) => d.clock !== null)
    .sort((a, b) => a.clock!.lastDay.localeCompare(b.clock!.lastDay));
}
