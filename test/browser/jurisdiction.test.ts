import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumber } from "../helpers.js";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

/** Opens the case from the 签收 page (the queue links only the office's own cases; the case page by its number). */
async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${env.server().url}/cases/${id}`);
}

describe("属地管理: one city, many offices", () => {
  it("a worker files online for a site in 南关; 南关 takes it up and transfers it to 朝阳; 朝阳 may not transfer again, asks the city, which designates", async () => {
    const url = env.server().url;
    const phone = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true });
    const desk = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });

    // The worker, on a phone: the work site decides the office.
    await phone.goto(`${url}/complaint`);
    await phone.fill('[name="workers.0.name"]', "赵六");
    await phone.fill('[name="workers.0.phone"]', "13700000066");
    await phone.fill('[name="workers.0.idNumber"]', idNumber(66));
    await phone.fill('[name="workers.0.claimed"]', "7800");
    await phone.fill('[name="employerName"]', "长春某装饰工程有限公司");
    await phone.selectOption('[name="district"]', "南关区");
    await phone.fill('[name="facts"]', "2026年9月至11月在南关区某小区装修，工资未结。");
    await screenshot(phone, "offices-1-complaint-phone");
    await Promise.all([phone.waitForLoadState("load"), phone.click("form button.primary[type=submit]")]);
    const caseNumber = (await phone.locator("#case-number").textContent())!.trim();
    const queryCode = (await phone.locator("#query-code").textContent())!.trim();
    const id = String(env.server().db.$client.prepare("select id from cases where case_number = ?").pluck().get(caseNumber));

    // 南关's clerk finds it in the 签收 queue and acknowledges it.
    await signIn(desk, url, "clerk_ng");
    await desk.click("nav >> text=签收");
    await expect(desk.locator(`#acknowledgement-queue tr[data-case="${caseNumber}"]`).isVisible()).resolves.toBe(true);
    await screenshot(desk, "offices-2-acknowledgement-queue");
    await Promise.all([desk.waitForURL(/\/acknowledgements$/), desk.click(`#acknowledgement-queue tr[data-case="${caseNumber}"] button`)]);
    await expect(desk.locator(`#acknowledgement-queue tr[data-case="${caseNumber}"]`).count()).resolves.toBe(0);

    // 南关's supervisor finds the site is in 朝阳 and transfers it.
    await signIn(desk, url, "supervisor_ng");
    await openCase(desk, id);
    await expect(desk.locator("#acknowledgement").textContent()).resolves.toContain("已签收");
    await desk.click("summary:has-text('移送有管辖权的机构')");
    await desk.selectOption("#transfer-to", { label: CHAOYANG });
    await desk.fill("#transfer-reason", "经现场核实，装修工地位于朝阳区");
    await Promise.all([desk.waitForLoadState("load"), desk.click("#transfer button")]);
    // 南关 keeps read-only sight of the history.
    await expect(desk.locator("[data-office]").first().getAttribute("data-office")).resolves.toBe(CHAOYANG);
    await expect(desk.locator("body").textContent()).resolves.toContain("只读查询");
    // 南关 prints its 案件移送函 from the case page (docs/rules.md §Printed transfers), on A4.
    await Promise.all([desk.waitForLoadState("load"), desk.click("#transfer-letters a:has-text('案件移送函')")]);
    await desk.emulateMedia({ media: "print" });
    const letter = (await desk.locator("article.doc").textContent()) ?? "";
    for (const words of [
      "案件移送函",
      `${CHAOYANG}：`,
      "《劳动保障监察条例》第十三条",
      "经现场核实，装修工地位于朝阳区",
      "移送材料清单",
      `承办单位：${NANGUAN}`,
      "签收人（签字）",
    ]) {
      expect(letter).toContain(words);
    }
    expect(letter).toMatch(/长南人社监移函〔\d{4}〕1号/);
    expect(letter).not.toContain(idNumber(66));
    await screenshot(desk, "print-office-transfer-letter");
    await desk.pdf({ path: `${SCREENSHOTS}/print-office-transfer-letter.pdf`, format: "A4" });
    await desk.emulateMedia({ media: "screen" });

    // 朝阳's supervisor finds it on the transfers page, waiting for 朝阳's 签收 (docs/rules.md §The transfers page).
    await signIn(desk, url, "supervisor_cy");
    await desk.click("nav >> text=移送");
    await expect(desk.locator(`[data-table="incoming"] tr[data-case="${caseNumber}"]`).textContent()).resolves.toContain(NANGUAN);
    await screenshot(desk, "offices-transfers-page");

    // 朝阳 tries to transfer it again: refused with the rule's wording; it asks the city instead.
    await openCase(desk, id);
    await desk.click("summary:has-text('移送有管辖权的机构')");
    await desk.selectOption("#transfer-to", { label: NANGUAN });
    await desk.fill("#transfer-reason", "本区无管辖权");
    await Promise.all([desk.waitForLoadState("load"), desk.click("#transfer button")]);
    await expect(desk.locator("#transfer .field-error").textContent()).resolves.toContain("不得再自行移送，应报请市级指定管辖");
    await screenshot(desk, "offices-3-second-transfer-refused");
    await desk.click("summary:has-text('报请市级指定管辖')");
    await desk.fill("#request-reason", "工地跨南关、朝阳两区，请市级指定");
    await Promise.all([desk.waitForLoadState("load"), desk.click("#designation-request button")]);

    // The city sees the request and designates 南关.
    await signIn(desk, url, "supervisor1");
    await desk.click("nav >> text=签收");
    await expect(desk.locator("#designation-requests").textContent()).resolves.toContain(caseNumber);
    await Promise.all([desk.waitForLoadState("load"), desk.click(`#designation-requests a:has-text('${caseNumber}')`)]);
    await desk.selectOption("#designate-to", { label: NANGUAN });
    await desk.fill("#designate-reason", "项目主体位于南关区，由南关区办理");
    await Promise.all([desk.waitForLoadState("load"), desk.click("#designate button")]);
    await expect(desk.locator("[data-office]").first().getAttribute("data-office")).resolves.toBe(NANGUAN);
    const timeline = (await desk.locator(".timeline").textContent()) ?? "";
    for (const step of [`由${NANGUAN}移送${CHAOYANG}`, `${CHAOYANG}报请市级指定管辖`, `市级指定${NANGUAN}管辖`]) expect(timeline).toContain(step);
    await screenshot(desk, "offices-4-designated-desktop");
    await desk.setViewportSize({ width: 390, height: 844 });
    await screenshot(desk, "offices-4-designated-phone");

    // The city's workbench shows the office column; the worker's lookup shows the office and its phone.
    await desk.setViewportSize({ width: 1280, height: 900 });
    await desk.goto(`${url}/cases?office=${env.server().db.$client.prepare("select id from offices where name = ?").pluck().get(NANGUAN)}`);
    await expect(desk.locator(`tr[data-case="${caseNumber}"] [data-office]`).textContent()).resolves.toBe(NANGUAN);
    await screenshot(desk, "offices-5-city-workbench");
    await phone.goto(`${url}/query`);
    await phone.fill("#caseNumber", caseNumber);
    await phone.fill("#queryCode", queryCode);
    await Promise.all([phone.waitForLoadState("load"), phone.click("form button[type=submit]")]);
    await expect(phone.locator("[data-office]").textContent()).resolves.toContain(NANGUAN);
    await screenshot(phone, "offices-6-lookup-phone");
  });
});
