/**
 * What a browser is sent compressed (issue 22, the weight of a page on a phone): pages, htmx's partials, charts,
 * feeds, styles and scripts — HTML shrinks about tenfold (a special action's page at 1,000,000 cases: 240 KB,
 * 19 KB gzipped). Downloads (CSV, XLSX, PDF, evidence files) go as they are: they stream with back-pressure
 * (src/http/spreadsheet.ts), most are compressed already, and a download is saved, not read on the way.
 *
 * No secret is exposed by compressing a page beside what a user typed (BREACH): pages carry no form token (the
 * CSRF check is the browser's Sec-Fetch-Site / Origin, src/middleware/csrf.ts), and the session cookie is
 * SameSite=Lax, so another site cannot make a signed-in browser fetch pages with chosen text in them.
 */
import { gzipSync } from "node:zlib";
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

const COMPRESSED_TYPES = /^(text\/html|text\/css|text\/javascript|application\/javascript|image\/svg\+xml|application\/atom\+xml|application\/json)\b/;

/** Smaller bodies gain less than the bytes of the compression's own headers and the time it takes. */
const THRESHOLD_BYTES = 1024;

export function compressedType(contentType: unknown): boolean {
  return COMPRESSED_TYPES.test(String(contentType ?? ""));
}

export const compress: RequestHandler = compression({
  threshold: THRESHOLD_BYTES,
  filter: (_req: Request, res: Response) => compressedType(res.getHeader("Content-Type")),
});

/** Whether the request takes gzip (`Accept-Encoding: gzip`, not refused with q=0). */
export function acceptsGzip(req: Request): boolean {
  return req.acceptsEncodings("gzip") === "gzip";
}

/** A page kept to be sent again (src/http/page-cache.ts), gzipped once for every browser that takes gzip. */
export function gzipOnce(body: string): Buffer | null {
  return Buffer.byteLength(body) < THRESHOLD_BYTES ? null : gzipSync(body);
}
