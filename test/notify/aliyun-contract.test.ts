/**
 * The Alibaba Cloud SMS adapter against a local fake of the provider (docs/rules.md §Notices to workers): the
 * official SDK's request reaches a test HTTP server speaking the provider's wire format (RPC style, version
 * 2017-05-25, ACS3-HMAC-SHA256 signature), whose answers are mapped to sent / retry / permanent failure.
 */
import { createHmac, createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NOTICE_KINDS, type NoticeKind } from "../../src/domain/worker-notices.js";
import { aliyunTransport } from "../../src/notify/aliyun-transport.js";
import type { SmsMessage } from "../../src/notify/transport.js";

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
}

const SECRET = "test-secret";
let server: Server;
let endpoint = "";
let seen: Seen[] = [];
/** What the fake answers next: status and JSON body, or "hang" (no answer). */
let answer: (req: Seen) => { status: number; body: unknown } | "hang" = () => ({
  status: 200,
  body: { Code: "OK", Message: "OK", BizId: "900619746936498440^0", RequestId: "R1" },
});

/** The ACS3-HMAC-SHA256 signature the provider checks: recomputed here from what arrived. */
function expectedSignature(r: Seen): string {
  const signed = String(r.headers.authorization)
    .match(/SignedHeaders=([^,]+)/)![1]!
    .split(";");
  const canonicalQuery = [...r.query.entries()]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalHeaders = signed.map((h) => `${h}:${String(r.headers[h]).trim()}\n`).join("");
  const hashedBody = createHash("sha256").update(r.body).digest("hex");
  const canonical = [r.method, r.path, canonicalQuery, canonicalHeaders, signed.join(";"), hashedBody].join("\n");
  const toSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonical).digest("hex")}`;
  return createHmac("sha256", SECRET).update(toSign).digest("hex");
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const r: Seen = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body };
      seen.push(r);
      const a = answer(r);
      if (a === "hang") return;
      res.writeHead(a.status, { "content-type": "application/json" }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  seen = [];
});

const templates = Object.fromEntries(NOTICE_KINDS.map((k, i) => [k, `SMS_4650${i}`])) as Record<NoticeKind, string>;
const transport = (timeoutMs = 2000) =>
  aliyunTransport({ accessKeyId: "LTAI-test", accessKeySecret: SECRET, endpoint, protocol: "HTTP", templates, signName: null, timeoutMs });
const message: SmsMessage = {
  key: "6f1c2d3e-0000-4000-8000-000000000001",
  phone: "13800000001",
  kind: "received",
  signName: "南关区劳动保障监察大队",
  params: { caseNumber: "QX-2026-000123", phone: "0431-88000000", queryCode: "AB7CDE" },
  text: "【南关区劳动保障监察大队】…",
};

describe("Alibaba Cloud SendSms through the official SDK", () => {
  it("sends the request the provider expects: action, version, the fields, a valid signature", async () => {
    const result = await transport().send(message);
    expect(result).toEqual({ ok: true, providerMessageId: "900619746936498440^0" });
    expect(seen).toHaveLength(1);
    const r = seen[0]!;
    expect(r.method).toBe("POST");
    expect(r.headers["x-acs-action"]).toBe("SendSms");
    expect(r.headers["x-acs-version"]).toBe("2017-05-25");
    expect(r.query.get("PhoneNumbers")).toBe("13800000001");
    expect(r.query.get("SignName")).toBe("南关区劳动保障监察大队");
    expect(r.query.get("TemplateCode")).toBe(templates.received);
    expect(JSON.parse(r.query.get("TemplateParam")!)).toEqual(message.params);
    expect(r.query.get("OutId")).toBe(message.key);
    expect(String(r.headers.authorization)).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI-test,SignedHeaders=[^,]*x-acs-action[^,]*,Signature=[0-9a-f]{64}$/);
    expect(String(r.headers.authorization).split("Signature=")[1]).toBe(expectedSignature(r));
  });

  it.each([
    ["isv.BUSINESS_LIMIT_CONTROL", 200, true],
    ["isv.MOBILE_NUMBER_ILLEGAL", 200, false],
    ["isv.SMS_TEMPLATE_ILLEGAL", 200, false],
    ["Throttling.User", 400, true],
    ["SignatureDoesNotMatch", 400, false],
    ["InvalidAccessKeyId.NotFound", 404, false],
    ["ServiceUnavailable", 503, true],
  ])("maps %s (HTTP %i) to retry=%s, keeping the code for the outbox page", async (code, status, retry) => {
    answer = () => ({ status, body: { Code: code, Message: "来自模拟服务", RequestId: "R2" } });
    const result = await transport().send(message);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.retry).toBe(retry);
      expect(result.error).toContain(code);
    }
  });

  it("retries a provider that does not answer in time", async () => {
    answer = () => "hang";
    const result = await transport(600).send(message);
    expect(result).toMatchObject({ ok: false, retry: true });
  });

  it("finds a message sent before a crash by its OutId (QuerySendDetails), and not another's", async () => {
    answer = (r) =>
      r.headers["x-acs-action"] === "QuerySendDetails"
        ? {
            status: 200,
            body: { Code: "OK", TotalCount: 1, SmsSendDetailDTOs: { SmsSendDetailDTO: [{ OutId: message.key, PhoneNum: message.phone, SendStatus: 3 }] } },
          }
        : { status: 500, body: {} };
    expect(await transport().wasSent(message, new Date())).toBe(true);
    expect(seen[0]!.query.get("PhoneNumber")).toBe(message.phone);
    expect(seen[0]!.query.get("SendDate")).toMatch(/^\d{8}$/);
    expect(await transport().wasSent({ ...message, key: "another" }, new Date())).toBe(false);
  });
});
