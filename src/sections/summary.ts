/** The head of the case page: number, state, documents to print, warnings, and the facts of registration. */
import { noticesOnRecord } from "../domain/legal-basis.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { caseNumberOf } from "../models/duplicates.js";
import { section } from "./section.js";

export const summarySection = section({
  key: "summary",
  partial: "cases/_summary",
  when: () => true,
  load: (db, { c, detail }) => ({
    channelLabels: CHANNEL_LABELS,
    notices: noticesOnRecord(detail.events.map((e) => e.action)),
    duplicateOf: c.possibleDuplicateOf === null ? null : { id: c.possibleDuplicateOf, caseNumber: caseNumberOf(db, c.possibleDuplicateOf) },
  }),
});
