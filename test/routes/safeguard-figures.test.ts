/**
 * The 防欠成效 figures on the statistics page, its CSV, the dashboard and the risk list (docs/rules.md §防欠成效
 * figures): an office's supervisor sees only the office's figures, whatever office the address asks for; the
 * city sees every office's row; a risk point recorded after the dashboard was kept shows on its next load.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CHECK_ITEMS, type CheckItem, type CheckResult } from "../../src/domain/special-actions.js";
import { addGroup, addRisk, createAction, recordInspection } from "../../src/models/special-actions.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { insertProject, loginAs, makeTestApp, officeIdOf, xlsxOf, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let cy: number;
let ng: number;
let action: number;
let cyInspection: number;
let cySupervisor: Agent;
let ngSupervisor: Agent;
const now = new Date("2026-11-23T02:00:00Z");
const march = "period=custom&from=2025-03-01&to=2025-03-31";
const checklist = Object.fromEntries(CHECK_ITEMS.map((k) => [k, "ok"])) as Record<CheckItem, CheckResult>;

beforeAll(async () => {
  t = await makeTestApp();
  cy = officeIdOf(t.db, "朝阳区劳动保障监察大队");
  ng = officeIdOf(t.db, "南关区劳动保障监察大队");
  const city = viewerOfUsername(t.db, "supervisor1");
  action = createAction(t.db, { name: "2025年护薪安薪专项行动", startsOn: "2025-02-01", endsOn: "2025-04-30", scope: "在建项目" }, city, now);
  const inspect = (officeId: number, projectName: string, persons: number) =>
    recordInspection(
      t.db,
      action,
      {
        groupId: addGroup(t.db, action, { name: `${projectName}检查组`, leader: "组长", officeId, members: [] }, city, now),
        projectId: insertProject(t.db, officeId, projectName, "91220104MA0Y7001"),
        employerName: "",
        employerUscc: null,
        inspectedOn: "2025-03-10",
        persons,
        checklist,
        findings: "",
      },
      city,
      now,
    );
  cyInspection = inspect(cy, "朝阳甲项目", 3);
  const ngInspection = inspect(ng, "南关丙项目", 17);
  addRisk(
    t.db,
    action,
    ngInspection,
    { description: "南关的风险点", amountFen: 100_000, workers: 2, responsible: "某建工", resolveBy: "2025-03-20" },
    city,
    now,
  );
  cySupervisor = await loginAs(t.app, "supervisor_cy");
  ngSupervisor = await loginAs(t.app, "supervisor_ng");
});

const personTimes = (html: string) => html.match(/data-figure="personTimes">(\d+)</)?.[1];

describe("the 防欠成效 figures by office", () => {
  it("show an office's supervisor only its own office, even when the address names another", async () => {
    const own = await cySupervisor.get(`/statistics?${march}`);
    expect(own.status).toBe(200);
    expect(personTimes(own.text)).toBe("3");
    expect(own.text).toContain("开展检查3人次");
    const asked = await cySupervisor.get(`/statistics?${march}&office=${ng}`);
    expect(personTimes(asked.text)).toBe("3");
    expect(asked.text).not.toContain(`data-office="${ng}"`);
    expect(personTimes((await ngSupervisor.get(`/statistics?${march}`)).text)).toBe("17");
    const csv = await cySupervisor.get(`/exports/statistics/safeguards.csv?${march}&office=${ng}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("朝阳区劳动保障监察大队");
    expect(csv.text).not.toContain("南关区劳动保障监察大队");
  });

  it("are in the statistics workbook: the summary's rows and sentence, and a sheet per office, the office's own only", async () => {
    const wb = await xlsxOf(cySupervisor, `/exports/statistics.xlsx?${march}&office=${ng}`);
    const summary = new Map<string, unknown>();
    wb.getWorksheet("概况")!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get("开展检查（人次）")).toBe(3);
    expect(summary.get("排查项目（个）")).toBe(1);
    expect(String(summary.get("通报用语"))).toContain("开展检查3人次");
    const perOffice = wb.getWorksheet("防欠成效按机构")!;
    const names: string[] = [];
    perOffice.eachRow((row, i) => {
      if (i > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toEqual(["朝阳区劳动保障监察大队", "合计"]);
  });

  it("show the city every office's row and the total, or one office when filtered", async () => {
    const city = await loginAs(t.app, "supervisor1");
    const all = await city.get(`/statistics?${march}`);
    expect(personTimes(all.text)).toBe("20");
    expect(all.text).toMatch(new RegExp(`data-table="safeguards"[\\s\\S]*data-office="${cy}"[\\s\\S]*data-office="all"`));
    expect(all.text).toMatch(new RegExp(`data-table="safeguards"[\\s\\S]*data-office="${ng}"`));
    expect(personTimes((await city.get(`/statistics?${march}&office=${ng}`)).text)).toBe("17");
  });

  it("list an office's open risk points and not another office's", async () => {
    const ngList = await ngSupervisor.get("/risks?due=overdue");
    expect(ngList.status).toBe(200);
    expect(ngList.text).toContain("南关的风险点");
    expect((await cySupervisor.get(`/risks?office=${ng}`)).text).not.toContain("南关的风险点");
  });

  it("show a risk point recorded after the dashboard was kept on the dashboard's next load, linked to the list", async () => {
    const openRisks = (html: string) => Number(html.match(/data-figure="openRisks" href="([^"]*)">(\d+)</)?.[2]);
    const first = await cySupervisor.get("/dashboard");
    const again = await cySupervisor.get("/dashboard");
    expect(again.headers["x-page-cache"]).toBe("hit");
    expect(first.text).toContain('data-figure="openRisks" href="/risks"');
    const res = await cySupervisor
      .post(`/actions/${action}/inspections/${cyInspection}/risks`)
      .type("form")
      .send({ description: "新发现的风险点", amount: "5000", workers: "3", responsible: "某建工", resolveBy: "2025-03-31" });
    expect(res.status).toBe(303);
    const next = await cySupervisor.get("/dashboard");
    expect(next.headers["x-page-cache"]).toBeUndefined();
    expect(openRisks(next.text)).toBe(openRisks(first.text) + 1);
    expect((await cySupervisor.get("/risks?due=overdue")).text).toContain("新发现的风险点");
  });
});
