/** 登记支付: payments on the items of the agreement or of an order still owed — one worker, or the table of all of them. */
import { PAYMENT_METHOD_LABELS } from "../domain/money.js";
import { EVIDENCE_EXTENSIONS } from "../http/uploads.js";
import { openPaymentItems } from "../models/settlements.js";
import { section } from "./section.js";

export const paymentSection = section({
  key: "payments",
  partial: "cases/_payment",
  when: (abilities) => abilities.moves.some((m) => m.name === "recordPayment"),
  load: (_db, view) => ({
    // Items that can still take a payment: one row each in the payment table.
    openItems: openPaymentItems(view.settlements()),
    methodLabels: PAYMENT_METHOD_LABELS,
    evidenceAccept: EVIDENCE_EXTENSIONS,
  }),
});
