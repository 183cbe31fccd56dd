import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { lookupAddress } from "../../src/http/lookup-address.js";
import { browser, idNumber, loginAs, makeCase, makeTestApp, userId, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const lookup = (caseNumber: string, queryCode: string) => browser(t.app).post("/query").type("form").send({ caseNumber, queryCode });

describe("POST /query (public progress lookup)", () => {
  it("finds the case however the number is typed: no hyphens, no leading zeros, full-width (issue 21 item 2)", async () => {
    const { caseNumber, queryCode } = makeCase(t.db);
    const [year, seq] = [caseNumber.slice(3, 7), String(Number(caseNumber.slice(8)))];
    for (const typed of [`QX-${year}-${seq}`, `qx${year}${caseNumber.slice(8)}`, `ＱＸ－${year}－${seq}`]) {
      const res = await lookup(typed, queryCode);
      expect(res.status, typed).toBe(200);
    }
  });

  it("shows the state in plain Chinese, the dates and the latest public step", async () => {
    const { id, caseNumber, queryCode } = makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), version: 1 });
    await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "file", version: 2, note: "内部备注：老板电话 13912345678" });
    const res = await lookup(caseNumber, queryCode.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.text).toContain("已受理立案，正在调查处理");
    expect(res.text).toContain("2026年11月23日");
    expect(res.text).toContain("已受理立案");
    expect(res.text).toMatch(/data-state="filed"/);
  });

  it("never shows names, ID numbers, phones, amounts, employers or notes", async () => {
    const worker = workerInput(1, { name: "独特姓名甲" });
    const { caseNumber, queryCode } = makeCase(t.db, { workers: [worker], employerName: "独特单位乙" });
    const res = await lookup(caseNumber, queryCode);
    for (const secret of [worker.name, worker.idNumber, worker.phone, "8,500.00", "8500", "独特单位乙", "李建国"]) expect(res.text).not.toContain(secret);
  });

  it("answers a wrong code exactly as an unknown case number", async () => {
    const { caseNumber } = makeCase(t.db);
    const wrong = await lookup(caseNumber, "ZZZZZZ");
    const unknown = await lookup("QX-2026-999999", "ZZZZZZ");
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const message = (html: string) => /<div class="alert alert-error" role="alert">([^<]*)<\/div>/.exec(html)![1];
    expect(message(wrong.text)).toBe(message(unknown.text));
    expect(message(wrong.text)).toContain("没有查到对应的案件");
  });

  it("is rate-limited per address", async () => {
    const agent = browser(t.app);
    for (let i = 0; i < 20; i++)
      await agent
        .post("/query")
        .type("form")
        .send({ caseNumber: "QX-2026-000001", queryCode: `A${i}` });
    const res = await agent.post("/query").type("form").send({ caseNumber: "QX-2026-000001", queryCode: "B" });
    expect(res.status).toBe(429);
    expect(res.text).toContain("查询过于频繁");
  });

  it("names the missing field", async () => {
    const res = await lookup("", "");
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写案件编号");
    expect(res.text).toContain("请填写查询码");
  });
});

