/** 结案 of a filed case: the outcome and each worker's recovered amount. */
import { outcomeProblem } from "../domain/outcomes.js";
import { outcomeRecord } from "../models/settlements.js";
import { section } from "./section.js";

export const closeSection = section({
  key: "closing",
  partial: "cases/_close",
  when: (abilities) => abilities.moves.some((m) => m.name === "close"),
  load: (db, view) => {
    // Drawn closed and read when opened (views/partials/_form-opener.ejs).
    if (!view.shows("close")) return { closeMove: null, outcomes: [], amounts: [] };
    const closeMove = view.abilities.moves.find((m) => m.name === "close")!;
    // An outcome the record cannot support is offered disabled, with the reason (docs/rules.md §结案).
    const record = outcomeRecord(db, view.c.id);
    return {
      closeMove,
      outcomes: (closeMove.outcomes ?? []).map((outcome) => ({ outcome, problem: outcomeProblem(outcome, record) })),
      amounts: view.money().rows,
    };
  },
});
