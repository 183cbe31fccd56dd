/**
 * The transport of the demo and the tests: each message is "delivered" into `sms_deliveries`, once per
 * idempotency key (as a provider honouring the key would), and shown with its notice on the outbox page.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { smsDeliveries } from "../db/schema.js";
import type { SmsMessage, SmsTransport } from "./transport.js";

export function outboxTransport(db: Db, now: () => Date = () => new Date()): SmsTransport {
  return {
    name: "outbox",
    async send(m: SmsMessage) {
      db.insert(smsDeliveries).values({ idempotencyKey: m.key, phone: m.phone, text: m.text, deliveredAt: now() }).onConflictDoNothing().run();
      return { ok: true, providerMessageId: m.key };
    },
    async wasSent(m: SmsMessage) {
      return db.select({ k: smsDeliveries.idempotencyKey }).from(smsDeliveries).where(eq(smsDeliveries.idempotencyKey, m.key)).get() !== undefined;
    },
  };
}
