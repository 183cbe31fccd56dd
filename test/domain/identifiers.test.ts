import { describe, expect, it } from "vitest";
import {
  ageFromIdNumber,
  idNumberCheckChar,
  idNumberProblem,
  isMobilePhone,
  sexFromIdNumber,
  usccCheckChar,
  usccProblem,
} from "../../src/domain/identifiers.js";

const bornOn = (birth: string) => `220102${birth}005${idNumberCheckChar(`220102${birth}005`)}`;
import { maskIdNumber, maskPhone } from "../../src/domain/masking.js";

describe("身份证号 (GB 11643)", () => {
  // 11010519491231002X is the standard's own worked example.
  it("accepts the standard's example and a lower-case x", () => {
    expect(idNumberProblem("11010519491231002X")).toBeNull();
    expect(idNumberProblem("11010519491231002x")).toBeNull();
  });
  it("refuses a wrong check character", () => {
    expect(idNumberProblem("110105194912310021")).toBe("checksum");
  });
  it("refuses a wrong length or letters in the body", () => {
    expect(idNumberProblem("11010519491231002")).toBe("format");
    expect(idNumberProblem("1101051949123100AX")).toBe("format");
  });
  it("refuses an impossible birth date", () => {
    expect(idNumberProblem("110105194902300020")).toBe("birthDate");
  });
  it.each([
    ["born before 1900", "18991231", "birthDate"],
    ["born on 1900-01-01", "19000101", null],
    ["born today", "20261123", null],
    ["born tomorrow", "20261124", "birthDate"],
  ])("with today 2026-11-23, %s: %s", (_what, birth, problem) => {
    expect(idNumberProblem(bornOn(birth), "2026-11-23")).toBe(problem);
  });
  it("reads sex from the 17th digit", () => {
    expect(sexFromIdNumber("11010519491231002X")).toBe("女");
  });
});

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it.each(["91350100M000100Y43", "91110000802100433B", "91310000MA1FL4B24G"])("accepts %s", (code) => {
    expect(usccProblem(code)).toBeNull();
  });
  it("refuses a wrong check character", () => {
    expect(usccProblem("91350100M000100Y44")).toBe("checksum");
  });
  it.each([
    ["an unknown registration authority (1st)", "B1350100M000100Y4", "authority"],
    ["an entity type the authority does not register (工商 + 9)", "99350100M000100Y4", "type"],
    ["民政 + 基金会", "53350100M000100Y4", null],
    ["Y (其他) with a type other than 1", "Y2350100M000100Y4", "type"],
    ["a division that is no province (99)", "91990100M000100Y4", "region"],
    ["letters in the division", "9135A100M000100Y4", "region"],
    ["a national-level registration (100000)", "91100000M000100Y4", null],
  ])("checks the structure: %s", (_what, first17, problem) => {
    expect(usccProblem(first17 + usccCheckChar(first17))).toBe(problem);
  });
  it("refuses letters outside the alphabet (I, O, Z, S, V) and wrong lengths", () => {
    expect(usccProblem("91350100M000100YO3")).toBe("format");
    expect(usccProblem("91350100M000100Y4")).toBe("format");
  });
});

describe("phones and masking", () => {
  it("checks mobile numbers", () => {
    expect(isMobilePhone("13812345678")).toBe(true);
    expect(isMobilePhone("1381234567")).toBe(false);
    expect(isMobilePhone("23812345678")).toBe(false);
  });
  it("masks as the design shows", () => {
    expect(maskIdNumber("220102198503150071")).toBe("2201**********0071");
    expect(maskPhone("13812345678")).toBe("138****5678");
  });
});

describe("ageFromIdNumber", () => {
  it("counts full years to the day, the birthday itself included", () => {
    const id = "220102198503150013"; // born 1985-03-15 (the checksum is not this function's concern)
    expect(ageFromIdNumber(id, "2026-03-14")).toBe(40);
    expect(ageFromIdNumber(id, "2026-03-15")).toBe(41);
    expect(ageFromIdNumber(id, "2026-12-31")).toBe(41);
  });
});
