import { beforeEach, describe, expect, it } from "vitest";
import { xml2js } from "xml-js";
import { browser, idNumber, loginAs, serveLatestOrder, uscc, makeTestApp, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";
import { shanghaiDate } from "../../src/domain/dates.js";

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
async function overdueOrder(
  amounts: number[],
  employerName = "长春市某建筑劳务有限公司",
  payBy = "2026-11-30",
  after = "2026-12-01",
  violation = "migrantWorkers",
) {
  const workers = amounts.map((fen, i) => workerInput(i + 1, { claimedFen: fen, isRepresentative: i === 0 }));
  const c = await workedCase(t, {
    to: "filed",
    overrides: { workers, employerName, employerUscc: uscc(employerName === "长春市某建筑劳务有限公司" ? undefined : "91220101MA0Y5678") },
  });
  const inspector = await loginAs(t.app, "inspector1");
  const form: Record<string, string> = { version: String(c.version()), payBy, facts: "经查拖欠工资。", violation };
  c.workers.forEach((w) => (form[`amount.${w.id}`] = String(w.claimed_fen / 100)));
  expect((await inspector.post(`/cases/${c.id}/orders`).type("form").send(form)).status).toBe(303);
  const orderId = await serveLatestOrder(t, inspector, c, shanghaiDate(t.clock.now));
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

/** A step's form as the page shows it: with the proceeding's current version. */
const atVersion = (pid: number | string, form: Record<string, unknown> = {}) => ({
  version: String(t.db.$client.prepare("select version from blacklist_proceedings where id = ?").pluck().get(pid)),
  ...form,
});

/** A step on a proceeding, its form sent as the page shows it (with the current version). */
const step = (agent: Agent, pid: number | string, path: string, form: Record<string, unknown> = {}) =>
  agent.post(`/blacklist/${pid}/${path}`).type("form").send(atVersion(pid, form));

/** The proceeding's parties: the employer, then each listed person. */
const partiesOf = (pid: number) => [
  "employer",
  ...(t.db.$client.prepare("select id from blacklist_persons where proceeding_id = ? order by id").pluck().all(pid) as number[]).map((id) => `person:${id}`),
];

/** Direct service of the notice (or, with `path`, the decision) on every party, signed for on `servedOn`. */
async function serveAll(agent: Agent, pid: number, servedOn: string, path = "service") {
  for (const party of partiesOf(pid)) {
    const res = await agent
      .post(`/blacklist/${pid}/${path}`)
      .type("form")
      .send(atVersion(pid, { party, method: "direct", servedOn, receiver: "本人" }));
    expect(res.status, res.text.slice(0, 200)).toBe(303);
  }
}

/** Proposed, approved and served on 2026-12-01; decided on 2026-12-09 (the objection window ended 12-08). */
async function listed() {
  const c = await proposed();
  const supervisor = await loginAs(t.app, "supervisor1");
  await step(supervisor, c.pid, "approve");
  await serveAll(c.inspector, c.pid, "2026-12-01");
  moveTo("2026-12-09");
  expect(
    (
      await (
        await as("supervisor1")
      )
        .post(`/blacklist/${c.pid}/decision`)
        .type("form")
        .send(atVersion(c.pid, { sanctions: "依法依规予以限制。" }))
    ).status,
  ).toBe(303);
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

  it("refuses facts that would publish a phone, an ID number or a worker's name", async () => {
    const c = await overdueOrder([1_200_000]);
    const inspector = await loginAs(t.app, "inspector1");
    const phone = await inspector
      .post("/blacklist")
      .type("form")
      .send(proposal(c.id, c.orderId, { facts: "负责人电话 13912345678" }));
    expect(phone.status).toBe(422);
    expect(phone.text).toContain("违法事实将随名单公示，其中含有手机号码");
    const name = await inspector
      .post("/blacklist")
      .type("form")
      .send(proposal(c.id, c.orderId, { facts: "拖欠工人1工资" }));
    expect(name.text).toContain("劳动者姓名“工人1”");
    expect(t.db.$client.prepare("select count(*) from blacklist_proceedings").pluck().get()).toBe(0);
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
    expect((await step(c.inspector, c.pid, "approve")).status).toBe(403);
    expect(stageOf(c.pid)).toBe("proposed");
    const supervisor = await loginAs(t.app, "supervisor1");
    expect((await step(supervisor, c.pid, "approve")).status).toBe(303);
    expect(stageOf(c.pid)).toBe("approved");
    const notice = await c.inspector.get(`/blacklist/${c.pid}/notice`);
    expect(notice.text).toContain("长朝人社监失信告〔2026〕1号");
    expect(notice.text).toContain("5 个工作日内");
    expect(notice.text).toContain("书面信用承诺");
  });

  it("refuses the decision during the objection window and lets only supervisors decide after it", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await step(supervisor, c.pid, "approve");
    await serveAll(c.inspector, c.pid, "2026-12-01");
    const early = await step(supervisor, c.pid, "decision", { sanctions: "限制。" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("异议期至 2026-12-08 届满");
    moveTo("2026-12-09");
    expect(
      (
        await (
          await as("inspector1")
        )
          .post(`/blacklist/${c.pid}/decision`)
          .type("form")
          .send(atVersion(c.pid, { sanctions: "限制。" }))
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await as("supervisor1")
        )
          .post(`/blacklist/${c.pid}/decision`)
          .type("form")
          .send(atVersion(c.pid, { sanctions: "限制。" }))
      ).status,
    ).toBe(303);
    const row = t.db.$client.prepare("select stage, decision_number, decision_on, term_ends_on from blacklist_proceedings where id = ?").get(c.pid);
    expect(row).toEqual({ stage: "listed", decision_number: "长朝人社监失信决〔2026〕1号", decision_on: "2026-12-09", term_ends_on: "2029-12-09" });
    const decision = await (await as("supervisor1")).get(`/blacklist/${c.pid}/decision`);
    expect(decision.text).toContain("行政复议");
    expect(decision.text).toContain("2029年12月9日");
  });

  it("waits for the answer to an objection before deciding", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await step(supervisor, c.pid, "approve");
    await serveAll(c.inspector, c.pid, "2026-12-01");
    moveTo("2026-12-03");
    expect(
      (
        await (
          await as("inspector1")
        )
          .post(`/blacklist/${c.pid}/objection`)
          .type("form")
          .send(atVersion(c.pid, { party: "employer", objectionOn: "2026-12-03", text: "已部分支付" }))
      ).status,
    ).toBe(303);
    moveTo("2026-12-09");
    const chief = await as("supervisor1");
    expect((await step(chief, c.pid, "decision", { sanctions: "限制。" })).text).toContain("须先核实并答复");
    expect((await step(chief, c.pid, "verification", { party: "employer", text: "经核实，仍欠 ¥12,000。" })).status).toBe(303);
    expect((await step(chief, c.pid, "decision", { sanctions: "限制。" })).status).toBe(303);
  });

  it("lets a supervisor end a pending proceeding when an objection is upheld, with the reason", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await step(supervisor, c.pid, "approve");
    await serveAll(c.inspector, c.pid, "2026-12-01");
    expect((await step(c.inspector, c.pid, "end", { reason: "异议成立" })).status).toBe(403);
    expect((await step(supervisor, c.pid, "end", { reason: "" })).text).toContain("请填写终止的理由");
    expect((await step(supervisor, c.pid, "end", { reason: "异议成立：拖欠系总包单位未拨付工程款所致" })).status).toBe(303);
    expect(stageOf(c.pid)).toBe("refused");
    const again = await step(supervisor, c.pid, "decision", { sanctions: "限制。" });
    expect(again.status).toBe(422);
    expect(again.text).toContain("程序终止（不予列入）");
  });

  it("ends as 不予列入 only by a supervisor, once the order is paid in full and the pledge is signed (第七条)", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    await step(supervisor, c.pid, "approve");
    const unpaid = await step(supervisor, c.pid, "pledge", { pledged: "1" });
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
    // Discretionary (“可以不予列入”): the inspector may not record it, whatever the facts.
    const byInspector = await step(c.inspector, c.pid, "pledge", { pledged: "1" });
    expect(byInspector.status).toBe(403);
    expect(byInspector.text).toContain("不予列入由科长决定");
    expect(stageOf(c.pid)).toBe("approved");
    const chief = await as("supervisor1");
    expect((await step(chief, c.pid, "pledge")).text).toContain("书面信用承诺书");
    expect((await step(chief, c.pid, "pledge", { pledged: "1" })).status).toBe(303);
    expect(stageOf(c.pid)).toBe("notListed");
  });
});

