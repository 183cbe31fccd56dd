/**
 * Property-based fuzzing of every form and query parameter against a live app: whatever is typed, the
 * answer is never a 5xx, a refusal says what was wrong, nothing half-saved stays behind, and hostile text
 * is escaped wherever it is shown again.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getMove } from "../../src/domain/case-states.js";
import { CASE_SECTIONS } from "../../src/http/case-page.js";
import { schemaOf } from "../../src/sections/section.js";
import { listUnits } from "../../src/models/units.js";
import { issuePriorNotice } from "../../src/models/prior-notices.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { submitReport } from "../../src/models/reports.js";
import { appRoutes, userId, workedCase, workerInput } from "../helpers.js";
import { HOSTILE_MARK, formOf, hasMessage, hostileText, liveApp, type Live } from "./support.js";

// Thousands of generated inputs per test: generous on a loaded 2-core machine (speed is not what this asserts).
vi.setConfig({ testTimeout: 180_000 });

let live: Live;
let ids: {
  filed: number;
  mediating: number;
  order: number;
  task: number;
  notice: number;
  decision: number;
  user: number;
  unit: number;
  office: number;
  workers: number[];
  report: number;
};
let sent = 0;

beforeAll(async () => {
  live = await liveApp();
  const t = live;
  const filed = await workedCase(t, { to: "filed", overrides: { workers: [workerInput(1), workerInput(2, { isRepresentative: false })] } });
  const mediating = await workedCase(t, { to: "mediating" });
  const inspector = (await import("../helpers.js")).loginAs(t.app, "inspector1");
  const workers = filed.workers.map((w) => w.id);
  await (await inspector)
    .post(`/cases/${filed.id}/orders`)
    .type("form")
    .send({ version: filed.version(), payBy: "2026-11-30", facts: "经查拖欠工资。", [`amount.${workers[0]}`]: "8500", [`amount.${workers[1]}`]: "4200" });
  const zjj = listUnits(t.db).find((u) => u.name === "市住建局")!.id;
  await filed.supervisor
    .post(`/cases/${filed.id}/escalate`)
    .type("form")
    .send({ version: filed.version(), grounds: ["manyWorkers"], reason: "总包单位拒不拨付", unitIds: [zjj], request: "核查工程款拨付", workingDays: "5" });
  // The order served, then a 事先告知书 on it (issued once it is overdue), for the service and statement forms.
  await (await inspector)
    .post(`/cases/${filed.id}/orders/${t.db.$client.prepare("select id from payment_orders").pluck().get()}/service`)
    .type("form")
    .send({ version: filed.version(), party: "employer", method: "direct", servedOn: "2026-11-23", receiver: "王经理" });
  const today = t.clock.now;
  t.clock.now = new Date("2026-12-01T02:00:00Z");
  issuePriorNotice(t.db, {
    caseId: filed.id,
    orderId: t.db.$client.prepare("select id from payment_orders").pluck().get() as number,
    version: filed.version(),
    input: { kind: "decision", facts: "逾期未付", grounds: "指令书及送达回证", ratePercent: null },
    numberPrefix: "长人社监告",
    statementDays: 5,
    actor: viewerOfUsername(t.db, "inspector1"),
    now: t.clock.now,
  });
  t.clock.now = today;
  const q = (sql: string) => t.db.$client.prepare(sql).pluck().get() as number;
  // A 行政处理决定书 on the order, for its service form; written directly so that the 事先告知书 above stays unserved
  // for the forms that serve it and record the statement.
  t.db.$client
    .prepare(
      "insert into enforcement_actions (case_id, order_id, kind, decided_on, doc_number) values (?, ?, 'decision', '2026-11-20', '长人社监处〔2026〕99号')",
    )
    .run(filed.id, q("select id from payment_orders"));
  ids = {
    filed: filed.id,
    mediating: mediating.id,
    order: q("select id from payment_orders"),
    task: q("select id from task_force_tasks"),
    notice: q("select id from prior_notices"),
    decision: q("select id from enforcement_actions"),
    user: userId(t.db, "inspector3"),
    unit: zjj,
    office: q("select id from offices where name = '宽城区劳动保障监察大队'"),
    workers,
    report: submitReport(
      t.db,
      { channel: "hotline", employerName: "某公司", employerAddress: "", district: "朝阳区", whatSeen: "欠薪", reporterName: null, reporterContact: null },
      { actorId: null, now: t.clock.now, verifyDays: 5 },
    ).id,
  };
  t.db.$client.prepare("update reports set inspector_id = ? where id = ?").run(userId(t.db, "inspector1"), ids.report);
  COUNTED = (
    t.db.$client
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '__drizzle%'")
      .pluck()
      .all() as string[]
  ).filter((name) => !NOT_COUNTED.includes(name));
});

afterAll(async () => {
  await live.close();
  // eslint-disable-next-line no-console
  console.info(`forms fuzz: ${sent} requests`);
});

/**
 * Every table but those a refused form may rightly change: sessions and throttles, and the record of personal
 * data shown again on the refused page. A new table is counted without being named here.
 */
