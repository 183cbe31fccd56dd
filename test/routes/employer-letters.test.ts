/** 函件往来: letters sent to or received from the employer, a case-page section (src/sections/employer-letters.ts). */
import { beforeEach, describe, expect, it } from "vitest";
import { describeActivityMove } from "../domain/activity-moves.js";
import { loginAs, makeTestApp, workedCase, type TestApp } from "../helpers.js";

// On any open case, by the inspectors and the supervisor working it.
describeActivityMove("recordEmployerLetter", { from: ["received", "mediating", "awaiting_supplement", "filed"], roles: ["inspector", "supervisor"] });

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t);
});

const letters = () =>
  t.db.$client
    .prepare("select direction, letter_on, other_party, subject, note, recorded_by_id is not null as by from employer_letters where case_id = ?")
    .all(c.id);
const receivedOn = () => t.db.$client.prepare("select received_on from cases where id = ?").pluck().get(c.id) as string;
const fields = (over: Record<string, string> = {}) => ({
  version: String(c.version()),
  direction: "received",
  letterOn: "2026-11-23",
  otherParty: "某建筑劳务公司 办公室",
  subject: "关于拖欠工资情况的书面说明",
  note: "承认欠薪，称 12 月 10 日前付清",
  ...over,
});

describe("a letter to or from the employer", () => {
  it("is recorded by the lead inspector, listed on the case page with its direction and written on the timeline", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post(`/cases/${c.id}/employer-letters`).type("form").send(fields());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cases/${c.id}#employer-letter`);
    const sent = await c.supervisor
      .post(`/cases/${c.id}/employer-letters`)
      .type("form")
      .send(fields({ direction: "sent", subject: "限期说明工资支付情况的通知", note: "" }));
    expect(sent.status).toBe(303);
    expect(letters()).toEqual([
      {
        direction: "received",
        letter_on: "2026-11-23",
        other_party: "某建筑劳务公司 办公室",
        subject: "关于拖欠工资情况的书面说明",
        note: "承认欠薪，称 12 月 10 日前付清",
        by: 1,
      },
      { direction: "sent", letter_on: "2026-11-23", other_party: "某建筑劳务公司 办公室", subject: "限期说明工资支付情况的通知", note: "", by: 1 },
    ]);
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain("函件往来（2 件）");
    expect(page.text).toMatch(/2026年11月23日（周一） · 收到 · 某建筑劳务公司 办公室[\s\S]*关于拖欠工资情况的书面说明/);
    expect(page.text).toMatch(/2026年11月23日（周一） · 发出 · 某建筑劳务公司 办公室[\s\S]*限期说明工资支付情况的通知/);
    expect(page.text).toMatch(/记录函件往来[\s\S]*2026-11-23 收到函件：关于拖欠工资情况的书面说明/);
  });

  it("keeps what was typed and puts each message under its field, saving nothing", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector
      .post(`/cases/${c.id}/employer-letters`)
      .type("form")
      .send(fields({ subject: "事".repeat(201), direction: "lost", note: "挂号信 XA123" }));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(
      /id="employer-letter-subject"[^>]*aria-invalid="true"[\s\S]*?<p class="field-error" id="employer-letter-subject-error">函件事由不能超过 200 个字<\/p>/,
    );
    expect(res.text).toMatch(/id="employer-letter-direction"[^>]*aria-invalid="true"[\s\S]*?请选择发出或收到/);
    expect(res.text).toContain("挂号信 XA123");
    const blank = await inspector
      .post(`/cases/${c.id}/employer-letters`)
      .type("form")
      .send(fields({ subject: "  " }));
    expect(blank.status).toBe(422);
    expect(blank.text).toContain("请填写函件事由");
    for (const [letterOn, message] of [
      ["2026-11-24", "函件日期不能晚于今天"],
      ["2026-01-05", "函件日期不能早于收到投诉的日期"],
    ] as const) {
      expect(letterOn < receivedOn() || letterOn > "2026-11-23").toBe(true);
      const dated = await inspector.post(`/cases/${c.id}/employer-letters`).type("form").send(fields({ letterOn }));
      expect(dated.status, letterOn).toBe(422);
      expect(dated.text).toMatch(new RegExp(`id="employer-letter-letterOn"[^>]*aria-invalid="true"[\\s\\S]*?${message}`));
    }
    expect(letters()).toEqual([]);
  });

  it("answers htmx with the section alone: refused, the form with its errors; saved, a redirect to the whole page", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const refused = await inspector
      .post(`/cases/${c.id}/employer-letters`)
      .set("HX-Request", "true")
      .type("form")
      .send(fields({ otherParty: "" }));
    expect(refused.status).toBe(422);
    expect(refused.text.trim()).toMatch(/^<section class="card" id="employer-letters"/);
    expect(refused.text).not.toContain("<html");
    const saved = await inspector.post(`/cases/${c.id}/employer-letters`).set("HX-Request", "true").type("form").send(fields());
    expect(saved.headers["hx-redirect"]).toBe(`/cases/${c.id}#employer-letter`);
    const section = await inspector.get(`/cases/${c.id}/sections/employer-letters`).set("HX-Request", "true");
    expect(section.text).toContain("函件往来（1 件）");
    expect(section.text).not.toContain("<html");
  });

  it("is refused to an inspector not on the case, to the clerk, and on a closed case, where what was recorded stays listed", async () => {
    for (const user of ["inspector3", "clerk1"]) {
      const agent = await loginAs(t.app, user);
      expect((await agent.post(`/cases/${c.id}/employer-letters`).type("form").send(fields())).status, user).toBe(403);
    }
    const inspector = await loginAs(t.app, "inspector1");
    expect((await inspector.post(`/cases/${c.id}/employer-letters`).type("form").send(fields())).status).toBe(303);
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "withdraw", outcome: "withdrawn", note: "投诉人撤回", version: c.version() });
    const res = await inspector.post(`/cases/${c.id}/employer-letters`).type("form").send(fields());
    expect(res.status).toBe(409);
    expect(res.text).toContain("不能“记录函件往来”");
    expect(letters()).toHaveLength(1);
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain("函件往来（1 件）");
    expect(page).not.toContain('id="employer-letter"');
  });
});
