import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { visitTeamProblem } from "../../src/domain/site-visits.js";
import { loginAs, makeCase, makeTestApp, userId, type Agent, type TestApp } from "../helpers.js";

let t: TestApp;
let caseId: number;
beforeEach(async () => {
  t = await makeTestApp();
  caseId = makeCase(t.db).id;
  const supervisor = await loginAs(t.app, "supervisor1");
  await supervisor
    .post(`/cases/${caseId}/assign`)
    .type("form")
    .send({ leadId: userId(t.db, "inspector1"), secondId: userId(t.db, "inspector2"), version: 1 });
  await supervisor.post(`/cases/${caseId}/moves`).type("form").send({ move: "file", version: 2, note: "" });
});

const version = () => t.db.$client.prepare("select version from cases where id = ?").pluck().get(caseId) as number;
const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

function postVisit(agent: Agent, fields: Record<string, string | string[]>, files: { name: string; content: Buffer }[]) {
  let req = agent.post(`/cases/${caseId}/visits`);
  const all: Record<string, string | string[]> = {
    version: String(version()),
    visitedAt: "2026-11-23T09:30",
    place: "南湖花园三期项目部",
    peopleQuestioned: "项目经理 周某",
    findings: "项目部承认拖欠 3 个月工资，称总包工程款未到位。",
    inspectorIds: [String(userId(t.db, "inspector1")), String(userId(t.db, "inspector2"))],
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) for (const one of ([] as string[]).concat(v)) req = req.field(k, one);
  for (const f of files) req = req.attach("recordings", f.content, f.name);
  return req;
}

describe("the two-inspector rule (劳动保障监察条例第十六条)", () => {
  it("needs two distinct eligible inspectors", () => {
    const eligible = new Set([3, 4, 5]);
    expect(visitTeamProblem([3, 4], eligible)).toBeNull();
    expect(visitTeamProblem([3], eligible)).toContain("第十六条");
    expect(visitTeamProblem([3, 3], eligible)).toContain("两名以上");
    expect(visitTeamProblem([3, 99], eligible)).toBe("请选择在岗的监察员");
  });
});

