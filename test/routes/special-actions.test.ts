import { beforeAll, describe, expect, it } from "vitest";
import { findUnitByName } from "../../src/models/units.js";
import { loginAs, makeCase, makeTestApp, uscc, xlsxOf, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let cy: Agent;
let actionId: number;
const one = (sql: string, ...args: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...args) as number;

const checklist = { wageAccount: "ok", realName: "fail", contractorPays: "ok", guarantee: "ok", noticeBoard: "na", paidMonthly: "fail" };

beforeAll(async () => {
  t = await makeTestApp();
  cy = await loginAs(t.app, "supervisor_cy");
  const res = await cy
    .post("/actions")
    .type("form")
    .send({ name: "朝阳区护薪安薪专项行动", startsOn: "2026-11-01", endsOn: "2026-12-31", scope: "辖区在建工程项目" });
  expect(res.status).toBe(303);
  actionId = Number(String(res.headers.location).split("/").pop());
  const zjj = findUnitByName(t.db, "市住建局")!.id;
  const cyOffice = one("select id from offices where name = '朝阳区劳动保障监察大队'");
  for (const name of ["第一检查组", "第二检查组"]) {
    const g = await cy
      .post(`/actions/${actionId}/groups`)
      .type("form")
      .send({
        name,
        leader: "李组长",
        officeId: cyOffice,
        "member.0.name": "王监察",
        "member.0.from": `office:${cyOffice}`,
        "member.1.name": "赵科员",
        "member.1.from": `unit:${zjj}`,
      });
    expect(g.status).toBe(303);
  }
  for (const name of ["朝阳一号楼", "朝阳二号楼", "朝阳三号楼"]) {
    const p = await cy
      .post("/projects")
      .type("form")
      .send({
        name,
        district: "朝阳区",
        builderName: "某置业",
        contractorName: "某建工",
        contractorUscc: uscc("91220104MA0Y5555"),
        contract: "1000000",
        startOn: "2026-03-01",
      });
    expect(p.status).toBe(303);
  }
});

describe("an action with two groups inspecting three projects", () => {
  it("refuses an inspection outside the action's period, naming the field", async () => {
    const res = await cy
      .post(`/actions/${actionId}/inspections`)
      .type("form")
      .send({
        groupId: one("select id from inspection_groups where name = '第一检查组'"),
        projectId: one("select id from projects where name = '朝阳一号楼'"),
        inspectedOn: "2027-01-05",
        persons: "3",
        ...checklist,
      });
    expect(res.status).toBe(422);
    expect(res.text).toContain("检查日期应在行动期间");
  });

  it("counts groups, 人次, projects, cleared risks and money paid in the sentence, from the records", async () => {
    const groups = [one("select id from inspection_groups where name = '第一检查组'"), one("select id from inspection_groups where name = '第二检查组'")];
    const visits: [number, string, string][] = [
      [groups[0]!, "朝阳一号楼", "3"],
      [groups[0]!, "朝阳二号楼", "3"],
      [groups[1]!, "朝阳三号楼", "2"],
      [groups[1]!, "朝阳一号楼", "2"],
    ];
    for (const [groupId, project, persons] of visits) {
      const res = await cy
        .post(`/actions/${actionId}/inspections`)
        .type("form")
        .send({
          groupId,
          projectId: one("select id from projects where name = ?", project),
          inspectedOn: "2026-11-20",
          persons,
          findings: "未按月足额支付",
          ...checklist,
        });
      expect(res.status).toBe(303);
    }
    const [first, second] = t.db.$client.prepare("select id from inspections where action_id = ? order by id").pluck().all(actionId) as number[];
    for (const [inspectionId, description] of [
      [first, "拖欠钢筋班组工资"],
      [second, "拖欠木工班组工资"],
    ] as const) {
      const res = await cy
        .post(`/actions/${actionId}/inspections/${inspectionId}/risks`)
        .type("form")
        .send({ description, amount: "120000", workers: "12", responsible: "某建工", resolveBy: "2026-12-04" });
      expect(res.status).toBe(303);
    }
    const paid = one("select id from risk_points where description = '拖欠钢筋班组工资'");
    const filed = one("select id from risk_points where description = '拖欠木工班组工资'");

    const early = await cy.post(`/actions/${actionId}/risks/${paid}/resolve`).type("form").send({});
    expect(early.status).toBe(422);
    expect(early.text).toContain("化解风险点须先登记支付记录");
    expect(one("select status = 'open' from risk_points where id = ?", paid)).toBe(1);

    await cy
      .post(`/actions/${actionId}/risks/${paid}/payments`)
      .type("form")
      .send({ paidOn: "2026-11-25", amount: "123400", workers: "12", proof: "银行回单" });
    expect((await cy.post(`/actions/${actionId}/risks/${paid}/resolve`).type("form").send({})).status).toBe(303);

    const missing = await cy.post(`/actions/${actionId}/risks/${filed}/file`).type("form").send({ caseNumber: "QX-2026-999999" });
    expect(missing.status).toBe(422);
    const c = makeCase(t.db, { district: "朝阳区", projectName: "朝阳二号楼" });
    expect((await cy.post(`/actions/${actionId}/risks/${filed}/file`).type("form").send({ caseNumber: c.caseNumber })).status).toBe(303);
    expect(one("select case_id from risk_points where id = ?", filed)).toBe(c.id);

    const page = await cy.get(`/actions/${actionId}`);
    expect(page.text).toContain("成立检查组2个，开展检查10人次，排查项目3个，清理风险点2个，为12名农民工保障支付工资12.34万元");
  });

  it("exports the action as XLSX", async () => {
    const wb = await xlsxOf(cy, `/exports/actions/${actionId}.xlsx`);
    const sheet = wb.getWorksheet("行动成效")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const city = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    const cell = (header: string) => city[headers.indexOf(header)];
    // Found 2, cleared 2: one 化解 by payment, one 立案.
    expect([cell("机构"), cell("发现风险点（个）"), cell("清理风险点（个）"), cell("其中化解"), cell("其中立案")]).toEqual(["全市", 2, 2, 1, 1]);
  });
});

describe("office scoping", () => {
  it("keeps an office's action from another office, and lets the city see it", async () => {
    const [ng, city] = await Promise.all([loginAs(t.app, "supervisor_ng"), loginAs(t.app, "supervisor1")]);
    expect((await ng.get(`/actions/${actionId}`)).status).toBe(403);
    expect((await ng.get("/actions")).text).not.toContain("朝阳区护薪安薪专项行动");
    expect((await city.get(`/actions/${actionId}`)).status).toBe(200);
    const risk = one("select id from risk_points where action_id = ? limit 1", actionId);
    expect((await ng.post(`/actions/${actionId}/risks/${risk}/payments`).type("form").send({})).status).toBe(403);
  });

  it("shows a city action to every office, which adds only its own groups", async () => {
    const city = await loginAs(t.app, "supervisor1");
    const res = await city.post("/actions").type("form").send({ name: "全市冬季专项行动", startsOn: "2026-12-01", endsOn: "2027-02-10", scope: "全市" });
    const cityAction = Number(String(res.headers.location).split("/").pop());
    const ng = await loginAs(t.app, "supervisor_ng");
    expect((await ng.get(`/actions/${cityAction}`)).status).toBe(200);
    const cyOffice = one("select id from offices where name = '朝阳区劳动保障监察大队'");
    const refused = await ng
      .post(`/actions/${cityAction}/groups`)
      .type("form")
      .send({ name: "越权组", leader: "某", officeId: cyOffice, "member.0.name": "某", "member.0.from": `office:${cyOffice}` });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("只能为本机构组建检查组");
  });
});

describe("the action's inspections, paged (docs/rules.md §Special actions)", () => {
  it("lists 50 at a time, the earliest first, with the whole action's sentence on every page; htmx gets the list alone", async () => {
    const res = await cy.post("/actions").type("form").send({ name: "朝阳区冬季专项行动", startsOn: "2026-11-01", endsOn: "2026-12-31", scope: "辖区全部" });
    const action = Number(String(res.headers.location).split("/").pop());
    const cyOffice = one("select id from offices where name = '朝阳区劳动保障监察大队'");
    await cy
      .post(`/actions/${action}/groups`)
      .type("form")
      .send({ name: "冬季检查组", leader: "李组长", officeId: cyOffice, "member.0.name": "王监察", "member.0.from": `office:${cyOffice}` });
    const group = one("select id from inspection_groups where action_id = ?", action);
    const insert = t.db.$client.prepare(
      `insert into inspections (action_id, group_id, employer_name, inspected_on, persons, wage_account, real_name, contractor_pays, guarantee, notice_board, paid_monthly)
       values (?, ?, ?, ?, 2, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')`,
    );
    // Recorded latest day first: the page must still list the earliest day first.
    for (let i = 55; i >= 1; i--) insert.run(action, group, `某单位${i}`, `2026-11-${String(Math.ceil(i / 2)).padStart(2, "0")}`);
    const rows = (html: string) => [...html.matchAll(/data-inspection="(\d+)"/g)].map((m) => Number(m[1]));
    const sentence = (html: string) => /开展检查(\d+)人次/.exec(html)?.[1];

    const first = await cy.get(`/actions/${action}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain("检查记录（55）");
    const byDay = t.db.$client.prepare("select id from inspections where action_id = ? order by inspected_on, id").pluck().all(action) as number[];
    expect(rows(first.text)).toEqual(byDay.slice(0, 50));
    expect(first.text).toContain("第 1 / 2 页");
    expect(first.text).toContain(`href="/actions/${action}?page=2#inspections"`);
    expect(sentence(first.text)).toBe("110");

    const second = await cy.get(`/actions/${action}?page=2`);
    expect(rows(second.text)).toEqual(byDay.slice(50));
    expect(sentence(second.text)).toBe("110");

    const partial = await cy.get(`/actions/${action}?page=2`).set("HX-Request", "true");
    expect(partial.text).not.toContain("<html");
    expect(rows(partial.text)).toEqual(rows(second.text));
  });
});
