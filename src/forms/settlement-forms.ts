/** The forms of 快调, 责令支付, payments, enforcement and closing: amounts per worker typed in yuan. */
import { isIsoDate } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { ENFORCEMENT_KINDS } from "../db/schema.js";
import type { Enforcement, MediationInput, PaymentInput, WorkerAmount } from "../models/settlements.js";
import { formValues, type FormValues } from "./form.js";
import { parseYuanToFen } from "./money.js";

/** `${prefix}.${workerId}` fields → amounts; a blank field is 0. Throws a message naming the worker. */
export function workerAmounts(values: FormValues, prefix: string, workers: readonly { id: number; name: string }[]): WorkerAmount[] {
  return workers.map((w) => {
    const text = (values[`${prefix}.${w.id}`] ?? "").trim();
    const fen = text === "" ? 0 : parseYuanToFen(text);
    if (fen === null) throw new ValidationError(`${w.name}的金额应为金额数字，如 8500 或 8500.50`);
    return { workerId: w.id, amountFen: fen };
  });
}

function required(values: FormValues, key: string, label: string): string {
  const v = (values[key] ?? "").trim();
  if (!v) throw new ValidationError(`请填写${label}`);
  return v;
}

function date(values: FormValues, key: string, label: string): string {
  const v = required(values, key, label);
  if (!isIsoDate(v)) throw new ValidationError(`${label}应为有效日期`);
  return v;
}

export function parseMediation(body: unknown, workers: readonly { id: number; name: string }[]): MediationInput {
  const v = formValues(body);
  const result = v.result === "failed" ? "failed" : "agreement";
  return {
    sessionOn: date(v, "sessionOn", "调解日期"),
    place: required(v, "place", "调解地点"),
    workerSide: required(v, "workerSide", "劳动者一方到场人员"),
    employerSide: required(v, "employerSide", "用人单位一方到场人员"),
    workerStatement: required(v, "workerStatement", "劳动者一方陈述"),
    employerStatement: required(v, "employerStatement", "用人单位一方陈述"),
    result,
    payBy: result === "agreement" ? date(v, "payBy", "约定支付期限") : null,
    paymentMethod: result === "agreement" ? required(v, "paymentMethod", "支付方式") : "",
    amounts: result === "agreement" ? workerAmounts(v, "amount", workers) : [],
  };
}

export function parseOrder(body: unknown, workers: readonly { id: number; name: string }[]) {
  const v = formValues(body);
  return { payBy: date(v, "payBy", "限期支付日期"), facts: required(v, "facts", "违法事实"), amounts: workerAmounts(v, "amount", workers) };
}

export function parsePayment(body: unknown): Omit<PaymentInput, "proof"> {
  const v = formValues(body);
  const amount = parseYuanToFen(required(v, "amount", "支付金额"));
  if (amount === null) throw new ValidationError("支付金额应为金额数字，如 8500 或 8500.50");
  return { itemId: Number(v.itemId), amountFen: amount, paidOn: date(v, "paidOn", "支付日期"), workerConfirmed: v.workerConfirmed === "on" };
}

export function parseEnforcement(body: unknown): Enforcement {
  const v = formValues(body);
  const kind = v.kind as (typeof ENFORCEMENT_KINDS)[number];
  const note = (v.note ?? "").trim();
  switch (kind) {
    case "compensation": {
      const rate = Number(required(v, "ratePercent", "加付赔偿金比例"));
      return { kind, ratePercent: rate, note };
    }
    case "decision":
      return { kind, note: required(v, "note", "行政处理决定的内容") };
    case "policeReferral":
      return { kind, agency: required(v, "agency", "接收移送的公安机关"), decidedOn: date(v, "decidedOn", "移送日期"), note };
    default:
      throw new ValidationError("请选择要采取的措施");
  }
}
