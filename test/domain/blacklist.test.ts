import { beforeAll, describe, expect, it } from "vitest";
import {
  blacklistAbilities,
  decisionDeadline,
  decisionProblem,
  earlyRemovalDeadline,
  earlyRemovalEligibleOn,
  earlyRemovalProblem,
  effectiveRemoval,
  isCurrentlyListed,
  removalDocumentLabel,
  objectionDeadline,
  objectionProblem,
  proceedingClocks,
  proposalProblem,
  removalDeadline,
  termEnd,
  thresholdsProblem,
  verificationDeadline,
  extensionProblem,
  isDecisionLate,
  type OrderDue,
  type PartyFacts,
  type ProceedingFacts,
} from "../../src/domain/blacklist.js";
import { addMonths } from "../../src/domain/dates.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { TEST_DB_SCHEDULES, testCalendar } from "../fixtures/calendars.js";

let cal: WorkingCalendar;
beforeAll(() => {
  // Explicit schedules: 2027 stays unpublished whatever chinese-days has since released (docs/rules.md §Working days).
  cal = testCalendar(TEST_DB_SCHEDULES);
});

const thresholds = { oneWorkerFen: 1_000_000, groupFen: 5_000_000 };
const order = (payBy: string, amounts: [number, number][], violation: OrderDue["violation"] = "migrantWorkers"): OrderDue => ({
  docNumber: "长人社监令〔2026〕1号",
  payBy,
  servedOn: "2026-11-02",
  violation,
  items: amounts.map(([amountFen, paidFen]) => ({ amountFen, paidFen })),
});

const party = (key: string, name: string, o: Partial<PartyFacts> = {}): PartyFacts => ({
  key,
  name,
  noticeServedOn: "2026-09-30",
  objectionOn: null,
  answeredOn: null,
  decisionServedOn: null,
  removalServedOn: null,
  ...o,
});
/** The employer and its legal representative, both served on 2026-09-30 (windows to 10-13). */
const parties = (employer: Partial<PartyFacts> = {}, person: Partial<PartyFacts> = {}) => [
  party("employer", "某劳务公司", employer),
  party("person:1", "赵某", person),
];

const noticed = (o: Partial<ProceedingFacts> = {}): ProceedingFacts => ({
  stage: "noticed",
  orderPayBy: "2026-09-25",
  decisionExtended: false,
  decisionDueOn: "2026-10-29",
  parties: parties(),
  decisionOn: null,
  termStartsOn: null,
  termEndsOn: null,
  removedOn: null,
  removalKind: null,
  removalNumber: null,
  earlyAppliedOn: null,
  ...o,
});
const listed = (o: Partial<ProceedingFacts> = {}) =>
  noticed({ stage: "listed", decisionOn: "2026-03-10", termStartsOn: "2026-03-10", termEndsOn: "2029-03-10", ...o });

describe("thresholds (a setting within the legal range)", () => {
  it("accepts the defaults and the range ends", () => {
    expect(thresholdsProblem(thresholds)).toBeNull();
    expect(thresholdsProblem({ oneWorkerFen: 500_000, groupFen: 10_000_000 })).toBeNull();
  });
  it("refuses figures outside ¥5,000–20,000 and ¥30,000–100,000", () => {
    expect(thresholdsProblem({ oneWorkerFen: 499_999, groupFen: 5_000_000 })).toMatch(/5000 元至 20000 元/);
    expect(thresholdsProblem({ oneWorkerFen: 1_000_000, groupFen: 10_000_001 })).toMatch(/30000 元至 100000 元/);
  });
});

