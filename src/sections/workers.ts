/** 投诉人: the complainants (personal data as getCaseDetail gives it to this viewer) and the money owed and paid. */
import { section } from "./section.js";

export const workersSection = section({
  key: "workers",
  partial: "cases/_workers",
  when: () => true,
  showsPersonalData: true,
  load: (_db, view) => ({ money: view.money() }),
});
