/**
 * Special actions (专项行动, e.g. 护薪安薪, 冬季专项行动; docs/rules.md §Special actions and risk points):
 * inspection groups (检查组) inspect projects or employers against a checklist; what they find at risk of
 * arrears is a risk point (欠薪隐患) with an amount, the workers, a responsible party and a day it must be
 * resolved by (a clock). A risk point ends as 化解 (paid — only with payment records) or 立案 (a case,
 * linked). The action's result is the bureau's own sentence, computed from the records:
 * "成立检查组N个，开展检查N人次，排查项目N个，清理风险点N个，为N名农民工保障支付工资N万元".
 */
import type { IsoDate } from "./dates.js";
import { deadlineClock, type DeadlineClock } from "./clocks.js";
import type { WorkingCalendar } from "./working-days.js";

/** The checklist of an inspection: the 条例's safeguards and 按月足额支付 (第十一条). */
export const CHECK_ITEMS = ["wageAccount", "realName", "contractorPays", "guarantee", "noticeBoard", "paidMonthly"] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

export const CHECK_ITEM_LABELS: Record<CheckItem, string> = {
  wageAccount: "专户",
  realName: "实名制",
  contractorPays: "代发",
  guarantee: "保证金",
  noticeBoard: "告示牌",
  paidMonthly: "按月足额支付",
};

export const CHECK_RESULTS = ["ok", "fail", "na"] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { ok: "符合", fail: "不符合", na: "不适用" };

export const RISK_STATUSES = ["open", "resolved", "filed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = { open: "待清理", resolved: "已化解", filed: "已立案" };

export interface RiskFacts {
  foundOn: IsoDate;
  resolveBy: IsoDate;
  status: RiskStatus;
  endedOn: IsoDate | null;
}

/** The risk point's clock: from the day it was found to its resolve-by day; stopped when it ends. */
export function riskClock(risk: RiskFacts, today: IsoDate, calendar: WorkingCalendar): DeadlineClock {
  return deadlineClock(risk.foundOn, risk.resolveBy, risk.status === "open" ? null : risk.endedOn, today, calendar);
}

export function resolveByProblem(foundOn: IsoDate, resolveBy: IsoDate): string | null {
  return resolveBy <= foundOn ? "整改期限应晚于发现日期" : null;
}

/** 化解 needs the money paid on record: at least one payment, each with an amount and the workers paid. */
export function resolveProblem(status: RiskStatus, payments: readonly { amountFen: number; workers: number }[]): string | null {
  if (status !== "open") return "该风险点已清理";
  if (payments.length === 0) return "化解风险点须先登记支付记录（支付金额和农民工人数）";
  return null;
}

export interface ActionFigures {
  groups: number;
  /** 人次: every inspection counts each person of the group that made it. */
  personTimes: number;
  /** Distinct projects inspected. */
  projects: number;
  /** Risk points ended (化解 or 立案). */
  risksCleared: number;
  /** Workers paid and the amount, from the payment records of the risk points resolved by payment. */
  workersPaid: number;
  paidFen: number;
}

export const NO_FIGURES: ActionFigures = { groups: 0, personTimes: 0, projects: 0, risksCleared: 0, workersPaid: 0, paidFen: 0 };

/** Fen as 万元 with at most two decimals, trailing zeros dropped (7,809万 → "7809"; ¥123,400 → "12.34"). */
export function formatWan(fen: number): string {
  const hundredths = Math.round(fen / 10_000);
  const whole = Math.trunc(hundredths / 100);
  const cents = hundredths % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

export function actionSentence(f: ActionFigures): string {
  return `成立检查组${f.groups}个，开展检查${f.personTimes}人次，排查项目${f.projects}个，清理风险点${f.risksCleared}个，为${f.workersPaid}名农民工保障支付工资${formatWan(f.paidFen)}万元`;
}

export function periodProblem(startsOn: IsoDate, endsOn: IsoDate): string | null {
  return endsOn < startsOn ? "结束日期不能早于开始日期" : null;
}
