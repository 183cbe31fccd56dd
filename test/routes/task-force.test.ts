import { beforeEach, describe, expect, it } from "vitest";
import { listUnits } from "../../src/models/units.js";
import { loginAs, makeTestApp, workedCase, workerInput, type TestApp } from "../helpers.js";

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});

const unit = (name: string) => listUnits(t.db).find((u) => u.name === name)!.id;

async function escalated() {
  const c = await workedCase(t, { to: "filed", overrides: { workers: [workerInput(1), workerInput(2, { isRepresentative: false })] } });
  const res = await c.supervisor
    .post(`/cases/${c.id}/escalate`)
    .type("form")
    .send({
      version: c.version(),
      grounds: ["manyWorkers", "severalDepartments"],
      reason: "总包单位拒不拨付",
      unitIds: [unit("市住建局"), unit("市公安局")],
      request: "核查工程款拨付；维护现场秩序",
      workingDays: "5",
    });
  expect(res.status).toBe(303);
  const tasks = t.db.$client.prepare("select id, unit_id from task_force_tasks order by id").all() as { id: number; unit_id: number }[];
  return { ...c, tasks };
}

describe("escalation (多方合办)", () => {
  it("creates one task per unit, due in working days, and shows each unit's status on the case", async () => {
    const c = await escalated();
    expect(c.tasks).toHaveLength(2);
    expect(t.db.$client.prepare("select due_on from task_force_tasks").pluck().all()).toEqual(["2026-11-30", "2026-11-30"]);
    const page = await c.supervisor.get(`/cases/${c.id}`);
    expect(page.text).toMatch(/data-unit="市住建局" data-task-status="open"/);
    expect(page.text).toMatch(/data-unit="市公安局" data-task-status="open"/);
    expect(t.db.$client.prepare("select escalation_reason from cases").pluck().get()).toBe("总包单位拒不拨付");
  });

  it.each([
    [{ unitIds: [] }, "请选择至少一个成员单位"],
    [{ grounds: [] }, "请选择提请多方合办的情形"],
    [{ workingDays: "0" }, "市住建局的办理期限应为 1 到 30 个工作日"],
    [{ request: "" }, "请填写需要市住建局办理的事项"],
  ])("refuses %o with a message", async (change, message) => {
    const c = await workedCase(t, { to: "filed" });
    const res = await c.supervisor
      .post(`/cases/${c.id}/escalate`)
      .type("form")
      .send({ version: c.version(), grounds: ["largeAmount"], reason: "金额大", unitIds: [unit("市住建局")], request: "核查", workingDays: "5", ...change });
    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(t.db.$client.prepare("select count(*) from task_force_tasks").pluck().get()).toBe(0);
  });

  it("gives each unit its own request and due date when the supervisor writes them", async () => {
    const c = await workedCase(t, { to: "filed" });
    const [zjj, gaj] = [unit("市住建局"), unit("市公安局")];
    await c.supervisor
      .post(`/cases/${c.id}/escalate`)
      .type("form")
      .send({
        version: c.version(),
        grounds: ["massIncidentRisk"],
        reason: "工人聚集",
        unitIds: [zjj, gaj],
        request: "核查工程款",
        workingDays: "5",
        [`request.${gaj}`]: "维护现场秩序",
        [`days.${gaj}`]: "1",
      });
    const rows = t.db.$client.prepare("select unit_id, request, working_days, due_on from task_force_tasks order by unit_id").all();
    expect(rows).toEqual(
      [
        { unit_id: zjj, request: "核查工程款", working_days: 5, due_on: "2026-11-30" },
        { unit_id: gaj, request: "维护现场秩序", working_days: 1, due_on: "2026-11-24" },
      ].sort((a, b) => a.unit_id - b.unit_id),
    );
  });

  it("is for supervisors only", async () => {
    const c = await workedCase(t, { to: "filed" });
    const inspector = await loginAs(t.app, "inspector1");
    expect((await inspector.post(`/cases/${c.id}/escalate`).type("form").send({ version: c.version() })).status).toBe(403);
  });
});

