import { beforeEach, describe, expect, it } from "vitest";
import { loginAs, makeCase, makeTestApp, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let admin: Agent;
beforeEach(async () => {
  t = await makeTestApp();
  admin = await loginAs(t.app, "admin");
});

const q = (sql: string, ...args: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...args);
const officeOf = (name: string) => t.db.$client.prepare("select id, version from offices where name = ?").get(name) as { id: number; version: number };

describe("GET /admin/offices", () => {
  it("lists every office with its divisions and staff", async () => {
    const res = await admin.get("/admin/offices");
    expect(res.status).toBe(200);
    expect(res.text.match(/data-office=/g)).toHaveLength(18);
    expect(res.text).toContain("长春新区、中韩示范区");
  });
});

describe("POST /admin/offices", () => {
  it("creates an office covering new divisions, to which new complaints are then routed", async () => {
    const res = await admin.post("/admin/offices").type("form").send({
      name: "空港开发区劳动保障监察大队",
      kind: "district",
      phone: "0431-88009999",
      address: "空港开发区",
      docPrefix: "长空港人社监",
      divisions: "空港开发区\n兴隆综合保税区",
    });
    expect(res.status).toBe(303);
    const id = Number(/\/admin\/offices\/(\d+)/.exec(String(res.headers.location))![1]);
    expect(q("select group_concat(name, '、') from divisions where office_id = ?", id)).toBe("空港开发区、兴隆综合保税区");
    const { id: caseId } = makeCase(t.db, { district: "兴隆综合保税区" });
    expect(q("select office_id from cases where id = ?", caseId)).toBe(id);
    expect((await (await loginAs(t.app, "clerk1")).get("/cases/new")).text).toContain("兴隆综合保税区");
  });

  it("names each bad field, keeps what was typed and refuses a division another office covers", async () => {
    const bad = await admin.post("/admin/offices").type("form").send({ name: "", kind: "district", docPrefix: "", divisions: "" });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("请填写机构名称");
    expect(bad.text).toContain("请填写文号前缀");
    const taken = await admin
      .post("/admin/offices")
      .type("form")
      .send({ name: "新大队", kind: "district", docPrefix: "长新人社监", divisions: "南关区\n新区划" });
    expect(taken.status).toBe(422);
    expect(taken.text).toContain("“南关区”现由南关区劳动保障监察大队管辖");
    expect(taken.text).toContain("新区划");
    expect(q("select count(*) from offices where name = '新大队'")).toBe(0);
    expect(q("select count(*) from divisions where name = '新区划'")).toBe(0);
    const secondCity = await admin.post("/admin/offices").type("form").send({ name: "另一个市本级", kind: "city", docPrefix: "长人社监", divisions: "" });
    expect(secondCity.status).toBe(422);
    expect(secondCity.text).toContain("本市已有市本级机构");
  });
});

describe("deactivating an office", () => {
  it("is refused while it covers divisions or holds open cases, and then keeps its history", async () => {
    const nanguan = officeOf("南关区劳动保障监察大队");
    const { id: caseId } = makeCase(t.db, { district: "南关区" });
    const covered = await admin.post(`/admin/offices/${nanguan.id}/active`).type("form").send({ active: "false", version: nanguan.version });
    expect(covered.status).toBe(422);
    expect(covered.text).toContain("该机构仍管辖行政区划");

    // 南关区 moves to 朝阳 (emptying 南关's list), then the open case still holds it.
    const chaoyang = officeOf("朝阳区劳动保障监察大队");
    const emptied = await admin
      .post(`/admin/offices/${nanguan.id}`)
      .type("form")
      .send({ name: "南关区劳动保障监察大队", kind: "district", docPrefix: "长南人社监", divisions: "", version: nanguan.version });
    expect(emptied.status).toBe(422);
    expect(emptied.text).toContain("请至少填写一个管辖的行政区划");
    await admin
      .post(`/admin/offices/${nanguan.id}`)
      .type("form")
      .send({ name: "南关区劳动保障监察大队", kind: "district", docPrefix: "长南人社监", divisions: "已撤并区划", version: nanguan.version });
    await admin
      .post(`/admin/offices/${chaoyang.id}`)
      .type("form")
      .send({ name: "朝阳区劳动保障监察大队", kind: "district", docPrefix: "长朝人社监", divisions: "朝阳区\n南关区", version: chaoyang.version });
    expect(q("select office_id from divisions where name = '南关区'")).toBe(chaoyang.id);
    t.db.$client.prepare("update divisions set office_id = null where name = '已撤并区划'").run();
    const open = await admin
      .post(`/admin/offices/${nanguan.id}/active`)
      .type("form")
      .send({ active: "false", version: officeOf("南关区劳动保障监察大队").version });
    expect(open.status).toBe(422);
    expect(open.text).toContain("该机构仍有未结案件");

    t.db.$client.prepare("update cases set state = 'closed', outcome = 'withdrawn', closed_on = '2026-11-23' where id = ?").run(caseId);
    const done = await admin
      .post(`/admin/offices/${nanguan.id}/active`)
      .type("form")
      .send({ active: "false", version: officeOf("南关区劳动保障监察大队").version });
    expect(done.status).toBe(303);
    expect(q("select active from offices where id = ?", nanguan.id)).toBe(0);
    // Its case and staff stay with it; the history page shows every change.
    expect(q("select office_id from cases where id = ?", caseId)).toBe(nanguan.id);
    expect(q("select count(*) from users where office_id = ?", nanguan.id)).toBe(3);
    const page = await admin.get(`/admin/offices/${nanguan.id}`);
    expect(page.text).toContain("已停用");
    expect(page.text).toContain("停用监察机构");
    // The city's workbench still finds its case through the office filter.
    const city = await loginAs(t.app, "supervisor1");
    expect((await city.get(`/cases?state=all&office=${nanguan.id}`)).text).toContain(`data-case="${q("select case_number from cases where id = ?", caseId)}"`);
  });

  it("refuses a save over another admin's change", async () => {
    const office = officeOf("宽城区劳动保障监察大队");
    const fields = { name: "宽城区劳动保障监察大队", kind: "district", docPrefix: "长宽人社监", divisions: "宽城区", version: office.version };
    expect(
      (
        await admin
          .post(`/admin/offices/${office.id}`)
          .type("form")
          .send({ ...fields, phone: "1" })
      ).status,
    ).toBe(303);
    const stale = await admin
      .post(`/admin/offices/${office.id}`)
      .type("form")
      .send({ ...fields, phone: "2" });
    expect(stale.status).toBe(409);
    expect(q("select phone from offices where id = ?", office.id)).toBe("1");
  });
});
