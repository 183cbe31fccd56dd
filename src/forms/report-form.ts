/** The 举报 forms (public and window/hotline), the 核查 decisions, and the office's own findings (docs/rules.md § 举报). */
import { z } from "zod";
import { FINDING_SOURCES, type REPORT_CHANNELS } from "../domain/reports.js";
import { optionalText, parseForm, requiredText, type FormResult } from "./form.js";

/** `workSites`: the divisions an active office covers; the chosen one decides the office (条例 第十三条). */
function workSite(workSites: readonly string[]) {
  return z
    .string({ error: "请选择用工所在地" })
    .trim()
    .min(1, "请选择用工所在地")
    .refine((d) => workSites.includes(d), "所选用工所在地不在本市任何监察机构的管辖范围内，请重新选择");
}

const reportFields = (workSites: readonly string[]) => ({
  employerName: requiredText("被举报单位名称", 100),
  employerAddress: optionalText("单位地址", 200),
  district: workSite(workSites),
  whatSeen: requiredText("举报的违法行为（看到了什么）", 2000),
  anonymous: z.enum(["on"]).optional(),
  reporterName: optionalText("举报人姓名", 50),
  reporterContact: optionalText("联系方式", 50),
});

export interface ReportValue {
  channel: (typeof REPORT_CHANNELS)[number];
  employerName: string;
  employerAddress: string;
  district: string;
  whatSeen: string;
  /** Null for an anonymous reporter (what was typed is dropped then). */
  reporterName: string | null;
  reporterContact: string | null;
}

function toReport(
  v: { anonymous?: "on"; reporterName: string; reporterContact: string } & Omit<ReportValue, "reporterName" | "reporterContact" | "channel">,
  channel: ReportValue["channel"],
): ReportValue {
  const anonymous = v.anonymous === "on" || (!v.reporterName && !v.reporterContact);
  return {
    channel,
    employerName: v.employerName,
    employerAddress: v.employerAddress,
    district: v.district,
    whatSeen: v.whatSeen,
    reporterName: anonymous ? null : v.reporterName || null,
    reporterContact: anonymous ? null : v.reporterContact || null,
  };
}

export function parsePublicReport(body: unknown, workSites: readonly string[]): FormResult<ReportValue> {
  const form = parseForm(z.object(reportFields(workSites)), body);
  return form.ok ? { ...form, value: toReport(form.value, "online") } : form;
}

export function parseStaffReport(body: unknown, workSites: readonly string[]): FormResult<ReportValue> {
  const schema = z.object({ ...reportFields(workSites), channel: z.enum(["window", "hotline"], { error: "请选择举报方式" }) });
  const form = parseForm(schema, body);
  return form.ok ? { ...form, value: toReport(form.value, form.value.channel) } : form;
}

const version = z.coerce.number({ error: "请刷新页面后再操作" }).int().positive("请刷新页面后再操作");

export const assignReportSchema = z.object({ inspectorId: z.coerce.number({ error: "请选择核查监察员" }).int().positive("请选择核查监察员"), version });
export const fileReportSchema = z.object({ version, note: optionalText("立案说明", 500) });
export const closeReportSchema = z.object({ version, result: requiredText("核查结果", 1000) });

export function parseFinding(body: unknown, workSites: readonly string[]) {
  return parseForm(
    z.object({
      source: z.enum(FINDING_SOURCES, { error: "请选择案件来源" }),
      sourceNote: optionalText("来源说明（检查名称、审查批次等）", 200),
      employerName: requiredText("用人单位名称", 100),
      employerAddress: optionalText("单位地址", 200),
      district: workSite(workSites),
      facts: requiredText("发现的违法事实", 2000),
    }),
    body,
  );
}