describe("a unit liaison", () => {
  it("sees only their unit's tasks, and a case summary without ID numbers or phones", async () => {
    const c = await escalated();
    const liaison = await loginAs(t.app, "unit_zjj");
    const list = await liaison.get("/tasks");
    expect(list.text).toContain("市住建局 · 专班任务");
    expect([...list.text.matchAll(/data-task="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([c.tasks[0]!.id]);
    const page = await liaison.get(`/tasks/${c.tasks[0]!.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("2 人，诉求合计");
    for (const w of [workerInput(1), workerInput(2)]) {
      expect(page.text).not.toContain(w.idNumber);
      expect(page.text).not.toContain(w.phone);
    }
    expect((await liaison.get(`/tasks/${c.tasks[1]!.id}`)).status).toBe(403);
    expect((await liaison.get(`/cases/${c.id}`)).status).toBe(403);
  });

  it("answers with text and an attachment; the case shows it", async () => {
    const c = await escalated();
    const liaison = await loginAs(t.app, "unit_zjj");
    const res = await liaison
      .post(`/tasks/${c.tasks[0]!.id}/answer`)
      .field("version", "1")
      .field("status", "done")
      .field("answer", "工程款已拨付至工资专户")
      .attach("attachments", Buffer.from("%PDF"), "拨付凭证.pdf");
    expect(res.status).toBe(303);
    expect(t.db.$client.prepare("select status, answer from task_force_tasks where id = ?").get(c.tasks[0]!.id)).toEqual({
      status: "done",
      answer: "工程款已拨付至工资专户",
    });
    expect(t.db.$client.prepare("select original_name from evidence where task_id = ?").pluck().get(c.tasks[0]!.id)).toBe("拨付凭证.pdf");
    const page = await c.supervisor.get(`/cases/${c.id}`);
    expect(page.text).toMatch(/data-unit="市住建局" data-task-status="done"/);
    expect(page.text).toContain("市住建局办结任务：工程款已拨付至工资专户");
    // The liaison (and the supervisor) open the attachment from the task page.
    const task = await liaison.get(`/tasks/${c.tasks[0]!.id}`);
    const href = /href="(\/tasks\/\d+\/attachments\/\d+)">拨付凭证.pdf</.exec(task.text)![1]!;
    const file = await liaison.get(href);
    expect(file.status).toBe(200);
    expect(file.body.toString()).toBe("%PDF");
    expect((await c.supervisor.get(href)).status).toBe(200);
  });

  it("must give a reason to ask for more time, and cannot answer another unit's task", async () => {
    const c = await escalated();
    const liaison = await loginAs(t.app, "unit_zjj");
    const res = await liaison.post(`/tasks/${c.tasks[0]!.id}/answer`).field("version", "1").field("status", "moreTime").field("answer", "正在核查");
    expect(res.status).toBe(422);
    expect(res.text).toContain("申请延期请说明理由");
    expect(res.text).toContain("正在核查");
    expect((await liaison.post(`/tasks/${c.tasks[1]!.id}/answer`).field("version", "1").field("status", "done").field("answer", "x")).status).toBe(403);
  });
});

describe("answers over answers (defect 11)", () => {
  it("an answer based on an older view of the task is refused with 409, keeping the newer answer", async () => {
    const c = await escalated();
    const liaison = await loginAs(t.app, "unit_zjj");
    const id = c.tasks[0]!.id;
    const form = await liaison.get(`/tasks/${id}`);
    const version = /name="version" value="(\d+)"/.exec(form.text)![1]!;
    expect(
      (
        await liaison
          .post(`/tasks/${id}/answer`)
          .field("version", version)
          .field("status", "moreTime")
          .field("answer", "正在核查")
          .field("moreTimeReason", "等待银行流水")
      ).status,
    ).toBe(303);
    const stale = await liaison.post(`/tasks/${id}/answer`).field("version", version).field("status", "done").field("answer", "已办结");
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("此任务已有新的答复");
    expect(t.db.$client.prepare("select status, answer from task_force_tasks where id = ?").get(id)).toEqual({ status: "moreTime", answer: "正在核查" });
  });
});

describe("the supervisor's task board", () => {
  it("lists every open task and flags the overdue ones", async () => {
    await escalated();
    t.clock.now = new Date("2026-12-01T02:00:00Z");
    const supervisor = await loginAs(t.app, "supervisor1");
    const board = await supervisor.get("/tasks");
    expect([...board.text.matchAll(/data-task=/g)]).toHaveLength(2);
    expect(board.text).toContain("2 项任务已超期");
  });

  it("shows an office's supervisor only the tasks of their office's cases (属地管理)", async () => {
    await escalated();
    const own = await loginAs(t.app, "supervisor_cy");
    expect([...(await own.get("/tasks")).text.matchAll(/data-task=/g)]).toHaveLength(2);
    const other = await loginAs(t.app, "supervisor_ng");
    expect([...(await other.get("/tasks")).text.matchAll(/data-task=/g)]).toHaveLength(0);
  });
});
