/**
 * The law after the decision, walked through in a real browser (issue 25): 限期改正指令书 → its service → 事先告知书 →
 * its service → 行政处理决定 → its service → the remedy windows run out → 催告书 → its service → 10 days → the application
 * to the court, then the supervisors' court clock. Screenshots of the 送达回证 of the order and the case page at the court.
 * And a 复议 that revokes the decision: the listing resting on it and the published 重大违法 entry flow back.
 */
import type { Page } from "playwright-core";
import type { Running } from "./support.js";
import { describe, expect, it } from "vitest";
import { assignInspectors, transition } from "../../src/models/cases.js";
import { makeCase, userId, workerInput } from "../helpers.js";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function submit(page: Page, form: string) {
  await Promise.all([page.waitForNavigation(), page.click(`#${form} button[type=submit]`)]);
}

/** Opens the <details> whose summary says `summary`, fills `fields` (id → value) and sends the form. */
async function send(page: Page, summary: string | null, form: string, fields: Record<string, string> = {}, selects: Record<string, string> = {}) {
  if (summary) await page.click(`summary:has-text("${summary}")`);
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
  for (const [id, value] of Object.entries(selects)) await page.selectOption(`#${id}`, value);
  await submit(page, form);
  expect(await page.locator(`[role=alert].alert-error, #${form} .field-error`).allInnerTexts()).toEqual([]);
}

/** A filed case of 2026-11-23 (¥8,500 claimed), worked by inspector1 and inspector2. */
function filedCase(server: Running, employerName: string): number {
  const { db } = server;
  server.clock.now = at("2026-11-23");
  const { id } = makeCase(db, { receivedOn: "2026-11-23", employerName, workers: [workerInput(1, { claimedFen: 850_000 })] });
  const supervisor = { id: userId(db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
  assignInspectors(db, {
    caseId: id,
    leadId: userId(db, "inspector1"),
    secondId: userId(db, "inspector2"),
    version: 1,
    actor: supervisor,
    now: server.clock.now,
  });
  transition(db, { caseId: id, move: "file", note: "", version: 2, actor: supervisor, now: server.clock.now });
  return id;
}

/** A page signed in on a date at the case page, and the case's rows by table (the server holds every test's cases). */
function onCase(server: Running, page: Page, caseId: number) {
  const on = async (date: string, username = "inspector1") => {
    server.clock.now = at(date);
    await signIn(page, server.url, username);
    await page.goto(`${server.url}/cases/${caseId}`);
  };
  const idIn = (table: string, where = "") =>
    server.db.$client.prepare(`select id from ${table} where case_id = ? ${where} order by id desc`).pluck().get(caseId) as number;
  return { on, idIn };
}

/**
 * In the browser: the order of Mon 11-23 (待送达 until served the same day), the 事先告知书 of Tue 12-01 served the same
 * day, no statement, the 行政处理决定 of Wed 12-09, served Mon 12-14. `atOrderService` runs once the order is served.
 */
async function walkToServedDecision(server: Running, page: Page, caseId: number, atOrderService: (orderId: number) => Promise<void> = async () => {}) {
  const { on, idIn } = onCase(server, page, caseId);
  await on("2026-11-23");
  await send(page, "下达限期改正指令书", "order", { "order-payBy": "2026-11-30" });
  const orderId = idIn("payment_orders");
  expect(await page.locator(`[data-order-status]`).getAttribute("data-order-status")).toBe("awaitingService");
  await send(page, "登记指令书送达", `order-service-${orderId}`, { [`order-service-${orderId}-receiver`]: "王经理（项目负责人）" });
  expect(await page.locator(`[data-order-served]`).getAttribute("data-order-served")).toBe("2026-11-23");
  await atOrderService(orderId);

  // Tue 12-01, the order unpaid past its date: the 事先告知书 and its service.
  await on("2026-12-01");
  await send(
    page,
    "下达事先告知书",
    `prior-notice-${orderId}`,
    { [`prior-notice-${orderId}-grounds`]: "工资表、考勤记录" },
    { [`prior-notice-${orderId}-kind`]: "decision" },
  );
  const noticeId = idIn("prior_notices");
  await send(page, "登记事先告知书送达", `prior-notice-service-${noticeId}`, { [`prior-notice-service-${noticeId}-receiver`]: "王经理" });
  expect(await page.locator("[data-statement-due]").getAttribute("data-statement-due")).toBe("2026-12-08");

  // Wed 12-09: no statement came; the decision.
  await on("2026-12-09");
  await send(page, null, `prior-notice-statement-${noticeId}`, {}, { [`prior-notice-statement-${noticeId}-kind`]: "none" });
  await send(
    page,
    "逾期未支付的处理",
    `enforce-${orderId}`,
    { [`enforce-${orderId}-note`]: "责令支付拖欠的工资" },
    { [`enforce-${orderId}-kind`]: "decision" },
  );
  const actionId = idIn("enforcement_actions");

  // Mon 12-14: the decision served; the remedy windows run from it.
  await on("2026-12-14");
  await send(page, "登记行政处理决定书送达", `decision-service-${actionId}`, { [`decision-service-${actionId}-receiver`]: "王经理" });
  expect(await page.locator('[data-remedy="lawsuit"]').getAttribute("data-remedy-status")).toBe("open");
  return { orderId, actionId };
}

describe("order → service → decision → service → 催告 → court application", () => {
  it("runs every clock from the recorded service and ends at the court", async () => {
    const server = env.server();
    const { url } = server;
    const id = filedCase(server, "长春市示范劳务有限公司");
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1100, height: 1000 } });
    const { on, idIn } = onCase(server, page, id);
    const { actionId } = await walkToServedDecision(server, page, id, async (orderId) => {
      await page.click(`a[href="/cases/${id}/orders/${orderId}/services/${idIn("document_services", "and document = 'paymentOrder'")}"]`);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("article.doc").textContent()).toContain("劳动保障监察限期改正指令书");
      await screenshot(page, "walk-1-order-service-receipt");
      await page.emulateMedia({ media: "screen" });
    });

    // Tue 2027-06-15, both windows over, still unpaid: the 催告书, served on Wed 06-16.
    await on("2027-06-15");
    await submit(page, `demand-${actionId}`);
    const demandId = idIn("demand_notices");
    await on("2027-06-16");
    await send(page, "登记催告书送达", `demand-service-${demandId}`, { [`demand-service-${demandId}-receiver`]: "王经理" });
    expect(await page.locator("[data-demand-runs-out]").getAttribute("data-demand-runs-out")).toBe("2027-06-29");

    // Tue 06-29, the 10 days run: the supervisors' court clock lists the decision, linked to it; the application.
    server.clock.now = at("2027-06-29");
    await signIn(page, url, "supervisor1");
    await page.goto(`${url}/dashboard`);
    const row = page.locator("[data-court-clock]");
    expect(await row.textContent()).toContain("可以申请强制执行");
    expect(await row.locator("a").getAttribute("href")).toBe(`/cases/${id}#decision-${actionId}`);
    await page.locator("#court-clocks").scrollIntoViewIfNeeded();
    await screenshot(page, "walk-2-dashboard-court-clock");
    await Promise.all([page.waitForNavigation(), row.locator("a").click()]);
    await page.click('summary:has-text("登记申请人民法院强制执行")');
    await page.fill(`#court-${actionId}-court`, "长春市朝阳区人民法院");
    await submit(page, `court-${actionId}`);
    expect(await page.locator("[data-court-application]").getAttribute("data-court-application")).toBe("pending");
    await page.locator(`#decision-${actionId}`).scrollIntoViewIfNeeded();
    await screenshot(page, "walk-3-court-application");
    await page.goto(`${url}/dashboard`);
    expect(await page.locator("[data-court-clock]").count()).toBe(0);
    await page.close();
  }, 240_000);
});

