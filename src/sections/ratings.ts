/**
 * 好差评 on the case page (docs/rules.md § 好差评): the workers' ratings of a closed case, and for each 差评 its 回访 —
 * due date, and the form the office's supervisor records it with (POST /cases/:id/followup, routes/ratings.ts).
 */
import { isOpen } from "../domain/case-states.js";
import { caseRatingsOf, mayFollowUp } from "../models/ratings.js";
import { section } from "./section.js";

export const ratingsSection = section({
  key: "ratings",
  partial: "cases/_ratings",
  when: (abilities, c) => abilities.access === "full" && !isOpen(c.state),
  load: (db, view) => {
    const ratings = caseRatingsOf(db, view.c.id);
    return { ratings, canFollowUp: ratings.some((r) => mayFollowUp(view.viewer, r.officeId)) };
  },
});