describe("public pages", () => {
  it("carries stored markup into the feeds as text, never as markup, with links from the configured address", async () => {
    const payload = `长春<script>alert(1)</script>]]><img src=x onerror=alert(1)>"'&公司`;
    t = await makeTestApp(undefined, { PUBLIC_BASE_URL: "https://rsj.example.gov.cn/qxkb/" });
    const c = await overdueOrder([1_200_000], payload);
    const inspector = await as("inspector1");
    const proposedRes = await inspector
      .post("/blacklist")
      .type("form")
      .send(proposal(c.id, c.orderId, { facts: `事实${payload}` }));
    const pid = Number(proposedRes.headers.location!.split("/").pop());
    await step(await as("supervisor1"), pid, "approve", {});
    await serveAll(inspector, pid, "2026-12-01");
    moveTo("2026-12-09");
    expect(
      (
        await (
          await as("supervisor1")
        )
          .post(`/blacklist/${pid}/decision`)
          .type("form")
          .send(atVersion(pid, { sanctions: "限制。" }))
      ).status,
    ).toBe(303);
    const res = await browser(t.app).get("/public/blacklist.atom").set("Host", "evil.example");
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(res.text).not.toContain("evil.example");
    const feed = xml2js(res.text, { compact: true }) as unknown as {
      feed: {
        link: { _attributes: { href: string } };
        entry: { title: { _cdata: string }; content: { _cdata: string }; link: { _attributes: { href: string } } };
      };
    };
    const entry = feed.feed.entry;
    expect(entry.link._attributes.href).toBe(`https://rsj.example.gov.cn/qxkb/public/blacklist#entry-${pid}`);
    for (const html of [entry.title._cdata, entry.content._cdata]) {
      // A reader renders type="html": no tag may open, and the decoded text is the payload itself.
      expect(html).not.toMatch(/[<>]/);
      expect(html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))).toContain(payload);
    }
    expect((await browser(t.app).get("/public/blacklist.csv")).headers["cache-control"]).toBe("public, max-age=300");
  });

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

  it("searches by a listed person's name, on the entries the public list shows only (issue 21 item 10)", async () => {
    const c = await listed();
    const person = t.db.$client.prepare("select name from blacklist_persons where proceeding_id = ? order by id limit 1").pluck().get(c.pid) as string;
    expect(person).toBeTruthy();
    const anon = browser(t.app);
    const count = async (q: string) => /id="count">共 (\d+) 个对象/.exec((await anon.get(`/public/blacklist?q=${encodeURIComponent(q)}`)).text)?.[1];
    expect(await count(person)).toBe("1");
    expect(await count(person.slice(1))).toBe("1");
    expect(await count(`${person}\u0000`)).toBe("1");
    expect(await count("%")).toBe("1");
    // Removed from the list: no longer found by the person either.
    t.db.$client.prepare("update blacklist_proceedings set stage = 'removed', removed_on = '2026-11-23' where id = ?").run(c.pid);
    expect(await count(person)).toBe("0");
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
    expect(bytes.toString("utf8")).toContain("长朝人社监失信决〔2026〕1号");
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
      (
        await (
          await as("inspector1")
        )
          .post(`/blacklist/${c.pid}/early-removal`)
          .type("form")
          .send(atVersion(c.pid, { correctedOn: "2026-12-15", note: "支付凭证、承诺书" }))
      ).status,
    ).toBe(303);
    moveTo("2027-05-15");
    const early = await step(await as("supervisor1"), c.pid, "early-removal/decision", { grant: "yes", pledged: "1" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("满 6 个月（2027-06-15）");
    moveTo("2027-06-15");
    expect(
      (
        await (
          await as("inspector1")
        )
          .post(`/blacklist/${c.pid}/early-removal/decision`)
          .type("form")
          .send(atVersion(c.pid, { grant: "yes", pledged: "1" }))
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await as("supervisor1")
        )
          .post(`/blacklist/${c.pid}/early-removal/decision`)
          .type("form")
          .send(atVersion(c.pid, { grant: "yes", pledged: "1" }))
      ).status,
    ).toBe(303);
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
    await step(await as("inspector1"), c.pid, "early-removal", { correctedOn: "2026-12-15" });
    moveTo("2027-06-15");
    await step(await as("supervisor1"), c.pid, "early-removal/decision", { grant: "yes", pledged: "1" });
    expect(stageOf(c.pid)).toBe("removed");
    moveTo("2027-08-02");
    expect(
      (
        await (
          await as("supervisor1")
        )
          .post(`/blacklist/${c.pid}/reverse`)
          .type("form")
          .send(atVersion(c.pid, { reason: "支付凭证系伪造" }))
      ).status,
    ).toBe(303);
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
    await step(supervisor, c.pid, "approve");
    const [employer, legalRep] = partiesOf(c.pid);
    await step(c.inspector, c.pid, "service", { party: employer, method: "direct", servedOn: "2026-12-01", receiver: "赵某" });
    // Served before the notice was made: refused, nothing saved.
    const before = await step(c.inspector, c.pid, "service", { party: legalRep, method: "direct", servedOn: "2026-11-30", receiver: "赵某" });
    expect(before.status).toBe(422);
    expect(before.text).toContain("送达日期不能早于文书的日期（2026-12-01）");
    moveTo("2026-12-02");
    const inspector = await as("inspector1");
    expect((await step(inspector, c.pid, "service", { party: legalRep, method: "direct", servedOn: "2026-12-02", receiver: "赵某" })).status).toBe(303);
    const board = await (await as("supervisor1")).get("/blacklist");
    // Each party's window runs from its own service.
    expect(board.text).toMatch(/data-clock="异议期（长春市某建筑劳务有限公司）"[^>]*>异议期（长春市某建筑劳务有限公司） 2026年12月8日/);
    expect(board.text).toMatch(/data-clock="异议期（赵某（法定代表人\/主要负责人））"[^>]*>异议期（赵某（法定代表人\/主要负责人）） 2026年12月9日/);
    expect(board.text).toMatch(/data-clock="列入决定"[^>]*>列入决定 2026年12月28日/);
  });
});

