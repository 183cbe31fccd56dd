/**
 * Every route × every kind of viewer, read as a table. A cell is "+" when the viewer gets past the
 * permission checks (whatever the answer then is: a page, a redirect after saving, or a 4xx for the empty
 * form this test sends), "-" when refused (403, or the login page for a visitor). No answer may be a 5xx.
 * The routes are read from the app itself: a new route without a row fails the test (a section's own form
 * has its row made from its move, below).
 *
 * Columns: A anonymous · C the clerk who registered the case (at the city's window) · I its lead inspector · O another
 * inspector · S the city's supervisor (市本级) · B the supervisor of the office that has the case (朝阳区) · K a clerk of
 * that office · N, Q, J the supervisor, clerk and inspector of another office (南关区): 属地管理, they may neither read
 * nor change anything of the case (every case route is "-") · L the liaison of the unit tasked on the case · X a
 * liaison of another unit · D admin.
 *
 * The lists that predate offices have a second table (LISTS): "+" the page shows the row resting on the case,
 * "0" the page answers without it (the row belongs to another office), "-" refused.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { getMove } from "../../src/domain/case-states.js";
import type { Role } from "../../src/domain/roles.js";
import { CASE_SECTIONS } from "../../src/http/case-page.js";
import { submitReport } from "../../src/models/reports.js";
import { addEvidence } from "../../src/models/cases.js";
import { escalateCase } from "../../src/models/task-force.js";
import { findUnitByName } from "../../src/models/units.js";
import { createUser } from "../../src/models/users.js";
import { addEntry, createBatch } from "../../src/models/violations.js";
import { recordPersonalDataExport, recordPersonalDataView } from "../../src/models/personal-data-views.js";
import {
  appRoutes,
  browser,
  loginAs,
  makeTestApp,
  orderAfterFailedMediation,
  proposeOnIncident,
  userId,
  workedCase,
  type Agent,
  type TestApp,
} from "../helpers.js";
import { createProject } from "../../src/models/projects.js";
import { createAction } from "../../src/models/special-actions.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { usccCheckChar } from "../../src/domain/identifiers.js";

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
GET /complaint/worker-row                         | + + + + + + + + + + + + +
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
POST /cases/:id/employer                          | - - + - + + - - - - - - -
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
GET /cases/:id/police-referrals/:actionId         | - + + - + + - - - - - - -
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
POST /violations                                  | - - - - + - - - - - - - -
GET /violations/:id                               | - - - - + + - + - - - - -
POST /violations/:id/entries                      | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId             | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId/drop        | - - - - + + - + - - - - -
POST /violations/:id/entries/:entryId/withdraw    | - - - - + + - + - - - - -
POST /violations/:id/publish                      | - - - - + - - - - - - - -
GET /employers                                    | - + + + + + + + + + - - -
GET /employers/record                             | - + + + + + + + + + - - -
GET /employers/check                              | - + + + + + + + + + - - -
GET /dashboard                                    | - - - - + + - + - - - - -
GET /dashboard/clearance                          | - - - - + + - + - - - - -
GET /dashboard/inspectors                         | - - - - + + - + - - - - -
GET /dashboard/charts/:width.svg                  | - - - - + + - + - - - - -
GET /dashboard/inspectors/charts/:width.svg       | - - - - + + - + - - - - -
GET /statistics                                   | - - - - + + - + - - - - -
GET /statistics/charts/:name.svg                  | - - - - + + - + - - - - -
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
POST /query/rating                                | + + + + + + + + + + + + +
GET /followups                                    | - - - - + + - + - - - - -
POST /cases/:id/followup                          | - - - - + + - - - - - - -
GET /report                                       | + + + + + + + + + + + + +
POST /report                                      | + + + + + + + + + + + + +
GET /report/done                                  | + + + + + + + + + + + + +
GET /reports                                      | - + + + + + + + + + - - -
GET /reports/new                                  | - + + + + + + + + + - - -
POST /reports                                     | - + + + + + + + + + - - -
GET /reports/:id                                  | - - + - + + + - - - - - -
POST /reports/:id/assign                          | - - - - - + - - - - - - -
POST /reports/:id/file                            | - - + - - + - - - - - - -
POST /reports/:id/close                           | - - + - - + - - - - - - -
GET /findings/new                                 | - - + + + + - + - + - - -
POST /findings                                    | - - + + + + - + - + - - -
POST /cases/:id/advances                          | - - + - + + - - - - - - -
POST /cases/:id/advances/decision                 | - - - - + + - - - - - - -
POST /cases/:id/advances/payment                  | - - - - + + - - - - - - -
POST /cases/:id/advances/recovery                 | - - + - + + - - - - - - -
GET /funds                                        | - - - - + + - + - - - - -
GET /funds/:officeId                              | - - - - + + - - - - - - -
POST /funds/:officeId/capital                     | - - - - + + - - - - - - -
POST /funds/:officeId/adjustments                 | - - - - + + - - - - - - -
GET /exports/funds.xlsx                           | - - - - + + - + - - - - -
GET /admin/outbox                                 | - - - - - - - - - - - - +
POST /admin/outbox/send                           | - - - - - - - - - - - - +
POST /admin/outbox/:id/resend                     | - - - - - - - - - - - - +
POST /admin/outbox/:id/posted                     | - - - - - - - - - - - - +
GET /projects                                     | - + + + + + + + + + - - -
GET /projects/new                                 | - - + + + + - + - + - - -
POST /projects                                    | - - + + + + - + - + - - -
POST /projects/import                             | - - + + + + - + - + - - -
GET /projects/:id                                 | - + + + + + + - - - - - -
GET /projects/:id/edit                            | - - + + + + - - - - - - -
POST /projects/:id                                | - - + + + + - - - - - - -
POST /projects/:id/guarantee-uses                 | - - + + + + - - - - - - -
POST /projects/:id/guarantee-uses/:useId/top-up   | - - + + + + - - - - - - -
GET /actions                                      | - - + + + + - + - + - - -
POST /actions                                     | - - - - + + - + - - - - -
GET /actions/:id                                  | - - + + + + - - - - - - -
GET /exports/actions/:id.xlsx                     | - - + + + + - - - - - - -
POST /actions/:id/groups                          | - - - - + + - - - - - - -
POST /actions/:id/inspections                     | - - + + + + - - - - - - -
POST /actions/:id/inspections/:inspectionId/risks | - - + + + + - - - - - - -
POST /actions/:id/risks/:riskId/payments          | - - + + + + - - - - - - -
POST /actions/:id/risks/:riskId/resolve           | - - + + + + - - - - - - -
POST /actions/:id/risks/:riskId/file              | - - + + + + - - - - - - -
POST /cases/:id/orders/:orderId/service           | - - + - + + - - - - - - -
GET /cases/:id/orders/:orderId/services/:serviceId | - + + - + + - - - - - - -
GET /cases/:id/prior-notices/:noticeId/services/:serviceId | - + + - + + - - - - - - -
GET /cases/:id/notices/:kind/services/:serviceId  | - + + - + + - - - - - - -
GET /cases/:id/inquiries/:inquiryId               | - + + - + + - - - - - - -
GET /risks                                        | - - + + + + - + - + - - -
POST /cases/:id/payments/table                    | - - + - + + - - - - - - -
POST /blacklist/:id/removal-service               | - - + - + + - - - - - - -
GET /blacklist/:id/removal                        | - - + - + + - - - - - - -
GET /cases/:id/office-transfers/:moveId           | - + + - + + - - - - - - -
GET /cases/:id/department-transfers/:transferId   | - + + - + + - - - - - - -
GET /transfers                                    | - - - - + + - + - - - - -
POST /logout                                      | + + + + + + + + + + + + +
`;

/** The rows of the matrix's case (in 朝阳) on the lists that predate offices: the city and 朝阳 see them, 南关 does not. */
const LISTS = `
list                                  | the case's row shows as           | A C I O S B K N Q J L X D
GET /employers?q=:employerName        | href="/employers/record?          | - + + + + + + 0 0 0 - - -
GET /employers/record?uscc=:uscc      | href="/cases/:id"                 | - + + + + + + 0 0 0 - - -
GET /blacklist                        | data-proceeding=":proceedingId"   | - - + + + + - 0 - 0 - - -
GET /violations                       | data-batch=":batchId" data-entries="1" | - - - - + + - 0 - - - - -
GET /violations/:batchId              | id="entry-:entryId"               | - - - - + + - 0 - - - - -
GET /personal-data-views              | data-view=":viewId"               | - - - - + + - 0 - - - - -
GET /personal-data-views?export       | data-export=":exportId"           | - - - - + + - 0 - - - - -
`;

