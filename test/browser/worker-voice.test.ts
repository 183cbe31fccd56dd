/**
 * On a phone (issue 20): an anonymous 举报 becomes a case; a closed case is rated 不满意, the office's supervisor calls
 * back and records the 整改, and the worker reads the answer on the lookup page.
 */
import { describe, expect, it } from "vitest";
import { loginAs, makeCase, userId } from "../helpers.js";
import { join } from "node:path";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" };

describe("the worker's voice, on a phone", () => {
  it("an anonymous report is verified and filed as a case", async () => {
    const { url } = env.server();
    const page = await (await env.browser().newContext(PHONE)).newPage();
    await page.goto(`${url}/report`);
    await page.fill("#employerName", "长春市某餐饮有限公司");
    await page.selectOption("#district", "朝阳区");
    await page.fill("#whatSeen", "后厨十多名员工三个月没发工资，老板说年底再结。");
    await page.check("#anonymous");
    await screenshot(page, "phone-report-form");
    await Promise.all([page.waitForURL(/\/report\/done$/), page.click("button:has-text('提交举报')")]);
    const reportNumber = (await page.locator("#report-number").textContent())!.trim();
    expect(reportNumber).toMatch(/^JB-\d{4}-\d{6}$/);
    await screenshot(page, "phone-report-receipt");

    await signIn(page, url, "supervisor_cy");
    await page.goto(`${url}/reports`);
    await page.click(`a:has-text('${reportNumber}')`);
    await expect(page.locator("#reporter").textContent()).resolves.toContain("匿名");
    await page.selectOption("#inspectorId", { label: "冯磊" });
    await Promise.all([page.waitForURL(/\/reports\/\d+$/), page.click("#assign button")]);
    await signIn(page, url, "inspector_cy");
    await page.goto(`${url}/reports`);
    await page.click(`a:has-text('${reportNumber}')`);
    await page.fill("#note", "现场核实属实");
    await screenshot(page, "phone-report-verify");
    await Promise.all([page.waitForURL(/\/cases\/\d+/), page.click("#file button")]);
    await expect(page.locator("#case-state").getAttribute("data-state")).resolves.toBe("filed");
    await expect(page.locator("#source").textContent()).resolves.toContain(reportNumber);
    await screenshot(page, "phone-report-case");
    await page.locator("#source").screenshot({ path: join(SCREENSHOTS, "phone-report-case-source.png") });
  });

  it("a closed case rated 不满意 gets a 回访 with its 整改, and the worker sees the answer", async () => {
    const s = env.server();
    const { id } = makeCase(s.db, { district: "朝阳区" }, { now: s.clock.now });
    const supervisor = await loginAs(s.app, "supervisor_cy");
    const version = () => s.db.$client.prepare("select version from cases where id = ?").pluck().get(id) as number;
    await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(s.db, "inspector_cy"), secondId: "", version: version() });
    await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "file", version: version(), note: "" });
    const workerId = s.db.$client.prepare("select id from case_workers where case_id = ?").pluck().get(id) as number;
    const closed = await supervisor
      .post(`/cases/${id}/close`)
      .type("form")
      .send({ version: version(), outcome: "toArbitrationOrCourt", note: "部分已付，余下告知仲裁", [`recovered.${workerId}`]: "8500" });
    expect(closed.status).toBe(303);
    const { case_number: caseNumber, query_code: queryCode } = s.db.$client.prepare("select case_number, query_code from cases where id = ?").get(id) as {
      case_number: string;
      query_code: string;
    };

    const page = await (await env.browser().newContext(PHONE)).newPage();
    await page.goto(`${s.url}/query?caseNumber=${caseNumber}&queryCode=${queryCode}`);
    await page.click("button:has-text('查询')");
    await page.check("input[name=level][value=dissatisfied]");
    await page.check("input[name=reasons][value=attitude]");
    await page.fill("#rating-comment", "打了三次电话都没人回");
    await screenshot(page, "phone-rating-form");
    await page.click("#rating-form button");
    await expect(page.locator("#rating-notice").textContent()).resolves.toContain("感谢您的评价");
    await expect(page.locator("#rating").textContent()).resolves.toContain("前回访您并答复");
    await screenshot(page, "phone-rating-given");

    await signIn(page, s.url, "supervisor_cy");
    await page.goto(`${s.url}/followups`);
    await screenshot(page, "phone-followups");
    await page.click(`a:has-text('${caseNumber}')`);
    await page.click("#ratings summary");
    await page.check("input[name=reached][value=yes]");
    await page.fill("textarea[name=findings]", "劳动者反映属实：承办人未按约回电。");
    await page.check("input[name=justified][value=yes]");
    await page.fill("textarea[name=rectification]", "已对承办人批评教育，建立来电回复登记，三个工作日内回电。");
    await page.fill("textarea[name=answer]", "您反映的问题属实，我们已向您致歉并整改。");
    await screenshot(page, "phone-followup-form");
    await Promise.all([page.waitForURL(/\/cases\/\d+/), page.click("#ratings form button")]);
    await expect(page.locator("#ratings").textContent()).resolves.toContain("已回访");
    await page.locator("#ratings").screenshot({ path: join(SCREENSHOTS, "phone-followup-recorded.png") });

    await page.context().clearCookies();
    await page.goto(`${s.url}/query?caseNumber=${caseNumber}&queryCode=${queryCode}`);
    await page.click("button:has-text('查询')");
    await expect(page.locator("[data-answer]").textContent()).resolves.toContain("已向您致歉并整改");
    await expect(page.locator("[data-answer]").textContent()).resolves.toContain("建立来电回复登记");
    await screenshot(page, "phone-rating-answer");
  });
});
