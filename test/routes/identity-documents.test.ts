/**
 * Every worker can file (docs/rules.md §Identity documents): each document type at the window, none with the
 * clerk's reason, contact without a mobile; a number of one type typed as another refused with a message naming
 * the field and keeping the form; masking, duplicate detection and the export handle every type.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../../src/domain/identifiers.js";
import { browser, intakeFields, loginAs, makeCase, makeTestApp, workerInput, type Agent, type TestApp } from "../helpers.js";

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

describe("the online complaint form with any identity document", () => {
  const online = (fields: Record<string, string>) =>
    browser(t.app)
      .post("/complaint")
      .type("form")
      .send({
        "workers.0.name": "陈大文",
        "workers.0.phone": "13700000017",
        "workers.0.claimed": "9600",
        employerName: "某餐饮管理有限公司",
        district: "二道区",
        facts: "2026年6月至9月在该公司做服务员，欠三个月工资。",
        ...fields,
      });
  const lastWorker = () =>
    t.db.$client
      .prepare("select c.channel, w.id_type, w.id_number, w.sex, w.age from case_workers w join cases c on c.id = w.case_id order by w.id desc limit 1")
      .get();

  it("offers every document the window takes, but not 无证件", async () => {
    const page = await browser(t.app).get("/complaint");
    for (const label of ["居民身份证", "港澳台居民居住证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证", "护照"])
      expect(page.text).toContain(`>${label}</option>`);
    expect(page.text).not.toContain(">无证件</option>");
  });

  it.each([
    ["hmtResidence", HMT, "", "", "男", 36],
    ["hkMacauPermit", "h 1234 5678", "女", "38", "女", 38],
    ["taiwanPermit", "12345678", "男", "41", "男", 41],
    ["foreignPermanent", FOREIGN, "男", "41", "男", 41],
    ["passport", "e98765432", "女", "29", "女", 29],
  ])("files with a %s, checked by its own format", async (idType, number, sex, age, savedSex, savedAge) => {
    const res = await online({ "workers.0.idType": idType, "workers.0.idNumber": number, "workers.0.sex": sex, "workers.0.age": age });
    expect(res.status).toBe(303);
    expect(lastWorker()).toEqual({ channel: "online", id_type: idType, id_number: number.replace(/\s/g, "").toUpperCase(), sex: savedSex, age: savedAge });
  });

  it.each([
    ["mainlandId", HMT, "这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”"],
    [
      "hmtResidence",
      withCheck("22010419900101123"),
      "港澳台居民居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头；这个号码像是居民身份证，请核对证件类型",
    ],
    [
      "hkMacauPermit",
      "12345678",
      "港澳居民来往内地通行证号码为 H（香港）或 M（澳门）加 8 位数字（旧证再加 2 位换证次数）；这个号码像是台湾居民来往大陆通行证，请核对证件类型",
    ],
    ["taiwanPermit", "H12345678", "这个号码像是港澳居民来往内地通行证，请核对证件类型"],
    ["foreignPermanent", `${FOREIGN.slice(0, 17)}${FOREIGN.endsWith("0") ? "1" : "0"}`, "外国人永久居留身份证号码校验位不符"],
    ["passport", FOREIGN, "这是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”"],
  ])("refuses a number that is not a %s, naming it under the field, keeping the form, filing nothing", async (idType, number, message) => {
    const res = await online({ "workers.0.idType": idType, "workers.0.idNumber": number, "workers.0.sex": "男", "workers.0.age": "40" });
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toMatch(/id="w-idNumber"[^>]*aria-invalid="true"/);
    expect(res.text).toContain(`value="${number}"`);
    expect(res.text).toContain('value="陈大文"');
    expect(res.text).toMatch(new RegExp(`<option value="${idType}" selected`));
    expect(count()).toBe(0);
  });

  it("asks a permit or passport holder for sex and age, and sends a worker without a document to the window", async () => {
    const permit = await online({ "workers.0.idType": "passport", "workers.0.idNumber": "E98765432" });
    expect(permit.status).toBe(422);
    expect(permit.text).toContain("请选择性别");
    expect(permit.text).toContain("请填写年龄");
    const none = await online({
      "workers.0.idType": "none",
      "workers.0.idNumber": "",
      "workers.0.noIdReason": "丢了",
      "workers.0.sex": "男",
      "workers.0.age": "40",
    });
    expect(none.status).toBe(422);
    expect(none.text).toContain("没有证件的，请到投诉窗口登记");
    expect(none.text).not.toContain("没有证件时请填写原因");
    expect(count()).toBe(0);
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
