/**
 * 被投诉单位: the employer (and the project of a construction case), the facts and the claim; and 补全被投诉单位信息 —
 * the people working an open case complete or correct the employer's 统一社会信用代码, legal representative and
 * address found in the investigation, which a 行政处理决定书 must state (docs/rules.md § The 行政处理决定书).
 * Each change goes on the timeline with what it was before.
 */
import { z } from "zod";
import { PARTICULAR_LABELS } from "../domain/decision-document.js";
import { ValidationError } from "../domain/errors.js";
import { optionalText, requiredText } from "../forms/form.js";
import { usccFieldProblem } from "../forms/intake-form.js";
import type { CaseRow } from "../models/cases.js";
import { projectOfCase } from "../models/projects.js";
import { section, sectionAction } from "./section.js";

const particularsForm = z.object({
  employerUscc: optionalText("统一社会信用代码", 18),
  employerLegalRep: requiredText("法定代表人（负责人）", 50),
  employerAddress: requiredText("地址", 200),
});

type Particular = keyof z.output<typeof particularsForm>;

type Particulars = Pick<CaseRow, Particular>;

/** The particulars as the form gives them (the code checked), and those that differ from the case's. */
function particularsOf(input: z.output<typeof particularsForm>): Particulars {
  const uscc = (input.employerUscc ?? "").trim().toUpperCase() || null;
  const usccMessage = uscc ? usccFieldProblem(uscc) : null;
  if (usccMessage) throw new ValidationError(usccMessage, "employerUscc");
  return { employerUscc: uscc, employerLegalRep: input.employerLegalRep, employerAddress: input.employerAddress };
}

const changedOf = (c: CaseRow, next: Particulars) => (Object.keys(next) as Particular[]).filter((k) => (c[k] ?? null) !== next[k]);

export const employerSection = section({
  key: "employer",
  partial: "cases/_employer",
  when: () => true,
  load: (db, view) => ({ project: view.c.isConstruction ? projectOfCase(db, view.c.id) : null }),
  action: sectionAction({
    path: "employer",
    form: "employer-particulars",
    move: "completeEmployer",
    schema: particularsForm,
    // Each change with what it was before.
    eventNote: (input, c) => {
      const next = particularsOf(input);
      return changedOf(c, next)
        .map((k) => `${PARTICULAR_LABELS[k]}：${c[k] || "不详"} → ${next[k] || "不详"}`)
        .join("；");
    },
    record: (_tx, c, input) => {
      const next = particularsOf(input);
      if (changedOf(c, next).length === 0) throw new ValidationError("被投诉单位信息没有变化");
      return next;
    },
  }),
});
