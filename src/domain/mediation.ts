/**
 * 快速调处 rules (docs/rules.md §快速调处):
 * - it happens before filing and must fit inside the 5-working-day acceptance window: starting it,
 *   recording a session held after the window, or closing as 快调化解 after it are refused — the case must
 *   be filed; mediation recorded on a filed case is part of the investigation and never closes as 快调化解;
 * - an agreement names what each worker gets and a pay-by date;
 * - the case closes as 快调化解 only when every worker is paid in full and has confirmed it;
 * - failure, or the pay-by date passing unpaid, sends the case to filing.
 */
import { isPastDue } from "./clocks.js";
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

/** 快速调处 only inside the acceptance window: `on` (today, or the session's day) must not be past its due date. */
export function mediationWindowProblem(acceptanceDueOn: IsoDate, on: IsoDate, what: string): string | null {
  if (!isPastDue(acceptanceDueOn, on)) return null;
  return `受理期限已于 ${acceptanceDueOn} 届满，不能${what}：快速调处须在收到投诉后 5 个工作日内完成，逾期应受理立案；立案后的调解作为调查的一部分记录，不能以“快调化解”结案。`;
}
