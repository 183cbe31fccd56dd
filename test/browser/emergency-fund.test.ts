/**
 * 应急周转金 in a real browser (docs/rules.md §应急周转金): the workers of a case are paid from the office's fund —
 * the inspector applies, the office's supervisor approves and records the payment — and the employer repays it;
 * the fund page then shows it recovered (screenshots in test-results/screenshots).
 */
import { describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { recordFundMovement } from "../../src/models/emergency-fund.js";
import { issueOrder } from "../../src/models/settlements.js";
import { caseInput, userId, workedCase, workerInput } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const CHAOYANG = "朝阳区劳动保障监察大队";

describe("应急周转金", () => {
  it("pays a case's workers from the fund, and the employer repays it", async () => {
    const server = env.server();
    const today = shanghaiDate(server.clock.now);
    const cy = server.db.$client.prepare("select id from offices where name = ?").pluck().get(CHAOYANG) as number;
    recordFundMovement(server.db, {
      officeId: cy,
      kind: "capital",
      amountFen: 500 * 10_000 * 100,
      occurredOn: today,
      note: "长财社〔2026〕8号 财政拨款",
      actorId: null,
    });
    const c = await workedCase(server, { to: "filed", overrides: caseInput({ workers: [workerInput(1), workerInput(2)] }) });
    const supervisor = { id: userId(server.db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
    issueOrder(server.db, {
      caseId: c.id,
      version: c.version(),
      payBy: addDays(today, 10),
      facts: "经查拖欠工资。",
      amounts: c.workers.map((w) => ({ workerId: w.id, amountFen: w.claimed_fen })),
      numberPrefix: "长人社监令",
      actor: supervisor,
      now: server.clock.now,
    });

    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.click("#emergency-advances summary:has-text('申请应急周转金垫付')");
    // Each worker's amount is offered at what the order confirmed and is unpaid.
    await expect(page.inputValue(`#advance-amount-${c.workers[0]!.id}`)).resolves.toBe("8500.00");
    await page.fill("#advance-reason", "单位负责人失联，工人返乡在即。");
    await page.selectOption("#advance-recoverFrom", "employer");
    await page.fill("#advance-recoverFromName", "长春宏达建筑劳务有限公司");
    await page.click("#advance button[type=submit]");
    await page.waitForSelector("[data-advance-status=applied]");

    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.click("#emergency-advances summary:has-text('审批垫付申请')");
    await page.check("form[id^=advance-decision-] input[value=approved]");
    await page.fill("form[id^=advance-decision-] [name=decisionNote]", "情况属实，同意垫付。");
    await page.click("form[id^=advance-decision-] button[type=submit]");
    await page.waitForSelector("[data-advance-status=approved]");
    await page.click("#emergency-advances summary:has-text('登记垫付')");
    await page.click("form[id^=advance-payment-] button[type=submit]");
    await page.waitForSelector("[data-advance-status=paid]");
    await expect(page.locator("[data-fund-balance]").textContent()).resolves.toBe("¥4,983,000.00");
    await screenshot(page, "emergency-fund-case-paid");

    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.click("#emergency-advances summary:has-text('登记追偿收回')");
    await expect(page.inputValue("form[id^=advance-recovery-] [name=amount]")).resolves.toBe("17000.00");
    await page.fill("form[id^=advance-recovery-] [name=amount]", "17000.01");
    await page.click("form[id^=advance-recovery-] button[type=submit]");
    await expect(page.locator("form[id^=advance-recovery-] [id$=-amount-error]").textContent()).resolves.toContain("超过尚未收回的垫付款 ¥17,000.00");
    await page.fill("form[id^=advance-recovery-] [name=amount]", "17000");
    await page.click("form[id^=advance-recovery-] button[type=submit]");
    await page.waitForSelector("[data-advance-recovery=recovered]");

    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/funds`);
    await page.waitForURL(new RegExp(`/funds/${cy}$`));
    await expect(page.locator("#fund-figures [data-outstanding]").textContent()).resolves.toBe("¥0.00");
    await expect(page.locator("#fund-figures [data-balance]").textContent()).resolves.toBe("¥5,000,000.00");
    await expect(page.locator("#fund-advances tr[data-recovery=recovered]").count()).resolves.toBe(1);
    await expect(page.locator("#fund-ledger tr[data-movement]").count()).resolves.toBe(3);
    await screenshot(page, "emergency-fund-page");
    await page.close();
  });
});
