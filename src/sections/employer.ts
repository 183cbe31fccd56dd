/**
 * 被投诉单位: the employer (and the project of a construction case), the facts and the claim; and 补全被投诉单位信息 —
 * the people working an open case complete or correct the employer's 统一社会信用代码, legal representative and
 * address found in the investigation, which a 行政处理决定书 must state (docs/rules.md § The 行政处理决定书).
 * Each change goes on the timeline with what it was before.
 */
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Viewer } from "../domain/case-abilities.js";
import { PARTICULAR_LABELS } from "../domain/decision-document.js";
import { ValidationError } from "../domain/errors.js";
import { formValues, optionalText, parseForm, requiredText, valid } from "../forms/form.js";
import { usccFieldProblem } from "../forms/intake-form.js";
import { getCaseRow, transition } from "../models/cases.js";
import { section } from "./section.js";

const particularsForm = z.object({
  employerUscc: optionalText("统一社会信用代码", 18),
  employerLegalRep: requiredText("法定代表人（负责人）", 50),
  employerAddress: requiredText("地址", 200),
});

type Particular = keyof z.output<typeof particularsForm>;

export function completeEmployer(db: Db, req: { caseId: number; body: unknown; actor: Viewer; now: Date }): void {
  const input = valid(parseForm(particularsForm, req.body));
  const uscc = (input.employerUscc ?? "").trim().toUpperCase() || null;
  const usccMessage = uscc ? usccFieldProblem(uscc) : null;
  if (usccMessage) throw new ValidationError(usccMessage, "employerUscc");
  const next = { employerUscc: uscc, employerLegalRep: input.employerLegalRep, employerAddress: input.employerAddress };
  const version = Number(formValues(req.body).version);
  // Read before the transaction for the timeline's “before → after”: transition() refuses it unless the case is still at the form's version.
  const before = getCaseRow(db, req.caseId);
  const changed = (Object.keys(next) as Particular[]).filter((k) => (before[k] ?? null) !== next[k]);
  if (changed.length === 0) throw new ValidationError("被投诉单位信息没有变化");
  transition(db, {
    caseId: req.caseId,
    move: "completeEmployer",
    version,
    note: "",
    eventNote: changed.map((k) => `${PARTICULAR_LABELS[k]}：${before[k] || "不详"} → ${next[k] || "不详"}`).join("；"),
    actor: req.actor,
    now: req.now,
    effect: () => next,
  });
}

export const employerSection = section({
  key: "employer",
  partial: "cases/_employer",
  when: () => true,
  load: () => ({}),
  action: { path: "employer", form: "employer-particulars", move: "completeEmployer", run: completeEmployer },
});
