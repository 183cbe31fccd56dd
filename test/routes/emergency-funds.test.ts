/**
 * 应急周转金 over HTTP (docs/rules.md §应急周转金): each office's fund is its own and the city's (scoping); an
 * advance for a case within what was confirmed owed and the fund's balance, approved by the office's supervisor,
 * paid, then recovered — never more than outstanding; the outcome 应急周转金垫付 only with a paid advance.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { caseInput, loginAs, makeTestApp, workedCase, workerInput, xlsxOf, type Agent, type TestApp } from "../helpers.js";

const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

let t: TestApp;
let c: Awaited<ReturnType<typeof workedCase>>;
let inspector: Agent;
let cySupervisor: Agent;
let cy: number;
let ng: number;

const officeId = (name: string) => t.db.$client.prepare("select id from offices where name = ?").pluck().get(name) as number;
const advances = () => t.db.$client.prepare("select status, total_fen, paid_on, recovery_due_on from emergency_advances where case_id = ?").all(c.id);
const balance = (office: number) =>
  (t.db.$client.prepare("select balance_fen from emergency_fund_movements where office_id = ? order by id desc limit 1").pluck().get(office) as
    | number
    | undefined) ?? 0;
const advanceId = () => t.db.$client.prepare("select id from emergency_advances where case_id = ? order by id desc").pluck().get(c.id) as number;

async function capital(agent: Agent, office: number, yuan: string) {
  return agent.post(`/funds/${office}/capital`).type("form").send({ occurredOn: "2026-11-20", amount: yuan, note: "长财社〔2026〕12号" });
}

/** An order to pay: worker 1 owed ¥8,500, worker 2 ¥4,200 (what the bureau confirmed). */
async function ordered() {
  const res = await inspector
    .post(`/cases/${c.id}/orders`)
    .type("form")
    .send({
      version: c.version(),
      payBy: "2026-11-30",
      facts: "经查拖欠工资。",
      [`amount.${c.workers[0]!.id}`]: "8500",
      [`amount.${c.workers[1]!.id}`]: "4200",
    });
  expect(res.status).toBe(303);
}

const application = (amounts: [string, string], over: Record<string, string> = {}) => ({
  version: String(c.version()),
  appliedOn: "2026-11-23",
  reason: "单位负责人失联，工人生活困难。",
  recoverFrom: "generalContractor",
  recoverFromName: "某建工集团",
  [`amount.${c.workers[0]!.id}`]: amounts[0],
  [`amount.${c.workers[1]!.id}`]: amounts[1],
  ...over,
});

/** A fund of ¥100,000 for 朝阳区 and the order to pay (both workers' amounts confirmed). */
async function fundedAndOrdered() {
  expect((await capital(cySupervisor, cy, "100,000")).status).toBe(303);
  await ordered();
}

/** An advance applied for with these amounts per worker: its id. */
async function appliedAdvance(amounts: [string, string]): Promise<number> {
  expect((await inspector.post(`/cases/${c.id}/advances`).type("form").send(application(amounts))).status).toBe(303);
  return advanceId();
}

beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
  c = await workedCase(t, { to: "filed", overrides: caseInput({ workers: [workerInput(1), workerInput(2)] }) });
  inspector = await loginAs(t.app, "inspector1");
  cySupervisor = await loginAs(t.app, "supervisor_cy");
  cy = officeId(CHAOYANG);
  ng = officeId(NANGUAN);
});

