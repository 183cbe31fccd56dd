/**
 * Form parsing at the edge, one style for every form: a zod schema per form; failures come back as one
 * Chinese message per field (every field at once, each naming its field) together with everything the user
 * typed, so the page can be shown again unchanged.
 */
import { z } from "zod";
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { parseYuanToFen } from "./money.js";
import { amountProblem } from "../domain/bounds.js";

z.config(z.locales.zhCN());

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type FormResult<T> = { ok: true; value: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** The submitted fields as strings (multi-valued fields keep their first value; a list of checkboxes is read from the body itself). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== "object" || body === null) return values;
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") values[k] = first;
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const values = formValues(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data, values };
  return { ok: false, errors: fieldErrors(result.error), values };
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A required text field: "请填写{label}" when missing or blank. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
}

/** An optional text field, trimmed. */
export function optionalText(label: string, max = 2000) {
  return z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional().default("");
}

/** A calendar date typed as YYYY-MM-DD. */
export function isoDate(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine((v) => isIsoDate(v), `${label}应为有效日期`)
    .transform((v) => v as IsoDate);
}

/** An amount typed in yuan ("8,500.50", "¥800") → integer fen; a blank field is `blank` (or refused when undefined). */
export function yuan(label: string, blank?: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? "").trim();
      if (text === "") {
        if (blank !== undefined) return blank;
        ctx.addIssue({ code: "custom", message: `请填写${label}` });
        return z.NEVER;
      }
      const fen = parseYuanToFen(text);
      // One bound for every amount (domain/bounds.ts): no ¥∞, no 1e34.
      const problem = amountProblem(label, fen, { allowZero: true });
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return fen!;
    });
}

/** The `${prefix}.${workerId}` amount fields of a case's workers, each labelled with the worker's name. */
export function workerAmountFields(prefix: string, workers: readonly { id: number; name: string }[], label: (name: string) => string) {
  return Object.fromEntries(workers.map((w) => [`${prefix}.${w.id}`, yuan(label(w.name), 0)]));
}

/** Reads back the amounts of workerAmountFields as { workerId, amountFen }. */
export function workerAmountsOf(value: Record<string, unknown>, prefix: string, workers: readonly { id: number }[]): { workerId: number; amountFen: number }[] {
  return workers.map((w) => ({ workerId: w.id, amountFen: value[`${prefix}.${w.id}`] as number }));
}

/** A form's errors, carried to the page that shows the form again. */
export class InvalidFormError extends ValidationError {
  constructor(readonly errors: FieldErrors) {
    super(Object.values(errors).join("；"));
  }
}

/** The parsed value, or an InvalidFormError with every field's message. */
export function valid<T>(result: FormResult<T>): T {
  if (!result.ok) throw new InvalidFormError(result.errors);
  return result.value;
}

/** The messages of a refused change, beside their fields: a form's every field, or the one field the rule named. */
export function fieldErrorsOf(err: ValidationError): FieldErrors {
  return err instanceof InvalidFormError ? err.errors : err.field ? { [err.field]: err.message } : {};
}
