/**
 * The 行政处理决定书 complete (docs/rules.md § The 行政处理决定书): refused while the party's particulars are missing,
 * the particulars completed on the case page, and every part of the printed decision.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/lib/project-root.js";
import { DECISION_PARTS } from "../../src/domain/decision-document.js";
import { loginAs, makeTestApp, uscc, workedCase, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

async function on(date: string): Promise<Agent> {
  t.clock.now = new Date(`${date}T02:00:00Z`);
  return loginAs(t.app, "inspector1");
}
const ok = async (res: Promise<{ status: number; text: string }>) => {
  const r = await res;
  expect(r.status, r.text.slice(0, 300)).toBe(303);
};
const db = () => t.db.$client;

/**
 * Two workers owed ¥8,500.00 and ¥3,333.33 under an order of 2026-11-23 (pay by 11-30), left unpaid; a 事先告知书 for
 * 加付赔偿金 at 50 % served 12-01, no statement; the employer registered without its 统一社会信用代码.
 */
async function heardCase() {
  const c = await workedCase(t, {
    to: "filed",
    overrides: { employerUscc: null, workers: [workerInput(1), workerInput(2, { name: "李四", claimedFen: 333_333 })] },
  });
  const [w1, w2] = c.workers;
  let inspector = await on("2026-11-23");
  await ok(
    inspector
      .post(`/cases/${c.id}/orders`)
      .type("form")
      .send({
        version: c.version(),
        payBy: "2026-11-30",
        violation: "migrantWorkers",
        facts: "经查，该单位拖欠两名农民工工资。",
        [`amount.${w1!.id}`]: "8500",
        [`amount.${w2!.id}`]: "3333.33",
      }),
  );
  const orderId = db().prepare("select id from payment_orders where case_id = ?").pluck().get(c.id) as number;
  inspector = await on("2026-12-01");
  await ok(
    inspector
      .post(`/cases/${c.id}/orders/${orderId}/prior-notices`)
      .type("form")
      .send({ version: c.version(), kind: "compensation", ratePercent: "50", facts: "逾期未支付", grounds: "工资表、询问笔录" }),
  );
  const noticeId = db().prepare("select id from prior_notices").pluck().get() as number;
  await ok(
    inspector.post(`/cases/${c.id}/prior-notices/${noticeId}/service`).type("form").send({ version: c.version(), servedOn: "2026-12-01", method: "直接送达" }),
  );
  inspector = await on("2026-12-09");
  await ok(inspector.post(`/cases/${c.id}/prior-notices/${noticeId}/statement`).type("form").send({ version: c.version(), statement: "none" }));
  return { ...c, orderId, inspector };
}

const decide = (c: Awaited<ReturnType<typeof heardCase>>) =>
  c.inspector.post(`/cases/${c.id}/orders/${c.orderId}/enforce`).type("form").send({ version: c.version(), kind: "compensation", ratePercent: "50", note: "" });

