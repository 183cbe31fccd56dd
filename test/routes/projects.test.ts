import { beforeAll, describe, expect, it } from "vitest";
import { issueOrder } from "../../src/models/settlements.js";
import { loginAs, makeCase, makeTestApp, userId, uscc, workedCase, type TestApp } from "../helpers.js";

const CONTRACTOR = uscc("91220104MA0Y7777");

function projectFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "朝阳幸福里二期",
    district: "朝阳区",
    address: "朝阳区幸福路 9 号",
    builderName: "长春幸福置业有限公司",
    builderUscc: uscc("91220104MA0Y1111"),
    contractorName: "吉林某建工集团有限公司",
    contractorUscc: CONTRACTOR,
    subcontractors: `长春某劳务有限公司 ${uscc("91220104MA0Y2222")}`,
    contract: "12,000,000",
    startOn: "2026-03-01",
    endOn: "2027-06-30",
    wageAccountBank: "",
    wageAccountOpenedOn: "",
    guaranteeForm: "bankGuarantee",
    guarantee: "300000",
    guarantor: "中国建设银行长春朝阳支行",
    guaranteeFrom: "2026-02-20",
    guaranteeUntil: "2027-07-31",
    realName: "on",
    ...overrides,
  };
}

let t: TestApp;
let projectId: number;

beforeAll(async () => {
  t = await makeTestApp();
  const cy = await loginAs(t.app, "inspector_cy");
  const res = await cy.post("/projects").type("form").send(projectFields());
  expect(res.status).toBe(303);
  projectId = Number(String(res.headers.location).split("/").pop());
});

describe("POST /projects", () => {
  it("records the project in the office of its division, with the missing safeguards counted", () => {
    const row = t.db.$client
      .prepare("select o.name office, p.missing_count, p.contract_fen from projects p join offices o on o.id = p.office_id where p.id = ?")
      .get(projectId);
    // No wage account, no 代发, no notice board.
    expect(row).toEqual({ office: "朝阳区劳动保障监察大队", missing_count: 3, contract_fen: 1_200_000_000 });
  });

  it("refuses an invalid 总包 code and a guarantee shorter than the contract, naming the fields and keeping the input", async () => {
    const cy = await loginAs(t.app, "inspector_cy");
    const bad = `${CONTRACTOR.slice(0, 17)}${CONTRACTOR[17] === "1" ? "2" : "1"}`;
    const res = await cy
      .post("/projects")
      .type("form")
      .send(projectFields({ name: "错误项目", contractorUscc: bad, guaranteeUntil: "2027-03-01" }));
    expect(res.status).toBe(422);
    expect(res.text).toContain("总包统一社会信用代码校验位不符");
    expect(res.text).toContain("保函有效期不得短于合同期");
    expect(res.text).toContain('value="错误项目"');
    expect(t.db.$client.prepare("select count(*) from projects where name = '错误项目'").pluck().get()).toBe(0);
  });

  it("refuses a division of another office (属地管理)", async () => {
    const ng = await loginAs(t.app, "inspector_ng");
    const res = await ng
      .post("/projects")
      .type("form")
      .send(projectFields({ name: "越权项目" }));
    expect(res.status).toBe(422);
    expect(t.db.$client.prepare("select count(*) from projects where name = '越权项目'").pluck().get()).toBe(0);
  });
});

describe("office scoping", () => {
  it("lists the project to its office and the city, not to another office", async () => {
    const [cy, city, ng] = await Promise.all([loginAs(t.app, "supervisor_cy"), loginAs(t.app, "supervisor1"), loginAs(t.app, "supervisor_ng")]);
    expect((await cy.get("/projects")).text).toContain("朝阳幸福里二期");
    expect((await city.get("/projects")).text).toContain("朝阳幸福里二期");
    expect((await ng.get("/projects")).text).not.toContain("朝阳幸福里二期");
    expect((await ng.get(`/projects/${projectId}`)).status).toBe(403);
    expect((await cy.get(`/projects/${projectId}`)).status).toBe(200);
  });

  it("puts the projects missing safeguards first", async () => {
    const cy = await loginAs(t.app, "inspector_cy");
    await cy
      .post("/projects")
      .type("form")
      .send(projectFields({ name: "朝阳齐全项目", wageAccountBank: "工商银行", wageAccountOpenedOn: "2026-03-01", contractorPays: "on", noticeBoard: "on" }));
    const text = (await cy.get("/projects")).text;
    expect(text.indexOf("朝阳幸福里二期")).toBeLessThan(text.indexOf("朝阳齐全项目"));
    expect((await cy.get("/projects?missing=1")).text).not.toContain("朝阳齐全项目");
  });
});

