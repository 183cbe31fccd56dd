/** 管辖机构: the office that has the case, its 签收, the jurisdiction steps and each transfer's 案件移送函 (docs/rules.md §Offices and jurisdiction). */
import { mayPrintTransferLetter } from "../domain/jurisdiction.js";
import { jurisdictionOf, officeTransfersOf } from "../models/jurisdiction.js";
import { section } from "./section.js";

export const officeSection = section({
  key: "office",
  partial: "cases/_office",
  when: () => true,
  load: (db, { c, today, config, abilities, viewer }) => ({
    jurisdiction: jurisdictionOf(db, c, today, config.majorCase),
    transferLetters: officeTransfersOf(db, c.id).map((m) => ({ ...m, printable: mayPrintTransferLetter(abilities, viewer, m) })),
  }),
});
