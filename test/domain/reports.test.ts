import { describe, expect, it } from "vitest";
import type { Viewer } from "../../src/domain/case-abilities.js";
import { maskContact, maskName, mayAssignReport, mayDecideReport, mayReadReport, maySeeReporter } from "../../src/domain/reports.js";
import { normalizeReportNumber } from "../../src/lib/ids.js";

const viewer = (role: Viewer["role"], id: number, officeId: number, cityWide = false): Viewer => ({ id, role, unitId: null, officeId, cityWide });
const report = { officeId: 3, inspectorId: 7 };

describe("举报 confidentiality (劳动保障监察条例 第九条)", () => {
  it("shows who reported only to the handling inspector and the supervisor of the report's office", () => {
    expect(maySeeReporter(report, viewer("inspector", 7, 3))).toBe(true);
    expect(maySeeReporter(report, viewer("supervisor", 1, 3))).toBe(true);
    expect(maySeeReporter(report, viewer("inspector", 8, 3))).toBe(false);
    expect(maySeeReporter(report, viewer("clerk", 9, 3))).toBe(false);
    expect(maySeeReporter(report, viewer("supervisor", 2, 1, true))).toBe(false);
    expect(maySeeReporter(report, null)).toBe(false);
  });

  it("lets the office's staff and the city's supervisors read the report; the office supervisor assigns; the handler or supervisor decides", () => {
    expect(mayReadReport(report, viewer("clerk", 9, 3))).toBe(true);
    expect(mayReadReport(report, viewer("supervisor", 2, 1, true))).toBe(true);
    expect(mayReadReport(report, viewer("inspector", 8, 4))).toBe(false);
    expect(mayAssignReport(report, viewer("supervisor", 1, 3))).toBe(true);
    expect(mayAssignReport(report, viewer("supervisor", 2, 1, true))).toBe(false);
    expect(mayDecideReport(report, viewer("inspector", 7, 3))).toBe(true);
    expect(mayDecideReport(report, viewer("inspector", 8, 3))).toBe(false);
  });

  it("masks a name and a contact, and calls an anonymous reporter 匿名", () => {
    expect(maskName("王小明")).toBe("王**");
    expect(maskName("李")).toBe("李*");
    expect(maskName(null)).toBe("匿名");
    expect(maskContact("13912345678")).toBe("*********78");
    expect(maskContact(null)).toBe("");
  });

  it("reads a report number as people type it", () => {
    expect(normalizeReportNumber("jb 2026 7")).toBe("JB-2026-000007");
    expect(normalizeReportNumber("ＪＢ－２０２６－０００００７")).toBe("JB-2026-000007");
    expect(normalizeReportNumber("QX-2026-000007")).toBeNull();
  });
});
