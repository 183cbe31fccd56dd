/**
 * Each office numbers its documents under its own 文号 prefix and counters; the city keeps the configured
 * prefixes and its series continue from the numbers issued before (docs/rules.md §Documents).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { approveProposal } from "../../src/models/blacklist.js";
import { designateCase } from "../../src/models/jurisdiction.js";
import { loginAs, makeTestApp, orderAfterFailedMediation, proposeOnIncident, userId, workedCase, type TestApp } from "../helpers.js";

const now = new Date("2026-11-23T02:00:00Z");
let t: TestApp;
let city: { id: number; role: "supervisor"; unitId: null; officeId: number; cityWide: true };

const officeId = (name: string) => t.db.$client.prepare("select id from offices where name = ?").pluck().get(name) as number;
const orderNumber = (id: number) => t.db.$client.prepare("select doc_number from payment_orders where id = ?").pluck().get(id) as string;

beforeAll(async () => {
  t = await makeTestApp();
  const cityId = t.db.$client.prepare("select min(id) from offices where kind = 'city'").pluck().get() as number;
  city = { id: userId(t.db, "supervisor1"), role: "supervisor", unitId: null, officeId: cityId, cityWide: true };
  // An upgraded database: the city's counter stands where the single-office bureau left it.
  t.db.$client.prepare("insert into document_sequences (office_id, kind, year, last) values (?, 'order', 2026, 41)").run(cityId);
});

describe("document numbers per office", () => {
  it("numbers each district office's orders under its own prefix from 1, and continues the city's series", async () => {
    const chaoyang = await workedCase(t, { to: "mediating", overrides: { district: "朝阳区" } });
    const nanguan = await workedCase(t, { to: "mediating", overrides: { district: "南关区" } });
    expect(orderNumber(orderAfterFailedMediation(t, chaoyang, city, now))).toBe("长朝人社监令〔2026〕1号");
    expect(orderNumber(orderAfterFailedMediation(t, nanguan, city, now))).toBe("长南人社监令〔2026〕1号");

    // A case the city takes itself (提级) is numbered by the city under the configured prefix, after its earlier numbers.
    const own = await workedCase(t, { to: "mediating", overrides: { district: "宽城区" } });
    designateCase(t.db, { caseId: own.id, version: own.version(), actor: city, now, toOfficeId: city.officeId, reason: "重大案件提级", acknowledgeDays: 1 });
    expect(orderNumber(orderAfterFailedMediation(t, own, city, now))).toBe("测试令〔2026〕42号");
    expect(t.db.$client.prepare("select last from document_sequences where office_id = ? and kind = 'order' and year = 2026").pluck().get(city.officeId)).toBe(
      42,
    );
  });

  it("issues the blacklist notice in the name and under the 文号 of the office that has the case", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: { district: "朝阳区", employerName: "长春某朝阳劳务公司" } });
    const proceedingId = proposeOnIncident(t, c.id, orderAfterFailedMediation(t, c, city, now), city);
    approveProposal(t.db, { id: proceedingId, version: 1, actor: city, now: new Date("2026-12-07T02:00:00Z"), numberPrefix: "长人社失信告" });
    const p = t.db.$client.prepare("select notice_number, notice_office_id from blacklist_proceedings where id = ?").get(proceedingId) as {
      notice_number: string;
      notice_office_id: number;
    };
    expect(p).toEqual({ notice_number: "长朝人社监失信告〔2026〕1号", notice_office_id: officeId("朝阳区劳动保障监察大队") });
    const page = await (await loginAs(t.app, "supervisor_cy")).get(`/blacklist/${proceedingId}/notice`);
    expect(page.text).toContain("长朝人社监失信告〔2026〕1号");
    expect(page.text).toContain("承办单位：朝阳区劳动保障监察大队");
  });

  it("refuses an office prefix another office already uses (they would issue the same 文号)", async () => {
    const admin = await loginAs(t.app, "admin");
    const res = await admin.post("/admin/offices").type("form").send({ name: "空港大队", kind: "district", docPrefix: "长朝人社监", divisions: "空港区" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("文号前缀“长朝人社监”已由朝阳区劳动保障监察大队使用");
    expect(t.db.$client.prepare("select count(*) from offices where name = '空港大队'").pluck().get()).toBe(0);
  });
});
