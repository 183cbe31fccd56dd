import { describe, expect, it } from "vitest";
import { FILING_LIMITS, filingCounters, filingLimitMessage } from "../../src/domain/filing-limits.js";

describe("online filing limits (docs/rules.md §Group filing online)", () => {
  it("counts a filing against its phone, its device and its address, the address the loosest", () => {
    const counters = filingCounters({ phone: "137 0000-0007", device: "d1", address: "198.51.100.1" });
    expect(counters.map((c) => c.counter)).toEqual(["mobileNumber", "device", "address"]);
    expect(counters.slice(1)).toEqual([
      { counter: "device", key: "d1" },
      { counter: "address", key: "198.51.100.1" },
    ]);
    // The phone is counted by a digest of the number as typed without spaces or hyphens: the limiter's table never holds it.
    expect(counters[0]?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(counters[0]?.key).not.toContain("13700000007");
    expect(filingCounters({ phone: "13700000007", device: "d2", address: "b" })[0]?.key).toBe(counters[0]?.key);
    expect(filingCounters({ phone: "13700000008", device: "d1", address: "198.51.100.1" })[0]?.key).not.toBe(counters[0]?.key);
    expect(FILING_LIMITS.mobileNumber).toBeLessThan(FILING_LIMITS.device);
    expect(FILING_LIMITS.device).toBeLessThan(FILING_LIMITS.address);
  });

  it("counts a filer without a mobile by device and address only", () => {
    expect(filingCounters({ phone: "", device: "d1", address: "a" }).map((c) => c.counter)).toEqual(["device", "address"]);
  });

  it("says why, when, and where to go or call instead: the office's window and its public phone", () => {
    const office = { name: "二道区劳动保障监察大队", phone: "0431-84600000" };
    const phone = filingLimitMessage("mobileNumber", 52, office);
    expect(phone).toContain("这个手机号 1 小时内已在网上提交 5 件投诉，请 52 分钟后再试");
    expect(phone).toContain("一起被拖欠的工友");
    expect(phone).toContain("到二道区劳动保障监察大队投诉窗口当面投诉，或拨打二道区劳动保障监察大队电话 0431-84600000");
    expect(filingLimitMessage("address", 3, office)).toContain("您所在的网络");
    expect(filingLimitMessage("device", 3, { name: "监察支队", phone: "" })).toContain("或拨打 12333");
  });
});
