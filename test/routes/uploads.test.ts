/**
 * The upload middleware owns temporary files (issue 8 item 5, issue 13 defect 9): whatever a handler did not
 * keep is gone when the response is over — on success, on every refusal and failure, and when the client
 * disconnects half-way — and a failed save leaves no half-saved record.
 */
import { readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, browser, intakeFields, loginAs, makeTestApp, workedCase, type Agent, type TestApp } from "../helpers.js";

const pdf = Buffer.from("%PDF-1.4 evidence");

async function settle(dir: string, expected: number) {
  for (let i = 0; i < 100 && readdirSync(dir).length !== expected; i++) await new Promise((r) => setTimeout(r, 20));
  return readdirSync(dir);
}

function postIntake(agent: Agent, fields: Record<string, string>) {
  let req = agent.post("/cases");
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach("evidence", pdf, "工资条.pdf");
}

const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe("uploaded files belong to the request until a handler keeps them", () => {
  it("keeps the files of a saved intake and nothing else", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    const res = await postIntake(clerk, intakeFields());
    expect(res.status).toBe(303);
    const stored = t.db.$client.prepare("select stored_name from evidence").pluck().all();
    expect(await settle(t.evidenceDir, 1)).toEqual(stored);
  });

  it("removes the files of a form shown again (422)", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    const res = await postIntake(clerk, intakeFields({ employerName: "" }));
    expect(res.status).toBe(422);
    expect(await settle(t.evidenceDir, 0)).toEqual([]);
  });

  it("removes a visit recording sent to a case that does not exist (404)", async () => {
    const t = await makeTestApp();
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector.post("/cases/99999/visits").field("place", "工地").attach("recordings", Buffer.from("ID3 audio"), "录音.mp3");
    expect(res.status).toBe(404);
    expect(await settle(t.evidenceDir, 0)).toEqual([]);
  });

  it("a save that fails half-way leaves no stray file and no half-saved case", async () => {
    const t = await makeTestApp();
    const clerk = await loginAs(t.app, "clerk1");
    const cases = count(t, "cases");
    // The case row is written, then the evidence row fails: the transaction must roll back whole.
    t.db.$client.exec("create trigger fail_evidence before insert on evidence begin select raise(abort, 'disk I/O error'); end");
    const res = await postIntake(clerk, intakeFields());
    expect(res.status).toBe(500);
    expect(res.text).toContain("系统出错了");
    expect(count(t, "cases")).toBe(cases);
    expect(count(t, "case_workers")).toBe(0);
    expect(count(t, "evidence")).toBe(0);
    expect(await settle(t.evidenceDir, 0)).toEqual([]);
  });

  it("a payment refused by the model keeps neither the proof nor a payment", async () => {
    const t = await makeTestApp();
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const res = await inspector
      .post(`/cases/${c.id}/payments`)
      .field("version", String(c.version()))
      .field("itemId", "999")
      .field("amount", "100")
      .field("paidOn", "2026-11-23")
      .attach("proof", pdf, "回单.pdf");
    expect(res.status).toBe(422);
    expect(count(t, "payments")).toBe(0);
    expect(await settle(t.evidenceDir, 0)).toEqual([]);
  });

  it("a client that disconnects in the middle of a file leaves nothing behind", async () => {
    const t = await makeTestApp();
    const login = await browser(t.app).post("/login").type("form").send({ username: "clerk1", password: DEMO_PASSWORD });
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    let sawFile = false;
    const watcher = setInterval(() => (sawFile ||= readdirSync(t.evidenceDir).length > 0), 5);
    const server = t.app.listen(0);
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as AddressInfo).port;
    const boundary = "----qxabort";
    const head = Object.entries(intakeFields())
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("");
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        port,
        method: "POST",
        path: "/cases",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "sec-fetch-site": "same-origin",
          cookie: String(cookie),
          "content-length": "10000000",
        },
      });
      req.on("error", () => resolve());
      req.write(head);
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      req.write(Buffer.alloc(256 * 1024, 1), () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 100),
      );
    });
    await new Promise((r) => setTimeout(r, 200));
    clearInterval(watcher);
    server.close();
    expect(sawFile).toBe(true);
    expect(await settle(t.evidenceDir, 0)).toEqual([]);
    expect(count(t, "evidence")).toBe(0);
  });
});
