/**
 * 询问笔录: the inspectors working a filed case record a questioning — who, where, when, the two inspectors with
 * their 执法证号, the questions and answers, the signature or the refusal — and print it on A4; the records are
 * listed with the case's evidence (docs/rules.md §询问笔录). Section, form and use-case in one module; the rules
 * are in domain/inquiries.ts.
 */
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db, DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { inquiryRecords, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { INTERVIEWEE_ROLE_LABELS, inquiryProblem, shanghaiMinute, type InquiryInput, type IntervieweeRole } from "../domain/inquiries.js";
import { maskIdNumber } from "../domain/masking.js";
import { formValues } from "../forms/form.js";
import { getCaseRow, transition } from "../models/cases.js";
import { visitEligibleStaff } from "../models/site-visits.js";
import { section } from "./section.js";

/** The form as typed; domain/inquiries.ts checks it. */
export function parseInquiry(body: unknown): InquiryInput {
  const v = formValues(body);
  const text = (key: string) => v[key] ?? "";
  return {
    intervieweeRole: text("intervieweeRole"),
    intervieweeName: text("intervieweeName"),
    intervieweeIdNumber: text("intervieweeIdNumber").toUpperCase(),
    intervieweeDetail: text("intervieweeDetail"),
    place: text("place"),
    startedAt: text("startedAt"),
    endedAt: text("endedAt"),
    firstInspectorId: Number(text("firstInspectorId")),
    firstCertificate: text("firstCertificate"),
    secondInspectorId: Number(text("secondInspectorId")),
    secondCertificate: text("secondCertificate"),
    questionsAndAnswers: text("questionsAndAnswers"),
    signature: text("signature"),
    refusalNote: text("refusalNote"),
  };
}

export function recordInquiry(db: Db, req: { caseId: number; body: unknown; actor: Viewer; now: Date }): void {
  const input = parseInquiry(req.body);
  const eligible = new Set(visitEligibleStaff(db, getCaseRow(db, req.caseId).officeId).map((s) => s.id));
  transition(db, {
    caseId: req.caseId,
    move: "recordInquiry",
    version: Number(formValues(req.body).version),
    note: "",
    eventNote: `询问${INTERVIEWEE_ROLE_LABELS[input.intervieweeRole as IntervieweeRole] ?? ""}${input.intervieweeName.trim()}（${input.startedAt.replace("T", " ")}，${input.place.trim()}）`,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const problem = inquiryProblem(input, eligible, c.receivedOn, shanghaiMinute(req.now));
      if (problem) throw new ValidationError(problem.message, problem.field);
      tx.insert(inquiryRecords)
        .values({
          ...input,
          caseId: c.id,
          intervieweeRole: input.intervieweeRole as IntervieweeRole,
          intervieweeName: input.intervieweeName.trim(),
          intervieweeIdNumber: input.intervieweeIdNumber.trim(),
          intervieweeDetail: input.intervieweeDetail.trim(),
          place: input.place.trim(),
          firstCertificate: input.firstCertificate.trim(),
          secondCertificate: input.secondCertificate.trim(),
          signature: input.signature as "signed" | "refused",
          refusalNote: input.signature === "refused" ? input.refusalNote.trim() : "",
          recordedById: req.actor.id,
        })
        .run();
    },
  });
}

const first = alias(users, "first_inspector");
const second = alias(users, "second_inspector");
const inquiriesQuery = (db: DbOrTx) =>
  db
    .select({ r: inquiryRecords, firstInspector: first.displayName, secondInspector: second.displayName })
    .from(inquiryRecords)
    .innerJoin(first, eq(first.id, inquiryRecords.firstInspectorId))
    .innerJoin(second, eq(second.id, inquiryRecords.secondInspectorId))
    .where(eq(inquiryRecords.caseId, sql.placeholder("caseId")))
    .orderBy(asc(inquiryRecords.startedAt), asc(inquiryRecords.id))
    .prepare();

/**
 * The case's 询问笔录 with the inspectors' names. The person's ID number is given whole only to a reader with full
 * access to the case (who works it, and whose view the case page or the printed record has already recorded).
 */
export function inquiriesOf(db: DbOrTx, caseId: number, fullAccess: boolean) {
  return preparedOnce(db, inquiriesQuery)
    .all({ caseId })
    .map(({ r, ...names }) => ({
      ...r,
      ...names,
      intervieweeIdNumber: fullAccess ? r.intervieweeIdNumber : maskIdNumber(r.intervieweeIdNumber),
    }));
}

/** One record of the case, or not found. */
export function inquiryOfCase(db: DbOrTx, caseId: number, inquiryId: number, fullAccess: boolean) {
  const found = inquiriesOf(db, caseId, fullAccess).find((r) => r.id === inquiryId);
  if (!found) throw new NotFoundError("询问笔录不存在。");
  return found;
}

export const inquiriesSection = section({
  key: "inquiries",
  partial: "cases/_inquiries",
  // Questioning is part of the investigation of a filed case; the records stay on the page after closing.
  when: (_abilities, c) => c.filedOn !== null,
  load: (db, view) => ({
    inquiries: inquiriesOf(db, view.c.id, view.abilities.access === "full"),
    intervieweeRoleLabels: INTERVIEWEE_ROLE_LABELS,
    inquiryStaff: view.may("recordInquiry") ? visitEligibleStaff(db, view.c.officeId) : [],
    nowMinute: shanghaiMinute(view.now),
  }),
  action: { path: "inquiries", form: "inquiry", move: "recordInquiry", run: recordInquiry },
});
