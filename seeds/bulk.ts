/**
 * `npm run seed:bulk -- --cases 1000000`: fills DATABASE_PATH with ten years of a province-sized bureau
 * (~200 inspectors, every state and outcome, group complaints, mediations, orders, payments, enforcement,
 * site visits, task-force tasks and the timeline), consistent with the state machine: every case walks a
 * path of real moves (domain/case-states.ts), its dates follow the working-day calendar and its due dates
 * are those dueDates() gives. Written with prepared statements in large transactions, secondary indexes
 * and the search triggers set aside during the load and rebuilt after it, then ANALYZE.
 *
 * Deterministic (a seeded generator): the same options give the same database.
 */
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { openDb, type Db } from "../src/db/client.js";
import { analyzeDb } from "../src/db/maintenance.js";
import { migrateDb } from "../src/db/migrate.js";
import { MOVES, type CaseState, type MoveName, type Outcome } from "../src/domain/case-states.js";
import { dueDates, EXTENSION_DAYS } from "../src/domain/clocks.js";
import { addDays, shanghaiDate, yearOf, type IsoDate } from "../src/domain/dates.js";
import { idNumberCheckChar } from "../src/domain/identifiers.js";
import { DEFAULT_STATEMENT_DAYS, statementDueOn } from "../src/domain/prior-notice.js";
import { CHANNEL_LABELS, DISTRICTS } from "../src/domain/reference-data.js";
import type { WorkingCalendar } from "../src/domain/working-days.js";
import { ensureCalendar, loadCalendar } from "../src/models/calendar.js";
import { formatCaseNumber } from "../src/lib/ids.js";
import { bulkPrevention } from "./bulk-prevention.js";
import { CALENDAR_YEARS_AHEAD, seedDemo } from "./index.js";
import { DEFAULT_ADVANCE_RECOVERY_DAYS } from "../src/domain/emergency-fund.js";

export interface BulkOptions {
  cases: number;
  /** Inspectors in all (the demo's three included). */
  inspectors?: number;
  /** The last day of the ten years. */
  today: IsoDate;
  years?: number;
  /** Share of cases still open. */
  openShare?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface BulkResult {
  cases: number;
  workers: number;
  events: number;
  ms: number;
}

/** mulberry32: small, fast, seeded. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN = "建国强志刚海波红梅丽娟玉兰德福永胜桂芳春生振华秀英宝山立新金凤俊杰明亮淑珍晓东文博雪莲子轩欣怡浩然佳琪宇航思远";
const PLACES = ["长春", "吉林", "吉林省", "长春市", "北方", "东北", "关东", "松江", "长白山", "净月", "南湖", "汽车城"];
const WORDS = [
  "宏达",
  "鑫源",
  "众城",
  "恒通",
  "新天地",
  "华信",
  "盛世",
  "远大",
  "金鼎",
  "瑞丰",
  "泰和",
  "宇通",
  "兴隆",
  "建元",
  "通达",
  "万家",
  "安居",
  "锦程",
  "鼎盛",
  "天成",
];
const KINDS = [
  { suffix: "建筑劳务有限公司", construction: true },
  { suffix: "建设工程有限公司", construction: true },
  { suffix: "装饰工程有限公司", construction: true },
  { suffix: "钢结构工程有限公司", construction: true },
  { suffix: "物业服务有限公司", construction: false },
  { suffix: "餐饮管理有限公司", construction: false },
  { suffix: "物流有限公司", construction: false },
  { suffix: "服装加工厂", construction: false },
  { suffix: "商贸有限公司", construction: false },
  { suffix: "汽车零部件有限公司", construction: false },
];
const PROJECTS = ["花园", "悦府", "学校改扩建", "厂房", "快速路养护", "安置小区", "商业综合体", "医院门诊楼"];
const HOMETOWNS = ["吉林省榆树市", "吉林省农安县", "吉林省德惠市", "黑龙江省五常市", "吉林省九台区", "辽宁省昌图县", "吉林省公主岭市", "河南省周口市"];
const JOBS = ["钢筋工", "木工", "瓦工", "架子工", "电焊工", "小工", "油工", "服务员", "保洁员", "装卸工", "司机", "厨师"];
const CHANNELS = Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[];
/** Relative case load of each division (by name); a division not listed weighs 2. */
const SITE_WEIGHTS: Record<string, number> = {
  朝阳区: 14,
  南关区: 12,
  宽城区: 10,
  二道区: 9,
  绿园区: 9,
  经开区: 7,
  高新区: 7,
  汽开区: 6,
  净月区: 5,
  长春新区: 5,
  九台区: 4,
  榆树市: 4,
  德惠市: 4,
  公主岭市: 4,
  农安县: 4,
  双阳区: 3,
  莲花山区: 1,
  中韩示范区: 1,
};
const QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const PUBLIC_STEPS = new Map(MOVES.map((m) => [m.name, m.publicStep]));

/** Tables whose secondary indexes and triggers are set aside during the load. */
const BULK_TABLES = [
  "cases",
  "case_workers",
  "case_events",
  "mediations",
  "payment_orders",
  "settlement_items",
  "payments",
  "enforcement_actions",
  "prior_notices",
  "site_visits",
  "site_visit_inspectors",
  "task_force_tasks",
];

/** Drops the tables' indexes and search triggers and returns the SQL that recreates them (the search is rebuilt after). */
function setAsideIndexes(db: Db): string[] {
  const list = BULK_TABLES.map((t) => `'${t}'`).join(", ");
  const rows = db.$client
    .prepare(`select type, name, sql from sqlite_master where tbl_name in (${list}) and sql is not null and (type = 'index' or name like '%fts%')`)
    .all() as { type: string; name: string; sql: string }[];
  for (const r of rows) db.$client.exec(`drop ${r.type} "${r.name}"`);
  return rows.sort((a, b) => (a.type === b.type ? 0 : a.type === "index" ? -1 : 1)).map((r) => r.sql);
}

type Path = {
  state: CaseState;
  outcome: Outcome | null;
  moves: { name: MoveName | "register" | "assign" | "extend"; on: IsoDate; from?: CaseState; to?: CaseState; note?: string }[];
};

export async function bulkSeed(db: Db, opts: BulkOptions): Promise<BulkResult> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const rng = generator(opts.seed ?? 20261124);
  const years = opts.years ?? 10;
  const openShare = opts.openShare ?? 0.15;
  ensureCalendar(db, yearOf(opts.today) + CALENDAR_YEARS_AHEAD);
  await seedDemo(db);
  const calendar: WorkingCalendar = loadCalendar(db);
  const sqlite = db.$client;
  const one = <T>(q: string, ...p: unknown[]) => sqlite.prepare(q).get(...p) as T;

