/** Issue 13, defect 6: a roster past the 500-worker limit is refused at once, naming the limit, instead of being read and shown in full. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { idNumber, intakeFields, loginAs, makeTestApp, type Agent } from "../helpers.js";

function preview(agent: Agent, name: string, content: Buffer) {
  let req = agent.post("/cases");
  for (const [k, v] of Object.entries(intakeFields({ intent: "preview" }))) req = req.field(k, v);
  return req.attach("roster", content, name);
}

const header = ["姓名", "性别", "年龄", "身份证号", "手机号", "籍贯", "工种", "工作期间", "诉求金额（元）"];
const row = (n: number) => [`工人${n}`, "", "38", idNumber(n), `139${String(n).padStart(8, "0")}`, "吉林省农安县", "瓦工", "2026-05 至 2026-10", "6200"];
const csv = (rows: number, cells: (n: number) => string[] = row) =>
  Buffer.from([header, ...Array.from({ length: rows }, (_, i) => cells(i + 1))].map((r) => r.join(",")).join("\n"));
/** The columns that must be there, to fit 96,296 rows under the 5 MB upload limit. */
const shortRow = (n: number) => [`工人${n}`, "", "", idNumber(n), "", "", "", "", "6200"];

describe("roster preview at the 500-worker limit (defect 6)", () => {
  it("refuses a 96,296-row CSV quickly, saying why, with a small page", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    const content = csv(96_296, shortRow);
    expect(content.length).toBeLessThan(5 * 1024 * 1024);
    const res = await preview(clerk, "名单.csv", content);
    expect(res.status).toBe(422);
    expect(res.text).toContain("名单超过 500 人：一件集体投诉最多 500 名投诉人");
    expect(res.text.length).toBeLessThan(200_000);
    expect(t.db.$client.prepare("select count(*) from cases").pluck().get()).toBe(0);
  });

  it("refuses a 600-row XLSX the same way, and still previews exactly 500", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    const book = async (rows: number) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("名单");
      sheet.addRow(header);
      for (let i = 1; i <= rows; i++) sheet.addRow(row(i));
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const over = await preview(clerk, "名单.xlsx", await book(600));
    expect(over.status).toBe(422);
    expect(over.text).toContain("名单超过 500 人");
    const atLimit = await preview(clerk, "名单.csv", csv(500));
    expect(atLimit.text).toContain("读入 500 名投诉人");
  });
});
