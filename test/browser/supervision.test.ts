import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedDemoCases } from "../../seeds/demo-cases.js";
import { readConfig } from "../../src/config.js";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { userId } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
];

let seeded = false;
/** The demo cases, plus closings spread over the past months so the charts have a trend to draw. */
function seedOnce() {
  if (seeded) return;
  seeded = true;
  const { db, evidenceDir } = env.server();
  seedDemoCases(db, new Date(), readConfig({ NODE_ENV: "test", EVIDENCE_DIR: evidenceDir }));
  const today = shanghaiDate(new Date());
  const leads = ["inspector1", "inspector2", "inspector3"].map((u) => userId(db, u));
  for (let i = 0; i < 60; i++) {
    const receivedOn = addDays(today, -20 - i * 5);
    insertCase(db, {
      receivedOn,
      state: "closed",
      closedOn: addDays(receivedOn, 4 + (i % 9)),
      outcome: i % 4 === 0 ? "mediated" : "paidAfterOrder",
      lead: leads[i % 3],
      district: ["南关区", "朝阳区", "宽城区"][i % 3],
      isConstruction: i % 2 === 0,
      recovered: [300000 + i * 10000, 200000],
    });
  }
}

async function open(page: Page, path: string) {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${env.server().url}${path}`);
  return errors;
}

describe.each(VIEWPORTS)("the supervisors' pages on a $name", ({ name, viewport, isMobile }) => {
  const newPage = async () => {
    seedOnce();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport, isMobile });
    await signIn(page, env.server().url, "supervisor1");
    return page;
  };
  const noSideways = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  it("dashboard: counts per clock link to the workbench, the inspectors' chart draws", async () => {
    const page = await newPage();
    const errors = await open(page, "/dashboard");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("监督看板");
    const chart = page.locator("img.chart").first();
    await expect(chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await noSideways(page);
    await screenshot(page, `dashboard-${name}`);
    const overdue = page.locator('tr[data-clock="target"] td[data-status="overdue"] a');
    if (await overdue.count()) {
      const n = Number(await overdue.textContent());
      await Promise.all([page.waitForURL(/on=target&clock=overdue/), overdue.click()]);
      await expect(page.locator("#case-results").textContent()).resolves.toContain(`共 ${n} 件`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("statistics: three charts with their tables, the sentence, a period switch", async () => {
    const page = await newPage();
    const errors = await open(page, "/statistics");
    const charts = page.locator("img.chart");
    await expect(charts.count()).resolves.toBe(3);
    for (let i = 0; i < 3; i++) await expect(charts.nth(i).evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).resolves.toBe(true);
    await expect(page.locator("#summary-sentence").inputValue()).resolves.toMatch(/^\d{4}年1月1日至\d+月\d+日，全市办结欠薪案件\d+件/);
    await noSideways(page);
    await screenshot(page, `statistics-${name}`);
    if (name === "desktop") {
      // Printed on A4: no navigation, forms or export links; the charts and tables stay.
      await page.emulateMedia({ media: "print" });
      await expect(page.locator(".period-form").isVisible()).resolves.toBe(false);
      await expect(page.locator("img.chart").first().isVisible()).resolves.toBe(true);
      await page.setViewportSize({ width: 794, height: 1123 });
      await screenshot(page, "statistics-print");
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize(viewport);
    }
    await Promise.all([page.waitForResponse((r) => r.url().includes("period=quarter")), page.selectOption("#period-kind", "quarter")]);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("统计分析");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clearance board: the countdown and the open cases by inspector and district", async () => {
    const page = await newPage();
    const errors = await open(page, "/dashboard/clearance");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("春节前欠薪案件动态清零");
    await expect(page.locator("#by-district").isVisible()).resolves.toBe(true);
    await noSideways(page);
    await screenshot(page, `clearance-${name}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.each(VIEWPORTS)("an inspector's workbench on a $name", ({ name, viewport, isMobile }) => {
  it("shows my figures this month above my cases, and exports my list", async () => {
    seedOnce();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport, isMobile });
    await signIn(page, env.server().url, "inspector1");
    await page.goto(`${env.server().url}/cases`);
    await expect(page.locator("#my-figures-title").isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-figure="closed"]').textContent()).resolves.toMatch(/^\d+$/);
    await expect(page.locator('button[formaction="/exports/cases.xlsx"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('input[name="full"]').count()).resolves.toBe(0);
    await screenshot(page, `workbench-inspector-${name}`);
    await page.close();
  });
});
