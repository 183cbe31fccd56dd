/**
 * The public progress lookup's answer, shared by the lookup itself and the rating form it carries: a case (with
 * its ratings and whether it may be rated) or a 举报 (docs/rules.md § 好差评, § 举报), found by number and query code.
 */
import type { AppContext } from "../app-context.js";
import { PUBLIC_STATE_LABELS } from "../domain/case-states.js";
import { PROVISIONAL_NOTE } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import { RATING_LEVEL_LABELS, RATING_REASON_LABELS } from "../domain/ratings.js";
import { loadCalendar } from "../models/calendar.js";
import { findCaseForPublic } from "../models/cases.js";
import { publicRatingsOf } from "../models/ratings.js";
import { findReportForPublic } from "../models/reports.js";

export function publicLookup({ db, config }: Pick<AppContext, "db" | "config">, caseNumber: string, queryCode: string, today: IsoDate) {
  const report = findReportForPublic(db, caseNumber, queryCode);
  if (report) return { result: null, report };
  const found = findCaseForPublic(db, caseNumber, queryCode);
  if (!found) return null;
  const targetProvisional = loadCalendar(db).isProvisionalSpan(found.receivedOn, found.targetDueOn);
  return {
    report: null,
    result: {
      ...found,
      stateText: PUBLIC_STATE_LABELS[found.state],
      targetProvisional,
      ratings: publicRatingsOf(db, found.id, today, config.ratingChangeDays),
      ratingChangeDays: config.ratingChangeDays,
    },
  };
}

/** What the lookup page needs beside the answer. */
export const LOOKUP_LABELS = {
  provisionalNote: PROVISIONAL_NOTE,
  ratingLevels: Object.entries(RATING_LEVEL_LABELS),
  ratingReasons: Object.entries(RATING_REASON_LABELS),
};
