/** 询问笔录 on a filed case: recorded by two inspectors, printed on A4, listed with the evidence, ID numbers masked (docs/rules.md §询问笔录). */
import { beforeEach, describe, expect, it } from "vitest";
import { idNumber, loginAs, makeTestApp, userId, workedCase, type TestApp } from "../helpers.js";
import { describeActivityMove } from "../domain/activity-moves.js";

// Questioning is part of investigating a filed case (条例 第十五条, 第十六条).
describeActivityMove("recordInquiry", { from: ["filed"], roles: ["inspector", "supervisor"] });

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(); // Monday 2026-11-23, 10:00 in Shanghai
});

const form = (version: number, patch: Record<string, string> = {}) => ({
  version: String(version),
  intervieweeRole: "employerRep",
  intervieweeName: "赵建国",
  intervieweeIdNumber: idNumber(77, "19700101"),
  intervieweeDetail: "长春市某建筑劳务有限公司 项目经理",
  place: "支队询问室",
  startedAt: "2026-11-23T08:30",
  endedAt: "2026-11-23T09:20",
  firstInspectorId: String(userId(t.db, "inspector1")),
  firstCertificate: "吉劳监22010001",
  secondInspectorId: String(userId(t.db, "inspector2")),
  secondCertificate: "吉劳监22010002",
  questionsAndAnswers: "问：你单位是否拖欠投诉人工资？\n答：欠了 8 月到 10 月的工资。\n问：为什么不发？\n答：总包没有拨付工程款。",
  signature: "signed",
  refusalNote: "",
  ...patch,
});

describe("POST /cases/:id/inquiries", () => {
  it("refuses one inspector alone, keeping what was typed and saving nothing; records two, prints the record, lists it with the evidence", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    const alone = await inspector
      .post(`/cases/${c.id}/inquiries`)
      .type("form")
      .send(form(c.version(), { secondInspectorId: String(userId(t.db, "inspector1")) }));
    expect(alone.status).toBe(422);
    expect(alone.text).toContain("询问应由两名监察员进行（劳动保障监察条例第十六条）");
    expect(alone.text).toContain("总包没有拨付工程款");
    const refusedNoNote = await inspector
      .post(`/cases/${c.id}/inquiries`)
      .type("form")
      .send(form(c.version(), { signature: "refused" }));
    expect(refusedNoNote.text).toContain("被询问人拒绝签名的，请注明情况及在场人员");
    expect(t.db.$client.prepare("select count(*) from inquiry_records").pluck().get()).toBe(0);

    expect((await inspector.post(`/cases/${c.id}/inquiries`).type("form").send(form(c.version()))).status).toBe(303);
    const id = t.db.$client.prepare("select id from inquiry_records").pluck().get() as number;
    const page = (await inspector.get(`/cases/${c.id}`)).text;
    expect(page).toContain(`href="/cases/${c.id}/inquiries/${id}"`);
    expect(page).toContain("data-evidence-inquiries");
    expect(page).toContain(idNumber(77, "19700101"));

    const printed = (await inspector.get(`/cases/${c.id}/inquiries/${id}`)).text;
    expect(printed).toContain("询问笔录");
    expect(printed).toContain("2026-11-23 08:30 至 2026-11-23 09:20");
    expect(printed).toMatch(/执法证号 吉劳监22010001[^<]*执法证号 吉劳监22010002/);
    expect(printed).toContain('data-qa-lines="4"');
    expect(printed).toContain('data-signature="signed"');
    expect(printed).toContain(idNumber(77, "19700101"));
    expect(t.db.$client.prepare("select count(*) from personal_data_views where page = '询问笔录'").pluck().get()).toBe(1);
  });

  it("masks the person's ID number for a read-only inspector and keeps the form from them", async () => {
    t = await makeTestApp(undefined, { INSPECTORS_READ_ALL: "true" });
    const c = await workedCase(t, { to: "filed" });
    await (await loginAs(t.app, "inspector1")).post(`/cases/${c.id}/inquiries`).type("form").send(form(c.version()));
    const other = await loginAs(t.app, "inspector3");
    const page = (await other.get(`/cases/${c.id}`)).text;
    expect(page).toContain("询问笔录（1 份）");
    expect(page).not.toContain(idNumber(77, "19700101"));
    expect(page).not.toContain(`action="/cases/${c.id}/inquiries"`);
    expect((await other.post(`/cases/${c.id}/inquiries`).type("form").send(form(c.version()))).status).toBe(403);
  });
});
