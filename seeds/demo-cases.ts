/**
 * About sixty demo cases over every state, clock and district, a few group complaints, some overdue.
 * Dates are placed relative to the day the seed runs, so a fresh demo always has cases due soon and late.
 * Runs only when there is no case yet.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { caseWorkers, cases, settlementItems, taskForceTasks } from "../src/db/schema.js";
import { addDays, shanghaiDate, type IsoDate } from "../src/domain/dates.js";
import { idNumberCheckChar, usccCheckChar } from "../src/domain/identifiers.js";
import { DISTRICTS } from "../src/domain/reference-data.js";
import type { Outcome } from "../src/domain/case-states.js";
import { loadCalendar } from "../src/models/calendar.js";
import {
  addEvent,
  assignInspectors,
  extendStatutoryDeadline,
  registerCase,
  transition,
  type CaseInput,
  type Channel,
  type WorkerInput,
} from "../src/models/cases.js";
import { issueNoticeMove } from "../src/models/case-notices.js";
import { closeCase, enforceOrder, issueOrder, recordMediation, recordPayment, serveOrder, settleByMediation } from "../src/models/settlements.js";
import { handedOver } from "./handed-over.js";
import { issuePriorNotice, recordStatement, servePriorNotice } from "../src/models/prior-notices.js";
import { limitationWarning } from "../src/domain/legal-basis.js";
import { rejectComplaint } from "../src/models/rejections.js";
import { answerTask, escalateCase } from "../src/models/task-force.js";
import { recordSiteVisit } from "../src/models/site-visits.js";
import { findUnitByName } from "../src/models/units.js";
import { demoAdvance, demoRecovery, seedDemoFunds } from "./demo-funds.js";
import { getUserByUsername, viewerOfUsername } from "../src/models/users.js";

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = [
  "建国",
  "国强",
  "志刚",
  "海波",
  "红梅",
  "丽娟",
  "长春",
  "玉兰",
  "德福",
  "永胜",
  "桂芳",
  "春生",
  "振华",
  "秀英",
  "宝山",
  "立新",
  "金凤",
  "俊杰",
  "明亮",
  "淑珍",
];
const HOMETOWNS = ["吉林省榆树市", "吉林省农安县", "吉林省德惠市", "黑龙江省五常市", "吉林省九台区", "辽宁省昌图县", "吉林省公主岭市", "河南省周口市"];
const JOBS = ["钢筋工", "木工", "瓦工", "架子工", "电焊工", "小工", "油工", "服务员", "保洁员", "装卸工", "司机", "厨师"];
const EMPLOYERS: { name: string; project?: string; contractor?: string }[] = [
  { name: "长春宏达建筑劳务有限公司", project: "南湖花园三期", contractor: "吉林省建工集团有限公司" },
  { name: "吉林省鑫源建设工程有限公司", project: "净月潭悦府一期", contractor: "中建某局第三建设有限公司" },
  { name: "长春市众城装饰工程有限公司", project: "汽开区第二小学改扩建", contractor: "长春市政建设集团" },
  { name: "长春北方物业服务有限公司" },
  { name: "长春市老街坊餐饮管理有限公司" },
  { name: "吉林省恒通物流有限公司" },
  { name: "长春宽城区某服装加工厂" },
  { name: "包工头 李某（无营业执照）", project: "绿园区某厂房钢结构工程", contractor: "长春某钢构有限公司" },
  { name: "长春市新天地商贸有限公司" },
  { name: "吉林省路桥建设劳务分包有限公司", project: "长双快速路养护工程", contractor: "吉林省交通建设集团" },
];
const CHANNELS: Channel[] = ["window", "window", "window", "phone12333", "online", "platform", "petition", "patrol"];

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

export function personId(n: number): string {
  const birthYear = 1965 + (n % 35);
  const first17 = `2201${String(2 + (n % 8)).padStart(2, "0")}${birthYear}${String(1 + (n % 12)).padStart(2, "0")}${String(1 + (n % 28)).padStart(2, "0")}${String(n % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

export function workers(caseIndex: number, size: number, today: IsoDate): WorkerInput[] {
  return Array.from({ length: size }, (_, j) => {
    const n = caseIndex * 40 + j;
    const id = personId(n);
    return {
      name: `${SURNAMES[n % SURNAMES.length]}${pick(GIVEN, n * 7 + caseIndex)}`,
      sex: Number(id[16]) % 2 === 1 ? "男" : "女",
      age: Number(today.slice(0, 4)) - Number(id.slice(6, 10)),
      idNumber: id,
      phone: `13${(n % 9) + 1}${String(10_000_000 + ((n * 7919) % 90_000_000)).slice(-8)}`,
      hometown: pick(HOMETOWNS, n),
      occupation: pick(JOBS, n + caseIndex),
      workPeriod: "2026年3月至2026年10月",
      claimedFen: (3000 + ((n * 1373) % 17000)) * 100,
      isRepresentative: j === 0,
    };
  });
}

interface Plan {
  daysAgo: number;
  /** The path through the state machine after registration. */
  path: "received" | "unassigned" | "supplement" | "mediating" | "filed" | "extended" | Outcome;
  size: number;
}