describe("POST /cases/:id/visits", () => {
  it("records a visit by two inspectors with its recording, hashed, in the timeline", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const video = Buffer.from("fake mp4 content of the visit");
    const res = await postVisit(inspector, {}, [{ name: "现场录像.mp4", content: video }]);
    expect(res.status).toBe(303);
    const row = t.db.$client.prepare("select * from evidence where visit_id is not null").get() as Record<string, string>;
    expect(row.sha256).toBe(createHash("sha256").update(video).digest("hex"));
    expect(readFileSync(join(t.evidenceDir, row.stored_name!))).toEqual(video);
    const page = await inspector.get(`/cases/${caseId}`);
    expect(page.text).toContain("李建国、张伟");
    expect(page.text).toContain("南湖花园三期项目部");
    expect(page.text).toContain(row.sha256);
    expect(page.text).toContain(`<td>${video.length} B</td>`);
    expect(page.text).toMatch(/记录现场检查[\s\S]*录音录像 1 个/);
  });

  it("refuses a visit with one inspector, citing article 16, keeping what was typed and storing nothing", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await postVisit(inspector, { inspectorIds: [String(userId(t.db, "inspector1"))] }, [{ name: "a.mp4", content: Buffer.from("x") }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("劳动保障监察条例第十六条");
    expect(res.text).toContain("项目部承认拖欠 3 个月工资");
    expect(count("site_visits")).toBe(0);
    expect(count("evidence")).toBe(0);
  });

  it("refuses an oversize recording with a message, storing nothing", async () => {
    const small = await makeTestApp(undefined, { EVIDENCE_MAX_BYTES: "2048" });
    const id = makeCase(small.db).id;
    const supervisor = await loginAs(small.app, "supervisor1");
    await supervisor
      .post(`/cases/${id}/assign`)
      .type("form")
      .send({ leadId: userId(small.db, "inspector1"), secondId: userId(small.db, "inspector2"), version: 1 });
    await supervisor.post(`/cases/${id}/moves`).type("form").send({ move: "file", version: 2, note: "" });
    const res = await supervisor
      .post(`/cases/${id}/visits`)
      .field("version", "3")
      .field("visitedAt", "2026-11-23T09:30")
      .field("place", "工地")
      .field("peopleQuestioned", "周某")
      .field("findings", "拖欠属实")
      .field("inspectorIds", String(userId(small.db, "inspector1")))
      .field("inspectorIds", String(userId(small.db, "inspector2")))
      .attach("recordings", Buffer.alloc(8192, 1), "录像.mp4");
    expect(res.status).toBe(422);
    expect(res.text).toContain("文件“录像.mp4”超过 2 KB 上限");
    expect(res.text).toContain("拖欠属实");
    expect(small.db.$client.prepare("select count(*) from site_visits").pluck().get()).toBe(0);
    expect(readdirSync(small.evidenceDir)).toEqual([]);
  });

  it("refuses a visit without an audio or video recording", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await postVisit(inspector, {}, [{ name: "照片.jpg", content: Buffer.from("x") }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain("请上传现场检查的录音或录像");
    expect(count("evidence")).toBe(0);
  });

  it("refuses a visit time in the future or before receipt", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const future = await postVisit(inspector, { visitedAt: "2026-11-24T09:00" }, [{ name: "a.mp4", content: Buffer.from("x") }]);
    expect(future.text).toContain("检查时间不能晚于现在");
    const early = await postVisit(inspector, { visitedAt: "2026-11-20T09:00" }, [{ name: "a.mp4", content: Buffer.from("x") }]);
    expect(early.text).toContain("检查时间不能早于收到投诉的日期");
  });

  it("offers the time as now (the bureau's zone), bounded by the receipt and now, so the browser refuses a wrong time before uploading (issue 21 item 6)", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const page = (await inspector.get(`/cases/${caseId}`)).text;
    const receivedOn = t.db.$client.prepare("select received_on from cases where id = ?").pluck().get(caseId) as string;
    // The app's clock is 2026-11-23T02:00Z, 10:00 in Shanghai.
    // 记录现场检查 is reached from the top of the page, not only from its section near the bottom (issue 21 item 10).
    // It opens the page with the form drawn open (?open=visit), which after a first visit is drawn closed and fetched when opened.
    expect(page).toContain(`<a class="button small primary no-print" href="/cases/${caseId}?open=visit#visit" data-quick-visit>记录现场检查</a>`);
    expect(page).toMatch(
      new RegExp(`name="visitedAt"[^>]*value="2026-11-23T10:00"[^>]*type="datetime-local" required min="${receivedOn}T00:00" max="2026-11-23T10:00"`),
    );
  });

  it("keeps everything typed after a refusal and says the recording must be chosen again", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const res = await postVisit(inspector, { visitedAt: "2026-11-24T09:00", place: "某工地东门" }, [{ name: "a.mp4", content: Buffer.from("x") }]);
    expect(res.status).toBe(422);
    expect(res.text).toContain('value="2026-11-24T09:00"');
    expect(res.text).toContain('value="某工地东门"');
    expect(res.text).toContain("项目部承认拖欠 3 个月工资");
    expect(res.text).toMatch(/data-reselect>[^<]*录音录像文件[^<]*请重新选择/);
    expect(count("evidence")).toBe(0);
  });

  it("is refused to an inspector not on the case, and before filing", async () => {
    const other = await loginAs(t.app, "inspector3");
    expect((await postVisit(other, {}, [{ name: "a.mp4", content: Buffer.from("x") }])).status).toBe(403);
    const fresh = makeCase(t.db);
    const supervisor = await loginAs(t.app, "supervisor1");
    const res = await supervisor
      .post(`/cases/${fresh.id}/visits`)
      .field("version", "1")
      .field("visitedAt", "2026-11-23T09:30")
      .field("place", "x")
      .field("peopleQuestioned", "x")
      .field("findings", "x")
      .field("inspectorIds", String(userId(t.db, "inspector1")))
      .field("inspectorIds", String(userId(t.db, "inspector2")))
      .attach("recordings", Buffer.from("x"), "a.mp4");
    expect(res.status).toBe(409);
    expect(res.text).toContain("不能“记录现场检查”");
    expect(count("evidence")).toBe(0);
  });
});

