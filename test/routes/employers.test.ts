import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeCase, makeTestApp, uscc, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

describe("employer record", () => {
  it("finds an employer by code or by the start of its name and lists its cases", async () => {
    const a = makeCase(t.db, { employerName: "长春宏达建筑劳务有限公司", employerUscc: uscc("91220101MA0Y7777") });
    makeCase(t.db, { employerName: "长春宏达建筑劳务有限公司", employerUscc: uscc("91220101MA0Y7777") });
    const clerk = await loginAs(t.app, "clerk1");
    const byName = await clerk.get(`/employers?q=${encodeURIComponent("长春宏达")}`);
    expect(byName.text).toContain("长春宏达建筑劳务有限公司");
    const byCode = await clerk.get(`/employers?q=${uscc("91220101MA0Y7777")}`);
    expect(byCode.text).toMatch(/<td>2<\/td>/);
    const record = await clerk.get(`/employers/record?uscc=${uscc("91220101MA0Y7777")}`);
    expect(record.text).toContain(a.caseNumber);
    expect(record.text).toContain("案件（2）");
  });

  it("warns at intake when the employer has open cases (htmx), and sends a plain visit to the record", async () => {
    makeCase(t.db, { employerName: "长春宏达建筑劳务有限公司", employerUscc: uscc("91220101MA0Y7777") });
    const clerk = await loginAs(t.app, "clerk1");
    const q = `employerName=${encodeURIComponent("长春宏达建筑劳务有限公司")}&employerUscc=${uscc("91220101MA0Y7777")}`;
    const warn = await clerk.get(`/employers/check?${q}`).set("HX-Request", "true");
    expect(warn.text).toContain("另有 1 件未办结的案件");
    expect(warn.text).not.toContain("<html");
    const none = await clerk.get(`/employers/check?employerName=${encodeURIComponent("没有记录的公司")}`).set("HX-Request", "true");
    expect(none.text.trim()).toBe("");
    expect((await clerk.get(`/employers/check?${q}`)).status).toBe(303);
    expect((await clerk.get("/cases/new")).text).toContain('hx-get="/employers/check"');
  });

  it("is for staff only", async () => {
    const unit = await loginAs(t.app, "unit_zjj");
    expect((await unit.get("/employers?q=x")).status).toBe(403);
  });
});
