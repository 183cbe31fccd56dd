/**
 * The case page's forms as htmx draws them (issue 22, the hostile review of the lazy forms): opening a form
 * replaces only its opener — what is typed in the section's other forms stays — and the focus lands on the form
 * opened; a form refused for someone else's change comes back with its message and what was typed; a refusal
 * that is no form (no right to the case any more) is said above what was pressed; after the session ended,
 * the window goes to the login page, not a login page inside a card.
 */
import { describe, expect, it } from "vitest";
import { userId, workedCase } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

describe("the case page's forms", () => {
  it("open in place, show every refusal where the user is, and send an ended session to the login page", async () => {
    const server = env.server();
    const c = await workedCase(server, { to: "filed" });
    const page = await env.browser().newPage({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);

    // A first transfer, so that its 签收 form stands beside the closed 移送 form.
    await page.click("#department-transfers summary:has-text('移（转）送其他部门')");
    await page.selectOption("#department-transfer-unitId", { label: "市住建局" });
    await page.fill("#department-transfer-matter", "总包单位未按规定开设农民工工资专用账户，请依职责查处。");
    await page.fill("#department-transfer-materials", "投诉登记表");
    await page.click("#department-transfer button[type=submit]");
    await page.waitForSelector("[data-stage=receipt]");

    await page.click("#department-transfers summary:has-text('登记接收部门签收')");
    await page.fill("#department-receipt-signedBy", "市住建局建管处 刘某");
    await page.click("#department-transfers summary:has-text('移（转）送其他部门')");
    await page.waitForSelector("#department-transfer-unitId");
    await expect(page.inputValue("#department-receipt-signedBy")).resolves.toBe("市住建局建管处 刘某");
    await page.waitForFunction(() => document.activeElement?.closest("details")?.id === "open-department-transfer");

    // Someone else recorded a call meanwhile: the phone record is refused with its message, what was typed kept,
    // and the other call is shown beside it (the whole section is drawn again after a version conflict).
    await page.click("#phone-contacts summary:has-text('记录电话联系用人单位')");
    await page.fill("#phone-contact-personReached", "王经理（项目经理）");
    await page.fill("#phone-contact-summary", "答应月底前付清");
    server.db.$client
      .prepare(
        "insert into employer_phone_contacts (case_id, contacted_on, person_reached, summary, created_at) values (?, ?, '李会计（财务）', '称资金已申请', 0)",
      )
      .run(c.id, "2026-11-23");
    server.db.$client.prepare("update cases set version = version + 1 where id = ?").run(c.id);
    await page.click("#phone-contact button[type=submit]");
    await expect(page.locator("#phone-contact [role=alert]").textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.inputValue("#phone-contact-summary")).resolves.toBe("答应月底前付清");
    await expect(page.locator("#phone-contacts").textContent()).resolves.toContain("李会计（财务）");
    // The focus moves to the message once htmx has settled the swap (public/js/form-help.js).
    await page.waitForFunction(() => document.activeElement?.closest("#phone-contact")?.querySelector("[role=alert]") === document.activeElement);
    await expect(page.inputValue("#department-receipt-signedBy")).resolves.toBe("市住建局建管处 刘某");
    await screenshot(page, "case-form-refused-409");

    // A 签收 refused for someone else's change brings back its whole section (the other transfer shown): the 移送
    // form open beside it keeps what was typed there, and the 签收 form stays open with its own.
    const [unit] = await page.selectOption("#department-transfer-unitId", { index: 2 });
    await page.fill("#department-transfer-matter", "欠薪涉及的工程款支付问题，请依职责处理。");
    server.db.$client.prepare("update cases set version = version + 1 where id = ?").run(c.id);
    await page.click("#department-receipt button[type=submit]");
    await expect(page.locator("#department-receipt [role=alert]").textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.inputValue("#department-transfer-matter")).resolves.toBe("欠薪涉及的工程款支付问题，请依职责处理。");
    await expect(page.inputValue("#department-transfer-unitId")).resolves.toBe(unit);
    await expect(page.inputValue("#department-receipt-signedBy")).resolves.toBe("市住建局建管处 刘某");
    await expect(page.locator("#open-department-transfer").getAttribute("open")).resolves.not.toBeNull();
    await screenshot(page, "case-form-refused-409-section");

    // The case was given to other inspectors: the refusal is said above the form, nothing typed is lost.
    server.db.$client.prepare("update cases set lead_inspector_id = ?, second_inspector_id = null where id = ?").run(userId(server.db, "inspector2"), c.id);
    await page.click("#department-receipt button[type=submit]");
    await expect(page.locator("#htmx-refusal").textContent()).resolves.toContain("只有办理本案的人员可以办理此案件");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("htmx-refusal");
    await expect(page.inputValue("#department-receipt-signedBy")).resolves.toBe("市住建局建管处 刘某");
    await screenshot(page, "case-form-refused-403");

    // The session ended (signed out elsewhere): opening a form goes to the login page, which leads back here.
    server.db.$client.prepare("delete from sessions").run();
    await Promise.all([page.waitForURL(/\/login\?redirectTo=/), page.click("#inquiries summary:has-text('制作询问笔录')")]);
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(`/cases/${c.id}`);
    await page.close();
  });
});
