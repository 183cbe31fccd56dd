import { beforeEach, describe, expect, it } from "vitest";
import { browser, loginAs, makeTestApp, type Agent, type TestApp } from "../helpers.js";
import { getUserByUsername } from "../../src/models/users.js";
import { listUnits } from "../../src/models/units.js";

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  admin = await loginAs(t.app, "admin");
});

describe("POST /admin/users", () => {
  it("creates a user who can then sign in", async () => {
    const res = await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "clerk2", displayName: "孙丽", role: "clerk", officeId: "1", password: "s3cret-pass" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/users\/\d+$/);
    await loginAs(t.app, "clerk2", "s3cret-pass");
  });

  it("names each bad field and keeps what was typed", async () => {
    const res = await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "X!", displayName: "周杰", role: "unit", unitId: "", officeId: "", password: "short" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("用户名为 3–32 位小写字母");
    expect(res.text).toContain("密码至少 8 位");
    expect(res.text).toContain("专班成员单位联络员必须选择所属成员单位");
    expect(res.text).toContain("请选择所属监察机构");
    expect(res.text).toContain('value="周杰"');
    expect(res.text).toContain('value="X!"');
    expect(getUserByUsername(t.db, "X!")).toBeUndefined();
  });

  it("refuses a taken username", async () => {
    const res = await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "clerk1", displayName: "重复", role: "clerk", officeId: "1", password: "12345678" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("该用户名已被使用");
  });

  it("ties a unit liaison to a unit", async () => {
    const unit = listUnits(t.db).find((u) => u.name === "市水利局")!;
    await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "unit_slj", displayName: "钱明", role: "unit", unitId: String(unit.id), officeId: "1", password: "12345678" });
    expect(getUserByUsername(t.db, "unit_slj")!.unitId).toBe(unit.id);
    const liaison = await loginAs(t.app, "unit_slj", "12345678");
    expect((await liaison.get("/")).text).toContain("市水利局");
  });
});

