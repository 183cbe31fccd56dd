/**
 * 移（转）送其他部门 on the case page (docs/rules.md §移送其他部门): the office sends another department's matter to a
 * member unit of the task force with its materials, then records the department's 签收 and its reply, each on the
 * timeline. The case stays open at the office. A suspected crime is not sent here but through 移送公安
 * (docs/rules.md §Police referral). Forms and section; the use-cases are in src/models/department-transfers.ts.
 */
import { z } from "zod";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import { DEPARTMENT_REPLY_OUTCOME_KEYS, DEPARTMENT_REPLY_OUTCOMES, TRANSFER_STAGE_LABELS } from "../domain/department-transfers.js";
import { isoDate, requiredText } from "../forms/form.js";
import type { Db } from "../db/client.js";
import { materialLines, recordReceipt, recordReply, recordTransfer, transferNames, transfersOfCase } from "../models/department-transfers.js";
import { listUnits } from "../models/units.js";
import { section, sectionAction } from "./section.js";

/** A chosen id, with the department's name the timeline gives (empty for an id not among `names`: refused by the use-case). */
function chosen(names: ReadonlyMap<number, string>, message: string) {
  return z.coerce
    .number({ error: message })
    .int(message)
    .positive(message)
    .transform((id) => ({ id, name: names.get(id) ?? "" }));
}

const transferForm = (db: Db) =>
  z.object({
    unitId: chosen(new Map(listUnits(db).map((u) => [u.id, u.name])), "请从专班成员单位中选择接收移送的部门"),
    sentOn: isoDate("移送日期"),
    matter: requiredText("移送事项", 1000),
    materials: requiredText("移送的材料", 2000),
    replyDueOn: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((v) => v === "" || isIsoDate(v), "答复期限应为有效日期")
      .transform((v) => v as IsoDate | ""),
  });

/** Which of the case's transfers a 签收 or a reply is for. */
const transferOfCase = (db: Db, caseId: number) => chosen(transferNames(db, caseId), "请选择本案的一次移送");

const receiptForm = (db: Db, caseId: number) =>
  z.object({
    transferId: transferOfCase(db, caseId),
    receivedOn: isoDate("签收日期"),
    signedBy: requiredText("签收人", 50),
  });

const replyForm = (db: Db, caseId: number) =>
  z.object({
    transferId: transferOfCase(db, caseId),
    repliedOn: isoDate("答复日期"),
    outcome: z.enum(DEPARTMENT_REPLY_OUTCOME_KEYS, { error: "请选择答复结果" }),
    content: requiredText("答复内容", 2000),
  });

export const departmentTransfersSection = section({
  key: "department-transfers",
  partial: "cases/_department-transfers",
  // Shown to everyone who sees the case; the forms to those who may make each step now.
  when: () => true,
  load: (db, view) => {
    const transfers = transfersOfCase(db, view.c.id, view.today, view.calendar()).map((t) => ({ ...t, materialList: materialLines(t.materials) }));
    return {
      transfers,
      awaitingReceipt: transfers.filter((t) => t.stage === "receipt"),
      awaitingReply: transfers.filter((t) => t.stage === "reply"),
      transferUnits: view.may("transferToDepartment") && view.shows("department-transfer") ? listUnits(db, { activeOnly: true }) : [],
      replyDays: view.config.departmentReplyDays,
      replyOutcomes: DEPARTMENT_REPLY_OUTCOMES,
      transferStageLabels: TRANSFER_STAGE_LABELS,
      clockStatusLabels: CLOCK_STATUS_LABELS,
    };
  },
  action: sectionAction({
    path: "department-transfers",
    form: "department-transfer",
    move: "transferToDepartment",
    schema: transferForm,
    eventNote: (input) => `${input.sentOn} 移送${input.unitId.name}（材料 ${materialLines(input.materials).length} 项）：${input.matter}`,
    record: (tx, c, input, by) =>
      recordTransfer(
        tx,
        c,
        { ...input, unitId: input.unitId.id },
        {
          ...by,
          replyDays: by.config.departmentReplyDays,
          numberPrefix: by.config.authority.caseNoticePrefixes.referral,
        },
      ),
  }),
  actions: [
    sectionAction({
      path: "department-transfers/receipt",
      form: "department-receipt",
      move: "recordDepartmentReceipt",
      schema: receiptForm,
      eventNote: (input) => `${input.receivedOn} ${input.transferId.name}签收，签收人 ${input.signedBy}`,
      record: (tx, c, input, by) => recordReceipt(tx, c.id, { ...input, transferId: input.transferId.id }, by),
    }),
    sectionAction({
      path: "department-transfers/reply",
      form: "department-reply",
      move: "recordDepartmentReply",
      schema: replyForm,
      eventNote: (input) => `${input.repliedOn} ${input.transferId.name}答复：${DEPARTMENT_REPLY_OUTCOMES[input.outcome]}。${input.content}`,
      record: (tx, c, input, by) => recordReply(tx, c.id, { ...input, transferId: input.transferId.id }, by),
    }),
  ],
});
