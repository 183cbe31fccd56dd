import { describe, expect, it } from "vitest";
import { idNumber, uscc } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

describe("见诉即办 end to end", () => {
  it("a clerk registers and prints the receipt; a supervisor assigns; the inspector files; the public lookup shows it filed", async () => {
    const context = await env.browser().newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // Clerk: the intake form, with a second worker row added through htmx.
    await signIn(page, env.server().url, "clerk1");
    await page.click("nav >> text=登记投诉");
    await page.fill("#w0-name", "张三");
    await page.fill("#w0-idNumber", idNumber(7));
    await page.fill("#w0-phone", "13812345678");
    await page.fill("#w0-age", "45");
    await page.fill("#w0-claimed", "12800.50");
    await page.click("#add-worker");
    await page.waitForSelector("#w1-name");
    await page.fill("#w1-name", "李四");
    await page.fill("#w1-idNumber", idNumber(8));
    await page.fill("#w1-phone", "13812345679");
    await page.fill("#w1-age", "39");
    await page.fill("#w1-claimed", "9000");
    await page.fill("#employerName", "长春宏达建筑劳务有限公司");
    await page.fill("#employerUscc", uscc());
    await page.selectOption("#district", "南关区");
    await page.check("input[name=isConstruction]");
    await page.fill("#projectName", "南湖花园三期");
    await page.fill("#facts", "2026年4月至9月在南湖花园三期做木工，工资一直未结清。");
    await page.fill("#claim", "请求支付拖欠工资");
    await screenshot(page, "intake-form");
    await Promise.all([page.waitForURL(/\/receipt\?new=1$/), page.click("button.primary:has-text('登记并打印回执')")]);
    const caseNumber = (await page.locator(".doc-no").textContent())!.replace("编号：", "").trim();
    const queryCode = (await page.locator(".code").textContent())!.trim();
    expect(caseNumber).toMatch(/^QX-\d{4}-\d{6}$/);
    expect(queryCode).toMatch(/^[2-9A-Z]{6}$/);
    // The lookup's address and its QR code, printed about 32 mm square (docs/rules.md §Documents, the receipt).
    const address = (await page.locator("[data-lookup-address]").textContent())!.trim();
    expect(address).toMatch(new RegExp(`/query\\?caseNumber=${caseNumber}&queryCode=${queryCode}$`));
    await page.emulateMedia({ media: "print" });
    const qr = await page.locator(".lookup-qr-code svg").boundingBox();
    expect(qr!.width).toBeGreaterThan(110);
    expect(Math.abs(qr!.width - qr!.height)).toBeLessThan(1);
    await screenshot(page, "receipt-print");
    await page.pdf({ path: "test-results/screenshots/receipt.pdf", format: "A4" });
    await page.emulateMedia({ media: "screen" });
    const caseUrl = new URL((await page.locator("a:has-text('查看案件')").getAttribute("href"))!, env.server().url).href;

    // Supervisor: assigns two inspectors (the suggestion is preselected).
    await signIn(page, env.server().url, "supervisor1");
    await page.goto(caseUrl);
    await page.selectOption("#secondId", { label: "张伟（在办 0）" });
    await Promise.all([page.waitForURL(caseUrl), page.click("#assign button")]);
    await expect(page.locator(".timeline").textContent()).resolves.toContain("主办：李建国");

    // Inspector: files it.
    await signIn(page, env.server().url, "inspector1");
    await page.goto(`${env.server().url}/cases`);
    await expect(page.locator(".reminders").textContent()).resolves.toContain(caseNumber);
    await screenshot(page, "workbench-inspector");
    await page.click(`a:has-text('${caseNumber}')`);
    await Promise.all([page.waitForURL(caseUrl), page.click("#move-file button")]);
    await expect(page.locator("#case-state").getAttribute("data-state")).resolves.toBe("filed");
    await screenshot(page, "case-filed");

    // The public: the progress lookup on a phone.
    const phone = await env.browser().newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true });
    const publicPage = await phone.newPage();
    // Opened from the receipt's address: both values already filled in.
    await publicPage.goto(`${env.server().url}${new URL(address).pathname}${new URL(address).search}`);
    await expect(publicPage.locator("#caseNumber").inputValue()).resolves.toBe(caseNumber);
    await expect(publicPage.locator("#queryCode").inputValue()).resolves.toBe(queryCode);
    await publicPage.click("button[type=submit]");
    await expect(publicPage.locator("#progress").getAttribute("data-state")).resolves.toBe("filed");
    await expect(publicPage.locator("#progress").textContent()).resolves.toContain("已受理立案，正在调查处理");
    await screenshot(publicPage, "query-phone");
    await phone.close();
    await context.close();
  });

  it("the workbench filters in place with htmx", async () => {
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, env.server().url, "supervisor1");
    await page.goto(`${env.server().url}/cases?state=all`);
    const before = await page.locator("tr[data-case]").count();
    await page.fill("#q", "不存在的单位名称");
    await page.waitForFunction(() => document.querySelectorAll("tr[data-case]").length === 0);
    expect(page.url()).toContain("q=");
    expect(before).toBeGreaterThan(0);
    await page.close();
  });
});
