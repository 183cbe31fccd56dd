/**
 * 询问笔录: the inspectors working a filed case record a questioning — who, where, when, the two inspectors with
 * their 执法证号, the questions and answers, the signature or the refusal — and print it on A4; the records are
 * listed with the case's evidence (docs/rules.md §询问笔录). Section, form and use-case in one module; the rules
 * are in domain/inquiries.ts.
 */
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { inquiryRecords, users } from "../db/schema.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { INTERVIEWEE_ROLE_LABELS, inquiryProblem, shanghaiMinute, type IntervieweeRole } from "../domain/inquiries.js";
import { maskIdNumber } from "../domain/masking.js";
import { optionalText, requiredText } from "../forms/form.js";
import { visitEligibleStaff, visitStaffOfPage } from "../models/site-visits.js";
import { section, sectionAction } from "./section.js";

const staffId = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

/** The form: each field typed and bounded here; domain/inquiries.ts checks how they fit together. */
const inquiryForm = z.object({
  intervieweeRole: z.enum(Object.keys(INTERVIEWEE_ROLE_LABELS) as [IntervieweeRole, ...IntervieweeRole[]], { error: "请选择被询问人身份" }),
  intervieweeName: requiredText("被询问人姓名", 50),
  intervieweeIdNumber: optionalText("被询问人身份证号", 18).transform((v) => v.toUpperCase()),
  intervieweeDetail: optionalText("工作单位、职务或与本案的关系", 200),
  place: requiredText("询问地点", 200),
  startedAt: requiredText("询问开始时间", 16),
  endedAt: requiredText("询问结束时间", 16),
  firstInspectorId: staffId("请选择第一名监察员"),
  firstCertificate: requiredText("第一名监察员的执法证号", 50),
  secondInspectorId: staffId("请选择第二名监察员"),
  secondCertificate: requiredText("第二名监察员的执法证号", 50),
  questionsAndAnswers: requiredText("询问内容", 20_000),
  signature: z.enum(["signed", "refused"], { error: "请选择被询问人是否逐页签名" }),
  refusalNote: optionalText("拒绝签名的情况", 1000),
});

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
  // The interviewee's ID number, whole to the people working the case.
  showsPersonalData: true,
  load: (db, view) => ({
    inquiries: inquiriesOf(db, view.c.id, view.detail.personalDataShown),
    intervieweeRoleLabels: INTERVIEWEE_ROLE_LABELS,
    inquiryStaff: view.may("recordInquiry") && view.shows("inquiry") ? visitStaffOfPage(db, view.c.officeId) : [],
    // The latest time the form offers is now: a page offering it is kept by the page cache only within this minute.
    nowMinute: view.may("recordInquiry") && view.shows("inquiry") ? view.minuteNow() : "",
  }),
  action: sectionAction({
    path: "inquiries",
    form: "inquiry",
    move: "recordInquiry",
    schema: inquiryForm,
    eventNote: (input) =>
      `询问${INTERVIEWEE_ROLE_LABELS[input.intervieweeRole]}${input.intervieweeName}（${input.startedAt.replace("T", " ")}，${input.place}）`,
    record: (tx, c, input, by) => {
      const eligible = new Set(visitEligibleStaff(tx, c.officeId).map((s) => s.id));
      const problem = inquiryProblem(input, eligible, c.receivedOn, shanghaiMinute(by.now));
      if (problem) throw new ValidationError(problem.message, problem.field);
      tx.insert(inquiryRecords)
        .values({ ...input, caseId: c.id, refusalNote: input.signature === "refused" ? input.refusalNote : "", recordedById: by.actor.id })
        .run();
    },
  }),
});
