/** A live server on an ephemeral port for fuzzing: thousands of requests go faster over keep-alive than through supertest. */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import fc from "fast-check";
import { ROLE_USERS, makeTestApp, type TestApp } from "../helpers.js";

export interface Live extends TestApp {
  server: Server;
  base: string;
  cookies: Record<keyof typeof ROLE_USERS, string>;
  close: () => Promise<void>;
}

export async function liveApp(): Promise<Live> {
  const t = await makeTestApp();
  const server = t.app.listen(0);
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies = {} as Live["cookies"];
  for (const [role, username] of Object.entries(ROLE_USERS)) {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ username, password: "demo1234" }),
      redirect: "manual",
    });
    cookies[role as keyof typeof ROLE_USERS] = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
  return { ...t, server, base, cookies, close: () => new Promise((r) => server.close(() => r())) };
}

/** Text a careless or hostile user types: markup, huge and negative numbers, far dates, control characters, long strings. */
export const HOSTILE_MARK = "<script>alert(1)</script>";
export const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    HOSTILE_MARK,
    `"><img src=x onerror=alert(1)>`,
    "1e34",
    "-1",
    "NaN",
    "Infinity",
    "99999999999999999999",
    "0",
    "0.001",
    "8500.50",
    "１２３",
    "1900-01-01",
    "2032-06-30",
    "2026-02-30",
    "2026-11-23",
    "2026-11-24T10:00",
    "../../etc/passwd",
    "%00",
    "\u0000",
    "\u202e",
    "'; drop table cases; --",
    "x".repeat(5000),
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** Every field of a form gets hostile text, or is left out. */
export function formOf(fields: readonly string[]) {
  return fc.record(Object.fromEntries(fields.map((f) => [f, hostileText])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
}

/** What a 4xx page must show: a message in an alert or next to a field. */
export function hasMessage(html: string): boolean {
  const m =
    /role="alert"[^>]*>([\s\S]*?)<\//.exec(html) ??
    /class="field-error"[^>]*>([\s\S]*?)<\//.exec(html) ??
    /<h1>\s*4\d\d · [^<]+<\/h1>\s*<p>([^<]+)<\/p>/.exec(html);
  return !!m && m[1]!.trim().length > 0;
}
