/** 办理: the moves of the state machine this viewer may make now, assignment and the extension. */
import { extensionProblem } from "../domain/clocks.js";
import { REJECTION_GROUNDS } from "../domain/legal-basis.js";
import { inspectorWorkloads } from "../models/cases.js";
import { section } from "./section.js";

export const actionsSection = section({
  key: "actions",
  partial: "cases/_actions",
  when: (abilities) => abilities.moves.some((m) => !m.activity) || abilities.assign || abilities.extend,
  load: (db, { abilities, c, today }) => ({
    moves: abilities.moves.filter((m) => !m.activity),
    inspectors: abilities.assign ? inspectorWorkloads(db, c.officeId) : [],
    rejectionGrounds: REJECTION_GROUNDS,
    /** Why the extension can no longer be approved (条例第十七条), shown instead of the form. */
    extendRefused: abilities.extend ? extensionProblem(c, today) : null,
  }),
});
