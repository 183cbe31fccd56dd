/**
 * How many online complaints are taken in an hour (docs/rules.md §Group filing online). Counted per phone
 * number and per device, not per address: co-workers filing one after another from one site's Wi-Fi, or
 * behind a mobile carrier's shared address (carrier-grade NAT), are different people and must not stop
 * each other. The address keeps a looser ceiling against a script sending forms in a loop; the whole
 * form's ceiling (ONLINE_FILING_PER_HOUR) stays as before.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

export type FilingCounter = "mobileNumber" | "device" | "address";

/**
 * Filings an hour: one person rarely files more than once or twice, so 5 a phone leaves room for mistakes;
 * a foreman's phone may file for 10 workers one by one (the form now takes the group at once); one address
 * may be a whole site or a carrier's NAT, so 30.
 */
export const FILING_LIMITS: Record<FilingCounter, number> = { mobileNumber: 5, device: 10, address: 30 };
export const FILING_WINDOW_SECONDS = 60 * 60;

/** The counters one filing counts against, each with its key; a filer without a mobile is counted by device and address. */
export function filingCounters(input: { phone: string; device: string; address: string }): { counter: FilingCounter; key: string }[] {
  const phone = input.phone.replace(/[\s-]/g, "");
  // The limiter's table keeps its keys for the hour: a digest, so no phone number is stored there.
  const key = encodeHexLowerCase(sha256(new TextEncoder().encode(`filing-phone:${phone}`)));
  return [...(phone ? [{ counter: "mobileNumber" as const, key }] : []), { counter: "device", key: input.device }, { counter: "address", key: input.address }];
}

const REACHED: Record<FilingCounter, string> = {
  mobileNumber: `这个手机号 1 小时内已在网上提交 ${FILING_LIMITS.mobileNumber} 件投诉`,
  device: `这部手机（浏览器）1 小时内已提交 ${FILING_LIMITS.device} 件投诉`,
  address: "您所在的网络 1 小时内提交的投诉较多",
};

/**
 * What the filer reads when a counter is used up: why, when to try again, and that the window and the office's
 * phone take the complaint now (the office of the work site chosen, else the bureau).
 */
export function filingLimitMessage(counter: FilingCounter, minutes: number, office: { name: string; phone: string }): string {
  const group = counter === "mobileNumber" ? "工友一起投诉的，可以在本表“一起被拖欠的工友”中添加，不必各自提交。" : "";
  const call = office.phone ? `拨打${office.name}电话 ${office.phone}` : "拨打 12333";
  return `${REACHED[counter]}，请 ${minutes} 分钟后再试。${group}着急的，请带上身份证件到${office.name}投诉窗口当面投诉，或${call}，我们同样受理。`;
}
