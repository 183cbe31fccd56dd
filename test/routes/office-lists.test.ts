/**
 * The lists that predate offices answer with the viewer's office in mind (docs/rules.md §Offices and
 * jurisdiction, "Scope of the lists"): one employer with a case, an order and a blacklist proceeding in 朝阳
 * and in 南关; each office's staff see their own office's rows only, the city's see both.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { endProceeding } from "../../src/models/blacklist.js";
import { recordPersonalDataView } from "../../src/models/personal-data-views.js";
import { addEntry, createBatch } from "../../src/models/violations.js";
import { loginAs, makeTestApp, orderAfterFailedMediation, proposeOnIncident, userId, uscc, workedCase, type Agent, type TestApp } from "../helpers.js";

const EMPLOYER_USCC = uscc();
const now = new Date("2026-11-23T02:00:00Z");
let city: { id: number; role: "supervisor"; unitId: null; officeId: number; cityWide: true };

let t: TestApp;
const on = {} as Record<"cy" | "ng", { caseId: number; caseNumber: string; proceedingId: number; entryId: number }>;
let batchId: number;
let agents: Record<"city" | "cy" | "ng" | "ngInspector", Agent>;

/** A case of the employer in the district's office, with an order left unpaid and a blacklist proposal on it. */
async function caseWithProceeding(district: string) {
  const c = await workedCase(t, { to: "mediating", overrides: { district, employerUscc: EMPLOYER_USCC } });
  const orderId = orderAfterFailedMediation(t, c, city, now);
  const proceedingId = proposeOnIncident(t, c.id, orderId, city);
  const caseNumber = t.db.$client.prepare("select case_number from cases where id = ?").pluck().get(c.id) as string;
  return { caseId: c.id, caseNumber, proceedingId };
}

const batchVersion = () => t.db.$client.prepare("select version from violation_batches where id = ?").pluck().get(batchId) as number;

beforeAll(async () => {
  t = await makeTestApp();
  city = { id: userId(t.db, "supervisor1"), role: "supervisor", unitId: null, officeId: 1, cityWide: true };
  const cy = await caseWithProceeding("朝阳区");
  // One open proceeding per employer in the whole city: 朝阳's ends (不予提请) before 南关 proposes.
  endProceeding(t.db, { id: cy.proceedingId, version: 1, actor: city, now: new Date("2026-12-07T02:00:00Z"), reason: "证据不足" });
  const ng = await caseWithProceeding("南关区");
  batchId = createBatch(t.db, { kind: "adhoc", title: "两个机构", quarterKey: "", actor: city, now });
  for (const c of [cy, ng]) addEntry(t.db, { batchId, version: batchVersion(), caseId: c.caseId, actor: city, now });
  const entryOf = (caseId: number) => t.db.$client.prepare("select id from violation_entries where case_id = ?").pluck().get(caseId) as number;
  on.cy = { ...cy, entryId: entryOf(cy.caseId) };
  on.ng = { ...ng, entryId: entryOf(ng.caseId) };
  agents = {
    city: await loginAs(t.app, "supervisor1"),
    cy: await loginAs(t.app, "supervisor_cy"),
    ng: await loginAs(t.app, "supervisor_ng"),
    ngInspector: await loginAs(t.app, "inspector_ng"),
  };
});

describe("GET /employers/record and /employers", () => {
  it("shows an office only its own cases, orders and proceedings of an employer the city sees in both offices", async () => {
    const record = (agent: Agent) => agent.get(`/employers/record?uscc=${EMPLOYER_USCC}`);
    const ng = await record(agents.ng);
    expect(ng.text).toContain(on.ng.caseNumber);
    expect(ng.text).not.toContain(on.cy.caseNumber);
    expect(ng.text).toContain(`/blacklist/${on.ng.proceedingId}"`);
    expect(ng.text).not.toContain(`/blacklist/${on.cy.proceedingId}"`);
    const cy = await record(agents.cy);
    expect(cy.text).toContain(on.cy.caseNumber);
    expect(cy.text).not.toContain(on.ng.caseNumber);
    const all = await record(agents.city);
    for (const c of [on.cy, on.ng]) {
      expect(all.text).toContain(c.caseNumber);
      expect(all.text).toContain(`/blacklist/${c.proceedingId}"`);
    }
  });

  it("counts an office's cases of the employer in the search", async () => {
    const count = async (agent: Agent) => {
      const res = await agent.get(`/employers?q=${EMPLOYER_USCC}`);
      return /<td>(\d+)<\/td><td>[^<]*<\/td><\/tr>/.exec(res.text)?.[1];
    };
    expect(await count(agents.ng)).toBe("1");
    expect(await count(agents.city)).toBe("2");
  });
});

