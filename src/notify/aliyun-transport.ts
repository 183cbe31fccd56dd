/**
 * Alibaba Cloud SMS (短信服务, API version 2017-05-25) through its official SDK `@alicloud/dysmsapi20170525`
 * (docs/rules.md §Notices to workers): SendSms with the office's signature (SignName), the approved template of
 * the notice's kind (TemplateCode), its parameters (TemplateParam) and the notice's idempotency key as OutId.
 * The API itself is not idempotent (the SDK's own note says so), so a send whose answer a crash or a timeout
 * hid is looked up with QuerySendDetails by the OutId before it is sent again.
 */
import Dysmsapi, { QuerySendDetailsRequest, SendSmsRequest } from "@alicloud/dysmsapi20170525";

// A CommonJS package: Node's ESM loader gives its exports object (the class is `.default`), a bundler or
// vitest may give the class itself.
type ClientClass = typeof Dysmsapi.default;
const Client: ClientClass = typeof (Dysmsapi as { default?: unknown }).default === "function" ? Dysmsapi.default : (Dysmsapi as unknown as ClientClass);
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { shanghaiDate } from "../domain/dates.js";
import { isRetryableProviderCode, type NoticeKind } from "../domain/worker-notices.js";
import type { SendResult, SmsMessage, SmsTransport } from "./transport.js";

export interface AliyunSettings {
  accessKeyId: string;
  accessKeySecret: string;
  /** `dysmsapi.aliyuncs.com` unless set (the contract test points it at a local fake). */
  endpoint: string;
  protocol: "HTTPS" | "HTTP";
  /** The approved template code of every notice kind. */
  templates: Record<NoticeKind, string>;
  /** Overrides the office's name as the signature, when the bureau has one approved signature for all. */
  signName: string | null;
  timeoutMs: number;
}

export function aliyunTransport(s: AliyunSettings): SmsTransport {
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: s.accessKeyId,
      accessKeySecret: s.accessKeySecret,
      endpoint: s.endpoint,
      protocol: s.protocol,
      readTimeout: s.timeoutMs,
      connectTimeout: s.timeoutMs,
    }),
  );
  return {
    name: "aliyun",
    async send(m: SmsMessage): Promise<SendResult> {
      try {
        const res = await client.sendSms(
          new SendSmsRequest({
            phoneNumbers: m.phone,
            signName: s.signName ?? m.signName,
            templateCode: s.templates[m.kind],
            templateParam: JSON.stringify(m.params),
            outId: m.key,
          }),
        );
        const body = res.body;
        if (body?.code === "OK") return { ok: true, providerMessageId: body.bizId ?? "" };
        const code = body?.code ?? "NoCode";
        return { ok: false, retry: isRetryableProviderCode(code), error: `${code}: ${body?.message ?? ""}` };
      } catch (err) {
        return failure(err);
      }
    },
    async wasSent(m: SmsMessage, since: Date): Promise<boolean> {
      // The provider keeps the details by phone and day; the send was on the claim's day or the next.
      const days = new Set([shanghaiDate(since), shanghaiDate(new Date())]);
      for (const day of days) {
        const res = await client.querySendDetails(
          new QuerySendDetailsRequest({ phoneNumber: m.phone, sendDate: day.replaceAll("-", ""), pageSize: 50, currentPage: 1 }),
        );
        if (res.body?.code !== "OK") throw new Error(`QuerySendDetails: ${res.body?.code}`);
        if ((res.body.smsSendDetailDTOs?.smsSendDetailDTO ?? []).some((d: { outId?: string }) => d.outId === m.key)) return true;
      }
      return false;
    },
  };
}

/** A thrown SDK error: the gateway's code (Throttling…, SignatureDoesNotMatch…), an HTTP status, or the network's. */
function failure(err: unknown): SendResult {
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown; name?: unknown };
  const status = typeof e.statusCode === "number" ? e.statusCode : null;
  const code = typeof e.code === "string" && e.code ? e.code : status ? `HTTP${status}` : String(e.name ?? "NetworkError");
  const retry = isRetryableProviderCode(code) || (status !== null && status >= 500) || status === null;
  return { ok: false, retry, error: `${code}: ${String(e.message ?? "").slice(0, 200)}` };
}
