/**
 * 移送其他部门 in a real browser (docs/rules.md §移送其他部门): the inspector sends the 住建 part of a case to the 市住建局
 * with its materials, records its 签收 and reply (a refused reply keeps what was typed); a second transfer, to the
 * 市市场监管局, waits past its due date and the office's and the city's dashboards show it late (desktop and phone
 * screenshots in test-results/screenshots).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workedCase } from "../helpers.js";
import { SCREENSHOTS, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

describe("移送其他部门", () => {
  it("sends, records the 签收 and the reply, and shows what waits on the dashboards", async () => {
    const server = env.server();
    const c = await workedCase(server);
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);

    const send = async (unit: string, matter: string) => {
      await page.click("#department-transfers summary:has-text('移（转）送其他部门')");
      await page.selectOption("#department-transfer-unitId", { label: unit });
      await page.fill("#department-transfer-matter", matter);
      await page.fill("#department-transfer-materials", "投诉登记表\n现场检查笔录\n工程施工合同复印件");
      await page.click("#department-transfer button[type=submit]");
    };
    await send("市住建局", "总包单位未按规定开设农民工工资专用账户，请依职责查处。");
    await page.waitForSelector("[data-stage=receipt]");

    await page.click("#department-transfers summary:has-text('登记接收部门签收')");
    await page.fill("#department-receipt-signedBy", "市住建局建管处 刘某");
    await page.click("#department-receipt button[type=submit]");
    await page.waitForSelector("[data-stage=reply]");

    await page.click("#department-transfers summary:has-text('登记接收部门答复')");
    await page.fill("#department-reply-content", "已责令总包单位五日内开设专用账户。");
    await page.click("#department-reply button[type=submit]");
    await expect(page.locator("#department-reply-outcome-error").textContent()).resolves.toBe("请选择答复结果");
    await expect(page.inputValue("#department-reply-content")).resolves.toBe("已责令总包单位五日内开设专用账户。");
    await page.check("#department-reply input[value=handling]");
    await page.click("#department-reply button[type=submit]");
    await page.waitForSelector("[data-stage=done]");
    // Its 案件移送书, printed on A4 with its number and the department's 签收 (docs/rules.md §Printed transfers).
    await Promise.all([page.waitForLoadState("load"), page.click("[data-department-transfer] [data-print-link]")]);
    await page.emulateMedia({ media: "print" });
    const letter = (await page.locator("article.doc").textContent()) ?? "";
    for (const words of [
      "案件移送书",
      "市住建局：",
      "第十八条第二款",
      "总包单位未按规定开设农民工工资专用账户",
      "移送材料清单",
      "签收人（签字）：市住建局建管处 刘某",
    ]) {
      expect(letter).toContain(words);
    }
    expect(letter).toMatch(/长朝人社监移〔\d{4}〕1号/);
    await page.screenshot({ path: join(SCREENSHOTS, "print-department-transfer.png"), fullPage: true });
    await page.pdf({ path: join(SCREENSHOTS, "print-department-transfer.pdf"), format: "A4" });
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${server.url}/cases/${c.id}`);

    await send("市市场监管局", "用人单位营业执照已吊销仍在经营，请依职责处理。");
    await page.waitForSelector("[data-stage=receipt]");
    // A second open transfer to the same department is refused under the department, what was typed kept.
    await send("市市场监管局", "再次移送");
    await expect(page.locator("#department-transfer-unitId-error").textContent()).resolves.toContain("同一部门只能有一次未办结的移送");
    await expect(page.inputValue("#department-transfer-matter")).resolves.toBe("再次移送");
    await page.locator("#department-transfers").screenshot({ path: join(SCREENSHOTS, "department-transfers-refused.png") });
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.locator("#department-transfers").screenshot({ path: join(SCREENSHOTS, "department-transfers-case.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/cases/${c.id}#department-transfers`);
    await page.locator("#department-transfers").screenshot({ path: join(SCREENSHOTS, "department-transfers-case-phone.png") });
    const timeline = await page.locator("#timeline").textContent();
    expect(timeline).toMatch(/移送市住建局（材料 3 项）[\s\S]*市住建局签收，签收人 市住建局建管处 刘某[\s\S]*市住建局答复：已受理，正在查处/);

    // Fifteen days on, the 市市场监管局 has not signed: late on the office's board and the city's.
    server.clock.now = new Date(server.clock.now.getTime() + 21 * 86_400_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/dashboard`);
    const row = page.locator("[data-table=department-transfers] tr[data-stage=receipt]");
    await expect(row.getAttribute("data-clock-status")).resolves.toBe("overdue");
    await expect(row.locator("td").first().textContent()).resolves.toBe("市市场监管局");
    await page.locator("#department-transfers").screenshot({ path: join(SCREENSHOTS, "department-transfers-dashboard.png") });
    await signIn(page, server.url, "supervisor1");
    await page.goto(`${server.url}/dashboard`);
    await expect(page.locator("[data-table=department-transfers] tr[data-stage=receipt] td").first().textContent()).resolves.toBe("朝阳区劳动保障监察大队");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#department-transfers").screenshot({ path: join(SCREENSHOTS, "department-transfers-city-dashboard-phone.png") });
    await page.close();
  });
});
