/** The forms of 快调, 责令支付, payments, enforcement and closing: amounts per worker typed in yuan. */
import { z } from "zod";
import { OUTCOMES, type Outcome } from "../domain/case-states.js";
import type { Enforcement, MediationInput, PaymentInput, PaymentRow, WorkerAmount } from "../models/settlements.js";
import { PAYMENT_METHODS, type PaymentMethod } from "../domain/money.js";
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import {
  formValues,
  isoDate,
  optionalText,
  parseForm,
  requiredText,
  workerAmountFields,
  workerAmountsOf,
  yuan,
  type FieldErrors,
  type FormResult,
} from "./form.js";
import type { Violation } from "../domain/legal-basis.js";

type Workers = readonly { id: number; name: string }[];

/** Turns a parsed form into its value, or carries every field's error and the typed values along. */
function mapResult<A, B>(result: FormResult<A>, to: (value: A) => B): FormResult<B> {
  return result.ok ? { ok: true, value: to(result.value), values: result.values } : result;
}

export function parseMediation(body: unknown, workers: Workers): FormResult<MediationInput> {
  const agreed = (body as Record<string, unknown> | undefined)?.result !== "failed";
  const schema = z.object({
    sessionOn: isoDate("调解日期"),
    place: requiredText("调解地点"),
    workerSide: requiredText("劳动者一方到场人员"),
    employerSide: requiredText("用人单位一方到场人员"),
    workerStatement: requiredText("劳动者一方陈述", 4000),
    employerStatement: requiredText("用人单位一方陈述", 4000),
    ...(agreed
      ? { payBy: isoDate("约定支付期限"), paymentMethod: requiredText("支付方式"), ...workerAmountFields("amount", workers, (name) => `${name}的约定金额`) }
      : {}),
  });
  return mapResult(parseForm(schema, body), (v) => {
    const fields = v as z.output<typeof schema> & { payBy?: string; paymentMethod?: string };
    return {
      sessionOn: fields.sessionOn,
      place: fields.place,
      workerSide: fields.workerSide,
      employerSide: fields.employerSide,
      workerStatement: fields.workerStatement,
      employerStatement: fields.employerStatement,
      result: agreed ? "agreement" : "failed",
      payBy: agreed ? (fields.payBy ?? null) : null,
      paymentMethod: agreed ? (fields.paymentMethod ?? "") : "",
      amounts: agreed ? workerAmountsOf(fields, "amount", workers) : [],
    };
  });
}

export function parseOrder(body: unknown, workers: Workers): FormResult<{ payBy: string; facts: string; violation?: Violation; amounts: WorkerAmount[] }> {
  const schema = z.object({
    payBy: isoDate("限期支付日期"),
    facts: requiredText("违法事实", 4000),
    // Left out: the model picks 农民工 rules for a construction case, the general ones otherwise.
    violation: z.enum(["migrantWorkers", "general"], { error: "请选择违反的规定" }).optional(),
    ...workerAmountFields("amount", workers, (name) => `${name}的责令支付金额`),
  });
  return mapResult(parseForm(schema, body), (v) => ({
    payBy: v.payBy,
    facts: v.facts,
    violation: v.violation,
    amounts: workerAmountsOf(v, "amount", workers),
  }));
}

const paymentSchema = z.object({
  itemId: z.coerce.number({ error: "请选择要登记支付的投诉人" }).int("请选择要登记支付的投诉人").positive("请选择要登记支付的投诉人"),
  amount: yuan("支付金额"),
  paidOn: isoDate("支付日期"),
  workerConfirmed: z.string().optional(),
});

export function parsePayment(body: unknown): FormResult<Omit<PaymentInput, "proof">> {
  return mapResult(parseForm(paymentSchema, body), (v) => ({
    itemId: v.itemId,
    amountFen: v.amount,
    paidOn: v.paidOn,
    workerConfirmed: v.workerConfirmed === "on",
  }));
}

