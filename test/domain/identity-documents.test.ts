/** Identity documents beyond the 身份证 (docs/rules.md §Identity documents): each type's own format, valid and invalid. */
import { describe, expect, it } from "vitest";
import { documentNumberProblem, documentTypeOf, idNumberCheckChar, isLandline, type IdType } from "../../src/domain/identifiers.js";
import { maskAddress, maskIdNumber, maskPersonalDataIn, maskPhone, personalDataIn } from "../../src/domain/masking.js";
import { personalDataIn as scanned } from "../personal-data-patterns.js";

const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idNumberCheckChar(first17) === "0" ? "1" : "0");
const TODAY = "2026-12-04";

const MAINLAND = withCheck("22010219850315001");
const HONG_KONG = withCheck("81000019900101123");
const MACAU = withCheck("82000019751231004");
const TAIWAN = withCheck("83000020000229002");
const FOREIGN_2023 = withCheck("93184019850315001"); // 9, 受理地 31, 国籍 840, birth 1985-03-15
const FOREIGN_2017 = "USA310085031512";

const VALID: [Exclude<IdType, "none">, string][] = [
  ["mainlandId", MAINLAND],
  ["hmtResidence", HONG_KONG],
  ["hmtResidence", MACAU],
  ["hmtResidence", TAIWAN],
  ["hkMacauPermit", "H12345678"],
  ["hkMacauPermit", "M8765432101"],
  ["hkMacauPermit", "h 1234 5678"],
  ["taiwanPermit", "12345678"],
  ["taiwanPermit", "0561682001(D)"],
  ["foreignPermanent", FOREIGN_2023],
  ["foreignPermanent", FOREIGN_2017],
  ["passport", "E12345678"],
  ["passport", "EA1234567"],
  ["passport", "533123456"],
  ["passport", "X1234567Z"],
];

const INVALID: [Exclude<IdType, "none">, string, RegExp][] = [
  ["mainlandId", HONG_KONG, /这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”/],
  ["mainlandId", FOREIGN_2023, /这是外国人永久居留身份证号码/],
  ["mainlandId", "H12345678", /身份证号应为 18 位.*像是港澳居民来往内地通行证/],
  ["hmtResidence", MAINLAND, /以 810000（香港）、820000（澳门）或 830000（台湾）开头；这个号码像是居民身份证/],
  ["hmtResidence", wrongCheck("81000019900101123"), /校验位不符/],
  ["hmtResidence", withCheck("81000019901301123"), /出生日期无效/],
  ["hmtResidence", "810000199001011", /应为 18 位/],
  ["hkMacauPermit", "A12345678", /H（香港）或 M（澳门）加 8 位数字/],
  ["hkMacauPermit", "H1234567", /H（香港）或 M（澳门）/],
  ["hkMacauPermit", "12345678", /像是台湾居民来往大陆通行证/],
  ["taiwanPermit", "1234567", /8 位数字/],
  ["taiwanPermit", "H12345678", /像是港澳居民来往内地通行证/],
  ["foreignPermanent", wrongCheck("93184019850315001"), /校验位不符/],
  ["foreignPermanent", withCheck("93184019851315001"), /出生日期无效/],
  ["foreignPermanent", MAINLAND, /以 9 开头.*像是居民身份证/],
  ["foreignPermanent", "US310085031512", /以 9 开头/],
  ["passport", MAINLAND, /这是居民身份证号码，请将证件类型选为“居民身份证”/],
  ["passport", "ABCDEFG", /5 到 17 位字母和数字/],
  ["passport", "E12", /5 到 17 位/],
  ["passport", "护照E1234567", /5 到 17 位/],
];

describe("identity documents, each by its own format", () => {
  it.each(VALID)("accepts a %s: %s", (type, number) => {
    expect(documentNumberProblem(type, number, TODAY)).toBeNull();
  });
  it.each(INVALID)("refuses as %s: %s", (type, number, message) => {
    expect(documentNumberProblem(type, number, TODAY)).toMatch(message);
  });
  it("names the field when the number is missing", () => {
    expect(documentNumberProblem("passport", "  ", TODAY)).toBe("请填写护照号码");
  });
  it("tells which document a number clearly is", () => {
    expect([MAINLAND, HONG_KONG, FOREIGN_2023, FOREIGN_2017, "M12345678", "12345678", "E12345678"].map((n) => documentTypeOf(n, TODAY))).toEqual([
      "mainlandId",
      "hmtResidence",
      "foreignPermanent",
      "foreignPermanent",
      "hkMacauPermit",
      "taiwanPermit",
      null,
    ]);
  });
  it("reads landlines with area codes", () => {
    for (const n of ["0431-88000000", "043188000000", "010-12345678", "0431-8555123-801"]) expect(isLandline(n)).toBe(true);
    for (const n of ["88000000", "13812345678", "0431-123"]) expect(isLandline(n)).toBe(false);
  });
});

describe("masking every type", () => {
  it.each([
    [MAINLAND, "2201**********0014".replace("0014", MAINLAND.slice(-4))],
    [FOREIGN_2017, "USA3*******1512"],
    ["H12345678", "H******78"],
    ["M1234567801", "M********01"],
    ["12345678", "******78"],
    ["E12345678", "E******78"],
  ])("%s → %s", (number, masked) => {
    expect(maskIdNumber(number)).toBe(masked);
  });
  it("masks landlines and addresses, and keeps mobiles as before", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("0431-85551234")).toBe("0431-******34");
    expect(maskAddress("长春市南关区某街 9 号")).toBe("长春市南关区****");
  });
  it("finds and masks permits in free text (logs, public texts); the scanners of pages and logs find them too", () => {
    const line = `GET /cases?q=H12345678&x=USA310085031512`;
    expect(maskPersonalDataIn(line)).toBe("GET /cases?q=H******78&x=USA3*******1512");
    expect(personalDataIn("持证号 M8765432101")).toBe("证件号码");
    expect(scanned(`号码 H12345678 和 ${FOREIGN_2017}`)).toEqual(["H12345678", FOREIGN_2017]);
  });
});
