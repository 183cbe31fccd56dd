/**
 * 应急周转金垫付 on the case page (docs/rules.md §应急周转金): the inspectors working a filed case apply for an
 * advance from their office's fund, per worker; the office's supervisor approves or refuses it and records the day
 * the fund paid; then what the employer or the 总包 repays is recorded, filed or closed, until nothing is outstanding.
 * Forms and use-cases in one module; the ledger is models/emergency-fund.ts.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { emergencyAdvanceWorkers, emergencyAdvances } from "../db/schema.js";
import { recordDateProblem, shanghaiDate, type IsoDate } from "../domain/dates.js";
import { RECOVERY_PARTIES, RECOVERY_PARTY_LABELS, recoveryAmountProblem, recoveryDueOn, type RecoveryParty } from "../domain/emergency-fund.js";
import { ValidationError } from "../domain/errors.js";
import { isoDate, optionalText, requiredText, workerAmountFields, yuan } from "../forms/form.js";
import { workerNamesOf, type CaseRow } from "../models/cases.js";
import { advancesOfCase, amountsOf, appendMovement, checkAdvance, fundBalance, recoveredOf, workersOwed } from "../models/emergency-fund.js";
import { section, sectionAction } from "./section.js";

const advanceId = z.coerce.number({ error: "垫付申请不存在" }).int("垫付申请不存在").positive("垫付申请不存在");

function applicationForm(workers: readonly { id: number; name: string }[]) {
  return z.object({
    appliedOn: isoDate("申请日期"),
    reason: requiredText("垫付理由", 2000),
    recoverFrom: z.enum(RECOVERY_PARTIES, { error: "请选择追偿对象" }),
    recoverFromName: requiredText("追偿对象名称", 200),
    ...workerAmountFields("amount", workers, (name) => `${name}的垫付金额`),
  });
}

const decisionForm = z.object({
  advanceId,
  decision: z.enum(["approved", "refused"], { error: "请选择批准或不予垫付" }),
  decidedOn: isoDate("审批日期"),
  decisionNote: optionalText("审批意见", 2000),
});

const paymentForm = z.object({ advanceId, paidOn: isoDate("垫付日期") });

const recoveryForm = z.object({
  advanceId,
  recoveredOn: isoDate("收回日期"),
  amount: yuan("追偿金额"),
  payer: requiredText("还款单位", 200),
});

function advanceOf(tx: DbOrTx, c: CaseRow, id: number) {
  const a = tx
    .select()
    .from(emergencyAdvances)
    .where(and(eq(emergencyAdvances.id, id), eq(emergencyAdvances.caseId, c.id)))
    .get();
  if (!a) throw new ValidationError("垫付申请不存在", "advanceId");
  return a;
}

function dated(label: string, on: IsoDate, earliest: IsoDate, earliestName: string, now: Date, field: string): void {
  const problem = recordDateProblem(label, on, earliest, earliestName, shanghaiDate(now));
  if (problem) throw new ValidationError(problem, field);
}

/** The amounts of an application, per worker, from its parsed form. */
const appliedAmounts = (input: Record<string, unknown>) =>
  Object.entries(input)
    .filter(([k]) => k.startsWith("amount."))
    .map(([k, v]) => ({ workerId: Number(k.slice("amount.".length)), amountFen: v as number }));

export const applyAction = sectionAction({
  path: "advances",
  form: "advance",
  move: "applyAdvance",
  schema: (db, caseId) => applicationForm(workerNamesOf(db, caseId)),
  eventNote: (input) => {
    const totalFen = appliedAmounts(input).reduce((s, a) => s + a.amountFen, 0);
    return `${input.appliedOn} 申请应急周转金垫付 ¥${(totalFen / 100).toFixed(2)}，向${RECOVERY_PARTY_LABELS[input.recoverFrom as RecoveryParty]}${input.recoverFromName}追偿`;
  },
  record: (tx, c, input, by) => {
    const amounts = appliedAmounts(input);
    const totalFen = amounts.reduce((s, a) => s + a.amountFen, 0);
    dated("申请日期", input.appliedOn as IsoDate, c.receivedOn, "收到投诉的日期", by.now, "appliedOn");
    const officeId = c.officeId!;
    checkAdvance(tx, c.id, officeId, new Map(amounts.map((a) => [a.workerId, a.amountFen])));
    const { id } = tx
      .insert(emergencyAdvances)
      .values({
        caseId: c.id,
        officeId,
        appliedOn: input.appliedOn as IsoDate,
        reason: input.reason as string,
        recoverFrom: input.recoverFrom as RecoveryParty,
        recoverFromName: input.recoverFromName as string,
        totalFen,
        appliedById: by.actor.id,
      })
      .returning({ id: emergencyAdvances.id })
      .get();
    tx.insert(emergencyAdvanceWorkers)
      .values(amounts.filter((a) => a.amountFen > 0).map((a) => ({ advanceId: id, workerId: a.workerId, amountFen: a.amountFen })))
      .run();
  },
});