describe("GET /blacklist", () => {
  it("lists an office's proceedings only, to its supervisor and its inspectors; the city's every office's", async () => {
    for (const agent of [agents.ng, agents.ngInspector]) {
      const res = await agent.get("/blacklist");
      expect(res.text).toContain(`data-proceeding="${on.ng.proceedingId}"`);
      expect(res.text).not.toContain(`data-proceeding="${on.cy.proceedingId}"`);
    }
    const all = await agents.city.get("/blacklist");
    expect(all.text).toContain(`data-proceeding="${on.ng.proceedingId}"`);
    expect(all.text).toContain(`data-proceeding="${on.cy.proceedingId}"`);
  });
});

describe("/violations", () => {
  it("shows an office the entries of its own cases, and counts only those", async () => {
    const page = await agents.ng.get(`/violations/${batchId}`);
    expect(page.text).toContain(`id="entry-${on.ng.entryId}"`);
    expect(page.text).not.toContain(`id="entry-${on.cy.entryId}"`);
    expect(page.text).not.toContain(`/violations/${batchId}/publish`);
    expect((await agents.ng.get("/violations")).text).toContain(`data-batch="${batchId}" data-entries="1"`);
    expect((await agents.city.get("/violations")).text).toContain(`data-batch="${batchId}" data-entries="2"`);
  });

  it("refuses an office's edit, removal or withdrawal of another office's entry as not found, and changes nothing", async () => {
    const before = t.db.$client.prepare("select * from violation_entries where id = ?").get(on.cy.entryId);
    const version = batchVersion();
    const edit = await agents.ng
      .post(`/violations/${batchId}/entries/${on.cy.entryId}`)
      .type("form")
      .send({ version, employerName: "改名", employerUscc: "", employerAddress: "", employerLegalRep: "", facts: "x", handling: "y" });
    expect(edit.status).toBe(404);
    expect((await agents.ng.post(`/violations/${batchId}/entries/${on.cy.entryId}/drop`).type("form").send({ version })).status).toBe(404);
    expect(t.db.$client.prepare("select * from violation_entries where id = ?").get(on.cy.entryId)).toEqual(before);
    expect(batchVersion()).toBe(version);
  });

  it("refuses an office's adding another office's case, and lets it add its own", async () => {
    const other = await agents.ng.post(`/violations/${batchId}/entries`).type("form").send({ version: batchVersion(), caseId: on.cy.caseId });
    expect(other.status).toBe(404);
    const own = await createBatchWith(on.ng.caseId);
    expect(own).toBe(303);
  });

  it("keeps creating and publishing a batch to the city (it goes out whole)", async () => {
    expect((await agents.ng.post("/violations").type("form").send({ kind: "adhoc", title: "南关自行公布" })).status).toBe(403);
    const publish = await agents.ng.post(`/violations/${batchId}/publish`).type("form").send({ version: batchVersion() });
    expect(publish.status).toBe(403);
    expect(publish.text).toContain("由市级（市本级）科长建立和发布");
    expect(t.db.$client.prepare("select published_on from violation_batches where id = ?").pluck().get(batchId)).toBeNull();
  });
});

/** A fresh batch by the city, to which 南关's supervisor adds 南关's case: the answer's status. */
async function createBatchWith(caseId: number): Promise<number> {
  const id = createBatch(t.db, { kind: "adhoc", title: "南关加入", quarterKey: "", actor: city, now });
  const res = await agents.ng.post(`/violations/${id}/entries`).type("form").send({ version: 1, caseId });
  return res.status;
}

describe("GET /personal-data-views", () => {
  it("shows an office the views of its cases and the full exports of its staff; the city every office's", async () => {
    const userOf = (name: string) => t.db.$client.prepare("select id from users where username = ?").pluck().get(name) as number;
    recordPersonalDataView(t.db, { caseId: on.ng.caseId, userId: userOf("supervisor_ng"), page: "案件页", now });
    recordPersonalDataView(t.db, { caseId: on.cy.caseId, userId: userOf("supervisor_cy"), page: "案件页", now });
    const viewOf = (caseId: number) => t.db.$client.prepare("select max(id) from personal_data_views where case_id = ?").pluck().get(caseId);
    await agents.ng.get("/exports/cases.csv?full=1").expect(200);
    await agents.cy.get("/exports/cases.csv?full=1").expect(200);
    const exportOf = (name: string) => t.db.$client.prepare("select max(id) from personal_data_exports where user_id = ?").pluck().get(userOf(name));

    const ng = (await agents.ng.get("/personal-data-views")).text;
    expect(ng).toContain(`data-view="${viewOf(on.ng.caseId)}"`);
    expect(ng).not.toContain(`data-view="${viewOf(on.cy.caseId)}"`);
    expect(ng).toContain(`data-export="${exportOf("supervisor_ng")}"`);
    expect(ng).not.toContain(`data-export="${exportOf("supervisor_cy")}"`);
    expect((await agents.ng.get(`/personal-data-views?case=${on.cy.caseNumber}`)).text).not.toContain("data-view=");

    const all = (await agents.city.get("/personal-data-views")).text;
    for (const c of [on.ng, on.cy]) expect(all).toContain(`data-view="${viewOf(c.caseId)}"`);
    for (const u of ["supervisor_ng", "supervisor_cy"]) expect(all).toContain(`data-export="${exportOf(u)}"`);
  });
});
