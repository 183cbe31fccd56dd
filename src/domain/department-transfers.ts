/**
 * 移（转）送其他部门 (docs/rules.md §移送其他部门): an office sends a matter of another department's (住建、市场监管、
 * 法院…, a member unit of the task force) with its materials, records the department's 签收 (date, who signed),
 * then its reply (date, what it did, the outcome) by a reply due date. The steps come in that order; each is dated
 * inside the working-day calendar and not after today; one open transfer per department at a time. The case stays
 * open at the office (it still follows the matter); the reply period is the bureau's setting, not a number from law.
 * A suspected crime goes to the police through the 移送公安 path (docs/rules.md §Police referral), not here.
 * Pure: the caller passes today and the calendar.
 */
import { deadlineClock, type DeadlineClock } from "./clocks.js";
import type { IsoDate } from "./dates.js";
import type { WorkingCalendar } from "./working-days.js";

/**
 * What the 案件移送书 to a department cites: 条例 第十八条第二款 and the city's own 移（转）送 rules (named in the bureau's
 * report; their text was not read, so no article of them is cited).
 */
export const DEPARTMENT_TRANSFER_BASIS = "《劳动保障监察条例》第十八条第二款和本市《部门办理农民工工资有关违法案件的移（转）送工作规则》";

/** Working days from the day sent to the reply due date when the office names none (`DEPARTMENT_REPLY_WORKING_DAYS`). */
export const DEFAULT_DEPARTMENT_REPLY_DAYS = 10;

export const DEPARTMENT_REPLY_OUTCOME_KEYS = ["handling", "handled", "declined"] as const;
export type DepartmentReplyOutcome = (typeof DEPARTMENT_REPLY_OUTCOME_KEYS)[number];
export const DEPARTMENT_REPLY_OUTCOMES: Record<DepartmentReplyOutcome, string> = {
  handling: "已受理，正在查处",
  handled: "已处理完毕",
  declined: "不属本部门职责，退回",
};

/** What is recorded so far on one transfer. */
export interface TransferFacts {
  unitName: string;
  sentOn: IsoDate;
  replyDueOn: IsoDate;
  receivedOn: IsoDate | null;
  repliedOn: IsoDate | null;
}

export type TransferStage = "receipt" | "reply" | "done";
export const TRANSFER_STAGE_LABELS: Record<TransferStage, string> = { receipt: "待签收", reply: "待答复", done: "已答复" };

/** The step the transfer waits for: the department's 签收, then its reply. */
export function transferStage(t: Pick<TransferFacts, "receivedOn" | "repliedOn">): TransferStage {
  if (!t.receivedOn) return "receipt";
  if (!t.repliedOn) return "reply";
  return "done";
}

export interface Problem {
  field: string;
  message: string;
}

/** A date of the record: inside the calendar's years, not after today, not before `earliest`. */
export function recordDateProblem(
  field: string,
  label: string,
  on: IsoDate,
  earliest: { on: IsoDate; name: string },
  today: IsoDate,
  calendar: WorkingCalendar,
): Problem | null {
  if (!calendar.covers(on)) return { field, message: `${label}超出工作日历范围（${calendar.firstYear}–${calendar.lastYear} 年）` };
  if (on > today) return { field, message: `${label}不能晚于今天` };
  if (on < earliest.on) return { field, message: `${label}不能早于${earliest.name}（${earliest.on}）` };
  return null;
}

/** The reply due date: the one typed, or `days` working days after the day sent. */
export function replyDueOn(sentOn: IsoDate, typed: IsoDate | "", days: number, calendar: WorkingCalendar): IsoDate {
  return typed === "" ? calendar.addWorkingDays(sentOn, days).date : typed;
}

export interface TransferInput {
  unitId: number;
  sentOn: IsoDate;
  replyDueOn: IsoDate | "";
}

/**
 * Why this transfer may not be recorded: an unknown or inactive department, a department that already has an open
 * transfer on the case, a date outside the calendar, in the future or before the complaint, a due date not after
 * the day sent or not a working day.
 */
export function transferProblem(
  input: TransferInput,
  c: { receivedOn: IsoDate },
  ctx: { unit: { name: string; active: boolean } | null; openUnitIds: readonly number[]; today: IsoDate; calendar: WorkingCalendar },
): Problem | null {
  if (!ctx.unit?.active) return { field: "unitId", message: "请从专班成员单位中选择接收移送的部门" };
  if (ctx.openUnitIds.includes(input.unitId)) {
    return { field: "unitId", message: `本案移送${ctx.unit.name}的材料尚未答复：同一部门只能有一次未办结的移送，请先登记其签收和答复` };
  }
  const sent = recordDateProblem("sentOn", "移送日期", input.sentOn, { on: c.receivedOn, name: "收到投诉的日期" }, ctx.today, ctx.calendar);
  if (sent) return sent;
  if (input.replyDueOn === "") return null;
  if (!ctx.calendar.covers(input.replyDueOn)) {
    return { field: "replyDueOn", message: `答复期限超出工作日历范围（${ctx.calendar.firstYear}–${ctx.calendar.lastYear} 年）` };
  }
  if (input.replyDueOn <= input.sentOn) return { field: "replyDueOn", message: "答复期限应晚于移送日期" };
  if (!ctx.calendar.isWorkingDay(input.replyDueOn)) return { field: "replyDueOn", message: "答复期限应为工作日" };
  return null;
}

/** Why the department's 签收 may not be recorded now. */
export function receiptProblem(t: TransferFacts, receivedOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): Problem | null {
  if (transferStage(t) !== "receipt") return { field: "transferId", message: `移送${t.unitName}的材料已登记签收` };
  return recordDateProblem("receivedOn", "签收日期", receivedOn, { on: t.sentOn, name: "移送日期" }, today, calendar);
}

/** Why the department's reply may not be recorded now: never before its 签收. */
export function replyProblem(t: TransferFacts, repliedOn: IsoDate, today: IsoDate, calendar: WorkingCalendar): Problem | null {
  const stage = transferStage(t);
  if (stage === "receipt") return { field: "transferId", message: `移送${t.unitName}的材料尚未登记签收：请先登记签收日期和签收人，再登记答复` };
  if (stage === "done") return { field: "transferId", message: `${t.unitName}的答复已登记` };
  return recordDateProblem("repliedOn", "答复日期", repliedOn, { on: t.receivedOn!, name: "签收日期" }, today, calendar);
}

/** The reply clock: from the day sent to the reply due date; ended by the reply (met or missed by its date). */
export function transferClock(t: TransferFacts, today: IsoDate, calendar: WorkingCalendar): DeadlineClock {
  return deadlineClock(t.sentOn, t.replyDueOn, t.repliedOn, today, calendar);
}
