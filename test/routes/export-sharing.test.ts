/**
 * Issue 22 defect 1: a long export never holds the other users. Other requests are answered between its
 * chunks, and exports are capped per user and per process (src/http/export-slots.ts).
 */
import type { AddressInfo } from "node:net";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkSeed } from "../../seeds/bulk.js";
import { DEMO_PASSWORD, makeTestApp, type TestApp } from "../helpers.js";

let t: TestApp;
let base: string;
let cookie: string;
let close: () => void;
/** Which responses the server finished, in order. */
const finished: string[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  await bulkSeed(t.db, { cases: 6000, today: "2026-11-23" });
  const server = t.app.listen(0);
  server.on("request", (req, res) => res.once("finish", () => finished.push(req.url!)));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
  const login = await request(t.app)
    .post("/login")
    .set("Sec-Fetch-Site", "same-origin")
    .type("form")
    .send({ username: "supervisor1", password: DEMO_PASSWORD });
  cookie = (login.headers["set-cookie"] as unknown as string[]).map((c) => c.split(";")[0]).join("; ");
}, 60_000);
afterAll(() => close());

describe("exports share the server", () => {
  it("answers another request while a full CSV export of thousands of cases is being sent", async () => {
    finished.length = 0;
    const exportUrl = "/exports/cases.csv?state=all&full=1";
    const download = fetch(`${base}${exportUrl}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
    // Sent once the export has begun: answered between its chunks, not after it.
    const other = new Promise<number>((resolve) => setImmediate(() => fetch(`${base}/calendar/calc`).then((r) => resolve(r.status))));
    expect(await other).toBe(200);
    const bytes = (await download).byteLength;
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(finished.indexOf("/calendar/calc")).toBeLessThan(finished.indexOf(exportUrl));
  });

  it("lets one user run one export at a time and says so", async () => {
    const first = fetch(`${base}/exports/cases.csv?state=all`, { headers: { cookie } });
    const second = await new Promise<Response>((resolve) =>
      setImmediate(() => fetch(`${base}/exports/cases.xlsx?state=all`, { headers: { cookie } }).then(resolve)),
    );
    expect(second.status).toBe(429);
    expect(await second.text()).toContain("您有一个导出正在进行，请等它下载完成后再试");
    await (await first).arrayBuffer();
    // Once it is over, the next one starts.
    const third = await fetch(`${base}/exports/cases.csv?state=closed`, { headers: { cookie } });
    expect(third.status).toBe(200);
    await third.arrayBuffer();
  });
});
