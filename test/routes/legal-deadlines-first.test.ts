/**
 * Legal deadlines first (issue 21 item 1, docs/rules.md "Legal deadlines first"): the workbench ranks cases by
 * their running legal clock, never by the 8-day target; 今日提醒 has a 今日到期 group; a missed legal deadline
 * and a missed target read differently, in words, on the workbench and the case page.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeCase, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const at = (date: string) => new Date(`${date}T02:00:00Z`);
const caseRow = (id: number) => t.db.$client.prepare("select case_number, version from cases where id = ?").get(id) as { case_number: string; version: number };

async function on(date: string, username = "supervisor1"): Promise<Agent> {
  t.clock.now = at(date);
  return loginAs(t.app, username);
}

/** A case received on `receivedOn`, assigned to inspector1 and inspector2, filed that day when asked. */
async function received(receivedOn: string, filed: boolean) {
  const { id } = makeCase(t.db, { receivedOn }, { now: at(receivedOn) });
  const supervisor = await on(receivedOn);
  await supervisor
    .post(`/cases/${id}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: caseRow(id).version });
  if (filed) {
    const res = await supervisor
      .post(`/cases/${id}/moves`)
      .type("form")
      .send({ move: "file", version: String(caseRow(id).version), note: "" });
    expect(res.status).toBe(303);
  }
  return id;
}

const orderOn = (html: string) => [...html.matchAll(/<tr data-case="([^"]+)">/g)].map((m) => m[1]);

describe("GET /cases (legal deadlines first)", () => {
  it("lists a case whose acceptance ends today above a filed case long past its 8-day target", async () => {
    // Filed 2026-03-02: its target (8 working days) ran out on 2026-03-12, its 60 working days run on.
    const pastTarget = await received("2026-03-02", true);
    // Received 2026-03-09: the 5th working day is 2026-03-16, today.
    const dueToday = await received("2026-03-09", false);
    const inspector = await on("2026-03-16", "inspector1");
    const html = (await inspector.get("/cases")).text;
    expect(orderOn(html)).toEqual([caseRow(dueToday).case_number, caseRow(pastTarget).case_number]);

    const rowOf = (id: number) => new RegExp(`<tr data-case="${caseRow(id).case_number}">([\\s\\S]*?)</tr>`).exec(html)![1]!;
    expect(rowOf(dueToday)).toMatch(/data-clock="acceptance"[\s\S]*data-tone="dueToday">今日到期/);
    // The filed case: the statutory clock first, its target below it in words of its own (not 已超期 in red).
    expect(rowOf(pastTarget)).toMatch(
      /data-clock="statutory"[\s\S]*data-tone="normal"[\s\S]*data-clock="target"[\s\S]*data-tone="targetOverdue">超出8日办结目标/,
    );
    expect(rowOf(pastTarget)).not.toContain("法定期限已超期");
  });

  it("shows 今日到期 first in 今日提醒, naming the clock", async () => {
    const dueToday = await received("2026-03-09", false);
    const html = (await (await on("2026-03-16", "inspector1")).get("/cases")).text;
    const reminders = /<section class="card reminders"[\s\S]*?<\/section>/.exec(html)![0];
    expect(reminders).toMatch(
      new RegExp(
        `data-reminder="dueToday">今日到期（1）</h3>\\s*<ul><li><a href="/cases/${dueToday}">${caseRow(dueToday).case_number}</a>[^<]*<span class="muted">· 受理期限`,
      ),
    );
    expect(/<h3[^>]*>([^<（]+)/.exec(reminders)![1]).toBe("今日到期");
  });

  it("says 法定期限已超期 for a missed acceptance deadline, on the workbench and the case page alike", async () => {
    const late = await received("2026-03-02", false);
    const supervisor = await on("2026-03-10");
    const list = (await supervisor.get("/cases")).text;
    expect(list).toMatch(/data-clock="acceptance" data-status="overdue"[\s\S]*?data-tone="legalOverdue">法定期限已超期（超 1 个工作日）/);
    const page = (await supervisor.get(`/cases/${late}`)).text;
    expect(page).toMatch(/data-clock="acceptance"[^>]*data-status="overdue"[\s\S]*?data-tone="legalOverdue">法定期限已超期（超 1 个工作日）/);
  });
});
