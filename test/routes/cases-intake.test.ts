import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { ensureCalendar } from "../../src/models/calendar.js";
import { registerCase } from "../../src/models/cases.js";
import { caseInput, idNumber, intakeFields, loginAs, makeTestApp, type Agent, type TestApp } from "../helpers.js";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

let t: TestApp;
let clerk: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  clerk = await loginAs(t.app, "clerk1");
});

function post(agent: Agent, fields: Record<string, string>, files: { field: string; name: string; content: Buffer }[] = []) {
  let req = agent.post("/cases");
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  for (const f of files) req = req.attach(f.field, f.content, f.name);
  return req;
}

const caseCount = (t: TestApp) => t.db.$client.prepare("select count(*) from cases").pluck().get() as number;

function roster(rows: string[][]): Buffer {
  const header = ["姓名", "性别", "年龄", "身份证号", "手机号", "籍贯", "工种", "工作期间", "诉求金额（元）"];
  return Buffer.from([header, ...rows].map((r) => r.join(",")).join("\n"), "utf8");
}

function rosterRow(n: number, overrides: Partial<Record<number, string>> = {}): string[] {
  const row = [`工人${n}`, "", "38", idNumber(n), `139${String(n).padStart(8, "0")}`, "吉林省农安县", "瓦工", "2026-05 至 2026-10", "6200"];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v!;
  return row;
}

