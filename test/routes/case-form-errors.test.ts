/**
 * On the case page a refused form comes back with each message under its own field (`aria-invalid`, the
 * message's id in `aria-describedby`), the values typed kept, and at the top only a pointer to the form —
 * never the messages joined into one line (views/partials/_field.ejs).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, workedCase, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let inspector: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  inspector = await loginAs(t.app, "inspector1");
});

/** The field with this id is marked invalid and has `message` right under it. */
function expectBeside(html: string, id: string, message: string) {
  expect(html).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true" aria-describedby="${id}-error"`));
  expect(html).toContain(`<p class="field-error" id="${id}-error">${message}</p>`);
}

describe("errors beside their fields", () => {
  it("mediation: two wrong fields, each message under its own field, what was typed kept", async () => {
    const c = await workedCase(t, { to: "mediating" });
    const w = c.workers[0]!.id;
    const res = await inspector
      .post(`/cases/${c.id}/mediations`)
      .type("form")
      .send({
        version: c.version(),
        sessionOn: "2026-11-23",
        place: "",
        workerSide: "张三",
        employerSide: "李四",
        workerStatement: "要求结清",
        employerStatement: "同意",
        result: "agreement",
        payBy: "2026-11-30",
        paymentMethod: "转账",
        [`amount.${w}`]: "八千",
      });
    expect(res.status).toBe(422);
    expectBeside(res.text, "med-place", "请填写调解地点");
    const name = t.db.$client.prepare("select name from case_workers where id = ?").pluck().get(w) as string;
    expectBeside(res.text, `amount-${w}`, `${name}的约定金额应为金额数字，如 8500 或 8500.50`);
    expect(res.text).toContain('value="八千"');
    expect(res.text).toContain("未保存：表单中有 2 处需要修改");
    expect(res.text).not.toContain("请填写调解地点；");
  });

  it("an order whose pay-by date is today: the message under the date", async () => {
    const c = await workedCase(t, { to: "filed" });
    const w = c.workers[0]!.id;
    const res = await inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({ version: c.version(), violation: "general", facts: "经查拖欠工资。", payBy: "2026-11-23", [`amount.${w}`]: "100" });
    expect(res.status).toBe(422);
    expectBeside(res.text, "order-payBy", "限期支付日期应晚于今天");
    expect(res.text).toContain("经查拖欠工资。");
  });

  it("an extension without a reason, and an assignment of one inspector twice", async () => {
    const c = await workedCase(t, { to: "filed" });
    const extend = await c.supervisor.post(`/cases/${c.id}/extend`).type("form").send({ version: c.version(), reason: " " });
    expectBeside(extend.text, "extend-reason", "请填写延期理由");
    const lead = t.db.$client.prepare("select lead_inspector_id from cases where id = ?").pluck().get(c.id);
    const assign = await c.supervisor.post(`/cases/${c.id}/assign`).type("form").send({ version: c.version(), leadId: lead, secondId: lead });
    expectBeside(assign.text, "secondId", "主办和协办不能是同一名监察员");
  });

  it("a rejection without its article: under the basis field, the reason typed kept", async () => {
    const c = await workedCase(t);
    const res = await inspector
      .post(`/cases/${c.id}/moves`)
      .type("form")
      .send({ version: c.version(), move: "reject", ground: "other", basisText: "没有条款", note: "不属于本机关管辖" });
    expect(res.status).toBe(422);
    expectBeside(res.text, "move-reject-basis", "请填写不予受理所依据的法律、法规或规章条款（如“《……》第×条”）");
    expect(res.text).toContain("不属于本机关管辖");
  });
});

describe("after a change (issue 21 item 8)", () => {
  it("says once what was saved, naming the step", async () => {
    const t = await makeTestApp();
    const c = await workedCase(t, { to: "received" });
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/moves`).type("form").send({ move: "file", version: c.version(), note: "" });
    expect(res.status).toBe(303);
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain(`id="saved">已保存：受理并立案。`);
    expect((await inspector.get(`/cases/${c.id}`)).text).not.toContain('id="saved"');
  });
});
