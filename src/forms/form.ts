/**
 * Form parsing at the edge: a zod schema per form; failures come back as one Chinese message per field
 * together with everything the user typed, so the page can be shown again unchanged.
 */
import { z } from "zod";

z.config(z.locales.zhCN());

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;
export type FormResult<T> = { ok: true; value: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** The submitted fields as strings (multi-valued fields keep their first value; see parseRows for lists). */
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

