import { beforeEach, describe, expect, it } from "vitest";
import { browser, idNumber, loginAs, uscc, makeTestApp, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
/** Moves the clock; sessions expire when idle, so the callers sign in again afterwards. */
const moveTo = (date: string) => (t.clock.now = at(date));
const as = (username: string) => loginAs(t.app, username);
const stageOf = (id: number) => t.db.$client.prepare("select stage from blacklist_proceedings where id = ?").pluck().get(id) as string;

/** A filed case whose order (pay by 2026-11-30) is unpaid; the clock is moved past the pay-by date. */
async function overdueOrder(amounts: number[], employerName = "长春市某建筑劳务有限公司", payBy = "2026-11-30", after = "2026-12-01") {
  const workers = amounts.map((fen, i) => workerInput(i + 1, { claimedFen: fen, isRepresentative: i === 0 }));
  const c = await workedCase(t, {
    to: "filed",
    overrides: { workers, employerName, employerUscc: uscc(employerName === "长春市某建筑劳务有限公司" ? undefined : "91220101MA0Y5678") },
  });
  const inspector = await loginAs(t.app, "inspector1");
  const form: Record<string, string> = { version: String(c.version()), payBy, facts: "经查拖欠工资。" };
  c.workers.forEach((w) => (form[`amount.${w.id}`] = String(w.claimed_fen / 100)));
  expect((await inspector.post(`/cases/${c.id}/orders`).type("form").send(form)).status).toBe(303);
  const orderId = t.db.$client.prepare("select id from payment_orders where case_id = ?").pluck().get(c.id) as number;
  moveTo(after);
  return { ...c, orderId };
}

function proposal(caseId: number, orderId: number, overrides: Record<string, string> = {}) {
  return {
    caseId: String(caseId),
    orderId: String(orderId),
    grounds: "oneWorker",
    monthsOwed: "4",
    facts: "逾期仍未支付。",
    "persons.0.role": "legalRep",
    "persons.0.name": "赵某",
    "persons.0.idNumber": idNumber(501, "19700101"),
    "persons.1.role": "supervisor",
    "persons.1.name": "钱某",
    "persons.1.idNumber": idNumber(502, "19750505"),
    ...overrides,
  };
}

async function proposed(amounts = [1_200_000, 300_000]) {
  const c = await overdueOrder(amounts);
  const inspector = await loginAs(t.app, "inspector1");
  const res = await inspector.post("/blacklist").type("form").send(proposal(c.id, c.orderId));
  expect(res.status).toBe(303);
  return { ...c, inspector, pid: Number(res.headers.location!.split("/").pop()) };
}

/** Proposed, approved and served on 2026-12-01; decided on 2026-12-09 (the objection window ended 12-08). */
async function listed() {
  const c = await proposed();
  const supervisor = await loginAs(t.app, "supervisor1");
  await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
  await c.inspector.post(`/blacklist/${c.pid}/service`).type("form").send({ servedOn: "2026-12-01" });
  moveTo("2026-12-09");
  expect((await (await as("supervisor1")).post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "依法依规予以限制。" })).status).toBe(303);
  return c;
}

