import { z } from "zod";
import { shanghaiDate } from "../domain/dates.js";
import { parseForm, requiredText, type FieldErrors, type FormValues } from "./form.js";

const schema = z.object({
  visitedAt: z.string({ error: "请填写检查时间" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请填写检查时间"),
  place: requiredText("检查地点", 200),
  peopleQuestioned: requiredText("询问人员", 1000),
  findings: requiredText("检查情况", 4000),
});

export interface VisitForm {
  visitedAt: Date;
  place: string;
  peopleQuestioned: string;
  findings: string;
  inspectorIds: number[];
}

/** The visit form; the time is typed in the bureau's zone (Asia/Shanghai) and must lie between receipt and now. */
export function parseVisitForm(
  body: unknown,
  bounds: { receivedOn: string; now: Date },
): { ok: true; value: VisitForm } | { ok: false; errors: FieldErrors; values: FormValues } {
  const form = parseForm(schema, body);
  const raw = (body ?? {}) as Record<string, unknown>;
  const inspectorIds = ([] as unknown[])
    .concat(raw.inspectorIds ?? [])
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (!form.ok) return form;
  const visitedAt = new Date(`${form.value.visitedAt}:00+08:00`);
  const errors: FieldErrors = {};
  if (Number.isNaN(visitedAt.getTime())) errors.visitedAt = "请填写有效的检查时间";
  else if (visitedAt.getTime() > bounds.now.getTime()) errors.visitedAt = "检查时间不能晚于现在";
  else if (shanghaiDate(visitedAt) < bounds.receivedOn) errors.visitedAt = "检查时间不能早于收到投诉的日期";
  if (Object.keys(errors).length) return { ok: false, errors, values: form.values };
  return { ok: true, value: { ...form.value, visitedAt, inspectorIds } };
}
