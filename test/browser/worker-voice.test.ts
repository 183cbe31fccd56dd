/**
 * On a phone (issue 20): an anonymous 举报 becomes a case; a worker with a 港澳居民来往内地通行证 files online, the outbox
 * shows the messages written for them, the case closes, the worker rates it 不满意, the office's supervisor calls back
 * and records the 整改, the worker reads the answer on the lookup page and the outbox holds the 回访's SMS.
 */
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../../src/domain/dates.js";
import { loginAs, userId } from "../helpers.js";
import { join } from "node:path";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const officePhone = (s: ReturnType<typeof env.server>, caseId: number) =>
  s.db.$client.prepare("select o.phone from cases c join offices o on o.id = c.office_id where c.id = ?").pluck().get(caseId) as string;
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

  it("a worker files online with a permit, is told by SMS, rates the closed case 不满意, and is told of the 回访 with its 整改", async () => {
    const s = env.server();
    // Noon in Shanghai on the day the suite runs, so the sender may send (no SMS 21:00–08:00) at whatever hour it runs.
    s.clock.now = new Date(`${shanghaiDate(s.clock.now)}T04:00:00Z`);
    const page = await (await env.browser().newContext(PHONE)).newPage();
    await page.goto(`${s.url}/complaint`);
    await page.fill('[name="workers.0.name"]', "陈大文");
    await page.fill('[name="workers.0.phone"]', "13700000088");
    await page.selectOption('[name="workers.0.idType"]', "hkMacauPermit");
    // A permit number a digit short: refused under the field, the form kept.
    await page.fill('[name="workers.0.idNumber"]', "M1234567");
    await page.selectOption('[name="workers.0.sex"]', "男");
    await page.fill('[name="workers.0.age"]', "41");
    await page.fill('[name="workers.0.claimed"]', "8500");
    await page.fill('[name="employerName"]', "长春市某装饰工程有限公司");
    await page.selectOption('[name="district"]', "朝阳区");
    await page.fill('[name="facts"]', "2026年8月至10月在朝阳区某商场装修，工资未结。");
    await Promise.all([page.waitForLoadState("load"), page.click("form button.primary[type=submit]")]);
    await expect(page.locator("#w-idNumber + .field-error").textContent()).resolves.toContain("港澳居民来往内地通行证号码为 H（香港）或 M（澳门）加 8 位数字");
    await expect(page.locator('[name="workers.0.idType"]').inputValue()).resolves.toBe("hkMacauPermit");
    await expect(page.locator('[name="employerName"]').inputValue()).resolves.toBe("长春市某装饰工程有限公司");
    await screenshot(page, "phone-complaint-permit-refused");
    await page.fill('[name="workers.0.idNumber"]', "M12345678");
    await Promise.all([page.waitForURL(/\/complaint\/done$/), page.click("form button.primary[type=submit]")]);
    const caseNumber = (await page.locator("#case-number").textContent())!.trim();
    const queryCode = (await page.locator("#query-code").textContent())!.trim();
    await screenshot(page, "phone-complaint-permit-receipt");
    const id = s.db.$client.prepare("select id from cases where case_number = ?").pluck().get(caseNumber) as number;

    // The admin's outbox: the 登记 notice (with the query code) and the office's, written for this worker.
    await signIn(page, s.url, "admin");
    await page.goto(`${s.url}/admin/outbox`);
    await expect(page.locator(`tr[data-kind=received]:has-text('${caseNumber}') .notice-text`).textContent()).resolves.toContain(`查询码${queryCode}`);
    await expect(page.locator(`tr[data-kind=routed]:has-text('${caseNumber}')`).count()).resolves.toBe(1);
    await expect(page.locator("#outbox").textContent()).resolves.not.toContain("13700000088");
    await Promise.all([page.waitForURL(/\/admin\/outbox\?sent=/), page.click("button:has-text('立即发送待发通知')")]);
    await expect(page.locator(`tr[data-kind=received]:has-text('${caseNumber}')`).getAttribute("data-notice-status")).resolves.toBe("sent");
    await screenshot(page, "phone-outbox-received");
    await page.context().clearCookies();

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

    await page.goto(`${s.url}/query?caseNumber=${caseNumber}&queryCode=${queryCode}`);
    await page.click("button:has-text('查询')");
    // Closed: what happened and what the worker can do next, in plain words (docs/rules.md §The public lookup after closing).
    await expect(page.locator("#outcome-for-worker [data-next]").textContent()).resolves.toContain("劳动人事争议仲裁委员会");
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

    // The outbox holds the 回访's SMS to this worker: the 整改 made, the answer left on the lookup.
    await signIn(page, s.url, "admin");
    await page.goto(`${s.url}/admin/outbox`);
    const followedUp = page.locator(`tr[data-kind=followedUp]:has-text('${caseNumber}') .notice-text`);
    await expect(followedUp.textContent()).resolves.toBe(
      `【朝阳区劳动保障监察大队】您对投诉${caseNumber}的评价已回访，问题已整改，答复见查询页，咨询${officePhone(s, id)}。`,
    );
    await expect(page.locator(`tr[data-kind=closed]:has-text('${caseNumber}')`).count()).resolves.toBe(1);
    await screenshot(page, "phone-outbox-followup");
  });
});
