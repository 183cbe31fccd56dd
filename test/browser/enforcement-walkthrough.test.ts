/**
 * The law after the decision, walked through in a real browser (issue 25): 限期改正指令书 → its service → 事先告知书 →
 * its service → 行政处理决定 → its service → the remedy windows run out → 催告书 → its service → 10 days → the application
 * to the court, then the supervisors' court clock. Screenshots of the 送达回证 of the order and the case page at the court.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assignInspectors, transition } from "../../src/models/cases.js";
import { makeCase, userId, workerInput } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

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
  expect(await page.locator(".field-error, .alert-error").count(), await page.locator("main").innerText()).toBe(0);
}

describe("order → service → decision → service → 催告 → court application", () => {
  it("runs every clock from the recorded service and ends at the court", async () => {
    const server = env.server();
    const { db, url } = server;
    server.clock.now = at("2026-11-23");
    const { id } = makeCase(db, { receivedOn: "2026-11-23", employerName: "长春市示范劳务有限公司", workers: [workerInput(1, { claimedFen: 850_000 })] });
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
    const one = (sql: string) => db.$client.prepare(sql).pluck().get() as number;
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1100, height: 1000 } });
    const caseUrl = `${url}/cases/${id}`;
    const on = async (date: string, username = "inspector1") => {
      server.clock.now = at(date);
      await signIn(page, url, username);
      await page.goto(caseUrl);
    };

    // Mon 11-23: the order, then its service; until then it shows 待送达.
    await on("2026-11-23");
    await send(page, "下达限期改正指令书", "order", { "order-payBy": "2026-11-30" });
    const orderId = one("select id from payment_orders");
    expect(await page.locator(`[data-order-status]`).getAttribute("data-order-status")).toBe("awaitingService");
    await send(page, "登记指令书送达", `order-service-${orderId}`, { [`order-service-${orderId}-receiver`]: "王经理（项目负责人）" });
    expect(await page.locator(`[data-order-served]`).getAttribute("data-order-served")).toBe("2026-11-23");
    await page.click(`a[href="/cases/${id}/orders/${orderId}/services/${one("select id from document_services where document = 'paymentOrder'")}"]`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("article.doc").textContent()).toContain("劳动保障监察限期改正指令书");
    await screenshot(page, "walk-1-order-service-receipt");
    await page.emulateMedia({ media: "screen" });

    // Tue 12-01, the order unpaid past its date: the 事先告知书 and its service.
    await on("2026-12-01");
    await send(
      page,
      "下达事先告知书",
      `prior-notice-${orderId}`,
      { [`prior-notice-${orderId}-grounds`]: "工资表、考勤记录" },
      { [`prior-notice-${orderId}-kind`]: "decision" },
    );
    const noticeId = one("select id from prior_notices");
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
    const actionId = one("select id from enforcement_actions");

    // Mon 12-14: the decision served; the remedy windows run from it.
    await on("2026-12-14");
    await send(page, "登记行政处理决定书送达", `decision-service-${actionId}`, { [`decision-service-${actionId}-receiver`]: "王经理" });
    expect(await page.locator('[data-remedy="lawsuit"]').getAttribute("data-remedy-status")).toBe("open");

    // Tue 2027-06-15, both windows over, still unpaid: the 催告书, served on Wed 06-16.
    await on("2027-06-15");
    await submit(page, `demand-${actionId}`);
    const demandId = one("select id from demand_notices");
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
