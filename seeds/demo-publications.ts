/**
 * Demo blacklist proceedings at every stage, and a published quarterly 重大违法 list, so a newcomer sees
 * the lists populated. Each proceeding runs through the model functions on dates placed relative to today
 * (some more than a year back). Runs only when there is no proceeding yet.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../src/db/client.js";
import { caseWorkers } from "../src/db/schema.js";
import { addMonths, addDays, shanghaiDate, type IsoDate } from "../src/domain/dates.js";
import { usccCheckChar } from "../src/domain/identifiers.js";
import { EMPLOYER_PARTY } from "../src/domain/blacklist.js";
import type { Config } from "../src/config.js";
import { previousQuarter } from "../src/domain/violations-list.js";
import {
  applyEarlyRemoval,
  approveProposal,
  decideEarlyRemoval,
  decideListing,
  getProceeding,
  proposeListing,
  recordDecisionService,
  recordService,
  type PersonInput,
} from "../src/models/blacklist.js";
import { loadCalendar } from "../src/models/calendar.js";
import { assignInspectors, getCaseRow, transition, registerCase } from "../src/models/cases.js";
import { issuePriorNotice, recordStatement, servePriorNotice } from "../src/models/prior-notices.js";
import { handedOver } from "./handed-over.js";
import { closeCase, enforceOrder, issueOrder, serveOrder } from "../src/models/settlements.js";
import { getUserByUsername, viewerOfUsername } from "../src/models/users.js";
import { addEntry, candidates, createBatch, getBatch, publishBatch } from "../src/models/violations.js";
import { personId, workers } from "./demo-cases.js";

type Stage = "proposed" | "noticed" | "listed" | "earlyApplied" | "earlyRemoved";

interface Demo {
  employer: string;
  legalRep: string;
  /** How long ago the order's pay-by date was. */
  daysAgo: number;
  workers: number;
  stage: Stage;
}

const DEMOS: Demo[] = [
  { employer: "吉林省金鼎建设工程有限公司", legalRep: "孙某", daysAgo: 420, workers: 12, stage: "earlyApplied" },
  { employer: "长春市隆盛劳务派遣有限公司", legalRep: "周某", daysAgo: 75, workers: 14, stage: "listed" },
  { employer: "长春市恒信建材有限公司", legalRep: "吴某", daysAgo: 500, workers: 11, stage: "earlyRemoved" },
  { employer: "长春市鼎新装饰工程有限公司", legalRep: "郑某", daysAgo: 6, workers: 10, stage: "noticed" },
  { employer: "长春市华兴物流有限公司", legalRep: "冯某", daysAgo: 3, workers: 10, stage: "proposed" },
];