describe("POST /blacklist (proposal)", () => {
  it("refuses a single worker owed ¥5,000, naming the threshold, and keeps what was typed", async () => {
    const c = await overdueOrder([500_000]);
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post("/blacklist").type("form").send(proposal(c.id, c.orderId));
    expect(res.status).toBe(422);
    expect(res.text).toContain("未达到 10,000 元的数额标准");
    expect(res.text).toContain('value="钱某"');
    expect(t.db.$client.prepare("select count(*) from blacklist_proceedings").pluck().get()).toBe(0);
    const missing = await inspector
      .post("/blacklist")
      .type("form")
      .send(proposal(c.id, c.orderId, { grounds: "", facts: "" }));
    expect(missing.status).toBe(422);
    expect(missing.text).toContain("请选择列入的情形");
    expect(missing.text).toContain("请填写违法事实");
    expect(
      (
        await inspector
          .post("/blacklist")
          .type("form")
          .send(proposal(c.id, c.orderId, { "persons.1.idNumber": "" }))
      ).text,
    ).toContain("请填写钱某的身份证号码");
    const badId = await inspector
      .post("/blacklist")
      .type("form")
      .send(proposal(c.id, c.orderId, { grounds: "incident", incident: "围堵", "persons.1.idNumber": "220102197505055021" }));
    expect(badId.text).toContain("钱某的身份证号码不正确");
  });

  it("refuses before the order's pay-by date has passed", async () => {
    const c = await overdueOrder([1_200_000]);
    moveTo("2026-11-30");
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post("/blacklist").type("form").send(proposal(c.id, c.orderId));
    expect(res.status).toBe(422);
    expect(res.text).toContain("指令书限期（2026-11-30）尚未届满");
  });

  it("records a proposal above the threshold and shows it on the case page instead of the old candidate flag", async () => {
    const c = await proposed();
    expect(stageOf(c.pid)).toBe("proposed");
    const page = await c.inspector.get(`/cases/${c.id}`);
    expect(page.text).toContain(`href="/blacklist/${c.pid}"`);
    expect(page.text).not.toContain("列为失信联合惩戒名单候选");
    // The case's timeline records the proposal, and the employer's record is a click away.
    expect(page.text).toMatch(/失信名单\s*<div>失信名单程序 #\d+：提请列入失信联合惩戒名单/);
    expect(page.text).toContain("/employers/record?");
  });

  it("offers the proposal only on an overdue unpaid order, to the inspectors working the case", async () => {
    const c = await overdueOrder([1_200_000]);
    const inspector = await loginAs(t.app, "inspector1");
    expect((await inspector.get(`/cases/${c.id}`)).text).toContain(`id="propose-blacklist-${c.orderId}"`);
    const other = await loginAs(t.app, "inspector3");
    expect((await other.post("/blacklist").type("form").send(proposal(c.id, c.orderId))).status).toBe(403);
    const clerk = await loginAs(t.app, "clerk1");
    expect((await clerk.post("/blacklist").type("form").send(proposal(c.id, c.orderId))).status).toBe(403);
  });

  it("refuses a second proceeding for an employer already in one", async () => {
    const c = await proposed();
    const res = await c.inspector.post("/blacklist").type("form").send(proposal(c.id, c.orderId));
    expect(res.status).toBe(422);
    expect(res.text).toContain("已有进行中的失信程序");
  });
});

describe("approval, notice and decision", () => {
  it("lets only supervisors approve", async () => {
    const c = await proposed();
    expect((await c.inspector.post(`/blacklist/${c.pid}/approve`).type("form").send({})).status).toBe(403);
    expect(stageOf(c.pid)).toBe("proposed");
    const supervisor = await loginAs(t.app, "supervisor1");
    expect((await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({})).status).toBe(303);
    expect(stageOf(c.pid)).toBe("approved");
    const notice = await c.inspector.get(`/blacklist/${c.pid}/notice`);
    expect(notice.text).toContain("长人社失信告〔2026〕1号");
    expect(notice.text).toContain("5 个工作日内");
    expect(notice.text).toContain("书面信用承诺");
  });

  it("refuses the decision during the objection window and lets only supervisors decide after it", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
    expect((await c.inspector.post(`/blacklist/${c.pid}/service`).type("form").send({ servedOn: "2026-12-01" })).status).toBe(303);
    const early = await supervisor.post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("异议期至 2026-12-08 届满");
    moveTo("2026-12-09");
    expect((await (await as("inspector1")).post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" })).status).toBe(403);
    expect((await (await as("supervisor1")).post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" })).status).toBe(303);
    const row = t.db.$client.prepare("select stage, decision_number, decision_on, term_ends_on from blacklist_proceedings where id = ?").get(c.pid);
    expect(row).toEqual({ stage: "listed", decision_number: "长人社失信决〔2026〕1号", decision_on: "2026-12-09", term_ends_on: "2029-12-09" });
    const decision = await (await as("supervisor1")).get(`/blacklist/${c.pid}/decision`);
    expect(decision.text).toContain("行政复议");
    expect(decision.text).toContain("2029年12月9日");
  });

  it("waits for the answer to an objection before deciding", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
    await c.inspector.post(`/blacklist/${c.pid}/service`).type("form").send({ servedOn: "2026-12-01" });
    moveTo("2026-12-03");
    expect(
      (await (await as("inspector1")).post(`/blacklist/${c.pid}/objection`).type("form").send({ objectionOn: "2026-12-03", text: "已部分支付" })).status,
    ).toBe(303);
    moveTo("2026-12-09");
    const chief = await as("supervisor1");
    expect((await chief.post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" })).text).toContain("须先核实并答复");
    expect((await chief.post(`/blacklist/${c.pid}/verification`).type("form").send({ text: "经核实，仍欠 ¥12,000。" })).status).toBe(303);
    expect((await chief.post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" })).status).toBe(303);
  });

  it("lets a supervisor end a pending proceeding when an objection is upheld, with the reason", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
    await c.inspector.post(`/blacklist/${c.pid}/service`).type("form").send({ servedOn: "2026-12-01" });
    expect((await c.inspector.post(`/blacklist/${c.pid}/end`).type("form").send({ reason: "异议成立" })).status).toBe(403);
    expect((await supervisor.post(`/blacklist/${c.pid}/end`).type("form").send({ reason: "" })).text).toContain("请填写终止的理由");
    expect((await supervisor.post(`/blacklist/${c.pid}/end`).type("form").send({ reason: "异议成立：拖欠系总包单位未拨付工程款所致" })).status).toBe(303);
    expect(stageOf(c.pid)).toBe("refused");
    const again = await supervisor.post(`/blacklist/${c.pid}/decision`).type("form").send({ sanctions: "限制。" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("程序终止（不予列入）");
  });

  it("ends as 不予列入 only once the order is paid in full and the pledge is signed", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
    const unpaid = await c.inspector.post(`/blacklist/${c.pid}/pledge`).type("form").send({ pledged: "1" });
    expect(unpaid.status).toBe(422);
    expect(unpaid.text).toContain("未支付");
    const items = t.db.$client.prepare("select id, amount_fen from settlement_items where case_id = ?").all(c.id) as { id: number; amount_fen: number }[];
    for (const i of items) {
      await c.inspector
        .post(`/cases/${c.id}/payments`)
        .field("version", String(c.version()))
        .field("itemId", String(i.id))
        .field("amount", String(i.amount_fen / 100))
        .field("paidOn", "2026-12-01");
    }
    expect((await c.inspector.post(`/blacklist/${c.pid}/pledge`).type("form").send({})).text).toContain("书面信用承诺书");
    expect((await c.inspector.post(`/blacklist/${c.pid}/pledge`).type("form").send({ pledged: "1" })).status).toBe(303);
    expect(stageOf(c.pid)).toBe("notListed");
  });
});

describe("public pages", () => {
  const ID_PATTERN = /(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])/;
  const PHONE_PATTERN = /(?<!\d)1\d{10}(?!\d)/;

  it("show exactly the current listings — no pending proceeding — and never an ID number or phone", async () => {
    const c = await listed();
    // The pattern does catch a full ID number: staff working the case see them on the proceeding page.
    expect((await (await as("supervisor1")).get(`/blacklist/${c.pid}`)).text).toMatch(ID_PATTERN);
    // …and that view is in the log of who saw unmasked personal data.
    expect(
      t.db.$client
        .prepare("select page from personal_data_views where user_id = (select id from users where username = 'supervisor1') order by id desc")
        .pluck()
        .get(),
    ).toBe("失信名单提请");
    const pending = await overdueOrder([1_300_000], "长春市另一家建筑有限公司", "2026-12-10", "2026-12-11");
    const inspector = await as("inspector1");
    expect((await inspector.post("/blacklist").type("form").send(proposal(pending.id, pending.orderId))).status).toBe(303);
    const anon = browser(t.app);
    const urls = [
      "/public/blacklist",
      "/public/blacklist.csv",
      "/public/blacklist.atom",
      "/public/violations",
      "/public/violations.csv",
      "/public/violations.atom",
    ];
    for (const url of urls) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).not.toMatch(ID_PATTERN);
      expect(res.text, url).not.toMatch(PHONE_PATTERN);
      expect(res.text, url).not.toContain("工人1");
    }
    const page = await anon.get("/public/blacklist");
    expect(page.text).toContain("长春市某建筑劳务有限公司");
    expect(page.text).not.toContain("长春市另一家建筑有限公司");
    expect(page.text).toContain("2201**********");
    expect(page.text.match(/data-entry="/g)).toHaveLength(1);
  });

  it("searches by name or 统一社会信用代码", async () => {
    await listed();
    const uscc = t.db.$client.prepare("select employer_uscc from blacklist_proceedings").pluck().get() as string;
    const anon = browser(t.app);
    expect((await anon.get(`/public/blacklist?q=${encodeURIComponent("某建筑")}`)).text).toContain('id="count">共 1 个对象');
    expect((await anon.get(`/public/blacklist?q=${uscc}`)).text).toContain('id="count">共 1 个对象');
    expect((await anon.get(`/public/blacklist?q=${encodeURIComponent("不存在")}`)).text).toContain('id="count">共 0 个对象');
  });

  it("serve CSV with a UTF-8 BOM and an Atom feed with stable entry ids", async () => {
    const c = await listed();
    const anon = browser(t.app);
    const csv = await anon
      .get("/public/blacklist.csv")
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("长人社失信决〔2026〕1号");
    const atom = await anon.get("/public/blacklist.atom");
    expect(atom.headers["content-type"]).toContain("application/atom+xml");
    expect(atom.text).toContain(`<id>urn:qxkb:blacklist:${c.pid}</id>`);
  });

  it("drops an entry the day after its term ends, with nobody acting", async () => {
    await listed();
    const anon = browser(t.app);
    moveTo("2029-12-09");
    expect((await anon.get("/public/blacklist")).text).toContain("长春市某建筑劳务有限公司");
    moveTo("2029-12-10");
    expect((await anon.get("/public/blacklist")).text).not.toContain("长春市某建筑劳务有限公司");
    expect((await anon.get("/public/blacklist.atom")).text).toContain("期满移出");
  });
});

describe("early removal", () => {
  it("is refused 5 months after the correction and granted at 6; the entry leaves the public page and the feed keeps its id", async () => {
    const c = await listed();
    moveTo("2026-12-15");
    expect(
      (await (await as("inspector1")).post(`/blacklist/${c.pid}/early-removal`).type("form").send({ correctedOn: "2026-12-15", note: "支付凭证、承诺书" }))
        .status,
    ).toBe(303);
    moveTo("2027-05-15");
    const early = await (await as("supervisor1")).post(`/blacklist/${c.pid}/early-removal/decision`).type("form").send({ grant: "yes", pledged: "1" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("满 6 个月（2027-06-15）");
    moveTo("2027-06-15");
    expect((await (await as("inspector1")).post(`/blacklist/${c.pid}/early-removal/decision`).type("form").send({ grant: "yes", pledged: "1" })).status).toBe(
      403,
    );
    expect((await (await as("supervisor1")).post(`/blacklist/${c.pid}/early-removal/decision`).type("form").send({ grant: "yes", pledged: "1" })).status).toBe(
      303,
    );
    expect(stageOf(c.pid)).toBe("removed");
    const anon = browser(t.app);
    expect((await anon.get("/public/blacklist")).text).not.toContain("长春市某建筑劳务有限公司");
    const atom = await anon.get("/public/blacklist.atom");
    expect(atom.text).toContain(`<id>urn:qxkb:blacklist:${c.pid}</id>`);
    expect(atom.text).toContain("提前移出");
    // Same id, dated by the removal: a reader sees the entry change.
    expect(atom.text).toMatch(new RegExp(`<id>urn:qxkb:blacklist:${c.pid}</id>[\\s\\S]*?<updated>2027-06-14T16:00:00.000Z</updated>`));
    expect(atom.text).not.toContain("长春市某建筑劳务有限公司");
  });

  it("is reversed when obtained by deceit, and the 3 years start again", async () => {
    const c = await listed();
    moveTo("2026-12-15");
    await (await as("inspector1")).post(`/blacklist/${c.pid}/early-removal`).type("form").send({ correctedOn: "2026-12-15" });
    moveTo("2027-06-15");
    await (await as("supervisor1")).post(`/blacklist/${c.pid}/early-removal/decision`).type("form").send({ grant: "yes", pledged: "1" });
    expect(stageOf(c.pid)).toBe("removed");
    moveTo("2027-08-02");
    expect((await (await as("supervisor1")).post(`/blacklist/${c.pid}/reverse`).type("form").send({ reason: "支付凭证系伪造" })).status).toBe(303);
    expect(t.db.$client.prepare("select stage, term_starts_on, term_ends_on from blacklist_proceedings where id = ?").get(c.pid)).toEqual({
      stage: "listed",
      term_starts_on: "2027-08-02",
      term_ends_on: "2030-08-02",
    });
    expect((await browser(t.app).get("/public/blacklist")).text).toContain("长春市某建筑劳务有限公司");
  });
});

describe("GET /blacklist", () => {
  it.each([
    ["clerk1", 403],
    ["unit_zjj", 403],
  ] as const)("refuses %s with %i", async (user, status) => {
    const agent: Agent = await loginAs(t.app, user);
    expect((await agent.get("/blacklist")).status).toBe(status);
  });

  it("sends visitors to the login page", async () => {
    expect((await browser(t.app).get("/blacklist")).status).toBe(303);
  });

  it("shows supervisors the running clocks", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send({});
    await c.inspector.post(`/blacklist/${c.pid}/service`).type("form").send({ servedOn: "2026-12-01" });
    const board = await supervisor.get("/blacklist");
    expect(board.text).toMatch(/data-clock="异议期"[^>]*>异议期 2026年12月8日/);
    expect(board.text).toMatch(/data-clock="列入决定"[^>]*>列入决定 2026年12月28日/);
  });
});
