/** Issue 21 item 3: a group files online on one form, each co-worker a row checked as the window checks it. */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { caseWorkers, cases, evidence } from "../../src/db/schema.js";
import { ONLINE_MAX_WORKERS } from "../../src/forms/intake-form.js";
import { browser, idNumber, makeTestApp, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const filer = {
  "workers.0.name": "孙七",
  "workers.0.phone": "13700000007",
  "workers.0.idNumber": idNumber(77),
  "workers.0.claimed": "9600",
  employerName: "某建筑劳务有限公司",
  district: "二道区",
  facts: "2026年6月至9月在工地干活，三人都被欠了三个月工资。",
};
const coWorker = (i: number, overrides: Record<string, string> = {}) => ({
  [`workers.${i}.name`]: `工友${i}`,
  [`workers.${i}.idType`]: "mainlandId",
  [`workers.${i}.idNumber`]: idNumber(80 + i),
  [`workers.${i}.phone`]: `1370000008${i}`,
  [`workers.${i}.claimed`]: `${8000 + i}`,
  ...overrides,
});

describe("online group filing", () => {
  it("files the filer and two co-workers as one case with three workers, the filer its representative", async () => {
    const visitor = browser(t.app);
    const posted = await visitor
      .post("/complaint")
      .type("form")
      .send({
        ...filer,
        ...coWorker(1),
        ...coWorker(2, { "workers.2.idType": "hkMacauPermit", "workers.2.idNumber": "H12345678", "workers.2.sex": "女", "workers.2.age": "41" }),
      });
    expect(posted.status).toBe(303);
    const c = t.db.select().from(cases).orderBy(cases.id).all().at(-1)!;
    expect(c.channel).toBe("online");
    const workers = t.db.select().from(caseWorkers).where(eq(caseWorkers.caseId, c.id)).all();
    expect(workers.map((w) => [w.name, w.claimedFen, w.isRepresentative])).toEqual([
      ["孙七", 960000, true],
      ["工友1", 800100, false],
      ["工友2", 800200, false],
    ]);
    expect(workers[2]!.idType).toBe("hkMacauPermit");
  });

  it("refuses a bad row naming the row and the field, every row kept as typed, nothing saved", async () => {
    const before = t.db.select().from(cases).all().length;
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send({ ...filer, ...coWorker(1), ...coWorker(2, { "workers.2.phone": "12345", "workers.2.claimed": "" }) });
    expect(res.status).toBe(422);
    expect(res.text).toContain("投诉人 3 的手机号：手机号应为 11 位数字，以 1 开头");
    expect(res.text).toContain("投诉人 3 的诉求金额：请填写诉求金额");
    for (const typed of ['value="孙七"', 'value="工友1"', 'value="工友2"', 'value="12345"', `value="${idNumber(81)}"`]) expect(res.text).toContain(typed);
    expect(t.db.select().from(cases).all().length).toBe(before);
  });

  it("refuses 无证件 on a co-worker's row: the window records why", async () => {
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send({ ...filer, ...coWorker(1, { "workers.1.idType": "none", "workers.1.idNumber": "" }) });
    expect(res.status).toBe(422);
    expect(res.text).toContain("投诉人 2 的证件类型：网上投诉请选择证件类型并填写号码");
  });

  it(`takes at most ${ONLINE_MAX_WORKERS} workers`, async () => {
    let rows = {};
    for (let i = 1; i <= ONLINE_MAX_WORKERS; i++)
      rows = { ...rows, ...coWorker(i, { [`workers.${i}.idNumber`]: idNumber(100 + i), [`workers.${i}.phone`]: `137000${String(i).padStart(5, "0")}` }) };
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send({ ...filer, ...rows });
    expect(res.status).toBe(422);
    expect(res.text).toContain(`网上投诉一次最多填写 ${ONLINE_MAX_WORKERS} 名投诉人`);
  });

  it("adds a row without JavaScript and with htmx, the online documents only", async () => {
    const visitor = browser(t.app);
    const added = await visitor
      .post("/complaint")
      .type("form")
      .send({ ...filer, intent: "addWorker" });
    expect(added.status).toBe(200);
    expect(added.text).toContain('name="workers.1.name"');
    expect(added.text).toContain('value="孙七"');
    const row = await visitor.get("/complaint/worker-row?index=2").set("HX-Request", "true");
    expect(row.status).toBe(200);
    expect(row.text).toContain('name="workers.2.idNumber"');
    expect(row.text).toContain('hx-get="/complaint/worker-row?index=3"');
    expect(row.text).not.toContain('value="none"');
    expect(row.text).not.toContain('name="representative"');
  });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("\0\0\0\rIHDR rest of a picture")]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n");
const multipart = (fields: Record<string, string>) => {
  const req = browser(t.app).post("/complaint");
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  return req;
};

describe("evidence from the phone", () => {
  it("keeps a photo and a PDF with the filing, attached to its case", async () => {
    const posted = await multipart({ ...filer, ...coWorker(1) })
      .attach("evidence", PNG, "欠条.png")
      .attach("evidence", PDF, "考勤表.pdf");
    expect(posted.status).toBe(303);
    const c = t.db.select().from(cases).orderBy(cases.id).all().at(-1)!;
    const files = t.db.select().from(evidence).where(eq(evidence.caseId, c.id)).all();
    expect(files.map((f) => [f.originalName, f.mimeType])).toEqual([
      ["欠条.png", "image/png"],
      ["考勤表.pdf", "application/pdf"],
    ]);
    expect(t.db.select().from(caseWorkers).where(eq(caseWorkers.caseId, c.id)).all()).toHaveLength(2);
  });

  it("refuses a file whose content is not what its name says, and a type the form does not take, nothing saved", async () => {
    const before = t.db.select().from(cases).all().length;
    const renamed = await multipart({ ...filer }).attach("evidence", Buffer.from("<html><script>alert(1)</script>"), "照片.jpg");
    expect(renamed.status).toBe(422);
    expect(renamed.text).toContain("文件“照片.jpg”的内容不是照片或 PDF");
    expect(renamed.text).toContain('value="孙七"');
    const recording = await multipart({ ...filer }).attach("evidence", Buffer.from("ID3\u0003rest"), "录音.mp3");
    expect(recording.status).toBe(422);
    expect(recording.text).toContain("文件“录音.mp3”的类型不支持（可上传照片或 PDF）");
    expect(t.db.select().from(cases).all().length).toBe(before);
    expect(
      t.db
        .select()
        .from(evidence)
        .all()
        .filter((f) => f.originalName === "照片.jpg"),
    ).toHaveLength(0);
  });

  it("says the files must be chosen again when another field is wrong", async () => {
    const res = await multipart({ ...filer, "workers.0.claimed": "" }).attach("evidence", PNG, "欠条.png");
    expect(res.status).toBe(422);
    expect(res.text).toContain("请重新选择文件再提交");
  });
});