const COLUMNS = ["A", "C", "I", "O", "S", "B", "K", "N", "Q", "J", "L", "X", "D"] as const;
type Column = (typeof COLUMNS)[number];

const listedRows = ROUTES.trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [route, cells] = line.split("|").map((s) => s.trim());
    const allowed = Object.fromEntries(COLUMNS.map((col, i) => [col, cells!.split(/\s+/)[i] === "+"])) as Record<Column, boolean>;
    return { route: route!, allowed };
  });

const usernames: Record<Exclude<Column, "A">, string> = {
  C: "clerk1",
  I: "inspector1",
  O: "inspector3",
  S: "supervisor1",
  B: "supervisor_cy",
  K: "clerk_cy",
  N: "supervisor_ng",
  Q: "clerk_ng",
  J: "inspector_ng",
  L: "unit_zjj",
  X: "unit_gaj",
  D: "admin",
};
/**
 * A section's own form (src/sections/section.ts) needs no row: the rule of its move is stated in the
 * section's test (test/domain/activity-moves.ts), and its route is open to the people working the case whose
 * role makes the move — C the clerk who registered it, I its lead inspector, S and B the supervisors — and to
 * nobody else: not another inspector, no one of another office, no liaison, not the admin, not a visitor.
 */
const WORKING_ROLE: Partial<Record<Column, Role>> = { C: "clerk", I: "inspector", S: "supervisor", B: "supervisor" };
const sectionRows = CASE_SECTIONS.flatMap((s) => [...(s.action ? [s.action] : []), ...(s.actions ?? [])])
  .map((action) => {
    const by: readonly Role[] = getMove(action.move)!.by;
    const allowed = Object.fromEntries(COLUMNS.map((col) => [col, WORKING_ROLE[col] !== undefined && by.includes(WORKING_ROLE[col])])) as Record<
      Column,
      boolean
    >;
    return { route: `POST /cases/:id/${action.path}`, allowed };
  })
  .filter((row) => !listedRows.some((listed) => listed.route === row.route));
