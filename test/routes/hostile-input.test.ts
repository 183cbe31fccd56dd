/** Issue 13, defects 1–3 and 12: malformed and oversize requests get a Chinese page with the navigation, never a 500 or a stack trace. */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { browser, intakeFields, loginAs, makeTestApp, workedCase, type TestApp } from "../helpers.js";

const BOUNDARY = "----qxfuzz";
/** A multipart body cut off in the middle of a file. */
const truncated = (field: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a file`;
const badHeader = `--${BOUNDARY}\r\nContent-Dispositio\r\n\r\nx\r\n--${BOUNDARY}--\r\n`;

describe("defect 1: malformed multipart on every upload route", () => {
  it.each([
    ["no boundary", "multipart/form-data", () => "abc"],
    ["truncated body", `multipart/form-data; boundary=${BOUNDARY}`, truncated],
    ["bad part header", `multipart/form-data; boundary=${BOUNDARY}`, () => badHeader],
  ])("%s → 400 with a Chinese message and no file left behind", async (_name, type, body) => {
    const t = await makeTestApp();
    const c = await workedCase(t, { to: "filed" });
    await escalate(t, c);
    const routes: [string, string, string][] = [
      ["clerk1", "/cases", "evidence"],
      ["inspector1", `/cases/${c.id}/evidence`, "evidence"],
      ["inspector1", `/cases/${c.id}/visits`, "recordings"],
      ["inspector1", `/cases/${c.id}/payments`, "proof"],
      ["unit_zjj", "/tasks/1/answer", "attachments"],
      ["admin", "/admin/calendar/2027/import", "file"],
    ];
    for (const [user, path, field] of routes) {
      const agent = await loginAs(t.app, user);
      const res = await agent.post(path).set("Content-Type", type).send(body(field));
      expect(res.status, `${path}`).toBe(400);
      expect(res.text).toContain("上传的内容不完整或格式不对");
      expect(res.text).toContain('aria-label="主导航"');
    }
    // Removal runs when each response is over: give a loaded machine a moment.
    for (let i = 0; i < 500 && readdirSync(t.evidenceDir).length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(t.evidenceDir)).toEqual([]);
  });
});

describe("defect 2: oversize, too many fields, bad charset or encoding", () => {
  const big = "a".repeat(1024 * 1024 + 10);
  const manyFields = Array.from({ length: 5001 }, (_, i) => `workers.${i}.name=x`).join("&");
  it.each(["development", "production"])("the error page is Chinese, has the navigation and no stack trace (%s)", async (mode) => {
    const t = await makeTestApp(undefined, { NODE_ENV: mode, COOKIE_SECURE: "false" });
    const anonymous = browser(t.app);
    const cases = [
      { type: "application/x-www-form-urlencoded", body: `facts=${big}`, status: 413, text: "提交的内容过大" },
      { type: "application/x-www-form-urlencoded", body: manyFields, status: 413, text: "导入名单" },
      { type: "application/x-www-form-urlencoded; charset=koi8-r", body: "username=a", status: 415, text: "UTF-8" },
    ];
    for (const c of cases) {
      const res = await anonymous.post("/complaint").set("Content-Type", c.type).send(c.body);
      expect(res.status).toBe(c.status);
      expect(res.text).toContain(c.text);
      expect(res.text).toContain('aria-label="主导航"');
      expect(res.text).toContain('href="/complaint"');
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|ReferenceError|nav is not defined/);
    }
    const gz = await anonymous.post("/login").set("Content-Type", "application/x-www-form-urlencoded").set("Content-Encoding", "gzip").send("not gzip");
    expect(gz.status).toBe(400);
    expect(gz.text).toContain("提交的内容不完整或格式不对");
    const unknownEncoding = await anonymous.post("/login").set("Content-Type", "application/x-www-form-urlencoded").set("Content-Encoding", "br2").send("x=1");
    expect(unknownEncoding.status).toBe(415);
    expect(unknownEncoding.text).toContain('aria-label="主导航"');
  });
});

describe("defect 3: numeric query parameters", () => {
  it("a page number beyond reason is page 1, not a 500", async () => {
    const t = await makeTestApp();
    const supervisor = await loginAs(t.app, "supervisor1");
    for (const page of ["99999999999999999999", "1e34", "-5", "1.5", "Infinity"]) {
      const res = await supervisor.get(`/cases?page=${page}`);
      expect(res.status, page).toBe(200);
    }
    expect((await supervisor.get("/cases?inspector=99999999999999999999")).status).toBe(200);
    expect((await supervisor.get("/cases?state[]=open&q[a]=1&page=%ff")).status).toBe(200);
  });

  it("a broken %-escape in the address is a 400 that says so", async () => {
    const t = await makeTestApp();
    const supervisor = await loginAs(t.app, "supervisor1");
    for (const path of ["/cases/%E0%A4%A", "/tasks/%zz"]) {
      const res = await supervisor.get(path);
      expect(res.status, path).toBe(400);
      expect(res.text).toContain("网址中有无法识别的字符");
    }
    const calc = await supervisor.get("/calendar/calc?from[]=x&days=2");
    expect(calc.status).toBe(400);
    expect(calc.text).toContain("请填写起算日期");
  });
});

describe("defect 12: every 4xx page says what was wrong", () => {
  it("publishing a year already published, without a source, says what is missing", async () => {
    const t = await makeTestApp();
    const admin = await loginAs(t.app, "admin");
    expect((await admin.post("/admin/calendar/2031/publish").type("form").send({ source: "国办发明电〔2030〕1号" })).status).toBe(303);
    const again = await admin.post("/admin/calendar/2031/publish").type("form").send({ source: "" });
    expect(again.status).toBe(422);
    expect(again.text).toMatch(/role="alert">请填写来源文号/);
  });

  it("a task already answered: the refusal says why", async () => {
    const t = await makeTestApp();
    const c = await workedCase(t, { to: "filed" });
    await escalate(t, c);
    const unit = await loginAs(t.app, "unit_zjj");
    expect((await unit.post("/tasks/1/answer").type("form").send({ version: "1", status: "done", answer: "已核查" })).status).toBe(303);
    const again = await unit.post("/tasks/1/answer").type("form").send({ version: "2", status: "done", answer: "再答一次" });
    expect(again.status).toBe(403);
    expect(again.text).toContain("任务尚未办结");
  });
});

async function escalate(t: TestApp, c: Awaited<ReturnType<typeof workedCase>>) {
  const zjj = t.db.$client.prepare("select id from member_units where name = '市住建局'").pluck().get();
  const res = await c.supervisor
    .post(`/cases/${c.id}/escalate`)
    .type("form")
    .send({ version: c.version(), grounds: ["manyWorkers"], reason: "拒不拨付", unitIds: [zjj], request: "核查", workingDays: "5" });
  expect(res.status).toBe(303);
}

describe("issue 22, defect 3: control characters in text inputs", () => {
  it("searches and exports with a NUL in the query, and never stores one", async () => {
    const t = await makeTestApp();
    const supervisor = await loginAs(t.app, "supervisor1");
    const search = await supervisor.get("/cases?q=a%00b");
    expect(search.status).toBe(200);
    const csv = await supervisor.get("/exports/cases.csv?q=%E9%95%BF%00%E6%98%A5").timeout(10_000);
    expect(csv.status).toBe(200);
    const clerk = await loginAs(t.app, "clerk1");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ "workers.0.name": "张\u0000三", employerName: "长春\u0007宏达建筑劳务有限公司", facts: "第一行\r\n第二行\t缩进" }));
    expect(res.status).toBe(303);
    const row = t.db.$client
      .prepare("select c.employer_name, c.facts, w.name from cases c join case_workers w on w.case_id = c.id order by c.id desc limit 1")
      .get();
    expect(row).toEqual({ employer_name: "长春宏达建筑劳务有限公司", facts: "第一行\r\n第二行\t缩进", name: "张三" });
    const nul = t.db.$client.prepare("select count(*) from cases where instr(employer_name, char(0)) > 0 or instr(facts, char(0)) > 0").pluck().get();
    expect(nul).toBe(0);
  });
});

describe("issue 22, defect 11: one strict parser for ids in paths", () => {
  it("answers 404 for ids written any other way than plain digits", async () => {
    const t = await makeTestApp();
    const c = await workedCase(t, { to: "filed" });
    const supervisor = await loginAs(t.app, "supervisor1");
    expect((await supervisor.get(`/cases/${c.id}`)).status).toBe(200);
    for (const id of [`0x${c.id.toString(16)}`, `${c.id}.0`, `0${c.id}`, `${c.id}e0`, " 1", "-1", "0", "99999999999999999999"]) {
      const res = await supervisor.get(`/cases/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(res.text, id).toContain("页面不存在");
    }
    const admin = await loginAs(t.app, "admin");
    expect((await admin.get("/admin/users/0x1")).status).toBe(404);
    expect((await admin.get("/admin/users/1")).status).toBe(200);
  });
});