describe("a 行政处理决定书 names its party in full", () => {
  it("is refused while the 统一社会信用代码 is missing, naming it, and nothing is saved or numbered", async () => {
    const c = await heardCase();
    const refused = await decide(c);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("行政处理决定书须载明当事人的统一社会信用代码：被投诉单位的统一社会信用代码未填写，请先在“被投诉单位”栏补全");
    expect(db().prepare("select count(*) from enforcement_actions").pluck().get()).toBe(0);
    expect(db().prepare("select count(*) from decision_lines").pluck().get()).toBe(0);
    expect(db().prepare("select count(*) from document_sequences where kind = 'decision'").pluck().get()).toBe(0);
  });

  it("takes the particulars completed on the case page, refusing a wrong code with the form kept, and records the change", async () => {
    const c = await heardCase();
    const page = (await c.inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain(`action="/cases/${c.id}/employer"`);
    const wrong = await c.inspector
      .post(`/cases/${c.id}/employer`)
      .type("form")
      .send({ version: c.version(), employerUscc: "91220101MA0Y123456", employerLegalRep: "赵某", employerAddress: "长春市朝阳区某路 1 号" });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toMatch(/id="employer-particulars-employerUscc"[^>]*aria-invalid="true"/);
    expect(wrong.text).toContain('value="91220101MA0Y123456"');
    const blankRep = await c.inspector
      .post(`/cases/${c.id}/employer`)
      .type("form")
      .send({ version: c.version(), employerUscc: uscc(), employerLegalRep: "", employerAddress: "x" });
    expect(blankRep.text).toContain("请填写法定代表人（负责人）");
    expect(db().prepare("select employer_uscc from cases where id = ?").pluck().get(c.id)).toBeNull();

    await ok(
      c.inspector
        .post(`/cases/${c.id}/employer`)
        .type("form")
        .send({ version: c.version(), employerUscc: uscc().toLowerCase(), employerLegalRep: "赵某", employerAddress: "长春市朝阳区某路 1 号" }),
    );
    expect(db().prepare("select employer_uscc from cases where id = ?").pluck().get(c.id)).toBe(uscc());
    const event = db().prepare("select note from case_events where case_id = ? and action = 'completeEmployer'").pluck().get(c.id);
    expect(event).toBe(`统一社会信用代码：不详 → ${uscc()}`);
    // The complainant's public lookup says only that the employer was checked.
    expect(db().prepare("select public_step from case_events where case_id = ? and action = 'completeEmployer'").pluck().get(c.id)).toBe(
      "已核实被投诉单位信息",
    );
    await ok(decide(c));
  });

  it("refuses a clerk and another office's staff", async () => {
    const c = await heardCase();
    const clerk = await loginAs(t.app, "clerk1");
    expect(
      (
        await clerk
          .post(`/cases/${c.id}/employer`)
          .type("form")
          .send({ version: c.version(), employerUscc: uscc(), employerLegalRep: "赵某", employerAddress: "x" })
      ).status,
    ).toBe(403);
    const other = await loginAs(t.app, "inspector_ng");
    expect(
      (
        await other
          .post(`/cases/${c.id}/employer`)
          .type("form")
          .send({ version: c.version(), employerUscc: uscc(), employerLegalRep: "赵某", employerAddress: "x" })
      ).status,
    ).toBe(403);
  });
});

describe("GET /cases/:id/decisions/:actionId — the printed decision", () => {
  async function decided() {
    const c = await heardCase();
    await ok(
      c.inspector
        .post(`/cases/${c.id}/employer`)
        .type("form")
        .send({ version: c.version(), employerUscc: uscc(), employerLegalRep: "赵某", employerAddress: "长春市朝阳区某路 1 号" }),
    );
    await ok(decide(c));
    const actionId = db().prepare("select id from enforcement_actions").pluck().get() as number;
    return { ...c, actionId };
  }

  it("states every part: party, facts, evidence, rule, basis, per-worker amounts, period, consequence, remedies, office and date", async () => {
    const c = await decided();
    const doc = (await c.inspector.get(`/cases/${c.id}/decisions/${c.actionId}`)).text;
    for (const part of DECISION_PARTS) expect(doc, part).toContain(`data-part="${part}"`);
    expect(doc).toContain("长朝人社监处〔2026〕1号");
    expect(doc).toContain(`<td>${uscc()}</td>`);
    expect(doc).toContain("<td>长春市朝阳区某路 1 号</td>");
    expect(doc).toContain("<td>赵某</td>");
    expect(doc).toContain("经调查查明：经查，该单位拖欠两名农民工工资。");
    expect(doc).toContain("《劳动保障监察限期改正指令书》（长朝人社监令〔2026〕1号）及限期（2026年11月30日）届满后仍未足额支付的记录");
    expect(doc).toContain("违反了《保障农民工工资支付条例》第三条第一款");
    expect(doc).toContain("依据《劳动保障监察条例》第二十六条和《中华人民共和国劳动合同法》第八十五条的规定");
    // ¥8,500.00 at 50 % is ¥4,250.00; ¥3,333.33 at 50 % is ¥1,666.665 — the total (¥5,916.665) rounds to ¥5,916.67.
    const row = (name: string) => doc.match(new RegExp(`<td>${name}</td>((?:<td class="num">[^<]*</td>)+)`))?.[1]?.match(/¥[\d,.]+/g);
    expect(row("工人1")).toEqual(["¥8,500.00", "¥4,250.00", "¥12,750.00"]);
    expect(row("李四")).toEqual(["¥3,333.33", "¥1,666.67", "¥5,000.00"]);
    expect(doc).toMatch(/data-total>¥17,750\.00</);
    expect(db().prepare("select compensation_fen from decision_lines order by worker_id").pluck().all()).toEqual([425_000, 166_667]);
    expect(db().prepare("select amount_fen from enforcement_actions").pluck().get()).toBe(591_667);
    expect(doc).toContain("你单位应当自本决定书送达之日起十五日内履行本决定");
    expect(doc).toContain("申请人民法院强制执行");
    expect(doc).toMatch(/六十日内[^<]*长春市人民政府申请行政复议[^<]*六个月内[^<]*长春市南关区人民法院/);
    expect(doc).toContain("长春市人力资源和社会保障局（印章）");
    expect(doc).toContain("承办单位：朝阳区劳动保障监察大队");
    expect(doc).toContain("2026年12月9日");
  });

  it("writes the last day once served (a Saturday service: the 15th day is a Sunday, so Monday) and never changes the amounts for later payments", async () => {
    const c = await decided();
    const inspector = await on("2026-12-14");
    await ok(
      inspector
        .post(`/cases/${c.id}/decisions/${c.actionId}/service`)
        .type("form")
        .send({ version: c.version(), party: "employer", method: "direct", servedOn: "2026-12-12", receiver: "王经理" }),
    );
    const doc = (await inspector.get(`/cases/${c.id}/decisions/${c.actionId}`)).text;
    expect(doc).toContain("自本决定书送达之日起十五日内（本决定书于2026年12月12日送达，即于2026年12月28日（含当日）前）履行本决定");
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain('data-performance="2026-12-28"');

    await ok(
      inspector
        .post(`/cases/${c.id}/payments`)
        .type("form")
        .send({ version: c.version(), itemId: String(itemOfFirstWorker()), amount: "1000", paidOn: "2026-12-14" }),
    );
    expect(db().prepare("select count(*) from payments").pluck().get()).toBe(1);
    function itemOfFirstWorker() {
      return db().prepare("select id from settlement_items where source = 'order' and worker_id = ?").pluck().get(c.workers[0]!.id) as number;
    }
    const after = (await inspector.get(`/cases/${c.id}/decisions/${c.actionId}`)).text;
    expect(after).toMatch(/data-total>¥17,750\.00</);
  });

  it("shows 待送达 for the performance period on the case page until the decision is served", async () => {
    const c = await decided();
    const page = (await c.inspector.get(`/cases/${c.id}`)).text;
    expect(page).toMatch(/data-performance="awaitingService">履行期限：\s*<span class="status-paused">待送达<\/span>/);
  });
});

describe("drizzle/0030_decision_lines_backfill.sql", () => {
  it("gives a decision made before the lines were kept the wages owed when it was made and each worker's 加付赔偿金", async () => {
    const c = await heardCase();
    await ok(
      c.inspector
        .post(`/cases/${c.id}/employer`)
        .type("form")
        .send({ version: c.version(), employerUscc: uscc(), employerLegalRep: "赵某", employerAddress: "x" }),
    );
    await ok(decide(c));
    const lines = () => db().prepare("select worker_id, owed_fen, compensation_fen from decision_lines order by worker_id").all();
    const made = lines();
    // A payment recorded after the decision does not count; then the lines are dropped, as before the table existed.
    const item = db().prepare("select id from settlement_items where source = 'order' and worker_id = ?").pluck().get(c.workers[0]!.id);
    db()
      .prepare("insert into payments (case_id, item_id, worker_id, amount_fen, paid_on, created_at) values (?, ?, ?, 100000, '2026-12-10', unixepoch() + 60)")
      .run(c.id, item, c.workers[0]!.id);
    db().exec("delete from decision_lines");
    db().exec(readFileSync(join(projectRoot, "drizzle", "0030_decision_lines_backfill.sql"), "utf8"));
    expect(lines()).toEqual(made);
    db().exec(readFileSync(join(projectRoot, "drizzle", "0030_decision_lines_backfill.sql"), "utf8"));
    expect(lines()).toHaveLength(2);
  });
});