/** 60 plans: state mix and ages chosen so that every clock state shows up. */
function plans(): Plan[] {
  const out: Plan[] = [];
  const add = (n: number, path: Plan["path"], ages: number[], sizes: number[] = [1, 2, 1, 3]) => {
    for (let i = 0; i < n; i++) out.push({ path, daysAgo: ages[i % ages.length]!, size: sizes[i % sizes.length]! });
  };
  add(4, "unassigned", [0, 0, 1, 2]);
  add(8, "received", [1, 3, 5, 6, 8, 2, 9, 4], [1, 1, 24, 2]);
  add(5, "supplement", [4, 7, 12, 3, 10]);
  add(6, "mediating", [2, 4, 6, 3, 8, 5], [1, 3, 2, 12]);
  add(16, "filed", [9, 14, 20, 30, 45, 11, 16, 60, 25, 12, 18, 35, 40, 75, 13, 22], [1, 2, 35, 1, 4, 1, 2, 1]);
  add(2, "extended", [85, 95]);
  add(5, "mediated", [3, 9, 15, 22, 30], [1, 4, 2, 1, 30]);
  add(4, "paidAfterOrder", [20, 26, 38, 50]);
  add(2, "administrativeDecision", [44, 70]);
  add(1, "referredToPolice", [80], [18]);
  add(2, "rejected", [10, 17]);
  add(2, "toArbitrationOrCourt", [8, 19]);
  add(1, "referredToOtherDepartment", [23]);
  add(1, "withdrawn", [12]);
  add(1, "emergencyFund", [55], [15]);
  return out;
}

