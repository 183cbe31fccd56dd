/** Every clock of the case: acceptance, the 8-day target, the statutory deadline (domain/clocks.ts). */
import { CLOCK_STATUS_LABELS, PROVISIONAL_NOTE } from "../domain/clocks.js";
import { section } from "./section.js";

export const clocksSection = section({
  key: "clocks",
  partial: "cases/_clocks",
  when: () => true,
  load: (_db, view) => ({ clocks: view.clocks(), clockStatusLabels: CLOCK_STATUS_LABELS, provisionalNote: PROVISIONAL_NOTE }),
});