describe("the list, paged (docs/rules.md §Construction projects and the 工资保证金)", () => {
  it("lists 50 at a time, most missing first then by name, keeps the filters in the page links; htmx gets the list alone", async () => {
    const ng = await loginAs(t.app, "supervisor_ng");
    const office = t.db.$client.prepare("select id from offices where name = '南关区劳动保障监察大队'").pluck().get() as number;
    const division = t.db.$client.prepare("select id from divisions where office_id = ? limit 1").pluck().get(office) as number;
    const insert = t.db.$client.prepare(
      `insert into projects (office_id, division_id, name, builder_name, contractor_name, contractor_uscc, contract_fen, start_on, missing_count)
       values (?, ?, ?, '某建设单位', '某总包', ?, 100000000, '2026-03-01', ?)`,
    );
    // 60 projects: every third lacks all five safeguards, the rest lack one; inserted in no useful order.
    for (let i = 60; i >= 1; i--) insert.run(office, division, `南关分页项目${String(i).padStart(2, "0")}`, CONTRACTOR, i % 3 === 0 ? 5 : 1);
    const expected = t.db.$client.prepare("select id from projects where office_id = ? order by missing_count desc, name").pluck().all(office) as number[];
    const rows = (html: string) => [...html.matchAll(/data-project="(\d+)"/g)].map((m) => Number(m[1]));

    const first = await ng.get("/projects");
    expect(first.status).toBe(200);
    expect(rows(first.text)).toEqual(expected.slice(0, 50));
    expect(first.text).toContain("共 60 个项目");
    expect(first.text).toContain('href="/projects?page=2"');

    const second = await ng.get("/projects?page=2");
    expect(rows(second.text)).toEqual(expected.slice(50));

    const filtered = await ng.get("/projects?q=%E5%8D%97%E5%85%B3%E5%88%86%E9%A1%B5&missing=1");
    expect(rows(filtered.text)).toEqual(expected.slice(0, 50));
    expect(filtered.text).toContain("q=%E5%8D%97%E5%85%B3%E5%88%86%E9%A1%B5&amp;missing=1&amp;page=2");

    const partial = await ng.get("/projects?page=2").set("HX-Request", "true");
    expect(partial.text).not.toContain("<html");
    expect(rows(partial.text)).toEqual(expected.slice(50));
  });
});

describe("POST /projects/import", () => {
  const header = "项目名称,所在区县,建设单位,施工总承包单位,总包统一社会信用代码,合同金额（元）,开工日期,实名制,告示牌\n";
  it("imports nothing from a file with a bad row, and names the row and its field", async () => {
    const cy = await loginAs(t.app, "inspector_cy");
    const csv = `${header}导入一号,朝阳区,甲置业,乙建工,${CONTRACTOR},5000000,2026-04-01,是,否\n导入二号,朝阳区,甲置业,乙建工,123,5000000,2026-04-01,是,否\n`;
    const res = await cy.post("/projects/import").attach("projects", Buffer.from(csv), "平台导出.csv");
    expect(res.status).toBe(422);
    expect(res.text).toContain("有 1 行有误，未导入任何项目");
    expect(res.text).toMatch(/第 3 行：总包统一社会信用代码：总包统一社会信用代码应为 18 位/);
    expect(t.db.$client.prepare("select count(*) from projects where name like '导入%'").pluck().get()).toBe(0);
  });

  it("imports every row of a good file", async () => {
    const cy = await loginAs(t.app, "inspector_cy");
    const csv = `${header}导入一号,朝阳区,甲置业,乙建工,${CONTRACTOR},5000000,2026-04-01,是,否\n导入二号,朝阳区,甲置业,乙建工,${CONTRACTOR},800000,2026-05-01,否,是\n`;
    const res = await cy.post("/projects/import").attach("projects", Buffer.from(csv), "平台导出.csv");
    expect(res.status).toBe(200);
    expect(res.text).toContain("已导入 2 个项目");
    expect(t.db.$client.prepare("select count(*) from projects where name like '导入%'").pluck().get()).toBe(2);
  });

  it("refuses a row in another office's division, and a row already registered", async () => {
    const cy = await loginAs(t.app, "inspector_cy");
    const csv = `${header}导入三号,南关区,甲置业,乙建工,${CONTRACTOR},5000000,2026-04-01,是,否\n导入一号,朝阳区,甲置业,乙建工,${CONTRACTOR},5000000,2026-04-01,是,否\n`;
    const res = await cy.post("/projects/import").attach("projects", Buffer.from(csv), "平台导出.csv");
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/第 2 行：.*南关区/);
    expect(res.text).toMatch(/第 3 行：本机构已登记/);
    expect(t.db.$client.prepare("select count(*) from projects where name = '导入三号'").pluck().get()).toBe(0);
  });
});