  // Staff: the demo accounts plus enough inspectors (same demo password).
  const demoInspector = one<{ password_hash: string }>("select password_hash from users where username = 'inspector1'");
  const cityOfficeId = one<{ id: number }>("select min(id) as id from offices where kind = 'city'").id;
  const addUser = sqlite.prepare(
    `insert or ignore into users (username, display_name, role, password_hash, office_id) values (?, ?, 'inspector', ?, ${cityOfficeId})`,
  );
  const inspectorCount = opts.inspectors ?? 200;
  sqlite.transaction(() => {
    for (let n = 4; n <= inspectorCount; n++)
      addUser.run(`inspector${n}`, `${SURNAMES[n % SURNAMES.length]}${GIVEN.slice((n * 2) % 40, ((n * 2) % 40) + 2)}`, demoInspector.password_hash);
  })();
  const inspectors = (sqlite.prepare("select id from users where role = 'inspector' order by id").all() as { id: number }[]).map((r) => r.id);
  const supervisorId = one<{ id: number }>("select id from users where role = 'supervisor' order by id limit 1").id;
  const clerkId = one<{ id: number }>("select id from users where role = 'clerk' order by id limit 1").id;
  const units = (sqlite.prepare("select id from member_units order by id").all() as { id: number }[]).map((r) => r.id);
  const revision = one<{ r: number }>("select sum(version) as r from calendar_years").r;
  // The work sites, skewed as a city's cases are: the central districts busiest, the counties and small zones least.
  const sites = (
    sqlite
      .prepare("select d.id, d.name, d.office_id as officeId from divisions d join offices o on o.id = d.office_id where o.active = 1 order by d.id")
      .all() as {
      id: number;
      name: string;
      officeId: number;
    }[]
  ).flatMap((d) => Array.from({ length: SITE_WEIGHTS[d.name] ?? 2 }, () => d));
  const firstCaseId = one<{ n: number }>("select coalesce(max(id), 0) as n from cases").n + 1;
  const firstWorkerId = one<{ n: number }>("select coalesce(max(id), 0) as n from case_workers").n + 1;

