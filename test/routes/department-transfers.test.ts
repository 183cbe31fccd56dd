/**
 * 移送其他部门 over HTTP (src/sections/department-transfers.ts; docs/rules.md §移送其他部门): the office sends a matter
 * to a member unit with its materials, records its 签收 and reply, each on the timeline; the case stays open; the
 * refusals keep what was typed; another office neither sees nor acts; the dashboards list what waits.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { waitingTransfers } from "../../src/models/department-transfers.js";
import { describeActivityMove } from "../domain/activity-moves.js";
import { loginAs, makeTestApp, workedCase, type Agent, type TestApp } from "../helpers.js";
import { BIG_TABLES, plansOf } from "../models/plans.js";

const OPEN = ["received", "mediating", "awaiting_supplement", "filed"] as const;
describeActivityMove("transferToDepartment", { from: OPEN, roles: ["inspector", "supervisor"] });
describeActivityMove("recordDepartmentReceipt", { from: [...OPEN, "closed"], roles: ["inspector", "supervisor"] });
describeActivityMove("recordDepartmentReply", { from: [...OPEN, "closed"], roles: ["inspector", "supervisor"] });

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
let inspector: Agent;

const unitId = (name: string) => t.db.$client.prepare("select id from member_units where name = ?").pluck().get(name) as number;
const transfers = () =>
  t.db.$client
    .prepare(
      "select id, unit_id, sent_on, materials, reply_due_on, received_on, signed_by, replied_on, reply_outcome from department_transfers where case_id = ?",
    )
    .all(c.id) as { id: number; reply_due_on: string; received_on: string | null; replied_on: string | null }[];
const events = () => t.db.$client.prepare("select action, note from case_events where case_id = ? order by id").all(c.id) as { action: string; note: string }[];
const state = () => t.db.$client.prepare("select state from cases where id = ?").pluck().get(c.id);

const sendFields = (over: Record<string, string> = {}) => ({
  version: String(c.version()),
  unitId: String(unitId("市住建局")),
  sentOn: "2026-11-23",
  matter: "总包单位未按规定开设农民工工资专用账户，请依职责查处。",
  materials: "投诉登记表\n\n现场检查笔录\n工程合同复印件",
  replyDueOn: "",
  ...over,
});
const send = (agent: Agent, over: Record<string, string> = {}) => agent.post(`/cases/${c.id}/department-transfers`).type("form").send(sendFields(over));
const receipt = (agent: Agent, over: Record<string, string> = {}) =>
  agent
    .post(`/cases/${c.id}/department-transfers/receipt`)
    .type("form")
    .send({ version: String(c.version()), transferId: String(transfers()[0]!.id), receivedOn: "2026-11-23", signedBy: "市住建局 建管处 刘某", ...over });
const reply = (agent: Agent, over: Record<string, string> = {}) =>
  agent
    .post(`/cases/${c.id}/department-transfers/reply`)
    .type("form")
    .send({
      version: String(c.version()),
      transferId: String(transfers()[0]!.id),
      repliedOn: "2026-11-23",
      outcome: "handling",
      content: "已立案调查，责令总包单位限期整改。",
      ...over,
    });

beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t);
  inspector = await loginAs(t.app, "inspector1");
});

describe("a transfer to another department, step by step", () => {
  it("records the department, the date, the materials and the default reply due date, keeps the case open and writes the timeline", async () => {
    const res = await send(inspector);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/cases/${c.id}#department-transfer`);
    expect(transfers()).toEqual([
      expect.objectContaining({
        unit_id: unitId("市住建局"),
        sent_on: "2026-11-23",
        materials: "投诉登记表\n现场检查笔录\n工程合同复印件",
        // DEPARTMENT_REPLY_WORKING_DAYS (10 by default): the 10th working day after Monday 2026-11-23.
        reply_due_on: "2026-12-07",
        received_on: null,
        replied_on: null,
      }),
    ]);
    expect(state()).toBe("received");
    expect(events().at(-1)).toEqual({
      action: "transferToDepartment",
      note: "2026-11-23 移送市住建局（材料 3 项）：总包单位未按规定开设农民工工资专用账户，请依职责查处。",
    });
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain("移（转）送其他部门（1 次）");
    expect(page.text).toMatch(/<ol class="materials"><li>投诉登记表<\/li><li>现场检查笔录<\/li><li>工程合同复印件<\/li><\/ol>/);
    expect(page.text).toMatch(/data-stage="receipt"/);
    expect(page.text).toContain("移送市住建局 · 待签收");
    expect(page.text).toContain('id="department-receipt"');
    expect(page.text).not.toContain('id="department-reply"');
  });

  it("says on the form that a suspected crime goes to the police through 移送公安, and lists the member units", async () => {
    // Closed on the case page, drawn when opened (?open=, as its opener fetches it).
    const closed = await inspector.get(`/cases/${c.id}`);
    expect(closed.text).toContain('data-form-opener="department-transfer"');
    expect(closed.text).not.toContain("department-transfer-unitId");
    const page = await inspector.get(`/cases/${c.id}?open=department-transfer`);
    expect(page.text).toMatch(/data-police-note>[^<]*涉嫌拒不支付劳动报酬罪的，不在此移送[^<]*移送公安/);
    expect(page.text).toMatch(/<select id="department-transfer-unitId"[\s\S]*?市住建局[\s\S]*?市市场监管局[\s\S]*?<\/select>/);
  });

  it("records the 签收 and then the reply, each on the timeline, and the clock ends as met", async () => {
    await send(inspector);
    expect((await receipt(inspector)).status).toBe(303);
    expect(transfers()[0]).toMatchObject({ received_on: "2026-11-23", signed_by: "市住建局 建管处 刘某", replied_on: null });
    expect(events().at(-1)).toEqual({ action: "recordDepartmentReceipt", note: "2026-11-23 市住建局签收，签收人 市住建局 建管处 刘某" });
    expect((await reply(inspector)).status).toBe(303);
    expect(transfers()[0]).toMatchObject({ replied_on: "2026-11-23", reply_outcome: "handling" });
    expect(events().at(-1)).toEqual({ action: "recordDepartmentReply", note: "2026-11-23 市住建局答复：已受理，正在查处。已立案调查，责令总包单位限期整改。" });
    const page = await inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain("移送市住建局 · 已答复");
    expect(page.text).toMatch(/data-clock-status="met"/);
    expect(page.text).toMatch(/移送市住建局（材料 3 项）[\s\S]*市住建局签收[\s\S]*市住建局答复/);
    expect(state()).toBe("received");
  });

  it("takes the reply due date the office names, and the setting's number of working days otherwise", async () => {
    await send(inspector, { replyDueOn: "2026-12-01" });
    expect(transfers()[0]!.reply_due_on).toBe("2026-12-01");
    t = await makeTestApp(new Date("2026-11-23T02:00:00Z"), { DEPARTMENT_REPLY_WORKING_DAYS: "3" });
    c = await workedCase(t);
    await send(await loginAs(t.app, "inspector1"));
    expect(transfers()[0]!.reply_due_on).toBe("2026-11-26");
  });

  it("lets the 签收 and reply be recorded after the case closed as 移送其他部门", async () => {
    await send(inspector);
    const closed = await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({
      move: "redirect",
      outcome: "referredToOtherDepartment",
      note: "属住建部门职责，已移送",
      addressee: "长春市住房和城乡建设局",
      version: c.version(),
    });
    expect(closed.status).toBe(303);
    expect(state()).toBe("closed");
    expect((await receipt(inspector)).status).toBe(303);
    expect((await reply(inspector, { outcome: "handled" })).status).toBe(303);
    expect(transfers()[0]).toMatchObject({ reply_outcome: "handled" });
  });
});

describe("refusals: the message under its field, what was typed kept, nothing saved", () => {
  it("refuses a reply before the 签收", async () => {
    await send(inspector);
    const res = await reply(inspector, { content: "口头答复：正在核查" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(
      /id="department-reply-transferId"[^>]*aria-invalid="true"[\s\S]*?移送市住建局的材料尚未登记签收：请先登记签收日期和签收人，再登记答复/,
    );
    expect(res.text).toContain("口头答复：正在核查");
    expect(transfers()[0]!.replied_on).toBeNull();
    expect(events().at(-1)!.action).toBe("transferToDepartment");
  });

  it("refuses a date in the future, before the complaint, or outside the working-day calendar", async () => {
    const future = await send(inspector, { sentOn: "2026-11-24", matter: "请查处未开设专用账户" });
    expect(future.status).toBe(422);
    expect(future.text).toMatch(/id="department-transfer-sentOn"[^>]*aria-invalid="true"[\s\S]*?移送日期不能晚于今天/);
    expect(future.text).toContain("请查处未开设专用账户");
    expect(future.text).toContain("工程合同复印件");
    const before = await send(inspector, { sentOn: "2026-11-20" });
    expect(before.text).toContain("移送日期不能早于收到投诉的日期（2026-11-23）");
    const outside = await send(inspector, { replyDueOn: "2040-01-02" });
    expect(outside.status).toBe(422);
    expect(outside.text).toMatch(/id="department-transfer-replyDueOn"[^>]*aria-invalid="true"[\s\S]*?答复期限超出工作日历范围/);
    const notADate = await send(inspector, { sentOn: "2026-13-01" });
    expect(notADate.text).toContain("移送日期应为有效日期");
    expect(transfers()).toEqual([]);
    await send(inspector);
    const lateReceipt = await receipt(inspector, { receivedOn: "2026-11-30", signedBy: "刘某" });
    expect(lateReceipt.status).toBe(422);
    expect(lateReceipt.text).toMatch(/id="department-receipt-receivedOn"[^>]*aria-invalid="true"[\s\S]*?签收日期不能晚于今天/);
    expect(lateReceipt.text).toContain('value="刘某"');
    expect(transfers()[0]!.received_on).toBeNull();
  });

  it("refuses a department not on the member units' list", async () => {
    for (const unit of ["999999", "", "市住建局"]) {
      const res = await send(inspector, { unitId: unit });
      expect(res.status, unit).toBe(422);
      expect(res.text).toMatch(/id="department-transfer-unitId"[^>]*aria-invalid="true"[\s\S]*?请从专班成员单位中选择接收移送的部门/);
    }
    t.db.$client.prepare("update member_units set active = 0 where name = '市交通运输局'").run();
    expect((await send(inspector, { unitId: String(unitId("市交通运输局")) })).status).toBe(422);
    expect(transfers()).toEqual([]);
  });

  it("refuses a second open transfer to the same department, and takes one to another department", async () => {
    await send(inspector);
    const again = await send(inspector, { matter: "再次移送" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("本案移送市住建局的材料尚未答复：同一部门只能有一次未办结的移送");
    expect(again.text).toContain("再次移送");
    expect(transfers()).toHaveLength(1);
    expect((await send(inspector, { unitId: String(unitId("市市场监管局")) })).status).toBe(303);
    await receipt(inspector);
    await reply(inspector);
    expect((await send(inspector, { matter: "新的问题" })).status).toBe(303);
    expect(transfers()).toHaveLength(3);
  });

  it("refuses a transfer on a closed case", async () => {
    await c.supervisor.post(`/cases/${c.id}/moves`).type("form").send({ move: "withdraw", outcome: "withdrawn", note: "投诉人撤回", version: c.version() });
    const res = await send(inspector);
    expect(res.status).toBe(409);
    expect(res.text).toContain("不能“移（转）送其他部门”");
    expect(transfers()).toEqual([]);
    expect((await inspector.get(`/cases/${c.id}`)).text).not.toContain('id="department-transfer"');
  });

  it("answers htmx with the section alone when refused", async () => {
    const res = await inspector
      .post(`/cases/${c.id}/department-transfers`)
      .set("HX-Request", "true")
      .type("form")
      .send(sendFields({ materials: "" }));
    expect(res.status).toBe(422);
    expect(res.text.trim()).toMatch(/^<section class="card" id="department-transfers"/);
    expect(res.text).toContain("请填写移送的材料");
  });

  it("after someone else's change, a 签收 refused by htmx brings back the section with the 移送 form the user had open", async () => {
    expect((await send(inspector)).status).toBe(303);
    const stale = String(c.version());
    expect((await send(c.supervisor, { unitId: String(unitId("市公安局")) })).status).toBe(303);
    const openForm = /<form [^>]*id="department-transfer"/;
    const refused = (openForms?: string) =>
      receipt(inspector, { version: stale }).set({
        "HX-Request": "true",
        "HX-Target": "department-receipt",
        ...(openForms ? { "X-Open-Forms": openForms } : {}),
      });
    const plain = await refused();
    expect(plain.status).toBe(409);
    expect(plain.headers["hx-retarget"]).toBe("#department-transfers");
    expect(plain.text).not.toMatch(openForm);
    // The browser names the section's open forms (public/js/refusals.js, which then puts back what was typed in
    // them); a name that is no form id is ignored.
    const kept = await refused("department-transfer,<b>x</b>");
    expect(kept.status).toBe(409);
    expect(kept.text).toMatch(openForm);
    expect(kept.text).toContain("市公安局");
    expect(kept.text).not.toContain("<b>x</b>");
    // No id twice on the page with two transfers (the browser finds each form by its id).
    const whole = (await inspector.get(`/cases/${c.id}?open=department-transfer`).expect(200)).text;
    const ids = [...whole.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // A form opened (a GET) draws only itself open.
    const opened = await inspector.get(`/cases/${c.id}/sections/department-transfers`).set({ "HX-Request": "true", "X-Open-Forms": "department-transfer" });
    expect(opened.text).not.toMatch(openForm);
  });
});

describe("who may see and act", () => {
  it("keeps another office out: it neither reads the case nor records a step", async () => {
    await send(inspector);
    const other = await loginAs(t.app, "supervisor_ng");
    const page = await other.get(`/cases/${c.id}`);
    expect(page.status).not.toBe(200);
    expect(page.text).not.toContain("移送市住建局");
    expect((await send(other, { unitId: String(unitId("市市场监管局")) })).status).toBe(403);
    expect((await receipt(other)).status).toBe(403);
    expect(transfers()).toHaveLength(1);
    expect(transfers()[0]!.received_on).toBeNull();
    for (const user of ["inspector3", "clerk1", "unit_zjj"]) {
      expect((await receipt(await loginAs(t.app, user))).status, user).toBe(403);
    }
  });

  it("lets the case's own office's supervisor record a step", async () => {
    await send(inspector);
    expect((await receipt(await loginAs(t.app, "supervisor_cy"))).status).toBe(303);
  });
});

describe("the dashboards: what waits for a 签收 or a reply, late ones marked", () => {
  it("lists the office's waiting transfers with their clock, linked to the case; the city sees every office with the office named", async () => {
    await send(inspector);
    const cy = await loginAs(t.app, "supervisor_cy");
    const own = await cy.get("/dashboard");
    expect(own.status).toBe(200);
    expect(own.text).toContain("移送其他部门：待签收、待答复（1 件）");
    expect(own.text).toMatch(new RegExp(`data-stage="receipt" data-clock-status="normal">\\s*<th scope="row"><a href="/cases/${c.id}#department-transfers">`));
    expect(own.text).toContain("剩 10 个工作日");
    const city = await (await loginAs(t.app, "supervisor1")).get("/dashboard");
    expect(city.text).toMatch(/data-table="department-transfers"[\s\S]*?<td>朝阳区劳动保障监察大队<\/td>\s*<td>市住建局<\/td>/);
    const ng = await (await loginAs(t.app, "supervisor_ng")).get("/dashboard");
    expect(ng.text).toContain("移送其他部门：待签收、待答复（0 件）");
    expect(ng.text).not.toContain(`/cases/${c.id}#department-transfers`);
  });

  it("marks a transfer late the day after its reply due date, waiting for the reply, and drops it once answered", async () => {
    await send(inspector);
    await receipt(inspector);
    t.clock.now = new Date("2026-12-08T02:00:00Z");
    const cy = await loginAs(t.app, "supervisor_cy");
    const late = await cy.get("/dashboard");
    expect(late.text).toMatch(/data-stage="reply" data-clock-status="overdue"/);
    expect(late.text).toContain("已超期，超 1 个工作日");
    await reply(await loginAs(t.app, "inspector1"), { repliedOn: "2026-12-08" });
    expect((await cy.get("/dashboard")).text).toContain("移送其他部门：待签收、待答复（0 件）");
  });

  it("reads the waiting transfers through their partial index, each case by its key (no full scan)", async () => {
    await send(inspector);
    const office = t.db.$client.prepare("select office_id from cases where id = ?").pluck().get(c.id) as number;
    const plans = plansOf(t, () => expect(waitingTransfers(t.db, "2026-11-23", [office])).toHaveLength(1));
    const plan = plans.find((p) => p.sql.includes("department_transfers"))!.plan;
    expect(plan.join("\n")).toMatch(/department_transfers_waiting_idx/);
    expect(plan.join("\n")).not.toMatch(BIG_TABLES);
    expect(plan.join("\n")).not.toMatch(/SCAN department_transfers\b(?! USING)/);
  });
});
