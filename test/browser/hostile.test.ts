/** What a user sees when things go wrong: an oversize form, a locked-out login, a possible duplicate, the admin's and supervisor's oversight pages. */
import { describe, expect, it } from "vitest";
import { idNumber } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const { server, browser } = useServerAndBrowser();

async function fileOnline(page: import("playwright-core").Page, url: string, facts: string) {
  await page.goto(`${url}/complaint`);
  await page.fill('[name="workers.0.name"]', "孙七");
  await page.fill('[name="workers.0.phone"]', "13700000007");
  await page.fill('[name="workers.0.idNumber"]', idNumber(77));
  await page.fill('[name="workers.0.age"]', "36");
  await page.fill('[name="workers.0.claimed"]', "9600");
  await page.fill('[name="employerName"]', "某餐饮管理有限公司");
  await page.selectOption('[name="district"]', "二道区");
  await page.fill('[name="facts"]', facts);
  await Promise.all([page.waitForLoadState("load"), page.click("form button.primary[type=submit]")]);
}

describe("hostile input, as a user sees it", () => {
  it("an oversize form gets a Chinese page with the navigation", async () => {
    const page = await browser().newPage();
    await page.goto(`${server().url}/complaint`);
    // The field's maxlength (issue 21 item 4) stops a browser first; a client that ignores it gets the server's answer.
    await page.evaluate(() => document.querySelector("[name=facts]")!.removeAttribute("maxlength"));
    await page.fill('[name="facts"]', "长".repeat(400_000));
    await Promise.all([page.waitForLoadState("load"), page.click("form button.primary[type=submit]")]);
    expect(await page.locator("h1").textContent()).toContain("413");
    expect(await page.locator("main").textContent()).toContain("提交的内容过大");
    expect(await page.locator('nav[aria-label="主导航"] a[href="/complaint"]').isVisible()).toBe(true);
    await screenshot(page, "hostile-413");
    await page.close();
  });

  it("a locked-out login says until when", async () => {
    const page = await browser().newPage();
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server().url}/login`);
      await page.fill("#username", "clerk1");
      await page.fill("#password", `wrong-${i}`);
      await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
    }
    await page.fill("#password", "demo1234");
    await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
    expect(await page.locator("main").textContent()).toContain("登录失败次数过多，请于");
    await screenshot(page, "hostile-login-locked");
    await page.close();
  });

  it("a second online complaint from the same phone against the same employer is flagged for staff", async () => {
    const page = await browser().newPage();
    await fileOnline(page, server().url, "2026年6月至9月在该公司做服务员，欠三个月工资。");
    await fileOnline(page, server().url, "再次提交：欠三个月工资。");
    await signIn(page, server().url, "supervisor1");
    await page.goto(`${server().url}/cases?state=all&channel=online`);
    expect(await page.locator("[data-possible-duplicate]").first().isVisible()).toBe(true);
    await page.locator("tr:has([data-possible-duplicate]) a").first().click();
    expect(await page.locator(".alert[data-possible-duplicate]").textContent()).toContain("可能重复");
    await screenshot(page, "hostile-possible-duplicate");
    await page.goto(`${server().url}/personal-data-views`);
    expect(await page.locator("[data-view]").first().textContent()).toContain("案件页");
    await screenshot(page, "personal-data-views");
    await signIn(page, server().url, "admin");
    await page.goto(`${server().url}/admin/health`);
    expect(await page.locator("[data-orphans]").isVisible()).toBe(true);
    await screenshot(page, "admin-health");
    await page.close();
  });
});