describe("/complaint (online self-filing)", () => {
  const form = (overrides: Record<string, string> = {}) => ({
    "workers.0.name": "孙七",
    "workers.0.phone": "13700000007",
    "workers.0.idNumber": idNumber(77),
    "workers.0.age": "36",
    "workers.0.claimed": "9600",
    employerName: "某餐饮管理有限公司",
    district: "二道区",
    facts: "2026年6月至9月在该公司做服务员，欠三个月工资。",
    ...overrides,
  });

  it("is open without signing in and works on a phone", async () => {
    const res = await request(t.app).get("/complaint");
    expect(res.status).toBe(200);
    expect(res.text).toContain('name="viewport"');
    expect(res.text).toContain("网上投诉欠薪");
  });

  it("creates an online case and shows its number and query code", async () => {
    const visitor = browser(t.app);
    const posted = await visitor.post("/complaint").type("form").send(form());
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe("/complaint/done");
    const res = await visitor.get("/complaint/done");
    const number = /id="case-number">([^<]+)</.exec(res.text)![1];
    const code = /id="query-code">([^<]+)</.exec(res.text)![1];
    expect(number).toBe("QX-2026-000001");
    const row = t.db.$client.prepare("select channel, received_on, registered_by_id from cases").get();
    expect(row).toEqual({ channel: "online", received_on: "2026-11-23", registered_by_id: null });
    const progress = await lookup(number!, code!);
    expect(progress.text).toContain("已收到投诉，正在审查是否受理");
  });

  it("prints the lookup's address from PUBLIC_BASE_URL and its QR code on both receipts, whatever the Host header says", async () => {
    const visitor = browser(t.app);
    await visitor.post("/complaint").type("form").send(form());
    const online = await visitor.get("/complaint/done").set("Host", "evil.example");
    const number = /id="case-number">([^<]+)</.exec(online.text)![1]!;
    const code = /id="query-code">([^<]+)</.exec(online.text)![1]!;
    const expected = await lookupAddress(t.config.publicBaseUrl, number, code);
    expect(expected.address).toBe(`${t.config.publicBaseUrl}/query?caseNumber=${number}&queryCode=${code}`);
    const shown = (html: string) => ({
      address: /data-lookup-address>([^<]+)</.exec(html)?.[1]?.replaceAll("&amp;", "&"),
      svg: /<svg[\s\S]*?<\/svg>/.exec(html)?.[0],
    });
    expect(shown(online.text)).toEqual({ address: expected.address, svg: expected.qrSvg });
    expect(online.text).not.toContain("evil.example");
    // The code is drawn from the address: another case's code differs.
    expect((await lookupAddress(t.config.publicBaseUrl, number, "ZZZZZZ")).qrSvg).not.toBe(expected.qrSvg);
    // The address opens the lookup with both values filled in.
    const opened = await request(t.app).get(expected.address.slice(t.config.publicBaseUrl.length));
    expect(opened.text).toContain(`value="${number}"`);
    expect(opened.text).toContain(`value="${code}"`);

    const supervisor = await loginAs(t.app, "supervisor1");
    const id = t.db.$client.prepare("select id from cases where case_number = ?").pluck().get(number) as number;
    const window = await supervisor.get(`/cases/${id}/receipt`);
    expect(window.status).toBe(200);
    expect(shown(window.text)).toEqual({ address: expected.address, svg: expected.qrSvg });
  });

  it("names bad fields and keeps what was typed", async () => {
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send(form({ "workers.0.idNumber": "123", employerName: "" }));
    expect(res.status).toBe(422);
    expect(res.text).toContain("身份证号应为 18 位");
    expect(res.text).toContain("请填写被投诉单位名称");
    expect(res.text).toContain('value="孙七"');
    expect(t.db.$client.prepare("select count(*) from cases").pluck().get()).toBe(0);
  });

  it("files once per form: a reload, a double tap or the same form sent twice shows the same receipt (issue 21 item 5)", async () => {
    const visitor = browser(t.app);
    const token = /name="filingToken" value="([^"]+)"/.exec((await visitor.get("/complaint")).text)![1]!;
    const [first, second] = await Promise.all([
      visitor
        .post("/complaint")
        .type("form")
        .send({ ...form(), filingToken: token }),
      visitor
        .post("/complaint")
        .type("form")
        .send({ ...form(), filingToken: token }),
    ]);
    expect([first.status, second.status]).toEqual([303, 303]);
    const again = await visitor
      .post("/complaint")
      .type("form")
      .send({ ...form(), filingToken: token });
    expect(again.status).toBe(303);
    expect(t.db.$client.prepare("select count(*) from cases").pluck().get()).toBe(1);
    // A reload of the receipt shows the same case, its lookup link filled in.
    const receipt = (await visitor.get("/complaint/done")).text;
    expect((await visitor.get("/complaint/done")).text).toBe(receipt);
    const number = /id="case-number">([^<]+)</.exec(receipt)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt)![1]!;
    expect(receipt).toContain(`/query?caseNumber=${number}&amp;queryCode=${code}`);
    const lookupPage = (await request(t.app).get(`/query?caseNumber=${number}&queryCode=${code}`)).text;
    expect(lookupPage).toContain(`value="${number}"`);
    // A form shown again with a mistake keeps its token: corrected, it files once.
    const fresh = /name="filingToken" value="([^"]+)"/.exec((await visitor.get("/complaint")).text)![1]!;
    const wrong = await visitor
      .post("/complaint")
      .type("form")
      .send({ ...form({ employerName: "" }), filingToken: fresh });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain(`value="${fresh}"`);
    expect(
      (
        await visitor
          .post("/complaint")
          .type("form")
          .send({ ...form(), filingToken: fresh })
      ).status,
    ).toBe(303);
    expect(t.db.$client.prepare("select count(*) from cases").pluck().get()).toBe(2);
    // Without its cookie, the receipt page is not shown to anyone.
    expect((await request(t.app).get("/complaint/done")).headers.location).toBe("/complaint");
  });

  it("is rate-limited per phone number, saying where to go instead (issue 21 item 3)", async () => {
    // A new browser (device) each time: the phone alone stops the sixth.
    for (let i = 0; i < 5; i++) expect((await browser(t.app).post("/complaint").type("form").send(form())).status).toBe(303);
    const res = await browser(t.app).post("/complaint").type("form").send(form());
    expect(res.status).toBe(429);
    expect(res.text).toContain("这个手机号 1 小时内已在网上提交 5 件投诉");
    expect(res.text).toContain("投诉窗口当面投诉");
    expect(res.text).toContain('value="孙七"');
  });

  it("takes six filings from one address from different phones and devices (co-workers on one site's Wi-Fi)", async () => {
    for (let i = 0; i < 6; i++) {
      const res = await browser(t.app)
        .post("/complaint")
        .type("form")
        .send(form({ "workers.0.phone": `1370000010${i}`, "workers.0.idNumber": idNumber(60 + i) }));
      expect(res.status, `filing ${i + 1}`).toBe(303);
    }
  });

  it("keeps a looser ceiling per address: the 31st from one address in an hour is refused", async () => {
    for (let i = 0; i < 30; i++) {
      const res = await browser(t.app)
        .post("/complaint")
        .type("form")
        .send(form({ "workers.0.phone": `137000004${String(i).padStart(2, "0")}`, "workers.0.idNumber": idNumber(400 + i) }));
      expect(res.status, `filing ${i + 1}`).toBe(303);
    }
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send(form({ "workers.0.phone": "13700000500", "workers.0.idNumber": idNumber(500) }));
    expect(res.status).toBe(429);
    expect(res.text).toContain("您所在的网络 1 小时内提交的投诉较多");
  });

  it("is rate-limited per device: a long-lived random cookie", async () => {
    const device = browser(t.app);
    const first = await device.get("/complaint");
    expect(String(first.headers["set-cookie"])).toMatch(/qx_device=[\w-]{24};.*Max-Age=31536000/);
    for (let i = 0; i < 10; i++) {
      const res = await device
        .post("/complaint")
        .type("form")
        .send(form({ "workers.0.phone": `1370000020${i}`, "workers.0.idNumber": idNumber(200 + i) }));
      expect(res.status, `filing ${i + 1}`).toBe(303);
    }
    const res = await device
      .post("/complaint")
      .type("form")
      .send(form({ "workers.0.phone": "13700000300", "workers.0.idNumber": idNumber(300) }));
    expect(res.status).toBe(429);
    expect(res.text).toContain("这部手机（浏览器）1 小时内已提交 10 件投诉");
  });
});
