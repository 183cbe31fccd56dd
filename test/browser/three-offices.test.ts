import type { Page } from "playwright-core";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shanghaiDate, addDays } from "../../src/domain/dates.js";
import { loadCalendar } from "../../src/models/calendar.js";
import { createUser } from "../../src/models/users.js";
import { findUnitByName } from "../../src/models/units.js";
import { makeCase, userId, workerInput } from "../helpers.js";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

/** A case registered today by clerk1 and assigned (through the page) to inspector1 + inspector2. */
async function assignedCase(page: Page, workers = [workerInput(1), workerInput(2, { isRepresentative: false, claimedFen: 420000 })]) {
  const server = env.server();
  const today = shanghaiDate(server.clock.now);
  const { id } = makeCase(server.db, { receivedOn: today, workers }, { now: server.clock.now });
  await signIn(page, server.url, "supervisor1");
  await page.goto(`${server.url}/cases/${id}`);
  await page.selectOption("#leadId", String(userId(server.db, "inspector1")));
  await page.selectOption("#secondId", String(userId(server.db, "inspector2")));
  await Promise.all([page.waitForLoadState("load"), page.click("#assign button")]);
  return { id, url: `${server.url}/cases/${id}`, today };
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function payEveryone(page: Page, url: string, proofName: string) {
  while ((await page.locator("#pay-item option").count()) > 0) {
    const label = (await page.locator("#pay-item option").first().textContent())!;
    const owed = /未付 ¥([\d,.]+)/.exec(label)![1]!.replace(/,/g, "");
    await page.fill("#pay-amount", owed);
    await page.check("input[name=workerConfirmed]");
    await page.setInputFiles("#pay-proof", { name: proofName, mimeType: "image/png", buffer: Buffer.from("png") });
    await submit(page, "#payment button[type=submit]");
    await page.goto(url);
  }
}

describe("三办+快调 in a real browser", () => {
  it("快速调处: a case settled by mediation in 2 working days, never filed", async () => {
    const server = env.server();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const c = await assignedCase(page);

    await signIn(page, server.url, "inspector1");
    await page.goto(c.url);
    await submit(page, "#move-startMediation button");
    await page.click("summary:has-text('记录调解')");
    await page.fill("#workerSide", "工人1、工人2");
    await page.fill("#employerSide", "赵某（法定代表人）");
    await page.fill("#workerStatement", "要求结清 2026 年 3 月至 10 月工资");
    await page.fill("#employerStatement", "承认拖欠，同意两日内转账");
    const payBy = loadCalendar(server.db).addWorkingDays(c.today, 2).date;
    await page.fill("#payBy", payBy);
    await submit(page, "#mediation-form button[type=submit]");
    const agreementHref = await page.locator("a:has-text('调解协议书')").getAttribute("href");
    await page.goto(`${server.url}${agreementHref}`);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "print-mediation-agreement");
    await page.pdf({ path: "test-results/screenshots/mediation-agreement.pdf", format: "A4" });
    await page.emulateMedia({ media: "screen" });

    // Two working days later the employer pays; each worker confirms.
    server.clock.now = new Date(`${payBy}T03:00:00Z`);
    await signIn(page, server.url, "inspector1");
    await page.goto(c.url);
    await payEveryone(page, c.url, "转账截图.png");
    await page.click("#settle button");
    await page.waitForLoadState("load");
    await expect(page.locator("#case-state").getAttribute("data-state")).resolves.toBe("closed");
    await expect(page.locator("main").textContent()).resolves.toContain("快调化解");
    await screenshot(page, "case-mediated");
    const row = server.db.$client.prepare("select filed_on, working_days_taken, outcome from cases where id = ?").get(c.id);
    expect(row).toEqual({ filed_on: null, working_days_taken: 2, outcome: "mediated" });
    await page.close();
  });

  it("现场督办 → 责令限期支付 → paid → closed", async () => {
    const server = env.server();
    server.clock.now = new Date();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const c = await assignedCase(page);
    await signIn(page, server.url, "inspector1");
    await page.goto(c.url);
    await submit(page, "#move-file button");

    // On site, two inspectors, with the recording.
    const now = server.clock.now;
    const local = new Date(now.getTime() + 8 * 3600_000 - 60_000).toISOString().slice(0, 16); // a minute ago, Shanghai time
    await page.fill("#visitedAt", local);
    await page.fill("#peopleQuestioned", "项目经理 周某；财务 孙某");
    await page.fill("#findings", "项目部承认拖欠两名工人工资共 12,700 元，称总包工程款未到位。");
    await page.setInputFiles("#recordings", { name: "现场录像.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(256 * 1024, 3) });
    await submit(page, "#visit button[type=submit]");
    await expect(page.locator("#visits").textContent()).resolves.toContain("李建国、张伟");

    // The order to pay, printed.
    await page.click("summary:has-text('下达限期改正指令书')");
    await page.fill("#order-payBy", addDays(c.today, 10));
    await submit(page, "#order button[type=submit]");
    const orderHref = await page.locator("#orders h3 a").first().getAttribute("href");
    await page.goto(`${server.url}${orderHref}`);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "print-order-to-pay");
    await page.pdf({ path: "test-results/screenshots/order-to-pay.pdf", format: "A4" });
    await page.emulateMedia({ media: "screen" });

    await page.goto(c.url);
    await payEveryone(page, c.url, "银行回单.png");
    await expect(page.locator("[data-order-status]").first().getAttribute("data-order-status")).resolves.toBe("met");
    await page.click("summary:has-text('结案')");
    // Outcomes the record cannot support are offered disabled, each with its reason (issue 21 item 8).
    await expect(page.locator("#close-outcome option[value=referredToPolice]").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#close-outcome option[value=emergencyFund]").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#close-outcome option[value=paidAfterOrder]").isDisabled()).resolves.toBe(false);
    await expect(page.locator("#close-unavailable").textContent()).resolves.toContain("本案没有记录移送公安机关");
    await page.locator("#closing").screenshot({ path: join(SCREENSHOTS, "close-form-outcomes.png") });
    await page.selectOption("#close-outcome", "paidAfterOrder");
    await page.fill("#close-note", "下达指令书后单位已足额支付，工人确认收到。");
    // Closing asks first (issue 21 item 8): cancelled, nothing happens; confirmed, the case closes.
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.click("#close button[type=submit]");
    await expect(page.locator("#case-state").getAttribute("data-state")).resolves.not.toBe("closed");
    expect(asked[0]).toContain("确认结案");
    page.once("dialog", (d) => void d.accept());
    await submit(page, "#close button[type=submit]");
    await expect(page.locator("#case-state").getAttribute("data-state")).resolves.toBe("closed");
    await expect(page.locator("#money-totals").textContent()).resolves.toContain("追回 ¥12,700.00");
    await screenshot(page, "case-ordered-paid-closed");
    await page.goto(`${c.url}/report`);
    await screenshot(page, "print-closing-report");
    await page.close();
  });

  it("多方合办: a case escalated to two units that each answer", async () => {
    const server = env.server();
    server.clock.now = new Date();
    await createUser(
      server.db,
      {
        username: "unit_slj",
        displayName: "钱明（市水利局）",
        role: "unit",
        unitId: findUnitByName(server.db, "市水利局")!.id,
        officeId: 1,
        password: "demo1234",
      },
      null,
    );
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const c = await assignedCase(
      page,
      Array.from({ length: 12 }, (_, i) => workerInput(i + 1, { isRepresentative: i === 0 })),
    );
    await page.goto(c.url);
    await page.click("summary:has-text('提请多方合办')");
    await page.check("input[name=grounds][value=manyWorkers]");
    await page.check("input[name=grounds][value=severalDepartments]");
    await page.fill("#esc-reason", "12 名工人集体欠薪，涉及水利工程款拨付");
    await page.locator("#escalate label", { hasText: "市住建局" }).locator("input").check();
    await page.locator("#escalate label", { hasText: "市水利局" }).locator("input").check();
    await page.fill("#esc-request", "核查项目工程款拨付情况，督促总包单位先行清偿");
    await submit(page, "#escalate button[type=submit]");
    await expect(page.locator("#task-table tbody tr").count()).resolves.toBe(2);

    for (const [liaison, answer] of [
      ["unit_zjj", "已约谈总包单位，承诺 3 日内拨付"],
      ["unit_slj", "水利工程款已拨付至工资专户"],
    ] as const) {
      await signIn(page, server.url, liaison);
      await page.click("nav >> text=专班任务");
      await page.click("tbody a");
      await expect(page.locator("#case-summary").textContent()).resolves.toContain("12 人");
      await page.fill("#answer-text", answer);
      await page.setInputFiles("#attachments", { name: "情况说明.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
      await submit(page, "#answer button[type=submit]");
      await expect(page.locator("#task-status").getAttribute("data-status")).resolves.toBe("done");
      if (liaison === "unit_zjj") await screenshot(page, "task-answered-by-unit");
    }

    await signIn(page, server.url, "supervisor1");
    await page.goto(c.url);
    const statuses = await page.locator("#task-table tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-task-status")));
    expect(statuses).toEqual(["done", "done"]);
    await page.locator("#taskforce").screenshot({ path: "test-results/screenshots/case-task-force.png" });
    await page.close();
  });
});
