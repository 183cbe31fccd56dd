import { describe, expect, it } from "vitest";
import { inquiryProblem, questionsAndAnswers, shanghaiMinute, type InquiryInput } from "../../src/domain/inquiries.js";
import { idNumber } from "../helpers.js";

const eligible = new Set([11, 12, 13]);
const record: InquiryInput = {
  intervieweeRole: "employerRep",
  intervieweeName: "赵某",
  intervieweeIdNumber: "",
  intervieweeDetail: "某劳务公司 项目经理",
  place: "支队询问室",
  startedAt: "2026-11-24T09:30",
  endedAt: "2026-11-24T10:15",
  firstInspectorId: 11,
  firstCertificate: "吉劳监 22010001",
  secondInspectorId: 12,
  secondCertificate: "吉劳监 22010002",
  questionsAndAnswers: "问：你单位是否拖欠工人工资？\n答：欠了三个月。\n资金周转困难。",
  signature: "signed",
  refusalNote: "",
};
const check = (patch: Partial<InquiryInput>) => inquiryProblem({ ...record, ...patch }, eligible, "2026-11-20", "2026-11-24T11:00");

describe("询问笔录 (劳动保障监察条例 第十五、十六条)", () => {
  it("accepts a whole record", () => {
    expect(check({})).toBeNull();
    expect(check({ intervieweeIdNumber: idNumber(3) })).toBeNull();
  });
  it("needs two different inspectors on duty (第十六条)", () => {
    expect(check({ secondInspectorId: 11 })).toEqual({ field: "secondInspectorId", message: "询问应由两名监察员进行（劳动保障监察条例第十六条）" });
    expect(check({ secondInspectorId: 99 })?.field).toBe("firstInspectorId");
    expect(check({ secondCertificate: " " })?.message).toContain("执法证号");
  });
  it("keeps its times between the complaint's receipt and now, ending after it starts", () => {
    expect(check({ startedAt: "2026-11-19T09:00" })?.message).toContain("不能早于收到投诉的日期（2026-11-20）");
    expect(check({ endedAt: "2026-11-24T09:30" })?.message).toBe("结束时间应晚于开始时间");
    expect(check({ endedAt: "2026-11-24T11:01" })?.message).toBe("结束时间不能晚于现在");
    expect(check({ startedAt: "2026-02-30T09:00" })?.field).toBe("startedAt");
  });
  it("needs questions and answers, and a note when the person refused to sign", () => {
    expect(check({ questionsAndAnswers: "工人说欠了工资" })?.field).toBe("questionsAndAnswers");
    expect(check({ signature: "refused" })?.field).toBe("refusalNote");
    expect(check({ signature: "refused", refusalNote: "拒绝签名，监察员二人在场，已录像" })).toBeNull();
  });
  it("refuses an ID number that is not one, and an unknown role", () => {
    expect(check({ intervieweeIdNumber: "220102198503150000" })?.field).toBe("intervieweeIdNumber");
    expect(check({ intervieweeRole: "police" })?.field).toBe("intervieweeRole");
  });
  it("reads the lines as questions and answers, a line without a mark continuing the one before", () => {
    expect(questionsAndAnswers(record.questionsAndAnswers)).toEqual([
      { kind: "问", text: "你单位是否拖欠工人工资？" },
      { kind: "答", text: "欠了三个月。\n资金周转困难。" },
    ]);
  });
  it("writes the local time in Asia/Shanghai", () => {
    expect(shanghaiMinute(new Date("2026-11-23T17:30:00Z"))).toBe("2026-11-24T01:30");
  });
});
