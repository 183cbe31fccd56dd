import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS, documentPrefix, formatDocumentNumber } from "../../src/domain/document-numbers.js";

describe("documentPrefix (whose 文号 a document carries)", () => {
  const chaoyang = { kind: "district" as const, docPrefix: "长朝人社监" };

  it.each([
    ["order", "长朝人社监令"],
    ["priorNotice", "长朝人社监告"],
    ["decision", "长朝人社监处"],
    ["demandNotice", "长朝人社监催"],
    ["blacklistNotice", "长朝人社监失信告"],
    ["blacklistDecision", "长朝人社监失信决"],
    ["referral", "长朝人社监移"],
    ["officeTransfer", "长朝人社监移函"],
  ] as const)("numbers a district office's %s under its own prefix and counter: %s", (kind, prefix) => {
    expect(documentPrefix(kind, chaoyang, "长人社监令")).toEqual({ prefix, counter: "own" });
  });

  it("keeps the city's configured prefixes and counters, whatever its own field says (its series continue unchanged)", () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(documentPrefix(kind, { kind: "city", docPrefix: "长人社监" }, "长人社失信决")).toEqual({ prefix: "长人社失信决", counter: "city" });
    }
  });

  it("numbers an office without a prefix as the city does", () => {
    expect(documentPrefix("order", { kind: "district", docPrefix: "  " }, "长人社监令")).toEqual({ prefix: "长人社监令", counter: "city" });
  });

  it("writes the number as 前缀〔年〕N号", () => {
    expect(formatDocumentNumber("长朝人社监令", 2026, 7)).toBe("长朝人社监令〔2026〕7号");
  });
});
