/**
 * 举报: anyone may report a violation, and the bureau keeps the reporter confidential (劳动保障监察条例 第九条;
 * docs/rules.md § 举报). A report needs no complainant: the employer, the work site and what was seen; the
 * reporter's name and contact are optional (anonymous otherwise). The office verifies it (核查) within its own
 * working-day clock, then files a case (立案, linked to the report) or closes it with a result. Only the handling
 * inspector and the supervisor of the report's office see who reported; everyone else sees the identity masked.
 * Cases the office finds itself (日常巡视、专项检查、书面审查) are registered without a complainant, with their source.
 */
import type { Viewer } from "./case-abilities.js";

export const REPORT_CHANNELS = ["online", "window", "hotline"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
export const REPORT_CHANNEL_LABELS: Record<ReportChannel, string> = { online: "网上举报", window: "窗口举报", hotline: "举报电话" };

export const REPORT_STATES = ["verifying", "filed", "closed"] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, string> = { verifying: "核查中", filed: "已立案查处", closed: "核查完毕" };

/** Where a case without a complainant came from. */
export const CASE_SOURCES = ["report", "routinePatrol", "specialInspection", "writtenReview"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const FINDING_SOURCES = ["routinePatrol", "specialInspection", "writtenReview"] as const satisfies readonly CaseSource[];
export type FindingSource = (typeof FINDING_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  report: "举报",
  routinePatrol: "日常巡视",
  specialInspection: "专项检查",
  writtenReview: "书面审查",
};

/** Default of REPORT_VERIFY_WORKING_DAYS (docs/rules.md § 举报: the 5 working days of 若干规定 第十八条). */
export const DEFAULT_REPORT_VERIFY_WORKING_DAYS = 5;

export interface ReportParties {
  officeId: number;
  inspectorId: number | null;
}

/** Who reported is seen only by the handling inspector and the supervisor of the report's office (条例 第九条). */
export function maySeeReporter(report: ReportParties, viewer: Viewer | null): boolean {
  if (!viewer) return false;
  if (viewer.role === "supervisor") return viewer.officeId === report.officeId;
  return viewer.role === "inspector" && report.inspectorId === viewer.id;
}

/** The report's page: its handling inspector, the staff of its office, and the city office's supervisors (masked unless maySeeReporter). */
export function mayReadReport(report: ReportParties, viewer: Viewer | null): boolean {
  if (!viewer || !["clerk", "inspector", "supervisor"].includes(viewer.role)) return false;
  if (viewer.id === report.inspectorId) return true;
  return viewer.officeId === report.officeId || (viewer.role === "supervisor" && viewer.cityWide);
}

/** Assigning the handling inspector is the office supervisor's. */
export function mayAssignReport(report: ReportParties, viewer: Viewer | null): boolean {
  return viewer?.role === "supervisor" && viewer.officeId === report.officeId;
}

/** Filing a case from the report, or closing it with a result: its handling inspector or the office supervisor. */
export function mayDecideReport(report: ReportParties, viewer: Viewer | null): boolean {
  return mayAssignReport(report, viewer) || (viewer?.role === "inspector" && report.inspectorId === viewer.id);
}

/** A name shown masked: its first character, then one * per remaining character (匿名 when none was given). */
export function maskName(name: string | null): string {
  if (!name) return "匿名";
  const chars = [...name];
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1));
}

/** A contact (phone, e-mail, address) shown masked: its last two characters only. */
export function maskContact(contact: string | null): string {
  if (!contact) return "";
  const chars = [...contact];
  return `${"*".repeat(Math.max(chars.length - 2, 2))}${chars.slice(-2).join("")}`;
}