export function seedDemoCases(db: Db, now: Date, config: Config): void {
  const { evidenceDir } = config;
  const calendar = loadCalendar(db);
  const today = shanghaiDate(now);
  const clerk = getUserByUsername(db, "clerk1")!;
  const supervisor = viewerOfUsername(db, "supervisor1");
  const inspectors = ["inspector1", "inspector2", "inspector3"].map((u) => getUserByUsername(db, u)!.id);
  const unitId = (name: string) => findUnitByName(db, name)!.id;
  const liaison = viewerOfUsername(db, "unit_zjj");
  const at = (date: IsoDate) => new Date(`${date}T${date === today ? "09" : "10"}:30:00+08:00`);
  /** The n-th working day after `from`, but never after today. */
  const workday = (from: IsoDate, n: number): IsoDate => {
    const d = calendar.addWorkingDays(from, n).date;
    return d > today ? today : d;
  };

  seedDemoFunds(db, today, supervisor.id);

  plans().forEach((plan, i) => {
    const receivedOn = addDays(today, -plan.daysAgo);
    const employer = pick(EMPLOYERS, i * 3);
    const channel = pick(CHANNELS, i);
    const input: CaseInput = {
      channel,
      platformClueNo: channel === "platform" ? `GZQX2026${String(100231 + i * 17)}` : null,
      receivedOn,
      // The rejected demo cases are complaints about arrears that ended more than 2 years before receipt.
      arrearsEndedOn: plan.path === "rejected" ? addDays(receivedOn, -800) : addDays(receivedOn, -20 - (i % 40)),
      facts: `投诉人自2026年3月起在${employer.project ?? employer.name}务工，${employer.project ? "工程已完工" : "已离职"}，单位以资金紧张为由拖欠工资至今，多次讨要未果。`,
      claim: "请求责令用人单位支付拖欠的工资。",
      employerName: employer.name,
      employerUscc: employer.name.startsWith("包工头")
        ? null
        : (() => {
            const f = `9122010${i % 10}MA0Y${String(1000 + i * 37).slice(-4)}0`.slice(0, 17);
            return f + usccCheckChar(f);
          })(),
      employerLegalRep: employer.name.startsWith("包工头") ? "" : `${SURNAMES[(i * 5) % SURNAMES.length]}某`,
      employerAddress: `长春市${pick(DISTRICTS, i)}${pick(["人民大街", "亚泰大街", "自由大路", "卫星路", "普阳街"], i)}${100 + i}号`,
      district: pick(DISTRICTS.slice(0, 11), i),
      isConstruction: Boolean(employer.project),
      projectName: employer.project ?? "",
      projectAddress: employer.project ? `长春市${pick(DISTRICTS, i + 3)}` : "",
      generalContractor: employer.contractor ?? "",
      subcontractor: employer.project ? employer.name : "",
      teamLeader: employer.project ? `${SURNAMES[(i * 11) % SURNAMES.length]}某` : "",
      workers: workers(i, plan.size, today),
    };
    const { id } = registerCase(db, input, { actorId: channel === "online" ? null : clerk.id, now: at(receivedOn) });
    // New complaints wait in their office's 签收 queue; the others were taken up the day they arrived.
    if (plan.path === "unassigned") return;
    acknowledgedOnArrival(db, id, at(receivedOn));

    let version = 1;
    const lead = inspectors[i % 3]!;
    const second = inspectors[(i + 1) % 3]!;
    assignInspectors(db, { caseId: id, leadId: lead, secondId: second, version, actor: supervisor, now: at(receivedOn) });
    version++;
    const move = (name: string, date: IsoDate, note = "", outcome?: Outcome) => {
      version = transition(db, { caseId: id, move: name, note, outcome, version, actor: supervisor, now: at(date) }).version;
    };
    // 告知补正 and 告知/移送 issue their numbered notice (models/case-notices.ts).
    const notify = (name: "requestSupplement" | "redirect", date: IsoDate, note: string, outcome?: Outcome, addressee = "") => {
      issueNoticeMove(db, {
        caseId: id,
        move: name,
        note,
        outcome,
        addressee,
        version,
        actor: supervisor,
        now: at(date),
        prefixes: config.authority.caseNoticePrefixes,
      });
      version++;
    };

    const workerIds = db.select({ id: caseWorkers.id, claimedFen: caseWorkers.claimedFen }).from(caseWorkers).where(eq(caseWorkers.caseId, id)).all();
    const full = workerIds.map((w) => ({ workerId: w.id, amountFen: w.claimedFen }));
    const payAll = (source: "agreement" | "order", date: IsoDate, share = 1) => {
      for (const item of db
        .select()
        .from(settlementItems)
        .where(and(eq(settlementItems.caseId, id), eq(settlementItems.source, source)))
        .all()) {
        const amountFen = Math.round(item.amountFen * share);
        if (amountFen > 0)
          recordPayment(db, {
            caseId: id,
            version,
            input: { itemId: item.id, amountFen, paidOn: date, workerConfirmed: share === 1, proof: null },
            actor: supervisor,
            now: at(date),
          });
        version++;
      }
    };
    const mediate = (date: IsoDate, payBy: IsoDate) => {
      recordMediation(db, {
        caseId: id,
        version,
        input: {
          sessionOn: date,
          place: "劳动保障监察支队调解室",
          workerSide: `${input.workers[0]!.name}等`,
          employerSide: `${input.employerLegalRep || "负责人"}`,
          workerStatement: "要求一次性结清拖欠工资。",
          employerStatement: "承认拖欠，同意分期或限期支付。",
          result: "agreement",
          payBy,
          paymentMethod: "银行转账至本人账户",
          amounts: full,
        },
        actor: supervisor,
        now: at(date),
      });
      version++;
    };
    const order = (date: IsoDate, payBy: IsoDate) => {
      const orderId = issueOrder(db, {
        caseId: id,
        version,
        payBy,
        facts: "经查，你单位拖欠下列劳动者工资至今未支付。",
        amounts: full,
        numberPrefix: config.bureau.orderPrefix,
        actor: supervisor,
        now: at(date),
      });
      version++;
      serveOrder(db, { caseId: id, orderId, version, input: handedOver(date, "单位负责人"), actor: supervisor, now: at(date) });
      version++;
      return orderId;
    };
    const close = (date: IsoDate, outcome: Outcome, note: string, share: number) => {
      closeCase(db, {
        caseId: id,
        version,
        outcome,
        note,
        recovered: full.map((w) => ({ workerId: w.workerId, amountFen: Math.round(w.amountFen * share) })),
        overClaimNote: "",
        actor: supervisor,
        now: at(date),
      });
    };

    switch (plan.path) {
      case "received":
        return;
      case "supplement":
        return notify("requestSupplement", workday(receivedOn, 1), "请补充：工资欠条或考勤记录、用人单位准确名称。");
      case "mediating":
        move("startMediation", workday(receivedOn, 1), "约双方到支队调解室快速调处。");
        if (i % 2 === 0) {
          mediate(workday(receivedOn, 1), addDays(workday(receivedOn, 1), 7));
          if (i % 4 === 0) payAll("agreement", workday(receivedOn, 2), 0.5);
        }
        return;
      case "mediated": {
        const day1 = workday(receivedOn, 1);
        const day2 = workday(receivedOn, 2);
        move("startMediation", day1, "组织快速调处。");
        mediate(day1, day2);
        payAll("agreement", day2);
        settleByMediation(db, { caseId: id, version, note: "协议金额已全部支付，投诉人当场确认。", actor: supervisor, now: at(day2) });
        return;
      }
      case "rejected":
        return rejectComplaint(db, {
          caseId: id,
          note: limitationWarning({ ...input, arrearsEndedOn: input.arrearsEndedOn ?? null, arrearsOngoing: false })!.reason,
          ground: "limitation",
          basisText: "",
          version,
          actor: supervisor,
          now: at(workday(receivedOn, 2)),
          prefixes: config.authority.caseNoticePrefixes,
        });
      case "toArbitrationOrCourt":
        return notify(
          "redirect",
          workday(receivedOn, 2),
          "双方对工资标准存在争议，属劳动争议，告知向劳动人事争议仲裁委员会申请仲裁。",
          "toArbitrationOrCourt",
          "长春市劳动人事争议仲裁委员会",
        );
      case "referredToOtherDepartment":
        return notify(
          "redirect",
          workday(receivedOn, 2),
          "被投诉单位在外地注册且工程在外地，移送属地人社部门处理。",
          "referredToOtherDepartment",
          "吉林市人力资源和社会保障局",
        );
      case "withdrawn":
        return move("withdraw", workday(receivedOn, 3), "单位已主动支付，投诉人书面撤回投诉。", "withdrawn");
      default: {
        const filedOn = workday(receivedOn, 1 + (i % 3));
        move("file", filedOn);
        if (plan.size >= 12) {
          escalateCase(db, {
            caseId: id,
            version,
            input: {
              grounds: ["manyWorkers", "severalDepartments"],
              reason: employer.project ? "集体欠薪，涉及总包单位工程款拨付。" : "集体欠薪，人数多，有群体性事件风险。",
              tasks: [
                {
                  unitId: unitId(employer.project ? "市住建局" : "市市场监管局"),
                  request: employer.project ? "请核查项目工程款拨付情况，督促总包单位先行清偿。" : "请协助核查用人单位经营和资金状况。",
                  workingDays: 5,
                },
                { unitId: unitId("市公安局"), request: "请做好现场秩序维护，防范群体性事件。", workingDays: 3 },
              ],
            },
            actor: supervisor,
            now: at(filedOn),
          });
          version++;
          if (plan.daysAgo > 20) {
            const task = db
              .select()
              .from(taskForceTasks)
              .where(and(eq(taskForceTasks.caseId, id), eq(taskForceTasks.unitId, unitId("市住建局"))))
              .get();
            if (task)
              answerTask(db, {
                taskId: task.id,
                version: task.version,
                viewer: { ...liaison, unitId: task.unitId },
                status: "done",
                answer: "已约谈总包单位，工程款已拨付至农民工工资专用账户，督促 3 日内发放。",
                moreTimeReason: "",
                files: [],
                now: at(workday(filedOn, 3)),
              });
          }
        }
        if (plan.daysAgo >= 9) {
          // A visit with a stand-in recording (a few bytes, named as a demo), so 现场督办 shows in the demo.
          const visitOn = workday(filedOn, 1);
          const content = Buffer.from(`欠薪快办演示录音 ${i}`);
          const storedName = `demo-visit-${id}.mp3`;
          mkdirSync(evidenceDir, { recursive: true });
          writeFileSync(join(evidenceDir, storedName), content);
          recordSiteVisit(db, {
            caseId: id,
            version,
            visitedAt: at(visitOn),
            place: employer.project ? `${employer.project}项目部` : input.employerAddress,
            peopleQuestioned: `${input.employerLegalRep || "负责人"}（单位负责人）；${input.workers[0]!.name}（投诉人）`,
            findings: "单位承认拖欠，称资金周转困难；已告知其依法支付的义务和逾期不付的后果。",
            inspectorIds: [lead, second],
            recordings: [
              {
                storedName,
                originalName: `现场检查录音（演示）${i}.mp3`,
                mimeType: "audio/mpeg",
                size: content.length,
                sha256: createHash("sha256").update(content).digest("hex"),
              },
            ],
            actor: supervisor,
            now: at(visitOn),
          });
          version++;
        }
        if (plan.path === "filed") {
          // Older filed cases have an order; the oldest ones are past its deadline, unpaid.
          if (plan.daysAgo >= 14) order(workday(filedOn, 2), addDays(workday(filedOn, 2), 10));
          // Two of them wait on the 应急周转金: one advance paid and being recovered, one awaiting approval.
          if (plan.daysAgo === 35 || plan.daysAgo === 40) {
            const on = workday(addDays(workday(filedOn, 2), 10), 2);
            const recoverFromName = input.generalContractor || input.employerName;
            demoAdvance(db, { caseId: id, version, on, at: at(on), actor: supervisor, config, recoverFromName, onlyApplied: plan.daysAgo === 35 });
          }
          return;
        }
        if (plan.path === "extended") {
          extendStatutoryDeadline(db, {
            caseId: id,
            reason: "涉及多层分包，需调取总包单位工程款拨付记录。",
            version,
            actor: supervisor,
            now: at(workday(receivedOn, 50)),
          });
          return;
        }
        const closeOn = workday(receivedOn, 4 + (i % 20));
        if (plan.path === "emergencyFund") {
          // The employer's head absconded: the order goes unpaid, the office's fund advances the wages and the
          // 总包 repays part of it after the case closed (docs/rules.md §应急周转金).
          const orderOn = workday(filedOn, 1);
          order(orderOn, addDays(orderOn, 7));
          const advanceOn = workday(addDays(orderOn, 7), 1);
          const base = { caseId: id, at: at(advanceOn), actor: supervisor, config };
          version = demoAdvance(db, { ...base, version, on: advanceOn, recoverFromName: input.generalContractor || input.employerName });
          close(advanceOn, "emergencyFund", "单位负责人失联，经批准动用应急周转金垫付。", 1);
          version++;
          const repaidOn = workday(advanceOn, 10);
          demoRecovery(db, { ...base, at: at(repaidOn), version, on: repaidOn, share: 0.4, payer: input.generalContractor || input.employerName });
          return;
        }
        if (plan.path === "paidAfterOrder") {
          order(workday(filedOn, 1), addDays(workday(filedOn, 1), 7));
          payAll("order", closeOn);
          return close(closeOn, "paidAfterOrder", "下达限期改正指令书后，单位已足额支付。", 1);
        }
        if (plan.path === "administrativeDecision" || plan.path === "referredToPolice") {
          // The outcome rests on its record (docs/rules.md §结案): an order left unpaid, then the decision
          // after 陈述申辩, or the referral.
          const orderOn = workday(filedOn, 1);
          const orderId = order(orderOn, addDays(orderOn, 7));
          const after = workday(addDays(orderOn, 7), 1);
          if (plan.path === "referredToPolice") {
            enforceOrder(db, {
              caseId: id,
              orderId,
              version,
              action: { kind: "policeReferral", agency: "长春市公安局经济犯罪侦查支队", decidedOn: after, note: "" },
              decisionPrefix: config.authority.decisionPrefix,
              actor: supervisor,
              now: at(after),
            });
            version++;
            return close(after, plan.path, "单位逾期拒不支付，涉嫌拒不支付劳动报酬罪，已移送公安机关。", 0);
          }
          const facts = "你单位收到限期改正指令书后，逾期未支付劳动者工资。";
          const noticeId = issuePriorNotice(db, {
            caseId: id,
            orderId,
            version,
            input: { kind: "decision", facts, grounds: "有工资表、考勤记录和询问笔录为证。", ratePercent: null },
            numberPrefix: config.authority.noticePrefix,
            statementDays: config.statementDays,
            actor: supervisor,
            now: at(after),
          });
          version++;
          servePriorNotice(db, { caseId: id, noticeId, version, input: handedOver(after, "单位负责人"), actor: supervisor, now: at(after) });
          version++;
          const heardOn = workday(after, config.statementDays + 1);
          recordStatement(db, { caseId: id, noticeId, version, statement: "none", text: "", review: "", actor: supervisor, now: at(heardOn) });
          version++;
          enforceOrder(db, {
            caseId: id,
            orderId,
            version,
            action: { kind: "decision", note: "责令支付拖欠的工资。" },
            decisionPrefix: config.authority.decisionPrefix,
            actor: supervisor,
            now: at(heardOn),
          });
          version++;
          return close(heardOn, plan.path, "作出行政处理决定，责令支付拖欠的工资。", 0.6);
        }
        const notes: Partial<Record<Outcome, [string, number]>> = {
          administrativeDecision: ["作出行政处理决定，责令支付并加付赔偿金。", 0.6],
          referredToPolice: ["单位逾期拒不支付，涉嫌拒不支付劳动报酬罪，已移送公安机关。", 0],
        };
        const [note, share] = notes[plan.path] ?? ["已办结。", 1];
        close(closeOn, plan.path, note, share);
      }
    }
  });
}

/** The demo's office took the case up the day it arrived (a 签收 row on its timeline, as acknowledgeCase writes). */
function acknowledgedOnArrival(db: Db, caseId: number, now: Date): void {
  db.update(cases).set({ acknowledgedAt: now }).where(eq(cases.id, caseId)).run();
  addEvent(db, { caseId, actorId: null, action: "acknowledge", note: "签收", now });
}
