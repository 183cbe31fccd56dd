/**
 * The public lookup lists every public step of the case with its date (issue 21 item 2, docs/rules.md "The steps
 * on the public lookup"): the worker sees what happened and when, never a name, a phone or an internal note.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { browser, loginAs, makeCase, makeTestApp, userId, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
});

const lookup = (caseNumber: string, queryCode: string) => browser(t.app).post("/query").type("form").send({ caseNumber, queryCode });
const version = (id: number) => t.db.$client.prepare("select version from cases where id = ?").pluck().get(id) as number;
/** The steps as the page lists them: "date words", oldest first. */
const stepsOf = (html: string) =>
  [...html.matchAll(/<li data-step><time datetime="([\d-]+)">([^<]*)<\/time>\s*([^<]*)<\/li>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]!.trim()}`);

describe("the steps on the public lookup", () => {
  it("lists each public step with its date, oldest first, and none of the staff's names, notes or the people reached", async () => {
    const worker = workerInput(1, { name: "独特姓名甲" });
    const { id, caseNumber, queryCode } = makeCase(t.db, { workers: [worker] });
    // Each day a fresh sign-in (a session lapses overnight).
    t.clock.now = new Date("2026-11-24T02:00:00Z");
    let supervisor = await loginAs(t.app, "supervisor1");
    const assigned = await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(t.db, "inspector1"), version: version(id) });
    expect(assigned.status).toBe(303);
    t.clock.now = new Date("2026-11-25T02:00:00Z");
    supervisor = await loginAs(t.app, "supervisor1");
    const filed = await supervisor
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "file", version: version(id), note: "内部备注：老板电话 13912345678" });
    expect(filed.status).toBe(303);
    t.clock.now = new Date("2026-11-26T02:00:00Z");
    const inspector = await loginAs(t.app, "inspector1");
    const call = await inspector
      .post(`/cases/${id}/phone-contacts`)
      .type("form")
      .send({ version: String(version(id)), contactedOn: "2026-11-26", personReached: "项目经理 独特周某", summary: "答应周五前付清。" });
    expect(call.status).toBe(303);

    const res = await lookup(caseNumber, queryCode);
    expect(res.status).toBe(200);
    expect(stepsOf(res.text)).toEqual([
      "2026-11-23 2026年11月23日 已收到投诉",
      "2026-11-24 2026年11月24日 已指定监察员承办",
      "2026-11-25 2026年11月25日 已受理立案",
      "2026-11-26 2026年11月26日 监察员已电话联系用人单位",
    ]);
    const staff = t.db.$client.prepare("select display_name from users where username in ('inspector1', 'supervisor1', 'clerk1')").pluck().all() as string[];
    for (const secret of [...staff, worker.name, worker.idNumber, worker.phone, "独特周某", "答应周五前付清", "13912345678", "内部备注"])
      expect(res.text).not.toContain(secret);
  });

  it("shows a case just registered with its one step, and after closing the closing step last", async () => {
    const { id, caseNumber, queryCode } = makeCase(t.db);
    expect(stepsOf((await lookup(caseNumber, queryCode)).text)).toEqual(["2026-11-23 2026年11月23日 已收到投诉"]);
    const supervisor = await loginAs(t.app, "supervisor1");
    const withdrawn = await supervisor
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "withdraw", outcome: "withdrawn", version: version(id), note: "投诉人电话撤回" });
    expect(withdrawn.status).toBe(303);
    const steps = stepsOf((await lookup(caseNumber, queryCode)).text);
    expect(steps.at(-1)).toBe("2026-11-23 2026年11月23日 投诉人已撤回投诉");
    expect(steps).toHaveLength(2);
  });
});

describe("the public lookup after closing (docs/rules.md §The public lookup after closing)", () => {
  const sentences = (html: string) => ({
    happened: /<p data-happened>([^<]*)<\/p>/.exec(html)?.[1],
    next: /<p data-next>([^<]*)<\/p>/.exec(html)?.[1],
  });

  it("says in plain words what happened and what the worker can do next, only once the case is closed", async () => {
    const { id, caseNumber, queryCode } = makeCase(t.db);
    expect(sentences((await lookup(caseNumber, queryCode)).text)).toEqual({ happened: undefined, next: undefined });
    const supervisor = await loginAs(t.app, "supervisor1");
    await supervisor
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "withdraw", outcome: "withdrawn", version: version(id), note: "投诉人电话撤回" });
    const closed = sentences((await lookup(caseNumber, queryCode)).text);
    expect(closed.happened).toBe("您已撤回投诉，本案办结。");
    expect(closed.next).toContain("可以再次投诉");
    expect(closed.next).toContain("劳动人事争议仲裁委员会申请仲裁");
  });

  it("tells a police referral apart from a plain 已办结", async () => {
    const { id, caseNumber, queryCode } = makeCase(t.db);
    t.db.$client.prepare("update cases set state = 'closed', outcome = 'referredToPolice', closed_on = '2026-11-23' where id = ?").run(id);
    const res = (await lookup(caseNumber, queryCode)).text;
    expect(sentences(res).happened).toContain("移送公安机关");
    expect(sentences(res).next).toContain("向该公安机关了解办理进展");
  });
});
