/**
 * Every step a worker should hear of writes its notice in the step's own transaction (docs/rules.md §Notices to
 * workers); a worker who opted out at intake gets none, one without a mobile gets them by print/post; the admin's
 * outbox page shows them, sends them and resends a failed one.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { browser, intakeFields, loginAs, makeCase, makeTestApp, workedCase, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

interface Notice {
  kind: string;
  channel: string;
  phone: string;
  status: string;
  worker_id: number;
  office: string;
  facts: string;
}
const noticesOf = (caseId: number): Notice[] =>
  t.db.$client
    .prepare(
      "select n.kind, n.channel, n.phone, n.status, n.worker_id, o.name office, n.facts from worker_notices n join offices o on o.id = n.office_id where case_id = ? order by n.id",
    )
    .all(caseId) as Notice[];
const kinds = (caseId: number) => noticesOf(caseId).map((n) => n.kind);

const mediation = (version: number, workers: { id: number }[]) => ({
  version: String(version),
  sessionOn: "2026-11-23",
  place: "支队调解室",
  workerSide: "工人1",
  employerSide: "赵某",
  workerStatement: "要求结清工资",
  employerStatement: "同意支付",
  result: "agreement",
  payBy: "2026-11-27",
  paymentMethod: "银行转账",
  ...Object.fromEntries(workers.map((w) => [`amount.${w.id}`, "8500"])),
});

describe("notices written by each step", () => {
  it("登记 at another office's window: received (with the query code) and routed (the office and its phone)", async () => {
    const clerk = await loginAs(t.app, "clerk1"); // the city's window; the work site is in 南关区
    const res = await clerk.post("/cases").type("form").send(intakeFields());
    expect(res.status).toBe(303);
    const id = Number(String(res.headers.location).match(/\/cases\/(\d+)/)![1]);
    const c = t.db.$client.prepare("select case_number, query_code from cases where id = ?").get(id) as { case_number: string; query_code: string };
    const [received, routed] = noticesOf(id);
    expect(received).toMatchObject({ kind: "received", channel: "sms", phone: "13812345678", status: "queued", office: "南关区劳动保障监察大队" });
    expect(JSON.parse(received!.facts)).toEqual({
      caseNumber: c.case_number,
      queryCode: c.query_code,
      officeName: "南关区劳动保障监察大队",
      officePhone: expect.any(String),
    });
    expect(routed).toMatchObject({ kind: "routed" });
    expect(JSON.parse(routed!.facts).queryCode).toBeUndefined();
  });

  it("leaves out the worker who chose no SMS at intake, and sends by post to one without a mobile", async () => {
    const clerk = await loginAs(t.app, "clerk_ng"); // 南关区's own window: no routing notice
    const res = await clerk
      .post("/cases")
      .type("form")
      .send(
        intakeFields({
          "workers.0.smsOptOut": "on",
          "workers.1.name": "李四",
          "workers.1.idNumber": "",
          "workers.1.idType": "none",
          "workers.1.noIdReason": "身份证遗失，正在补办",
          "workers.1.sex": "男",
          "workers.1.age": "50",
          "workers.1.phone": "",
          "workers.1.landline": "0431-85551234",
          "workers.1.postalAddress": "长春市南关区某街 9 号",
          "workers.1.claimed": "6000",
          "workers.2.name": "王五",
          "workers.2.idNumber": "H12345678",
          "workers.2.idType": "hkMacauPermit",
          "workers.2.sex": "女",
          "workers.2.age": "33",
          "workers.2.phone": "13900001111",
          "workers.2.claimed": "7000",
        }),
      );
    expect(res.status).toBe(303);
    const id = Number(String(res.headers.location).match(/\/cases\/(\d+)/)![1]);
    const workers = t.db.$client.prepare("select id, name, sms_opt_out from case_workers where case_id = ? order by id").all(id) as {
      id: number;
      name: string;
    }[];
    const notices = noticesOf(id);
    expect(notices.map((n) => [workers.find((w) => w.id === n.worker_id)!.name, n.kind, n.channel, n.status])).toEqual([
      ["李四", "received", "post", "toPost"],
      ["王五", "received", "sms", "queued"],
    ]);
  });

  it("assigned, accepted, then a transfer signed by the receiving office with its phone", async () => {
    const c = await workedCase(t, { to: "filed", overrides: { district: "南关区" } });
    expect(kinds(c.id)).toEqual(["received", "routed", "assigned", "accepted"]);
    const nanguan = await loginAs(t.app, "supervisor_ng");
    const chaoyang = t.db.$client.prepare("select id, phone from offices where name = '朝阳区劳动保障监察大队'").get() as { id: number; phone: string };
    t.db.$client.prepare("update cases set arrived_by = 'routed' where id = ?").run(c.id);
    const res = await nanguan.post(`/cases/${c.id}/transfer`).type("form").send({ toOfficeId: chaoyang.id, reason: "工地在朝阳区", version: c.version() });
    expect(res.status).toBe(303);
    const last = noticesOf(c.id).at(-1)!;
    expect(last).toMatchObject({ kind: "transferred", office: "朝阳区劳动保障监察大队" });
    expect(JSON.parse(last.facts).officePhone).toBe(chaoyang.phone);
  });

  it("mediation agreement with its pay-by date, each payment to the worker paid only, closing with the rating link", async () => {
    const c = await workedCase(t, { to: "mediating", overrides: { workers: [workerInput(1), workerInput(2, { isRepresentative: false })] } });
    const inspector = await loginAs(t.app, "inspector1");
    expect((await inspector.post(`/cases/${c.id}/mediations`).type("form").send(mediation(c.version(), c.workers))).status).toBe(303);
    const agreed = noticesOf(c.id).filter((n) => n.kind === "mediationAgreed");
    expect(agreed).toHaveLength(2);
    expect(JSON.parse(agreed[0]!.facts).payBy).toBe("2026-11-27");
    const items = t.db.$client.prepare("select id, worker_id from settlement_items where case_id = ? order by id").all(c.id) as {
      id: number;
      worker_id: number;
    }[];
    for (const item of items) {
      const pay = await inspector
        .post(`/cases/${c.id}/payments`)
        .field("version", String(c.version()))
        .field("itemId", String(item.id))
        .field("amount", "8500")
        .field("paidOn", "2026-11-23")
        .field("workerConfirmed", "on");
      expect(pay.status).toBe(303);
    }
    const paid = noticesOf(c.id).filter((n) => n.kind === "paid");
    expect(paid.map((n) => n.worker_id)).toEqual(items.map((i) => i.worker_id));
    expect(JSON.parse(paid[0]!.facts).amountFen).toBe(850000);
    expect((await inspector.post(`/cases/${c.id}/settle`).type("form").send({ version: c.version(), note: "" })).status).toBe(303);
    expect(noticesOf(c.id).filter((n) => n.kind === "closed")).toHaveLength(2);
  });

  it("不予受理: not accepted, naming where the reasons are", async () => {
    const c = await workedCase(t);
    const res = await c.supervisor
      .post(`/cases/${c.id}/moves`)
      .type("form")
      .send({ move: "reject", outcome: "rejected", version: c.version(), note: "违法行为已超过两年", ground: "limitation" });
    expect(res.status).toBe(303);
    expect(kinds(c.id).at(-1)).toBe("notAccepted");
  });

  it("writes nothing when the step is refused (nothing half-saved)", async () => {
    const c = await workedCase(t, { to: "filed" });
    const before = kinds(c.id).length;
    const stale = await c.supervisor
      .post(`/cases/${c.id}/moves`)
      .type("form")
      .send({ move: "withdraw", outcome: "withdrawn", version: c.version() - 1, note: "撤回" });
    expect(stale.status).toBe(409);
    expect(kinds(c.id)).toHaveLength(before);
  });
});

describe("the admin's outbox page", () => {
  it("lists the notices with masked numbers, sends them, and resends a failed one", async () => {
    const { id } = makeCase(t.db, { district: "南关区" });
    const admin = await loginAs(t.app, "admin");
    const page = await admin.get("/admin/outbox");
    expect(page.status).toBe(200);
    expect(page.text).toContain("138****0001");
    expect(page.text).not.toContain("13810000001");
    expect(page.text).toMatch(/【南关区劳动保障监察大队】您的欠薪投诉已登记/);
    const send = await admin.post("/admin/outbox/send");
    expect(send.status).toBe(303);
    expect(send.headers.location).toBe("/admin/outbox?sent=2&held=0&failed=0");
    expect(t.db.$client.prepare("select count(*) from sms_deliveries").pluck().get()).toBe(2);
    expect((await admin.get("/admin/outbox?status=sent")).text).toContain('data-notice-status="sent"');

    const noticeId = t.db.$client.prepare("select id from worker_notices where case_id = ? limit 1").pluck().get(id) as number;
    t.db.$client.prepare("update worker_notices set status = 'failed', last_error = 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号' where id = ?").run(noticeId);
    const failed = await admin.get("/admin/outbox?status=failed");
    expect(failed.text).toContain("isv.MOBILE_NUMBER_ILLEGAL");
    expect(failed.text).toContain(`/admin/outbox/${noticeId}/resend`);
    expect((await admin.post(`/admin/outbox/${noticeId}/resend`)).status).toBe(303);
    expect(t.db.$client.prepare("select status, attempts from worker_notices where id = ?").get(noticeId)).toEqual({ status: "queued", attempts: 0 });
    const again = await admin.post(`/admin/outbox/${noticeId}/resend`);
    expect(again.status).toBe(400);
    expect(again.text).toContain("只有发送失败的通知可以重新发送");
  });

  it("is the admin's only", async () => {
    for (const user of ["clerk1", "inspector1", "supervisor1"]) expect((await (await loginAs(t.app, user)).get("/admin/outbox")).status).toBe(403);
    expect((await browser(t.app).get("/admin/outbox")).status).toBe(303);
  });
});
