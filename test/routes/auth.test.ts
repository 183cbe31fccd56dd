import request from "supertest";
import { beforeEach, describe, expect, it } from "vitest";
import { browser, loginAs, makeTestApp, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  return cookies.find((c) => c.startsWith("qx_session=") && !c.startsWith("qx_session=;"));
}

describe("GET /login", () => {
  it("shows the sign-in form in Chinese", async () => {
    const res = await request(t.app).get("/login");
    expect(res.status).toBe(200);
    expect(res.text).toContain("登录欠薪快办");
    expect(res.text).toContain('lang="zh-CN"');
  });
});

describe("POST /login", () => {
  it("signs in with the right password: HttpOnly SameSite=Lax cookie, then the home page greets the user", async () => {
    const agent = browser(t.app);
    const res = await agent.post("/login").type("form").send({ username: "clerk1", password: "demo1234" });
    expect(res.status).toBe(303);
    // Staff land on their worklist (issue 21 item 10).
    expect(res.headers.location).toBe("/cases");
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const home = await agent.get("/");
    expect(home.text).toContain("您好，王晓丽");
  });

  it("refuses a wrong password with a message and no session", async () => {
    const res = await browser(t.app).post("/login").type("form").send({ username: "clerk1", password: "wrong-pass" });
    expect(res.status).toBe(401);
    expect(res.text).toContain("用户名或密码不正确");
    expect(sessionCookie(res)).toBeUndefined();
    expect(res.text).toContain('value="clerk1"');
  });

  it("names the missing field", async () => {
    const res = await browser(t.app).post("/login").type("form").send({ username: "", password: "" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("请填写用户名");
    expect(res.text).toContain("请填写密码");
  });

  it("returns to the page that asked for a login, but never off-site", async () => {
    const first = await request(t.app).get("/admin/users");
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe("/login?redirectTo=%2Fadmin%2Fusers");
    const back = await browser(t.app).post("/login").type("form").send({ username: "admin", password: "demo1234", redirectTo: "/admin/users" });
    expect(back.headers.location).toBe("/admin/users");
    const evil = await browser(t.app).post("/login").type("form").send({ username: "admin", password: "demo1234", redirectTo: "//evil.example/x" });
    expect(evil.headers.location).toBe("/admin/users");
  });
});

describe("CSRF protection", () => {
  it("refuses a cross-site POST (foreign Origin)", async () => {
    const res = await request(t.app).post("/login").set("Origin", "https://evil.example").type("form").send({ username: "clerk1", password: "demo1234" });
    expect(res.status).toBe(403);
    expect(res.text).toContain("请求来源不可信");
    expect(sessionCookie(res)).toBeUndefined();
  });

  it("refuses a POST the browser marks cross-site", async () => {
    const res = await request(t.app).post("/login").set("Sec-Fetch-Site", "cross-site").type("form").send({ username: "clerk1", password: "demo1234" });
    expect(res.status).toBe(403);
  });

  it("refuses a POST with neither Origin nor Sec-Fetch-Site", async () => {
    const res = await request(t.app).post("/login").type("form").send({ username: "clerk1", password: "demo1234" });
    expect(res.status).toBe(403);
  });

  it("accepts a POST whose Origin is this host", async () => {
    const server = t.app.listen(0);
    try {
      const port = (server.address() as { port: number }).port;
      const res = await request(`http://127.0.0.1:${port}`)
        .post("/login")
        .set("Origin", `http://127.0.0.1:${port}`)
        .type("form")
        .send({ username: "clerk1", password: "demo1234" });
      expect(res.status).toBe(303);
    } finally {
      server.close();
    }
  });
});

describe("sessions", () => {
  it("end on logout, which also clears what the browser kept of the site (a shared computer)", async () => {
    const agent = await loginAs(t.app, "clerk1");
    const out = await agent.post("/logout");
    expect(out.headers["clear-site-data"]).toBe('"cache"');
    const res = await agent.get("/admin/users");
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/login/);
  });

  it("expire after 8 hours without activity, and slide while used", async () => {
    const agent = await loginAs(t.app, "admin");
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 3600_000);
    expect((await agent.get("/admin/users")).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 3600_000);
    expect((await agent.get("/admin/users")).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 8 * 3600_000 + 1000);
    expect((await agent.get("/admin/users")).status).toBe(303);
  });

  it("store only the token's hash", async () => {
    const res = await browser(t.app).post("/login").type("form").send({ username: "clerk1", password: "demo1234" });
    const token = /qx_session=([^;]+)/.exec(sessionCookie(res)!)![1]!;
    const ids = t.db.$client.prepare("select id from sessions").all() as { id: string }[];
    expect(ids).toHaveLength(1);
    expect(ids[0]!.id).not.toContain(token);
    expect(ids[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("security headers", () => {
  it("sends a script CSP, nosniff and frame protection; no X-Powered-By", async () => {
    const res = await request(t.app).get("/login");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("serves htmx 2.0.x from our own origin", async () => {
    const res = await request(t.app).get("/login");
    const src = /src="(\/js\/htmx-2\.0\.\d+\.min\.js)"/.exec(res.text)![1]!;
    const js = await request(t.app).get(src);
    expect(js.status).toBe(200);
    expect(js.text).toContain("htmx");
  });
});