describe("a construction case names its project", () => {
  it("links at intake by the project's name, and the project page and the employer page show it", async () => {
    const { id } = makeCase(t.db, { projectName: "朝阳幸福里二期", district: "朝阳区" });
    expect(t.db.$client.prepare("select project_id from project_cases where case_id = ?").pluck().get(id)).toBe(projectId);
    const cy = await loginAs(t.app, "supervisor_cy");
    expect((await cy.get(`/projects/${projectId}`)).text).toContain(`href="/cases/${id}"`);
    expect((await cy.get(`/employers/record?uscc=${CONTRACTOR}`)).text).toContain(`href="/projects/${projectId}"`);
    // 属地管理: another office's employer record lists none of 朝阳区's projects.
    const ng = await loginAs(t.app, "supervisor_ng");
    expect((await ng.get(`/employers/record?uscc=${CONTRACTOR}`)).text).not.toContain(`href="/projects/${projectId}"`);
  });

  it("links by the 总包's code typed in the 总包 field", () => {
    const { id } = makeCase(t.db, { projectName: "别的写法", generalContractor: CONTRACTOR, district: "朝阳区" });
    // Three projects share the code; none is named 别的写法, so the link is left to be made by hand.
    expect(t.db.$client.prepare("select project_id from project_cases where case_id = ?").pluck().get(id)).toBeUndefined();
  });
});

describe("动用工资保证金", () => {
  it("uses the guarantee after an unperformed order, starts the 10-working-day top-up clock, and refuses more than the balance", async () => {
    const c = await workedCase(t, { to: "filed", overrides: { projectName: "朝阳幸福里二期", district: "朝阳区" } });
    const caseId = c.id;
    issueOrder(t.db, {
      caseId,
      version: c.version(),
      payBy: "2026-11-30",
      facts: "拖欠工资",
      amounts: [{ workerId: c.workers[0]!.id, amountFen: 850000 }],
      numberPrefix: "测试令",
      actor: { id: userId(t.db, "supervisor1"), role: "supervisor", unitId: null, officeId: 1, cityWide: true },
      now: new Date("2026-11-23T02:00:00Z"),
    });
    const orderId = t.db.$client.prepare("select id from payment_orders where case_id = ?").pluck().get(caseId) as number;
    const cy = await loginAs(t.app, "supervisor_cy");
    const early = await cy
      .post(`/projects/${projectId}/guarantee-uses`)
      .type("form")
      .send({ orderId, usedOn: "2026-11-30", amount: "8500", payer: "建设银行", workersPaid: "1" });
    expect(early.status).toBe(422);
    expect(early.text).toContain("届满后仍未履行");
    const tooMuch = await cy
      .post(`/projects/${projectId}/guarantee-uses`)
      .type("form")
      .send({ orderId, usedOn: "2026-12-01", amount: "400000", payer: "建设银行", workersPaid: "1" });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.text).toContain("动用金额超过保证金余额");
    const ok = await cy
      .post(`/projects/${projectId}/guarantee-uses`)
      .type("form")
      .send({ orderId, usedOn: "2026-12-01", amount: "8500", payer: "建设银行", workersPaid: "1" });
    expect(ok.status).toBe(303);
    const use = t.db.$client.prepare("select id, top_up_due_on from guarantee_uses where project_id = ?").get(projectId) as {
      id: number;
      top_up_due_on: string;
    };
    expect(use.top_up_due_on).toBe("2026-12-15");
    const page = await cy.get(`/projects/${projectId}`);
    expect(page.text).toContain("¥291,500.00");
    const topUp = await cy.post(`/projects/${projectId}/guarantee-uses/${use.id}/top-up`).type("form").send({ toppedUpOn: "2026-12-10", amount: "8500" });
    expect(topUp.status).toBe(303);
    expect((await cy.get(`/projects/${projectId}`)).text).toContain("¥300,000.00");
  });
});