describe("the fund pages: each office its own, the city every office", () => {
  it("lets an office's supervisor keep its fund and refuses another office's", async () => {
    expect((await capital(cySupervisor, cy, "5,000,000")).status).toBe(303);
    expect(balance(cy)).toBe(500_000_000);
    expect((await cySupervisor.get("/funds")).headers.location).toBe(`/funds/${cy}`);
    const page = await cySupervisor.get(`/funds/${cy}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/data-balance><strong>¥5,000,000.00/);
    const ngSupervisor = await loginAs(t.app, "supervisor_ng");
    expect((await ngSupervisor.get(`/funds/${cy}`)).status).toBe(403);
    expect((await capital(ngSupervisor, cy, "1")).status).toBe(403);
    expect(balance(cy)).toBe(500_000_000);
    expect((await inspector.get(`/funds/${cy}`)).status).toBe(403);
  });

  it("shows the city every office's fund with the total, and exports an office only its own", async () => {
    await capital(cySupervisor, cy, "5,000,000");
    const city = await loginAs(t.app, "supervisor1");
    await capital(city, ng, "6,000,000");
    const all = await city.get("/funds");
    expect(all.status).toBe(200);
    expect(all.text).toContain(CHAOYANG);
    expect(all.text).toMatch(/data-office="city">[\s\S]*?¥11,000,000.00/);
    const book = await xlsxOf(await loginAs(t.app, "supervisor_ng"), "/exports/funds.xlsx");
    const names = book.getWorksheet("应急周转金")!.getColumn(1).values.filter(Boolean);
    expect(names).toEqual(["监察机构", NANGUAN, "合计"]);
  });

  it("refuses an adjustment without its reason or one that would make the balance negative, naming the field", async () => {
    await capital(cySupervisor, cy, "100");
    const noReason = await cySupervisor
      .post(`/funds/${cy}/adjustments`)
      .type("form")
      .send({ occurredOn: "2026-11-23", direction: "decrease", amount: "50", note: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toMatch(/id="fund-adjustment-note"[^>]*aria-invalid="true"[\s\S]*?请填写调整原因/);
    const tooMuch = await cySupervisor
      .post(`/funds/${cy}/adjustments`)
      .type("form")
      .send({ occurredOn: "2026-11-23", direction: "decrease", amount: "100.01", note: "更正" });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toMatch(/id="fund-adjustment-amount"[^>]*aria-invalid="true"[\s\S]*?应急周转金余额不足/);
    expect(balance(cy)).toBe(10_000);
  });
});

describe("an advance for a case", () => {
  it("is refused above what was confirmed owed, naming the worker's field; nothing is saved", async () => {
    await capital(cySupervisor, cy, "1,000,000");
    await ordered();
    const res = await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send(application(["8500.01", "0"]));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(new RegExp(`id="advance-amount-${c.workers[0]!.id}"[^>]*aria-invalid="true"[\\s\\S]*?超过核定尚欠金额`));
    expect(res.text).toContain("单位负责人失联，工人生活困难。");
    expect(advances()).toEqual([]);
  });

  it("is refused without a confirmed amount (no order or agreement)", async () => {
    await capital(cySupervisor, cy, "1,000,000");
    const res = await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send(application(["100", "0"]));
    expect(res.status).toBe(422);
    expect(res.text).toContain("没有核定且尚未支付的欠薪");
    expect(advances()).toEqual([]);
  });

  it("is refused above the fund's balance, naming the total", async () => {
    await capital(cySupervisor, cy, "10,000");
    await ordered();
    const res = await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send(application(["8500", "4200"]));
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="advance-total-error"[^>]*>垫付合计：垫付合计 ¥12,700.00 超过应急周转金余额 ¥10,000.00/);
    expect(advances()).toEqual([]);
  });

  it("is approved by the office's supervisor only, paid, and lets the case close as 应急周转金垫付; recovered never beyond what is outstanding", async () => {
    await capital(cySupervisor, cy, "1,000,000");
    await ordered();
    const close = () =>
      inspector
        .post(`/cases/${c.id}/close`)
        .type("form")
        .send({
          version: c.version(),
          outcome: "emergencyFund",
          note: "已垫付",
          [`recovered.${c.workers[0]!.id}`]: "8500",
          [`recovered.${c.workers[1]!.id}`]: "4200",
        });
    const early = await close();
    expect(early.status).toBe(422);
    expect(early.text).toContain("不能以“应急周转金垫付”结案：本案没有已支付的应急周转金垫付");

    expect(
      (
        await inspector
          .post(`/cases/${c.id}/advances`)
          .type("form")
          .send(application(["8500", "4200"]))
      ).status,
    ).toBe(303);
    expect((await close()).status).toBe(422);
    const decision = { advanceId: String(advanceId()), decision: "approved", decidedOn: "2026-11-23", decisionNote: "同意" };
    expect(
      (
        await inspector
          .post(`/cases/${c.id}/advances/decision`)
          .type("form")
          .send({ version: c.version(), ...decision })
      ).status,
    ).toBe(403);
    const ngSupervisor = await loginAs(t.app, "supervisor_ng");
    expect(
      (
        await ngSupervisor
          .post(`/cases/${c.id}/advances/decision`)
          .type("form")
          .send({ version: c.version(), ...decision })
      ).status,
    ).toBe(403);
    expect(
      (
        await cySupervisor
          .post(`/cases/${c.id}/advances/decision`)
          .type("form")
          .send({ version: c.version(), ...decision })
      ).status,
    ).toBe(303);
    expect(balance(cy)).toBe(100_000_000);
    const paid = await cySupervisor
      .post(`/cases/${c.id}/advances/payment`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), paidOn: "2026-11-23" });
    expect(paid.status).toBe(303);
    expect(advances()).toEqual([{ status: "paid", total_fen: 1_270_000, paid_on: "2026-11-23", recovery_due_on: "2027-02-21" }]);
    expect(balance(cy)).toBe(100_000_000 - 1_270_000);

    expect((await close()).status).toBe(303);
    const recover = (amount: string, on = "2026-11-23") =>
      inspector
        .post(`/cases/${c.id}/advances/recovery`)
        .type("form")
        .send({ version: c.version(), advanceId: String(advanceId()), recoveredOn: on, amount, payer: "某建工集团" });
    const tooMuch = await recover("12700.01");
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toMatch(
      new RegExp(`id="advance-recovery-${advanceId()}-amount"[^>]*aria-invalid="true"[\\s\\S]*?追偿金额 ¥12,700.01 超过尚未收回的垫付款 ¥12,700.00`),
    );
    expect((await recover("10000")).status).toBe(303);
    expect((await recover("2700.01")).status).toBe(422);
    expect((await recover("2700")).status).toBe(303);
    expect(balance(cy)).toBe(100_000_000);

    const page = await cySupervisor.get(`/funds/${cy}`);
    expect(page.text).toMatch(/data-advanced>¥12,700.00<\/td>\s*<td class="num" data-recovered>¥12,700.00<\/td>\s*<td class="num" data-outstanding>¥0.00/);
    expect(page.text).toMatch(new RegExp(`data-advance="${advanceId()}" data-recovery="recovered"`));
    const timeline = await inspector.get(`/cases/${c.id}`);
    expect(timeline.text).toContain("收回应急周转金垫付款 ¥2700.00（某建工集团）");
  });

  it("draws one 审批 form per advance, each with its own id, and shows a refusal on the advance it named only", async () => {
    await fundedAndOrdered();
    const first = await appliedAdvance(["4000", "0"]);
    const second = await appliedAdvance(["0", "4200"]);
    const page = (await cySupervisor.get(`/cases/${c.id}`).expect(200)).text;
    expect(page).toContain(`id="advance-decision-${first}"`);
    expect(page).toContain(`id="advance-decision-${second}"`);
    expect(page).toContain(`id="advance-decision-${second}-decisionNote"`);
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const refused = await cySupervisor
      .post(`/cases/${c.id}/advances/decision`)
      .set({ "HX-Request": "true", "HX-Target": `advance-decision-${second}` })
      .type("form")
      .send({ version: c.version(), advanceId: String(second), decision: "", decidedOn: "2026-11-23", decisionNote: "第二笔意见" });
    expect(refused.status).toBe(422);
    const formOf = (id: number) => new RegExp(`<form [^>]*id="advance-decision-${id}"[\\s\\S]*?</form>`).exec(refused.text)?.[0] ?? "";
    expect(formOf(second)).toContain("请选择批准或不予垫付");
    expect(formOf(second)).toContain("第二笔意见");
    expect(formOf(first)).not.toContain("请选择批准或不予垫付");
    expect(formOf(first)).not.toContain("第二笔意见");
    expect(refused.headers["hx-retarget"]).toBeUndefined();
  });

  it("refuses the payment when the balance no longer covers it", async () => {
    await capital(cySupervisor, cy, "13,000");
    await ordered();
    await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send(application(["8500", "4200"]));
    await cySupervisor
      .post(`/cases/${c.id}/advances/decision`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), decision: "approved", decidedOn: "2026-11-23", decisionNote: "" });
    await cySupervisor
      .post(`/funds/${cy}/adjustments`)
      .type("form")
      .send({ occurredOn: "2026-11-23", direction: "decrease", amount: "1000", note: "退回财政" });
    const res = await cySupervisor
      .post(`/cases/${c.id}/advances/payment`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), paidOn: "2026-11-23" });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(
      new RegExp(`<form[^>]*id="advance-payment-${advanceId()}"[\\s\\S]*?role="alert">垫付合计 ¥12,700.00 超过应急周转金余额 ¥12,000.00`),
    );
    expect(balance(cy)).toBe(1_200_000);
  });
});

describe("the figures", () => {
  /** ¥12,700 advanced on 2026-11-23, ¥5,000 recovered the same day. */
  async function advancedAndPartlyRecovered() {
    await capital(cySupervisor, cy, "1,000,000");
    await ordered();
    await inspector
      .post(`/cases/${c.id}/advances`)
      .type("form")
      .send(application(["8500", "4200"]));
    const id = String(advanceId());
    await cySupervisor
      .post(`/cases/${c.id}/advances/decision`)
      .type("form")
      .send({ version: c.version(), advanceId: id, decision: "approved", decidedOn: "2026-11-23" });
    await cySupervisor.post(`/cases/${c.id}/advances/payment`).type("form").send({ version: c.version(), advanceId: id, paidOn: "2026-11-23" });
    const res = await inspector
      .post(`/cases/${c.id}/advances/recovery`)
      .type("form")
      .send({ version: c.version(), advanceId: id, recoveredOn: "2026-11-23", amount: "5000", payer: "某建工集团" });
    expect(res.status).toBe(303);
  }

  it("count advances and recoveries per office and period in the statistics and its sentence, and each fund on the dashboard", async () => {
    await advancedAndPartlyRecovered();
    const stats = await cySupervisor.get("/statistics?period=month");
    expect(stats.text).toMatch(
      new RegExp(
        `data-table="funds"[\\s\\S]*?data-office="${cy}"[\\s\\S]*?<td class="num">1</td><td class="num">¥12,700.00</td><td class="num">1</td><td class="num">¥5,000.00</td>`,
      ),
    );
    expect(stats.text).toContain("动用应急周转金垫付1笔1.27万元，追偿收回0.50万元。");
    const october = await cySupervisor.get("/statistics?period=custom&from=2026-10-01&to=2026-10-31");
    expect(october.text).toContain("本期间没有垫付或追偿。");
    const dashboard = await cySupervisor.get("/dashboard");
    expect(dashboard.text).toMatch(/data-table="funds"[\s\S]*?data-outstanding>¥7,700.00[\s\S]*?data-balance><strong>¥992,300.00/);
    const ngStats = await (await loginAs(t.app, "supervisor_ng")).get("/statistics?period=month");
    expect(ngStats.text).not.toContain(CHAOYANG);
  });

  it("reads the ledger through its office index, never a full scan", () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (t.db.$client.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join("\n");
    const period = plan(
      "select office_id, kind, sum(amount_fen), count(*) from emergency_fund_movements where office_id in (?, ?) and occurred_on between ? and ? and kind in ('advance', 'recovery') group by office_id, kind",
      cy,
      ng,
      "2026-01-01",
      "2026-12-31",
    );
    expect(period).toMatch(/USING COVERING INDEX emergency_fund_movements_office_period_idx/);
    const balance = plan("select balance_fen from emergency_fund_movements where office_id = ? order by id desc limit 1", cy);
    expect(balance).toMatch(/USING (COVERING )?INDEX emergency_fund_movements_office_idx/);
    expect(`${period}\n${balance}`).not.toMatch(/SCAN emergency_fund_movements(?! USING)/);
  });
});

describe("the fund page's advances, paged (docs/rules.md §应急周转金)", () => {
  /**
   * 60 paid advances drawn straight into the ledger: the 5 paid last still outstanding, the 55 before them recovered in
   * full (the page must put the outstanding first although they are the newest).
   */
  function sixtyAdvances() {
    const sql = t.db.$client;
    let balanceFen = balance(cy);
    const move = (kind: "advance" | "recovery", amountFen: number, advance: number, on: string) => {
      balanceFen += kind === "advance" ? -amountFen : amountFen;
      sql
        .prepare("insert into emergency_fund_movements (office_id, kind, amount_fen, balance_fen, occurred_on, advance_id, note) values (?, ?, ?, ?, ?, ?, '')")
        .run(cy, kind, amountFen, balanceFen, on, advance);
    };
    const outstanding: number[] = [];
    for (let i = 0; i < 60; i++) {
      const on = `2026-10-${String(1 + Math.floor(i / 2)).padStart(2, "0")}`;
      const id = Number(
        sql
          .prepare(
            "insert into emergency_advances (case_id, office_id, status, applied_on, reason, recover_from, recover_from_name, total_fen, paid_on, recovery_due_on) values (?, ?, 'paid', ?, '生活困难', 'employer', '某公司', 100000, ?, '2027-01-01')",
          )
          .run(c.id, cy, on, on).lastInsertRowid,
      );
      move("advance", 100000, id, on);
      if (i < 55) move("recovery", 100000, id, "2026-11-20");
      else outstanding.push(id);
    }
    return outstanding;
  }
  const rows = (html: string) => [...html.matchAll(/data-advance="(\d+)"/g)].map((m) => Number(m[1]));
  const figures = (html: string) => /<table class="table" id="fund-figures">[\s\S]*?<\/table>/.exec(html)![0];

  it("lists 50 at a time, the outstanding first, with the same totals on every page; htmx gets the list alone", async () => {
    await capital(cySupervisor, cy, "1,000,000");
    const outstanding = sixtyAdvances();
    const first = await cySupervisor.get(`/funds/${cy}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain("60 笔已垫付，5 笔尚未收回完毕");
    const firstRows = rows(first.text);
    expect(firstRows).toHaveLength(50);
    expect(firstRows.slice(0, 5)).toEqual(outstanding);
    expect(first.text).toContain("第 1 / 2 页");
    expect(first.text).toContain(`href="/funds/${cy}?page=2#fund-advances"`);
    expect(figures(first.text)).toMatch(/data-advanced>¥60,000.00[\s\S]*data-outstanding>¥5,000.00/);

    const second = await cySupervisor.get(`/funds/${cy}?page=2`);
    const secondRows = rows(second.text);
    expect(secondRows).toHaveLength(10);
    expect(new Set([...firstRows, ...secondRows]).size).toBe(60);
    expect(figures(second.text)).toBe(figures(first.text));
    expect(second.text).toContain("60 笔已垫付，5 笔尚未收回完毕");

    const partial = await cySupervisor.get(`/funds/${cy}?page=2`).set("HX-Request", "true");
    expect(partial.text).not.toContain("<html");
    expect(rows(partial.text)).toEqual(secondRows);
  });

  it("exports every advance, not one page", async () => {
    await capital(cySupervisor, cy, "1,000,000");
    sixtyAdvances();
    const book = await xlsxOf(cySupervisor, "/exports/funds.xlsx");
    expect(book.getWorksheet("垫付与追偿")!.actualRowCount).toBe(61);
  });

  it("sums each advance's recoveries from the recovery index, never a full scan", () => {
    const plan = (
      t.db.$client
        .prepare(
          `explain query plan with recovered as (select advance_id, sum(amount_fen) fen from emergency_fund_movements where office_id in (?) and kind = 'recovery' group by advance_id)
       select a.id from emergency_advances a left join recovered r on r.advance_id = a.id where a.office_id = ? and a.status = 'paid'
       order by a.total_fen > coalesce(r.fen, 0) desc, a.paid_on, a.id limit 50 offset 50`,
        )
        .all(cy, cy) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join("\n");
    expect(plan).toMatch(/USING COVERING INDEX emergency_fund_movements_recovery_idx/);
    expect(plan).toMatch(/USING INDEX emergency_advances_office_idx/);
    expect(plan).not.toMatch(/SCAN (emergency_fund_movements|emergency_advances|a)(?! USING)/);
  });
});

describe("the anchors of the forms drawn per advance, on the whole page (no htmx)", () => {
  async function applied() {
    await fundedAndOrdered();
    await appliedAdvance(["4000", "0"]);
  }
  const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

  it("a plain-POST 409 on an advance's 审批: the summary's 查看 link points at an element on the page", async () => {
    await applied();
    const res = await cySupervisor
      .post(`/cases/${c.id}/advances/decision`)
      .type("form")
      .send({ version: String(c.version() - 1), advanceId: String(advanceId()), decision: "approved", decidedOn: "2026-11-23", decisionNote: "" });
    expect(res.status).toBe(409);
    expect(res.text).toMatch(new RegExp(`<form[^>]*id="advance-decision-${advanceId()}"[\\s\\S]*?案件已被他人更新`));
    const link = /<a href="#([^"]+)">查看<\/a>/.exec(res.text)?.[1];
    expect(link).toBeDefined();
    expect(idsOf(res.text).has(link!)).toBe(true);
  });

  it("a plain-POST saved 追偿 (part of it): the page's anchor names an element on the page", async () => {
    await applied();
    await cySupervisor
      .post(`/cases/${c.id}/advances/decision`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), decision: "approved", decidedOn: "2026-11-23", decisionNote: "" });
    await cySupervisor
      .post(`/cases/${c.id}/advances/payment`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), paidOn: "2026-11-23" });
    const res = await inspector
      .post(`/cases/${c.id}/advances/recovery`)
      .type("form")
      .send({ version: c.version(), advanceId: String(advanceId()), recoveredOn: "2026-11-23", amount: "1000", payer: "某建工集团" });
    expect(res.status).toBe(303);
    const anchor = String(res.headers.location).split("#")[1];
    const page = (await inspector.get(`/cases/${c.id}`).expect(200)).text;
    expect(page).toContain(`id="advance-recovery-${advanceId()}"`);
    expect(idsOf(page).has(anchor)).toBe(true);
  });
});