const NOT_COUNTED = ["sessions", "login_throttles", "login_known_addresses", "form_throttles", "personal_data_views", "personal_data_exports"];
let COUNTED: string[] = [];

function snapshot(): string {
  const db = live.db.$client;
  return `${COUNTED.map((t) => db.prepare(`select count(*) from ${t}`).pluck().get()).join(",")}|${db.prepare("select sum(version) from cases").pluck().get()}`;
}

type Role = keyof Live["cookies"] | "public";

async function send(role: Role, method: "GET" | "POST", path: string, form?: Record<string, string>) {
  sent++;
  const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
  if (role !== "public") headers.cookie = live.cookies[role];
  if (form) headers["content-type"] = "application/x-www-form-urlencoded";
  const res = await fetch(live.base + path, { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: "manual" });
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
}

/** The properties every answer must have; a refused write must leave every table as it was. */
async function check(role: Role, method: "GET" | "POST", path: string, form?: Record<string, string>) {
  const before = method === "POST" ? snapshot() : "";
  const res = await send(role, method, path, form);
  expect(res.status, `${method} ${path} ${JSON.stringify(form)?.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400 && res.type.includes("html")) {
    expect(hasMessage(res.body), `${res.status} without a message: ${method} ${path} ${JSON.stringify(form)?.slice(0, 300)}`).toBe(true);
    if (method === "POST" && res.status !== 429) expect(snapshot(), `${method} ${path} changed data on ${res.status}`).toBe(before);
  }
  expect(res.body).not.toContain(HOSTILE_MARK);
  return res;
}

const version = fc.oneof(fc.constant("current"), hostileText);
const withVersion = (fields: readonly string[]) => fc.tuple(formOf(fields), version);
const currentVersion = (id: number) => String(live.db.$client.prepare("select version from cases where id = ?").pluck().get(id));

const amounts = (p: string) => () => ids.workers.map((w) => `${p}.${w}`);
const fixed =
  (...fields: string[]) =>
  () =>
    fields;
/** Paths and worker fields are read when the test runs, after beforeAll made the cases. */
const LISTED_ROUTES = [
  { name: "moves", role: "inspector", path: () => `/cases/${ids.filed}/moves`, fields: fixed("move", "outcome", "note") },
  { name: "assign", role: "supervisor", path: () => `/cases/${ids.filed}/assign`, fields: fixed("leadId", "secondId") },
  { name: "extend", role: "supervisor", path: () => `/cases/${ids.filed}/extend`, fields: fixed("reason") },
  {
    name: "mediations",
    role: "inspector",
    path: () => `/cases/${ids.mediating}/mediations`,
    fields: () => [
      "sessionOn",
      "place",
      "workerSide",
      "employerSide",
      "workerStatement",
      "employerStatement",
      "result",
      "payBy",
      "paymentMethod",
      ...amounts("amount")(),
    ],
  },
  { name: "settle", role: "inspector", path: () => `/cases/${ids.mediating}/settle`, fields: fixed("note") },
  { name: "orders", role: "inspector", path: () => `/cases/${ids.filed}/orders`, fields: () => ["payBy", "facts", ...amounts("amount")()] },
  { name: "payments", role: "inspector", path: () => `/cases/${ids.filed}/payments`, fields: fixed("itemId", "amount", "paidOn", "workerConfirmed") },
  {
    name: "enforce",
    role: "inspector",
    path: () => `/cases/${ids.filed}/orders/${ids.order}/enforce`,
    fields: fixed("kind", "ratePercent", "note", "agency", "decidedOn"),
  },
  { name: "close", role: "inspector", path: () => `/cases/${ids.filed}/close`, fields: () => ["outcome", "note", "overClaimNote", ...amounts("recovered")()] },
  { name: "escalate", role: "supervisor", path: () => `/cases/${ids.filed}/escalate`, fields: fixed("grounds", "reason", "unitIds", "request", "workingDays") },
  {
    name: "visits",
    role: "inspector",
    path: () => `/cases/${ids.filed}/visits`,
    fields: fixed("visitedAt", "place", "peopleQuestioned", "findings", "inspectorIds"),
  },
  { name: "evidence void", role: "inspector", path: () => `/cases/${ids.filed}/evidence/1/void`, fields: fixed("reason") },
  {
    name: "prior notice",
    role: "inspector",
    path: () => `/cases/${ids.filed}/orders/${ids.order}/prior-notices`,
    fields: fixed("kind", "facts", "grounds", "ratePercent"),
  },
  {
    name: "prior notice service",
    role: "inspector",
    path: () => `/cases/${ids.filed}/prior-notices/${ids.notice}/service`,
    fields: fixed("party", "method", "servedOn", "receiver", "witnesses", "trackingNumber", "consent", "publishedOn", "note"),
  },
  {
    name: "prior notice statement",
    role: "inspector",
    path: () => `/cases/${ids.filed}/prior-notices/${ids.notice}/statement`,
    fields: fixed("statement", "statementText", "review"),
  },
  {
    name: "decision service",
    role: "inspector",
    path: () => `/cases/${ids.filed}/decisions/${ids.decision}/service`,
    fields: fixed("party", "method", "servedOn", "receiver", "witnesses", "trackingNumber", "consent", "publishedOn", "note"),
  },
  {
    name: "remedy filing",
    role: "inspector",
    path: () => `/cases/${ids.filed}/decisions/${ids.decision}/remedies`,
    fields: fixed("kind", "filedOn", "body", "caseNumber"),
  },
  { name: "remedy outcome", role: "supervisor", path: () => `/cases/${ids.filed}/remedies/1/outcome`, fields: fixed("outcome", "outcomeOn", "note") },
  { name: "demand", role: "inspector", path: () => `/cases/${ids.filed}/decisions/${ids.decision}/demand`, fields: fixed("version") },
  {
    name: "demand service",
    role: "inspector",
    path: () => `/cases/${ids.filed}/demands/1/service`,
    fields: fixed("party", "method", "servedOn", "receiver", "witnesses", "trackingNumber", "consent", "publishedOn", "note"),
  },
  {
    name: "court application",
    role: "inspector",
    path: () => `/cases/${ids.filed}/decisions/${ids.decision}/court-application`,
    fields: fixed("appliedOn", "court"),
  },
  { name: "court result", role: "inspector", path: () => `/cases/${ids.filed}/court-applications/1/result`, fields: fixed("result", "resultOn", "executed") },
  {
    name: "police referral",
    role: "inspector",
    path: () => `/cases/${ids.filed}/police-referrals/${ids.decision}`,
    fields: fixed("step", "materials", "date", "answer"),
  },
  { name: "acknowledge", role: "supervisor", path: () => `/cases/${ids.filed}/acknowledge`, fields: fixed("version") },
  { name: "transfer", role: "supervisor", path: () => `/cases/${ids.filed}/transfer`, fields: fixed("toOfficeId", "reason", "version") },
  { name: "designation request", role: "supervisor", path: () => `/cases/${ids.filed}/designation-request`, fields: fixed("reason", "version") },
  {
    name: "followup",
    role: "supervisor",
    path: () => `/cases/${ids.filed}/followup`,
    fields: fixed("ratingId", "calledOn", "reached", "justified", "findings", "rectification", "answer"),
  },
  {
    name: "order service",
    role: "inspector",
    path: () => `/cases/${ids.filed}/orders/${ids.order}/service`,
    fields: fixed("party", "method", "servedOn", "receiver", "witnesses", "trackingNumber", "consent", "publishedOn", "note"),
  },
  {
    name: "payment table",
    role: "inspector",
    path: () => `/cases/${ids.filed}/payments/table`,
    fields: fixed("asAgreed", "paidOn", "method", "amount.1", "paidOn.1", "method.1", "confirmed.1"),
  },
] as const;
// Last: a designation that succeeds moves the case to another office and ends its assignment.
const DESIGNATE = { name: "designate", role: "supervisor", path: () => `/cases/${ids.filed}/designate`, fields: fixed("toOfficeId", "reason") } as const;

/** A section's own form (src/sections/section.ts) is fuzzed with its schema's fields by a role that makes its move. */
const SECTION_ROUTES = CASE_SECTIONS.flatMap((s) => [...(s.action ? [s.action] : []), ...(s.actions ?? [])]).map((action) => ({
  name: action.path,
  role: getMove(action.move)!.by.includes("inspector") ? ("inspector" as const) : ("supervisor" as const),
  path: () => `/cases/${ids.filed}/${action.path}`,
  fields: () => Object.keys(schemaOf(live.db, action, ids.filed).shape),
}));
const CASE_ROUTES = [...LISTED_ROUTES, ...SECTION_ROUTES, DESIGNATE];

/** Case forms fuzzed elsewhere in this file: intake with the other forms, the evidence upload with the file names. */
const FUZZED_ELSEWHERE = ["POST /cases", "POST /cases/:id/evidence"];

describe("the list of case forms", () => {
  it("names every POST route under /cases, the way the route matrix names every route", () => {
    const listed = CASE_ROUTES.map((r) => r.path());
    const missing = appRoutes(live.app)
      .filter((r) => r.startsWith("POST /cases") && !FUZZED_ELSEWHERE.includes(r))
      .filter((r) => {
        const pattern = new RegExp(`^${r.slice("POST ".length).replace(/:\w+/g, "[^/]+")}$`);
        return !listed.some((path) => pattern.test(path));
      });
    expect(missing).toEqual([]);
  });
});

/** Per route; with the parser fuzz (forms-parsers.fuzz.test.ts) the suite tries well over 10,000 inputs. */
const RUNS = 60;

describe("every case form, fuzzed: no 5xx, a message on every refusal, nothing half-saved, hostile text escaped", () => {
  it.each(CASE_ROUTES.map((r) => [r.name, r] as const))("POST /cases/:id/%s", async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(withVersion(route.fields()), async ([form, v]) => {
        const id = Number(route.path().split("/")[2]);
        await check(route.role, "POST", route.path(), { ...form, version: v === "current" ? currentVersion(id) : v });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("intake, public and admin forms, fuzzed", () => {
  const intake = [
    "intent",
    "channel",
    "receivedOn",
    "platformClueNo",
    "workers.0.name",
    "workers.0.sex",
    "workers.0.age",
    "workers.0.idNumber",
    "workers.0.phone",
    "workers.0.claimed",
    "workers.1.name",
    "workers.1.claimed",
    "representative",
    "employerName",
    "employerUscc",
    "employerAddress",
    "district",
    "isConstruction",
    "projectName",
    "facts",
    "claim",
    "workers.0.idType",
    "workers.0.noIdReason",
    "workers.0.landline",
    "workers.0.relativePhone",
    "workers.0.postalAddress",
    "workers.0.smsOptOut",
  ];
  const routes = () =>
    [
      { role: "clerk", path: "/cases", fields: intake },
      { role: "public", path: "/complaint", fields: intake },
      { role: "public", path: "/query", fields: ["caseNumber", "queryCode"] },
      { role: "public", path: "/login", fields: ["username", "password", "redirectTo"] },
      { role: "unit", path: `/tasks/${ids.task}/answer`, fields: ["status", "answer", "moreTimeReason", "version"] },
      { role: "admin", path: "/admin/users", fields: ["username", "displayName", "role", "unitId", "password"] },
      { role: "admin", path: `/admin/users/${ids.user}`, fields: ["displayName", "role", "unitId", "version"] },
      { role: "admin", path: `/admin/users/${ids.user}/password`, fields: ["password"] },
      { role: "admin", path: "/admin/units", fields: ["name", "active"] },
      { role: "admin", path: "/admin/offices", fields: ["name", "kind", "phone", "address", "docPrefix", "divisions"] },
      { role: "admin", path: `/admin/offices/${ids.office}`, fields: ["name", "kind", "phone", "address", "docPrefix", "divisions", "version"] },
      { role: "admin", path: `/admin/units/${ids.unit}`, fields: ["name", "active"] },
      { role: "admin", path: "/admin/calendar/2027/schedule", fields: ["holidaysText", "makeupText", "source", "publish"] },
      { role: "admin", path: "/admin/calendar/2031/publish", fields: ["source"] },
      {
        role: "supervisor",
        path: "/blacklist",
        fields: ["caseId", "orderId", "kind", "monthsOwed", "incident", "facts", "persons.0.role", "persons.0.name", "persons.0.idNumber"],
      },
      { role: "supervisor", path: "/violations", fields: ["kind", "quarter", "title"] },
      {
        role: "public",
        path: "/report",
        fields: ["employerName", "employerAddress", "district", "whatSeen", "anonymous", "reporterName", "reporterContact", "filingToken"],
      },
      {
        role: "clerk",
        path: "/reports",
        fields: ["channel", "employerName", "employerAddress", "district", "whatSeen", "anonymous", "reporterName", "reporterContact"],
      },
      { role: "public", path: "/query/rating", fields: ["caseNumber", "queryCode", "phone", "level", "reasons", "comment"] },
      { role: "inspector", path: "/findings", fields: ["source", "sourceNote", "employerName", "employerAddress", "district", "facts"] },
      { role: "inspector", path: `/reports/${ids.report}/close`, fields: ["version", "result"] },
      { role: "supervisor", path: `/reports/${ids.report}/assign`, fields: ["version", "inspectorId"] },
      { role: "supervisor", path: `/funds/${ids.office}/capital`, fields: ["occurredOn", "amount", "note"] },
      { role: "supervisor", path: `/funds/${ids.office}/adjustments`, fields: ["occurredOn", "direction", "amount", "note"] },
      {
        role: "supervisor",
        path: "/projects",
        fields: [
          "name",
          "district",
          "builderName",
          "builderUscc",
          "contractorName",
          "contractorUscc",
          "subcontractors",
          "contract",
          "startOn",
          "endOn",
          "guaranteeForm",
          "guarantee",
          "guaranteeFrom",
          "guaranteeUntil",
          "realName",
        ],
      },
      { role: "supervisor", path: "/actions", fields: ["name", "startsOn", "endsOn", "scope"] },
      // The online form's identity documents (docs/rules.md §Identity documents): every type, and 无证件 refused.
      {
        role: "public",
        path: "/complaint",
        fields: [
          "workers.0.name",
          "workers.0.phone",
          "workers.0.idType",
          "workers.0.idNumber",
          "workers.0.sex",
          "workers.0.age",
          "workers.0.noIdReason",
          "workers.0.smsOptOut",
          "workers.0.claimed",
          "employerName",
          "district",
          "facts",
          "filingToken",
        ],
      },
      // Co-workers on the online form (issue 21 item 3): the window's row, the online documents, the no-JS add.
      {
        role: "public",
        path: "/complaint",
        fields: [
          "workers.0.name",
          "workers.0.idNumber",
          "workers.0.claimed",
          "workers.1.name",
          "workers.1.idType",
          "workers.1.idNumber",
          "workers.1.phone",
          "workers.1.landline",
          "workers.1.sex",
          "workers.1.age",
          "workers.1.claimed",
          "workers.7.name",
          "employerName",
          "district",
          "facts",
          "intent",
        ],
      },
    ] as const;
  it.each(Array.from({ length: 28 }, (_, i) => i))("route %i: no 5xx, a message on every refusal, nothing half-saved, hostile text escaped", async (i) => {
    const route = routes()[i]!;
    await fc.assert(
      fc.asyncProperty(formOf(route.fields), async (form) => {
        await check(route.role, "POST", route.path, form);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("every query parameter and path id, fuzzed", () => {
  const gets = [
    { role: "supervisor", path: (v: string) => `/cases?page=${v}` },
    { role: "supervisor", path: (v: string) => `/cases?inspector=${v}&state=${v}&clock=${v}&channel=${v}&district=${v}&q=${v}` },
    { role: "inspector", path: (v: string) => `/cases?every=${v}&q=${v}` },
    { role: "clerk", path: (v: string) => `/cases/new/worker-row?index=${v}` },
    { role: "public", path: (v: string) => `/calendar/calc?from=${v}&days=${v}` },
    { role: "public", path: (v: string) => `/calendar/calc?from=2026-02-13&days=${v}` },
    { role: "inspector", path: (v: string) => `/cases/${ids.filed}/orders/${ids.order}/compensation?ratePercent=${v}` },
    { role: "supervisor", path: (v: string) => `/cases/${v}` },
    { role: "supervisor", path: (v: string) => `/cases/${ids.filed}/notices/${v}` },
    { role: "supervisor", path: (v: string) => `/cases/${ids.filed}/evidence/${v}` },
    { role: "supervisor", path: (v: string) => `/tasks/${v}` },
    { role: "admin", path: (v: string) => `/admin/calendar/${v}` },
    { role: "admin", path: (v: string) => `/admin/calendar?year=${v}` },
    { role: "admin", path: (v: string) => `/admin/users/${v}` },
    { role: "admin", path: (v: string) => `/admin/offices/${v}` },
    { role: "supervisor", path: (v: string) => `/cases?office=${v}&state=all` },
    { role: "supervisor", path: (v: string) => `/blacklist?stage=${v}` },
    { role: "supervisor", path: (v: string) => `/blacklist/new?caseId=${v}&orderId=${v}` },
    { role: "supervisor", path: (v: string) => `/blacklist/new?caseId=${ids.filed}&orderId=${v}` },
    { role: "supervisor", path: (v: string) => `/blacklist/${v}` },
    { role: "supervisor", path: (v: string) => `/violations/${v}` },
    { role: "inspector", path: (v: string) => `/employers?q=${v}` },
    { role: "inspector", path: (v: string) => `/employers/record?uscc=${v}&name=${v}` },
    { role: "inspector", path: (v: string) => `/employers/check?employerUscc=${v}&employerName=${v}` },
    { role: "public", path: (v: string) => `/public/blacklist?q=${v}` },
    { role: "public", path: (v: string) => `/public/violations?q=${v}` },
    { role: "supervisor", path: (v: string) => `/funds/${v}` },
    { role: "supervisor", path: (v: string) => `/exports/funds.xlsx?office=${v}` },
    { role: "supervisor", path: (v: string) => `/projects?q=${v}&guarantee=${v}&missing=${v}&office=${v}` },
    { role: "supervisor", path: (v: string) => `/projects/${v}` },
    { role: "supervisor", path: (v: string) => `/actions/${v}` },
    { role: "supervisor", path: (v: string) => `/risks?due=${v}&office=${v}` },
    { role: "supervisor", path: (v: string) => `/statistics?period=custom&from=${v}&to=${v}&office=${v}` },
    { role: "supervisor", path: (v: string) => `/blacklist/${v}/removal?party=${v}` },
    { role: "supervisor", path: (v: string) => `/transfers?office=${v}&incoming=${v}&outgoing=${v}&departments=${v}` },
    { role: "supervisor", path: (v: string) => `/cases/${ids.filed}/office-transfers/${v}` },
    { role: "supervisor", path: (v: string) => `/cases/${ids.filed}/department-transfers/${v}` },
    { role: "public", path: (v: string) => `/complaint/worker-row?index=${v}` },
  ] as const;
  it.each(gets.map((g, i) => [i, g] as const))("GET #%i: no 5xx, a message on every refusal", async (_i, g) => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (v) => {
        await check(g.role, "GET", g.path(encodeURIComponent(v)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("uploaded file names, fuzzed", () => {
  it("any file name: no 5xx, stored under a name of our own inside the evidence directory, shown escaped", async () => {
    const { readdirSync } = await import("node:fs");
    const names = fc.oneof(
      hostileText.map((s) => `${s}.pdf`),
      fc.constantFrom(
        "../../etc/passwd.pdf",
        "..\\..\\boot.ini.pdf",
        `${HOSTILE_MARK}.jpg`,
        "a\u0000b.pdf",
        "工资条（最终版）.pdf",
        `${"长".repeat(300)}.mp4`,
        ".pdf",
        "x.PDF",
        "x.exe",
      ),
    );
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        sent++;
        const form = new FormData();
        form.set("description", "fuzz");
        form.set("evidence", new Blob([new Uint8Array([37, 80, 68, 70])]), name);
        const res = await fetch(`${live.base}/cases/${ids.filed}/evidence`, {
          method: "POST",
          headers: { cookie: live.cookies.inspector, "sec-fetch-site": "same-origin" },
          body: form,
          redirect: "manual",
        });
        const body = await res.text();
        expect(res.status, name).toBeLessThan(500);
        expect(body).not.toContain(HOSTILE_MARK);
        for (const f of readdirSync(live.evidenceDir)) expect(f).toMatch(/^\d+-[0-9a-f]{16}\.[a-z0-9]+$/);
      }),
      { numRuns: RUNS },
    );
    const page = await send("inspector", "GET", `/cases/${ids.filed}`);
    expect(page.body).not.toContain(HOSTILE_MARK);
  });
});
