import { describe, expect, it } from "vitest";
import { idNumberProblem, isMobilePhone, sexFromIdNumber, usccProblem } from "../../src/domain/identifiers.js";
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