describe("a hand-made advance id", () => {
  it("never answers 500 nor reflects markup, and a refusal lands beside the advance the schema read", async () => {
    await fundedAndOrdered();
    const id = await appliedAdvance(["4000", "0"]);
    const decide = (advance: unknown) =>
      cySupervisor
        .post(`/cases/${c.id}/advances/decision`)
        .type("form")
        .send({
          version: String(c.version()),
          ...(advance === undefined ? {} : { advanceId: advance }),
          decision: "approved",
          decidedOn: "2026-11-23",
          decisionNote: "",
        });
    for (const v of [["X", "Y"], "0x4", "99999999999999999999", undefined, '"><b>x</b>', "-1"]) {
      const res = await decide(v);
      expect(res.status, String(v)).toBeLessThan(500);
      expect(res.text).not.toContain("<b>x</b>");
    }
    // Written otherwise (a leading zero, hex, a decimal point, a space) it still names that advance: refused for a
    // date in the future, the message shows in that advance's form.
    for (const v of [`0${id}`, `0x${id.toString(16)}`, `${id}.0`, ` ${id}`]) {
      const res = await cySupervisor
        .post(`/cases/${c.id}/advances/decision`)
        .type("form")
        .send({ version: String(c.version()), advanceId: v, decision: "approved", decidedOn: "2026-12-30", decisionNote: "" });
      expect(res.status, v).toBe(422);
      expect(res.text, v).toMatch(new RegExp(`<form[^>]*id="advance-decision-${id}"[\\s\\S]*?role="alert"`));
    }
  });
});
