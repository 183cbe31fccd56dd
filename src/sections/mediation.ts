/** 快速调处 (or mediation after filing): sessions, the agreement, its form and 快调化解. */
import { isMediating, mayHaveSettlements } from "../domain/case-states.js";
import { isAgreementOverdue } from "../domain/mediation.js";
import { section } from "./section.js";

export const mediationSection = section({
  key: "mediation",
  partial: "cases/_mediation",
  when: (_abilities, c) => mayHaveSettlements(c.state),
  load: (_db, view) => {
    const { c, today } = view;
    const settlements = view.settlements();
    const agreement = settlements.agreement;
    const acceptance = view.clocks().find((k) => k.key === "acceptance")!;
    const mediating = isMediating(c.state);
    return {
      settlements,
      // Before filing, mediation is 快速调处; on a filed case it is part of the investigation (docs/rules.md).
      mediationTitle: c.filedOn ? "调解（立案后，作为调查处理的一部分）" : "快速调处",
      // 快调 must fit the 5-working-day acceptance window.
      mediationWindow: mediating && (acceptance.status === "dueSoon" || acceptance.status === "overdue") ? acceptance : null,
      agreementOverdue: mediating && agreement !== null && isAgreementOverdue(agreement.payBy, agreement.items, today),
      settle: view.may("settleByMediation") && agreement !== null,
      amounts: view.may("recordMediation") && view.shows("mediation") ? view.money().rows : [],
    };
  },
});
