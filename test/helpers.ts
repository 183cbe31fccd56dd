import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import request from "supertest";
import { expect } from "vitest";
import type { Express } from "express";
import { createApp } from "../src/app.js";
import { readConfig, type Config } from "../src/config.js";
import { openDb, type Db } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { PROVISIONAL_SOURCE, storeSchedules } from "../src/models/calendar.js";
import { TEST_DB_SCHEDULES } from "./fixtures/calendars.js";
import { DEMO_PASSWORD, seedDemo } from "../seeds/index.js";
import { idNumberCheckChar, usccCheckChar } from "../src/domain/identifiers.js";
import { registerCase, transition, type CaseInput, type WorkerInput } from "../src/models/cases.js";
import { issueOrder, recordMediation, serveOrder } from "../src/models/settlements.js";
import { handedOver } from "../seeds/handed-over.js";
import { shanghaiDate } from "../src/domain/dates.js";
import { proposeListing } from "../src/models/blacklist.js";
import type { Viewer } from "../src/domain/case-abilities.js";

export { DEMO_PASSWORD };

export interface TestApp {
  app: Express;
  db: Db;
  /** Moves the app's clock. */
  clock: { now: Date };
  evidenceDir: string;
  config: Config;
}

let template: Buffer | undefined;

/**
 * The migrated database with the calendar and demo accounts, built once per test process and copied for
 * each test app (building the calendar is most of the cost).
 */
export async function templateDatabase(): Promise<Buffer> {
  if (!template) {
    const db = openDb(":memory:");
    migrateDb(db);
    // Explicit schedules, not the installed chinese-days data (docs/rules.md §Working days).
    storeSchedules(db, TEST_DB_SCHEDULES, (y) => (y.published ? "国务院办公厅通知（测试数据）" : PROVISIONAL_SOURCE));
    await seedDemo(db);
    template = db.$client.serialize();
    db.$client.close();
  }
  return template;
}

/** A fresh in-memory copy of the template database, and an app on a settable clock. */
export async function makeTestApp(start = new Date("2026-11-23T02:00:00Z"), env: Record<string, string> = {}): Promise<TestApp> {
  const db = openDb(await templateDatabase());
  const clock = { now: start };
  const evidenceDir = mkdtempSync(join(tmpdir(), "qx-evidence-"));
  const config = readConfig({ NODE_ENV: "test", EVIDENCE_DIR: evidenceDir, ...env });
  const app = createApp({ db, config, now: () => clock.now });
  return { app, db, clock, evidenceDir, config };
}

export type Agent = ReturnType<typeof request.agent>;

/** A browser-like agent: its form posts carry Sec-Fetch-Site: same-origin, as a real browser's would. */
export function browser(app: Express): Agent {
  return request.agent(app).set("Sec-Fetch-Site", "same-origin");
}

export async function loginAs(app: Express, username: string, password = DEMO_PASSWORD): Promise<Agent> {
  const agent = browser(app);
  const res = await agent.post("/login").type("form").send({ username, password });
  if (res.status !== 303) throw new Error(`login as ${username} failed with ${res.status}`);
  return agent;
}

export const ROLE_USERS = {
  clerk: "clerk1",
  inspector: "inspector1",
  supervisor: "supervisor1",
  unit: "unit_zjj",
  admin: "admin",
} as const;

// ---- Cases ------------------------------------------------------------------------------------