describe("a 复议 revokes the decision", () => {
  it("refuses the 催告 while the 复议 is pending, then revokes the listing and withdraws the published entry", async () => {
    const server = env.server();
    const { url } = server;
    const employer = "长春市撤销示范建筑有限公司";
    const id = filedCase(server, employer);
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1100, height: 1000 } });
    const { on, idIn } = onCase(server, page, id);
    const { orderId, actionId } = await walkToServedDecision(server, page, id);
    const decisionNumber = server.db.$client.prepare("select doc_number from enforcement_actions where id = ?").pluck().get(actionId) as string;

    // What rests on the decision, written directly as in test/routes/decision-remedies.test.ts (the blacklist and
    // 重大违法 procedures have their own tests): a listing on its order and a published 重大违法 entry of the case.
    const db = server.db.$client;
    db.prepare(
      `insert into blacklist_proceedings (case_id, order_id, stage, employer_name, grounds, unpaid_fen, unpaid_workers, facts, proposed_on,
         decision_number, decision_on, term_starts_on, term_ends_on, updated_at)
       values (?, ?, 'listed', ?, 'incident', 850000, 1, '逾期未付', '2026-12-10', '长人社监列〔2026〕9号', '2026-12-14', '2026-12-14', '2029-12-13', 0)`,
    ).run(id, orderId, employer);
    const listingId = idIn("blacklist_proceedings");
    const batchId = db
      .prepare("insert into violation_batches (title, kind, published_on, updated_at) values ('2026年第四季度（撤销示范）', 'adhoc', '2026-12-14', 0)")
      .run().lastInsertRowid;
    db.prepare("insert into violation_entries (batch_id, case_id, employer_name, facts, handling, updated_at) values (?, ?, ?, '拖欠工资', '责令支付', 0)").run(
      batchId,
      id,
      employer,
    );
    const publicText = async (path: string) => {
      await page.goto(url + path);
      return page.locator("main").innerText();
    };
    expect(await publicText("/public/blacklist")).toContain(employer);
    expect(await publicText("/public/violations")).toContain(employer);

    // Tue 2027-01-05: the employer applied for 复议 on 01-04; the inspector records it, pending.
    await on("2027-01-05");
    await send(
      page,
      "登记用人单位申请复议或提起诉讼",
      `remedy-${actionId}`,
      { [`remedy-${actionId}-on`]: "2027-01-04", [`remedy-${actionId}-body`]: "长春市人民政府", [`remedy-${actionId}-number`]: "长府复〔2027〕3号" },
      { [`remedy-${actionId}-kind`]: "reconsideration" },
    );
    const filing = page.locator("[data-remedy-filing]");
    expect(await filing.getAttribute("data-remedy-outcome")).toBe("pending");
    expect(await filing.textContent()).toContain("审理中");
    const remedyId = idIn("decision_remedies");

    // Tue 06-15, both windows over with the 复议 still pending (中止): no 催告, the page says why; no court clock.
    await on("2027-06-15");
    expect(await page.locator(`#demand-${actionId}`).count()).toBe(0);
    expect(await page.locator("[data-demand-refusal]").textContent()).toContain("复议（诉讼）审理中，不能催告或申请强制执行");
    await signIn(page, url, "supervisor1");
    await page.goto(`${url}/dashboard`);
    expect(await page.locator(`[data-court-clock] a[href="/cases/${id}#decision-${actionId}"]`).count()).toBe(0);

    // The supervisor records the outcome: 撤销, decided 06-10.
    await page.goto(`${url}/cases/${id}`);
    await send(
      page,
      "登记行政复议结果",
      `remedy-outcome-${remedyId}`,
      { [`remedy-outcome-${remedyId}-on`]: "2027-06-10", [`remedy-outcome-${remedyId}-note`]: "认定事实不清" },
      { [`remedy-outcome-${remedyId}-outcome`]: "revoked" },
    );
    expect(await filing.getAttribute("data-remedy-outcome")).toBe("revoked");
    expect(await filing.textContent()).toContain("结果：撤销");
    expect(await page.locator("[data-decision-revoked]").getAttribute("data-decision-revoked")).toBe("2027-06-10");
    expect(await page.locator("[data-performance]").count()).toBe(0);
    expect(await page.locator(`#remedy-${actionId}`).count()).toBe(0);
    expect(await page.locator("[data-demand-refusal]").textContent()).toContain("撤销，不能催告或申请强制执行");
    expect(await page.locator(`#demand-${actionId}`).count()).toBe(0);
    const decision = page.locator(`#decision-${actionId}`);
    await decision.scrollIntoViewIfNeeded();
    await screenshot(page, "walk-4-decision-revoked");
    await page.setViewportSize({ width: 390, height: 844 });
    await decision.screenshot({ path: `${SCREENSHOTS}/walk-4-decision-revoked-phone.png` });
    await page.setViewportSize({ width: 1100, height: 1000 });

    // The listing removed as 撤销列入 with the outcome as its reason; gone from the public list, the feed says why.
    const reason = `${decisionNumber}经行政复议（长府复〔2027〕3号）被撤销：认定事实不清`;
    await page.goto(`${url}/blacklist/${listingId}`);
    expect(await page.locator("#removal").textContent()).toContain(`撤销列入，2027年6月15日：${reason}`);
    await screenshot(page, "walk-5-listing-revoked");
    expect(await publicText("/public/blacklist")).not.toContain(employer);
    expect(await (await page.request.get(`${url}/public/blacklist.atom`)).text()).toContain("撤销列入，2027-06-15 起不再公示");
    await screenshot(page, "walk-6-public-blacklist");

    // The 重大违法 entry withdrawn with the reason: marked on the supervisors' batch page, gone from the public one.
    await page.goto(`${url}/violations/${batchId}`);
    const entry = page.locator("#entries article", { hasText: employer });
    expect(await entry.textContent()).toContain("已撤回");
    expect(await entry.textContent()).toContain(reason);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, "walk-7-violation-withdrawn");
    expect(await publicText("/public/violations")).not.toContain(employer);
    await page.close();
  }, 240_000);
});
