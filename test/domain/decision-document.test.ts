/** What makes a 行政处理决定书 complete (docs/rules.md § The 行政处理决定书). */
import { describe, expect, it } from "vitest";
import { PERFORMANCE_DAYS, chineseNumber, decisionLines, evidenceList, particularsProblem, performancePeriod } from "../../src/domain/decision-document.js";
import { compensationAmount } from "../../src/domain/money.js";
import { testCalendar } from "../fixtures/calendars.js";
import { uscc } from "../helpers.js";

const calendar = testCalendar();
const complete = { employerName: "长春宏达建筑劳务有限公司", employerUscc: uscc(), employerAddress: "长春市南关区某街 8 号", employerLegalRep: "王某" };

describe("the party's particulars", () => {
  it("accepts a party named in full", () => {
    expect(particularsProblem(complete)).toBeNull();
  });
  it.each([
    ["employerName", "名称"],
    ["employerUscc", "统一社会信用代码"],
    ["employerAddress", "地址"],
    ["employerLegalRep", "法定代表人（负责人）"],
  ] as const)("refuses a decision without the %s, naming it", (field, label) => {
    const problem = particularsProblem({ ...complete, [field]: field === "employerUscc" ? null : "  " });
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(`须载明当事人的${label}`);
    expect(problem?.message).toContain("“被投诉单位”栏");
  });
  it("refuses a 统一社会信用代码 whose check character is wrong", () => {
    const wrong = `${complete.employerUscc!.slice(0, 17)}${complete.employerUscc!.endsWith("0") ? "1" : "0"}`;
    expect(particularsProblem({ ...complete, employerUscc: wrong })).toMatchObject({ field: "employerUscc", message: expect.stringContaining("无效") });
  });
});

describe("per-worker amounts", () => {
  it("lists each worker's wages still owed, leaving out those paid in full", () => {
    const lines = decisionLines(
      [
        { workerId: 1, amountFen: 850_000, paidFen: 350_000 },
        { workerId: 2, amountFen: 120_000, paidFen: 120_000 },
        { workerId: 3, amountFen: 99_999, paidFen: 0 },
      ],
      null,
    );
    expect(lines).toEqual([
      { workerId: 1, owedFen: 500_000, compensationFen: 0 },
      { workerId: 3, owedFen: 99_999, compensationFen: 0 },
    ]);
  });
  it("splits the 加付赔偿金 so the shares add up to the ordered total to the fen", () => {
    // Three workers owed ¥0.01 each at 50 %: each exact share is half a fen; the total rounds to 2 fen.
    const tiny = decisionLines(
      [1, 2, 3].map((workerId) => ({ workerId, amountFen: 1, paidFen: 0 })),
      50,
    );
    expect(tiny.map((l) => l.compensationFen)).toEqual([1, 1, 0]);
    expect(tiny.reduce((s, l) => s + l.compensationFen, 0)).toBe(compensationAmount(3, 50));
    // Uneven amounts at 75 %: 333.33 → 249.9975, 666.67 → 500.0025, 1,000.01 → 750.0075.
    const items = [
      { workerId: 7, amountFen: 33_333, paidFen: 0 },
      { workerId: 8, amountFen: 66_667, paidFen: 0 },
      { workerId: 9, amountFen: 100_001, paidFen: 0 },
    ];
    const lines = decisionLines(items, 75);
    expect(lines.map((l) => l.compensationFen)).toEqual([25_000, 50_000, 75_001]);
    expect(lines.reduce((s, l) => s + l.compensationFen, 0)).toBe(compensationAmount(200_001, 75));
  });
  it("gives 100 % as the whole amount owed", () => {
    expect(decisionLines([{ workerId: 1, amountFen: 123_456, paidFen: 23_456 }], 100)).toEqual([{ workerId: 1, owedFen: 100_000, compensationFen: 100_000 }]);
  });
});

describe("the performance period", () => {
  it(`is written as ${PERFORMANCE_DAYS} days from service until the service is recorded`, () => {
    expect(chineseNumber(PERFORMANCE_DAYS)).toBe("十五");
    expect(performancePeriod(null, calendar)).toEqual({ lastDay: null, rule: "自本决定书送达之日起十五日内", words: "自本决定书送达之日起十五日内" });
  });
  it("names the last day, the day of service not counted, with the date written out", () => {
    // Served Thursday 2026-03-12: the 15th day is Friday 03-27.
    expect(performancePeriod("2026-03-12", calendar)).toEqual({
      lastDay: "2026-03-27",
      rule: "自本决定书送达之日起十五日内",
      words: "自本决定书送达之日起十五日内（本决定书于2026年3月12日送达，即于2026年3月27日（含当日）前）",
    });
  });
  it("moves a last day on a rest day to the next working day, for a decision served on a rest day too", () => {
    // Served Saturday 2026-12-12: the 15th day is Sunday 12-27, so Monday 12-28.
    expect(performancePeriod("2026-12-12", calendar).lastDay).toBe("2026-12-28");
    // Served Wednesday 2026-09-16: the 15th day is 10-01, inside 国庆节 (10-01…10-07), so Thursday 10-08.
    expect(performancePeriod("2026-09-16", calendar).lastDay).toBe("2026-10-08");
  });
  it("writes numbers of days as a document does", () => {
    expect([1, 10, 11, 15, 20, 60, 99].map(chineseNumber)).toEqual(["一", "十", "十一", "十五", "二十", "六十", "九十九"]);
  });
});

describe("the evidence", () => {
  const record = {
    receivedOn: "2026-11-02",
    visits: [{ on: "2026-11-10", place: "某工地项目部" }],
    files: Array.from({ length: 12 }, (_, n) => ({ name: `工资表${n + 1}` })),
    order: { docNumber: "长人社监令〔2026〕3号", payBy: "2026-11-30" },
    notice: { docNumber: "长人社监告〔2026〕1号" },
  };
  it("names the complaint, each inspection, the files (ten by name, then the count), the order left unpaid and the 事先告知书", () => {
    const list = evidenceList(record);
    expect(list[0]).toBe("投诉人的投诉材料（2026年11月2日登记）");
    expect(list[1]).toBe("2026年11月10日现场检查记录（某工地项目部）");
    expect(list[2]).toMatch(/^证据材料：工资表1、.*工资表10等12份$/);
    expect(list[3]).toBe("《劳动保障监察限期改正指令书》（长人社监令〔2026〕3号）及限期（2026年11月30日）届满后仍未足额支付的记录");
    expect(list[4]).toContain("长人社监告〔2026〕1号");
  });
  it("still names the complaint and the order when no file or visit is on record", () => {
    expect(evidenceList({ ...record, visits: [], files: [], notice: null })).toHaveLength(2);
  });
});