/** A valid 身份证号 (GB 11643 checksum) for test person `n`. */
export function idNumber(n: number, birth = "19850315"): string {
  const first17 = `220102${birth}${String(n % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
}

export function uscc(seed = "91220101MA0Y1234"): string {
  const first17 = `${seed}0`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

export function workerInput(n: number, overrides: Partial<WorkerInput> = {}): WorkerInput {
  return {
    name: `工人${n}`,
    sex: "男",
    age: 40,
    idNumber: idNumber(n),
    phone: `138${String(10000000 + n).slice(-8)}`,
    hometown: "吉林省榆树市",
    occupation: "钢筋工",
    workPeriod: "2026-03 至 2026-10",
    claimedFen: 850000,
    isRepresentative: n === 1,
    ...overrides,
  };
}

export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    channel: "window",
    platformClueNo: null,
    receivedOn: "2026-11-23",
    facts: "2026年3月起在该工地务工，拖欠工资至今。",
    claim: "请求支付拖欠工资",
    employerName: "长春市某建筑劳务有限公司",
    employerUscc: uscc(),
    employerLegalRep: "赵某",
    employerAddress: "长春市朝阳区某路 1 号",
    district: "朝阳区",
    isConstruction: true,
    projectName: "某小区二期",
    projectAddress: "朝阳区某路",
    generalContractor: "某建工集团",
    subcontractor: "某劳务公司",
    teamLeader: "钱某",
    workers: [workerInput(1)],
    ...overrides,
  };
}

/** Registers a case directly (as clerk1 unless said otherwise) and returns its id. */
export function makeCase(db: Db, overrides: Partial<CaseInput> = {}, opts: { actorId?: number | null; now?: Date } = {}) {
  const clerkId = db.$client.prepare("select id from users where username = 'clerk1'").pluck().get() as number;
  return registerCase(db, caseInput(overrides), {
    actorId: opts.actorId === undefined ? clerkId : opts.actorId,
    now: opts.now ?? new Date("2026-11-23T02:00:00Z"),
  });
}

export function userId(db: Db, username: string): number {
  return db.$client.prepare("select id from users where username = ?").pluck().get(username) as number;
}

/** The fields of the intake form for one valid worker, as a browser would post them. */
export function intakeFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "submit",
    channel: "window",
    receivedOn: "2026-11-23",
    "workers.0.name": "张三",
    "workers.0.sex": "",
    "workers.0.age": "45",
    "workers.0.idNumber": idNumber(7),
    "workers.0.phone": "13812345678",
    "workers.0.hometown": "吉林省德惠市",
    "workers.0.occupation": "木工",
    "workers.0.workPeriod": "2026-04 至 2026-09",
    "workers.0.claimed": "12,800.50",
    representative: "0",
    employerName: "长春宏达建筑劳务有限公司",
    employerUscc: uscc(),
    employerLegalRep: "王某",
    employerAddress: "长春市南关区某街 8 号",
    district: "南关区",
    isConstruction: "on",
    projectName: "南湖花园三期",
    facts: "2026年4月至9月在南湖花园三期做木工，工资一直未结清。",
    claim: "请求支付拖欠工资 12800.50 元",
    ...overrides,
  };
}

/** A case assigned to inspector1 (lead) and inspector2, moved on by the supervisor as far as asked. */
export async function workedCase(t: TestApp, opts: { to?: "received" | "mediating" | "filed"; overrides?: Partial<CaseInput> } = {}) {
  const { id } = makeCase(t.db, opts.overrides);
  const supervisor = await loginAs(t.app, "supervisor1");
  const version = () => t.db.$client.prepare("select version from cases where id = ?").pluck().get(id) as number;
  await supervisor
    .post(`/cases/${id}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: version() });
  if (opts.to === "mediating") await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "startMediation", version: version(), note: "" });
  if (opts.to === "filed") await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "file", version: version(), note: "" });
  const workers = t.db.$client.prepare("select id, claimed_fen from case_workers where case_id = ? order by id").all(id) as {
    id: number;
    claimed_fen: number;
  }[];
  return { id, version, workers, supervisor };
}

/**
 * On a case `workedCase` left mediating: an agreement for the first worker's claim, the employer backs out, and
 * an order to pay by 2026-11-30 is issued (what a blacklist proposal rests on). Returns the order's id.
 */
