/**
 * Daily use (issue 21), in Chromium on a desktop and a 390 px phone: legal deadlines first on the workbench,
 * the clock states in words and colours with a text contrast of at least 4.5:1, the dashboard's legal and
 * target lateness apart with a chart that fits the phone. Screenshots in test-results/screenshots/daily-*.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seedDemoCases } from "../../seeds/demo-cases.js";
import { readConfig } from "../../src/config.js";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { idNumber, userId } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
];

let seeded = false;
function seedOnce() {
  if (seeded) return;
  seeded = true;
  const { db, evidenceDir } = env.server();
  seedDemoCases(db, new Date(), readConfig({ NODE_ENV: "test", EVIDENCE_DIR: evidenceDir }));
  // A case past its legal acceptance deadline, for inspector1.
  insertCase(db, { receivedOn: addDays(shanghaiDate(new Date()), -14), state: "received", lead: userId(db, "inspector1") });
}

/** Every element of the selector whose own text has a contrast below 4.5:1 against its background (WCAG 1.4.3). */
function lowContrast(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const bad: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!(el as HTMLElement).innerText?.trim()) continue;
      const fg = lum(rgb(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) bad.push(`${(el as HTMLElement).innerText.trim().slice(0, 20)} ${ratio.toFixed(2)}`);
    }
    return bad;
  }, selector);
}

