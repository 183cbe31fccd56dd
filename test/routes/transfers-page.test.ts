/**
 * The supervisors' transfers page (`/transfers`, docs/rules.md §The transfers page): incoming cases waiting for the office's
 * 签收, outgoing ones waiting for the other office's, and transfers to other departments waiting for a 签收 or a reply — each
 * with its clock, late ones marked as on the dashboard; an office sees its own, the city every office with a filter; paged;
 * read through partial indexes.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { transferCase } from "../../src/models/jurisdiction.js";
import { departmentTransfersWaiting, incomingTransfers, outgoingTransfers, TRANSFERS_PAGE_SIZE } from "../../src/models/transfer-lists.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { loginAs, makeCase, makeTestApp, officeIdOf, type TestApp, userId, workedCase } from "../helpers.js";
import { BIG_TABLES, plansOf } from "../models/plans.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
});

const q = (sql: string, ...args: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...args);
const officeId = (name: string) => officeIdOf(t.db, name);
const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

/** A case registered at 南关 and transferred by its supervisor to 朝阳 on `now`. */
function transferredToChaoyang(employerName: string, now = t.clock.now) {
  const c = makeCase(t.db, { district: "南关区", employerName }, { actorId: userId(t.db, "clerk_ng"), now });
  transferCase(t.db, {
    caseId: c.id,
    version: q("select version from cases where id = ?", c.id) as number,
    actor: viewerOfUsername(t.db, "supervisor_ng"),
    now,
    toOfficeId: officeId(CHAOYANG),
    reason: "工地位于朝阳区",
    acknowledgeDays: 1,
    numberPrefix: "长人社监移函",
  });
  return c;
}

const rowOf = (html: string, table: string, caseNumber: string) =>
  new RegExp(`data-table="${table}"[\\s\\S]*?<tr data-case="${caseNumber}" data-clock-status="(\\w+)"`).exec(html)?.[1] ?? null;