export function seedDemoPublications(db: Db, now: Date, config: Config): void {
  const { blacklistThresholds: thresholds, largeArrearsFen, bureau } = config;
  const calendar = loadCalendar(db);
  const today = shanghaiDate(now);
  const clerk = getUserByUsername(db, "clerk1")!;
  const supervisor = viewerOfUsername(db, "supervisor1");
  const inspector = getUserByUsername(db, "inspector1")!.id;
  const second = getUserByUsername(db, "inspector2")!.id;
  const at = (date: IsoDate) => new Date(`${date}T10:00:00+08:00`);
  const workday = (from: IsoDate, n: number) => calendar.addWorkingDays(from, n).date;
  /** The proceeding as its supervisor sees it (the persons masked: the seed records no view). */
  const proceeding = (pid: number) => getProceeding(db, pid, { viewer: supervisor, today, now, page: null });
  const versionOf = (pid: number) => proceeding(pid).version;

  DEMOS.forEach((d, k) => {
    const payBy = addDays(today, -d.daysAgo);
    const receivedOn = addDays(payBy, -20);
    const first17 = `91220104MA1K${String(2000 + k * 131).slice(-4)}0`.slice(0, 17);
    const { id } = registerCase(
      db,
      {
        channel: "window",
        platformClueNo: null,
        receivedOn,
        facts: `${d.workers} 名工人在${d.employer}务工三个多月，工资一直未发。`,
        claim: "请求责令支付拖欠工资。",
        employerName: d.employer,
        employerUscc: first17 + usccCheckChar(first17),
        employerLegalRep: d.legalRep,
        employerAddress: `长春市朝阳区建设街 ${300 + k} 号`,
        district: "朝阳区",
        isConstruction: false,
        projectName: "",
        projectAddress: "",
        generalContractor: "",
        subcontractor: "",
        teamLeader: "",
        // Each worker owed at least ¥6,000, so ten or more reach the group threshold.
        workers: workers(200 + k, d.workers, today).map((w) => ({ ...w, claimedFen: Math.max(w.claimedFen, 600_000) })),
      },
      { actorId: clerk.id, now: at(receivedOn) },
    );
    let version = 1;
    assignInspectors(db, { caseId: id, leadId: inspector, secondId: second, version: version++, actor: supervisor, now: at(receivedOn) });
    const filedOn = workday(receivedOn, 1);
    version = transition(db, { caseId: id, move: "file", note: "", version, actor: supervisor, now: at(filedOn) }).version;
    const amounts = db.select({ workerId: caseWorkers.id, amountFen: caseWorkers.claimedFen }).from(caseWorkers).where(eq(caseWorkers.caseId, id)).all();
    const orderId = issueOrder(db, {
      caseId: id,
      version,
      payBy,
      facts: "经查，你单位拖欠下列劳动者工资，违反了《保障农民工工资支付条例》第十五条的规定。",
      violation: "migrantWorkers",
      amounts,
      numberPrefix: bureau.orderPrefix,
      actor: supervisor,
      now: at(filedOn),
    });
    serveOrder(db, {
      caseId: id,
      orderId,
      version: getCaseRow(db, id).version,
      input: handedOver(filedOn, `${d.legalRep}（法定代表人）`),
      actor: supervisor,
      now: at(filedOn),
    });

    const proposedOn = workday(payBy, 1);
    const persons: PersonInput[] = [
      { role: "legalRep", name: d.legalRep.replace("某", "建华"), idNumber: personId(900 + k * 2) },
      { role: "supervisor", name: `${d.legalRep.slice(0, 1)}志远`, idNumber: personId(901 + k * 2) },
    ];
    const pid = proposeListing(db, {
      input: { caseId: id, orderId, grounds: { kind: "group" }, facts: `${d.employer}拖欠 ${d.workers} 名劳动者工资，经责令限期支付，逾期仍未支付。`, persons },
      thresholds,
      actor: supervisor,
      now: at(proposedOn),
    });
    if (d.stage === "proposed") return;
    approveProposal(db, { id: pid, version: versionOf(pid), numberPrefix: bureau.blacklistNoticePrefix, actor: supervisor, now: at(workday(payBy, 2)) });
    const servedOn = workday(payBy, 3);
    // Every party is served on its own: the employer at its office, each person in hand.
    for (const party of proceeding(pid).parties) {
      const receiver = party.key === EMPLOYER_PARTY ? `${persons[0]!.name}（法定代表人）` : "本人";
      recordService(db, {
        id: pid,
        version: versionOf(pid),
        partyKey: party.key,
        input: handedOver(servedOn, receiver),
        actor: supervisor,
        now: at(servedOn),
      });
    }
    if (d.stage === "noticed") return;
    const decidedOn = workday(servedOn, 7);
    decideListing(db, {
      id: pid,
      version: versionOf(pid),
      numberPrefix: bureau.blacklistDecisionPrefix,
      sanctions: "在政府资金支持、政府采购、招投标、融资贷款、市场准入、税收优惠、评优评先、交通出行等方面依法依规予以限制。",
      lateReason: "",
      calendar,
      actor: supervisor,
      now: at(decidedOn),
    });
    const decisionServedOn = workday(decidedOn, 1);
    for (const party of proceeding(pid).parties) {
      const input = handedOver(decisionServedOn, party.key === EMPLOYER_PARTY ? `${persons[0]!.name}（法定代表人）` : "本人");
      recordDecisionService(db, { id: pid, version: versionOf(pid), partyKey: party.key, input, actor: supervisor, now: at(decisionServedOn) });
    }
    // The case itself ends with the administrative decision, made after 陈述申辩 (docs/rules.md); the listing
    // runs on its own clock.
    const noticeOn = workday(payBy, 1);
    const v = () => getCaseRow(db, id).version;
    const noticeId = issuePriorNotice(db, {
      caseId: id,
      orderId,
      version: v(),
      input: {
        kind: "decision",
        facts: "你单位收到限期改正指令书后，逾期未支付劳动者工资。",
        grounds: "有工资表、考勤记录和询问笔录为证。",
        ratePercent: null,
      },
      numberPrefix: config.authority.noticePrefix,
      statementDays: config.statementDays,
      actor: supervisor,
      now: at(noticeOn),
    });
    servePriorNotice(db, { caseId: id, noticeId, version: v(), input: handedOver(noticeOn, "单位负责人"), actor: supervisor, now: at(noticeOn) });
    const heardOn = workday(noticeOn, config.statementDays + 1);
    recordStatement(db, { caseId: id, noticeId, version: v(), statement: "none", text: "", review: "", actor: supervisor, now: at(heardOn) });
    enforceOrder(db, {
      caseId: id,
      orderId,
      version: v(),
      action: { kind: "decision", note: "责令支付拖欠的工资。" },
      decisionPrefix: config.authority.decisionPrefix,
      actor: supervisor,
      now: at(heardOn),
    });
    closeCase(db, {
      caseId: id,
      version: getCaseRow(db, id).version,
      outcome: "administrativeDecision",
      note: "作出行政处理决定；单位逾期拒不支付，已列入失信联合惩戒名单。",
      recovered: amounts.map((a) => ({ workerId: a.workerId, amountFen: 0 })),
      overClaimNote: "",
      actor: supervisor,
      now: at(workday(decidedOn > heardOn ? decidedOn : heardOn, 1)),
    });
    if (d.stage === "listed") return;
    const correctedOn = addDays(decidedOn, 30);
    const appliedOn = d.stage === "earlyApplied" ? addDays(today, -3) : addMonths(correctedOn, 6);
    applyEarlyRemoval(db, {
      id: pid,
      version: versionOf(pid),
      correctedOn,
      note: "提交了全部工资支付凭证和书面信用承诺书。",
      actor: supervisor,
      now: at(appliedOn),
    });
    if (d.stage === "earlyRemoved") {
      decideEarlyRemoval(db, {
        id: pid,
        version: versionOf(pid),
        grant: true,
        pledged: true,
        newArrears: false,
        criminalProceedings: false,
        note: "已改正满 6 个月，作出信用承诺。",
        numberPrefix: bureau.blacklistRemovalPrefix,
        actor: supervisor,
        now: at(workday(appliedOn, 5)),
      });
    }
  });

  // Last quarter's 重大违法 list, from the demo's decided cases.
  const quarter = previousQuarter(today);
  const batchId = createBatch(db, { kind: "quarterly", quarterKey: quarter.key, title: "", actor: supervisor, now: at(today) });
  const found = candidates(db, getBatch(db, batchId, null), today, largeArrearsFen, null);
  const batchVersion = () => getBatch(db, batchId, null).version;
  for (const c of found) addEntry(db, { batchId, version: batchVersion(), caseId: c.id, actor: supervisor, now: at(today) });
  // Without a decided case last quarter the batch stays a draft for the supervisor to fill.
  if (found.length > 0) publishBatch(db, { batchId, version: batchVersion(), actor: supervisor, now: at(today) });
}