describe("POST /cases (window intake)", () => {
  it("registers a one-worker complaint and shows the receipt with number, query code and due dates", async () => {
    const res = await post(clerk, intakeFields());
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/cases\/\d+\/receipt\?new=1$/);
    const receipt = await clerk.get(res.headers.location!);
    expect(receipt.text).toContain("投诉登记回执");
    expect(receipt.text).toMatch(/QX-2026-000001/);
    expect(receipt.text).toMatch(/<span class="code">[2-9A-Z]{6}<\/span>/);
    // Received Mon 2026-11-23: acceptance due the 5th working day, target the 8th.
    expect(receipt.text).toContain("2026年11月30日（周一） 前（自收到投诉起 5 个工作日内）");
    expect(receipt.text).toContain("2026年12月3日（周四） 前（“见诉即办”，自收到投诉起 8 个工作日）");
    const worker = t.db.$client.prepare("select * from case_workers").get() as Record<string, unknown>;
    expect(worker).toMatchObject({ name: "张三", sex: "男", claimed_fen: 1280050, is_representative: 1 });
  });

  it("reads a blank age off the ID number's birth date", async () => {
    // idNumber(7) in the helpers is born 1985-03-15; received 2026-11-23.
    const res = await post(clerk, intakeFields({ "workers.0.age": "" }));
    expect(res.status).toBe(303);
    expect(t.db.$client.prepare("select age from case_workers order by id desc limit 1").pluck().get()).toBe(41);
  });

  it("keeps evidence files on disk with their SHA-256", async () => {
    const photo = Buffer.from("fake-jpeg-bytes");
    const res = await post(clerk, intakeFields(), [{ field: "evidence", name: "工资条.jpg", content: photo }]);
    expect(res.status).toBe(303);
    const row = t.db.$client.prepare("select * from evidence").get() as Record<string, unknown>;
    expect(row).toMatchObject({ original_name: "工资条.jpg", size: photo.length, mime_type: "image/jpeg" });
    expect(row.sha256).toBe(createHash("sha256").update(photo).digest("hex"));
    expect(readdirSync(t.evidenceDir)).toContain(row.stored_name);
  });

  it.each([
    ["a bad ID checksum", { "workers.0.idNumber": "220102198503150072" }, "workers.0.idNumber", "身份证号校验位不符"],
    ["a bad USCC checksum", { employerUscc: "91350100M000100Y44" }, "employerUscc", "统一社会信用代码校验位不符"],
    ["a future receipt date", { receivedOn: "2026-11-24" }, "receivedOn", "收到日期不能晚于今天"],
    ["a missing amount", { "workers.0.claimed": "" }, "workers.0.claimed", "请填写诉求金额"],
    ["a non-numeric amount", { "workers.0.claimed": "八千" }, "workers.0.claimed", "诉求金额应为金额数字"],
    ["a negative amount", { "workers.0.claimed": "-5" }, "workers.0.claimed", "诉求金额应为金额数字"],
    ["a short phone", { "workers.0.phone": "1381234" }, "workers.0.phone", "手机号应为 11 位数字"],
    ["a platform transfer without its clue number", { channel: "platform" }, "platformClueNo", "平台转办的投诉请填写线索编号"],
    ["no district", { district: "" }, "district", "请选择用工所在地（所在区县/开发区）"],
    ["no facts", { facts: "  " }, "facts", "请填写投诉事实"],
  ])("refuses %s, names the field, keeps every value and saves nothing", async (_label, change, field, message) => {
    const fields = intakeFields(change);
    const res = await post(clerk, fields);
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toMatch(new RegExp(`name="${field.replace(/\./g, "\\.")}"[^>]*aria-invalid="true"|id="${field}"[^>]*aria-invalid="true"`));
    expect(res.text).toContain('value="长春宏达建筑劳务有限公司"');
    expect(res.text).toContain(field === "facts" ? "请求支付拖欠工资 12800.50 元" : "2026年4月至9月在南湖花园三期做木工");
    expect(caseCount(t)).toBe(0);
  });

  it("accepts a blank USCC (a 包工头 with no registered company)", async () => {
    expect((await post(clerk, intakeFields({ employerUscc: "" }))).status).toBe(303);
  });

  it("refuses an evidence file of an unknown type with a message, and keeps nothing", async () => {
    const res = await post(clerk, intakeFields(), [{ field: "evidence", name: "virus.exe", content: Buffer.from("MZ") }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("文件“virus.exe”的类型不支持");
    expect(caseCount(t)).toBe(0);
    expect(readdirSync(t.evidenceDir)).toEqual([]);
  });

  it("refuses an oversize evidence file with a message, and keeps nothing", async () => {
    const small = await makeTestApp(undefined, { EVIDENCE_MAX_BYTES: "1024" });
    const agent = await loginAs(small.app, "clerk1");
    const res = await post(agent, intakeFields(), [{ field: "evidence", name: "录音.mp3", content: Buffer.alloc(4096, 1) }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("文件“录音.mp3”超过 1 KB 上限");
    expect(readdirSync(small.evidenceDir)).toEqual([]);
    expect(caseCount(small)).toBe(0);
  });

  it("adds an empty worker row without JavaScript, keeping the first", async () => {
    const res = await post(clerk, intakeFields({ intent: "addWorker" }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('name="workers.1.name"');
    expect(res.text).toContain('value="张三"');
    expect(caseCount(t)).toBe(0);
  });

  it("serves an extra worker row to htmx", async () => {
    const res = await clerk.get("/cases/new/worker-row?index=3").set("HX-Request", "true");
    expect(res.text).toContain('name="workers.3.idNumber"');
    expect(res.text).toContain('hx-get="/cases/new/worker-row?index=4"');
    expect(res.text).not.toContain("<html");
  });
});

describe("roster import", () => {
  it("previews a 30-worker CSV roster without saving, then registers all 30", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => rosterRow(i + 1));
    const preview = await post(clerk, intakeFields({ intent: "preview" }), [{ field: "roster", name: "名单.csv", content: roster(rows) }]);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain("已从“名单.csv”读入 30 名投诉人，请核对后登记。尚未保存。");
    expect(preview.text).toContain('name="workers.29.name" value="工人30"');
    expect(caseCount(t)).toBe(0);

    const fields = intakeFields();
    for (const k of Object.keys(fields)) if (k.startsWith("workers.")) delete fields[k];
    rows.forEach((r, i) => {
      ["name", "sex", "age", "idNumber", "phone", "hometown", "occupation", "workPeriod", "claimed"].forEach((f, j) => (fields[`workers.${i}.${f}`] = r[j]!));
    });
    const saved = await post(clerk, fields);
    expect(saved.status).toBe(303);
    expect(t.db.$client.prepare("select count(*) n, sum(claimed_fen) s from case_workers").get()).toEqual({ n: 30, s: 30 * 620000 });
  });

  it("answers a 0-byte roster or evidence file at once, naming the file, and keeps what was typed (issue 22 defect 4)", async () => {
    const empty = await post(clerk, intakeFields({ intent: "preview", employerName: "长春某劳务公司" }), [
      { field: "roster", name: "名单.xlsx", content: Buffer.alloc(0) },
    ]);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain("文件“名单.xlsx”是空文件（0 字节），请重新选择");
    expect(empty.text).toContain('value="长春某劳务公司"');
    const evidence = await post(clerk, intakeFields(), [{ field: "evidence", name: "工资条.jpg", content: Buffer.alloc(0) }]);
    expect(evidence.status).toBe(422);
    expect(evidence.text).toContain("文件“工资条.jpg”是空文件");
    expect(caseCount(t)).toBe(0);
  });

  it("reads an XLSX roster", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    sheet.addRow(["姓名", "身份证号", "手机号", "年龄", "欠薪金额（元）"]);
    sheet.addRow(["李四", idNumber(41), "13900000041", 50, 7300.5]);
    sheet.addRow(["王五", idNumber(42), "13900000042", 33, 5100]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await post(clerk, intakeFields({ intent: "preview" }), [{ field: "roster", name: "名单.xlsx", content: buffer }]);
    expect(res.status).toBe(200);
    expect(res.text).toContain("读入 2 名投诉人");
    expect(res.text).toContain('value="7300.5"');
  });

  it("reads a GBK CSV as Excel saves it", async () => {
    // GBK bytes written out by hand (Node encodes only UTF-8): 姓名,身份证号,手机号,年龄,诉求金额 / 赵六,…
    const h = (hex: string) => Buffer.from(hex, "hex");
    const comma = Buffer.from(",");
    const content = Buffer.concat([
      h("d0d5c3fb"),
      comma,
      h("c9edb7ddd6a4bac5"),
      comma,
      h("cad6bbfabac5"),
      comma,
      h("c4eac1e4"),
      comma,
      h("cbdfc7f3bdf0b6ee"),
      Buffer.from("\n"),
      h("d5d4c1f9"),
      Buffer.from(`,${idNumber(61)},13900000061,44,3000\n`),
    ]);
    const res = await post(clerk, intakeFields({ intent: "preview" }), [{ field: "roster", name: "名单.csv", content }]);
    expect(res.text).toContain("读入 1 名投诉人");
    expect(res.text).toContain('value="赵六"');
  });

  it("flags malformed rows before anything is saved", async () => {
    const rows = [rosterRow(1), rosterRow(2, { 3: "220102198503150079" }), rosterRow(3, { 8: "" }), rosterRow(4, { 4: "12345" })];
    const res = await post(clerk, intakeFields({ intent: "preview" }), [{ field: "roster", name: "名单.csv", content: roster(rows) }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("读入 4 名投诉人，其中 3 行有误（已标红）");
    expect(res.text).toContain("身份证号校验位不符");
    expect(res.text).toContain("请填写诉求金额");
    expect(res.text).toContain("手机号应为 11 位数字");
    expect(caseCount(t)).toBe(0);
  });

  it("explains a roster without the needed columns", async () => {
    const res = await post(clerk, intakeFields({ intent: "preview" }), [{ field: "roster", name: "x.csv", content: Buffer.from("a,b\n1,2\n") }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("缺少：姓名、身份证号、诉求金额");
  });
});

describe("case numbers", () => {
  it("stay unique across concurrent HTTP intakes", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => post(clerk, intakeFields())));
    expect(results.every((r) => r.status === 303)).toBe(true);
    const numbers = t.db.$client.prepare("select case_number from cases order by id").pluck().all() as string[];
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)).toBe("QX-2026-000012");
  });

  it("stay unique when two connections register into one database file at once", () => {
    const path = join(mkdtempSync(join(tmpdir(), "qx-seq-")), "app.db");
    const a = openDb(path);
    migrateDb(a);
    ensureCalendar(a, 2028);
    const b = openDb(path);
    const now = new Date("2026-11-23T02:00:00Z");
    const numbers: string[] = [];
    for (let i = 0; i < 20; i++) numbers.push(registerCase(i % 2 ? a : b, caseInput(), { actorId: null, now }).caseNumber);
    expect(new Set(numbers).size).toBe(20);
    a.$client.close();
    b.$client.close();
  });

  it("start again at 1 in a new year", () => {
    const now2027 = new Date("2027-01-04T02:00:00Z");
    registerCase(t.db, caseInput(), { actorId: null, now: new Date("2026-12-31T02:00:00Z") });
    expect(registerCase(t.db, caseInput({ receivedOn: "2027-01-04" }), { actorId: null, now: now2027 }).caseNumber).toBe("QX-2027-000001");
  });
});
