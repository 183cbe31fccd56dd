/**
 * One meaning for every clock (docs/rules.md §Clocks): the case page, the workbench row, the printed documents
 * and the reminders give the same answer on a Saturday, a holiday and a makeup workday after a due date.
 */
import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { saveYearSchedule } from "../../src/models/calendar.js";
import { loginAs, makeCase, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const row = (id: number) => t.db.$client.prepare("select * from cases where id = ?").get(id) as Record<string, unknown>;
const version = (id: number) => row(id).version as number;

/** Signs in on `date` (sessions follow the app's clock). */
async function on(date: string, username = "supervisor1"): Promise<Agent> {
  t.clock.now = at(date);
  return loginAs(t.app, username);
}

async function move(agent: Agent, id: number, moveName: string, note = "", outcome = "") {
  return agent
    .post(`/cases/${id}/moves`)
    .type("form")
    .send({ move: moveName, version: String(version(id)), note, outcome, ground: "other", basisText: "《关于实施〈劳动保障监察条例〉若干规定》第十八条" });
}

async function received(receivedOn: string, filed: boolean) {
  const { id } = makeCase(t.db, { receivedOn }, { now: at(receivedOn) });
  const supervisor = await on(receivedOn);
  await supervisor
    .post(`/cases/${id}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: version(id) });
  if (filed) expect((await move(supervisor, id, "file")).status).toBe(303);
  return id;
}

function clockOn(html: string, key: string) {
  const m = new RegExp(`data-clock="${key}" data-due="([\\d-]+)" data-status="(\\w+)" data-used="(-?\\d+)" data-left="(-?\\d+)"`).exec(html);
  if (!m) throw new Error(`no ${key} clock on the page`);
  return { dueOn: m[1], status: m[2], used: Number(m[3]), left: Number(m[4]) };
}

/** The clocks the workbench shows on the case's row: the most urgent one, and a filed case's statutory clock. */
async function workbench(agent: Agent, id: number) {
  const caseNumber = row(id).case_number as string;
  const html = (await agent.get("/cases")).text;
  const cells = new RegExp(`<tr data-case="${caseNumber}">([\\s\\S]*?)</tr>`).exec(html);
  if (!cells) throw new Error(`${caseNumber} is not on the workbench`);
  return Object.fromEntries([...cells[1]!.matchAll(/data-clock="(\w+)" data-status="(\w+)"/g)].map((m) => [m[1], m[2]]));
}

/** The supervisor ends the filed case by 撤销立案 (docs/rules.md § Notices and records after acceptance). */
async function close(agent: Agent, id: number) {
  const res = await agent
    .post(`/cases/${id}/moves`)
    .type("form")
    .send({ version: version(id), move: "revokeFiling", outcome: "filingRevoked", note: "情节轻微已改正，撤销立案" });
  expect(res.status).toBe(303);
}

async function report(agent: Agent, id: number) {
  const html = (await agent.get(`/cases/${id}/report`)).text;
  return { status: /data-target-status="(\w+)"/.exec(html)![1], daysTaken: Number(/data-days-taken="(\d+)"/.exec(html)![1]) };
}

describe("after a due date (target 8 working days from receipt)", () => {
  it.each([
    ["a Saturday", "2026-03-03", "2026-03-13", "2026-03-14", 8, "已过到期日"],
    ["a holiday (国庆)", "2026-09-18", "2026-09-30", "2026-10-02", 8, "已过到期日"],
    ["a makeup workday", "2026-09-21", "2026-10-09", "2026-10-10", 9, "超 1 个工作日"],
  ] as const)(
    "on %s the case page says 已超期, and closing that day is 超期完成 on the page and in the report",
    async (_what, receivedOn, dueOn, day, used, words) => {
      const id = await received(receivedOn, true);
      const supervisor = await on(day);
      const page = (await supervisor.get(`/cases/${id}`)).text;
      expect(clockOn(page, "target")).toMatchObject({ dueOn, status: "overdue", used });
      expect(page).toContain(words);
      expect(await workbench(supervisor, id)).toMatchObject({ target: "overdue", statutory: "normal" });
      await close(supervisor, id);
      expect(clockOn((await supervisor.get(`/cases/${id}`)).text, "target")).toMatchObject({ status: "missed", used });
      expect(await report(supervisor, id)).toEqual({ status: "missed", daysTaken: used });
      expect(row(id).working_days_taken).toBe(used);
    },
  );

  it("closing on the due date itself is 按期完成 everywhere", async () => {
    const id = await received("2026-03-03", true);
    const supervisor = await on("2026-03-13");
    expect(clockOn((await supervisor.get(`/cases/${id}`)).text, "target").status).toBe("dueSoon");
    expect(await workbench(supervisor, id)).toMatchObject({ target: "dueSoon" });
    await close(supervisor, id);
    expect(clockOn((await supervisor.get(`/cases/${id}`)).text, "target").status).toBe("met");
    expect(await report(supervisor, id)).toEqual({ status: "met", daysTaken: 8 });
  });

  it("reminds on the rest day after the due date (issue 25 item 8) and on the first working day after it", async () => {
    const id = await received("2026-03-03", true);
    const caseNumber = row(id).case_number as string;
    const saturday = await (await on("2026-03-14", "inspector1")).get("/cases");
    expect(saturday.text).toContain("今天不是工作日，期限不计算今天；下面列出最近一个工作日（2026年3月13日）到期的期限");
    expect(saturday.text).toMatch(new RegExp(`上一个工作日超出 8 个工作日办结目标（非法定期限）（1）[\\s\\S]*${caseNumber}`));
    const monday = (await (await on("2026-03-16", "inspector1")).get("/cases")).text;
    expect(monday).toMatch(new RegExp(`上一个工作日超出 8 个工作日办结目标（非法定期限）（1）[\\s\\S]*${caseNumber}`));
  });
});

describe("告知补正 pauses the acceptance clock", () => {
  it("shows 暂停 with the days used before the request, restarts on the supplement, and a later rejection is 按期", async () => {
    const id = await received("2026-11-02", false);
    const inspector = await on("2026-11-04", "inspector1");
    expect((await move(inspector, id, "requestSupplement", "请补充劳动关系证明")).status).toBe(303);
    const waiting = (await (await on("2026-12-15", "inspector1")).get(`/cases/${id}`)).text;
    expect(clockOn(waiting, "acceptance")).toMatchObject({ status: "paused", used: 2, left: 3 });
    expect(clockOn(waiting, "target")).toMatchObject({ status: "overdue" });
    expect(waiting).toContain("待补正期间不暂停");
    expect(await workbench(await on("2026-12-15", "supervisor1"), id)).toMatchObject({ target: "overdue" });

    const clerk = await on("2026-12-16", "clerk1");
    expect((await move(clerk, id, "supplementReceived")).status).toBe(303);
    expect(clockOn((await (await on("2026-12-17", "inspector1")).get(`/cases/${id}`)).text, "acceptance")).toMatchObject({
      dueOn: "2026-12-23",
      used: 1,
      status: "normal",
    });
  });

  it("judges a rejection after a supplement that never came by the day of the request", async () => {
    const id = await received("2026-11-02", false);
    await move(await on("2026-11-04", "inspector1"), id, "requestSupplement", "请补充劳动关系证明");
    const inspector = await on("2026-12-15", "inspector1");
    expect((await move(inspector, id, "reject", "逾期未补正投诉材料", "rejected")).status).toBe(303);
    expect(clockOn((await inspector.get(`/cases/${id}`)).text, "acceptance")).toMatchObject({ status: "met", used: 2 });
  });
});

describe("the 30-working-day extension (条例第十七条)", () => {
  it.each([
    ["on the due date", 0, 303],
    ["the day after the due date", 1, 422],
  ] as const)("is approved %s: %i", async (_what, daysAfter, status) => {
    const id = await received("2026-03-03", true);
    const dueOn = row(id).statutory_due_on as string;
    const day = new Date(at(dueOn).getTime() + daysAfter * 86_400_000).toISOString().slice(0, 10);
    const supervisor = await on(day);
    const res = await supervisor
      .post(`/cases/${id}/extend`)
      .type("form")
      .send({ version: version(id), reason: "涉及人数多，需进一步调查" });
    expect(res.status).toBe(status);
    expect(row(id).extension_days).toBe(status === 303 ? 30 : 0);
    if (status === 422) expect(res.text).toContain(`法定办案期限已于 ${dueOn} 届满`);
  });
});

describe("快速调处 only inside the 5-working-day acceptance window", () => {
  // Received Mon 2026-11-02: acceptance due Mon 11-09 (day 5); 11-10 is day 6.
  it.each([
    ["day 5", "2026-11-09", 303],
    ["day 6", "2026-11-10", 422],
  ] as const)("starting on %s: %i", async (_what, day, status) => {
    const id = await received("2026-11-02", false);
    const res = await move(await on(day, "inspector1"), id, "startMediation");
    expect(res.status).toBe(status);
    if (status === 422) expect(res.text).toContain("受理期限已于 2026-11-09 届满");
  });

  it("refuses a session held after the window and 快调化解 after it; the case must be filed", async () => {
    const id = await received("2026-11-02", false);
    const inspector = await on("2026-11-04", "inspector1");
    await move(inspector, id, "startMediation");
    const worker = t.db.$client.prepare("select id from case_workers where case_id = ?").pluck().get(id) as number;
    const late = await (await on("2026-11-16", "inspector1"))
      .post(`/cases/${id}/mediations`)
      .type("form")
      .send({
        version: version(id),
        sessionOn: "2026-11-16",
        place: "监察支队调解室",
        workerSide: "工人1",
        employerSide: "赵某",
        workerStatement: "要求支付",
        employerStatement: "同意支付",
        result: "agreement",
        payBy: "2026-11-20",
        paymentMethod: "银行转账",
        [`amount.${worker}`]: "8500.00",
      });
    expect(late.status).toBe(422);
    expect(late.text).toContain("不能记录此次快速调处");
    const settle = await (await on("2026-11-16", "inspector1"))
      .post(`/cases/${id}/settle`)
      .type("form")
      .send({ version: version(id), note: "" });
    expect(settle.status).toBe(422);
    expect(settle.text).toContain("不能以“快调化解”结案");
  });
});

describe("reopening a case closed for 10 working days", () => {
  it("resumes every clock where it stopped and counts days taken without the closed days", async () => {
    const id = await received("2026-11-02", false);
    expect((await move(await on("2026-11-03"), id, "file")).status).toBe(303);
    await close(await on("2026-11-06"), id);
    expect(row(id).working_days_taken).toBe(4);
    const supervisor = await on("2026-11-20");
    expect((await move(supervisor, id, "reopen", "投诉人反映单位未实际支付")).status).toBe(303);
    const page = (await supervisor.get(`/cases/${id}`)).text;
    expect(clockOn(page, "target")).toMatchObject({ used: 4, left: 4, status: "normal", dueOn: "2026-11-26" });
    expect(clockOn(page, "statutory")).toMatchObject({ used: 3, status: "normal" });
    expect(row(id).target_due_on).toBe("2026-11-26");
    expect(await workbench(supervisor, id)).toEqual({ target: "normal", statutory: "normal" });
    const later = await on("2026-11-24");
    await close(later, id);
    expect(row(id).working_days_taken).toBe(6);
    expect(await report(later, id)).toEqual({ status: "met", daysTaken: 6 });
  });
});

describe("a year's schedule entered after a case closed on a provisional date", () => {
  it("recomputes the days taken, and the report shows the final figure without 暂定", async () => {
    const id = await received("2026-12-28", true);
    const supervisor = await on("2027-01-08");
    await close(supervisor, id);
    expect(row(id).working_days_taken).toBe(8);
    expect((await supervisor.get(`/cases/${id}/report`)).text).toContain("暂定");
    saveYearSchedule(
      t.db,
      2027,
      {
        holidays: [
          { date: "2027-01-01", name: "元旦" },
          { date: "2027-01-04", name: "元旦" },
          { date: "2027-01-05", name: "元旦" },
        ],
        makeupWorkdays: [],
        source: "国办发明电（测试）",
        publish: true,
      },
      userId(t.db, "admin"),
      "录入",
    );
    expect(row(id).working_days_taken).toBe(6);
    const html = (await supervisor.get(`/cases/${id}/report`)).text;
    expect(await report(supervisor, id)).toEqual({ status: "met", daysTaken: 6 });
    expect(html).not.toContain("暂定");
  });
});

describe("provisional dates on the receipt", () => {
  it("marks a due date in an unpublished year 暂定 and explains it", async () => {
    const id = await received("2026-12-28", false);
    const html = (await (await on("2026-12-28", "clerk1")).get(`/cases/${id}/receipt`)).text;
    expect(html).toMatch(/data-provisional="true">2027年1月\d+日[^<]*（暂定）/);
    expect(html).toContain("国务院尚未公布放假安排");
    const plain = await received("2026-11-02", false);
    expect((await (await on("2026-11-02", "clerk1")).get(`/cases/${plain}/receipt`)).text).not.toContain("暂定");
  });
});

describe("provisional dates on the public lookup and the calculator", () => {
  it("marks the lookup's target date 暂定 when it falls in an unpublished year, and explains it", async () => {
    const id = await received("2026-12-28", false);
    const { case_number: caseNumber, query_code: queryCode } = row(id) as { case_number: string; query_code: string };
    t.clock.now = at("2026-12-28");
    const html = (await request(t.app).post("/query").set("Sec-Fetch-Site", "same-origin").type("form").send({ caseNumber, queryCode })).text;
    expect(html).toMatch(/data-provisional="true">2027年1月\d+日/);
    expect(html).toContain("国务院尚未公布放假安排");
  });

  it("words the calculator's example from receipt", async () => {
    const html = (await request(t.app).get("/calendar/calc")).text;
    expect(html).toContain("自收到投诉之日起第 8 个工作日");
    expect(html).not.toContain("受理后 8 个工作日");
  });
});