describe("POST /admin/users/:id/active", () => {
  it("signs a deactivated user out at once, and keeps them out", async () => {
    const inspector = await loginAs(t.app, "inspector2");
    expect((await inspector.get("/")).text).toContain("您好，张伟");
    const id = getUserByUsername(t.db, "inspector2")!.id;
    await admin.post(`/admin/users/${id}/active`).type("form").send({ active: "false", version: 1 });
    const after = await inspector.get("/");
    expect(after.text).not.toContain("您好，张伟");
    const again = await browser(t.app).post("/login").type("form").send({ username: "inspector2", password: "demo1234" });
    expect(again.status).toBe(401);
  });

  it("will not let an admin deactivate themselves", async () => {
    const id = getUserByUsername(t.db, "admin")!.id;
    const res = await admin.post(`/admin/users/${id}/active`).type("form").send({ active: "false" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("不能停用自己的账号");
    expect(getUserByUsername(t.db, "admin")!.active).toBe(true);
  });
});

describe("POST /admin/users/:id/password", () => {
  it("resets the password and ends the user's sessions", async () => {
    const clerk = await loginAs(t.app, "clerk1");
    const id = getUserByUsername(t.db, "clerk1")!.id;
    expect((await admin.post(`/admin/users/${id}/password`).type("form").send({ password: "new-password-1" })).status).toBe(303);
    expect((await clerk.get("/")).text).not.toContain("您好");
    await loginAs(t.app, "clerk1", "new-password-1");
  });

  it("refuses a short password with a message", async () => {
    const id = getUserByUsername(t.db, "clerk1")!.id;
    const res = await admin.post(`/admin/users/${id}/password`).type("form").send({ password: "123" });
    expect(res.status).toBe(422);
    expect(res.text).toContain("密码至少 8 位");
  });
});

describe("POST /admin/users/:id (role change)", () => {
  it("changes the role and ends the user's sessions", async () => {
    const clerk = await loginAs(t.app, "clerk1");
    const id = getUserByUsername(t.db, "clerk1")!.id;
    await admin.post(`/admin/users/${id}`).type("form").send({ displayName: "王晓丽", role: "inspector", officeId: "1", version: 1 });
    expect(getUserByUsername(t.db, "clerk1")!.role).toBe("inspector");
    expect((await clerk.get("/")).text).not.toContain("您好");
    const history = await admin.get(`/admin/users/${id}`);
    expect(history.text).toContain("修改用户");
  });
});

describe("the last admin (defect 10)", () => {
  it("cannot demote themself while no other admin is active", async () => {
    const id = getUserByUsername(t.db, "admin")!.id;
    const res = await admin.post(`/admin/users/${id}`).type("form").send({ displayName: "管理员", role: "clerk", officeId: "1", version: 1 });
    expect(res.status).toBe(422);
    expect(res.text).toContain("这是唯一在用的系统管理员账号");
    expect(getUserByUsername(t.db, "admin")!.role).toBe("admin");
  });

  it("may hand over once another admin exists", async () => {
    await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "admin2", displayName: "接任管理员", role: "admin", officeId: "1", password: "s3cret-pass" });
    const id = getUserByUsername(t.db, "admin")!.id;
    expect((await admin.post(`/admin/users/${id}`).type("form").send({ displayName: "管理员", role: "clerk", officeId: "1", version: 1 })).status).toBe(303);
    expect(getUserByUsername(t.db, "admin")!.role).toBe("clerk");
  });

  it("another admin cannot deactivate the last active one either", async () => {
    await admin
      .post("/admin/users")
      .type("form")
      .send({ username: "admin2", displayName: "接任管理员", role: "admin", officeId: "1", password: "s3cret-pass" });
    const second = await loginAs(t.app, "admin2", "s3cret-pass");
    const firstId = getUserByUsername(t.db, "admin")!.id;
    const secondId = getUserByUsername(t.db, "admin2")!.id;
    expect((await second.post(`/admin/users/${firstId}/active`).type("form").send({ active: "false", version: 1 })).status).toBe(303);
    // admin2 is now the only active admin; the first one is inactive and cannot act, so demoting admin2 must fail.
    const res = await second.post(`/admin/users/${secondId}`).type("form").send({ displayName: "接任管理员", role: "supervisor", officeId: "1", version: 1 });
    expect(res.status).toBe(422);
  });
});

describe("optimistic version on admin user edits (defect 11)", () => {
  it("a save based on an older page is refused with 409 and the current record shown", async () => {
    const id = getUserByUsername(t.db, "clerk1")!.id;
    const page = await admin.get(`/admin/users/${id}`);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    expect((await admin.post(`/admin/users/${id}`).type("form").send({ displayName: "甲改的", role: "clerk", officeId: "1", version })).status).toBe(303);
    const stale = await admin.post(`/admin/users/${id}`).type("form").send({ displayName: "乙改的", role: "inspector", officeId: "1", version });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("该用户已被其他管理员修改");
    expect(stale.text).toContain('value="甲改的"');
    expect(getUserByUsername(t.db, "clerk1")).toMatchObject({ displayName: "甲改的", role: "clerk" });
  });
});

describe("member units", () => {
  it("lists the 26 seeded units", async () => {
    const res = await admin.get("/admin/units");
    expect(res.text).toContain("工作专班成员单位（26 个）");
    for (const name of ["市住建局", "市交通运输局", "市水利局", "市公安局", "市中级人民法院", "市总工会", "市发改委", "市财政局"])
      expect(res.text).toContain(name);
  });

  it("adds a unit and refuses a duplicate name", async () => {
    expect((await admin.post("/admin/units").type("form").send({ name: "市应急管理局" })).status).toBe(303);
    const dup = await admin.post("/admin/units").type("form").send({ name: "市应急管理局" });
    expect(dup.status).toBe(422);
    expect(dup.text).toContain("已有同名成员单位");
    expect(listUnits(t.db)).toHaveLength(27);
  });

  it("deactivates a unit", async () => {
    const unit = listUnits(t.db)[0]!;
    await admin.post(`/admin/units/${unit.id}`).type("form").send({ name: unit.name, active: "false" });
    expect(listUnits(t.db, { activeOnly: true })).toHaveLength(25);
  });
});