describe("proposalProblem (第五条: threshold and an order unpaid after its pay-by date)", () => {
  it("refuses an order for wages that are not 农民工 wages (第一、五条; 条例 第四十八条)", () => {
    const general = order("2026-11-20", [[1_200_000, 0]], "general");
    expect(proposalProblem(general, { kind: "oneWorker", monthsOwed: 4 }, "2026-11-23", thresholds)).toMatch(/只适用于拖欠农民工工资.*第四十八条/);
  });
  it("refuses an order not yet served: its period runs from service (待送达)", () => {
    const unserved = { ...order("2026-11-20", [[1_500_000, 0]]), servedOn: null };
    expect(proposalProblem(unserved, { kind: "oneWorker", monthsOwed: 4 }, "2026-11-23", thresholds)).toMatch(/尚未登记送达（待送达）/);
  });
  it("refuses without an order to pay", () => {
    expect(proposalProblem(null, { kind: "group" }, "2026-11-23", thresholds)).toMatch(/须先下达限期改正指令书/);
  });
  it("refuses on the pay-by date itself and allows the day after", () => {
    const o = order("2026-11-20", [[1_200_000, 0]]);
    expect(proposalProblem(o, { kind: "oneWorker", monthsOwed: 4 }, "2026-11-20", thresholds)).toMatch(/尚未届满/);
    expect(proposalProblem(o, { kind: "oneWorker", monthsOwed: 4 }, "2026-11-21", thresholds)).toBeNull();
  });
  it("refuses a single worker owed ¥5,000 (below the ¥10,000 setting)", () => {
    expect(proposalProblem(order("2026-11-20", [[500_000, 0]]), { kind: "oneWorker", monthsOwed: 6 }, "2026-11-23", thresholds)).toMatch(/未达到 10,000 元/);
  });
  it("counts what is still unpaid, not what was ordered", () => {
    expect(proposalProblem(order("2026-11-20", [[1_500_000, 600_000]]), { kind: "oneWorker", monthsOwed: 6 }, "2026-11-23", thresholds)).toMatch(/欠 9,000 元/);
  });
  it("needs 3 months' wages owed for one worker", () => {
    expect(proposalProblem(order("2026-11-20", [[1_500_000, 0]]), { kind: "oneWorker", monthsOwed: 2 }, "2026-11-23", thresholds)).toMatch(/3 个月以上/);
  });
  it("needs 10 workers still owed and the group total", () => {
    const nine = order(
      "2026-11-20",
      Array.from({ length: 9 }, () => [800_000, 0] as [number, number]),
    );
    expect(proposalProblem(nine, { kind: "group" }, "2026-11-23", thresholds)).toMatch(/9 人，不足 10 人/);
    const tenSmall = order(
      "2026-11-20",
      Array.from({ length: 10 }, () => [400_000, 0] as [number, number]),
    );
    expect(proposalProblem(tenSmall, { kind: "group" }, "2026-11-23", thresholds)).toMatch(/未付总额 40,000 元/);
    const tenLarge = order(
      "2026-11-20",
      Array.from({ length: 10 }, () => [500_000, 0] as [number, number]),
    );
    expect(proposalProblem(tenLarge, { kind: "group" }, "2026-11-23", thresholds)).toBeNull();
  });
  it("refuses when the order has been paid in full", () => {
    expect(proposalProblem(order("2026-11-20", [[1_500_000, 1_500_000]]), { kind: "oneWorker", monthsOwed: 4 }, "2026-11-23", thresholds)).toMatch(/足额支付/);
  });
  it("takes a mass incident with its description, whatever the amount", () => {
    const small = order("2026-11-20", [[100_000, 0]]);
    expect(proposalProblem(small, { kind: "incident", description: " " }, "2026-11-23", thresholds)).toMatch(/群体性事件/);
    expect(proposalProblem(small, { kind: "incident", description: "30 余名工人围堵项目部" }, "2026-11-23", thresholds)).toBeNull();
  });
});

describe("timers (working days, the event day not counted)", () => {
  it("objection window: served Wed 2026-09-30, the National Day holiday skipped and the makeup Saturday counted → 2026-10-13", () => {
    expect(objectionDeadline("2026-09-30", cal)).toBe("2026-10-13");
  });
  it("objection window across Spring Festival: served 2026-02-13 → 2026-02-27", () => {
    expect(objectionDeadline("2026-02-13", cal)).toBe("2026-02-27");
  });
  it("verification: 5 working days from the objection", () => {
    expect(verificationDeadline("2026-09-30", cal)).toBe("2026-10-13");
  });
  it("decision: 20 working days after the pay-by date, 40 when extended", () => {
    expect(decisionDeadline("2026-09-30", false, cal)).toBe("2026-11-03");
    expect(decisionDeadline("2026-09-30", true, cal)).toBe("2026-12-01");
  });
  it("early removal decided within 15 working days; removal within 10", () => {
    expect(earlyRemovalDeadline("2026-02-13", cal)).toBe("2026-03-12");
    expect(removalDeadline("2026-04-30", cal)).toBe("2026-05-18");
  });
  it("term: 3 years, ending on the corresponding day", () => {
    expect(termEnd("2026-03-10")).toBe("2029-03-10");
    expect(termEnd("2028-02-29")).toBe("2031-02-28");
  });
  it("addMonths falls back to the month's last day", () => {
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-01-15", -2)).toBe("2025-11-15");
  });
});

