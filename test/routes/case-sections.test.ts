/**
 * The case page as a list of sections (CASE_SECTIONS, src/http/case-page.ts): each section is read only
 * when it applies to the case's state and the viewer, and htmx can ask for one section alone.
 */
import { existsSync, readFileSync } from "node:fs";
import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { CASE_SECTIONS } from "../../src/http/case-page.js";
import { idNumber, loginAs, makeTestApp, userId, workedCase, type TestApp } from "../helpers.js";

/** The SQL every statement run during `fn` read, in order. */
async function statementsDuring(t: TestApp, fn: () => Promise<unknown>): Promise<string[]> {
  const proto = Object.getPrototypeOf(t.db.$client.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  const seen: string[] = [];
  const originals = Object.fromEntries(["get", "all", "iterate", "run"].map((m) => [m, proto[m]!]));
  for (const [m, original] of Object.entries(originals)) {
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      seen.push(this.source);
      return original.apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(proto, originals);
  }
  return seen;
}

const INSPECTOR_LIST = /inspector_open_cases/;
const UNIT_LIST = /from "member_units"/;
const VISIT_STAFF = /from "users" inner join "offices" on "offices"\."id" = "users"\."office_id" where \("users"\."role" in/;

describe("the list of sections", () => {
  it("has one key per section, each drawn by a partial whose section carries that key as its id", () => {
    expect(new Set(CASE_SECTIONS.map((s) => s.key)).size).toBe(CASE_SECTIONS.length);
    for (const s of CASE_SECTIONS) {
      const file = `views/${s.partial}.ejs`;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8"), file).toMatch(new RegExp(`<(section|details)[^>]* id="${s.key}"`));
    }
  });
});

describe("the sections read", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeTestApp();
  });

  it("on a filed case for the supervisor: the assignment's inspector list, the task force's units, the visit team", async () => {
    const c = await workedCase(t, { to: "filed" });
    const sql = await statementsDuring(t, () => c.supervisor.get(`/cases/${c.id}`).expect(200));
    expect(sql.some((s) => INSPECTOR_LIST.test(s))).toBe(true);
    expect(sql.some((s) => UNIT_LIST.test(s))).toBe(true);
    expect(sql.some((s) => VISIT_STAFF.test(s))).toBe(true);
  });

  it("none of those for the lead inspector, who may not assign or escalate, once the case is closed", async () => {
    const c = await workedCase(t, { to: "filed" });
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "revokeFiling", outcome: "filingRevoked", note: "撤回", version: c.version() });
    const inspector = await loginAs(t.app, "inspector1");
    const sql = await statementsDuring(t, () => inspector.get(`/cases/${c.id}`).expect(200));
    expect(sql.filter((s) => INSPECTOR_LIST.test(s) || UNIT_LIST.test(s) || VISIT_STAFF.test(s))).toEqual([]);
  });

  it("a form drawn closed reads its choices only when opened: the member units of a transfer, the 询问笔录's inspectors", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    let page = "";
    const sql = await statementsDuring(t, async () => {
      page = (await inspector.get(`/cases/${c.id}`).expect(200)).text;
    });
    expect(sql.filter((s) => UNIT_LIST.test(s))).toEqual([]);
    expect(page).toContain('data-form-opener="department-transfer"');
    expect(page).toContain('hx-get="/cases/' + c.id + '/sections/inquiries?open=inquiry"');
    expect(page).not.toContain('name="firstInspectorId"');
    const opened = (key: string, form: string) => inspector.get(`/cases/${c.id}/sections/${key}?open=${form}`).set("HX-Request", "true").expect(200);
    let section = "";
    const units = await statementsDuring(t, async () => {
      section = (await opened("department-transfers", "department-transfer")).text;
    });
    expect(units.some((s) => UNIT_LIST.test(s))).toBe(true);
    expect(section.trim()).toMatch(/^<section class="card" id="department-transfers"/);
    expect(section).toMatch(/<details class="action-details no-print" id="open-department-transfer" open>\s*<summary autofocus>移（转）送其他部门/);
    expect(section).toMatch(/<select id="department-transfer-unitId"[\s\S]*?市住建局/);
    // (The office's staff were read for the visit form, open until a first visit: kept while nothing changes.)
    section = (await opened("inquiries", "inquiry")).text;
    expect(section).toContain('name="firstInspectorId"');
    // Without script, the opener's link is the whole page with the form open.
    expect((await inspector.get(`/cases/${c.id}?open=inquiry`)).text).toMatch(/<html[\s\S]*name="firstInspectorId"/);
  });

  it("opening a form replaces only its opener, and the whole section only when the form no longer applies", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const page = (await inspector.get(`/cases/${c.id}`).expect(200)).text;
    // The opener swaps itself for the opened form: the section's other forms (签收, 答复) and what is typed in them stay.
    expect(page).toMatch(
      /<details class="action-details no-print" id="open-department-transfer" data-form-opener="department-transfer"[^>]* hx-target="this" hx-select="#open-department-transfer" hx-swap="outerHTML">/,
    );
    const open = (target: string) =>
      inspector.get(`/cases/${c.id}/sections/department-transfers?open=department-transfer`).set({ "HX-Request": "true", "HX-Target": target }).expect(200);
    const opened = await open("open-department-transfer");
    expect(opened.headers["hx-retarget"]).toBeUndefined();
    expect(opened.text).toContain('id="open-department-transfer" open>');
    // Someone closed the case meanwhile: the transfer form is gone, so the section comes whole, as it is now.
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "revokeFiling", outcome: "filingRevoked", note: "撤回", version: c.version() });
    const gone = await open("open-department-transfer");
    expect(gone.text).not.toContain('id="open-department-transfer"');
    expect(gone.headers).toMatchObject({ "hx-retarget": "#department-transfers", "hx-reselect": "#department-transfers", "hx-reswap": "outerHTML" });
  });

  it("a section alone that shows an ID number or a phone whole records the view; any other comes masked and records none", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    // An interviewee's ID number on the case: the 询问笔录 section shows it.
    const interviewee = idNumber(77, "19700101");
    const recorded = await inspector
      .post(`/cases/${c.id}/inquiries`)
      .type("form")
      .send({
        version: String(c.version()),
        intervieweeRole: "employerRep",
        intervieweeName: "赵建国",
        intervieweeIdNumber: interviewee,
        intervieweeDetail: "项目负责人",
        place: "支队询问室",
        startedAt: "2026-11-23T08:30",
        endedAt: "2026-11-23T09:20",
        firstInspectorId: String(userId(t.db, "inspector1")),
        firstCertificate: "吉劳监22010001",
        secondInspectorId: String(userId(t.db, "inspector2")),
        secondCertificate: "吉劳监22010002",
        questionsAndAnswers: "问：工资为何未付？\n答：工程款未到。",
        signature: "signed",
        refusalNote: "",
      });
    expect(recorded.status).toBe(303);
    const views = () => t.db.$client.prepare("select count(*) from personal_data_views where case_id = ?").pluck().get(c.id) as number;
    const whole = /\d{17}[\dX]|1[3-9]\d{9}/;
    let shownWhole = 0;
    for (const s of CASE_SECTIONS) {
      for (const query of ["", `?open=${s.key}`]) {
        const before = views();
        const res = await inspector.get(`/cases/${c.id}/sections/${s.key}${query}`).set("HX-Request", "true");
        if (res.status === 404) continue;
        expect(res.status, s.key).toBe(200);
        if (whole.test(res.text)) {
          shownWhole++;
          expect(views(), `${s.key}${query} shows personal data whole`).toBe(before + 1);
        } else expect(views(), `${s.key}${query} records a view it does not show`).toBe(before);
      }
    }
    // The complainants' and the 询问笔录 sections, each asked for plain and with a form opened.
    expect(shownWhole).toBe(4);
    // Opening a form elsewhere is no view, and asks for nothing whole.
    const before = views();
    const opened = await inspector.get(`/cases/${c.id}/sections/orders?open=order`).set("HX-Request", "true").expect(200);
    expect(opened.text).not.toMatch(whole);
    expect(views()).toBe(before);
  });

  it("a form refused by htmx comes back marked to be swapped in, whatever the refusal's status", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const stale = c.version();
    // Someone else recorded a call since the inspector's page was drawn.
    const other = { version: String(stale), contactedOn: "2026-11-23", personReached: "李会计（财务）", summary: "称资金已申请" };
    expect((await c.supervisor.post(`/cases/${c.id}/phone-contacts`).type("form").send(other)).status).toBe(303);
    const refused = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .set({ "HX-Request": "true", "HX-Target": "phone-contact" })
      .type("form")
      .send({ version: stale, contactedOn: "2026-11-23", personReached: "王经理（项目经理）", summary: "答应月底前付清" });
    expect(refused.status).toBe(409);
    expect(refused.headers["x-redrawn-form"]).toBe("true");
    expect(refused.text).toContain('id="phone-contact"');
    expect(refused.text).toContain("王经理（项目经理）");
    expect(refused.text).toContain("答应月底前付清");
    // The whole section comes back: the other call is shown, not hidden behind a form carrying the new version.
    expect(refused.headers).toMatchObject({ "hx-retarget": "#phone-contacts", "hx-reselect": "#phone-contacts", "hx-reswap": "outerHTML" });
    expect(refused.text).toContain("李会计（财务）");
    // A refusal of what was typed (422) still swaps the form alone.
    const invalid = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .set({ "HX-Request": "true", "HX-Target": "phone-contact" })
      .type("form")
      .send({ version: c.version(), contactedOn: "2026-11-23", personReached: "", summary: "答应月底前付清" });
    expect(invalid.status).toBe(422);
    expect(invalid.headers["hx-retarget"]).toBeUndefined();
  });

  it("a refused form that is no longer drawn (the case closed meanwhile) comes back as its section, with the reason in a header", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const stale = c.version();
    const other = { version: String(stale), contactedOn: "2026-11-23", personReached: "李会计（财务）", summary: "称资金已申请" };
    expect((await c.supervisor.post(`/cases/${c.id}/phone-contacts`).type("form").send(other)).status).toBe(303);
    t.db.$client.prepare("update cases set state = 'closed', version = version + 1 where id = ?").run(c.id);
    const refused = await inspector
      .post(`/cases/${c.id}/phone-contacts`)
      .set({ "HX-Request": "true", "HX-Target": "phone-contact" })
      .type("form")
      .send({ version: stale, contactedOn: "2026-11-23", personReached: "王经理（项目经理）", summary: "答应月底前付清" });
    expect(refused.status).toBe(409);
    expect(refused.text).not.toContain('id="phone-contact"');
    expect(refused.text).toContain("李会计（财务）");
    expect(refused.headers["hx-retarget"]).toBe("#phone-contacts");
    expect(decodeURIComponent(refused.headers["x-refusal-message"] ?? "")).toContain("案件已被他人更新");
  });

  it("an htmx request after the session ended sends the window to the login page, which returns to the page", async () => {
    const c = await workedCase(t, { to: "filed" });
    const res = await request(t.app)
      .get(`/cases/${c.id}/sections/inquiries?open=inquiry`)
      .set({ "HX-Request": "true", "HX-Current-URL": `http://localhost:3000/cases/${c.id}?x=1` })
      .expect(401);
    expect(res.headers["hx-redirect"]).toBe(`/login?redirectTo=${encodeURIComponent(`/cases/${c.id}?x=1`)}`);
    expect(res.text).toBe("");
  });

  it("no field lets more be typed than its form accepts (maxlength within the server's bound)", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const actions = CASE_SECTIONS.flatMap((s) => [...(s.action ? [s.action] : []), ...(s.actions ?? [])]).filter((a) => typeof a.schema !== "function");
    const checked: string[] = [];
    for (const open of ["", "inquiry", "department-transfer", "visit", "order", "close"]) {
      const page = (await inspector.get(`/cases/${c.id}${open ? `?open=${open}` : ""}`).expect(200)).text;
      for (const action of actions) {
        const form = new RegExp(`<form [^>]*id="${action.form}(?:-\\d+)?"[\\s\\S]*?</form>`).exec(page)?.[0];
        if (!form) continue;
        const shape = (action.schema as z.ZodObject).shape;
        for (const m of form.matchAll(/<(?:input|textarea)\b[^>]*>/g)) {
          const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
          const max = /\bmaxlength="(\d+)"/.exec(m[0])?.[1];
          if (!name || !max || !shape[name]) continue;
          const typed = "字".repeat(Number(max));
          expect(shape[name].safeParse(typed).success, `${action.form}.${name} maxlength ${max}`).toBe(true);
          checked.push(`${action.form}.${name}`);
        }
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["inquiry.intervieweeName", "inquiry.place", "phone-contact.personReached"]));
  });

  it("nothing of mediation, orders or visits on a case just registered", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    const sql = await statementsDuring(t, () => inspector.get(`/cases/${c.id}`).expect(200));
    expect(sql.filter((s) => /from "(mediations|payment_orders|site_visits|prior_notices)"/.test(s))).toEqual([]);
  });
});

describe("GET /cases/:id/sections/:key", () => {
  it("is the section alone for htmx, the whole page otherwise, and 404 for a section that does not apply", async () => {
    const t = await makeTestApp();
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    const alone = await inspector.get(`/cases/${c.id}/sections/clocks`).set("HX-Request", "true");
    expect(alone.status).toBe(200);
    expect(alone.text.trim()).toMatch(/^<section class="card" id="clocks"/);
    expect(alone.text).not.toContain("<html");
    const page = await inspector.get(`/cases/${c.id}/sections/clocks`);
    expect(page.text).toContain("<html");
    expect(page.text).toContain('id="timeline"');
    expect((await inspector.get(`/cases/${c.id}/sections/closing`).set("HX-Request", "true")).status).toBe(404);
    expect((await inspector.get(`/cases/${c.id}/sections/nothing`).set("HX-Request", "true")).status).toBe(404);
    const other = await loginAs(t.app, "inspector3");
    expect((await other.get(`/cases/${c.id}/sections/workers`).set("HX-Request", "true")).status).toBe(403);
  });
});
