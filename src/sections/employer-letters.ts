/**
 * 函件往来: the inspectors and the supervisor working an open case record a letter sent to or received from the
 * employer — which way, the day, the other party, its subject — listed on the case page and written on the
 * timeline (docs/rules.md §函件往来). Section, form and use-case in one module.
 */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { employerLetters, users } from "../db/schema.js";
import { recordDateProblem } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { isoDate, optionalText, requiredText } from "../forms/form.js";
import { section, sectionAction } from "./section.js";

export const LETTER_DIRECTIONS = { sent: "发出", received: "收到" } as const;
type Direction = keyof typeof LETTER_DIRECTIONS;

const letterForm = z.object({
  direction: z.enum(Object.keys(LETTER_DIRECTIONS) as [Direction, ...Direction[]], { error: "请选择发出或收到" }),
  letterOn: isoDate("函件日期"),
  otherParty: requiredText("对方（单位或收发人）", 100),
  subject: requiredText("函件事由", 200),
  note: optionalText("备注", 2000),
});

const lettersQuery = (db: DbOrTx) =>
  db
    .select({
      id: employerLetters.id,
      direction: employerLetters.direction,
      letterOn: employerLetters.letterOn,
      otherParty: employerLetters.otherParty,
      subject: employerLetters.subject,
      note: employerLetters.note,
      recordedBy: users.displayName,
    })
    .from(employerLetters)
    .leftJoin(users, eq(users.id, employerLetters.recordedById))
    .where(eq(employerLetters.caseId, sql.placeholder("caseId")))
    .orderBy(asc(employerLetters.letterOn), asc(employerLetters.id))
    .prepare();

export function lettersOf(db: DbOrTx, caseId: number) {
  return preparedOnce(db, lettersQuery).all({ caseId });
}

export const employerLettersSection = section({
  key: "employer-letters",
  partial: "cases/_employer-letters",
  // Shown to everyone who sees the case once a letter is recorded; the form to those who may record one now.
  when: () => true,
  load: (db, view) => ({ letters: lettersOf(db, view.c.id), directions: LETTER_DIRECTIONS }),
  action: sectionAction({
    path: "employer-letters",
    form: "employer-letter",
    move: "recordEmployerLetter",
    schema: letterForm,
    eventNote: (input) => `${input.letterOn} ${LETTER_DIRECTIONS[input.direction]}函件：${input.subject}`,
    record: (tx, c, input, by) => {
      const problem = recordDateProblem("函件日期", input.letterOn, c.receivedOn, "收到投诉的日期", by.today);
      if (problem) throw new ValidationError(problem, "letterOn");
      tx.insert(employerLetters)
        .values({ caseId: c.id, ...input, recordedById: by.actor.id })
        .run();
    },
  }),
});
