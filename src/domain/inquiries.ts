/**
 * 询问笔录 (docs/rules.md §询问笔录). The bureau may question the people concerned (劳动保障监察条例 第十五条
 * 第（二）项); an investigation is made by at least two inspectors (第十六条), so a record names two of them with
 * their 执法证号. It says who was questioned (a worker, the employer's representative or a witness), where, from
 * when to when (not before the complaint was received, not in the future, ending after it started), the questions
 * and answers, and that the person signed every page — or refused, with what happened (行政处罚法 第五十五条:
 * the questioning is put in writing). Pure: the caller passes the local time now.
 */
import { idNumberProblem } from "./identifiers.js";
import { MIN_VISIT_INSPECTORS } from "./site-visits.js";

/** The local time (Asia/Shanghai) at instant `now`, `YYYY-MM-DDTHH:MM`, as the records are written. */
export function shanghaiMinute(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

export const INTERVIEWEE_ROLE_LABELS = { worker: "劳动者", employerRep: "用人单位代表", witness: "证人" } as const;
export type IntervieweeRole = keyof typeof INTERVIEWEE_ROLE_LABELS;

export interface InquiryInput {
  intervieweeRole: string;
  intervieweeName: string;
  intervieweeIdNumber: string;
  intervieweeDetail: string;
  place: string;
  startedAt: string;
  endedAt: string;
  firstInspectorId: number;
  firstCertificate: string;
  secondInspectorId: number;
  secondCertificate: string;
  questionsAndAnswers: string;
  signature: string;
  refusalNote: string;
}

export interface InquiryProblem {
  field: keyof InquiryInput;
  message: string;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function isLocalTime(value: string): boolean {
  if (!LOCAL_TIME.test(value)) return false;
  const d = new Date(`${value}:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === value;
}

/** The lines of the record as questions and answers: each line starts 问： or 答： (a line without either continues the one before). */
export function questionsAndAnswers(text: string): { kind: "问" | "答"; text: string }[] {
  const lines: { kind: "问" | "答"; text: string }[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(问|答)[:：]\s*(.*)$/.exec(line);
    if (m) lines.push({ kind: m[1] as "问" | "答", text: m[2]! });
    else if (lines.length) lines.at(-1)!.text += `\n${line}`;
    else lines.push({ kind: "问", text: line });
  }
  return lines;
}

/**
 * Why this record may not be saved, naming the field, or null. `eligible` are the staff who may sit in (the case's
 * office and the city office); `receivedOn` is the day the complaint arrived; `now` is the local time `YYYY-MM-DDTHH:MM`.
 */
export function inquiryProblem(r: InquiryInput, eligible: ReadonlySet<number>, receivedOn: string, now: string): InquiryProblem | null {
  if (!Object.hasOwn(INTERVIEWEE_ROLE_LABELS, r.intervieweeRole)) return { field: "intervieweeRole", message: "请选择被询问人身份" };
  if (!r.intervieweeName.trim()) return { field: "intervieweeName", message: "请填写被询问人姓名" };
  const idNumber = r.intervieweeIdNumber.trim();
  if (idNumber) {
    if (idNumberProblem(idNumber, now.slice(0, 10)))
      return { field: "intervieweeIdNumber", message: "被询问人身份证号不正确（18 位，校验码有误或出生日期无效）" };
  }
  if (!r.place.trim()) return { field: "place", message: "请填写询问地点" };
  if (!isLocalTime(r.startedAt)) return { field: "startedAt", message: "请填写询问开始时间" };
  if (!isLocalTime(r.endedAt)) return { field: "endedAt", message: "请填写询问结束时间" };
  if (r.startedAt.slice(0, 10) < receivedOn) return { field: "startedAt", message: `询问时间不能早于收到投诉的日期（${receivedOn}）` };
  if (r.endedAt <= r.startedAt) return { field: "endedAt", message: "结束时间应晚于开始时间" };
  if (r.endedAt > now) return { field: "endedAt", message: "结束时间不能晚于现在" };
  const team = new Set([r.firstInspectorId, r.secondInspectorId]);
  if (![...team].every((id) => eligible.has(id))) return { field: "firstInspectorId", message: "请选择在岗的监察员" };
  if (team.size < MIN_VISIT_INSPECTORS) return { field: "secondInspectorId", message: "询问应由两名监察员进行（劳动保障监察条例第十六条）" };
  if (!r.firstCertificate.trim()) return { field: "firstCertificate", message: "请填写第一名监察员的执法证号" };
  if (!r.secondCertificate.trim()) return { field: "secondCertificate", message: "请填写第二名监察员的执法证号" };
  const qa = questionsAndAnswers(r.questionsAndAnswers);
  if (!qa.some((l) => l.kind === "问") || !qa.some((l) => l.kind === "答")) {
    return { field: "questionsAndAnswers", message: "请按“问：……”“答：……”逐行记录询问内容" };
  }
  if (r.signature !== "signed" && r.signature !== "refused") return { field: "signature", message: "请选择被询问人是否逐页签名" };
  if (r.signature === "refused" && !r.refusalNote.trim()) return { field: "refusalNote", message: "被询问人拒绝签名的，请注明情况及在场人员" };
  return null;
}
