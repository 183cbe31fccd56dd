/**
 * 防欠成效 in a real browser (docs/rules.md §防欠成效 figures): the city's supervisor reads this year's special-action
 * work in the statistics and in the bureau's sentence, sees the open risk points on the dashboard and follows the
 * count to their list; 朝阳区's supervisor sees only the office's (screenshots in test-results/screenshots).
 */
import { describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { CHECK_ITEMS, type CheckItem, type CheckResult } from "../../src/domain/special-actions.js";
import { addGroup, addRisk, addRiskPayment, createAction, recordInspection, resolveRisk } from "../../src/models/special-actions.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { insertProject, officeIdOf } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser, type Running } from "./support.js";

const env = useServerAndBrowser();
const checklist = Object.fromEntries(CHECK_ITEMS.map((k) => [k, "ok"])) as Record<CheckItem, CheckResult>;

/** A city action this month: 朝阳 inspects two projects (one twice), 南关 one; 朝阳 resolves a risk by payment, two stay open, one past its day. */
function actionThisMonth(server: Running) {
  const { db } = server;
  const now = server.clock.now;
  const today = shanghaiDate(now);
  const on = (days: number) => addDays(today, -days);
  const [cy, ng] = [officeIdOf(db, "朝阳区劳动保障监察大队"), officeIdOf(db, "南关区劳动保障监察大队")];
  const project = (officeId: number, name: string, seed: string) => insertProject(db, officeId, name, seed, on(200));
  const city = viewerOfUsername(db, "supervisor1");
  const action = createAction(db, { name: "“护薪安薪”专项行动", startsOn: on(3), endsOn: addDays(today, 20), scope: "在建工程项目" }, city, now);
  const group = (officeId: number, name: string) => addGroup(db, action, { name, leader: "组长", officeId, members: [] }, city, now);
  const inspect = (groupId: number, projectId: number, daysAgo: number) =>
    recordInspection(
      db,
      action,
      { groupId, projectId, employerName: "", employerUscc: null, inspectedOn: on(daysAgo), persons: 3, checklist, findings: "" },
      city,
      now,
    );
  const [g1, g2] = [group(cy, "朝阳区第一检查组"), group(ng, "南关区第一检查组")];
  const [p1, p2, p3] = [
    project(cy, "南湖花园三期", "91220104MA0Y7001"),
    project(cy, "净月科创园", "91220104MA0Y7002"),
    project(ng, "南关老旧小区改造", "91220102MA0Y7003"),
  ];
  const i1 = inspect(g1, p1, 3);
  inspect(g1, p1, 2);
  const i2 = inspect(g1, p2, 2);
  inspect(g2, p3, 1);
  const risk = (inspectionId: number, description: string, resolveBy: string) =>
    addRisk(db, action, inspectionId, { description, amountFen: 4_260_000, workers: 18, responsible: "吉林某建工集团有限公司", resolveBy }, city, now);
  const paid = risk(i1, "木工班组 18 人工资拖欠", addDays(today, 10));
  addRiskPayment(db, action, paid, { paidOn: today, amountFen: 4_260_000, workers: 18, proof: "专户代发回单" }, city, now);
  resolveRisk(db, action, paid, city, now);
  risk(i2, "瓦工班组工程款纠纷致欠薪", on(1));
  risk(i2, "钢结构班组工资拖欠", addDays(today, 5));
}

describe("防欠成效 figures", () => {
  it("are in the period's statistics and sentence, and the dashboard's open risk points lead to their list", async () => {
    const server = env.server();
    actionThisMonth(server);
    const page = await env.browser().newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "supervisor1");
    const today = shanghaiDate(server.clock.now);
    await page.goto(`${server.url}/statistics?period=custom&from=${addDays(today, -10)}&to=${today}`);
    expect(await page.textContent('[data-figure="projects"]')).toBe("3");
    expect(await page.inputValue("#summary-sentence")).toContain(
      "专项检查成立检查组2个，开展检查12人次，排查项目3个，清理风险点1个，为18名农民工保障支付工资4.26万元（其中化解1个、转立案0个），期间新发现风险点3个。",
    );
    await page.locator("#safeguards-title").scrollIntoViewIfNeeded();
    await screenshot(page, "safeguards-statistics");

    await page.goto(`${server.url}/dashboard`);
    const open = Number(await page.textContent('[data-figure="openRisks"]'));
    expect(open).toBe(2);
    expect(await page.textContent('[data-figure="overdueRisks"]')).toBe("1");
    await page.locator("#safeguards-title").scrollIntoViewIfNeeded();
    await screenshot(page, "safeguards-dashboard");
    await Promise.all([page.waitForURL(/\/risks$/), page.click('[data-figure="openRisks"]')]);
    expect(await page.locator("[data-risk]").count()).toBe(open);
    await screenshot(page, "safeguards-risks");

    await signIn(page, server.url, "supervisor_ng");
    await page.goto(`${server.url}/risks`);
    expect(await page.textContent("[data-scope]")).toContain("南关区");
    expect(await page.locator("[data-risk]").count()).toBe(0);
    await page.close();
  });
});
