/** 结案 of a filed case: the outcome and each worker's recovered amount. */
import { section } from "./section.js";

export const closeSection = section({
  key: "closing",
  partial: "cases/_close",
  when: (abilities) => abilities.moves.some((m) => m.name === "close"),
  load: (_db, view) => ({
    closeMove: view.abilities.moves.find((m) => m.name === "close")!,
    amounts: view.money().rows,
  }),
});
