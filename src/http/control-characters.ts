/**
 * Control characters never reach a model: a person types none of them, and NUL ends a string in SQLite's C
 * interface (a search for `a%00b` failed, an export with it never ended). Removed at the edge from every text
 * a request carries — the query string, form bodies and the text fields of multipart forms — keeping tab,
 * line feed and carriage return, which textareas send.
 */
import { parse } from "node:querystring";
import type { RequestHandler } from "express";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A parsed body or query: a plain object (node:querystring and multer make them without a prototype). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The same value with control characters removed from every string in it (arrays and plain objects walked). */
export function withoutControlCharacters<T>(value: T): T {
  if (typeof value === "string") return value.replace(CONTROL, "") as T;
  if (Array.isArray(value)) return value.map(withoutControlCharacters) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(CONTROL, ""), withoutControlCharacters(v)])) as T;
  return value;
}

/** Express's "simple" query parser (node:querystring), without control characters. */
export function parseQuery(query: string): Record<string, unknown> {
  return withoutControlCharacters({ ...parse(query) });
}

export const stripControlCharacters: RequestHandler = (req, _res, next) => {
  if (req.body) req.body = withoutControlCharacters(req.body);
  next();
};