describe("parties, service and the decision period (人社部令第45号 第一、五至八条)", () => {
  it("refuses a proposal on an order for wages that are not 农民工 wages, citing the article", async () => {
    const c = await overdueOrder([1_200_000], "长春市某科技有限公司", "2026-11-30", "2026-12-01", "general");
    const inspector = await as("inspector1");
    const casePage = (await inspector.get(`/cases/${c.id}`)).text;
    expect(casePage).not.toContain(`id="propose-blacklist-${c.orderId}"`);
    expect(casePage).toContain("本指令书认定的不是拖欠农民工工资，不能提请列入失信联合惩戒名单");
    const res = await inspector.post("/blacklist").type("form").send(proposal(c.id, c.orderId));
    expect(res.status).toBe(422);
    expect(res.text).toContain("失信联合惩戒名单只适用于拖欠农民工工资");
    expect(res.text).toContain("第四十八条");
    expect(t.db.$client.prepare("select count(*) from blacklist_proceedings").pluck().get()).toBe(0);
  });

  it("serves every party on its own and decides only once all are served and every window is over", async () => {
    const c = await proposed();
    await step(await as("supervisor1"), c.pid, "approve", {});
    const [employer, legalRep, supervisorPerson] = partiesOf(c.pid);
    const serve = (party: string, form: Record<string, string>) => step(c.inspector, c.pid, "service", { party, ...form });
    // Each method's proof is required, naming the field.
    expect((await serve(employer!, { method: "leftAt", servedOn: "2026-12-01", receiver: "赵某" })).text).toContain("留置送达须填写见证人");
    expect((await serve(employer!, { method: "post", servedOn: "2026-12-01" })).text).toContain("邮寄送达须填写挂号信或邮政快递的单号");
    expect((await serve(employer!, { method: "electronic", servedOn: "2026-12-01", receiver: "a@b.cn" })).text).toContain("电子送达须经受送达人同意");
    expect((await serve(employer!, { method: "direct", servedOn: "2026-12-02", receiver: "赵某" })).text).toContain("送达日期不能晚于今天");
    expect(t.db.$client.prepare("select count(*) from document_services where document like 'blacklist%'").pluck().get()).toBe(0);
    expect((await serve(employer!, { method: "leftAt", servedOn: "2026-12-01", receiver: "赵某", witnesses: "社区工作人员李某" })).status).toBe(303);
    expect((await serve(employer!, { method: "direct", servedOn: "2026-12-01", receiver: "赵某" })).text).toContain("已登记过");
    expect((await serve(legalRep!, { method: "direct", servedOn: "2026-12-01", receiver: "赵某" })).status).toBe(303);
    expect(stageOf(c.pid)).toBe("approved");
    // The third party is not served yet: no decision, whatever the date.
    moveTo("2026-12-10");
    const early = await step(await as("supervisor1"), c.pid, "decision", { sanctions: "限制。" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("告知书尚未送达：钱某（直接负责的主管人员）");
    const inspector = await as("inspector1");
    expect(
      (await step(inspector, c.pid, "service", { party: supervisorPerson, method: "post", servedOn: "2026-12-10", trackingNumber: "1180000000001" })).status,
    ).toBe(303);
    expect(stageOf(c.pid)).toBe("noticed");
    // 钱某 objects on his own, inside his own window (served 12-10, window to 12-17), after the others' closed.
    expect((await step(inspector, c.pid, "objection", { party: employer, objectionOn: "2026-12-10", text: "逾期" })).text).toContain(
      "异议期已于 2026-12-08 届满",
    );
    expect((await step(inspector, c.pid, "objection", { party: supervisorPerson, objectionOn: "2026-12-10", text: "本人已离职" })).status).toBe(303);
    moveTo("2026-12-18");
    const chief = await as("supervisor1");
    expect((await step(chief, c.pid, "decision", { sanctions: "限制。" })).text).toContain("钱某（直接负责的主管人员）提出了异议，须先核实并答复");
    expect((await step(chief, c.pid, "verification", { party: supervisorPerson, text: "经核实，离职发生在欠薪之后。" })).status).toBe(303);
    expect((await step(chief, c.pid, "decision", { sanctions: "限制。" })).status).toBe(303);
    // The decision is served on each party in turn, each with its own 送达回证.
    await serveAll(await as("inspector1"), c.pid, "2026-12-18", "decision-service");
    const receiptId = t.db.$client
      .prepare("select id from document_services where document = 'blacklistDecision' and party_key = ?")
      .pluck()
      .get(supervisorPerson) as number;
    const receipt = await chief.get(`/blacklist/${c.pid}/services/${receiptId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain("送达回证");
    expect(receipt.text).toContain("钱某（直接负责的主管人员）");
    expect(receipt.text).toContain("长朝人社监失信决〔2026〕1号");
    const notice = await chief.get(`/blacklist/${c.pid}/notice?party=${encodeURIComponent(legalRep!)}`);
    expect(notice.text).toContain("赵某（法定代表人/主要负责人）：");
    expect(notice.text).toContain("已于 2026年12月1日 直接送达");
    // A stranger to the case gets no receipt.
    expect((await (await as("inspector3")).get(`/blacklist/${c.pid}/services/${receiptId}`)).status).toBe(403);
  });

  it("extends only inside the 20 working days, and decides late only with the supervisor's reason; late proceedings lead the board", async () => {
    const c = await proposed();
    await step(await as("supervisor1"), c.pid, "approve", {});
    moveTo("2026-12-29");
    const chief = await as("supervisor1");
    const late = await step(chief, c.pid, "extend", { reason: "案情复杂" });
    expect(late.status).toBe(422);
    expect(late.text).toContain("列入决定期限已于 2026-12-28 届满，届满后不能再延长");
    expect(t.db.$client.prepare("select decision_extended from blacklist_proceedings where id = ?").pluck().get(c.pid)).toBe(0);
    const board = await chief.get("/blacklist");
    expect(board.text).toContain("1 件程序已超过列入决定期限仍未决定");
    expect(board.text).toContain("data-late");
    await serveAll(await as("inspector1"), c.pid, "2026-12-29");
    moveTo("2027-01-12");
    const decide = (form: Record<string, string>) => as("supervisor1").then((a) => step(a, c.pid, "decision", form));
    const withoutReason = await decide({ sanctions: "限制。" });
    expect(withoutReason.status).toBe(422);
    expect(withoutReason.text).toContain("逾期作出决定须由科长写明逾期的理由");
    expect(withoutReason.text).toContain('id="lateReason"');
    expect((await decide({ sanctions: "限制。", lateReason: "当事人下落不明，告知书延迟送达" })).status).toBe(303);
    expect(t.db.$client.prepare("select late_reason from blacklist_proceedings where id = ?").pluck().get(c.pid)).toBe("当事人下落不明，告知书延迟送达");
  });

  it("extends once inside the period", async () => {
    const c = await proposed();
    const chief = await as("supervisor1");
    await step(chief, c.pid, "approve");
    expect((await step(chief, c.pid, "extend", { reason: "涉及多个分包单位" })).status).toBe(303);
    const page = await chief.get(`/blacklist/${c.pid}`);
    expect(page.text).toContain("已延长 20 个工作日：涉及多个分包单位");
    expect(page.text).not.toContain('id="extend"');
  });
});

describe("versions (issue 22 defect 7)", () => {
  it("refuses the second of two steps sent from the same page: approval and 终止 never both happen", async () => {
    const c = await proposed();
    const supervisor = await loginAs(t.app, "supervisor1");
    const shown = atVersion(c.pid);
    const [approve, end] = await Promise.all([
      supervisor.post(`/blacklist/${c.pid}/approve`).type("form").send(shown),
      supervisor
        .post(`/blacklist/${c.pid}/end`)
        .type("form")
        .send({ ...shown, reason: "不符合条件" }),
    ]);
    expect([approve.status, end.status].sort()).toEqual([303, 409]);
    expect((approve.status === 409 ? approve : end).text).toContain("本程序已被他人更新");
    expect(stageOf(c.pid)).toBe(approve.status === 303 ? "approved" : "refused");
    // A notice number is used only by the approval that happened.
    expect(t.db.$client.prepare("select coalesce(sum(last), 0) from document_sequences where kind = 'blacklistNotice'").pluck().get()).toBe(
      approve.status === 303 ? 1 : 0,
    );
  });
});

describe("the 移出决定书 of an early removal and its service (人社部令第45号 第十二–十四条)", () => {
  /** Listed on 2026-12-09, corrected on 12-15, removed early on 2027-06-15 (6 months later). */
  async function removedEarly() {
    const c = await listed();
    moveTo("2026-12-15");
    expect((await step(await as("inspector1"), c.pid, "early-removal", { correctedOn: "2026-12-15", note: "支付凭证" })).status).toBe(303);
    moveTo("2027-06-15");
    expect(
      (await step(await as("supervisor1"), c.pid, "early-removal/decision", { grant: "yes", pledged: "1", note: "已足额支付并作出信用承诺" })).status,
    ).toBe(303);
    return c;
  }

  it("prints a numbered 移出决定书 for each party and serves it on each, with its 送达回证", async () => {
    const c = await removedEarly();
    const [employer, legalRep] = partiesOf(c.pid);
    const number = t.db.$client.prepare("select removal_number from blacklist_proceedings where id = ?").pluck().get(c.pid);
    // The case is 朝阳区's: its own prefix and counter, as for the 列入决定书.
    expect(number).toBe("长朝人社监失信移〔2027〕1号");
    moveTo("2027-06-16");
    const inspector = await as("inspector1");
    const page = await inspector.get(`/blacklist/${c.pid}`);
    expect(page.text).toContain('id="removal-service"');
    expect(page.text).toContain("已送达 0/3 名当事人");
    const doc = await inspector.get(`/blacklist/${c.pid}/removal?party=${encodeURIComponent(legalRep!)}`);
    expect(doc.status).toBe(200);
    // The office, its number, the party, the original listing, the correction, the grounds, the basis and the date.
    for (const text of [
      "移出拖欠农民工工资失信联合惩戒对象名单决定书",
      "长朝人社监失信移〔2027〕1号",
      "致：赵某（法定代表人/主要负责人）",
      "长朝人社监失信决〔2026〕1号",
      "2026年12月15日 改正",
      "已足额支付并作出信用承诺",
      "第十二条、第十三条、第十四条",
      "自 2027年6月15日 起",
      "朝阳区劳动保障监察大队",
    ])
      expect(doc.text).toContain(text);
    expect(doc.text).not.toContain(idNumber(501, "19700101"));
    const serve = (party: string, form: Record<string, string>) => step(inspector, c.pid, "removal-service", { party, ...form });
    // Refusals name the rule, keep what was typed and save nothing.
    const before = await serve(employer!, { method: "direct", servedOn: "2027-06-14", receiver: "赵某" });
    expect(before.status).toBe(422);
    expect(before.text).toContain("送达日期不能早于文书的日期（2027-06-15）");
    expect(before.text).toContain('value="赵某"');
    const unknown = await serve("person:999999", { method: "direct", servedOn: "2027-06-16", receiver: "某人" });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain("请选择受送达的当事人");
    expect(t.db.$client.prepare("select count(*) from document_services where document = 'blacklistRemoval'").pluck().get()).toBe(0);
    expect((await serve(employer!, { method: "direct", servedOn: "2027-06-16", receiver: "赵某" })).status).toBe(303);
    const twice = await serve(employer!, { method: "direct", servedOn: "2027-06-16", receiver: "赵某" });
    expect(twice.status).toBe(422);
    expect(twice.text).toContain("已登记过向长春市某建筑劳务有限公司送达移出决定书");
    expect(t.db.$client.prepare("select count(*) from document_services where document = 'blacklistRemoval'").pluck().get()).toBe(1);
    for (const party of partiesOf(c.pid).slice(1))
      expect((await serve(party, { method: "post", servedOn: "2027-06-16", trackingNumber: "1180000000009" })).status).toBe(303);
    const after = await inspector.get(`/blacklist/${c.pid}`);
    expect(after.text).toContain("已送达 3/3 名当事人");
    expect(after.text).not.toContain('id="removal-service"');
    const receiptId = t.db.$client
      .prepare("select id from document_services where document = 'blacklistRemoval' and party_key = ?")
      .pluck()
      .get(legalRep) as number;
    const receipt = await inspector.get(`/blacklist/${c.pid}/services/${receiptId}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain("送达回证");
    expect(receipt.text).toContain("《移出拖欠农民工工资失信联合惩戒对象名单决定书》长朝人社监失信移〔2027〕1号");
    expect(receipt.text).toContain("邮寄送达");
    expect(receipt.text).toContain("1180000000009");
    // Nobody of another office (南关区) reads the document or its receipt, nor records its service.
    const stranger = await as("inspector_ng");
    expect((await stranger.get(`/blacklist/${c.pid}/removal`)).status).toBe(403);
    expect((await stranger.get(`/blacklist/${c.pid}/services/${receiptId}`)).status).toBe(403);
    expect((await (await as("supervisor_ng")).get(`/blacklist/${c.pid}/removal`)).status).toBe(403);
    expect((await step(stranger, c.pid, "removal-service", { party: employer, method: "direct", servedOn: "2027-06-16", receiver: "x" })).status).toBe(403);
    // A removal obtained by deceit is reversed: the 移出决定书 is revoked with it; its services stay on record.
    expect((await step(await as("supervisor1"), c.pid, "reverse", { reason: "支付凭证系伪造" })).status).toBe(303);
    expect((await (await as("inspector1")).get(`/blacklist/${c.pid}/removal`)).status).toBe(404);
    expect(t.db.$client.prepare("select count(*) from document_services where document = 'blacklistRemoval'").pluck().get()).toBe(3);
  });

  it("serves a second 移出决定书 after the first removal was reversed, and keeps the first one's services on record", async () => {
    const c = await removedEarly();
    moveTo("2027-06-16");
    const inspector = await as("inspector1");
    await serveAll(inspector, c.pid, "2027-06-16", "removal-service");
    const first = t.db.$client.prepare("select removal_number from blacklist_proceedings where id = ?").pluck().get(c.pid) as string;
    // The removal was obtained by deceit: reversed, listed again; corrected for real and removed early once more.
    moveTo("2027-08-02");
    expect((await step(await as("supervisor1"), c.pid, "reverse", { reason: "支付凭证系伪造" })).status).toBe(303);
    expect((await step(await as("inspector1"), c.pid, "early-removal", { correctedOn: "2027-08-02", note: "补足工资" })).status).toBe(303);
    moveTo("2028-02-02");
    expect((await step(await as("supervisor1"), c.pid, "early-removal/decision", { grant: "yes", pledged: "1" })).status).toBe(303);
    const second = t.db.$client.prepare("select removal_number from blacklist_proceedings where id = ?").pluck().get(c.pid) as string;
    expect([first, second]).toEqual(["长朝人社监失信移〔2027〕1号", "长朝人社监失信移〔2028〕1号"]);
    // The new decision waits for service on every party: the first one's services do not count for it.
    const waiting = await (await as("inspector1")).get(`/blacklist/${c.pid}`);
    expect(waiting.text).toContain('id="removal-service"');
    expect(waiting.text).toContain("已送达 0/3 名当事人");
    moveTo("2028-02-03");
    await serveAll(await as("inspector1"), c.pid, "2028-02-03", "removal-service");
    const rows = t.db.$client
      .prepare("select document_number, party_key, served_on from document_services where document = 'blacklistRemoval' order by id")
      .all() as { document_number: string; party_key: string; served_on: string }[];
    expect(rows.map((r) => `${r.document_number} ${r.party_key} ${r.served_on}`)).toEqual([
      ...partiesOf(c.pid).map((party) => `${first} ${party} 2027-06-16`),
      ...partiesOf(c.pid).map((party) => `${second} ${party} 2028-02-03`),
    ]);
    const page = await (await as("inspector1")).get(`/blacklist/${c.pid}`);
    expect(page.text).toContain("已送达 3/3 名当事人");
    expect(page.text).not.toContain('id="removal-service"');
    // The revoked decision's services stay listed with their own 送达回证.
    expect(page.text).toContain(`${first}（已撤销）`);
    const firstReceipt = t.db.$client
      .prepare("select id from document_services where document_number = ? and party_key = 'employer'")
      .pluck()
      .get(first) as number;
    expect(page.text).toContain(`/blacklist/${c.pid}/services/${firstReceipt}`);
    const receipt = await (await as("inspector1")).get(`/blacklist/${c.pid}/services/${firstReceipt}`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain(first);
    // Each party is still served each decision once.
    const twice = await step(await as("inspector1"), c.pid, "removal-service", { party: "employer", method: "direct", servedOn: "2028-02-03", receiver: "x" });
    expect(twice.status).toBe(422);
  });

  it("says an early removal granted before the 移出决定书 was numbered has none, and offers none to print or serve", async () => {
    const c = await removedEarly();
    // As migration 0049 left the removals granted before it: no number, no issuing office.
    t.db.$client.prepare("update blacklist_proceedings set removal_number = null, removal_office_id = null where id = ?").run(c.pid);
    const inspector = await as("inspector1");
    const page = await inspector.get(`/blacklist/${c.pid}`);
    expect(page.text).toMatch(/<dd id="removal-document">（未编号，系统出具移出决定书前作出）<\/dd>/);
    expect(page.text).not.toContain('id="removal-service"');
    expect((await inspector.get(`/blacklist/${c.pid}/removal`)).status).toBe(404);
    expect(t.db.$client.prepare("select count(*) from document_sequences where kind = 'blacklistRemoval'").pluck().get()).toBe(1);
  });

  it("has no 移出决定书 for a listing revoked (撤销列入) or still current", async () => {
    const c = await listed();
    const supervisor = await as("supervisor1");
    expect((await supervisor.get(`/blacklist/${c.pid}/removal`)).status).toBe(404);
    expect((await step(supervisor, c.pid, "removal-service", { party: "employer", method: "direct", servedOn: "2026-12-09", receiver: "x" })).status).toBe(422);
    expect((await step(supervisor, c.pid, "revoke", { reason: "指令书被撤销" })).status).toBe(303);
    expect((await supervisor.get(`/blacklist/${c.pid}/removal`)).status).toBe(404);
    expect((await supervisor.get(`/blacklist/${c.pid}`)).text).not.toContain('id="removal-service"');
  });
});