export function orderAfterFailedMediation(t: TestApp, c: Awaited<ReturnType<typeof workedCase>>, actor: Viewer, now: Date): number {
  const worker = c.workers[0]!;
  const amounts = [{ workerId: worker.id, amountFen: worker.claimed_fen }];
  recordMediation(t.db, {
    caseId: c.id,
    version: c.version(),
    input: {
      sessionOn: "2026-11-23",
      place: "调解室",
      workerSide: "张三",
      employerSide: "单位代表",
      workerStatement: "x",
      employerStatement: "y",
      result: "agreement",
      payBy: "2026-11-30",
      paymentMethod: "转账",
      amounts,
    },
    actor,
    now,
  });
  transition(t.db, { caseId: c.id, move: "mediationFailed", note: "单位反悔", version: c.version(), actor, now });
  issueOrder(t.db, { caseId: c.id, version: c.version(), payBy: "2026-11-30", facts: "拖欠工资", amounts, numberPrefix: "测试令", actor, now });
  const orderId = t.db.$client.prepare("select max(id) from payment_orders where case_id = ?").pluck().get(c.id) as number;
  // A blacklist proposal rests on an order served on the employer (docs/rules.md § Service of documents).
  serveOrder(t.db, { caseId: c.id, orderId, version: c.version(), input: handedOver(shanghaiDate(now), "王经理"), actor, now });
  return orderId;
}

/** A blacklist proposal on the order, on incident grounds, a week after its pay-by date. Returns the proceeding's id. */
export function proposeOnIncident(t: TestApp, caseId: number, orderId: number, actor: Viewer): number {
  return proposeListing(t.db, {
    input: {
      caseId,
      orderId,
      grounds: { kind: "incident", description: "围堵项目部" },
      facts: "逾期未付",
      persons: [{ role: "legalRep", name: "赵某", idNumber: idNumber(700) }],
    },
    thresholds: { oneWorkerFen: 1_000_000, groupFen: 5_000_000 },
    actor,
    now: new Date("2026-12-07T02:00:00Z"),
  });
}

/** The service form of a document handed to the employer and signed for (直接送达). */
export function handedOverForm(servedOn: string, receiver = "王经理"): Record<string, string> {
  return { party: "employer", method: "direct", servedOn, receiver };
}

/** Records, as the agent, the service of the case's latest order on the employer (its pay-by period runs from it). */
export async function serveLatestOrder(t: TestApp, agent: Agent, c: { id: number; version: () => number }, servedOn: string): Promise<number> {
  const orderId = t.db.$client.prepare("select max(id) from payment_orders where case_id = ?").pluck().get(c.id) as number;
  const res = await agent
    .post(`/cases/${c.id}/orders/${orderId}/service`)
    .type("form")
    .send({ version: c.version(), ...handedOverForm(servedOn) });
  if (res.status !== 303) throw new Error(`order service refused: ${res.text.slice(0, 300)}`);
  return orderId;
}

/** Every route the app answers, as "METHOD /path". */
export function appRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack as typeof stack);
    }
  };
  walk((app as unknown as { router: { stack: Parameters<typeof walk>[0] } }).router.stack);
  return found;
}

/** The workbook a download answers with (status 200). */
export async function xlsxOf(agent: Agent, path: string): Promise<ExcelJS.Workbook> {
  const res = await agent
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  return book;
}

export function officeIdOf(db: Db, name: string): number {
  return db.$client.prepare("select id from offices where name = ?").pluck().get(name) as number;
}

/** A construction project of an office, every safeguard in place, written straight to the table (figures tests). */
export function insertProject(db: Db, officeId: number, name: string, usccSeed: string, startOn = "2025-01-01"): number {
  return Number(
    db.$client
      .prepare(`insert into projects (office_id, division_id, name, builder_name, contractor_name, contractor_uscc, contract_fen, start_on, missing_count)
        values (?, (select id from divisions where office_id = ? limit 1), ?, '长春某置业有限公司', '吉林某建工集团有限公司', ?, 300000000, ?, 0)`)
      .run(officeId, officeId, name, uscc(usccSeed), startOn).lastInsertRowid,
  );
}
