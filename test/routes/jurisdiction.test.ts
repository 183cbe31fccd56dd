/**
 * 属地管理 over HTTP (docs/rules.md §Offices and jurisdiction): a complaint lands at the office of its work site
 * and waits in that office's 签收 queue; 移送 once, then 报请指定 and the city's 指定管辖; the 8-working-day
 * target keeps counting from the first contact; each office's staff list and open only their office's cases.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { browser, intakeFields, loginAs, makeCase, makeTestApp, userId, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const q = (sql: string, ...args: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...args);
const officeId = (name: string) => q("select id from offices where name = ?", name) as number;
const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";
const caseRow = (id: number) =>
  t.db.$client
    .prepare(
      "select office_id as officeId, version, acknowledged_at as acknowledgedAt, target_due_on as targetDueOn, acceptance_due_on as acceptanceDueOn, arrived_by as arrivedBy from cases where id = ?",
    )
    .get(id) as {
    officeId: number;
    version: number;
    acknowledgedAt: number | null;
    targetDueOn: string;
    acceptanceDueOn: string;
    arrivedBy: string;
  };

describe("a window complaint for another office's area", () => {
  it("lands in that office's 签收 queue, and a clerk there acknowledges it", async () => {
    const clerk = await loginAs(t.app, "clerk1");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ district: "南关区" }));
    expect(res.status).toBe(303);
    const id = Number(/\/cases\/(\d+)\/receipt/.exec(String(res.headers.location))![1]);
    expect(caseRow(id).officeId).toBe(officeId(NANGUAN));
    expect(caseRow(id).acknowledgedAt).toBeNull();
    const caseNumber = q("select case_number from cases where id = ?", id) as string;
    // The receipt tells the worker which office has the case, and its phone.
    const receipt = await clerk.get(`/cases/${id}/receipt`);
    expect(receipt.text).toMatch(new RegExp(`data-office>${NANGUAN}（用工所在地 南关区），电话 0431-`));

    const nanguanClerk = await loginAs(t.app, "clerk_ng");
    expect((await nanguanClerk.get("/acknowledgements")).text).toContain(caseNumber);
    expect((await (await loginAs(t.app, "clerk_cy")).get("/acknowledgements")).text).not.toContain(caseNumber);
    // The city sees every office's queue.
    expect((await (await loginAs(t.app, "supervisor1")).get("/acknowledgements")).text).toContain(caseNumber);

    const other = await loginAs(t.app, "supervisor_cy");
    const refused = await other
      .post(`/cases/${id}/acknowledge`)
      .type("form")
      .send({ version: caseRow(id).version });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(`本案在${NANGUAN}，只能由该机构签收`);

    const ack = await nanguanClerk
      .post(`/cases/${id}/acknowledge`)
      .type("form")
      .send({ version: caseRow(id).version });
    expect(ack.status).toBe(303);
    expect(caseRow(id).acknowledgedAt).not.toBeNull();
    expect((await nanguanClerk.get("/acknowledgements")).text).not.toContain(caseNumber);
    expect(q("select note from case_events where case_id = ? and action = 'acknowledge'", id)).toBe(`${NANGUAN}签收`);
    const again = await nanguanClerk
      .post(`/cases/${id}/acknowledge`)
      .type("form")
      .send({ version: caseRow(id).version });
    expect(again.status).toBe(422);
    expect(again.text).toContain("本案已签收");
  });

  it("is taken up at once when registered at the competent office's own window", async () => {
    const clerk = await loginAs(t.app, "clerk_ng");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ district: "南关区" }));
    const id = Number(/\/cases\/(\d+)\/receipt/.exec(String(res.headers.location))![1]);
    expect(caseRow(id)).toMatchObject({ officeId: officeId(NANGUAN), arrivedBy: "routed" });
    expect(caseRow(id).acknowledgedAt).not.toBeNull();
  });

  it("refuses a work site outside every office, naming the field, and saves nothing", async () => {
    t.db.$client.prepare("update divisions set office_id = null where name = '莲花山区'").run();
    const clerk = await loginAs(t.app, "clerk1");
    const before = q("select count(*) from cases");
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(intakeFields({ district: "莲花山区" }));
    expect(res.status).toBe(422);
    expect(res.text).toContain("所选用工所在地不在本市任何监察机构的管辖范围内");
    expect(res.text).toContain('value="长春宏达建筑劳务有限公司"');
    expect(q("select count(*) from cases")).toBe(before);
  });
});

describe("the public lookup", () => {
  it("shows which office has the case and its phone, after a transfer too", async () => {
    const { id, caseNumber, queryCode } = makeCase(t.db, { district: "南关区" }, { actorId: userId(t.db, "clerk_ng") });
    const lookup = () => browser(t.app).post("/query").type("form").send({ caseNumber, queryCode });
    expect((await lookup()).text).toMatch(new RegExp(`data-office>${NANGUAN}（电话 0431-`));
    const nanguan = await loginAs(t.app, "supervisor_ng");
    await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(CHAOYANG), reason: "工地在朝阳区", version: caseRow(id).version });
    expect((await lookup()).text).toMatch(new RegExp(`data-office>${CHAOYANG}（电话 0431-`));
  });
});

describe("an online complaint", () => {
  it("is routed at once by the work site chosen on the form", async () => {
    const res = await browser(t.app)
      .post("/complaint")
      .type("form")
      .send({ ...intakeFields({ district: "朝阳区" }), channel: "online" });
    expect(res.status).toBe(303);
    const row = t.db.$client.prepare("select office_id as officeId, acknowledged_at as ack from cases order by id desc limit 1").get() as {
      officeId: number;
      ack: number | null;
    };
    expect(row).toEqual({ officeId: officeId(CHAOYANG), ack: null });
  });
});

describe("移送, 报请指定 and 指定管辖", () => {
  it("moves a case once; the receiving office may not move it again but asks the city, which designates; the 8-wd target stays", async () => {
    const { id } = makeCase(t.db, { district: "南关区", receivedOn: "2026-11-20" }, { actorId: userId(t.db, "clerk_ng") });
    const start = caseRow(id);
    // Two days after registration (2026-11-25) 南关 finds the site is in 朝阳.
    t.clock.now = new Date("2026-11-25T02:00:00Z");
    const nanguan = await loginAs(t.app, "supervisor_ng");
    const chaoyang = await loginAs(t.app, "supervisor_cy");
    const city = await loginAs(t.app, "supervisor1");

    // A transfer to the same office, or without a reason, is refused.
    const same = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(NANGUAN), reason: "x", version: start.version });
    expect(same.status).toBe(422);
    expect(same.text).toContain("不能移送给本机构");
    const noReason = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(CHAOYANG), reason: "", version: start.version });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("请填写移送理由");

    const moved = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(CHAOYANG), reason: "经核实工地位于朝阳区", version: start.version });
    expect(moved.status).toBe(303);
    const after = caseRow(id);
    expect(after).toMatchObject({ officeId: officeId(CHAOYANG), arrivedBy: "transferred", acknowledgedAt: null });
    // The worker loses no time to routing: the target still counts from the first contact; the acceptance clock starts at 朝阳.
    expect(after.targetDueOn).toBe(start.targetDueOn);
    expect(after.acceptanceDueOn > start.acceptanceDueOn).toBe(true);
    expect(q("select note from case_events where case_id = ? and action = 'transfer'", id)).toBe(`由${NANGUAN}移送${CHAOYANG}：经核实工地位于朝阳区`);
    // 南关 keeps read-only sight of it (history, personal data masked, no action); 朝阳 has it in its 签收 queue.
    const caseNumber = q("select case_number from cases where id = ?", id) as string;
    const history = await nanguan.get(`/cases/${id}`);
    expect(history.status).toBe(200);
    expect(history.text).toContain("只读查询");
    expect(history.text).toContain(`由${NANGUAN}移送${CHAOYANG}：经核实工地位于朝阳区`);
    expect(history.text).not.toContain(`action="/cases/${id}/transfer"`);
    expect((await nanguan.get("/acknowledgements")).text).toMatch(new RegExp(`moved-away[\\s\\S]*${caseNumber}`));
    expect((await nanguan.post(`/cases/${id}/evidence`).type("form").send({})).status).toBe(403);
    expect((await chaoyang.get("/acknowledgements")).text).toContain(caseNumber);

    // 朝阳 may not transfer it again: the rule's wording.
    const second = await chaoyang
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(NANGUAN), reason: "不在本区", version: after.version });
    expect(second.status).toBe(422);
    expect(second.text).toContain("不得再自行移送，应报请市级指定管辖");
    expect(caseRow(id).officeId).toBe(officeId(CHAOYANG));

    // It asks the city; only the city designates.
    const asked = await chaoyang.post(`/cases/${id}/designation-request`).type("form").send({ reason: "工地跨两区，争议管辖", version: after.version });
    expect(asked.status).toBe(303);
    expect((await city.get("/acknowledgements")).text).toMatch(new RegExp(`designation-requests[\\s\\S]*${caseNumber}`));
    const byOffice = await chaoyang
      .post(`/cases/${id}/designate`)
      .type("form")
      .send({ toOfficeId: officeId(NANGUAN), reason: "x", version: caseRow(id).version });
    expect(byOffice.status).toBe(403);

    const designated = await city
      .post(`/cases/${id}/designate`)
      .type("form")
      .send({ toOfficeId: officeId(NANGUAN), reason: "项目主体位于南关区", version: caseRow(id).version });
    expect(designated.status).toBe(303);
    expect(caseRow(id)).toMatchObject({ officeId: officeId(NANGUAN), arrivedBy: "designated", acknowledgedAt: null, targetDueOn: start.targetDueOn });
    expect(q("select note from case_events where case_id = ? and action = 'designate'", id)).toBe(
      `市级指定${NANGUAN}管辖（原在${CHAOYANG}）：项目主体位于南关区`,
    );
    // The city's decision is final: the designated office may not transfer it.
    const final = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(CHAOYANG), reason: "x", version: caseRow(id).version });
    expect(final.status).toBe(422);
    // Every step is on the case's timeline.
    expect(t.db.$client.prepare("select action from case_events where case_id = ? order by id").pluck().all(id)).toEqual([
      "register",
      "transfer",
      "requestDesignation",
      "designate",
    ]);
  });

  it("has an office ask the city in writing to take a case (提级), never transfer it to the city", async () => {
    const { id, caseNumber } = makeCase(t.db, { district: "南关区" }, { actorId: userId(t.db, "clerk_ng") });
    const nanguan = await loginAs(t.app, "supervisor_ng");
    const toCity = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: q("select id from offices where kind = 'city'"), reason: "案情复杂", version: caseRow(id).version });
    expect(toCity.status).toBe(422);
    expect(toCity.text).toContain("应书面报请市级提级（京劳社监发〔2005〕109号第九条）");
    const asked = await nanguan
      .post(`/cases/${id}/designation-request`)
      .type("form")
      .send({ reason: "涉及 40 名工人，案情复杂", version: caseRow(id).version });
    expect(asked.status).toBe(303);
    expect(q("select note from case_events where case_id = ? and action = 'requestDesignation'", id)).toBe(`${NANGUAN}报请市级提级：涉及 40 名工人，案情复杂`);
    expect((await (await loginAs(t.app, "supervisor1")).get("/acknowledgements")).text).toMatch(new RegExp(`designation-requests[\\s\\S]*${caseNumber}`));
  });

  it.each([
    ["the default 5", {}, "2026-11-30"],
    ["DESIGNATION_WORKING_DAYS=2", { DESIGNATION_WORKING_DAYS: "2" }, "2026-11-25"],
  ] as const)("gives the city %s working days to decide a request, and marks it late the day after on the city's queue", async (_, env, dueOn) => {
    t = await makeTestApp(new Date("2026-11-23T02:00:00Z"), env);
    const { id } = makeCase(t.db, { district: "南关区" }, { actorId: userId(t.db, "clerk_ng") });
    const nanguan = await loginAs(t.app, "supervisor_ng");
    await nanguan
      .post(`/cases/${id}/designation-request`)
      .type("form")
      .send({ reason: "案情复杂", version: caseRow(id).version })
      .expect(303);
    // Signed in afresh at each time (a session does not outlive a week of idleness).
    const request = async () => /<li data-request="\d+">[\s\S]*?<\/li>/.exec((await (await loginAs(t.app, "supervisor1")).get("/acknowledgements")).text)![0];
    const due = `${Number(dueOn.slice(5, 7))}月${Number(dueOn.slice(8))}日`;
    t.clock.now = new Date(`${dueOn}T02:00:00Z`);
    expect(await request()).toContain(due);
    expect(await request()).not.toContain("data-late");
    t.clock.now = new Date(`${dueOn}T18:00:00Z`);
    expect(await request()).toContain("已逾期");
  });

  it("lets the city take a case itself (提级)", async () => {
    const { id } = makeCase(t.db, { district: "朝阳区" });
    const city = await loginAs(t.app, "supervisor1");
    const res = await city
      .post(`/cases/${id}/designate`)
      .type("form")
      .send({ toOfficeId: q("select id from offices where kind = 'city'"), reason: "涉及人数多，市级直接办理", version: caseRow(id).version });
    expect(res.status).toBe(303);
    expect(q("select note from case_events where case_id = ? and action = 'designate'", id)).toContain("市级提级由市本级办理");
  });

  it("refuses to transfer a closed case", async () => {
    const { id } = makeCase(t.db, { district: "南关区" }, { actorId: userId(t.db, "clerk_ng") });
    t.db.$client.prepare("update cases set state = 'closed', outcome = 'withdrawn', closed_on = '2026-11-23' where id = ?").run(id);
    const nanguan = await loginAs(t.app, "supervisor_ng");
    const res = await nanguan
      .post(`/cases/${id}/transfer`)
      .type("form")
      .send({ toOfficeId: officeId(CHAOYANG), reason: "x", version: caseRow(id).version });
    expect(res.status).toBe(422);
    expect(res.text).toContain("已结案的案件不能移送");
  });
});

describe("each office lists and opens only its own cases", () => {
  it("keeps another office's case out of the workbench, its search and its case page; the city filters by office", async () => {
    const mine = makeCase(t.db, { district: "南关区", employerName: "南关甲公司" });
    const theirs = makeCase(t.db, { district: "朝阳区", employerName: "朝阳乙公司" });
    const nanguan = await loginAs(t.app, "supervisor_ng");
    const list = await nanguan.get("/cases?state=all");
    expect(list.text).toContain(mine.caseNumber);
    expect(list.text).not.toContain(theirs.caseNumber);
    expect((await nanguan.get(`/cases?q=${theirs.caseNumber}`)).text).not.toContain(`data-case="${theirs.caseNumber}"`);
    expect((await nanguan.get(`/cases?q=${encodeURIComponent("朝阳乙公司")}`)).text).not.toContain(`data-case="${theirs.caseNumber}"`);
    expect((await nanguan.get(`/cases/${theirs.id}`)).status).toBe(403);
    // An office's supervisor gets no office filter: asking for another office's cases through it shows none.
    expect((await nanguan.get(`/cases?office=${officeId(CHAOYANG)}`)).text).not.toContain(theirs.caseNumber);

    const city = await loginAs(t.app, "supervisor1");
    const all = await city.get("/cases");
    expect(all.text).toContain(mine.caseNumber);
    expect(all.text).toContain(theirs.caseNumber);
    expect(all.text).toContain('id="f-office"');
    const filtered = await city.get(`/cases?office=${officeId(CHAOYANG)}`);
    expect(filtered.text).toContain(theirs.caseNumber);
    expect(filtered.text).not.toContain(mine.caseNumber);
    expect(filtered.text).toMatch(new RegExp(`data-office>${CHAOYANG}<`));
  });
});

describe("assignment", () => {
  it("offers and accepts only inspectors of the case's office or of the city office", async () => {
    const { id } = makeCase(t.db, { district: "朝阳区" });
    const chaoyang = await loginAs(t.app, "supervisor_cy");
    await chaoyang
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "file", note: "", version: caseRow(id).version });
    expect(q("select state from cases where id = ?", id)).toBe("filed");
    // The assignment form and the site-visit team: 朝阳's staff and the city's, never 南关's (周海涛, 吴国庆).
    const page = await chaoyang.get(`/cases/${id}`);
    expect(page.text).toContain("冯磊");
    expect(page.text).toContain("李建国");
    expect(page.text).not.toContain("周海涛");
    expect(page.text).not.toContain("吴国庆");
    const refused = await chaoyang
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector_ng"), secondId: "", version: caseRow(id).version });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("请选择本案所在机构（或市本级）在岗的主办监察员");
    const ok = await chaoyang
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector_cy"), secondId: userId(t.db, "inspector1"), version: caseRow(id).version });
    expect(ok.status).toBe(303);
  });
});

describe("documents (issue 19 item 7)", () => {
  it("name the office that has the case as the handling unit", async () => {
    const { id } = makeCase(t.db, { district: "朝阳区" });
    const version = () => t.db.$client.prepare("select version from cases where id = ?").pluck().get(id) as number;
    const city = await loginAs(t.app, "supervisor1");
    expect((await city.post(`/cases/${id}/moves`).type("form").send({ move: "requestSupplement", version: version(), note: "请补充考勤记录" })).status).toBe(
      303,
    );
    const notice = (await city.get(`/cases/${id}/notices/supplement`)).text;
    expect(notice).toContain(`承办单位：${CHAOYANG}`);
  });
});
