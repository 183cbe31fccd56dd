import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createProject } from "../../src/models/projects.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { makeCase, uscc } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

/** Opens a <details> whatever state the boosted page left it in. */
async function openDetails(page: Page, selector: string) {
  await page
    .locator(selector)
    .first()
    .evaluate((d) => {
      (d as HTMLDetailsElement).open = true;
    });
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

describe("a 护薪安薪 special action in a real browser", () => {
  it("two groups inspect three projects; one risk is resolved by payment, one becomes a case; the sentence says so", async () => {
    const server = env.server();
    server.clock.now = new Date("2026-11-23T10:00:00+08:00");
    const cy = viewerOfUsername(server.db, "supervisor_cy");
    for (const [i, name] of ["幸福里一期", "幸福里二期", "朝阳体育馆改造"].entries()) {
      createProject(
        server.db,
        {
          name,
          address: "",
          district: "朝阳区",
          builderName: "长春幸福置业有限公司",
          builderUscc: null,
          contractorName: "吉林某建工集团有限公司",
          contractorUscc: uscc(`91220104MA0Y330${i}`),
          subcontractors: [],
          contractFen: 5_000_000_000,
          startOn: "2026-03-01",
          endOn: null,
          wageAccountBank: "",
          wageAccountOpenedOn: null,
          realName: i > 0,
          contractorPays: false,
          guaranteeForm: null,
          guaranteeFen: 0,
          guarantor: "",
          guaranteeFrom: null,
          guaranteeUntil: null,
          noticeBoard: false,
        },
        cy,
        server.clock.now,
      );
    }
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/actions`);
    await page.fill("#new-action-name", "朝阳区护薪安薪专项行动");
    await page.fill("#new-action-startsOn", "2026-11-01");
    await page.fill("#new-action-endsOn", "2026-12-31");
    await page.fill("#new-action-scope", "辖区在建工程项目");
    await submit(page, "#new-action button[type=submit]");
    const actionUrl = page.url().replace(/#.*$/, "");

    for (const group of ["第一检查组", "第二检查组"]) {
      await page.fill("#new-group-name", group);
      await page.fill("#new-group-leader", "冯磊");
      await page.selectOption("#new-group-officeId", { label: "朝阳区劳动保障监察大队" });
      await page.fill("input[name='member.0.name']", "郑雪");
      await page.selectOption("select[name='member.0.from']", { label: "朝阳区劳动保障监察大队" });
      await page.fill("input[name='member.1.name']", "住建 孙工");
      await page.selectOption("select[name='member.1.from']", { label: "市住建局（专班成员单位）" });
      await submit(page, "#new-group button[type=submit]");
    }

    for (const [group, project] of [
      ["第一检查组", "幸福里一期"],
      ["第一检查组", "幸福里二期"],
      ["第二检查组", "朝阳体育馆改造"],
    ]) {
      await page.selectOption("#new-inspection-groupId", { label: group });
      await page.fill("#new-inspection-inspectedOn", "2026-11-20");
      await page.fill("#new-inspection-persons", "3");
      await page.selectOption("#new-inspection-projectId", { label: project });
      for (const item of ["wageAccount", "realName", "contractorPays", "guarantee", "noticeBoard", "paidMonthly"]) {
        await page.selectOption(`#new-inspection-${item}`, item === "paidMonthly" ? "fail" : "ok");
      }
      await page.fill("#new-inspection-findings", "班组工资未按月足额支付");
      await submit(page, "#new-inspection button[type=submit]");
    }

    const inspections = await page.locator("[data-inspection]").evaluateAll((els) => els.map((e) => e.getAttribute("data-inspection")));
    expect(inspections).toHaveLength(3);
    for (const [n, description] of [
      [0, "钢筋班组工资拖欠"],
      [2, "瓦工班组工资拖欠"],
    ] as const) {
      const id = inspections[n]!;
      await openDetails(page, `[data-inspection="${id}"] details`);
      await page.fill(`#risk-${id}-description`, description);
      await page.fill(`#risk-${id}-amount`, "86000");
      await page.fill(`#risk-${id}-workers`, "9");
      await page.fill(`#risk-${id}-responsible`, "吉林某建工集团有限公司");
      await page.fill(`#risk-${id}-resolveBy`, "2026-12-04");
      await submit(page, `#risk-${id} button[type=submit]`);
    }
    const risks = await page.locator("[data-risk]").evaluateAll((els) => els.map((e) => e.getAttribute("data-risk")));
    expect(risks).toHaveLength(2);

    // 化解 without a payment is refused; with the payment recorded it goes through.
    const [paid, filed] = risks as [string, string];
    await openDetails(page, `[data-risk="${paid}"] details`);
    await submit(page, `#risk-payment-${paid} button[formaction]`);
    expect(await page.locator(`#risk-payment-${paid}`).innerText()).toContain("须先登记支付记录");
    await page.fill(`#risk-payment-${paid}-paidOn`, "2026-11-23");
    await page.fill(`#risk-payment-${paid}-amount`, "86000");
    await page.fill(`#risk-payment-${paid}-workers`, "9");
    await page.fill(`#risk-payment-${paid}-proof`, "工资专户代发回单");
    await submit(page, `#risk-payment-${paid} button:not([formaction])`);
    await openDetails(page, `[data-risk="${paid}"] details`);
    await submit(page, `#risk-payment-${paid} button[formaction]`);

    // The other becomes a case registered at the window.
    const c = makeCase(server.db, { district: "朝阳区", projectName: "朝阳体育馆改造" }, { now: server.clock.now });
    await openDetails(page, `[data-risk="${filed}"] details`);
    await page.fill(`#risk-file-${filed}-caseNumber`, c.caseNumber);
    await submit(page, `#risk-file-${filed} button[type=submit]`);

    await page.goto(actionUrl);
    expect(await page.locator(`[data-risk="${paid}"] [data-status]`).getAttribute("data-status")).toBe("resolved");
    expect(await page.locator(`[data-risk="${filed}"] [data-status]`).getAttribute("data-status")).toBe("filed");
    expect(await page.locator("#action-sentence").innerText()).toBe(
      "成立检查组2个，开展检查9人次，排查项目3个，清理风险点2个，为9名农民工保障支付工资8.6万元。",
    );
    await screenshot(page, "special-action-1-page");

    // The project the case names shows the case and the risk.
    await page.goto(`${server.url}/projects`);
    await screenshot(page, "special-action-2-projects");
    await submit(page, "a:has-text('朝阳体育馆改造')");
    expect(await page.locator("#cases").innerText()).toContain(c.caseNumber);
    expect(await page.locator("#inspections").innerText()).toContain("已立案");
    await screenshot(page, "special-action-3-project");
  });
});
