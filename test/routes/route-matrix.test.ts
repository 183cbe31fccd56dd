/**
 * Every route × every kind of viewer, read as a table. A cell is "+" when the viewer gets past the
 * permission checks (whatever the answer then is: a page, a redirect after saving, or a 4xx for the empty
 * form this test sends), "-" when refused (403, or the login page for a visitor). No answer may be a 5xx.
 * The routes are read from the app itself: a new route without a row fails the test.
 *
 * Columns: A anonymous · C the clerk who registered the case (at the city's window) · I its lead inspector · O another
 * inspector · S the city's supervisor (市本级) · B the supervisor of the office that has the case (朝阳区) · K a clerk of
 * that office · N, Q, J the supervisor, clerk and inspector of another office (南关区): 属地管理, they may neither read
 * nor change anything of the case (every case route is "-") · L the liaison of the unit tasked on the case · X a
 * liaison of another unit · D admin.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { addEvidence, transition } from "../../src/models/cases.js";
import { issueOrder, recordMediation } from "../../src/models/settlements.js";
import { escalateCase } from "../../src/models/task-force.js";
import { findUnitByName } from "../../src/models/units.js";
import { createUser } from "../../src/models/users.js";
import { proposeListing } from "../../src/models/blacklist.js";
import { createBatch } from "../../src/models/violations.js";
import { appRoutes, browser, idNumber, loginAs, makeTestApp, userId, workedCase, type Agent, type TestApp } from "../helpers.js";

const ROUTES = `
route                                             | A C I O S B K N Q J L X D
GET /js/htmx-2.0.11.min.js                        | + + + + + + + + + + + + +
GET /favicon.ico                                  | + + + + + + + + + + + + +
GET /                                             | + + + + + + + + + + + + +
GET /login                                        | + + + + + + + + + + + + +
POST /login                                       | + + + + + + + + + + + + +
GET /calendar/calc                                | + + + + + + + + + + + + +
GET /complaint                                    | + + + + + + + + + + + + +
GET /complaint/done                               | + + + + + + + + + + + + +
POST /complaint                                   | + + + + + + + + + + + + +
GET /query                                        | + + + + + + + + + + + + +
POST /query                                       | + + + + + + + + + + + + +
GET /cases                                        | - + + + + + + + + + - - -
GET /cases/new                                    | - + - - + + + + + - - - -
GET /cases/new/worker-row                         | - + - - + + + + + - - - -
POST /cases                                       | - + - - + + + + + - - - -
GET /cases/:id                                    | - + + - + + - - - - - - -
GET /cases/:id/sections/:key                      | - + + - + + - - - - - - -
POST /cases/:id/moves                             | - + + - + + - - - - - - -
POST /cases/:id/assign                            | - - - - + + - - - - - - -
POST /cases/:id/extend                            | - - - - + + - - - - - - -
POST /cases/:id/evidence                          | - + + - + + - - - - - - -
POST /cases/:id/evidence/:evidenceId/void         | - - + - + + - - - - - - -
POST /cases/:id/visits                            | - - + - + + - - - - - - -
POST /cases/:id/phone-contacts                    | - - + - + + - - - - - - -
POST /cases/:id/recusals                          | - - + - + + - - - - - - -
POST /cases/:id/recusals/decision                 | - - - - + + - - - - - - -
GET /cases/:id/evidence/:evidenceId               | - + + - + + - - - - - - -
GET /cases/:id/receipt                            | - + + - + + - - - - - - -
GET /cases/:id/notices/:kind                      | - + + - + + - - - - - - -
POST /cases/:id/mediations                        | - - + - + + - - - - - - -
POST /cases/:id/settle                            | - - + - + + - - - - - - -
POST /cases/:id/orders                            | - - + - + + - - - - - - -
POST /cases/:id/payments                          | - - + - + + - - - - - - -
POST /cases/:id/orders/:orderId/enforce           | - - + - + + - - - - - - -
GET /cases/:id/orders/:orderId/compensation       | - - + - + + - - - - - - -
POST /cases/:id/orders/:orderId/prior-notices     | - - + - + + - - - - - - -
POST /cases/:id/prior-notices/:noticeId/service   | - - + - + + - - - - - - -
POST /cases/:id/prior-notices/:noticeId/statement | - - + - + + - - - - - - -
POST /cases/:id/decisions/:actionId/service       | - - + - + + - - - - - - -
POST /cases/:id/decisions/:actionId/remedies      | - - + - + + - - - - - - -
POST /cases/:id/remedies/:remedyId/outcome        | - - + - + + - - - - - - -
POST /cases/:id/police-referrals/:actionId        | - - + - + + - - - - - - -
POST /cases/:id/decisions/:actionId/demand        | - - + - + + - - - - - - -
POST /cases/:id/demands/:demandId/service         | - - + - + + - - - - - - -
POST /cases/:id/decisions/:actionId/court-application | - - + - + + - - - - - - -
POST /cases/:id/court-applications/:applicationId/result | - - + - + + - - - - - - -
POST /cases/:id/close                             | - - + - + + - - - - - - -
GET /cases/:id/mediations/:mediationId/agreement  | - + + - + + - - - - - - -
GET /cases/:id/orders/:orderId                    | - + + - + + - - - - - - -
GET /cases/:id/prior-notices/:noticeId            | - + + - + + - - - - - - -
GET /cases/:id/decisions/:actionId                | - + + - + + - - - - - - -
GET /cases/:id/decisions/:actionId/services/:serviceId | - + + - + + - - - - - - -
GET /cases/:id/demands/:demandId                  | - + + - + + - - - - - - -
GET /cases/:id/demands/:demandId/services/:serviceId | - + + - + + - - - - - - -
GET /cases/:id/report                             | - + + - + + - - - - - - -
POST /cases/:id/escalate                          | - - - - + + - - - - - - -
GET /tasks                                        | - - - - + + - + - - + + -
GET /tasks/:id                                    | - - - - + + - - - - + - -
GET /tasks/:id/attachments/:evidenceId            | - - - - + + - - - - + - -
POST /tasks/:id/answer                            | - - - - - - - - - - + - -
GET /blacklist                                    | - - + + + + - + - + - - -
GET /blacklist/new                                | - - + + + + - + - + - - -
POST /blacklist                                   | - - + + + + - + - + - - -
GET /blacklist/:id                                | - - + + + + - - - - - - -
POST /blacklist/:id/approve                       | - - - - + + - - - - - - -
POST /blacklist/:id/end                           | - - - - + + - - - - - - -
POST /blacklist/:id/service                       | - - + - + + - - - - - - -
POST /blacklist/:id/objection                     | - - + - + + - - - - - - -
POST /blacklist/:id/verification                  | - - - - + + - - - - - - -
POST /blacklist/:id/pledge                        | - - - - + + - - - - - - -
POST /blacklist/:id/extend                        | - - - - + + - - - - - - -
POST /blacklist/:id/decision                      | - - - - + + - - - - - - -
POST /blacklist/:id/decision-service              | - - + - + + - - - - - - -
POST /blacklist/:id/early-removal                 | - - + - + + - - - - - - -
POST /blacklist/:id/early-removal/decision        | - - - - + + - - - - - - -
POST /blacklist/:id/revoke                        | - - - - + + - - - - - - -
POST /blacklist/:id/reverse                       | - - - - + + - - - - - - -
GET /blacklist/:id/notice                         | - - + - + + - - - - - - -
GET /blacklist/:id/decision                       | - - + - + + - - - - - - -
GET /blacklist/:id/services/:serviceId            | - - + - + + - - - - - - -
GET /public/blacklist                             | + + + + + + + + + + + + +
GET /public/blacklist.csv                         | + + + + + + + + + + + + +
GET /public/blacklist.atom                        | + + + + + + + + + + + + +
GET /public/violations                            | + + + + + + + + + + + + +
GET /public/violations.csv                        | + + + + + + + + + + + + +
GET /public/violations.atom                       | + + + + + + + + + + + + +
GET /violations                                   | - - - - + + - + - - - - -
POST /violations                                  | - - - - + + - + - - - - -
GET /violations/:id                               | - - - - + + - + - - - - -
POST /violations/:id/entries                      | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId             | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId/drop        | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId/withdraw    | - - - - + + - + - - - - -
POST /violations/:id/publish                      | - - - - + + - + - - - - -
GET /employers                                    | - + + + + + + + + + - - -
GET /employers/record                             | - + + + + + + + + + - - -
GET /employers/check                              | - + + + + + + + + + - - -
GET /dashboard                                    | - - - - + + - + - - - - -
GET /dashboard/clearance                          | - - - - + + - + - - - - -
GET /statistics                                   | - - - - + + - + - - - - -
GET /city-board                                   | - - - - + - - - - - - - -
GET /city-board/bulletin                          | - - - - + - - - - - - - -
GET /exports/city-board.xlsx                      | - - - - + - - - - - - - -
GET /exports/cases.:format                        | - - + + + + - + - + - - -
GET /exports/tasks.:format                        | - - - - + + - + - - - - -
GET /exports/statistics.xlsx                      | - - - - + + - + - - - - -
GET /exports/statistics/:table.csv                | - - - - + + - + - - - - -
GET /admin/users                                  | - - - - - - - - - - - - +
GET /admin/users/new                              | - - - - - - - - - - - - +
POST /admin/users                                 | - - - - - - - - - - - - +
GET /admin/users/:id                              | - - - - - - - - - - - - +
POST /admin/users/:id                             | - - - - - - - - - - - - +
POST /admin/users/:id/password                    | - - - - - - - - - - - - +
POST /admin/users/:id/active                      | - - - - - - - - - - - - +
GET /admin/units                                  | - - - - - - - - - - - - +
POST /admin/units                                 | - - - - - - - - - - - - +
POST /admin/units/:id                             | - - - - - - - - - - - - +
GET /admin/calendar                               | - - - - - - - - - - - - +
GET /admin/calendar/:year                         | - - - - - - - - - - - - +
POST /admin/calendar/:year/schedule               | - - - - - - - - - - - - +
POST /admin/calendar/:year/import                 | - - - - - - - - - - - - +
POST /admin/calendar/:year/publish                | - - - - - - - - - - - - +
GET /admin/health                                 | - - - - - - - - - - - - +
GET /personal-data-views                          | - - - - + + - + - - - - -
GET /acknowledgements                             | - + - - + + + + + - - - -
POST /cases/:id/acknowledge                       | - - - - - + + - - - - - -
POST /cases/:id/transfer                          | - - - - - + - - - - - - -
POST /cases/:id/designation-request               | - - - - - + - - - - - - -
POST /cases/:id/designate                         | - - - - + - - - - - - - -
GET /admin/offices                                | - - - - - - - - - - - - +
GET /admin/offices/new                            | - - - - - - - - - - - - +
POST /admin/offices                               | - - - - - - - - - - - - +
GET /admin/offices/:id                            | - - - - - - - - - - - - +
POST /admin/offices/:id                           | - - - - - - - - - - - - +
POST /admin/offices/:id/active                    | - - - - - - - - - - - - +
POST /cases/:id/payments/table                    | - - + - + + - - - - - - -
POST /logout                                      | + + + + + + + + + + + + +
`;

const COLUMNS = ["A", "C", "I", "O", "S", "B", "K", "N", "Q", "J", "L", "X", "D"] as const;
type Column = (typeof COLUMNS)[number];

const rows = ROUTES.trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [route, cells] = line.split("|").map((s) => s.trim());
    const allowed = Object.fromEntries(COLUMNS.map((col, i) => [col, cells!.split(/\s+/)[i] === "+"])) as Record<Column, boolean>;
    return { route: route!, allowed };
  });

let t: TestApp;
const agents = {} as Record<Column, Agent>;
const params: Record<string, string> = {};

beforeAll(async () => {
  t = await makeTestApp();
  const c = await workedCase(t, { to: "mediating" });
  const supervisor = { id: userId(t.db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
  const now = new Date("2026-11-23T02:00:00Z");
  const worker = c.workers[0]!;
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
      amounts: [{ workerId: worker.id, amountFen: worker.claimed_fen }],
    },
    actor: supervisor,
    now,
  });
  transition(t.db, { caseId: c.id, move: "mediationFailed", note: "单位反悔", version: c.version(), actor: supervisor, now });
  issueOrder(t.db, {
    caseId: c.id,
    version: c.version(),
    payBy: "2026-11-30",
    facts: "拖欠工资",
    amounts: [{ workerId: worker.id, amountFen: worker.claimed_fen }],
    numberPrefix: "测试令",
    actor: supervisor,
    now,
  });
  const zjj = findUnitByName(t.db, "市住建局")!.id;
  escalateCase(t.db, {
    caseId: c.id,
    version: c.version(),
    input: { grounds: ["manyWorkers"], reason: "涉及人数多", tasks: [{ unitId: zjj, request: "核查", workingDays: 5 }] },
    actor: supervisor,
    now,
  });
  mkdirSync(t.evidenceDir, { recursive: true });
  writeFileSync(join(t.evidenceDir, "matrix-evidence.pdf"), "%PDF-1.4");
  addEvidence(t.db, {
    caseId: c.id,
    files: [{ storedName: "matrix-evidence.pdf", originalName: "证据.pdf", mimeType: "application/pdf", size: 8, sha256: "0".repeat(64) }],
    description: "",
    actor: supervisor,
    now,
  });
  await createUser(
    t.db,
    { username: "unit_gaj", displayName: "公安联络员", role: "unit", unitId: findUnitByName(t.db, "市公安局")!.id, officeId: 1, password: "demo1234" },
    null,
  );
  const victim = await createUser(
    t.db,
    { username: "victim", displayName: "被改的用户", role: "clerk", unitId: null, officeId: 1, password: "demo1234" },
    null,
  );
  const one = (sql: string, ...args: unknown[]) =>
    String(
      t.db.$client
        .prepare(sql)
        .pluck()
        .get(...args),
    );
  Object.assign(params, {
    id: String(c.id),
    evidenceId: one("select id from evidence where case_id = ?", c.id),
    kind: "rejection",
    orderId: one("select id from payment_orders where case_id = ?", c.id),
    mediationId: one("select id from mediations where case_id = ?", c.id),
    year: "2030",
    format: "csv",
    table: "districts",
  });
  const taskId = one("select id from task_force_tasks where case_id = ?", c.id);
  const victimId = String(victim.id);
  // A blacklist proceeding on the case (on incident grounds, a week after the order's pay-by date) and a draft 重大违法 batch.
  const proceedingId = String(
    proposeListing(t.db, {
      input: {
        caseId: c.id,
        orderId: Number(params.orderId),
        grounds: { kind: "incident", description: "围堵项目部" },
        facts: "逾期未付",
        persons: [{ role: "legalRep", name: "赵某", idNumber: idNumber(700) }],
      },
      thresholds: { oneWorkerFen: 1_000_000, groupFen: 5_000_000 },
      actor: supervisor,
      now: new Date("2026-12-07T02:00:00Z"),
    }),
  );
  const batchId = String(createBatch(t.db, { kind: "adhoc", title: "矩阵测试", quarterKey: "", actor: supervisor, now }));
  params.entryId = "999999";
  params.serviceId = "999999";
  agents.A = browser(t.app);
  for (const [col, username] of [
    ["C", "clerk1"],
    ["I", "inspector1"],
    ["O", "inspector3"],
    ["S", "supervisor1"],
    ["B", "supervisor_cy"],
    ["K", "clerk_cy"],
    ["N", "supervisor_ng"],
    ["Q", "clerk_ng"],
    ["J", "inspector_ng"],
    ["L", "unit_zjj"],
    ["X", "unit_gaj"],
    ["D", "admin"],
  ] as const) {
    agents[col] = await loginAs(t.app, username);
  }
  // The :id of task, user and office routes is a task, a throwaway user and an office, not the case.
  pathFor = (route) => {
    const [, path] = route.split(" ") as [string, string];
    const id = path.startsWith("/blacklist/")
      ? proceedingId
      : path.startsWith("/violations/")
        ? batchId
        : path.startsWith("/tasks/")
          ? taskId
          : path.startsWith("/admin/users/")
            ? victimId
            : path.startsWith("/admin/units/")
              ? String(findUnitByName(t.db, "市水利局")!.id)
              : path.startsWith("/admin/offices/")
                ? one("select id from offices where name = '南关区劳动保障监察大队'")
                : params.id!;
    return path.replace(/:(\w+)/g, (_, name: string) => (name === "id" ? id : params[name]!));
  };
});

let pathFor: (route: string) => string;

function refused(res: request.Response): boolean {
  return res.status === 403 || (res.status === 303 && String(res.headers.location).startsWith("/login?redirectTo="));
}

describe("the route matrix", () => {
  it("has exactly one row for every route the app answers", () => {
    const listed = rows.map((r) => r.route).sort();
    expect(listed).toEqual([...new Set(appRoutes(t.app))].sort());
  });

  describe.each(rows)("$route", ({ route, allowed }) => {
    it.each(COLUMNS)("%s", async (col) => {
      const [method] = route.split(" ");
      const path = pathFor(route);
      const agent = agents[col];
      const res = method === "GET" ? await agent.get(path) : await agent.post(path).type("form").send({});
      expect(res.status, `${route} as ${col}`).toBeLessThan(500);
      expect(refused(res) ? "-" : "+", `${route} as ${col}: ${res.status}`).toBe(allowed[col] ? "+" : "-");
    });
  });
});
