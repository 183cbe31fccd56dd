/**
 * 记录回避: an inspector working the case declares a conflict of interest, or the complainant or the employer
 * asks that an inspector be recused; the supervisor decides (准予回避 / 不予回避) with a reason. When granted
 * and the inspector is still assigned, the page says the case must be reassigned (the assignment form does it).
 * 劳动保障监察条例 第十六条第二款 (docs/rules.md §回避). Section, forms and use-cases in one module.
 */
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { caseRecusals, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { recordDateProblem, type IsoDate } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { isoDate, requiredText } from "../forms/form.js";
import { section, sectionAction } from "./section.js";

export const RECUSAL_APPLICANTS = { inspector: "承办监察员本人", complainant: "投诉人", employer: "被投诉单位" } as const;
export const RECUSAL_DECISIONS = { granted: "准予回避", refused: "不予回避" } as const;
type Applicant = keyof typeof RECUSAL_APPLICANTS;

const requestForm = z.object({
  requestedOn: isoDate("申请日期"),
  applicant: z.enum(Object.keys(RECUSAL_APPLICANTS) as [Applicant, ...Applicant[]], { error: "请选择申请人" }),
  inspectorId: z.coerce.number({ error: "请选择申请回避的监察员" }).int("请选择申请回避的监察员").positive("请选择申请回避的监察员"),
  reason: requiredText("回避理由", 2000),
});

const decisionForm = z.object({
  recusalId: z.coerce.number({ error: "回避申请不存在" }).int("回避申请不存在").positive("回避申请不存在"),
  decision: z.enum(["granted", "refused"], { error: "请选择准予回避或不予回避" }),
  decidedOn: isoDate("决定日期"),
  decisionReason: requiredText("决定理由", 2000),
});

/**
 * Who a request may name: an inspector assigned to the case now; one who declares their own conflict is the one
 * recording it (an inspector) or named by the supervisor; one request waits for a decision at a time.
 */
export function recusalRequestProblem(
  req: { applicant: Applicant; inspectorId: number },
  c: { leadInspectorId: number | null; secondInspectorId: number | null },
  actor: Viewer,
  pending: number,
): { message: string; field?: string } | null {
  if (pending > 0) return { message: "本案已有待决定的回避申请，请科长先作出决定" };
  if (req.inspectorId !== c.leadInspectorId && req.inspectorId !== c.secondInspectorId) {
    return { message: "只能对本案的承办监察员申请回避", field: "inspectorId" };
  }
  if (req.applicant === "inspector" && actor.role === "inspector" && actor.id !== req.inspectorId) {
    return { message: "监察员本人申请回避，应由本人记录", field: "applicant" };
  }
  return null;
}

function pendingCount(db: DbOrTx, caseId: number): number {
  return db
    .select({ id: caseRecusals.id })
    .from(caseRecusals)
    .where(and(eq(caseRecusals.caseId, caseId), isNull(caseRecusals.decision)))
    .all().length;
}

const inspector = alias(users, "recused_inspector");
const decider = alias(users, "recusal_decider");

const recusalsQuery = (db: DbOrTx) =>
  db
    .select({
      id: caseRecusals.id,
      requestedOn: caseRecusals.requestedOn,
      applicant: caseRecusals.applicant,
      inspectorId: caseRecusals.inspectorId,
      inspectorName: inspector.displayName,
      reason: caseRecusals.reason,
      recordedBy: users.displayName,
      decision: caseRecusals.decision,
      decisionReason: caseRecusals.decisionReason,
      decidedOn: caseRecusals.decidedOn,
      decidedBy: decider.displayName,
    })
    .from(caseRecusals)
    .leftJoin(inspector, eq(inspector.id, caseRecusals.inspectorId))
    .leftJoin(users, eq(users.id, caseRecusals.recordedById))
    .leftJoin(decider, eq(decider.id, caseRecusals.decidedById))
    .where(eq(caseRecusals.caseId, sql.placeholder("caseId")))
    .orderBy(asc(caseRecusals.requestedOn), asc(caseRecusals.id))
    .prepare();

export function recusalsOf(db: DbOrTx, caseId: number) {
  return preparedOnce(db, recusalsQuery).all({ caseId });
}

const assignedQuery = (db: DbOrTx) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(or(eq(users.id, sql.placeholder("lead")), eq(users.id, sql.placeholder("second"))))
    .orderBy(asc(users.id))
    .prepare();

export const recusalsSection = section({
  key: "recusals",
  partial: "cases/_recusals",
  // A personnel matter of the people working the case: shown to them only (never to masked or summary readers).
  when: (abilities) => abilities.access === "full",
  load: (db, view) => {
    const recusals = recusalsOf(db, view.c.id);
    const assigned = [view.c.leadInspectorId, view.c.secondInspectorId];
    return {
      recusals: recusals.map((r) => ({
        ...r,
        applicantLabel: RECUSAL_APPLICANTS[r.applicant],
        decisionLabel: r.decision ? RECUSAL_DECISIONS[r.decision] : null,
        // Granted, and the inspector still on the case: it must be reassigned.
        mustReassign: r.decision === "granted" && assigned.includes(r.inspectorId),
      })),
      pendingRecusal: recusals.find((r) => r.decision === null) ?? null,
      recusalInspectors: view.may("requestRecusal")
        ? preparedOnce(db, assignedQuery).all({ lead: view.c.leadInspectorId ?? 0, second: view.c.secondInspectorId ?? 0 })
        : [],
      recusalApplicants: RECUSAL_APPLICANTS,
      recusalDecisions: RECUSAL_DECISIONS,
    };
  },
  action: sectionAction({
    path: "recusals",
    form: "recusal",
    move: "requestRecusal",
    schema: requestForm,
    eventNote: (input) => `${input.requestedOn} ${RECUSAL_APPLICANTS[input.applicant]}申请回避`,
    record: (tx, c, input, by) => {
      const date = recordDateProblem("申请日期", input.requestedOn, c.receivedOn, "收到投诉的日期", by.today);
      if (date) throw new ValidationError(date, "requestedOn");
      const who = recusalRequestProblem(input, c, by.actor, pendingCount(tx, c.id));
      if (who) throw new ValidationError(who.message, who.field);
      tx.insert(caseRecusals)
        .values({
          caseId: c.id,
          requestedOn: input.requestedOn,
          applicant: input.applicant,
          inspectorId: input.inspectorId,
          reason: input.reason,
          recordedById: by.actor.id,
        })
        .run();
    },
  }),
  actions: [
    sectionAction({
      path: "recusals/decision",
      form: "recusal-decision",
      move: "decideRecusal",
      schema: decisionForm,
      eventNote: (input) => `${input.decidedOn} ${RECUSAL_DECISIONS[input.decision]}`,
      record: (tx, c, input, by) => {
        const r = tx
          .select()
          .from(caseRecusals)
          .where(and(eq(caseRecusals.id, input.recusalId), eq(caseRecusals.caseId, c.id)))
          .get();
        if (!r) throw new ValidationError("回避申请不存在");
        if (r.decision) throw new ValidationError("这一回避申请已经作出决定");
        const date = recordDateProblem("决定日期", input.decidedOn, r.requestedOn as IsoDate, "申请日期", by.today);
        if (date) throw new ValidationError(date, "decidedOn");
        tx.update(caseRecusals)
          .set({ decision: input.decision, decisionReason: input.decisionReason, decidedOn: input.decidedOn, decidedById: by.actor.id })
          .where(eq(caseRecusals.id, r.id))
          .run();
      },
    }),
  ],
});
