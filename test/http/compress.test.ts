/** What goes compressed (src/http/compress.ts): pages and charts to a browser that takes gzip, kept pages gzipped once; downloads as they are. */
import { get, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { compress } from "../../src/http/compress.js";
import { pageCache } from "../../src/http/page-cache.js";
import { DEMO_PASSWORD, browser, makeTestApp, workedCase, type TestApp } from "../helpers.js";

let t: TestApp;
let cookie: string;
let caseId: number;
beforeAll(async () => {
  t = await makeTestApp();
  caseId = (await workedCase(t, { to: "filed" })).id;
  const login = await browser(t.app).post("/login").type("form").send({ username: "supervisor1", password: DEMO_PASSWORD });
  cookie = (login.headers["set-cookie"] as unknown as string[]).map((c) => c.split(";")[0]).join("; ");
});

/** The answer as it went over the wire, undecoded (supertest would decode it). */
function raw(path: string, acceptEncoding: string, more: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const server = t.app.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      get({ host: "127.0.0.1", port, path, headers: { cookie, "accept-encoding": acceptEncoding, ...more } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => server.close(() => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })));
      }).on("error", reject);
    });
  });
}

describe("compression", () => {
  it("sends a page gzipped to a browser that takes gzip, the same page when sent again from the page cache", async () => {
    const first = await raw(`/cases/${caseId}`, "gzip");
    expect(first.headers["x-page-cache"]).toBeUndefined();
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);
    expect(first.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = gunzipSync(first.body).toString("utf8");
    expect(html).toContain("<!doctype html>");
    // Several times smaller on the wire.
    expect(first.body.length * 4).toBeLessThan(Buffer.byteLength(html));
    const second = await raw(`/cases/${caseId}`, "gzip");
    expect(second.headers["x-page-cache"]).toBe("hit");
    expect(second.headers["content-encoding"]).toBe("gzip");
    expect(second.headers.vary).toMatch(/Accept-Encoding/i);
    expect(second.headers["content-length"]).toBe(String(second.body.length));
    expect(gunzipSync(second.body).toString("utf8")).toBe(html);
    // A client that takes no gzip gets the kept page as it is.
    const plain = await raw(`/cases/${caseId}`, "identity");
    expect(plain.headers["x-page-cache"]).toBe("hit");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(html);
  });

  it("sends brotli to a browser that prefers it, and a partial for htmx compressed too", async () => {
    const page = await raw(`/cases/${caseId}/sections/timeline`, "br, gzip");
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(brotliDecompressSync(page.body).toString("utf8")).toContain('id="timeline"');
  });

  it("sends styles and scripts compressed, downloads as they are", async () => {
    expect((await raw("/css/site.css", "gzip")).headers["content-encoding"]).toBe("gzip");
    const csv = await raw("/exports/cases.csv?state=all", "gzip");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers["content-encoding"]).toBeUndefined();
  });

  it("reads encoding names in any case, and says Vary on plain answers too (a shared cache must not hand a plain copy to all)", async () => {
    expect((await raw("/css/site.css", "GZIP")).headers["content-encoding"]).toBe("gzip");
    const plain = await raw("/css/site.css", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect((await raw("/cases", "identity")).headers.vary).toMatch(/Accept-Encoding/i);
  });

  it("leaves a body marked Cache-Control: no-transform as it is", async () => {
    const app = express();
    app.use(compress);
    app.get("/", (_req, res) => void res.set("Cache-Control", "no-transform").send(`<p>${"欠薪".repeat(2000)}</p>`));
    const res = await request(app).get("/").set("Accept-Encoding", "gzip");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.text).toContain("欠薪欠薪");
  });

  it("sends a kept page marked no-transform as it is, the second time too", async () => {
    const app = express();
    app.use(compress);
    app.use((_req, res, next) => {
      // The page cache keeps pages per signed-in user; only the id is read.
      res.locals.user = { id: 1 } as typeof res.locals.user;
      next();
    });
    app.get(
      "/",
      pageCache(t.db, () => new Date()).keep,
      (_req, res) =>
        void res
          .set("Cache-Control", "private, no-transform")
          .type("html")
          .send(`<p>${"欠薪".repeat(2000)}</p>`),
    );
    const first = await request(app).get("/").set("Accept-Encoding", "gzip");
    const second = await request(app).get("/").set("Accept-Encoding", "gzip");
    expect(second.headers["x-page-cache"]).toBe("hit");
    for (const res of [first, second]) {
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.text).toContain("欠薪欠薪");
    }
  });

  it("sends a range of a file as the bytes on disk, not a range of a compressed body", async () => {
    const whole = await raw("/css/site.css", "identity");
    const part = await raw("/css/site.css", "gzip", { range: "bytes=0-4999" });
    expect(part.status).toBe(206);
    expect(part.headers["content-encoding"]).toBeUndefined();
    expect(part.body).toEqual(whole.body.subarray(0, 5000));
  });
});
