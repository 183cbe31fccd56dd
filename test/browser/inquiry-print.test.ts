/**
 * The 询问笔录 printed on A4 (docs/rules.md §询问笔录): a long questioning runs over two pages, and every printed page
 * carries the interviewee's signature line and its page number, as the print view promises.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "../../src/domain/case-abilities.js";
import { inquiryRecords } from "../../src/db/schema.js";
import { getCaseRow, transition } from "../../src/models/cases.js";
import { makeCase, userId, workerInput } from "../helpers.js";
import { pdfPages } from "./pdf-text.js";
import { SCREENSHOTS, screenshot, signIn, useServerAndBrowser } from "./support.js";

const env = useServerAndBrowser();
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe("询问笔录 on A4", () => {
  it("prints a long record on two pages, each with the signature line and its page number", async () => {
    const { db, url } = env.server();
    const supervisor: Viewer = { id: userId(db, "supervisor1"), role: "supervisor", unitId: null, officeId: 1, cityWide: true };
    const c = makeCase(db, { receivedOn: "2026-11-02", workers: [workerInput(1)] }, { now: at("2026-11-02") });
    transition(db, { caseId: c.id, move: "file", note: "", version: getCaseRow(db, c.id).version, actor: supervisor, now: at("2026-11-03") });
    // Answers of different lengths, so that a page may end inside one: the foot of the page must stay clear.
    const qa = Array.from({ length: 9 }, (_, i) => [
      `问：你单位在 2026 年 ${i + 1} 月是否按时足额支付了投诉人的工资？请说明支付方式、时间和金额。`,
      `答：${"该月工资没有按时足额支付，总包单位没有按合同拨付工程款，我们先支付了一部分生活费。".repeat(1 + (i % 3))}剩余的工资承诺在年底前结清。`,
    ]).flat();
    const inquiryId = db
      .insert(inquiryRecords)
      .values({
        caseId: c.id,
        intervieweeRole: "employerRep",
        intervieweeName: "赵建国",
        intervieweeDetail: "长春市某建筑劳务有限公司 项目经理",
        place: "支队询问室",
        startedAt: "2026-11-04T08:30",
        endedAt: "2026-11-04T10:10",
        firstInspectorId: userId(db, "inspector1"),
        firstCertificate: "吉劳监22010001",
        secondInspectorId: userId(db, "inspector2"),
        secondCertificate: "吉劳监22010002",
        questionsAndAnswers: qa.join("\n"),
        signature: "signed",
      })
      .returning({ id: inquiryRecords.id })
      .get().id;
    const context = await env.browser().newContext({ locale: "zh-CN", viewport: { width: 900, height: 1200 } });
    const page = await context.newPage();
    await signIn(page, url, "supervisor1");
    await page.goto(`${url}/cases/${c.id}/inquiries/${inquiryId}`);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "print-inquiry-record");
    const pdf = await page.pdf({ path: `${SCREENSHOTS}/print-inquiry-record.pdf`, format: "A4" });
    const pages = pdfPages(pdf);
    expect(pages.length).toBe(2);
    pages.forEach((lines, i) => {
      // The foot of every page: the interviewee signs it, and it is numbered — below all the page's text, clear of it.
      const foot = lines.filter((l) => l.text.includes("被询问人签名：") && l.text.includes(`第 ${i + 1} 页 共 2 页`));
      expect(foot, lines.map((l) => `${l.top} ${l.text}`).join("\n")).toHaveLength(1);
      const body = lines.filter((l) => l !== foot[0]);
      expect(Math.max(...body.map((l) => l.top))).toBeLessThan(foot[0]!.top - 20);
    });
    // A question is never left at the foot of a page without its answer.
    const labels = pages[0]!.map((l) => l.text.slice(0, 2)).filter((label) => label === "问：" || label === "答：");
    expect(labels.at(-1)).toBe("答：");
    const text = (i: number) => pages[i]!.map((l) => l.text).join("");
    expect(text(0)).toContain("询问笔录");
    expect(text(0)).toContain("执法证号 吉劳监22010001");
    expect(text(1)).toContain("9 月是否按时足额支付");
    expect(text(1)).toContain("与我说的一致。被询问人逐页签名");
    await context.close();
  });
});
