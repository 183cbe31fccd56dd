/**
 * 快速调处 rules (DESIGN.md §3):
 * - it happens before filing and must fit inside the 5-working-day acceptance window;
 * - an agreement names what each worker gets and a pay-by date;
 * - the case closes as 快调化解 only when every worker is paid in full and has confirmed it;
 * - failure, or the pay-by date passing unpaid, sends the case to filing.
 */
import type { IsoDate } from "./dates.js";
import { isFullyPaid, type Due } from "./money.js";

export interface AgreementState extends Due {
  confirmed: boolean;
}

export function settlementProblem(items: readonly AgreementState[]): string | null {
  if (items.length === 0) return "尚无调解协议，不能以快调化解结案";
  if (!isFullyPaid(items)) return "调解协议约定的金额尚未全部支付，不能以快调化解结案";
  if (!items.every((i) => i.confirmed)) return "尚有投诉人未确认收到工资，不能以快调化解结案";
  return null;
}

/** The agreement's pay-by date has passed with money still owed. */
export function isAgreementOverdue(payBy: IsoDate | null, items: readonly Due[], today: IsoDate): boolean {
  return payBy !== null && today > payBy && !isFullyPaid(items);
}
