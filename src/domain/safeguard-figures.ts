/**
 * 防欠成效 (docs/rules.md §防欠成效 figures): what the bureau did before and around the complaints in a period —
 * the special actions' inspections and risk points, the 应急周转金's advances and recoveries, the 工资保证金
 * used — and the clause the bureau's summary sentence gains from them. The action part is the special action's
 * own sentence (domain/special-actions.ts actionSentence) over the period's records, so both say it alike.
 */
import { fundSentence } from "./emergency-fund.js";
import { actionSentence, type ActionFigures } from "./special-actions.js";
import { wanYuan } from "./statistics.js";

export interface PeriodFundFigures {
  advances: number;
  advancedFen: number;
  recoveries: number;
  recoveredFen: number;
  /** Advanced and not recovered at the period's end (every advance paid up to then, less every recovery up to then). */
  outstandingFen: number;
}

export interface GuaranteeUseFigures {
  uses: number;
  usedFen: number;
  workersPaid: number;
}

export interface SafeguardFigures {
  action: ActionFigures;
  fund: PeriodFundFigures;
  guarantee: GuaranteeUseFigures;
}

function anyActionWork(a: ActionFigures): boolean {
  return a.groups + a.personTimes + a.risksFound + a.risksCleared + a.paidFen > 0;
}

/**
 * The clause after the summary sentence, each part only when it has something to say: the special actions'
 * sentence with how the cleared risk points ended and how many were found; the fund's advances and recoveries;
 * the guarantee used. Empty when the period has none of them.
 */
export function safeguardSentence(s: SafeguardFigures): string {
  const a = s.action;
  const action = anyActionWork(a)
    ? `专项检查${actionSentence(a)}（其中化解${a.risksResolved}个、转立案${a.risksFiled}个），期间新发现风险点${a.risksFound}个。`
    : "";
  const guarantee =
    s.guarantee.uses > 0 ? `动用工资保证金${s.guarantee.uses}笔${wanYuan(s.guarantee.usedFen)}万元，为${s.guarantee.workersPaid}名农民工支付工资。` : "";
  return action + fundSentence(s.fund) + guarantee;
}
