/**
 * Every worker can file (docs/rules.md §Identity documents): each document type at the window, none with the
 * clerk's reason, contact without a mobile; a number of one type typed as another refused with a message naming
 * the field and keeping the form; masking, duplicate detection and the export handle every type.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../../src/domain/identifiers.js";
import { intakeFields, loginAs, makeCase, makeTestApp, workerInput, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let clerk: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  clerk = await loginAs(t.app, "clerk_ng");
});

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const HMT = withCheck("83000019900101123");
const FOREIGN = withCheck("93184019850315001");
const register = (fields: Record<string, string>) => clerk.post("/cases").type("form").send(intakeFields(fields));
const caseIdOf = (location: string) => Number(location.match(/\/cases\/(\d+)/)![1]);
const count = () => t.db.$client.prepare("select count(*) from cases").pluck().get() as number;

describe("intake with any identity document", () => {
  it.each([
    ["hmtResidence", HMT, "", ""],
    ["hkMacauPermit", "M12345678", "女", "38"],
    ["taiwanPermit", "12345678", "男", "41"],
    ["foreignPermanent", FOREIGN, "男", "41"],
    ["passport", "E98765432", "女", "29"],
  ])("registers a worker with a %s", async (idType, number, sex, age) => {
    const res = await register({ "workers.0.idType": idType, "workers.0.idNumber": number, "workers.0.sex": sex, "workers.0.age": age });
    expect(res.status).toBe(303);
    const w = t.db.$client.prepare("select id_type, id_number, sex, age from case_workers where case_id = ?").get(caseIdOf(res.headers.location!));
    expect(w).toMatchObject({ id_type: idType, id_number: number });
  });

  it("reads sex and age off a 港澳台居民居住证 as off a 身份证", async () => {
    const res = await register({ "workers.0.idType": "hmtResidence", "workers.0.idNumber": HMT, "workers.0.sex": "", "workers.0.age": "" });
    expect(res.status).toBe(303);
    expect(t.db.$client.prepare("select sex, age from case_workers where case_id = ?").get(caseIdOf(res.headers.location!))).toEqual({ sex: "男", age: 36 });
  });

  it("refuses an ID of one type typed as another, naming the field, keeping every value, saving nothing", async () => {
    const before = count();
    const res = await register({ "workers.0.idType": "mainlandId", "workers.0.idNumber": HMT });
    expect(res.status).toBe(422);
    expect(res.text).toContain("这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”");
    expect(res.text).toContain(`value="${HMT}"`);
    expect(res.text).toContain('value="长春宏达建筑劳务有限公司"');
    expect(count()).toBe(before);
    const permit = await register({ "workers.0.idType": "taiwanPermit", "workers.0.idNumber": "H12345678", "workers.0.sex": "男" });
    expect(permit.status).toBe(422);
    expect(permit.text).toContain("这个号码像是港澳居民来往内地通行证，请核对证件类型");
  });

  it("takes a worker with no document at the window only with the clerk's reason", async () => {
    const noReason = await register({ "workers.0.idType": "none", "workers.0.idNumber": "", "workers.0.sex": "男" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("没有证件时请填写原因");
    const res = await register({ "workers.0.idType": "none", "workers.0.idNumber": "", "workers.0.sex": "男", "workers.0.noIdReason": "证件被工头扣押" });
    expect(res.status).toBe(303);
    expect(t.db.$client.prepare("select id_type, id_number, no_id_reason from case_workers where case_id = ?").get(caseIdOf(res.headers.location!))).toEqual({
      id_type: "none",
      id_number: "",
      no_id_reason: "证件被工头扣押",
    });
  });

  it("needs some way to reach the worker: a mobile, a landline, a relative's phone or an address", async () => {
    const none = await register({ "workers.0.phone": "" });
    expect(none.status).toBe(422);
    expect(none.text).toContain("没有手机的，请至少填写固定电话、亲属电话或通讯地址之一");
    const badLandline = await register({ "workers.0.phone": "", "workers.0.landline": "85551234" });
    expect(badLandline.text).toContain("固定电话应为区号加号码");
    const relative = await register({ "workers.0.phone": "", "workers.0.relativeName": "张大", "workers.0.relativePhone": "13900002222" });
    expect(relative.status).toBe(303);
    const id = caseIdOf(relative.headers.location!);
    expect(t.db.$client.prepare("select channel, status from worker_notices where case_id = ?").all(id)).toEqual([{ channel: "post", status: "toPost" }]);
  });
});

describe("masking, duplicates and exports with every type", () => {
  it("masks a permit, a landline and an address for a viewer who does not work the case", async () => {
    const { id } = makeCase(t.db, {
      district: "南关区",
      workers: [
        workerInput(1, { idType: "hkMacauPermit", idNumber: "H12345678", phone: "", landline: "0431-85551234", postalAddress: "长春市南关区某街 9 号" }),
      ],
    });
    const own = await (await loginAs(t.app, "supervisor1")).get(`/cases/${id}`);
    expect(own.text).toContain("H12345678");
    expect(own.text).toContain("0431-85551234");
    const readAll = await makeTestApp(undefined, { INSPECTORS_READ_ALL: "true" });
    const { id: id2 } = makeCase(readAll.db, {
      district: "朝阳区",
      workers: [
        workerInput(1, { idType: "hkMacauPermit", idNumber: "H12345678", phone: "", landline: "0431-85551234", postalAddress: "长春市南关区某街 9 号" }),
      ],
    });
    const other = await (await loginAs(readAll.app, "inspector3")).get(`/cases/${id2}`);
    expect(other.status).toBe(200);
    expect(other.text).toContain("H******78");
    expect(other.text).toContain("0431-******34");
    expect(other.text).toContain("长春市南关区****");
    expect(other.text).not.toContain("H12345678");
    expect(other.text).not.toContain("85551234");
  });

  it("flags a second complaint against the same employer by the same passport, or the same landline", async () => {
    const first = makeCase(t.db, { workers: [workerInput(1, { idType: "passport", idNumber: "E98765432", phone: "", landline: "0431-85551234" })] });
    const byPassport = makeCase(t.db, { workers: [workerInput(9, { idType: "passport", idNumber: "E98765432", phone: "13900009999" })] });
    const byLandline = makeCase(t.db, {
      workers: [workerInput(8, { idType: "none", idNumber: "", noIdReason: "遗失", phone: "", landline: "0431-85551234" })],
    });
    const samePassportNumberOtherType = makeCase(t.db, { workers: [workerInput(7, { idType: "taiwanPermit", idNumber: "98765432", phone: "13900007777" })] });
    const dup = (id: number) => t.db.$client.prepare("select possible_duplicate_of from cases where id = ?").pluck().get(id);
    expect([dup(byPassport.id), dup(byLandline.id), dup(samePassportNumberOtherType.id)]).toEqual([first.id, first.id, null]);
  });

  it("exports the document type with the number masked, and the other phone when there is no mobile", async () => {
    makeCase(t.db, { workers: [workerInput(1, { idType: "taiwanPermit", idNumber: "12345678", phone: "", landline: "0431-85551234" })] });
    const supervisor = await loginAs(t.app, "supervisor1");
    const csv = await supervisor.get("/exports/cases.csv?state=all");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("证件类型");
    expect(csv.text).toContain("台湾居民来往大陆通行证");
    expect(csv.text).toContain("******78");
    expect(csv.text).toContain("0431-******34");
    expect(csv.text).not.toContain("12345678");
    expect(csv.text).not.toContain("85551234");
  });
});
