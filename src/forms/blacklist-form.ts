/** The blacklist proposal form: grounds, facts and the persons listed with the employer. */
import { GROUNDS, PERSON_ROLES, type Grounds, type PersonRole } from "../domain/blacklist.js";
import { ValidationError } from "../domain/errors.js";
import type { PersonInput, ProposalInput } from "../models/blacklist.js";
import { formValues, type FormValues } from "./form.js";

/** How many person rows the form offers. */
export const PERSON_ROWS = 4;

export function parseProposal(body: unknown): Omit<ProposalInput, "caseId" | "orderId"> {
  const v = formValues(body);
  const kind = v.grounds as Grounds["kind"];
  if (!GROUNDS.includes(kind)) throw new ValidationError("请选择列入的情形");
  const grounds: Grounds =
    kind === "oneWorker" ? { kind, monthsOwed: Number(v.monthsOwed || 0) } : kind === "group" ? { kind } : { kind, description: v.incident ?? "" };
  return { grounds, facts: v.facts ?? "", persons: parsePersons(v) };
}

function parsePersons(v: FormValues): PersonInput[] {
  const out: PersonInput[] = [];
  for (let i = 0; i < PERSON_ROWS; i++) {
    const name = (v[`persons.${i}.name`] ?? "").trim();
    const idNumber = (v[`persons.${i}.idNumber`] ?? "").trim();
    const role = v[`persons.${i}.role`] as PersonRole;
    if (!name && !idNumber) continue;
    if (!PERSON_ROLES.includes(role)) throw new ValidationError(`请选择第 ${i + 1} 位当事人的身份`);
    if (!name) throw new ValidationError(`请填写第 ${i + 1} 位当事人的姓名`);
    if (!idNumber) throw new ValidationError(`请填写${name}的身份证号码`);
    out.push({ role, name, idNumber });
  }
  return out;
}


export function textField(body: unknown, key: string): string {
  return formValues(body)[key] ?? "";
}

export function checked(body: unknown, key: string): boolean {
  return Boolean(formValues(body)[key]);
}
