/** A document handed over and signed for on the 送达回证 (直接送达): the service record the demo data uses. */
import type { ServiceInput } from "../src/domain/service.js";

export function handedOver(servedOn: string, receiver: string): ServiceInput {
  return { method: "direct", servedOn, receiver, witnesses: "", trackingNumber: "", consent: false, publishedOn: "", note: "" };
}
