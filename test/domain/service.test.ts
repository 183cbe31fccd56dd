import { describe, expect, it } from "vitest";
import { serviceDate, serviceProblem, type ServiceInput } from "../../src/domain/service.js";

const input = (o: Partial<ServiceInput> = {}): ServiceInput => ({
  method: "direct",
  servedOn: "2026-12-03",
  receiver: "赵某",
  witnesses: "",
  trackingNumber: "",
  consent: false,
  publishedOn: "",
  note: "",
  ...o,
});
const problem = (o: Partial<ServiceInput>, documentOn = "2026-12-01", today = "2026-12-04") => serviceProblem(input(o), documentOn, today);

describe("serviceProblem (docs/rules.md § Service of documents)", () => {
  it("accepts a direct service signed for between the document's date and today", () => {
    expect(problem({})).toBeNull();
    expect(problem({ servedOn: "2026-12-01" })).toBeNull();
    expect(problem({ servedOn: "2026-12-04" })).toBeNull();
  });
  it("refuses a service dated before the document, after today or not a date", () => {
    expect(problem({ servedOn: "2026-11-30" })).toEqual({ field: "servedOn", message: "送达日期不能早于文书的日期（2026-12-01）" });
    expect(problem({ servedOn: "2026-12-05" })?.message).toBe("送达日期不能晚于今天");
    expect(problem({ servedOn: "2026-02-30" })?.field).toBe("servedOn");
  });
  it("asks each method for its own proof, naming the field", () => {
    expect(problem({ method: "fax" })?.field).toBe("method");
    expect(problem({ receiver: " " })).toEqual({ field: "receiver", message: "直接送达须填写签收人" });
    expect(problem({ method: "leftAt" })?.field).toBe("witnesses");
    expect(problem({ method: "leftAt", witnesses: "居委会李某" })).toBeNull();
    expect(problem({ method: "post", receiver: "" })?.field).toBe("trackingNumber");
    expect(problem({ method: "post", trackingNumber: "1180000000001" })).toBeNull();
    expect(problem({ method: "entrusted", receiver: "" })?.message).toContain("受委托代为送达的单位");
    expect(problem({ method: "electronic", receiver: "a@b.cn" })).toEqual({ field: "consent", message: "电子送达须经受送达人同意" });
    expect(problem({ method: "electronic", receiver: "a@b.cn", consent: true })).toBeNull();
  });
  it("deems a public notice served 30 days after it was issued, and only once the period has run", () => {
    const notice = { method: "publicNotice", servedOn: "", receiver: "", publishedOn: "2026-11-02", note: "下落不明，直接、邮寄送达均被退回" };
    expect(serviceDate(input(notice))).toBe("2026-12-02");
    expect(problem(notice, "2026-11-01")).toBeNull();
    expect(problem({ ...notice, publishedOn: "2026-11-10" }, "2026-11-01")?.message).toBe("公告期至 2026-12-10 届满，届满之日视为送达，届时再登记");
    expect(problem({ ...notice, note: "" }, "2026-11-01")?.field).toBe("note");
    expect(problem({ ...notice, publishedOn: "2026-10-30" }, "2026-11-01")?.message).toContain("公告日期不能早于文书的日期");
  });
  it("bounds the text fields", () => {
    expect(problem({ receiver: "某".repeat(501) })).toEqual({ field: "receiver", message: "签收人不能超过 500 字" });
  });
});
