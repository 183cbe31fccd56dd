import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { loginAs, makeCase, makeTestApp, ROLE_USERS, userId, workerInput, type Agent, type TestApp } from "../helpers.js";
import type { Role } from "../../src/domain/roles.js";

/** Each page and the roles that may open it (everyone else signed in gets 403). */
const PAGES: { path: string; roles: Role[] }[] = [
  { path: "/admin/users", roles: ["admin"] },
  { path: "/admin/users/new", roles: ["admin"] },
  { path: "/admin/units", roles: ["admin"] },
  { path: "/admin/calendar/2026", roles: ["admin"] },
  { path: "/cases", roles: ["clerk", "inspector", "supervisor"] },
  { path: "/cases/new", roles: ["clerk", "supervisor"] },
  { path: "/tasks", roles: ["unit", "supervisor"] },
  { path: "/dashboard", roles: ["supervisor"] },
  { path: "/statistics", roles: ["supervisor"] },
  { path: "/dashboard/clearance", roles: ["supervisor"] },
];

const NAV_LINKS: Record<Role, { shows: string[]; hides: string[] }> = {
  admin: { shows: ["/admin/users", "/admin/units", "/admin/calendar"], hides: [] },
  clerk: { shows: ["/cases", "/cases/new", "/calendar/calc"], hides: ["/admin/users"] },
  inspector: { shows: ["/cases", "/calendar/calc"], hides: ["/admin/users", "/cases/new", "/dashboard", "/statistics"] },
  supervisor: { shows: ["/cases", "/cases/new", "/tasks", "/calendar/calc", "/dashboard", "/statistics"], hides: ["/admin/users"] },
  unit: { shows: ["/tasks", "/calendar/calc"], hides: ["/admin/users", "/admin/calendar", "/cases"] },
};

let t: TestApp;
const agents = {} as Record<Role, Agent>;
beforeAll(async () => {
  t = await makeTestApp();
  for (const [role, username] of Object.entries(ROLE_USERS)) agents[role as Role] = await loginAs(t.app, username);
});

describe.each(PAGES)("GET $path", ({ path, roles }) => {
  it.each(Object.keys(ROLE_USERS) as Role[])("as %s", async (role) => {
    const res = await agents[role].get(path);
    if (roles.includes(role)) {
      expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(403);
      expect(res.text).toContain("没有权限");
    }
  });

  it("signed out → the login page, returning here", async () => {
    const res = await request(t.app).get(path);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });
});

describe("the navigation bar", () => {
  it.each(Object.keys(NAV_LINKS) as Role[])("fits the %s role", async (role) => {
    const res = await agents[role].get("/");
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(res.text)![0];
    for (const href of NAV_LINKS[role].shows) expect(nav).toContain(`href="${href}"`);
    for (const href of NAV_LINKS[role].hides) expect(nav).not.toContain(`href="${href}"`);
  });
});

describe("error pages", () => {
  it("answers an unknown URL with a Chinese 404 page", async () => {
    const res = await request(t.app).get("/no/such/page");
    expect(res.status).toBe(404);
    expect(res.text).toContain("页面不存在");
  });

  it("sends a form's address opened by GET (reload, back, bookmark) to the page the form is on", async () => {
    for (const [path, page] of [
      ["/cases/12/mediations", "/cases/12"],
      ["/cases/12/orders/3/enforce", "/cases/12"],
      ["/tasks/4/answer", "/tasks/4"],
    ]) {
      const res = await agents.supervisor.get(path!);
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toBe(page);
    }
    expect((await agents.supervisor.post("/cases/12/no-such-form").type("form").send({})).status).toBe(404);
  });

  it("never shows a stack trace", async () => {
    const res = await agents.admin.get("/admin/users/not-a-number");
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("case access follows the abilities table over HTTP", () => {
  it("keeps /cases?every=1 to an inspector's own cases when the bureau has not allowed the read-only search", async () => {
    const other = makeCase(t.db, { employerName: "长春某保密单位", workers: [workerInput(41, { name: "隐私甲", isRepresentative: true })] });
    const inspector = await loginAs(t.app, "inspector3");
    for (const path of ["/cases?every=1", "/cases?every=1&state=all", `/cases?every=1&q=${encodeURIComponent("隐私甲")}`, `/cases?q=QX&every=1`]) {
      const res = await inspector.get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(other.caseNumber);
      expect(res.text, path).not.toContain("长春某保密单位");
      expect(res.text, path).not.toContain("查询全部案件");
    }
    expect((await inspector.get(`/cases/${other.id}`)).status).toBe(403);
  });

  it("shows the supervisor the same case in the same search", async () => {
    const { caseNumber } = makeCase(t.db, { workers: [workerInput(42, { name: "隐私乙", isRepresentative: true })] });
    const res = await agents.supervisor.get(`/cases?q=${encodeURIComponent("隐私乙")}`);
    expect(res.text).toContain(caseNumber);
  });

  it("keeps liaisons and admins off the case page, and a clerk off a case another clerk registered", async () => {
    const { id } = makeCase(t.db, {}, { actorId: userId(t.db, "supervisor1") });
    for (const role of ["unit", "admin", "clerk"] as const) expect((await agents[role].get(`/cases/${id}`)).status, role).toBe(403);
  });
});