/** An item of the payment table: a worker's share of an agreement or order, and what is still owed on it. */
export interface OpenItem {
  id: number;
  workerName: string;
  owedFen: number;
}

/**
 * The payment table: a row per worker still owed (amount, date, method, the worker's confirmation); a row
 * left blank is not paid this time. "全部按约定支付" fills every row with what is still owed, on the date
 * and by the method given once. Every row's mistakes are reported at once, under the row's own fields.
 */
export function parsePaymentTable(body: unknown, items: readonly OpenItem[]): FormResult<PaymentRow[]> {
  const raw = formValues(body);
  const asAgreed = raw.asAgreed === "on";
  const method = z.enum(PAYMENT_METHODS, { error: "请选择支付方式" });
  const schema = z.object({
    ...(asAgreed ? { paidOn: isoDate("支付日期"), method } : {}),
    ...Object.fromEntries(
      items.flatMap((i) => [
        [`amount.${i.id}`, yuan(`${i.workerName}的支付金额`, 0)],
        [`paidOn.${i.id}`, z.string().optional()],
        [`method.${i.id}`, z.string().optional()],
        [`confirmed.${i.id}`, z.string().optional()],
      ]),
    ),
  });
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.value as Record<string, unknown>;
  const errors: FieldErrors = {};
  const rows: PaymentRow[] = [];
  for (const i of items) {
    const amountFen = asAgreed ? i.owedFen : (v[`amount.${i.id}`] as number);
    if (amountFen === 0) continue;
    const paidOn = asAgreed ? (v.paidOn as string) : String(v[`paidOn.${i.id}`] ?? "").trim();
    const how = asAgreed ? (v.method as string) : String(v[`method.${i.id}`] ?? "");
    if (!isIsoDate(paidOn)) errors[`paidOn.${i.id}`] = paidOn ? `${i.workerName}的支付日期应为有效日期` : `请填写${i.workerName}的支付日期`;
    if (!method.safeParse(how).success) errors[`method.${i.id}`] = `请选择${i.workerName}的支付方式`;
    rows.push({ itemId: i.id, amountFen, paidOn: paidOn as IsoDate, method: how as PaymentMethod, workerConfirmed: v[`confirmed.${i.id}`] === "on" });
  }
  if (rows.length === 0) errors._form = "请至少填写一名投诉人的支付金额，或勾选“全部按约定支付”";
  return Object.keys(errors).length ? { ok: false, errors, values: parsed.values } : { ok: true, value: rows, values: parsed.values };
}

const enforcementSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("compensation"), ratePercent: z.coerce.number({ error: "加付赔偿金比例应为数字" }), note: optionalText("说明") }),
    z.object({ kind: z.literal("decision"), note: requiredText("行政处理决定的内容", 4000) }),
    z.object({ kind: z.literal("policeReferral"), agency: requiredText("接收移送的公安机关"), decidedOn: isoDate("移送日期"), note: optionalText("说明") }),
  ],
  { error: "请选择要采取的措施" },
);

export function parseEnforcement(body: unknown): FormResult<Enforcement> {
  return parseForm(enforcementSchema, body);
}

export function parseClosing(
  body: unknown,
  workers: Workers,
): FormResult<{ outcome: Outcome; note: string; recovered: WorkerAmount[]; overClaimNote: string }> {
  const schema = z.object({
    outcome: z.enum(OUTCOMES, { error: "请选择办结方式" }),
    note: requiredText("结案摘要", 4000),
    overClaimNote: optionalText("超出诉求的说明"),
    ...workerAmountFields("recovered", workers, (name) => `${name}的追回金额`),
  });
  return mapResult(parseForm(schema, body), (v) => ({
    outcome: v.outcome,
    note: v.note,
    overClaimNote: v.overClaimNote,
    recovered: workerAmountsOf(v, "recovered", workers),
  }));
}
