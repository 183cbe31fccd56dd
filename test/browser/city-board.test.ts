/** The city's oversight board and its monthly 通报 in a real browser, desktop and phone (screenshots in test-results/screenshots). */
import { describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { insertCase } from "../models/supervision-fixture.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

describe("全市督办 and the 月通报", () => {
  it("ranks the offices, lists the late cases with their office, on a desktop and a phone", async () => {
    const server = env.server();
    const today = shanghaiDate(server.clock.now);
    const monthStart = `${today.slice(0, 8)}01`;
    insertCase(server.db, { office: NANGUAN, district: "南关区", receivedOn: addDays(today, -30), state: "received" });
    insertCase(server.db, { office: NANGUAN, district: "南关区", receivedOn: addDays(today, -150), filedOn: addDays(today, -150), state: "filed" });
    insertCase(server.db, {
      office: CHAOYANG,
      district: "朝阳区",
      receivedOn: monthStart,
      state: "closed",
      closedOn: today,
      outcome: "mediated",
      recovered: [280000],
    });
    insertCase(server.db, { office: CHAOYANG, district: "朝阳区", receivedOn: today, state: "received", acknowledgeDueOn: addDays(today, -1) });

    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "supervisor1");
    await page.goto(`${server.url}/dashboard`);
    await Promise.all([page.waitForURL(/\/city-board/), page.click("a:has-text('全市督办')")]);
    const rows = page.locator(".board-table tbody tr");
    await expect(rows.last().locator("th").textContent()).resolves.toBe(NANGUAN);
    await expect(rows.last().locator("[data-signal]").textContent()).resolves.toBe("红");
    await expect(page.locator(`.board-table tr:has(th:text-is("${CHAOYANG}")) [data-signal]`).textContent()).resolves.toBe("黄");
    await screenshot(page, "city-board-desktop");

    // A count is a link to the filtered workbench.
    await Promise.all([page.waitForURL(/\/cases\?office=\d+&on=statutory&clock=overdue/), rows.last().locator("[data-figure=statutoryLate] a").click()]);
    await expect(page.locator("[data-office]").first().textContent()).resolves.toContain(NANGUAN);

    await page.goto(`${server.url}/city-board/bulletin`);
    await expect(page.locator("[data-late-case]").count()).resolves.toBe(2);
    await expect(page.locator("[data-late-case] td").first().textContent()).resolves.toBe(NANGUAN);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "city-board-bulletin-print");
    await page.emulateMedia({ media: "screen" });

    const phone = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone, server.url, "supervisor1");
    await phone.goto(`${server.url}/city-board`);
    // The page itself never scrolls sideways: the wide table scrolls in its own box.
    await expect(phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).resolves.toBe(true);
    await screenshot(phone, "city-board-phone");
    await phone.goto(`${server.url}/city-board/bulletin`);
    await expect(phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).resolves.toBe(true);
    await screenshot(phone, "city-board-bulletin-phone");
    await page.close();
    await phone.close();
  });
});