describe("decisionProblem (第六条, 第八条)", () => {
  it("refuses until the notice is served on every party, naming those not served", () => {
    expect(decisionProblem(noticed({ stage: "proposed" }), "2026-11-01", cal)).toMatch(/尚未审批/);
    expect(decisionProblem(noticed({ stage: "approved", parties: parties({}, { noticeServedOn: null }) }), "2026-10-20", cal)).toMatch(/告知书尚未送达：赵某/);
  });
  it("waits for the last party's own window (a person served later objects later)", () => {
    const later = noticed({ parties: parties({}, { noticeServedOn: "2026-10-12" }) });
    expect(decisionProblem(later, "2026-10-14", cal)).toMatch(/异议期至 2026-10-19 届满/);
    expect(decisionProblem(later, "2026-10-20", cal)).toBeNull();
  });
  it("after the decision period, only with the reason for the delay", () => {
    expect(decisionProblem(noticed(), "2026-10-29", cal)).toBeNull();
    expect(decisionProblem(noticed(), "2026-10-30", cal)).toMatch(/列入决定期限已于 2026-10-29 届满.*逾期作出决定须由科长写明逾期的理由/);
    expect(decisionProblem(noticed(), "2026-10-30", cal, "  ")).toMatch(/逾期的理由/);
    expect(decisionProblem(noticed(), "2026-10-30", cal, "当事人下落不明")).toBeNull();
    expect(isDecisionLate(noticed(), "2026-10-29")).toBe(false);
    expect(isDecisionLate(noticed(), "2026-10-30")).toBe(true);
    expect(isDecisionLate(noticed({ stage: "listed" }), "2026-10-30")).toBe(false);
  });
  it("refuses while the objection window runs, including its last day", () => {
    expect(decisionProblem(noticed(), "2026-10-09", cal)).toMatch(/异议期至 2026-10-13 届满/);
    expect(decisionProblem(noticed(), "2026-10-13", cal)).toMatch(/届满后/);
  });
  it("allows it the day after the window", () => {
    expect(decisionProblem(noticed(), "2026-10-14", cal)).toBeNull();
  });
  it("refuses while any party's objection awaits its answer, allows it once answered", () => {
    expect(decisionProblem(noticed({ parties: parties({}, { objectionOn: "2026-10-09" }) }), "2026-10-20", cal)).toMatch(/赵某提出了异议，须先核实并答复/);
    expect(decisionProblem(noticed({ parties: parties({}, { objectionOn: "2026-10-09", answeredOn: "2026-10-15" }) }), "2026-10-20", cal)).toBeNull();
  });
});

describe("extensionProblem (第八条)", () => {
  it("extends inside the 20 working days, including the last, never after, and once", () => {
    expect(extensionProblem(noticed(), "2026-10-29")).toBeNull();
    expect(extensionProblem(noticed(), "2026-10-30")).toMatch(/已于 2026-10-29 届满，届满后不能再延长/);
    expect(extensionProblem(noticed({ decisionExtended: true }), "2026-10-20")).toMatch(/已延长过一次/);
  });
});

describe("objectionProblem", () => {
  it("takes an objection on the last day of the party's own window and refuses one after", () => {
    expect(objectionProblem(noticed(), "person:1", "2026-10-13", "2026-10-20", cal)).toBeNull();
    expect(objectionProblem(noticed(), "person:1", "2026-10-14", "2026-10-20", cal)).toMatch(/赵某的异议期已于 2026-10-13 届满/);
  });
  it("needs the party served, once, and a known party", () => {
    const unserved = noticed({ stage: "approved", parties: parties({}, { noticeServedOn: null }) });
    expect(objectionProblem(unserved, "person:1", "2026-10-09", "2026-10-20", cal)).toMatch(/告知书送达赵某后/);
    expect(objectionProblem(unserved, "employer", "2026-10-09", "2026-10-20", cal)).toBeNull();
    expect(objectionProblem(noticed({ parties: parties({ objectionOn: "2026-10-08" }) }), "employer", "2026-10-09", "2026-10-20", cal)).toMatch(/已登记过/);
    expect(objectionProblem(noticed(), "person:9", "2026-10-09", "2026-10-20", cal)).toMatch(/请选择/);
  });
});