describe.each(VIEWPORTS)("daily use on a $name", ({ name, viewport, isMobile }) => {
  const newPage = async (username: string) => {
    seedOnce();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport, isMobile });
    await signIn(page, env.server().url, username);
    return page;
  };
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  it("workbench: a case past its legal deadline first, its state in words, every tone readable", async () => {
    const page = await newPage("inspector1");
    await page.goto(`${env.server().url}/cases`);
    const firstRow = page.locator("tr[data-case]").first();
    await expect(firstRow.locator("[data-tone]").first().getAttribute("data-tone")).resolves.toBe("legalOverdue");
    await expect(firstRow.locator("[data-tone]").first().textContent()).resolves.toContain("法定期限已超期");
    // No row ranked by a target past due sits above a row whose legal clock is past due.
    const tones = await page.locator("tr[data-case]").evaluateAll((rows) => rows.map((r) => r.querySelector("[data-tone]")?.getAttribute("data-tone") ?? ""));
    const lastLegal = tones.lastIndexOf("legalOverdue");
    expect(tones.slice(0, lastLegal).every((t) => t === "legalOverdue")).toBe(true);
    await expect(lowContrast(page, ".tone, .muted, td, h1, h2, h3, a")).resolves.toEqual([]);
    await noSideways(page);
    await screenshot(page, `daily-1-workbench-${name}`);
    await page.close();
  });

  it("dashboard: legal and target lateness apart, the late cases listed, the chart fits", async () => {
    const page = await newPage("supervisor1");
    await page.goto(`${env.server().url}/dashboard`);
    await expect(page.locator("#late-cases li").count()).resolves.toBeGreaterThan(0);
    const headers = await page.locator("section[aria-labelledby=inspectors-title] thead th").allTextContents();
    expect(headers).toEqual(expect.arrayContaining(["法定期限已超期", "超出8日目标"]));
    const chart = page.locator(isMobile ? "img.chart-narrow" : "img.chart-wide");
    await expect(chart.isVisible()).resolves.toBe(true);
    await expect(
      chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().right <= window.innerWidth),
    ).resolves.toBe(true);
    await expect(lowContrast(page, ".tone, .muted, td, th, h1, h2, a")).resolves.toEqual([]);
    await noSideways(page);
    await screenshot(page, `daily-9-dashboard-${name}`);
    await page.close();
  });

  it("site visit: reached from the top of the case page, its time now, a later time refused by the browser before any upload", async () => {
    const page = await newPage("inspector1");
    const { db } = env.server();
    const id = db.$client
      .prepare("select id from cases where state = 'filed' and lead_inspector_id = ? order by id limit 1")
      .pluck()
      .get(userId(db, "inspector1")) as number;
    await page.goto(`${env.server().url}/cases/${id}`);
    await page.click("[data-quick-visit]");
    const time = page.locator("#visitedAt");
    await expect(time.isVisible()).resolves.toBe(true);
    const value = await time.inputValue();
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(await time.getAttribute("max")).toBe(value);
    await time.fill("2099-01-01T09:00");
    await expect(time.evaluate((el: HTMLInputElement) => el.validity.rangeOverflow)).resolves.toBe(true);
    await screenshot(page, `daily-6-visit-${name}`);
    await page.close();
  });

  it("online form: 必填/选填 marks, a counter under the facts, the personal-data notice, the focus on the mistakes after sending", async () => {
    seedOnce();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport, isMobile });
    await page.goto(`${env.server().url}/complaint`);
    await expect(page.locator("label[for=facts]").textContent()).resolves.toContain("（必填）");
    await expect(page.locator("label[for=w-age]").textContent()).resolves.toContain("（选填）");
    await page.fill("#facts", "从今年三月开始干活");
    await expect(page.locator("#facts-counter").textContent()).resolves.toBe("已输入 9 / 4000 字");
    await expect(page.locator("#personal-data-notice").isVisible()).resolves.toBe(true);
    await page.fill("#w-name", "张三");
    await Promise.all([page.waitForLoadState("load"), page.click("button.primary[type=submit]")]);
    await page.waitForFunction(() => document.activeElement?.matches(".alert-error[role=alert]"));
    await expect(page.locator("#w-name").inputValue()).resolves.toBe("张三");
    await expect(lowContrast(page, "label, .muted, .mark-required, .mark-optional, .personal-data-notice li")).resolves.toEqual([]);
    await noSideways(page);
    await screenshot(page, `daily-4-online-form-${name}`);
    await page.close();
  });

  it("online form with two co-workers and a photo: rows added on the page, filed as one case (issue 21 item 3)", async () => {
    seedOnce();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport, isMobile });
    await page.goto(`${env.server().url}/complaint`);
    const n = name === "phone" ? 1 : 2;
    await page.fill("#w-name", "孙七");
    await page.fill("#w-phone", `1370000070${n}`);
    await page.fill("#w-idNumber", idNumber(700 + n));
    await page.fill("#w-claimed", "9600");
    for (const i of [1, 2]) {
      await page.click("#add-worker");
      await page.waitForSelector(`#w${i}-name`);
      await page.fill(`#w${i}-name`, `工友${i}`);
      await page.fill(`#w${i}-idNumber`, idNumber(710 + 10 * n + i));
      await page.fill(`#w${i}-phone`, `137000071${n}${i}`);
      await page.fill(`#w${i}-claimed`, `${8000 + i}`);
    }
    // The window's row with the online documents only: no 无证件, no 代表人.
    await expect(page.locator("#w2-idType option[value=none]").count()).resolves.toBe(0);
    await expect(page.locator("#workers input[name=representative]").count()).resolves.toBe(0);
    await page.fill("#employerName", "某建筑劳务有限公司");
    await page.selectOption("#district", "二道区");
    await page.fill("#facts", "2026年6月至9月在工地干活，三人都被欠了三个月工资。");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("\0\0\0\rIHDR")]);
    await page.setInputFiles("#evidence", { name: "欠条.png", mimeType: "image/png", buffer: png });
    await noSideways(page);
    await screenshot(page, `daily-4b-online-group-${name}`);
    await Promise.all([page.waitForURL(/\/complaint\/done$/), page.click("button.primary[type=submit]")]);
    const { db } = env.server();
    const filed = db.$client
      .prepare(
        "select c.channel, count(w.id) as workers, (select count(*) from evidence e where e.case_id = c.id) as files from cases c join case_workers w on w.case_id = c.id where c.id = (select max(id) from cases) group by c.id",
      )
      .get() as { channel: string; workers: number; files: number };
    expect(filed).toEqual({ channel: "online", workers: 3, files: 1 });
    await page.close();
  });

  it("admin calendar: every day's number readable (weekend cells were 2.58:1)", async () => {
    const page = await newPage("admin");
    await page.goto(`${env.server().url}/admin/calendar/2026`);
    await expect(page.locator(".day-weekend").count()).resolves.toBeGreaterThan(50);
    await expect(lowContrast(page, ".day-weekend, .day-holiday, .day-makeup, .legend span")).resolves.toEqual([]);
    await screenshot(page, `daily-10-calendar-${name}`);
    await page.close();
  });
});
