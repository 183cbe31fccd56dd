/**
 * The printed transfers (src/routes/transfers.ts): the 案件移送函 of a transfer to the competent office, numbered by the
 * sending office (docs/rules.md §Offices and jurisdiction), and the 案件移送书 of a transfer to another department, in the
 * 移送书 series of the office that has the case (docs/rules.md §移送其他部门). Each states the case's essentials with ID
 * numbers masked, the basis, the materials and the receiver's 签收 line; its number never changes on reload.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { idNumber, loginAs, makeCase, makeTestApp, officeIdOf, type TestApp, userId, workedCase, workerInput } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(new Date("2026-11-25T02:00:00Z"));
});

const q = (sql: string, ...args: unknown[]) =>
  t.db.$client
    .prepare(sql)
    .pluck()
    .get(...args);
const officeId = (name: string) => officeIdOf(t.db, name);
const NANGUAN = "南关区劳动保障监察大队";
const CHAOYANG = "朝阳区劳动保障监察大队";

/** A case registered at 南关's window for two workers, transferred by 南关's supervisor to 朝阳; returns it and the move. */
async function transferred(employerName = "长春市某建筑劳务有限公司") {
  const { id } = makeCase(
    t.db,
    { district: "南关区", employerName, workers: [workerInput(1), workerInput(2, { claimedFen: 1_234_550 })] },
    { actorId: userId(t.db, "clerk_ng"), now: t.clock.now },
  );
  const nanguan = await loginAs(t.app, "supervisor_ng");
  const res = await nanguan
    .post(`/cases/${id}/transfer`)
    .type("form")
    .send({ toOfficeId: officeId(CHAOYANG), reason: "经核实工地位于朝阳区", version: q("select version from cases where id = ?", id) });
  expect(res.status).toBe(303);
  return { id, moveId: q("select id from case_office_moves where case_id = ?", id) as number, nanguan };
}

describe("the 案件移送函 (移送 to the competent office)", () => {
  it("is numbered by the sending office with the transfer, states the case masked, the reason, the basis, the materials and the 签收 line", async () => {
    const { id, moveId, nanguan } = await transferred();
    expect(q("select doc_number from case_office_moves where id = ?", moveId)).toBe("长南人社监移函〔2026〕1号");

    // The sending office prints it although the case has gone (its history is read-only); the link is on the case page.
    expect((await nanguan.get(`/cases/${id}`)).text).toContain(`href="/cases/${id}/office-transfers/${moveId}"`);
    const letter = await nanguan.get(`/cases/${id}/office-transfers/${moveId}`);
    expect(letter.status).toBe(200);
    const text = letter.text;
    expect(text).toContain("<h1>案件移送函</h1>");
    expect(text).toContain("data-doc-number>长南人社监移函〔2026〕1号<");
    expect(text).toContain(`data-addressee>${CHAOYANG}：`);
    expect(text).toContain("data-reason>经核实工地位于朝阳区<");
    expect(text).toContain("《劳动保障监察条例》第十三条");
    expect(text).toContain("不得再自行移送");
    expect(text).toContain("data-employer>长春市某建筑劳务有限公司");
    expect(text).toMatch(/data-work-site>南关区，某小区二期/);
    expect(text).toContain("data-workers>2 人<");
    expect(text).toContain("data-owed>¥20,845.50<");
    // ID numbers masked, never whole; no phones.
    expect(text).not.toContain(idNumber(1));
    expect(text).toContain(`${idNumber(1).slice(0, 4)}**********${idNumber(1).slice(-4)}`);
    expect(text).not.toContain(workerInput(1).phone);
    expect(text).toMatch(/data-materials>[\s\S]*投诉登记表[\s\S]*投诉人名单（2 人）/);
    // Issued by the sending office, signed for by the receiving one.
    expect(text).toContain(`承办单位：${NANGUAN}`);
    expect(text).toMatch(new RegExp(`data-receipt-line>[\\s\\S]*受移送机构：${CHAOYANG}[\\s\\S]*签收人（签字）`));

    // The number stays on reload, for whoever prints; the next transfer gets the next one.
    const chaoyang = await loginAs(t.app, "supervisor_cy");
    const again = await chaoyang.get(`/cases/${id}/office-transfers/${moveId}`);
    expect(again.status).toBe(200);
    expect(again.text).toContain("data-doc-number>长南人社监移函〔2026〕1号<");
    expect((await nanguan.get(`/cases/${id}/office-transfers/${moveId}`)).text).toContain("长南人社监移函〔2026〕1号");
    const next = await transferred("长春市另一劳务有限公司");
    expect(q("select doc_number from case_office_moves where id = ?", next.moveId)).toBe("长南人社监移函〔2026〕2号");
  });

  it("is printed by the people working the case and the two offices' supervisors only; a designation has none", async () => {
    const { id, moveId } = await transferred();
    for (const [user, status] of [
      ["supervisor1", 200],
      ["supervisor_cy", 200],
      ["supervisor_ng", 200],
      // 南关's clerk registered it at its window: still the registrar, working the case.
      ["clerk_ng", 200],
      ["inspector_ng", 403],
      ["clerk_cy", 403],
      ["inspector3", 403],
    ] as const) {
      expect((await (await loginAs(t.app, user)).get(`/cases/${id}/office-transfers/${moveId}`)).status, user).toBe(status);
    }
    const city = await loginAs(t.app, "supervisor1");
    expect((await city.get(`/cases/${id}/office-transfers/999999`)).status).toBe(404);
    // Another case's transfer is not this case's.
    const other = makeCase(t.db, { district: "朝阳区" }, { now: t.clock.now });
    expect((await city.get(`/cases/${other.id}/office-transfers/${moveId}`)).status).toBe(404);
    // The city's designation is its decision, not a 移送函: no number, no letter.
    await city
      .post(`/cases/${other.id}/designate`)
      .type("form")
      .send({ toOfficeId: officeId(NANGUAN), reason: "项目主体位于南关区", version: q("select version from cases where id = ?", other.id) });
    const designation = q("select id from case_office_moves where case_id = ?", other.id) as number;
    expect(q("select doc_number from case_office_moves where id = ?", designation)).toBeNull();
    expect((await city.get(`/cases/${other.id}/office-transfers/${designation}`)).status).toBe(404);
  });
});

