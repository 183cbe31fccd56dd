/**
 * Where a case without a complainant came from (docs/rules.md § 举报): a 举报 (its number, linked for those who may
 * read it — never who reported) or the office's own 日常巡视、专项检查、书面审查.
 */
import { mayReadReport } from "../domain/reports.js";
import { caseSourceOf } from "../models/reports.js";
import { section } from "./section.js";

export const sourceSection = section({
  key: "source",
  partial: "cases/_source",
  when: (abilities, c) => (abilities.access === "full" || abilities.access === "masked") && (c.channel === "report" || c.channel === "patrol"),
  load: (db, view) => {
    const source = caseSourceOf(db, view.c.id);
    return {
      source,
      reportLink: source?.reportId && mayReadReport({ officeId: view.c.officeId!, inspectorId: null }, view.viewer) ? `/reports/${source.reportId}` : null,
    };
  },
});
