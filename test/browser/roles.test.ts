import { describe, expect, it } from "vitest";
import { LANDING_PAGES } from "../../src/domain/roles.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

const ROLES = [
  {
    username: "admin",
    role: "admin" as const,
    name: "系统管理员",
    nav: ["用户管理", "监察机构", "成员单位", "工作日历", "短信发件箱", "系统状况", "工作日计算"],
  },
  { username: "clerk1", role: "clerk" as const, name: "王晓丽", nav: ["案件工作台", "登记投诉", "签收", "举报核查", "用人单位", "工程项目", "工作日计算"] },
  {
    username: "inspector1",
    role: "inspector" as const,
    name: "李建国",
    nav: ["案件工作台", "举报核查", "失信名单", "用人单位", "工程项目", "专项行动", "工作日计算"],
  },
  {
    username: "supervisor1",
    role: "supervisor" as const,
    name: "陈志强",
    nav: [
      "案件工作台",
      "登记投诉",
      "签收",
      "移送",
      "举报核查",
      "差评回访",
      "专班任务",
      "失信名单",
      "违法公布",
      "用人单位",
      "工程项目",
      "专项行动",
      "监督看板",
      "统计分析",
      "应急周转金",
      "信息查看记录",
      "工作日计算",
    ],
  },
  { username: "unit_zjj", role: "unit" as const, name: "赵敏", nav: ["专班任务", "工作日计算"] },
];

describe("signing in as each role", () => {
  it.each(ROLES)("$username sees a navigation that fits the role", async ({ username, name, nav, role }) => {
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
    await signIn(page, env.server().url, username);
    // Each role lands on its own worklist, its name in the header.
    expect(new URL(page.url()).pathname).toBe(LANDING_PAGES[role]);
    await expect(page.locator(".user-name").textContent()).resolves.toContain(name.split("（")[0]);
    const links = await page.locator(".site-nav a").allTextContents();
    expect(links.map((l) => l.trim())).toEqual(["首页", ...nav]);
    await screenshot(page, `home-${username}`);
    await page.close();
  });

  it("works on a phone-sized screen", async () => {
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${env.server().url}/calendar/calc?from=2026-02-13&days=8`);
    await expect(page.locator("#due").getAttribute("data-date")).resolves.toBe("2026-03-03");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "calc-phone");
    await page.close();
  });

  it("admin opens the 2026 calendar grid", async () => {
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, env.server().url, "admin");
    await page.click("text=工作日历");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("年工作日历");
    await page.goto(`${env.server().url}/admin/calendar/2026`);
    await expect(page.locator('td[data-date="2026-02-14"]').getAttribute("data-kind")).resolves.toBe("makeup");
    await screenshot(page, "admin-calendar-2026");
    await page.close();
  });
});
