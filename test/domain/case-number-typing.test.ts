import { describe, expect, it } from "vitest";
import { normalizeCaseNumber, normalizeQueryCode } from "../../src/lib/ids.js";

describe("case numbers and query codes as people type them (issue 21 item 2)", () => {
  it.each(["QX-2026-000064", "QX-2026-64", "qx2026000064", "QX2026-64", " QX - 2026 - 64 ", "ＱＸ－２０２６－０００６４", "QX—2026—64"])(
    "%s → QX-2026-000064",
    (typed) => {
      expect(normalizeCaseNumber(typed)).toBe("QX-2026-000064");
    },
  );
  it("leaves what is not a case number as typed, to be not found", () => {
    expect(normalizeCaseNumber("QX-2026-1234567")).toBe("QX-2026-1234567");
    expect(normalizeCaseNumber("AB-2026-64")).toBe("AB-2026-64");
  });
  it("forgives full-width, spaces and case in the query code", () => {
    expect(normalizeQueryCode(" ａｂ３ ４cd ")).toBe("AB34CD");
  });
});
