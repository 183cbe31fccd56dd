/**
 * A closing outcome must match what the case records (docs/rules.md §结案): 责令支付后已支付 needs an order
 * with payments made under it, 行政处理决定 a recorded decision, 移送公安 the recorded referral, 应急周转金垫付 an
 * advance the office's fund has paid (docs/rules.md §应急周转金).
 */
import type { Outcome } from "./case-states.js";

export interface OutcomeRecord {
  /** Payments recorded against the items of an order (责令限期支付). */
  orderPayments: number;
  /** 加付赔偿金 orders and administrative decisions recorded. */
  decisions: number;
  /** Referrals to the police recorded. */
  policeReferrals: number;
  /** 应急周转金 advances paid for the case. */
  paidAdvances: number;
}

export function outcomeProblem(outcome: Outcome, r: OutcomeRecord): string | null {
  switch (outcome) {
    case "paidAfterOrder":
      return r.orderPayments > 0 ? null : "不能以“责令支付后已支付”结案：本案没有限期改正指令书项下登记的支付。请先下达指令书并登记支付，或选择其他办结方式。";
    case "administrativeDecision":
      return r.decisions > 0 ? null : "不能以“行政处理决定”结案：本案没有记录作出的决定。请先在指令书下记录决定（加付赔偿金或行政处理决定）。";
    case "referredToPolice":
      return r.policeReferrals > 0 ? null : "不能以“移送公安”结案：本案没有记录移送公安机关。请先记录移送的公安机关和日期。";
    case "emergencyFund":
      return r.paidAdvances > 0 ? null : "不能以“应急周转金垫付”结案：本案没有已支付的应急周转金垫付。请先申请垫付，经科长批准并登记垫付日期后再结案。";
    default:
      return null;
  }
}
