/**
 * Construction projects (工程建设项目) and the wage safeguards the law asks of them (docs/rules.md
 * §Construction projects):
 * - 保障农民工工资支付条例: 农民工工资专用账户 (第二十六条), 实名制管理 (第二十八条), 总包代发 monthly
 *   (第三十一条), 工资保证金 (第三十二条), 维权信息告示牌 (第三十六条). A project lacking any of them is
 *   listed first.
 * - 工程建设领域农民工工资保证金规定 (人社部发〔2021〕65号): the deposit is cash in a dedicated account, or a
 *   bank guarantee (保函) — irrevocable, payable on demand to the local bureau, valid at least 1 year and not
 *   shorter than the contract (第十五–十七条; 工程担保公司保函 and 工程保证保险 follow the bank guarantee's
 *   rules). When an order to pay is not performed the bureau uses it; the 总包 tops it up (a new guarantee
 *   for a 保函) within 10 working days of the use.
 */
import { addMonths, type IsoDate } from "./dates.js";
import { deadlineClock, type DeadlineClock } from "./clocks.js";
import type { WorkingCalendar } from "./working-days.js";

export const GUARANTEE_FORMS = ["cash", "bankGuarantee", "guaranteeCompany", "insurance"] as const;
export type GuaranteeForm = (typeof GUARANTEE_FORMS)[number];

export const GUARANTEE_FORM_LABELS: Record<GuaranteeForm, string> = {
  cash: "现金存储",
  bankGuarantee: "银行保函",
  guaranteeCompany: "工程担保公司保函",
  insurance: "工程保证保险",
};

export const SAFEGUARDS = ["wageAccount", "realName", "contractorPays", "guarantee", "noticeBoard"] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

export const SAFEGUARD_LABELS: Record<Safeguard, string> = {
  wageAccount: "农民工工资专用账户",
  realName: "实名制管理",
  contractorPays: "总包代发工资",
  guarantee: "工资保证金",
  noticeBoard: "维权信息告示牌",
};

export interface SafeguardFacts {
  wageAccountBank: string;
  wageAccountOpenedOn: IsoDate | null;
  realName: boolean;
  contractorPays: boolean;
  guaranteeForm: GuaranteeForm | null;
  guaranteeFen: number;
  noticeBoard: boolean;
}

/** The safeguards a project has not shown: the list sorts by how many are missing. */
export function missingSafeguards(p: SafeguardFacts): Safeguard[] {
  const has: Record<Safeguard, boolean> = {
    wageAccount: p.wageAccountBank.trim() !== "" && p.wageAccountOpenedOn !== null,
    realName: p.realName,
    contractorPays: p.contractorPays,
    guarantee: p.guaranteeForm !== null && p.guaranteeFen > 0,
    noticeBoard: p.noticeBoard,
  };
  return SAFEGUARDS.filter((s) => !has[s]);
}

export interface GuaranteeTerm {
  form: GuaranteeForm | null;
  fen: number;
  from: IsoDate | null;
  until: IsoDate | null;
  contractEndOn: IsoDate | null;
}

/** A guarantee other than cash must run at least 1 year and not end before the contract does (第十七条). */
export function guaranteeTermProblem(g: GuaranteeTerm): { field: "guaranteeUntil" | "guaranteeFen"; message: string } | null {
  if (g.form === null) return null;
  if (g.fen <= 0) return { field: "guaranteeFen", message: "已选择工资保证金形式，请填写保证金金额" };
  if (g.form === "cash") return null;
  if (!g.from || !g.until) return { field: "guaranteeUntil", message: "保函（保险）须填写有效期起止日期" };
  if (g.until < addMonths(g.from, 12)) return { field: "guaranteeUntil", message: "保函有效期至少为1年（人社部发〔2021〕65号）" };
  if (g.contractEndOn && g.until < g.contractEndOn) return { field: "guaranteeUntil", message: "保函有效期不得短于合同期（不得早于合同竣工日期）" };
  return null;
}

/** Working days the 总包 has to top the guarantee up after its use (人社部发〔2021〕65号). */
export const TOP_UP_WORKING_DAYS = 10;

export interface GuaranteeUseFacts {
  usedOn: IsoDate;
  amountFen: number;
  toppedUpOn: IsoDate | null;
  toppedUpFen: number;
}

/** The top-up clock of one use: due 10 working days after it; met once topped up by then. */
export function topUpClock(use: GuaranteeUseFacts, today: IsoDate, calendar: WorkingCalendar): DeadlineClock & { provisional: boolean } {
  const due = calendar.addWorkingDays(use.usedOn, TOP_UP_WORKING_DAYS);
  return { ...deadlineClock(use.usedOn, due.date, use.toppedUpOn, today, calendar), provisional: due.provisional };
}

/** What is left of the guarantee: the amount lodged, less every use, plus every top-up. */
export function guaranteeBalance(lodgedFen: number, uses: readonly Pick<GuaranteeUseFacts, "amountFen" | "toppedUpFen">[]): number {
  return uses.reduce((left, u) => left - u.amountFen + u.toppedUpFen, lodgedFen);
}

/** A use is refused without a guarantee or above its balance. */
export function guaranteeUseProblem(form: GuaranteeForm | null, balanceFen: number, amountFen: number): string | null {
  if (form === null) return "该项目未登记工资保证金，无法动用";
  if (amountFen <= 0) return "请填写动用金额";
  if (amountFen > balanceFen) return `动用金额超过保证金余额（余额 ${(balanceFen / 100).toFixed(2)} 元）`;
  return null;
}

/** A top-up is the amount used, no more: the guarantee returns to what was lodged. */
export function topUpProblem(use: GuaranteeUseFacts, amountFen: number, toppedUpOn: IsoDate): string | null {
  if (use.toppedUpOn) return "该次动用已登记补足";
  if (toppedUpOn < use.usedOn) return "补足日期不能早于动用日期";
  if (amountFen !== use.amountFen) return `补足金额应等于动用金额 ${(use.amountFen / 100).toFixed(2)} 元`;
  return null;
}
