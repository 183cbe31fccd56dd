/**
 * The dashboard keeps legal lateness apart from the 8-day target (issue 21 item 9, docs/rules.md "Legal
 * deadlines first"): per inspector and per office, each count a link to exactly those cases, and the cases
 * past a legal deadline listed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loginAs, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";
import { insertCase } from "../models/supervision-fixture.js";

let t: TestApp;
let supervisor: Agent;
let lead: number;
beforeAll(async () => {
  t = await makeTestApp(); // today is Monday 2026-11-23
  lead = userId(t.db, "inspector1");
  insertCase(t.db, { receivedOn: "2026-11-10", state: "filed", filedOn: "2026-11-12", lead }); // target overdue since 11-21, statutory running
  insertCase(t.db, { receivedOn: "2026-11-10", state: "received", lead }); // acceptance due 11-17: past the legal deadline (and the target)
  insertCase(t.db, { receivedOn: "2026-11-10", state: "received", lead, office: "南关区劳动保障监察大队" }); // the same, in another office
  insertCase(t.db, { receivedOn: "2026-11-20", state: "received", lead }); // running normally
  supervisor = await loginAs(t.app, "supervisor1");
});

const count = (html: string, rowAttr: string, key: string) => {
  const row = new RegExp(`<tr ${rowAttr}>([\\s\\S]*?)</tr>`).exec(html)![1]!;
  const m = new RegExp(`data-count="${key}">(?:<a[^>]*href="([^"]*)">)?(\\d+)`).exec(row)!;
  return { n: Number(m[2]), href: m[1]?.replaceAll("&amp;", "&") ?? null };
};
const listed = async (href: string) => Number(/共 (\d+) 件/.exec((await supervisor.get(href)).text)![1]);

describe("GET /dashboard (legal deadlines apart from the 8-day target)", () => {
  it("counts an inspector's cases past a legal deadline and past the target apart, each linked to exactly those cases", async () => {
    const html = (await supervisor.get("/dashboard")).text;
    const legal = count(html, `data-inspector="${lead}"`, "legalOverdue");
    const target = count(html, `data-inspector="${lead}"`, "targetOverdue");
    expect(legal.n).toBe(2);
    expect(target.n).toBe(3);
    expect(await listed(legal.href!)).toBe(2);
    expect(await listed(target.href!)).toBe(3);
    const soonOrNormal = count(html, `data-inspector="${lead}"`, "normal");
    expect(await listed(soonOrNormal.href!)).toBe(soonOrNormal.n);
  });

  it("splits them per office and lists the cases past a legal deadline", async () => {
    const html = (await supervisor.get("/dashboard")).text;
    const offices = [...html.matchAll(/<tr data-office-row="(\d+)">/g)].map((m) => m[1]!);
    expect(offices).toHaveLength(2);
    const byOffice = offices.map((id) => count(html, `data-office-row="${id}"`, "legalOverdue").n);
    expect(byOffice.sort()).toEqual([1, 1]);
    for (const id of offices) {
      const legal = count(html, `data-office-row="${id}"`, "legalOverdue");
      expect(await listed(legal.href!)).toBe(legal.n);
    }
    const late = /<section class="card" aria-labelledby="late-title" id="late-cases">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(late).toContain("法定期限已超期");
    expect([...late.matchAll(/data-late-case="([^"]+)"/g)]).toHaveLength(2);
    expect(late).toContain("受理期限（5个工作日），2026年11月17日 届满");
  });

  it("marks the target as the bureau's own target, not a legal deadline", async () => {
    const html = (await supervisor.get("/dashboard")).text;
    expect(/<tr data-clock="target">[\s\S]*?<\/tr>/.exec(html)![0]).toContain("内部目标（非法定期限）");
    expect(/<tr data-clock="target">[\s\S]*?<\/tr>/.exec(html)![0]).toContain('class="tone tone-targetOverdue"');
    expect(/<tr data-clock="acceptance">[\s\S]*?<\/tr>/.exec(html)![0]).toContain('class="tone tone-legalOverdue"');
  });
});
