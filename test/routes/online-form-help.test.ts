/**
 * The online complaint form on a phone (issue 21 item 4, docs/rules.md "Forms on a phone"): every field marked
 * 必填 or 选填, lengths bounded where they are typed, the summary of mistakes marked for the focus, and the
 * personal-data notice of 个人信息保护法 第十七条.
 */
import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { browser, makeTestApp, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

describe("GET /complaint", () => {
  it("marks every field 必填 or 选填 in words and bounds its length", async () => {
    const html = (await request(t.app).get("/complaint")).text;
    const labels = [...html.matchAll(/<label for="([^"]+)">([\s\S]*?)<\/label>/g)].map((m) => [m[1], m[2]!] as const);
    expect(labels.length).toBeGreaterThanOrEqual(11);
    for (const [id, label] of labels) expect(label, id).toMatch(/（必填）|（选填）|必填）/);
    expect(Object.fromEntries(labels)["w-age"]).toContain("（选填）");
    expect(html).toMatch(/<textarea id="facts" name="facts" rows="5" maxlength="4000" required/);
    expect(html).toMatch(/id="w-name" name="workers.0.name" value="" autocomplete="name" maxlength="40" required/);
    expect(html).toContain('<script src="/js/form-help.js" defer></script>');
  });

  it("tells what personal data is collected, why, who sees it, how long it is kept and the rights (个人信息保护法 第十七条)", async () => {
    const html = (await request(t.app).get("/complaint")).text;
    const notice = /<section class="personal-data-notice"[\s\S]*?<\/section>/.exec(html)![0];
    const { bureau } = readConfig({ NODE_ENV: "test" });
    for (const words of ["谁收集", bureau.name, bureau.phone, "收集什么、为什么", "谁能看到", "保存多久", "您的权利", "第十七条"])
      expect(notice).toContain(words);
    // Before the button that sends the data.
    expect(html.indexOf("personal-data-notice")).toBeLessThan(html.indexOf("提交投诉</button>"));
  });
});

describe("POST /complaint with mistakes", () => {
  it("shows the summary of mistakes (public/js/form-help.js moves the focus to it) and keeps the marks", async () => {
    const visitor = browser(t.app);
    const token = /name="filingToken" value="([^"]+)"/.exec((await visitor.get("/complaint")).text)![1]!;
    const res = await visitor.post("/complaint").type("form").send({ filingToken: token, "workers.0.name": "张三" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<main[\s\S]*<div class="alert alert-error" role="alert">\s*请修改标红的 \d+ 处后再提交。<\/div>/);
    expect(res.text).toContain('value="张三" autocomplete="name" maxlength="40" required');
    expect(res.text).toContain('<span class="mark-required">（必填）</span>');
    // The age is optional: left blank beside a missing ID number, only the ID number is asked for.
    expect(res.text).toContain("请填写身份证号");
    expect(res.text).not.toContain("请填写年龄");
  });
});