describe("upload limits", () => {
  it("answers too many files with a Chinese 413 page, not a crash", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    let req = inspector.post(`/cases/${caseId}/evidence`);
    for (let i = 0; i < 21; i++) req = req.attach("evidence", Buffer.from("x"), `${i}.pdf`);
    const res = await req;
    expect(res.status).toBe(413);
    expect(res.text).toContain("一次上传的文件过多");
    expect(count("evidence")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // multer removes what it stored as it aborts
    expect(readdirSync(t.evidenceDir)).toEqual([]);
  });
});

describe("evidence is never replaced or deleted", () => {
  it("marks a mistaken upload void with a reason; the file and its hash stay", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    await inspector.post(`/cases/${caseId}/evidence`).attach("evidence", Buffer.from("wrong"), "错传.pdf");
    const id = t.db.$client.prepare("select id from evidence").pluck().get() as number;
    const noReason = await inspector.post(`/cases/${caseId}/evidence/${id}/void`).type("form").send({ reason: "" });
    expect(noReason.status).toBe(422);
    expect(noReason.text).toContain("请填写作废原因");
    await inspector.post(`/cases/${caseId}/evidence/${id}/void`).type("form").send({ reason: "传错案件" });
    const row = t.db.$client.prepare("select * from evidence where id = ?").get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ void_reason: "传错案件", original_name: "错传.pdf" });
    expect(row.voided_at).not.toBeNull();
    expect((await inspector.get(`/cases/${caseId}/evidence/${id}`)).body.toString()).toBe("wrong");
    const again = await inspector.post(`/cases/${caseId}/evidence/${id}/void`).type("form").send({ reason: "再次" });
    expect(again.text).toContain("该证据已标记作废");
    expect((await (await loginAs(t.app, "clerk1")).post(`/cases/${caseId}/evidence/${id}/void`).type("form").send({ reason: "x" })).status).toBe(403);
  });

  it("offers no route that deletes or replaces evidence", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    await inspector.post(`/cases/${caseId}/evidence`).attach("evidence", Buffer.from("keep"), "a.pdf");
    const id = t.db.$client.prepare("select id from evidence").pluck().get() as number;
    expect((await inspector.delete(`/cases/${caseId}/evidence/${id}`)).status).toBe(404);
    expect((await inspector.put(`/cases/${caseId}/evidence/${id}`)).status).toBe(404);
    expect(count("evidence")).toBe(1);
  });
});

describe("a large recording", () => {
  it("streams 256 MB to disk while the server's memory stays flat", async () => {
    const inspector = await loginAs(t.app, "inspector1");
    const session = (inspector as unknown as { jar: { getCookie: (name: string, opts: unknown) => { value: string } | undefined } }).jar.getCookie(
      "qx_session",
      { domain: "127.0.0.1", path: "/", secure: false, script: false },
    );
    const server = t.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = "----qxboundary";
    const fields: Record<string, string | string[]> = {
      version: String(version()),
      visitedAt: "2026-11-23T09:30",
      place: "现场",
      peopleQuestioned: "周某",
      findings: "大文件",
      inspectorIds: [String(userId(t.db, "inspector1")), String(userId(t.db, "inspector2"))],
    };
    const head = Object.entries(fields)
      .flatMap(([k, v]) => ([] as string[]).concat(v).map((one) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`))
      .join("");
    const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="recordings"; filename="visit.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    const size = 256 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const hash = createHash("sha256");
    async function* body() {
      yield Buffer.from(head + fileHead);
      for (let sent = 0; sent < size; sent += chunk.length) {
        hash.update(chunk);
        yield chunk;
      }
      yield Buffer.from(tail);
    }
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `/cases/${caseId}/visits`,
          headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Cookie: `qx_session=${session!.value}`, "Sec-Fetch-Site": "same-origin" },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      Readable.from(body()).pipe(req);
    });
    clearInterval(sampler);
    server.close();
    expect(status).toBe(303);
    const row = t.db.$client.prepare("select size, sha256 from evidence").get() as { size: number; sha256: string };
    expect(row.size).toBe(size);
    expect(row.sha256).toBe(hash.digest("hex"));
    // 256 MB went through; the process grew by far less than the file.
    expect(peak - before).toBeLessThan(96 * 1024 * 1024);
  });
});
