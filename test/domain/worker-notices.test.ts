import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUIET_HOURS,
  MAX_ATTEMPTS,
  NOTICE_KINDS,
  capUntil,
  isRetryableProviderCode,
  noticeText,
  parseQuietHours,
  quietUntil,
  retryDelayMs,
  smsSegments,
  templateParams,
  type NoticeFacts,
} from "../../src/domain/worker-notices.js";
import { personalDataIn } from "../personal-data-patterns.js";

const facts: NoticeFacts = {
  caseNumber: "QX-2026-000123",
  queryCode: "AB7CDE",
  officeName: "南关区劳动保障监察大队",
  officePhone: "0431-88000000",
  payBy: "2026-12-20",
  amountFen: 1280050,
};
const BASE = "https://qianxin.example.gov.cn";

describe("the notices' words (docs/rules.md §Notices to workers)", () => {
  it.each(NOTICE_KINDS)("%s: signed by the office, one 70-character segment (the closing link: two), no personal data", (kind) => {
    const text = noticeText(kind, facts.officeName, templateParams(kind, facts, BASE));
    expect(text.startsWith("【南关区劳动保障监察大队】")).toBe(true);
    expect(text).toContain("QX-2026-000123");
    expect(smsSegments(text)).toBe(kind === "closed" ? 2 : 1);
    expect(personalDataIn(text)).toEqual([]);
  });

  it("says only what the step is about: the query code at registration, the pay-by date, the worker's own amount, the rating link", () => {
    const text = (kind: (typeof NOTICE_KINDS)[number]) => noticeText(kind, facts.officeName, templateParams(kind, facts, BASE));
    expect(text("received")).toContain("查询码AB7CDE");
    expect(text("accepted")).not.toContain("AB7CDE");
    expect(text("mediationAgreed")).toContain("2026年12月20日前付清");
    expect(text("paid")).toContain("12800.50元");
    expect(text("routed")).toContain("0431-88000000");
    expect(text("transferred")).toContain("0431-88000000");
    expect(text("closed")).toContain(`${BASE}/query?caseNumber=QX-2026-000123`);
  });

  it("fits the city office's longer name too", () => {
    const city = { ...facts, officeName: "长春市劳动保障监察支队" };
    for (const kind of NOTICE_KINDS.filter((k) => k !== "closed"))
      expect(smsSegments(noticeText(kind, city.officeName, templateParams(kind, city, BASE)))).toBe(1);
  });

  it("counts segments as the carriers do: 70 in one, then 67 each", () => {
    expect(smsSegments("字".repeat(70))).toBe(1);
    expect(smsSegments("字".repeat(71))).toBe(2);
    expect(smsSegments("字".repeat(134))).toBe(2);
    expect(smsSegments("字".repeat(135))).toBe(3);
  });
});

describe("quiet hours (21:00–08:00 Asia/Shanghai by default)", () => {
  const quiet = parseQuietHours(DEFAULT_QUIET_HOURS)!;
  it.each([
    ["2026-12-04T12:59:00Z", null], // 20:59 Shanghai
    ["2026-12-04T13:00:00Z", "2026-12-05T00:00:00.000Z"], // 21:00 → 08:00 next morning
    ["2026-12-04T18:30:00Z", "2026-12-05T00:00:00.000Z"], // 02:30
    ["2026-12-04T23:59:00Z", "2026-12-05T00:00:00.000Z"], // 07:59
    ["2026-12-05T00:00:00Z", null], // 08:00
  ])("at %s holds until %s", (at, until) => {
    expect(quietUntil(new Date(at), quiet)?.toISOString() ?? null).toBe(until);
  });
  it("reads a setting, refuses nonsense, and a window within one day works too", () => {
    expect(parseQuietHours("22:30-07:00")).toEqual({ from: 22 * 60 + 30, to: 7 * 60 });
    expect(parseQuietHours("25:00-07:00")).toBeNull();
    expect(parseQuietHours("night")).toBeNull();
    const lunch = parseQuietHours("12:00-13:00")!;
    expect(quietUntil(new Date("2026-12-04T04:30:00Z"), lunch)?.toISOString()).toBe("2026-12-04T05:00:00.000Z");
    expect(quietUntil(new Date("2026-12-04T06:00:00Z"), lunch)).toBeNull();
  });
});

describe("per-number hourly cap", () => {
  const now = new Date("2026-12-04T03:00:00Z");
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it("lets a message go under the cap, holds it at the cap until the oldest leaves the hour", () => {
    expect(capUntil([ago(50), ago(10)], 3, now)).toBeNull();
    expect(capUntil([ago(50), ago(30), ago(10)], 3, now)?.toISOString()).toBe(new Date(ago(50).getTime() + 3_600_000).toISOString());
    expect(capUntil([ago(70), ago(30), ago(10)], 3, now)).toBeNull();
  });
});

describe("retries", () => {
  it("waits longer after each failure, never more than 6 hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000, 3_840_000]);
    expect(retryDelayMs(MAX_ATTEMPTS + 5)).toBe(6 * 3_600_000);
  });
  it("retries flow control, throttling, the provider's trouble and the network; not a wrong number, template or key", () => {
    for (const code of ["isv.BUSINESS_LIMIT_CONTROL", "Throttling.User", "ServiceUnavailable", "InternalError", "ETIMEDOUT", "HTTP503"])
      expect(isRetryableProviderCode(code)).toBe(true);
    for (const code of [
      "isv.MOBILE_NUMBER_ILLEGAL",
      "isv.SMS_TEMPLATE_ILLEGAL",
      "isv.SMS_SIGNATURE_ILLEGAL",
      "SignatureDoesNotMatch",
      "InvalidAccessKeyId.NotFound",
      "isv.AMOUNT_NOT_ENOUGH",
    ])
      expect(isRetryableProviderCode(code)).toBe(false);
  });
});
