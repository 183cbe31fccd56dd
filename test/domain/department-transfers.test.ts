/** 移送其他部门's rules (src/domain/department-transfers.ts; docs/rules.md §移送其他部门). */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DEPARTMENT_REPLY_DAYS,
  receiptProblem,
  replyDueOn,
  replyProblem,
  transferClock,
  transferProblem,
  transferStage,
  type TransferFacts,
} from "../../src/domain/department-transfers.js";
import { testCalendar } from "../fixtures/calendars.js";

const calendar = testCalendar();
const today = "2026-11-23";
const zjj = { name: "市住建局", active: true };
const ok = { unit: zjj, openUnitIds: [] as number[], today, calendar };
const sent: TransferFacts = { unitName: "市住建局", sentOn: "2026-11-23", replyDueOn: "2026-12-07", receivedOn: null, repliedOn: null };

describe("the reply due date", () => {
  it("is by default the 10th working day after the day sent (a setting, not law)", () => {
    expect(DEFAULT_DEPARTMENT_REPLY_DAYS).toBe(10);
    expect(replyDueOn("2026-11-23", "", 10, calendar)).toBe("2026-12-07");
  });
  it("skips the National Day holiday and counts its makeup Saturday", () => {
    // 09-30 sent; 10-01…10-07 off; 10-08, 10-09, Saturday 10-10 (调休上班) are days 1–3; day 10 is Tuesday 10-20.
    expect(replyDueOn("2026-09-30", "", 10, calendar)).toBe("2026-10-20");
  });
  it("is the date the office typed when it names one", () => {
    expect(replyDueOn("2026-11-23", "2026-11-30", 10, calendar)).toBe("2026-11-30");
  });
});

describe("a transfer", () => {
  const input = { unitId: 1, sentOn: "2026-11-23", replyDueOn: "" as const };
  const c = { receivedOn: "2026-11-20" };
  it("goes to a department of the member units' list, in use", () => {
    expect(transferProblem(input, c, ok)).toBeNull();
    expect(transferProblem(input, c, { ...ok, unit: null })).toEqual({ field: "unitId", message: "请从专班成员单位中选择接收移送的部门" });
    expect(transferProblem(input, c, { ...ok, unit: { ...zjj, active: false } })?.field).toBe("unitId");
  });
  it("is refused while the same department has an open transfer of the case", () => {
    expect(transferProblem(input, c, { ...ok, openUnitIds: [1] })).toEqual({
      field: "unitId",
      message: "本案移送市住建局的材料尚未答复：同一部门只能有一次未办结的移送，请先登记其签收和答复",
    });
    expect(transferProblem(input, c, { ...ok, openUnitIds: [2] })).toBeNull();
  });
  it("is dated inside the calendar, not after today, not before the complaint", () => {
    expect(transferProblem({ ...input, sentOn: "2024-06-03" }, c, ok)).toEqual({ field: "sentOn", message: "移送日期超出工作日历范围（2025–2028 年）" });
    expect(transferProblem({ ...input, sentOn: "2026-11-24" }, c, ok)).toEqual({ field: "sentOn", message: "移送日期不能晚于今天" });
    expect(transferProblem({ ...input, sentOn: "2026-11-19" }, c, ok)).toEqual({ field: "sentOn", message: "移送日期不能早于收到投诉的日期（2026-11-20）" });
  });
  it("takes a typed reply due date only after the day sent, on a working day, inside the calendar", () => {
    expect(transferProblem({ ...input, replyDueOn: "2026-11-23" }, c, ok)).toEqual({ field: "replyDueOn", message: "答复期限应晚于移送日期" });
    expect(transferProblem({ ...input, replyDueOn: "2026-11-28" }, c, ok)).toEqual({ field: "replyDueOn", message: "答复期限应为工作日" });
    expect(transferProblem({ ...input, replyDueOn: "2032-01-05" }, c, ok)?.message).toContain("超出工作日历范围");
    expect(transferProblem({ ...input, replyDueOn: "2026-11-30" }, c, ok)).toBeNull();
  });
});

describe("the order of the steps: sent, 签收, reply", () => {
  it("waits for the 签收 first, then the reply", () => {
    expect(transferStage(sent)).toBe("receipt");
    expect(transferStage({ ...sent, receivedOn: "2026-11-24" })).toBe("reply");
    expect(transferStage({ ...sent, receivedOn: "2026-11-24", repliedOn: "2026-12-01" })).toBe("done");
  });
  it("refuses a reply before the 签收, naming the transfer", () => {
    expect(replyProblem(sent, "2026-11-23", today, calendar)).toEqual({
      field: "transferId",
      message: "移送市住建局的材料尚未登记签收：请先登记签收日期和签收人，再登记答复",
    });
  });
  it("dates the 签收 from the day sent and the reply from the 签收, never after today", () => {
    expect(receiptProblem(sent, "2026-11-20", today, calendar)).toEqual({ field: "receivedOn", message: "签收日期不能早于移送日期（2026-11-23）" });
    expect(receiptProblem(sent, "2026-11-24", today, calendar)).toEqual({ field: "receivedOn", message: "签收日期不能晚于今天" });
    expect(receiptProblem(sent, "2026-11-23", today, calendar)).toBeNull();
    const received = { ...sent, receivedOn: "2026-11-23" };
    expect(receiptProblem(received, "2026-11-23", today, calendar)?.field).toBe("transferId");
    expect(replyProblem(received, "2026-11-22", today, calendar)).toEqual({ field: "repliedOn", message: "答复日期不能早于签收日期（2026-11-23）" });
    expect(replyProblem(received, "2026-11-23", today, calendar)).toBeNull();
    expect(replyProblem({ ...received, repliedOn: "2026-11-23" }, "2026-11-23", today, calendar)?.message).toBe("市住建局的答复已登记");
  });
});

describe("the reply clock", () => {
  // Sent Monday 2026-11-23, reply due Monday 2026-12-07: 10 working days.
  it("runs 正常, then 即将到期 in its last days, 已超期 the day after the due date", () => {
    expect(transferClock(sent, "2026-11-24", calendar)).toMatchObject({ used: 1, left: 9, status: "normal" });
    expect(transferClock(sent, "2026-12-03", calendar)).toMatchObject({ used: 8, left: 2, status: "dueSoon" });
    expect(transferClock(sent, "2026-12-07", calendar).status).toBe("dueSoon");
    expect(transferClock(sent, "2026-12-08", calendar)).toMatchObject({ left: -1, status: "overdue" });
  });
  it("runs while waiting for the 签收 too, and stops at the reply: met by the due date, missed after it", () => {
    expect(transferClock({ ...sent, receivedOn: "2026-11-24" }, "2026-12-08", calendar).status).toBe("overdue");
    expect(transferClock({ ...sent, receivedOn: "2026-11-24", repliedOn: "2026-12-07" }, "2027-01-04", calendar).status).toBe("met");
    expect(transferClock({ ...sent, receivedOn: "2026-11-24", repliedOn: "2026-12-08" }, "2027-01-04", calendar).status).toBe("missed");
  });
});
