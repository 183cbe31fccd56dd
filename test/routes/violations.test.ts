import { beforeEach, describe, expect, it } from "vitest";
import { browser, loginAs, makeCase, makeTestApp, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

/**
 * A case decided in 2026 Q4 with an order to pay `orderedFen` (the worker claimed `claimedFen`): the rows are
 * written directly, the decision itself is not what is tested here. The clock moves past the quarter's end.
 */
function decidedCase(outcome: "referredToPolice" | "administrativeDecision", orderedFen: number, employerName: string, claimedFen = orderedFen) {
  const { id } = makeCase(t.db, { employerName, workers: [workerInput(1, { claimedFen })] });
  const sql = t.db.$client;
  sql.prepare("update cases set state = 'closed', outcome = ?, closed_on = '2026-11-20' where id = ?").run(outcome, id);
  const workerId = sql.prepare("select id from case_workers where case_id = ?").pluck().get(id);
  const orderId = sql
    .prepare(
      "insert into payment_orders (case_id, doc_number, issued_on, pay_by, facts, violation) values (?, ?, '2026-11-02', '2026-11-09', '', 'migrantWorkers')",
    )
    .run(id, `长人社监令〔2026〕${id}号`).lastInsertRowid;
  sql
    .prepare("insert into settlement_items (case_id, source, source_id, worker_id, amount_fen) values (?, 'order', ?, ?, ?)")
    .run(id, orderId, workerId, orderedFen);
  const action = (kind: string, docNumber: string | null, agency = "") =>
    sql
      .prepare("insert into enforcement_actions (case_id, order_id, kind, decided_on, doc_number, agency) values (?, ?, ?, '2026-11-18', ?, ?)")
      .run(id, orderId, kind, docNumber, agency);
  action("compensation", `长人社监处〔2026〕${id}号`);
  if (outcome === "referredToPolice") action("policeReferral", null, "长春市公安局");
  t.clock.now = new Date("2027-01-05T10:00:00+08:00");
  return id;
}

/** A form of a batch's page as shown: with the batch's current version. */
const atVersion = (batchUrl: string, form: Record<string, unknown> = {}) => ({
  version: String(
    t.db.$client
      .prepare("select version from violation_batches where id = ?")
      .pluck()
      .get(Number(batchUrl.split("/").pop())),
  ),
  ...form,
});

describe("重大劳动保障违法行为社会公布", () => {
  it("offers decided cases referred to the police or with large arrears, and publishes the reviewed entries", async () => {
    const police = decidedCase("referredToPolice", 800_000, "长春市甲劳务有限公司");
    const large = decidedCase("administrativeDecision", 6_000_000, "长春市乙建筑有限公司");
    decidedCase("administrativeDecision", 900_000, "长春市丙餐饮有限公司");
    // Claimed ¥70,000 but ordered ¥9,000: what was decided counts, not what was claimed.
    decidedCase("administrativeDecision", 900_000, "长春市丁商贸有限公司", 7_000_000);
    const supervisor = await loginAs(t.app, "supervisor1");
    const index = await supervisor.get("/violations");
    expect(index.text).toContain("2026年第四季度已结束，重大劳动保障违法行为尚未发布（2 件案件符合公布条件）");
    const created = await supervisor.post("/violations").type("form").send({ kind: "quarterly", quarter: "2026-Q4" });
    expect(created.status).toBe(303);
    const batchUrl = created.headers.location!;
    const page = await supervisor.get(batchUrl);
    expect(page.text).toContain("2026年第四季度重大劳动保障违法行为");
    expect(page.text).toContain(`data-candidate="${police}"`);
    expect(page.text).toContain(`data-candidate="${large}"`);
    expect(page.text).not.toContain("长春市丙餐饮有限公司");
    expect(page.text).not.toContain("长春市丁商贸有限公司");

    await supervisor
      .post(`${batchUrl}/entries`)
      .type("form")
      .send(atVersion(batchUrl, { caseId: police }));
    const entryId = t.db.$client.prepare("select id from violation_entries").pluck().get() as number;
    // The entry states what was decided: the ordered amount and the decisions taken.
    expect(t.db.$client.prepare("select facts, handling from violation_entries where id = ?").get(entryId)).toEqual({
      facts: "经查，长春市甲劳务有限公司拖欠 1 名劳动者工资共计 8,000 元，经责令限期支付，逾期未支付。",
      handling: `责令限期支付拖欠的工资并加付赔偿金（长人社监处〔2026〕${police}号）；已移送长春市公安局`,
    });
    expect((await browser(t.app).get("/public/violations")).text).not.toContain("长春市甲劳务有限公司");
    const blank = await supervisor
      .post(`${batchUrl}/entries/${entryId}`)
      .type("form")
      .send(atVersion(batchUrl, { employerName: "长春市甲劳务有限公司", facts: "", handling: "移送公安机关" }));
    expect(blank.status).toBe(422);
    expect(blank.text).toContain("请填写主要违法事实");
    await supervisor
      .post(`${batchUrl}/entries/${entryId}`)
      .type("form")
      .send(
        atVersion(batchUrl, {
          employerName: "长春市甲劳务有限公司",
          employerUscc: "",
          employerAddress: "长春市",
          employerLegalRep: "甲某",
          facts: "拖欠 1 名劳动者工资 8000 元，逾期拒不支付。",
          handling: "2026-11-20 移送公安机关",
        }),
      );
    expect((await supervisor.post(`${batchUrl}/publish`).type("form").send(atVersion(batchUrl, {}))).status).toBe(303);
    const pub = await browser(t.app).get("/public/violations");
    expect(pub.text).toContain("长春市甲劳务有限公司");
    expect(pub.text).toContain("2026-11-20 移送公安机关");
    expect(
      (
        await supervisor
          .post(`${batchUrl}/entries/${entryId}`)
          .type("form")
          .send(atVersion(batchUrl, { employerName: "改名", facts: "x", handling: "y" }))
      ).text,
    ).toContain("已发布，不能再修改");
  });

  it("withdraws a published entry with a reason; the public page drops it and the record keeps it", async () => {
    const police = decidedCase("referredToPolice", 800_000, "长春市甲劳务有限公司");
    const supervisor = await loginAs(t.app, "supervisor1");
    const batchUrl = (await supervisor.post("/violations").type("form").send({ kind: "adhoc", title: "年终随时公布" })).headers.location!;
    await supervisor
      .post(`${batchUrl}/entries`)
      .type("form")
      .send(atVersion(batchUrl, { caseId: police }));
    await supervisor.post(`${batchUrl}/publish`).type("form").send(atVersion(batchUrl, {}));
    const entryId = t.db.$client.prepare("select id from violation_entries").pluck().get() as number;
    expect(
      (
        await supervisor
          .post(`${batchUrl}/entries/${entryId}/withdraw`)
          .type("form")
          .send(atVersion(batchUrl, { reason: "" }))
      ).status,
    ).toBe(422);
    expect(
      (
        await supervisor
          .post(`${batchUrl}/entries/${entryId}/withdraw`)
          .type("form")
          .send(atVersion(batchUrl, { reason: "行政处理决定被复议撤销" }))
      ).status,
    ).toBe(303);
    const anon = browser(t.app);
    expect((await anon.get("/public/violations")).text).not.toContain("长春市甲劳务有限公司");
    const atom = await anon.get("/public/violations.atom");
    expect(atom.text).toContain(`<id>urn:qxkb:violations:${entryId}</id>`);
    expect(atom.text).toContain("行政处理决定被复议撤销");
    expect((await supervisor.get(batchUrl)).text).toContain("已撤回");
  });

  it("keeps a cell that looks like a formula as text in the CSV", async () => {
    const police = decidedCase("referredToPolice", 800_000, "长春市甲劳务有限公司");
    const supervisor = await loginAs(t.app, "supervisor1");
    const batchUrl = (await supervisor.post("/violations").type("form").send({ kind: "adhoc", title: "随时公布" })).headers.location!;
    await supervisor
      .post(`${batchUrl}/entries`)
      .type("form")
      .send(atVersion(batchUrl, { caseId: police }));
    const entryId = t.db.$client.prepare("select id from violation_entries").pluck().get() as number;
    await supervisor
      .post(`${batchUrl}/entries/${entryId}`)
      .type("form")
      .send(atVersion(batchUrl, { employerName: "长春市甲劳务有限公司", facts: '=HYPERLINK("http://x")', handling: "移送公安机关" }));
    await supervisor.post(`${batchUrl}/publish`).type("form").send(atVersion(batchUrl, {}));
    const csv = await browser(t.app).get("/public/violations.csv");
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("refuses a batch for a quarter that has not ended, and a second batch for the same quarter", async () => {
    const early = await (await loginAs(t.app, "supervisor1")).post("/violations").type("form").send({ kind: "quarterly", quarter: "2026-Q4" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("2026年第四季度尚未结束（至 2026-12-31），季度结束后才能建立该季度的公布");
    t.clock.now = new Date("2027-01-01T10:00:00+08:00");
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post("/violations").type("form").send({ kind: "quarterly", quarter: "2026-Q4" });
    const again = await supervisor.post("/violations").type("form").send({ kind: "quarterly", quarter: "2026-Q4" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("2026年第四季度的公布已经建立");
  });

  it.each(["inspector1", "clerk1"])("keeps %s out", async (user) => {
    const agent = await loginAs(t.app, user);
    expect((await agent.get("/violations")).status).toBe(403);
    expect((await agent.post("/violations").type("form").send({ kind: "adhoc", title: "x" })).status).toBe(403);
  });
});

describe("no personal data in what is published (issue 22 defect 5)", () => {
  it("refuses an ID number, a phone or a worker's name in any published field, naming the field; nothing is published", async () => {
    const police = decidedCase("referredToPolice", 800_000, "长春市甲劳务有限公司");
    const supervisor = await loginAs(t.app, "supervisor1");
    const batchUrl = (await supervisor.post("/violations").type("form").send({ kind: "adhoc", title: "随时公布" })).headers.location!;
    await supervisor
      .post(`${batchUrl}/entries`)
      .type("form")
      .send(atVersion(batchUrl, { caseId: police }));
    const entryId = t.db.$client.prepare("select id from violation_entries").pluck().get() as number;
    const fields = {
      employerName: "长春市甲劳务有限公司",
      employerUscc: "",
      employerAddress: "长春市",
      employerLegalRep: "甲某",
      facts: "拖欠工资。",
      handling: "移送公安机关",
    };
    const save = (o: Record<string, string>) =>
      supervisor
        .post(`${batchUrl}/entries/${entryId}`)
        .type("form")
        .send(atVersion(batchUrl, { ...fields, ...o }));
    expect((await save({ facts: "联系人 220102198503150071" })).text).toContain("主要违法事实中含有身份证号码");
    expect((await save({ employerAddress: "电话13812345678" })).text).toContain("地址中含有手机号码");
    expect((await save({ handling: "已向工人1支付" })).text).toContain("相关处理情况中含有劳动者姓名“工人1”");
    expect((await save({})).status).toBe(303);
    // An entry that got personal data before this check still cannot be published.
    t.db.$client.prepare("update violation_entries set facts = '联系 13812345678' where id = ?").run(entryId);
    expect((await supervisor.post(`${batchUrl}/publish`).type("form").send(atVersion(batchUrl, {}))).text).toContain("主要违法事实中含有手机号码");
    expect((await browser(t.app).get("/public/violations")).text).not.toContain("13812345678");
  });
});

describe("versions and the record (issue 22 defect 7)", () => {
  it("refuses the second of an edit and a publication sent from the same page, and records every edit", async () => {
    const police = decidedCase("referredToPolice", 800_000, "长春市甲劳务有限公司");
    const supervisor = await loginAs(t.app, "supervisor1");
    const batchUrl = (await supervisor.post("/violations").type("form").send({ kind: "adhoc", title: "随时公布" })).headers.location!;
    await supervisor
      .post(`${batchUrl}/entries`)
      .type("form")
      .send(atVersion(batchUrl, { caseId: police }));
    const entryId = t.db.$client.prepare("select id from violation_entries").pluck().get() as number;
    const shown = atVersion(batchUrl);
    const fields = {
      employerName: "长春市甲劳务有限公司",
      employerAddress: "长春市朝阳区",
      employerLegalRep: "甲某",
      facts: "拖欠工资。",
      handling: "移送公安机关",
    };
    const [edit, publish] = await Promise.all([
      supervisor
        .post(`${batchUrl}/entries/${entryId}`)
        .type("form")
        .send({ ...shown, ...fields }),
      supervisor.post(`${batchUrl}/publish`).type("form").send(shown),
    ]);
    expect([edit.status, publish.status].sort()).toEqual([303, 409]);
    const loser = edit.status === 409 ? edit : publish;
    expect(loser.text).toContain("该批次已被他人修改");
    const history = (await supervisor.get(batchUrl)).text;
    const recorded = "修改条目（长春市甲劳务有限公司：统一社会信用代码、地址、法定代表人/负责人、主要违法事实、相关处理情况）";
    expect(history.includes(recorded)).toBe(edit.status === 303);
    expect(t.db.$client.prepare("select published_on is not null from violation_batches").pluck().get()).toBe(publish.status === 303 ? 1 : 0);
  });
});

describe("refusals are read where the user is (issue 22 defect 6)", () => {
  it("shows the message of a refused step whose form is not on the page", async () => {
    const supervisor = await loginAs(t.app, "supervisor1");
    const batchUrl = (await supervisor.post("/violations").type("form").send({ kind: "adhoc", title: "随时公布" })).headers.location!;
    const gone = await supervisor
      .post(`${batchUrl}/entries/999999`)
      .type("form")
      .send(atVersion(batchUrl, { employerName: "x", facts: "y", handling: "z" }));
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('id="problem"');
    expect(gone.text).toContain("条目不存在");
  });
});
