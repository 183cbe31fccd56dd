import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { assignInspectors, transition } from "../../src/models/cases.js";
import { issueOrder, serveOrder } from "../../src/models/settlements.js";
import { handedOver } from "../../seeds/handed-over.js";
import { idNumber, makeCase, userId, workerInput } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** A filed case of inspector1's with an order to pay by 2026-11-30, left unpaid. */
function overdueCase() {
  const server = env.server();
  server.clock.now = at("2026-11-23");
  const workers = [workerInput(1, { claimedFen: 1_250_000 }), workerInput(2, { isRepresentative: false, claimedFen: 420_000 })];
  const { id } = makeCase(server.db, { receivedOn: "2026-11-23", employerName: "长春市示范建筑劳务有限公司", workers }, { now: server.clock.now });
  const supervisor = { id: userId(server.db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
  assignInspectors(server.db, {
    caseId: id,
    leadId: userId(server.db, "inspector1"),
    secondId: userId(server.db, "inspector2"),
    version: 1,
    actor: supervisor,
    now: server.clock.now,
  });
  const { version } = transition(server.db, { caseId: id, move: "file", note: "", version: 2, actor: supervisor, now: server.clock.now });
  const amounts = server.db.$client.prepare("select id as workerId, claimed_fen as amountFen from case_workers where case_id = ?").all(id) as {
    workerId: number;
    amountFen: number;
  }[];
  const orderId = issueOrder(server.db, {
    caseId: id,
    version,
    payBy: "2026-11-30",
    facts: "经查拖欠工资。",
    amounts,
    numberPrefix: "长人社监令",
    actor: supervisor,
    now: server.clock.now,
  });
  serveOrder(server.db, { caseId: id, orderId, version: version + 1, input: handedOver("2026-11-23", "王经理"), actor: supervisor, now: server.clock.now });
  return id;
}

describe("失信联合惩戒名单 in a real browser", () => {
  it("a whole proceeding: proposal → notice → decision → public page → early removal", async () => {
    const server = env.server();
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const caseId = overdueCase();

    // The day after the pay-by date the inspector proposes the listing from the case page.
    server.clock.now = at("2026-12-01");
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${caseId}`);
    await submit(page, "a:has-text('提请列入失信联合惩戒名单')");
    await page.check("input[name=grounds][value=oneWorker]");
    await page.fill("#monthsOwed", "4");
    await page.fill("#p0-name", "赵建华");
    await page.fill("#p0-id", idNumber(601, "19700101"));
    await page.fill("#p1-name", "钱志远");
    await page.fill("#p1-id", idNumber(602, "19760606"));
    await submit(page, "#proposal button[type=submit]");
    expect(await page.locator("#stage").getAttribute("data-stage")).toBe("proposed");
    const proceeding = page.url().replace(/#.*$/, "");

    // The supervisor approves; the notice is printed.
    await signIn(page, server.url, "supervisor1");
    await page.goto(proceeding);
    await submit(page, "#approve button.primary");
    await page.goto(`${proceeding}/notice`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#notice-doc").innerText()).toContain("5 个工作日内");
    await screenshot(page, "blacklist-1-notice");
    await page.emulateMedia({ media: "screen" });

    // Each party is served on its own the same day; the 送达回证 prints. A decision inside the window is refused.
    await signIn(page, server.url, "inspector1");
    await page.goto(proceeding);
    for (const receiver of ["赵建华（法定代表人）", "赵建华", "钱志远"]) {
      await page.fill("#service-servedOn", "2026-12-01");
      await page.fill("#service-receiver", receiver);
      await submit(page, "#service button");
    }
    expect(await page.locator("#parties").innerText()).not.toContain("待送达");
    await screenshot(page, "blacklist-1b-parties-served");
    await page.click("#parties tr[data-party^=person] a:has-text('送达回证')");
    await page.waitForSelector("#service-receipt");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#service-receipt").innerText()).toContain("赵建华（法定代表人/主要负责人）");
    await screenshot(page, "blacklist-1c-service-receipt");
    await page.emulateMedia({ media: "screen" });
    await signIn(page, server.url, "supervisor1");
    await page.goto(proceeding);
    await submit(page, "#decision button");
    expect(await page.locator("#decision .field-error").innerText()).toContain("异议期至 2026-12-08 届满");

    // After the window the supervisor decides; the decision is printed and the public page lists it.
    server.clock.now = at("2026-12-09");
    await signIn(page, server.url, "supervisor1");
    await page.goto(proceeding);
    await submit(page, "#decision button");
    expect(await page.locator("#term").innerText()).toContain("2029年12月9日");
    // The decision is served on each party too.
    for (let i = 0; i < 3; i++) {
      await page.fill("#decision-service-receiver", "本人");
      await submit(page, "#decision-service button");
    }
    expect(await page.locator("#decision-service").count()).toBe(0);
    await screenshot(page, "blacklist-2-proceeding-listed");
    await page.goto(`${proceeding}/decision`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#decision-doc").innerText()).toContain("长朝人社监失信决〔2026〕1号");
    await screenshot(page, "blacklist-3-decision");

    const phone = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/public/blacklist`);
    const entry = phone.locator("[data-entry]");
    expect(await entry.count()).toBe(1);
    const text = await entry.innerText();
    expect(text).toContain("长春市示范建筑劳务有限公司");
    expect(text).toContain("2201**********");
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await screenshot(phone, "blacklist-4-public-phone");

    // Early removal: applied for after the correction, granted six months later; the entry leaves the page.
    server.clock.now = at("2026-12-15");
    await page.emulateMedia({ media: "screen" });
    await signIn(page, server.url, "inspector1");
    await page.goto(proceeding);
    await page.fill("#correctedOn", "2026-12-15");
    await page.fill("#early-note", "工资支付凭证 2 份，书面信用承诺书");
    await submit(page, "#early button");
    server.clock.now = at("2027-06-15");
    await signIn(page, server.url, "supervisor1");
    await page.goto(proceeding);
    await page.check("#early-decision input[name=pledged]");
    await submit(page, "#early-decision button[value=yes]");
    expect(await page.locator("#removal").innerText()).toContain("提前移出");
    await screenshot(page, "blacklist-5-removed");
    // The removal is a numbered 移出决定书, served on each party like the 列入决定书, printed on A4.
    for (let i = 0; i < 3; i++) {
      await page.fill("#removal-service-receiver", "本人");
      await submit(page, "#removal-service button");
    }
    expect(await page.locator("#removal-service").count()).toBe(0);
    await page.goto(`${proceeding}/removal`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#removal-doc").innerText()).toContain("长朝人社监失信移〔2027〕1号");
    await screenshot(page, "blacklist-6-removal-decision");
    await page.emulateMedia({ media: "screen" });
    await phone.goto(`${server.url}/public/blacklist`);
    expect(await phone.locator("[data-entry]").count()).toBe(0);
    await phone.close();
    await page.close();
  });
});