describe("the transfers page", () => {
  it("shows each office its incoming and outgoing transfers and its department transfers, with their clocks; the city sees all, filtered by office", async () => {
    const moved = transferredToChaoyang("长春某劳务有限公司");
    const own = await workedCase(t); // at 朝阳
    const inspector = await loginAs(t.app, "inspector1");
    await inspector
      .post(`/cases/${own.id}/department-transfers`)
      .type("form")
      .send({
        version: String(own.version()),
        unitId: String(q("select id from member_units where name = '市住建局'")),
        sentOn: "2026-11-23",
        matter: "请核查总包单位专用账户。",
        materials: "投诉登记表",
        replyDueOn: "",
      });
    const transferId = q("select id from department_transfers where case_id = ?", own.id);
    // Three working days on: the 签收 (due the next working day) is late.
    t.clock.now = new Date("2026-11-26T02:00:00Z");

    const chaoyang = await loginAs(t.app, "supervisor_cy");
    const cy = await chaoyang.get("/transfers");
    expect(cy.status).toBe(200);
    expect(rowOf(cy.text, "incoming", moved.caseNumber)).toBe("overdue");
    expect(cy.text).toMatch(/data-table="incoming"[\s\S]*南关区劳动保障监察大队[\s\S]*已超期/);
    expect(cy.text).toContain(`href="/cases/${moved.id}/office-transfers/`);
    expect(cy.text).toContain("移出待对方签收（0 件）");
    expect(cy.text).toMatch(new RegExp(`data-table="departments"[\\s\\S]*data-transfer="${transferId}" data-stage="receipt" data-clock-status="normal"`));
    expect(cy.text).toContain("长朝人社监移〔2026〕1号");
    // An office's page has no office column or filter.
    expect(cy.text).not.toContain('name="office"');

    const nanguan = await loginAs(t.app, "supervisor_ng");
    const ng = await nanguan.get("/transfers");
    expect(rowOf(ng.text, "outgoing", moved.caseNumber)).toBe("overdue");
    expect(ng.text).toContain("移入待本机构签收（0 件）");
    expect(ng.text).not.toContain(q("select case_number from cases where id = ?", own.id) as string);
    expect(ng.text).toContain("移送其他部门：待签收、待答复（0 件）");

    const city = await loginAs(t.app, "supervisor1");
    const all = await city.get("/transfers");
    expect(rowOf(all.text, "incoming", moved.caseNumber)).toBe("overdue");
    expect(rowOf(all.text, "outgoing", moved.caseNumber)).toBe("overdue");
    expect(all.text).toContain(`data-transfer="${transferId}"`);
    expect(all.text).toContain('name="office"');
    const filtered = await city.get(`/transfers?office=${officeId(NANGUAN)}`);
    expect(rowOf(filtered.text, "outgoing", moved.caseNumber)).toBe("overdue");
    expect(rowOf(filtered.text, "incoming", moved.caseNumber)).toBeNull();
    expect(filtered.text).not.toContain(`data-transfer="${transferId}"`);

    // Once 朝阳 signs for it, it leaves both lists.
    await chaoyang
      .post(`/cases/${moved.id}/acknowledge`)
      .type("form")
      .send({ version: q("select version from cases where id = ?", moved.id) });
    expect((await chaoyang.get("/transfers")).text).not.toContain(moved.caseNumber);
    expect((await nanguan.get("/transfers")).text).not.toContain(moved.caseNumber);

    // In the navigation for supervisors only; other staff are refused.
    expect(cy.text).toContain('href="/transfers"');
    const staff = await loginAs(t.app, "inspector_cy");
    expect((await staff.get("/cases")).text).not.toContain('href="/transfers"');
    expect((await staff.get("/transfers")).status).toBe(403);
  });

  it("pages each list on its own, keeping the office filter and the other lists' pages", async () => {
    for (let n = 0; n <= TRANSFERS_PAGE_SIZE; n++) transferredToChaoyang(`长春第${n}劳务有限公司`);
    const city = await loginAs(t.app, "supervisor1");
    const first = await city.get(`/transfers?office=${officeId(CHAOYANG)}&outgoing=1`);
    expect(first.text).toContain(`移入待本机构签收（${TRANSFERS_PAGE_SIZE + 1} 件）`);
    expect(first.text.match(/<tr data-case=/g)).toHaveLength(TRANSFERS_PAGE_SIZE);
    expect(first.text).toContain(`href="/transfers?office=${officeId(CHAOYANG)}&amp;incoming=2#incoming"`);
    const second = await city.get(`/transfers?office=${officeId(CHAOYANG)}&incoming=2`);
    expect(second.text.match(/<tr data-case=/g)).toHaveLength(1);
    expect(second.text).toContain("第 2 / 2 页");
    // A page past the end is empty, not an error; nonsense is page 1.
    expect((await city.get("/transfers?incoming=99")).status).toBe(200);
    expect((await city.get("/transfers?incoming=abc")).text).toContain("第 1 / 2 页");
  });

  it("reads the cases waiting for a 签收 through the partial index of unacknowledged cases, and each case's latest move by its key", async () => {
    transferredToChaoyang("长春某劳务有限公司");
    const today = "2026-11-23";
    const plans = plansOf(t, () => {
      expect(incomingTransfers(t.db, today, [officeId(CHAOYANG)], 1).total).toBe(1);
      expect(outgoingTransfers(t.db, today, [officeId(NANGUAN)], 1).total).toBe(1);
      expect(departmentTransfersWaiting(t.db, today, [officeId(CHAOYANG)], 1).total).toBe(0);
    });
    const listed = plans.filter((p) => /case_office_moves|department_transfers/.test(p.sql));
    expect(listed.length).toBeGreaterThanOrEqual(6);
    for (const { sql, plan } of listed) {
      const text = plan.join("\n");
      expect(text, sql).not.toMatch(BIG_TABLES);
      expect(text, sql).not.toMatch(/SCAN (c|m|case_office_moves|department_transfers|t)\b(?! USING)/);
      if (sql.includes("cases c")) expect(text, sql).toMatch(/cases_office_unacknowledged_idx/);
    }
  });
});
