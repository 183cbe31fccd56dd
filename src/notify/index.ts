/** The transport the settings choose (docs/rules.md §Notices to workers), and the sender's settings from the config. */
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import { aliyunTransport } from "./aliyun-transport.js";
import { outboxTransport } from "./outbox-transport.js";
import type { SenderSettings } from "./sender.js";
import type { SmsTransport } from "./transport.js";

export function transportFor(db: Db, config: Config): SmsTransport {
  return config.sms.aliyun ? aliyunTransport(config.sms.aliyun) : outboxTransport(db);
}

export function senderSettings(config: Config): SenderSettings {
  return { quietHours: config.sms.quietHours, hourlyCap: config.sms.hourlyCap, publicBaseUrl: config.publicBaseUrl };
}
