/**
 * What a browser is sent compressed (issue 22, the weight of a page on a phone): pages, htmx's partials, charts,
 * feeds, styles and scripts — HTML shrinks about tenfold (a special action's page at 1,000,000 cases: 240 KB,
 * 19 KB gzipped). Downloads (CSV, XLSX, PDF, evidence files) go as they are: they stream with back-pressure
 * (src/http/spreadsheet.ts), most are compressed already, and a download is saved, not read on the way.
 *
 * A page is one string (`res.send`): it is compressed at once, in one call (brotli at quality 2, else gzip),
 * ~0.3 ms for a 50 KB page under load (bench/results.md, 2026-12-05) — the compression library's streams cost
 * twice that. Files from disk (styles, scripts) stream through the library. A request that names no compression (a
 * script, a load test) passes by both.
 *
 * Compressing a page beside text someone else typed (BREACH) gives away no token: pages carry none (the CSRF check is
 * the browser's Sec-Fetch-Site / Origin, src/middleware/csrf.ts). Another site can still send a signed-in browser
 * to a page (SameSite=Lax lets top-level navigations carry the cookie) but cannot read the answer's size that way;
 * guessing an ID number beside typed complaint text would take a submission per guess, each one a case on record.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

const COMPRESSED_TYPES = /^(text\/html|text\/css|text\/javascript|application\/javascript|image\/svg\+xml|application\/atom\+xml|application\/json)\b/;

/** Smaller bodies gain less than the bytes of the compression's own headers and the time it takes. */
const THRESHOLD_BYTES = 1024;

export function compressedType(contentType: unknown): boolean {
  return COMPRESSED_TYPES.test(String(contentType ?? ""));
}

const streamed = compression({
  threshold: THRESHOLD_BYTES,
  filter: (_req: Request, res: Response) => compressedType(res.getHeader("Content-Type")),
});

export const compress: RequestHandler = (req, res, next) => {
  // Said on every answer, compressed or not: a shared cache must not give a plain copy to all, nor gzip to anyone.
  res.vary("Accept-Encoding");
  if (!namesCompression(req)) return next();
  const encoding = req.acceptsEncodings("br", "gzip");
  if (encoding === "br" || encoding === "gzip") {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body !== "string" || res.getHeader("Content-Encoding") || noTransform(res) || Buffer.byteLength(body) < THRESHOLD_BYTES) return send(body);
      // As Express sends a string: HTML unless a type was set, in UTF-8 (a Buffer would go without the charset).
      const type = String(res.getHeader("Content-Type") ?? "text/html");
      if (!compressedType(type)) return send(body);
      res.set("Content-Type", /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`);
      res.set("Content-Encoding", encoding);
      return send(encoding === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 2 } }) : gzipSync(body));
    };
  }
  // A range of a file counts its bytes as they are on disk: compressed, the range would be of another body.
  if (req.headers.range) return next();
  streamed(req, res, next);
};

function namesCompression(req: Request): boolean {
  const accepted = req.headers["accept-encoding"];
  return accepted !== undefined && /\b(gzip|br|deflate)\b|\*/i.test(accepted);
}

/** `Cache-Control: no-transform`: the body goes as it is (RFC 9111 §5.2.2.6). */
export function noTransform(res: Response): boolean {
  return /\bno-transform\b/i.test(String(res.getHeader("Cache-Control") ?? ""));
}

/** Whether the request takes gzip (`Accept-Encoding: gzip`, not refused with q=0). */
export function acceptsGzip(req: Request): boolean {
  return namesCompression(req) && req.acceptsEncodings("gzip") === "gzip";
}

/** A page kept to be sent again (src/http/page-cache.ts), gzipped once for every browser that takes gzip. */
export function gzipOnce(body: string): Buffer | null {
  return Buffer.byteLength(body) < THRESHOLD_BYTES ? null : gzipSync(body);
}
