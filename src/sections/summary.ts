/** The head of the case page: number, state, documents to print, warnings, and the facts of registration. */
import { CASE_NOTICES } from "../domain/legal-basis.js";
import { caseNoticesOf } from "../models/case-notices.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { caseNumberOf } from "../models/duplicates.js";
import { section } from "./section.js";

export const summarySection = section({
  key: "summary",
  partial: "cases/_summary",
  when: () => true,
  load: (db, { c }) => ({
    channelLabels: CHANNEL_LABELS,
    // The latest notice of each kind, with its number (docs/rules.md § Notices and records after acceptance).
    notices: [...new Map(caseNoticesOf(db, c.id).map((n) => [n.kind, { kind: n.kind, title: CASE_NOTICES[n.kind].title, docNumber: n.docNumber }])).values()],
    duplicateOf: c.possibleDuplicateOf === null ? null : { id: c.possibleDuplicateOf, caseNumber: caseNumberOf(db, c.possibleDuplicateOf) },
  }),
});