export const decideAction = sectionAction({
  path: "advances/decision",
  form: "advance-decision",
  perRecord: "advanceId",
  move: "decideAdvance",
  schema: decisionForm,
  eventNote: (input) =>
    `${input.decidedOn} ${input.decision === "approved" ? "批准应急周转金垫付" : "不予垫付"}${input.decisionNote ? `：${input.decisionNote}` : ""}`,
  record: (tx, c, input, by) => {
    if (input.decision === "refused" && !input.decisionNote) throw new ValidationError("不予垫付的，请填写审批意见", "decisionNote");
    const a = advanceOf(tx, c, input.advanceId);
    if (a.status !== "applied") throw new ValidationError("这一垫付申请已经审批", "advanceId");
    dated("审批日期", input.decidedOn, a.appliedOn, "申请日期", by.now, "decidedOn");
    if (input.decision === "approved") checkAdvance(tx, c.id, a.officeId, amountsOf(tx, a.id), a.id);
    tx.update(emergencyAdvances)
      .set({ status: input.decision, decidedOn: input.decidedOn, decisionNote: input.decisionNote, decidedById: by.actor.id })
      .where(eq(emergencyAdvances.id, a.id))
      .run();
  },
});

/** The fund pays: the advance leaves the ledger (refused when the balance no longer covers it) and its recovery clock starts. */
export const payAction = sectionAction({
  path: "advances/payment",
  form: "advance-payment",
  perRecord: "advanceId",
  move: "payAdvance",
  schema: paymentForm,
  eventNote: (input) => `${input.paidOn} 应急周转金已垫付`,
  record: (tx, c, input, by) => {
    const a = advanceOf(tx, c, input.advanceId);
    if (a.status !== "approved") throw new ValidationError(a.status === "paid" ? "这一垫付已经支付" : "垫付申请尚未批准，不能支付", "advanceId");
    dated("垫付日期", input.paidOn, a.decidedOn!, "批准日期", by.now, "paidOn");
    checkAdvance(tx, c.id, a.officeId, amountsOf(tx, a.id), a.id);
    appendMovement(
      tx,
      {
        officeId: a.officeId,
        kind: "advance",
        amountFen: a.totalFen,
        occurredOn: input.paidOn,
        advanceId: a.id,
        note: `垫付${amountsOf(tx, a.id).size}名农民工工资`,
        actorId: by.actor.id,
      },
      "paidOn",
    );
    tx.update(emergencyAdvances)
      .set({ status: "paid", paidOn: input.paidOn, recoveryDueOn: recoveryDueOn(input.paidOn, by.config.advanceRecoveryDays) })
      .where(eq(emergencyAdvances.id, a.id))
      .run();
  },
});

export const recoveryAction = sectionAction({
  path: "advances/recovery",
  form: "advance-recovery",
  perRecord: "advanceId",
  move: "recordAdvanceRecovery",
  schema: recoveryForm,
  eventNote: (input) => `${input.recoveredOn} 收回应急周转金垫付款 ¥${(input.amount / 100).toFixed(2)}（${input.payer}）`,
  record: (tx, c, input, by) => {
    const a = advanceOf(tx, c, input.advanceId);
    if (a.status !== "paid") throw new ValidationError("这一垫付尚未支付，无可追偿", "advanceId");
    dated("收回日期", input.recoveredOn, a.paidOn!, "垫付日期", by.now, "recoveredOn");
    const problem = recoveryAmountProblem(input.amount, a.totalFen - recoveredOf(tx, a.id));
    if (problem) throw new ValidationError(problem, "amount");
    appendMovement(tx, {
      officeId: a.officeId,
      kind: "recovery",
      amountFen: input.amount,
      occurredOn: input.recoveredOn,
      advanceId: a.id,
      note: input.payer,
      actorId: by.actor.id,
    });
  },
});

export const emergencyAdvancesSection = section({
  key: "emergency-advances",
  partial: "cases/_emergency-advances",
  // The people working the case see the advances (a supervisor's decision, the fund's money); others do not.
  when: (abilities) => abilities.access === "full",
  load: (db, view) => {
    const advances = advancesOfCase(db, view.c.id, view.today);
    const mayApply = view.may("applyAdvance");
    return {
      advances,
      // Nothing is confirmed owed before an order to pay or a mediation agreement: no form, and nothing to read.
      advanceOwed: mayApply && (view.settlements().orders.length > 0 || view.settlements().agreement !== null) ? workersOwed(db, view.c.id) : [],
      fundBalanceFen: view.c.officeId ? fundBalance(db, view.c.officeId) : 0,
      recoveryParties: RECOVERY_PARTY_LABELS,
      defaultRecoverFromName: view.c.generalContractor || view.c.employerName,
    };
  },
  action: applyAction,
  actions: [decideAction, payAction, recoveryAction],
});
