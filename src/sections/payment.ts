/** 登记支付: a payment on an item of the agreement or of an order that is still owed. */
import { EVIDENCE_EXTENSIONS } from "../http/uploads.js";
import { section } from "./section.js";

export const paymentSection = section({
  key: "payments",
  partial: "cases/_payment",
  when: (abilities) => abilities.moves.some((m) => m.name === "recordPayment"),
  load: (_db, view) => {
    const { agreement, orders } = view.settlements();
    return {
      // Items that can still take a payment.
      openItems: [
        ...(agreement?.items ?? []).map((i) => ({ ...i, label: `调解协议 · ${i.workerName}` })),
        ...orders.flatMap((o) => o.items.map((i) => ({ ...i, label: `${o.docNumber} · ${i.workerName}` }))),
      ].filter((i) => i.paidFen < i.amountFen),
      evidenceAccept: EVIDENCE_EXTENSIONS,
    };
  },
});