// Before the listed rows: some of those end the viewers' sessions (退出, 改密码).
const rows = [...sectionRows, ...listedRows];

let t: TestApp;
const agents = {} as Record<Column, Agent>;
const params: Record<string, string> = {};

beforeAll(async () => {
  t = await makeTestApp();
  const c = await workedCase(t, { to: "mediating" });
  const supervisor = { id: userId(t.db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
  const now = new Date("2026-11-23T02:00:00Z");
  orderAfterFailedMediation(t, c, supervisor, now);
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
    width: "wide",
    name: "flow",
    officeId: one("select office_id from cases where id = ?", c.id),
  });
  const taskId = one("select id from task_force_tasks where case_id = ?", c.id);
  const victimId = String(victim.id);
  // A blacklist proceeding on the case (on incident grounds, a week after the order's pay-by date) and a draft 重大违法 batch.
  const proceedingId = String(proposeOnIncident(t, c.id, Number(params.orderId), supervisor));
  const batchId = String(createBatch(t.db, { kind: "adhoc", title: "矩阵测试", quarterKey: "", actor: supervisor, now }));
  // A report to the case's office (朝阳区), verified by inspector1 of the city office.
  const reportId = String(
    submitReport(
      t.db,
      {
        channel: "window",
        employerName: "某公司",
        employerAddress: "",
        district: "朝阳区",
        whatSeen: "欠薪",
        reporterName: "举报人",
        reporterContact: "13900000000",
      },
      { actorId: null, now, verifyDays: 5 },
    ).id,
  );
  t.db.$client.prepare("update reports set inspector_id = ? where id = ?").run(userId(t.db, "inspector1"), reportId);
  addEntry(t.db, { batchId: Number(batchId), version: 1, caseId: c.id, actor: supervisor, now });
  const caseRow = t.db.$client.prepare("select employer_name, employer_uscc from cases where id = ?").get(c.id) as {
    employer_name: string;
    employer_uscc: string;
  };
  Object.assign(listParams, {
    id: String(c.id),
    employerName: encodeURIComponent(caseRow.employer_name),
    uscc: caseRow.employer_uscc,
    proceedingId,
    batchId,
    entryId: one("select id from violation_entries where case_id = ?", c.id),
    exportId: String(recordPersonalDataExport(t.db, { userId: userId(t.db, "supervisor_cy"), filter: "矩阵测试", now })),
  });
  // A project and a special action of 朝阳区 (the office that has the case): 属地管理 keeps 南关区 out of both.
  const cy = viewerOfUsername(t.db, "supervisor_cy");
  const projectId = String(
    createProject(
      t.db,
      {
        name: "矩阵测试项目",
        address: "",
        district: "朝阳区",
        builderName: "某置业",
        builderUscc: null,
        contractorName: "某建工",
        contractorUscc: "91220101MA0Y123400".slice(0, 17) + usccCheckChar("91220101MA0Y12340".slice(0, 17)),
        subcontractors: [],
        contractFen: 100_000_000,
        startOn: "2026-03-01",
        endOn: null,
        wageAccountBank: "",
        wageAccountOpenedOn: null,
        realName: false,
        contractorPays: false,
        guaranteeForm: null,
        guaranteeFen: 0,
        guarantor: "",
        guaranteeFrom: null,
        guaranteeUntil: null,
        noticeBoard: false,
      },
      cy,
      now,
    ),
  );
  const actionId = String(createAction(t.db, { name: "矩阵测试行动", startsOn: "2026-11-01", endsOn: "2026-12-31", scope: "辖区" }, cy, now));
  params.entryId = "999999";
  params.useId = "999999";
  params.inspectionId = "999999";
  params.riskId = "999999";
  params.serviceId = "999999";
  params.moveId = "999999";
  params.transferId = "999999";
  agents.A = browser(t.app);
  for (const col of COLUMNS) if (col !== "A") agents[col] = await loginAs(t.app, usernames[col]);
  // The :id of task, user and office routes is a task, a throwaway user and an office, not the case.
  pathFor = (route) => {
    const [, path] = route.split(" ") as [string, string];
    const id = path.startsWith("/reports/")
      ? reportId
      : path.startsWith("/projects/")
        ? projectId
        : path.startsWith("/actions/") || path.startsWith("/exports/actions/")
          ? actionId
          : path.startsWith("/blacklist/")
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
const listParams: Record<string, string> = {};

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

describe("the lists that predate offices: no row of another office's case", () => {
  const lists = LISTS.trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [list, marker, cells] = line.split("|").map((s) => s.trim());
      return { list: list!, marker: marker!, expected: Object.fromEntries(COLUMNS.map((col, i) => [col, cells!.split(/\s+/)[i]!])) as Record<Column, string> };
    });
  const fill = (text: string) => text.replace(/:(\w+)/g, (_, name: string) => listParams[name]!);
  // The matrix ends with POST /logout: everyone signs in again. The view of the case is recorded last, so it leads the log.
  beforeAll(async () => {
    recordPersonalDataView(t.db, { caseId: Number(listParams.id), userId: userId(t.db, "supervisor_cy"), page: "案件页", now: t.clock.now });
    listParams.viewId = String(t.db.$client.prepare("select max(id) from personal_data_views").pluck().get());
    for (const col of COLUMNS) if (col !== "A") agents[col] = await loginAs(t.app, usernames[col as Exclude<Column, "A">]);
  });

  describe.each(lists)("$list", ({ list, marker, expected }) => {
    it.each(COLUMNS)("%s", async (col) => {
      const res = await agents[col].get(fill(list.split(" ")[1]!));
      expect(res.status, `${list} as ${col}`).toBeLessThan(500);
      const seen = refused(res) ? "-" : res.status === 200 && res.text.includes(fill(marker)) ? "+" : "0";
      expect(seen, `${list} as ${col}: ${res.status}`).toBe(expected[col]);
    });
  });
});
