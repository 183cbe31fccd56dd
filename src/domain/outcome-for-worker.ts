/**
 * What the public lookup tells a worker once the case is closed (docs/rules.md §The public lookup after closing):
 * one plain sentence of what happened and one of what the worker can do next, per outcome. No names, no amounts,
 * no dates of limitation: a period a worker must keep is stated on the document served on them, not here.
 */
import type { Outcome } from "./case-states.js";

export interface OutcomeForWorker {
  /** What happened, in words a worker reads without a lawyer. */
  happened: string;
  /** What the worker can do now, and where. */
  next: string;
}

const ASK_THE_OFFICE = "有疑问的，请带上回执到承办机构窗口或拨打承办机构电话咨询。";
const ARBITRATION = "可以向劳动人事争议仲裁委员会申请仲裁，对仲裁裁决不服的，可以依法向人民法院起诉（申请仲裁有时效，请尽早办理）";

export const OUTCOME_FOR_WORKER: Record<Outcome, OutcomeForWorker> = {
  mediated: {
    happened: "经快速调解，您与用人单位达成了调解协议，按协议支付工资。",
    next: `用人单位不按调解协议支付的，可以再次到承办机构投诉，也${ARBITRATION}。`,
  },
  paidAfterOrder: {
    happened: "承办机构责令用人单位限期支付，用人单位已经支付。",
    next: `如仍有工资未拿到，请联系承办机构；也${ARBITRATION}。`,
  },
  administrativeDecision: {
    happened: "承办机构已对用人单位作出行政处理（处罚）决定，责令其支付拖欠的工资。",
    next: "用人单位在决定规定的期限内不履行的，承办机构将依法申请人民法院强制执行。您可以向承办机构了解执行进展。",
  },
  filingRevoked: {
    happened: "本案在您撤回投诉后已撤销立案，承办机构不再调查处理。",
    next: `工资仍未拿到的，可以再次投诉，或者${ARBITRATION}。`,
  },
  referredToPolice: {
    happened: "用人单位涉嫌拒不支付劳动报酬犯罪，承办机构已将案件移送公安机关依法处理。",
    next: "您可以向承办机构了解移送的公安机关，并向该公安机关了解办理进展；公安机关需要时会联系您。",
  },
  toArbitrationOrCourt: {
    happened: "您的诉求需要通过劳动争议仲裁或者诉讼解决，承办机构已书面告知您。",
    next: `您${ARBITRATION}；请按告知书办理。`,
  },
  referredToOtherDepartment: {
    happened: "投诉事项属于其他部门的职责，承办机构已将案件移送该部门处理。",
    next: "您可以向承办机构了解接收的部门，并向该部门了解办理进展。",
  },
  emergencyFund: {
    happened: "您的工资已由应急周转金先行垫付，承办机构依法向用人单位追偿。",
    next: "垫付的金额少于您应得工资的，请联系承办机构，差额仍可依法追讨。",
  },
  withdrawn: {
    happened: "您已撤回投诉，本案办结。",
    next: `工资仍未拿到的，可以再次投诉，或者${ARBITRATION}。`,
  },
  rejected: {
    happened: "您的投诉不予受理，原因写在送达给您的不予受理通知书上。",
    next: `对不予受理不服的，可以依法申请行政复议或者提起行政诉讼（期限见通知书）；属于劳动争议的，${ARBITRATION}。`,
  },
};

/** The sentences for a closed case, or null while it is open or when no outcome was recorded (older cases). */
export function outcomeForWorker(outcome: Outcome | null): (OutcomeForWorker & { closing: string }) | null {
  if (outcome === null) return null;
  return { ...OUTCOME_FOR_WORKER[outcome], closing: ASK_THE_OFFICE };
}
