/** The blacklist proposal form: grounds, facts and the persons listed with the employer. */
import { z } from "zod";
import { GROUNDS, PERSON_ROLES, type Grounds } from "../domain/blacklist.js";
import type { PersonInput, ProposalInput } from "../models/blacklist.js";
import { optionalText, parseForm, requiredText, type FormResult } from "./form.js";

/** How many person rows the form offers. */
export const PERSON_ROWS = 4;

const personFields = Object.fromEntries(
  Array.from({ length: PERSON_ROWS }, (_, i) => [
    [`persons.${i}.role`, z.enum(PERSON_ROLES).optional()],
    [`persons.${i}.name`, optionalText("姓名", 50)],
    [`persons.${i}.idNumber`, optionalText("身份证号码", 18)],
  ]).flat(),
);

const proposalSchema = z
  .object({
    grounds: z.enum(GROUNDS, { error: "请选择列入的情形" }),
    monthsOwed: z.coerce.number({ error: "拖欠月数应为数字" }).int("拖欠月数应为整数").min(0).optional(),
    incident: optionalText("群体性事件、极端事件的情况"),
    facts: requiredText("违法事实", 4000),
    ...personFields,
  })
  .superRefine((v, ctx) => {
    const fields = v as Record<string, unknown>;
    for (let i = 0; i < PERSON_ROWS; i++) {
      const name = String(fields[`persons.${i}.name`] ?? "").trim();
      const id = String(fields[`persons.${i}.idNumber`] ?? "").trim();
      if (!name && !id) continue;
      if (!name) ctx.addIssue({ code: "custom", path: [`persons.${i}.name`], message: `请填写第 ${i + 1} 位当事人的姓名` });
      else if (!id) ctx.addIssue({ code: "custom", path: [`persons.${i}.idNumber`], message: `请填写${name}的身份证号码` });
    }
  });

export function parseProposal(body: unknown): FormResult<Omit<ProposalInput, "caseId" | "orderId">> {
  const result = parseForm(proposalSchema, body);
  if (!result.ok) return result;
  const v = result.value as Record<string, unknown>;
  const kind = v.grounds as Grounds["kind"];
  const grounds: Grounds =
    kind === "oneWorker" ? { kind, monthsOwed: Number(v.monthsOwed ?? 0) } : kind === "group" ? { kind } : { kind, description: String(v.incident ?? "") };
  const persons: PersonInput[] = [];
  for (let i = 0; i < PERSON_ROWS; i++) {
    const name = String(v[`persons.${i}.name`] ?? "").trim();
    if (!name) continue;
    persons.push({
      role: (v[`persons.${i}.role`] as PersonInput["role"] | undefined) ?? "other",
      name,
      idNumber: String(v[`persons.${i}.idNumber`] ?? "")
        .trim()
        .toUpperCase(),
    });
  }
  return { ...result, value: { grounds, facts: String(v.facts), persons } };
}