describe("the 案件移送书 (移送其他部门)", () => {
  it("is numbered in the 移送书 series of the case's office when recorded, and prints the matter, the basis, the reply due date and the 签收 line", async () => {
    const c = await workedCase(t);
    const inspector = await loginAs(t.app, "inspector1");
    const unitId = q("select id from member_units where name = '市住建局'") as number;
    const sent = await inspector
      .post(`/cases/${c.id}/department-transfers`)
      .type("form")
      .send({
        version: String(c.version()),
        unitId: String(unitId),
        sentOn: "2026-11-25",
        matter: "总包单位未按规定开设农民工工资专用账户，请依职责查处。",
        materials: "投诉登记表\n现场检查笔录",
        replyDueOn: "",
      });
    expect(sent.status).toBe(303);
    const transferId = q("select id from department_transfers where case_id = ?", c.id) as number;
    // The case is in 朝阳: its prefix and the 移送书's word.
    expect(q("select doc_number from department_transfers where id = ?", transferId)).toBe("长朝人社监移〔2026〕1号");
    expect((await inspector.get(`/cases/${c.id}`)).text).toContain(`href="/cases/${c.id}/department-transfers/${transferId}"`);

    const doc = await inspector.get(`/cases/${c.id}/department-transfers/${transferId}`);
    expect(doc.status).toBe(200);
    expect(doc.text).toContain("<h1>案件移送书</h1>");
    expect(doc.text).toContain("data-doc-number>长朝人社监移〔2026〕1号<");
    expect(doc.text).toContain("data-addressee>市住建局：");
    expect(doc.text).toContain("data-matter>总包单位未按规定开设农民工工资专用账户，请依职责查处。<");
    expect(doc.text).toContain("《劳动保障监察条例》第十八条第二款");
    expect(doc.text).toContain("移（转）送工作规则");
    // The 10th working day after 2026-11-25.
    expect(doc.text).toContain("data-reply-due>2026年12月9日<");
    expect(doc.text).toMatch(/data-materials><li>投诉登记表<\/li><li>现场检查笔录<\/li>/);
    expect(doc.text).not.toContain(idNumber(1));
    expect(doc.text).toContain(`承办单位：${CHAOYANG}`);
    expect(doc.text).toMatch(/data-receipt-line>[\s\S]*接收部门：市住建局[\s\S]*签收人（签字）：____________/);
    expect((await inspector.get(`/cases/${c.id}/department-transfers/${transferId}`)).text).toContain("长朝人社监移〔2026〕1号");

    // Once the department signed, the line carries who and when.
    await inspector
      .post(`/cases/${c.id}/department-transfers/receipt`)
      .type("form")
      .send({ version: String(c.version()), transferId: String(transferId), receivedOn: "2026-11-25", signedBy: "市住建局 建管处 刘某" });
    expect((await inspector.get(`/cases/${c.id}/department-transfers/${transferId}`)).text).toContain(
      "签收人（签字）：市住建局 建管处 刘某　签收日期：2026年11月25日",
    );
    // Another office may not print it.
    expect((await (await loginAs(t.app, "supervisor_ng")).get(`/cases/${c.id}/department-transfers/${transferId}`)).status).toBe(403);
    expect((await inspector.get(`/cases/${c.id}/department-transfers/999999`)).status).toBe(404);
  });
});
