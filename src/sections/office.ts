/** 管辖机构: the office that has the case, its 签收, and the jurisdiction steps (docs/rules.md §Offices and jurisdiction). */
import { jurisdictionOf } from "../models/jurisdiction.js";
import { section } from "./section.js";

export const officeSection = section({
  key: "office",
  partial: "cases/_office",
  when: () => true,
  load: (db, { c, today, config }) => ({ jurisdiction: jurisdictionOf(db, c, today, config.majorCase) }),
});