describe("earlyRemovalProblem (第十二–十四条)", () => {
  const f = { correctedOn: "2026-04-15", pledged: true, newArrears: false, criminalProceedings: false };
  it("refuses at 5 months after the correction and allows at 6", () => {
    expect(earlyRemovalEligibleOn("2026-04-15")).toBe("2026-10-15");
    expect(earlyRemovalProblem(listed(), f, "2026-09-15")).toMatch(/满 6 个月（2026-10-15）/);
    expect(earlyRemovalProblem(listed(), f, "2026-10-14")).toMatch(/满 6 个月/);
    expect(earlyRemovalProblem(listed(), f, "2026-10-15")).toBeNull();
  });
  it("needs the pledge and is barred by new arrears or criminal proceedings", () => {
    expect(earlyRemovalProblem(listed(), { ...f, pledged: false }, "2026-11-01")).toMatch(/信用承诺/);
    expect(earlyRemovalProblem(listed(), { ...f, newArrears: true }, "2026-11-01")).toMatch(/新的拖欠/);
    expect(earlyRemovalProblem(listed(), { ...f, criminalProceedings: true }, "2026-11-01")).toMatch(/刑事责任/);
  });
  it("is only for a current listing", () => {
    expect(earlyRemovalProblem(listed({ termEndsOn: "2026-10-31" }), f, "2026-11-01")).toMatch(/名单期内/);
  });
});

describe("listing by date", () => {
  it("is listed from the decision date through the last day of the term, not the day after", () => {
    const p = listed();
    expect(isCurrentlyListed(p, "2026-03-09")).toBe(false);
    expect(isCurrentlyListed(p, "2026-03-10")).toBe(true);
    expect(isCurrentlyListed(p, "2029-03-10")).toBe(true);
    expect(isCurrentlyListed(p, "2029-03-11")).toBe(false);
    expect(effectiveRemoval(p, "2029-03-11")).toEqual({ kind: "expired", on: "2029-03-10" });
  });
  it("shows the running clocks: objection window and decision while pending, term end while listed", () => {
    expect(proceedingClocks(noticed(), "2026-10-09", cal).map((k) => [k.label, k.dueOn])).toEqual([
      ["异议期（某劳务公司）", "2026-10-13"],
      ["异议期（赵某）", "2026-10-13"],
      ["列入决定", "2026-10-29"],
    ]);
    const late = proceedingClocks(noticed(), "2026-10-30", cal).find((k) => k.label === "列入决定")!;
    expect(late.status).toBe("overdue");
    expect(proceedingClocks(listed(), "2029-02-20", cal)).toEqual([expect.objectContaining({ label: "名单期满", dueOn: "2029-03-10", status: "dueSoon" })]);
  });
});

