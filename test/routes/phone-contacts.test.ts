/** 记录电话联系用人单位: a case-page section with its own form (src/sections/phone-contacts.ts). */
import { beforeEach, describe, expect, it } from "vitest";
import { describeActivityMove } from "../domain/activity-moves.js";
import { loginAs, makeTestApp, workedCase, type TestApp } from "../helpers.js";

// On any open case, by the inspectors and the supervisor working it.
describeActivityMove("recordPhoneContact", { from: ["received", "mediating", "awaiting_supplement", "filed"], roles: ["inspector", "supervisor"] });

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t);
});

const contacts = () => t.db.$client.prepare("select contacted_on, person_reached, summary from employer_phone_contacts where case_id = ?").all(c.id);
const fields = (over: Record<string, string> = {}) => ({
  version: String(c.version()),
  contactedOn: "2026-11-23",
  personReached: "项目经理 周某",
  summary: "承认拖欠 3 个月工资，答应本周五前到支队说明情况。",
  ...over,
});

describe("a phone contact with the employer", () => {
  it("is recorded by the lead inspector, shown on the case page and written on the timeline", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/phone-contacts`).type("form").send(fields());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cases/${c.id}#phone-contact`);
    expect(contacts()).toEqual([{ contacted_on: "2026-11-23", person_reached: "项目经理 周某", summary: "承认拖欠 3 个月工资，答应本周五前到支队说明情况。" }]);
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain("电话联系用人单位（1 次）");
    expect(page.text).toContain("答应本周五前到支队说明情况");
    expect(page.text).toMatch(/记录电话联系用人单位[\s\S]*2026-11-23 联系 项目经理 周某/);
  });

  it("keeps what was typed and puts each message under its field, saving nothing", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .type("form")
      .send(fields({ personReached: " ", summary: "已接通，对方挂断", contactedOn: "2026-11-30" }));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(
      /id="phone-contact-personReached"[^>]*aria-invalid="true"[\s\S]*?<p class="field-error" id="phone-contact-personReached-error">请填写联系到的人（姓名、职务）<\/p>/,
    );
    expect(res.text).toContain("已接通，对方挂断");
    expect(contacts()).toEqual([]);
    const late = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .type("form")
      .send(fields({ contactedOn: "2026-11-30" }));
    expect(late.status).toBe(422);
    expect(late.text).toMatch(/id="phone-contact-contactedOn"[^>]*aria-invalid="true"[\s\S]*?联系日期不能晚于今天/);
    expect(contacts()).toEqual([]);
  });

  it("answers htmx with the section alone: refused, the form with its errors; saved, a redirect to the whole page", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const refused = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .set("HX-Request", "true")
      .type("form")
      .send(fields({ summary: "" }));
    expect(refused.status).toBe(422);
    expect(refused.text.trim()).toMatch(/^<section class="card" id="phone-contacts"/);
    expect(refused.text).not.toContain("<html");
    const saved = await inspector.post(`/cases/${c.id}/phone-contacts`).set("HX-Request", "true").type("form").send(fields());
    expect(saved.headers["hx-redirect"]).toBe(`/cases/${c.id}#phone-contact`);
    expect(saved.headers["hx-refresh"]).toBe("true");
    const section = await inspector.get(`/cases/${c.id}/sections/phone-contacts`).set("HX-Request", "true");
    expect(section.text).toContain("电话联系用人单位（1 次）");
    expect(section.text).not.toContain("<html");
  });

  it("is refused to an inspector not on the case, to the clerk, and on a closed case", async () => {
    for (const user of ["inspector3", "clerk1"]) {
      const agent = await loginAs(t.app, user);
      expect((await agent.post(`/cases/${c.id}/phone-contacts`).type("form").send(fields())).status, user).toBe(403);
    }
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "withdraw", outcome: "withdrawn", note: "投诉人撤回", version: c.version() });
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/phone-contacts`).type("form").send(fields());
    expect(res.status).toBe(409);
    expect(res.text).toContain("不能“记录电话联系用人单位”");
    expect(contacts()).toEqual([]);
    expect((await inspector.get(`/cases/${c.id}`)).text).not.toContain('id="phone-contact"');
  });
});
