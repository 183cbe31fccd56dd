/** Issue 13, defect 5: login throttling per account and address, with back-off, kept in the database. */
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { browser, makeTestApp, type TestApp } from "../helpers.js";

const from = (t: TestApp, address: string, app = t.app) => ({
  login: (username: string, password: string) => browser(app).set("X-Forwarded-For", address).post("/login").type("form").send({ username, password }),
});

async function failTimes(t: TestApp, address: string, username: string, n: number) {
  for (let i = 0; i < n; i++) expect((await from(t, address).login(username, `wrong-${i}`)).status).toBe(401);
}

const later = (t: TestApp, seconds: number) => (t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000));

describe("login throttling (defect 5)", () => {
  it("wrong passwords from one address never lock the account for its owner elsewhere", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    await failTimes(t, "203.0.113.9", "inspector1", 5);
    expect((await from(t, "203.0.113.9").login("inspector1", "demo1234")).status).toBe(429);
    expect((await from(t, "10.1.2.3").login("inspector1", "demo1234")).status).toBe(303);
  });

  it("slows one account down across addresses, never at an address its owner signed in from (issue 22 defect 10)", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    // The owner has signed in from the office before.
    expect((await from(t, "10.8.0.5").login("inspector2", "demo1234")).status).toBe(303);
    // 20 wrong passwords from 20 addresses (each pair stays under its own limit) all reach the check…
    for (let i = 0; i < 20; i++) expect((await from(t, `198.51.100.${i}`).login("inspector2", `guess-${i}`)).status).toBe(401);
    // …the 21st from anywhere new makes the account wait, even with the right password.
    expect((await from(t, "198.51.100.200").login("inspector2", "guess-x")).status).toBe(401);
    const attacker = await from(t, "198.51.100.201").login("inspector2", "demo1234");
    expect(attacker.status).toBe(429);
    expect(attacker.headers["retry-after"]).toBe("30");
    // The owner at the office is not locked out.
    expect((await from(t, "10.8.0.5").login("inspector2", "demo1234")).status).toBe(303);
    later(t, 31);
    expect((await from(t, "198.51.100.202").login("inspector2", "demo1234")).status).toBe(303);
  });

  it("failures on many accounts from one office address do not lock the others there", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    for (let i = 0; i < 25; i++) await from(t, "10.0.0.1").login(`nobody${i}`, "x");
    expect((await from(t, "10.0.0.1").login("clerk1", "demo1234")).status).toBe(303);
  });

  it("tells a locked-out user when to retry, and doubles the wait after each further failure", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    await failTimes(t, "203.0.113.9", "clerk1", 5);
    const locked = await from(t, "203.0.113.9").login("clerk1", "demo1234");
    expect(locked.status).toBe(429);
    expect(locked.headers["retry-after"]).toBe("30");
    expect(locked.text).toMatch(/登录失败次数过多，请于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}（约 1 分钟后）再试/);
    later(t, 31);
    expect((await from(t, "203.0.113.9").login("clerk1", "wrong-again")).status).toBe(401);
    expect((await from(t, "203.0.113.9").login("clerk1", "demo1234")).headers["retry-after"]).toBe("60");
    later(t, 61);
    expect((await from(t, "203.0.113.9").login("clerk1", "demo1234")).status).toBe(303);
    // A success clears the pair: the next wrong password is free again.
    expect((await from(t, "203.0.113.9").login("clerk1", "wrong")).status).toBe(401);
    expect((await from(t, "203.0.113.9").login("clerk1", "demo1234")).status).toBe(303);
  });

  it("survives a restart: a new app on the same database still refuses the pair", async () => {
    const t = await makeTestApp(undefined, { TRUST_PROXY: "true" });
    await failTimes(t, "203.0.113.9", "supervisor1", 5);
    const restarted = createApp({
      db: t.db,
      config: readConfig({ NODE_ENV: "test", EVIDENCE_DIR: t.evidenceDir, TRUST_PROXY: "true" }),
      now: () => t.clock.now,
    });
    expect((await from(t, "203.0.113.9", restarted).login("supervisor1", "demo1234")).status).toBe(429);
  });
});
