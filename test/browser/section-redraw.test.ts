/**
 * What the browser puts back when a refusal redraws a whole case-page section (public/js/refusals.js; the hostile
 * review of the section redraw): only what the user changed (all of a form drawn again after its own refusal), into
 * the form it was typed in (one form per advance, each with its own id), never a default the server has since moved
 * on from; a refused form the section no longer draws has its reason said atop the section.
 */
import { describe, expect, it } from "vitest";
import { addDays, shanghaiDate } from "../../src/domain/dates.js";
import { recordFundMovement } from "../../src/models/emergency-fund.js";
import { issueOrder } from "../../src/models/settlements.js";
import { caseInput, loginAs, userId, workedCase, workerInput } from "../helpers.js";
import { screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();

/** A case with two transfers waiting for 签收, sent by inspector2 (`other`), who can then act on them. */
async function twoTransfers(server: ReturnType<typeof env.server>) {
  const c = await workedCase(server, { to: "filed" });
  const other = await loginAs(server.app, "inspector2");
  const unit = (name: string) => server.db.$client.prepare("select id from member_units where name = ?").pluck().get(name) as number;
  const today = shanghaiDate(server.clock.now);
  for (const name of ["市住建局", "市公安局"]) {
    const res = await other
      .post(`/cases/${c.id}/department-transfers`)
      .type("form")
      .send({ version: String(c.version()), unitId: String(unit(name)), sentOn: today, matter: `请${name}处理。`, materials: "投诉登记表", replyDueOn: "" });
    expect(res.status).toBe(303);
  }
  const [t1, t2] = server.db.$client.prepare("select id from department_transfers where case_id = ? order by id").pluck().all(c.id) as number[];
  return { c, other, today, t1: t1!, t2: t2! };
}

/**
 * A 朝阳区 case with two workers, ordered to pay, and one advance of ¥100 per worker, each waiting for 审批
 * (`applied`) or approved and paid by 朝阳区's supervisor (`sup`, `paid`).
 */
async function twoAdvances(server: ReturnType<typeof env.server>, stage: "applied" | "paid") {
  const today = shanghaiDate(server.clock.now);
  const cy = server.db.$client.prepare("select id from offices where name = ?").pluck().get("朝阳区劳动保障监察大队") as number;
  recordFundMovement(server.db, { officeId: cy, kind: "capital", amountFen: 500 * 10_000 * 100, occurredOn: today, note: "拨款", actorId: null });
  const c = await workedCase(server, { to: "filed", overrides: caseInput({ workers: [workerInput(1), workerInput(2)] }) });
  const supervisor = { id: userId(server.db, "supervisor1"), role: "supervisor" as const, unitId: null, officeId: 1, cityWide: true };
  issueOrder(server.db, {
    caseId: c.id,
    version: c.version(),
    payBy: addDays(today, 10),
    facts: "经查拖欠工资。",
    amounts: c.workers.map((w) => ({ workerId: w.id, amountFen: w.claimed_fen })),
    numberPrefix: "长人社监令",
    actor: supervisor,
    now: server.clock.now,
  });
  const inspector = await loginAs(server.app, "inspector1");
  const sup = await loginAs(server.app, "supervisor_cy");
  for (const [i, w] of c.workers.entries()) {
    const amounts = Object.fromEntries(c.workers.map((x) => [`amount.${x.id}`, x.id === w.id ? "100" : "0"]));
    const res = await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send({ version: String(c.version()), appliedOn: today, reason: `第${i + 1}笔`, recoverFrom: "employer", recoverFromName: "某公司", ...amounts });
    expect(res.status).toBe(303);
  }
  const ids = server.db.$client.prepare("select id from emergency_advances where case_id = ? order by id").pluck().all(c.id) as number[];
  expect(ids).toHaveLength(2);
  if (stage === "paid") {
    for (const a of ids) {
      const decided = await sup
        .post(`/cases/${c.id}/advances/decision`)
        .type("form")
        .send({ version: String(c.version()), advanceId: String(a), decision: "approved", decidedOn: today, decisionNote: "" });
      expect(decided.status).toBe(303);
      const paid = await sup
        .post(`/cases/${c.id}/advances/payment`)
        .type("form")
        .send({ version: String(c.version()), advanceId: String(a), paidOn: today });
      expect(paid.status).toBe(303);
    }
  }
  return { c, today, sup, ids: ids as [number, number] };
}

describe("after a refusal redraws a section", () => {
  it("an untouched field is not overwritten with its stale default (the 签收 form's 移送 choice)", async () => {
    const server = env.server();
    const { c, other, today, t1, t2 } = await twoTransfers(server);

    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    // The 签收 form, never opened, offers the first transfer.
    await expect(page.inputValue("#department-receipt-transferId")).resolves.toBe(String(t1));
    await page.click("#department-transfers summary:has-text('移（转）送其他部门')");
    await page.selectOption("#department-transfer-unitId", { index: 1 });
    await page.fill("#department-transfer-matter", "另一事项");
    await page.fill("#department-transfer-materials", "投诉登记表");

    // Meanwhile the other inspector records the first transfer's 签收.
    const res = await other
      .post(`/cases/${c.id}/department-transfers/receipt`)
      .type("form")
      .send({ version: String(c.version()), transferId: String(t1), receivedOn: today, signedBy: "刘某" });
    expect(res.status).toBe(303);

    await page.click("#department-transfer button[type=submit]");
    await expect(page.locator("#department-transfer [role=alert]").textContent()).resolves.toContain("案件已被他人更新");
    // The redrawn 签收 form offers only the second transfer; the user never touched it, so it should offer that one.
    await expect(page.locator("#department-receipt-transferId option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).resolves.toEqual([
      String(t2),
    ]);
    await expect(page.inputValue("#department-receipt-transferId")).resolves.toBe(String(t2));
  });

  it("what was typed in one advance's 审批 form is not put into another advance's form", async () => {
    const server = env.server();
    const { c } = await twoAdvances(server, "applied");

    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/cases/${c.id}`);
    const first = page.locator("[data-advance]").nth(0);
    const second = page.locator("[data-advance]").nth(1);
    await first.locator("summary:has-text('审批垫付申请')").click();
    await second.locator("summary:has-text('审批垫付申请')").click();
    await first.locator("input[value=approved]").check();
    await first.locator("textarea[name=decisionNote]").fill("第一笔：同意");
    await second.locator("input[value=refused]").check();
    await second.locator("textarea[name=decisionNote]").fill("第二笔：不同意");
    server.db.$client.prepare("update cases set version = version + 1 where id = ?").run(c.id);
    await first.locator("button[type=submit]").click();
    await expect(first.locator("[role=alert]").first().textContent()).resolves.toContain("案件已被他人更新");
    // The refused (first) form keeps its own text; the second form keeps its own.
    await expect(first.locator("textarea[name=decisionNote]").inputValue()).resolves.toBe("第一笔：同意");
    await expect(second.locator("textarea[name=decisionNote]").inputValue()).resolves.toBe("第二笔：不同意");
  });
  it("an untouched select drawn without a choice (答复's 移送) shows what the server offers now, not the option it showed before", async () => {
    const server = env.server();
    const { c, other, today, t1, t2 } = await twoTransfers(server);
    const receipt = (t: number) =>
      other
        .post(`/cases/${c.id}/department-transfers/receipt`)
        .type("form")
        .send({ version: String(c.version()), transferId: String(t), receivedOn: today, signedBy: "刘某" });
    expect((await receipt(t2!)).status).toBe(303);

    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    await expect(page.inputValue("#department-reply-transferId")).resolves.toBe(String(t2));
    await page.click("#department-transfers summary:has-text('移（转）送其他部门')");
    await page.selectOption("#department-transfer-unitId", { index: 1 });
    await page.fill("#department-transfer-matter", "另一事项");
    await page.fill("#department-transfer-materials", "投诉登记表");
    expect((await receipt(t1!)).status).toBe(303);
    await page.click("#department-transfer button[type=submit]");
    await expect(page.locator("#department-transfer [role=alert]").textContent()).resolves.toContain("案件已被他人更新");
    // The user never touched the 答复 form: it shows what the server drew now (its first choice, t1).
    await expect(page.inputValue("#department-reply-transferId")).resolves.toBe(String(t1));
  });

  it("what a refusal drew back into advance A (its typed values as defaults) survives a version conflict on advance B", async () => {
    const server = env.server();
    const { c, today } = await twoAdvances(server, "applied");

    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "supervisor_cy");
    await page.goto(`${server.url}/cases/${c.id}`);
    const first = page.locator("[data-advance]").nth(0);
    const second = page.locator("[data-advance]").nth(1);
    await first.locator("summary:has-text('审批垫付申请')").click();
    await second.locator("summary:has-text('审批垫付申请')").click();
    // Advance A: 不予垫付 without a note and another date: refused (422), drawn again with what was typed.
    await first.locator("input[value=refused]").check();
    await first.locator("input[name=decidedOn]").fill(addDays(today, -1));
    await first.locator("button[type=submit]").click();
    await expect(first.locator("[role=alert]").first().textContent()).resolves.toContain("请");
    await expect(first.locator("input[name=decidedOn]").inputValue()).resolves.toBe(addDays(today, -1));
    await expect(first.locator("input[value=refused]").isChecked()).resolves.toBe(true);
    // Advance B: refused by a version conflict: the whole section is drawn again.
    await second.locator("input[value=approved]").check();
    server.db.$client.prepare("update cases set version = version + 1 where id = ?").run(c.id);
    await second.locator("button[type=submit]").click();
    await expect(second.locator("[role=alert]").first().textContent()).resolves.toContain("案件已被他人更新");
    // What the user chose in A is still there.
    await expect(first.locator("input[value=refused]").isChecked()).resolves.toBe(true);
    await expect(first.locator("input[name=decidedOn]").inputValue()).resolves.toBe(addDays(today, -1));
  });

  it("a value the server filled in a form refused earlier (追偿金额) is not put back over the fresh one after another form's conflict", async () => {
    const server = env.server();
    const {
      c,
      today,
      sup,
      ids: [A, B],
    } = await twoAdvances(server, "paid");
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    const a = page.locator(`#advance-recovery-${A}`);
    const b = page.locator(`#advance-recovery-${B}`);
    await page.locator(`[data-advance="${A}"] summary:has-text('登记追偿收回')`).click();
    await expect(a.locator("input[name=amount]").inputValue()).resolves.toBe("100.00");
    // Refused (422): payer cleared. The amount, never touched, is drawn back as 100.00.
    await a.locator("input[name=payer]").fill("");
    await a.locator("button[type=submit]").click();
    await expect(a.locator("[role=alert]").first().textContent()).resolves.toContain("请");
    // Meanwhile a colleague records ¥60 of A's recovery: A's outstanding is now ¥40.
    expect(
      (
        await sup
          .post(`/cases/${c.id}/advances/recovery`)
          .type("form")
          .send({ version: String(c.version()), advanceId: String(A), recoveredOn: today, amount: "60", payer: "某公司" })
      ).status,
    ).toBe(303);
    // The user, touching nothing more in A, records B's recovery: 409, the section is drawn again.
    await page.locator(`[data-advance="${B}"] summary:has-text('登记追偿收回')`).click();
    await b.locator("input[name=amount]").fill("10");
    await b.locator("button[type=submit]").click();
    await expect(b.locator("[role=alert]").first().textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.locator("#emergency-advances").textContent()).resolves.toContain("已收回 ¥60.00");
    // The user typed payer "" (kept: fine) but never typed 100.00: A's form should offer the fresh outstanding.
    await expect(a.locator("input[name=payer]").inputValue()).resolves.toBe("");
    await expect(a.locator("input[name=amount]").inputValue()).resolves.toBe("40.00");
  });
  it("a field typed and sent (the connection lost), then set back to the drawn default, is not pinned over the fresh default", async () => {
    const server = env.server();
    const {
      c,
      today,
      sup,
      ids: [A, B],
    } = await twoAdvances(server, "paid");
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    const a = page.locator(`#advance-recovery-${A}`);
    const b = page.locator(`#advance-recovery-${B}`);
    await page.locator(`[data-advance="${A}"] summary:has-text('登记追偿收回')`).click();
    await a.locator("input[name=amount]").fill("20");
    await page.route("**/advances/recovery", (route) => route.abort(), { times: 1 });
    await a.locator("button[type=submit]").click();
    await expect(page.locator("#htmx-refusal").textContent()).resolves.toContain("网络连接中断");
    // The user puts the amount back to what was drawn: untouched now.
    await a.locator("input[name=amount]").fill("100.00");
    expect(
      (
        await sup
          .post(`/cases/${c.id}/advances/recovery`)
          .type("form")
          .send({ version: String(c.version()), advanceId: String(A), recoveredOn: today, amount: "60", payer: "某公司" })
      ).status,
    ).toBe(303);
    await page.locator(`[data-advance="${B}"] summary:has-text('登记追偿收回')`).click();
    await b.locator("input[name=amount]").fill("10");
    await b.locator("button[type=submit]").click();
    await expect(b.locator("[role=alert]").first().textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.locator("#emergency-advances").textContent()).resolves.toContain("已收回 ¥60.00");
    await expect(a.locator("input[name=amount]").inputValue()).resolves.toBe("40.00");
  });

  it("a form refused on the page's load, then refused again over htmx, keeps what was typed before the page load", async () => {
    const server = env.server();
    const {
      c,
      ids: [A, B],
    } = await twoAdvances(server, "paid");
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    const a = page.locator(`#advance-recovery-${A}`);
    const b = page.locator(`#advance-recovery-${B}`);
    await page.locator(`[data-advance="${A}"] summary:has-text('登记追偿收回')`).click();
    // Sent without htmx (before it loaded): refused, the whole page drawn again with what was typed.
    await a.locator("input[name=payer]").fill("某公司财务");
    await a.locator("input[name=amount]").fill("0");
    await Promise.all([page.waitForNavigation(), a.evaluate((f) => HTMLFormElement.prototype.submit.call(f))]);
    await expect(a.locator("[role=alert]").first().isVisible()).resolves.toBe(true);
    await expect(a.locator("input[name=payer]").inputValue()).resolves.toBe("某公司财务");
    // Sent again over htmx with only the amount changed: refused again (422), drawn with what was sent.
    await a.locator("input[name=amount]").fill("-1");
    await a.locator("button[type=submit]").click();
    await expect(a.locator("input[name=amount]").inputValue()).resolves.toBe("-1");
    await expect(a.locator("[role=alert]").first().isVisible()).resolves.toBe(true);
    // A conflict on B: the section drawn again; A keeps 某公司财务 (typed before the page's load).
    server.db.$client.prepare("update cases set version = version + 1 where id = ?").run(c.id);
    await page.locator(`[data-advance="${B}"] summary:has-text('登记追偿收回')`).click();
    await b.locator("input[name=amount]").fill("10");
    await b.locator("button[type=submit]").click();
    await expect(b.locator("[role=alert]").first().textContent()).resolves.toContain("案件已被他人更新");
    await expect(a.locator("input[name=amount]").inputValue()).resolves.toBe("-1");
    await expect(a.locator("input[name=payer]").inputValue()).resolves.toBe("某公司财务");
  });
});

describe("the refused form itself", () => {
  it("a refused 回避申请 is drawn again with what was typed, beside the request someone else filed meanwhile", async () => {
    const server = env.server();
    const c = await workedCase(server, { to: "filed" });
    const other = await loginAs(server.app, "inspector2");
    const today = shanghaiDate(server.clock.now);
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.click("#recusals summary:has-text('记录回避申请')");
    await page.selectOption("#recusal-applicant", "complainant");
    await page.selectOption("#recusal-inspectorId", { index: 1 });
    await page.fill("#recusal-reason", "投诉人称承办人与用人单位负责人系亲属。");
    const res = await other
      .post(`/cases/${c.id}/recusals`)
      .type("form")
      .send({
        version: String(c.version()),
        requestedOn: today,
        applicant: "employer",
        inspectorId: String(userId(server.db, "inspector2")),
        reason: "单位申请",
      });
    expect(res.status).toBe(303);
    await page.click("#recusal button[type=submit]");
    await page.waitForSelector("#recusals:has-text('单位申请')");
    // The refused request is drawn again with its reason and what was typed, beside the one now pending.
    await expect(page.locator("#recusal [role=alert]").textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.inputValue("#recusal-reason")).resolves.toBe("投诉人称承办人与用人单位负责人系亲属。");
  });

  it("a refused form the section no longer draws (the case closed meanwhile) has its reason said atop the section", async () => {
    const server = env.server();
    const c = await workedCase(server, { to: "filed" });
    const page = await env.browser().newPage({ locale: "zh-CN" });
    await signIn(page, server.url, "inspector1");
    await page.goto(`${server.url}/cases/${c.id}`);
    await page.click("#phone-contacts summary:has-text('记录电话联系用人单位')");
    await page.fill("#phone-contact-personReached", "王经理（项目经理）");
    await page.fill("#phone-contact-summary", "答应月底前付清");
    server.db.$client
      .prepare(
        "insert into employer_phone_contacts (case_id, contacted_on, person_reached, summary, created_at) values (?, ?, '李会计（财务）', '称资金已申请', 0)",
      )
      .run(c.id, "2026-11-23");
    server.db.$client.prepare("update cases set state = 'closed', version = version + 1 where id = ?").run(c.id);
    await page.click("#phone-contact button[type=submit]");
    await expect(page.locator("#phone-contacts #htmx-refusal").textContent()).resolves.toContain("案件已被他人更新");
    await expect(page.locator("#phone-contacts").textContent()).resolves.toContain("李会计（财务）");
    await expect(page.locator("#phone-contact").count()).resolves.toBe(0);
    await screenshot(page, "case-form-gone-after-refusal");
  });
});
