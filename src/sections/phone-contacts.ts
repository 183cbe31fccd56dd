/**
 * 记录电话联系用人单位: an inspector working an open case records a telephone contact with the employer —
 * the day, who was reached, what was said — on the case page, and it goes on the timeline
 * (docs/rules.md §电话联系用人单位). Section, form and use-case in one module.
 */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { employerPhoneContacts, users } from "../db/schema.js";
import { recordDateProblem } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { isoDate, requiredText } from "../forms/form.js";
import { section, sectionAction } from "./section.js";

const contactForm = z.object({
  contactedOn: isoDate("联系日期"),
  personReached: requiredText("联系到的人（姓名、职务）", 100),
  summary: requiredText("通话内容", 2000),
});

const contactsQuery = (db: DbOrTx) =>
  db
    .select({
      id: employerPhoneContacts.id,
      contactedOn: employerPhoneContacts.contactedOn,
      personReached: employerPhoneContacts.personReached,
      summary: employerPhoneContacts.summary,
      recordedBy: users.displayName,
    })
    .from(employerPhoneContacts)
    .leftJoin(users, eq(users.id, employerPhoneContacts.recordedById))
    .where(eq(employerPhoneContacts.caseId, sql.placeholder("caseId")))
    .orderBy(asc(employerPhoneContacts.contactedOn), asc(employerPhoneContacts.id))
    .prepare();

export function phoneContactsOf(db: DbOrTx, caseId: number) {
  return preparedOnce(db, contactsQuery).all({ caseId });
}

export const phoneContactsSection = section({
  key: "phone-contacts",
  partial: "cases/_phone-contacts",
  // Shown to everyone who sees the case once a contact exists; the form to those who may record one now.
  when: () => true,
  load: (db, view) => ({ contacts: phoneContactsOf(db, view.c.id) }),
  action: sectionAction({
    path: "phone-contacts",
    form: "phone-contact",
    move: "recordPhoneContact",
    schema: contactForm,
    eventNote: (input) => `${input.contactedOn} 联系 ${input.personReached}`,
    record: (tx, c, input, by) => {
      const problem = recordDateProblem("联系日期", input.contactedOn, c.receivedOn, "收到投诉的日期", by.today);
      if (problem) throw new ValidationError(problem, "contactedOn");
      tx.insert(employerPhoneContacts)
        .values({ caseId: c.id, contactedOn: input.contactedOn, personReached: input.personReached, summary: input.summary, recordedById: by.actor.id })
        .run();
    },
  }),
});