  const restore = setAsideIndexes(db);
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -65536");

  const insertCase = sqlite.prepare(`insert into cases (id, case_number, query_code, channel, received_on, state, outcome, facts, claim, employer_name,
    employer_legal_rep, employer_address, district, is_construction, project_name, registered_by_id, lead_inspector_id, second_inspector_id,
    assigned_at, acceptance_start_on, decided_on, filed_on, extension_days, extension_reason, closed_on, working_days_taken, acceptance_due_on,
    target_due_on, statutory_due_on, calendar_revision, escalated_at, escalation_grounds, escalation_reason, version, created_at, updated_at,
    division_id, office_id, arrived_by, arrived_on, acknowledge_due_on, acknowledged_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'routed', ?, ?, ?)`);
  const insertWorker =
    sqlite.prepare(`insert into case_workers (id, case_id, name, sex, age, id_number, phone, hometown, occupation, work_period, claimed_fen, recovered_fen, is_representative)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare(
    `insert into case_events (case_id, at, on_date, actor_id, action, from_state, to_state, note, public_step) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMediation =
    sqlite.prepare(`insert into mediations (case_id, session_on, place, worker_side, employer_side, worker_statement, employer_statement, result, pay_by, payment_method, recorded_by_id, created_at)
    values (?, ?, '监察支队调解室', ?, ?, '要求支付拖欠工资', '同意分期支付', 'agreement', ?, '银行转账', ?, ?)`);
  const insertOrder = sqlite.prepare(
    `insert into payment_orders (case_id, doc_number, issued_on, pay_by, facts, issued_by_id, created_at) values (?, ?, ?, ?, '拖欠劳动者工资', ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    `insert into settlement_items (case_id, source, source_id, worker_id, amount_fen, worker_confirmed_at) values (?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = sqlite.prepare(
    `insert into payments (case_id, item_id, worker_id, amount_fen, paid_on, recorded_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEnforcement = sqlite.prepare(
    `insert into enforcement_actions (case_id, order_id, kind, rate_percent, amount_fen, decided_on, agency, recorded_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNotice =
    sqlite.prepare(`insert into prior_notices (case_id, order_id, kind, doc_number, issued_on, facts, grounds, intended, rate_percent, statement, statement_on, review, issued_by_id, created_at)
    values (?, ?, 'compensation', ?, ?, '逾期未支付劳动者工资', '劳动保障监察条例第二十六条', '责令加付赔偿金', 50, 'none', null, '未在期限内提出陈述申辩，维持拟作出的决定', ?, ?)`);
  // The service of an order or a 事先告知书 on the employer, handed over on the day (docs/rules.md § Service of documents).
  const insertService = sqlite.prepare(
    `insert into document_services (case_id, document, document_id, document_number, party_key, party_name, method, served_on, receiver, recorded_by_id, created_at)
    values (?, ?, ?, ?, 'employer', ?, 'direct', ?, '单位负责人', ?, ?)`,
  );
  const insertVisit = sqlite.prepare(
    `insert into site_visits (case_id, visited_at, place, people_questioned, findings, recorded_by_id, created_at) values (?, ?, ?, '项目负责人、劳务班组长', '核实用工及欠薪情况，调取考勤表和工资表', ?, ?)`,
  );
  const insertVisitor = sqlite.prepare(`insert into site_visit_inspectors (visit_id, user_id) values (?, ?)`);
  const insertAdvance =
    sqlite.prepare(`insert into emergency_advances (case_id, office_id, status, applied_on, reason, recover_from, recover_from_name, total_fen,
    applied_by_id, decided_on, decision_note, decided_by_id, paid_on, recovery_due_on, created_at) values (?, ?, 'paid', ?, '单位负责人失联，工人生活困难', ?, ?, ?, ?, ?, '同意垫付', ?, ?, ?, ?)`);
  const insertAdvanceWorker = sqlite.prepare(`insert into emergency_advance_workers (advance_id, worker_id, amount_fen) values (?, ?, ?)`);
  /** The funds' movements, collected as the cases are written and booked in date order at the end (the ledger is chained). */
  const fundEvents: { officeId: number; kind: "advance" | "recovery"; amountFen: number; on: IsoDate; advanceId: number; note: string }[] = [];
  const insertTask =
    sqlite.prepare(`insert into task_force_tasks (case_id, unit_id, request, assigned_on, working_days, due_on, status, answer, answered_at, created_by_id, created_at)
    values (?, ?, '请协助核查项目工程款拨付情况', ?, 5, ?, ?, ?, ?, ?, ?)`);

  const at = (date: IsoDate) => Math.floor(Date.parse(`${date}T02:00:00Z`) / 1000);
  const wd = (date: IsoDate, n: number) => calendar.addWorkingDays(date, n).date;
  const firstDay = addDays(opts.today, -Math.round(years * 365.25));
  const span = Math.round(years * 365.25);
  const todayOrdinal = calendar.day(opts.today).ordinal;
  const sequences = new Map<number, number>();
  const orderSequences = new Map<number, number>();
  let workerId = firstWorkerId;
  let events = 0;

  /** The moves a case has made, by its age: the paths the state machine allows. */
  function pathFor(received: IsoDate): Path {
    const age = todayOrdinal - calendar.day(received).ordinal;
    const open = age < 5 ? rng.chance(0.8) : rng.chance(openShare * 0.96);
    const moves: Path["moves"] = [{ name: "register", on: received, to: "received" }];
    const decide = wd(received, rng.int(1, 4));
    const reach = (date: IsoDate) => date <= opts.today;
    if (reach(addDays(received, 1))) moves.push({ name: "assign", on: addDays(received, 1) });
    const fileThenClose = (outcome: Outcome): Path => {
      const filed = decide;
      moves.push({ name: "file", on: filed, from: "received", to: "filed" });
      // A decision after an unpaid order waits for the order's term and the 陈述申辩 window (≥ 12 working days).
      const enforced = outcome === "administrativeDecision" || outcome === "referredToPolice";
      const closeOn = wd(filed, enforced ? rng.int(15, 40) : rng.chance(0.8) ? rng.int(1, 6) : rng.int(7, 58));
      if (!reach(closeOn) || open) return { state: "filed", outcome: null, moves };
      if (rng.chance(0.5)) moves.push({ name: "recordVisit", on: wd(filed, 1) });
      if (outcome === "paidAfterOrder" || outcome === "administrativeDecision" || outcome === "referredToPolice" || outcome === "emergencyFund") {
        moves.push({ name: "issueOrder", on: wd(filed, 1) });
        if (outcome === "paidAfterOrder") moves.push({ name: "recordPayment", on: closeOn });
        else if (outcome === "emergencyFund")
          moves.push({ name: "applyAdvance", on: closeOn }, { name: "decideAdvance", on: closeOn }, { name: "payAdvance", on: closeOn });
        else moves.push({ name: "enforce", on: closeOn });
      }
      moves.push({ name: "close", on: closeOn, from: "filed", to: "closed" });
      return { state: "closed", outcome, moves };
    };
    if (!reach(decide)) {
      if (rng.chance(0.25) && reach(wd(received, 1))) {
        moves.push({ name: "startMediation", on: wd(received, 1), from: "received", to: "mediating" });
        return { state: "mediating", outcome: null, moves };
      }
      return { state: "received", outcome: null, moves };
    }
    if (open) {
      const r = rng.next();
      if (r < 0.08) {
        moves.push({ name: "requestSupplement", on: decide, from: "received", to: "awaiting_supplement" });
        return { state: "awaiting_supplement", outcome: null, moves };
      }
      if (r < 0.1) return { state: "received", outcome: null, moves };
      if (r < 0.12) {
        moves.push({ name: "startMediation", on: wd(received, 1), from: "received", to: "mediating" });
        return { state: "mediating", outcome: null, moves };
      }
      return fileThenClose("paidAfterOrder");
    }
    const r = rng.next();
    if (r < 0.3) {
      const start = wd(received, 1);
      moves.push(
        { name: "startMediation", on: start, from: "received", to: "mediating" },
        { name: "recordMediation", on: start },
        { name: "recordPayment", on: decide },
      );
      moves.push({ name: "settleByMediation", on: decide, from: "mediating", to: "closed" });
      return { state: "closed", outcome: "mediated", moves };
    }
    if (r < 0.38) {
      moves.push({ name: "reject", on: decide, from: "received", to: "closed" });
      return { state: "closed", outcome: "rejected", moves };
    }
    if (r < 0.46) {
      moves.push({ name: "redirect", on: decide, from: "received", to: "closed" });
      return { state: "closed", outcome: rng.chance(0.5) ? "toArbitrationOrCourt" : "referredToOtherDepartment", moves };
    }
    if (r < 0.52) {
      moves.push({ name: "withdraw", on: decide, from: "received", to: "closed" });
      return { state: "closed", outcome: "withdrawn", moves };
    }
    if (r < 0.55) {
      const asked = wd(received, 1);
      const back = wd(asked, rng.int(1, 3));
      moves.push(
        { name: "requestSupplement", on: asked, from: "received", to: "awaiting_supplement" },
        { name: "supplementReceived", on: back, from: "awaiting_supplement", to: "received" },
      );
      if (!reach(wd(back, 1))) return { state: "received", outcome: null, moves };
      moves.push({ name: "reject", on: wd(back, 1), from: "received", to: "closed" });
      return { state: "closed", outcome: "rejected", moves };
    }
    const filedOutcomes: Outcome[] = [
      "paidAfterOrder",
      "paidAfterOrder",
      "paidAfterOrder",
      "paidAfterOrder",
      "administrativeDecision",
      "filingRevoked",
      "referredToPolice",
      "emergencyFund",
      "withdrawn",
      "toArbitrationOrCourt",
    ];
    return fileThenClose(rng.pick(filedOutcomes));
  }

  const employers = Array.from({ length: 20000 }, () => {
    const kind = rng.pick(KINDS);
    return { name: `${rng.pick(PLACES)}${rng.pick(WORDS)}${rng.pick(WORDS)}${kind.suffix}`, construction: kind.construction };
  });

  const batch = 20000;
  for (let from = 0; from < opts.cases; from += batch) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(opts.cases, from + batch); i++) {
        const caseId = firstCaseId + i;
        const received = addDays(firstDay, Math.floor((i * span) / opts.cases));
        const year = yearOf(received);
        const seq = (sequences.get(year) ?? 0) + 1;
        sequences.set(year, seq);
        const path = pathFor(received);
        const employer = rng.pick(employers);
        const channel = rng.pick(CHANNELS);
        const lead = rng.pick(inspectors);
        let second = rng.pick(inspectors);
        if (second === lead) second = inspectors[(inspectors.indexOf(lead) + 1) % inspectors.length]!;
        const assigned = path.moves.some((m) => m.name === "assign");
        const filed = path.moves.find((m) => m.name === "file")?.on ?? null;
        const supplement = path.moves.find((m) => m.name === "supplementReceived")?.on ?? null;
        const decided = path.moves.find((m) => ["file", "reject", "redirect", "withdraw", "settleByMediation"].includes(m.name))?.on ?? null;
        const closedOn = path.state === "closed" ? path.moves.at(-1)!.on : null;
        const extend = path.state === "filed" && filed !== null && todayOrdinal - calendar.day(filed).ordinal > 40 && rng.chance(0.3);
        if (extend) path.moves.push({ name: "extend", on: wd(filed!, rng.int(20, 40)), note: `延长 ${EXTENSION_DAYS} 个工作日：案情复杂，需调取多方证据` });
        const extensionDays = extend ? EXTENSION_DAYS : 0;
        const acceptanceStartOn = supplement ?? received;
        const due = dueDates({ receivedOn: received, acceptanceStartOn, filedOn: filed, extensionDays }, calendar);
        const escalate = path.state === "filed" && rng.chance(0.01);
        const group = rng.chance(0.08);
        const size = group ? rng.int(5, 35) : 1;
        const project = employer.construction ? `${rng.pick(WORDS)}${rng.pick(PROJECTS)}${rng.int(1, 5)}期` : "";
        const site = rng.pick(sites);
        // About 1 in 100 cases taken up by the city (提级); open cases of the last working day still wait for 签收.
        const officeId = rng.chance(0.01) ? cityOfficeId : site.officeId;
        const acknowledgeDueOn = wd(received, 1);
        const waiting = path.state !== "closed" && acknowledgeDueOn >= opts.today;
        insertCase.run(
          caseId,
          formatCaseNumber(year, seq),
          Array.from({ length: 6 }, () => rng.pick([...QUERY_CODE_ALPHABET])).join(""),
          channel,
          received,
          path.state,
          path.outcome,
          `${size} 名劳动者反映被拖欠工资`,
          "要求支付拖欠的工资",
          employer.name,
          `${rng.pick([...SURNAMES])}某`,
          `${rng.pick(DISTRICTS)}某路${rng.int(1, 999)}号`,
          site.name,
          employer.construction ? 1 : 0,
          project,
          channel === "online" ? null : clerkId,
          assigned ? lead : null,
          assigned && filed ? second : null,
          assigned ? at(addDays(received, 1)) : null,
          acceptanceStartOn,
          decided,
          filed,
          extensionDays,
          extend ? "案情复杂，需调取多方证据" : null,
          closedOn,
          closedOn ? calendar.workingDaysBetween(received, closedOn).days : null,
          due.acceptanceDueOn,
          due.targetDueOn,
          due.statutoryDueOn,
          revision,
          escalate ? at(wd(filed!, 2)) : null,
          escalate ? "majorOrComplex" : null,
          escalate ? "涉及人数多，需住建、公安等部门联合处置" : null,
          path.moves.length,
          at(received),
          at(path.moves.at(-1)!.on),
          site.id,
          officeId,
          received,
          acknowledgeDueOn,
          waiting ? null : at(received),
        );
        // Workers: one, or a group with elected representatives.
        const caseWorkerIds: number[] = [];
        const claims: number[] = [];
        const paidInFull = path.outcome === "mediated" || path.outcome === "paidAfterOrder" || path.outcome === "emergencyFund";
        for (let j = 0; j < size; j++) {
          const birthYear = rng.int(1962, 2004);
          const first17 = `22${rng.int(1, 9)}${rng.int(1, 9)}${rng.int(10, 99)}${birthYear}${String(rng.int(1, 12)).padStart(2, "0")}${String(rng.int(1, 28)).padStart(2, "0")}${rng.int(100, 999)}`;
          const idNumber = first17 + idNumberCheckChar(first17);
          const claimed = rng.int(20, 400) * 10000;
          claims.push(claimed);
          caseWorkerIds.push(workerId);
          insertWorker.run(
            workerId++,
            caseId,
            `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.chance(0.6) ? rng.pick([...GIVEN]) : ""}`,
            Number(idNumber[16]) % 2 === 1 ? "男" : "女",
            yearOf(received) - birthYear,
            idNumber,
            `13${rng.int(100000000, 999999999)}`,
            rng.pick(HOMETOWNS),
            rng.pick(JOBS),
            `${addDays(received, -rng.int(60, 300)).slice(0, 7)} 至 ${received.slice(0, 7)}`,
            claimed,
            closedOn ? (paidInFull ? claimed : 0) : null,
            j === 0 || (group && j < 3) ? 1 : 0,
          );
        }
        if (escalate) path.moves.push({ name: "escalate", on: wd(filed!, 2), note: "涉及人数多，需住建、公安等部门联合处置" });
        // The timeline, and the records each activity leaves.
        let state: CaseState | null = null;
        for (const m of path.moves) {
          const actor = m.name === "register" ? (channel === "online" ? null : clerkId) : m.name === "assign" || m.name === "extend" ? supervisorId : lead;
          const note = m.note ?? (m.name === "register" ? `登记投诉，投诉人 ${size} 人` : m.name === "assign" ? "主办：已分配" : "");
          const publicStep =
            m.name === "register" ? "已收到投诉" : m.name === "assign" ? "已指定监察员承办" : m.name === "extend" ? null : (PUBLIC_STEPS.get(m.name) ?? null);
          insertEvent.run(caseId, at(m.on), m.on, actor, m.name, m.from ?? (m.to ? state : null), m.to ?? null, note, publicStep);
          if (m.to) state = m.to;
          events++;
          if (m.name === "recordMediation") {
            const mediation = Number(insertMediation.run(caseId, m.on, `${size} 名劳动者`, employer.name, wd(m.on, 2), lead, at(m.on)).lastInsertRowid);
            caseWorkerIds.forEach((w, k) => {
              const item = Number(insertItem.run(caseId, "agreement", mediation, w, claims[k], closedOn ? at(closedOn) : null).lastInsertRowid);
              if (closedOn) insertPayment.run(caseId, item, w, claims[k], closedOn, lead, at(closedOn));
            });
          }
          if (m.name === "issueOrder") {
            const orderYear = yearOf(m.on);
            const n = (orderSequences.get(orderYear) ?? 0) + 1;
            orderSequences.set(orderYear, n);
            const payBy = wd(m.on, 5);
            const order = Number(insertOrder.run(caseId, `长人社监令〔${orderYear}〕${n}号`, m.on, payBy, lead, at(m.on)).lastInsertRowid);
            insertService.run(caseId, "paymentOrder", order, `长人社监令〔${orderYear}〕${n}号`, employer.name, m.on, lead, at(m.on));
            caseWorkerIds.forEach((w, k) => {
              const item = Number(insertItem.run(caseId, "order", order, w, claims[k], null).lastInsertRowid);
              if (path.outcome === "paidAfterOrder") insertPayment.run(caseId, item, w, claims[k], closedOn ?? payBy, lead, at(closedOn ?? payBy));
            });
            if (path.outcome === "administrativeDecision" || path.outcome === "referredToPolice") {
              const decidedOn = closedOn ?? payBy;
              if (path.outcome === "referredToPolice")
                insertEnforcement.run(caseId, order, "policeReferral", null, null, decidedOn, "市公安局经侦支队", lead, at(decidedOn));
              else {
                // 陈述申辩 first: the 事先告知书 is served the day after the pay-by date and the window runs out.
                const served = wd(payBy, 1);
                const statementDue = statementDueOn(served, DEFAULT_STATEMENT_DAYS, calendar);
                const notice = Number(insertNotice.run(caseId, order, `长人社监告〔${orderYear}〕${n}号`, served, lead, at(served)).lastInsertRowid);
                insertService.run(caseId, "priorNotice", notice, `长人社监告〔${orderYear}〕${n}号`, employer.name, served, lead, at(served));
                const decided = decidedOn > statementDue ? decidedOn : wd(statementDue, 1);
                insertEnforcement.run(caseId, order, "compensation", 50, Math.round(claims.reduce((a, b) => a + b, 0) / 2), decided, "", lead, at(decided));
              }
            }
          }
          if (m.name === "payAdvance") {
            // 应急周转金: the office's fund advances every worker's ordered amount; the 总包 or employer repays it
            // (most in full, some in part, a few not yet), each repayment booked when it falls before today.
            const total = claims.reduce((a, b) => a + b, 0);
            const fromContractor = employer.construction && rng.chance(0.6);
            const payer = fromContractor ? `${employer.name.slice(0, 4)}建工集团` : employer.name;
            const advance = Number(
              insertAdvance.run(
                caseId,
                officeId,
                m.on,
                fromContractor ? "generalContractor" : "employer",
                payer,
                total,
                lead,
                m.on,
                supervisorId,
                m.on,
                addDays(m.on, DEFAULT_ADVANCE_RECOVERY_DAYS),
                at(m.on),
              ).lastInsertRowid,
            );
            caseWorkerIds.forEach((w, k) => insertAdvanceWorker.run(advance, w, claims[k]));
            fundEvents.push({ officeId, kind: "advance", amountFen: total, on: m.on, advanceId: advance, note: formatCaseNumber(year, seq) });
            const r = rng.next();
            const repaidOn = addDays(m.on, rng.int(10, 150));
            if (r < 0.9 && repaidOn <= opts.today)
              fundEvents.push({
                officeId,
                kind: "recovery",
                amountFen: r < 0.7 ? total : Math.round(total / 2),
                on: repaidOn,
                advanceId: advance,
                note: payer,
              });
          }
          if (m.name === "recordVisit") {
            const visit = Number(insertVisit.run(caseId, at(m.on), project || employer.name, lead, at(m.on)).lastInsertRowid);
            insertVisitor.run(visit, lead);
            insertVisitor.run(visit, second);
          }
        }
        if (escalate) {
          const on = wd(filed!, 2);
          for (const unit of [units[0], units[1 + (caseId % (units.length - 1))]]) {
            const dueOn = wd(on, 5);
            const done = dueOn < opts.today;
            insertTask.run(
              caseId,
              unit,
              on,
              dueOn,
              done ? "done" : "open",
              done ? "已核查，工程款已按节点拨付" : "",
              done ? at(dueOn) : null,
              supervisorId,
              at(on),
            );
          }
        }
      }
    })();
    if ((from / batch) % 10 === 9) log(`  ${(from + batch).toLocaleString()} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }

  sqlite.transaction(() => {
    const setSeq = sqlite.prepare("insert into case_sequences (year, last) values (?, ?) on conflict(year) do update set last = max(last, excluded.last)");
    for (const [year, last] of sequences) setSeq.run(year, last);
    const setDoc = sqlite.prepare(
      "insert into document_sequences (office_id, kind, year, last) values (?, 'order', ?, ?) on conflict(office_id, kind, year) do update set last = max(last, excluded.last)",
    );
    // The bulk orders carry the city's numbers (their prefix is the setting's).
    for (const [year, last] of orderSequences) setDoc.run(cityOfficeId, year, last);
  })();
  bookFundMovements(db, fundEvents, { from: yearOf(firstDay), today: opts.today, cityOfficeId, actorId: supervisorId });
  log(`  rows written in ${((performance.now() - started) / 1000).toFixed(0)} s; rebuilding indexes and search`);
  for (const statement of restore) sqlite.exec(statement);
  const prevention = bulkPrevention(sqlite, { cases: opts.cases, today: opts.today, years, rng, sites, actorId: supervisorId });
  log(
    `  ${prevention.projects.toLocaleString()} projects, ${prevention.actions} special actions, ${prevention.inspections.toLocaleString()} inspections, ${prevention.risks.toLocaleString()} risk points`,
  );
  sqlite.exec(`insert into cases_fts(cases_fts) values ('rebuild'); insert into case_workers_fts(case_workers_fts) values ('rebuild');`);
  sqlite.pragma("synchronous = NORMAL");
  analyzeDb(db, { afterBulkLoad: true });
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  return { cases: opts.cases, workers: workerId - firstWorkerId, events, ms: performance.now() - started };
}

/**
 * Books the funds' movements in date order on a chained ledger (docs/rules.md §应急周转金): each office's capital at the
 * start of every year (the city ¥1,000万, a district ¥500万), topped up to it each new year, and an extra appropriation
 * whenever an advance would otherwise take the balance below zero.
 */
function bookFundMovements(
  db: Db,
  events: { officeId: number; kind: "advance" | "recovery"; amountFen: number; on: IsoDate; advanceId: number; note: string }[],
  opts: { from: number; today: IsoDate; cityOfficeId: number; actorId: number },
): void {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    "insert into emergency_fund_movements (office_id, kind, amount_fen, balance_fen, occurred_on, advance_id, note, recorded_by_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const offices = (sqlite.prepare("select id from offices order by id").all() as { id: number }[]).map((o) => o.id);
  const capital = (officeId: number) => (officeId === opts.cityOfficeId ? 1000 : 500) * 10_000 * 100;
  const balances = new Map(offices.map((o) => [o, 0]));
  const book = (officeId: number, kind: string, amountFen: number, on: IsoDate, advanceId: number | null, note: string) => {
    const balance = balances.get(officeId)! + (kind === "advance" ? -amountFen : amountFen);
    balances.set(officeId, balance);
    insert.run(officeId, kind, amountFen, balance, on, advanceId, note, opts.actorId, Math.floor(Date.parse(`${on}T10:00:00+08:00`) / 1000));
  };
  const sorted = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind === b.kind ? 0 : a.kind === "advance" ? -1 : 1));
  let year = opts.from - 1;
  sqlite.transaction(() => {
    const newYear = (y: number) => {
      for (const o of offices) {
        const topUp = capital(o) - balances.get(o)!;
        if (topUp > 0) book(o, "capital", topUp, `${y}-01-05`, null, `${y}年度财政拨款`);
      }
    };
    for (const e of sorted) {
      while (Number(e.on.slice(0, 4)) > year) newYear(++year);
      if (e.kind === "advance" && balances.get(e.officeId)! < e.amountFen) book(e.officeId, "capital", capital(e.officeId), e.on, null, "追加拨款");
      book(e.officeId, e.kind, e.amountFen, e.on, e.advanceId, e.note);
    }
    while (yearOf(opts.today) > year) newYear(++year);
  })();
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.env.DATABASE_PATH ?? "data/bulk.db";
  const n = Number(argValue("cases") ?? 100_000);
  const db = openDb(path);
  migrateDb(db);
  const { count } = db.$client.prepare("select count(*) as count from cases").get() as { count: number };
  if (count > 0 && !process.argv.includes("--append")) {
    console.error(`${path} already holds ${count} cases; remove it first (or pass --append).`);
    process.exit(1);
  }
  console.log(`filling ${path} with ${n.toLocaleString()} cases…`);
  const r = await bulkSeed(db, { cases: n, today: shanghaiDate(new Date()), log: console.log });
  db.$client.close();
  const size = ["", "-wal"].reduce((sum, s) => sum + (statSync(path + s, { throwIfNoEntry: false })?.size ?? 0), 0);
  console.log(
    `${r.cases.toLocaleString()} cases, ${r.workers.toLocaleString()} workers, ${r.events.toLocaleString()} timeline rows in ${(r.ms / 1000).toFixed(1)} s; ${path}: ${(size / 2 ** 20).toFixed(0)} MiB`,
  );
}