describe("blacklistAbilities", () => {
  const inspector = { relation: "assignedInspector" as const };
  const other = { relation: "otherInspector" as const };
  const supervisor = { relation: "supervisor" as const };
  it("lets the inspector working the case and supervisors propose; not other inspectors or clerks", () => {
    expect(blacklistAbilities(inspector, null, "2026-11-23").propose).toBe(true);
    expect(blacklistAbilities(supervisor, null, "2026-11-23").propose).toBe(true);
    expect(blacklistAbilities(other, null, "2026-11-23").propose).toBe(false);
    expect(blacklistAbilities({ relation: "registrar" }, null, "2026-11-23").propose).toBe(false);
  });
  it("keeps approval, the decision and removal for supervisors", () => {
    const proposed = noticed({ stage: "proposed", parties: parties({ noticeServedOn: null }, { noticeServedOn: null }) });
    expect(blacklistAbilities(inspector, proposed, "2026-11-23").approve).toBe(false);
    expect(blacklistAbilities(supervisor, proposed, "2026-11-23").approve).toBe(true);
    expect(blacklistAbilities(inspector, noticed(), "2026-11-23").decide).toBe(false);
    expect(blacklistAbilities(supervisor, noticed(), "2026-11-23").decide).toBe(true);
    const pending = listed({ earlyAppliedOn: "2026-11-01" });
    expect(blacklistAbilities(inspector, pending, "2026-11-23").decideEarlyRemoval).toBe(false);
    expect(blacklistAbilities(supervisor, pending, "2026-11-23").decideEarlyRemoval).toBe(true);
    expect(blacklistAbilities(inspector, listed(), "2026-11-23").revoke).toBe(false);
  });
  it("lets a supervisor end a proceeding only while it is pending", () => {
    expect(blacklistAbilities(supervisor, noticed(), "2026-11-23").end).toBe(true);
    expect(blacklistAbilities(inspector, noticed(), "2026-11-23").end).toBe(false);
    expect(blacklistAbilities(supervisor, listed(), "2026-11-23").end).toBe(false);
  });
  it("keeps 不予列入 (第七条, discretionary) for supervisors", () => {
    expect(blacklistAbilities(inspector, noticed(), "2026-10-20").notList).toBe(false);
    expect(blacklistAbilities(supervisor, noticed(), "2026-10-20").notList).toBe(true);
  });
  it("offers service to the inspectors working the case while a party is unserved, the extension only inside the period", () => {
    const approved = noticed({ stage: "approved", parties: parties({}, { noticeServedOn: null }) });
    expect(blacklistAbilities(inspector, approved, "2026-10-20").serve).toBe(true);
    expect(blacklistAbilities(other, approved, "2026-10-20").serve).toBe(false);
    expect(blacklistAbilities(inspector, noticed(), "2026-10-20").serve).toBe(false);
    expect(blacklistAbilities(supervisor, noticed(), "2026-10-29").extend).toBe(true);
    expect(blacklistAbilities(supervisor, noticed(), "2026-10-30").extend).toBe(false);
    const decided = listed({ parties: parties({ decisionServedOn: "2026-03-11" }) });
    expect(blacklistAbilities(inspector, decided, "2026-03-12").serveDecision).toBe(true);
    expect(
      blacklistAbilities(inspector, listed({ parties: parties({ decisionServedOn: "2026-03-11" }, { decisionServedOn: "2026-03-11" }) }), "2026-03-12")
        .serveDecision,
    ).toBe(false);
  });
  it("offers service of the 移出决定书 only after a numbered early removal, while a party is unserved", () => {
    const removed = (o: Partial<ProceedingFacts> = {}) =>
      listed({ stage: "removed", removalKind: "early", removedOn: "2026-11-01", removalNumber: "长人社失信移〔2026〕1号", ...o });
    expect(blacklistAbilities(inspector, removed(), "2026-11-02").serveRemoval).toBe(true);
    expect(blacklistAbilities(other, removed(), "2026-11-02").serveRemoval).toBe(false);
    expect(blacklistAbilities(inspector, removed({ removalKind: "revoked", removalNumber: null }), "2026-11-02").serveRemoval).toBe(false);
    expect(blacklistAbilities(inspector, removed({ removalNumber: null }), "2026-11-02").serveRemoval).toBe(false);
    const allServed = parties({ removalServedOn: "2026-11-02" }, { removalServedOn: "2026-11-02" });
    expect(blacklistAbilities(inspector, removed({ parties: allServed }), "2026-11-02").serveRemoval).toBe(false);
  });
  it("names the 移出决定书 by its 文号, says an early removal granted before numbering has none, and names none otherwise", () => {
    const removed = (o: Partial<ProceedingFacts> = {}) => listed({ stage: "removed", removalKind: "early", removedOn: "2026-11-01", ...o });
    expect(removalDocumentLabel(removed({ removalNumber: "长人社失信移〔2026〕1号" }))).toBe("长人社失信移〔2026〕1号");
    expect(removalDocumentLabel(removed({ removalNumber: null }))).toBe("（未编号，系统出具移出决定书前作出）");
    expect(removalDocumentLabel(removed({ removalKind: "revoked", removalNumber: null }))).toBeNull();
    expect(removalDocumentLabel(listed())).toBeNull();
  });
  it("lets a supervisor reverse only an early removal", () => {
    expect(blacklistAbilities(supervisor, listed({ stage: "removed", removalKind: "early", removedOn: "2026-11-01" }), "2026-11-23").reverse).toBe(true);
    expect(blacklistAbilities(supervisor, listed({ stage: "removed", removalKind: "revoked", removedOn: "2026-11-01" }), "2026-11-23").reverse).toBe(false);
  });
});
