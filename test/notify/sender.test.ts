/**
 * The sender (docs/rules.md §Notices to workers): sends after the step, retries with backoff, holds in the quiet
 * hours and at a number's hourly cap, gives up as failed (resendable), and never sends a notice twice — also
 * when it is killed between a send and its record.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";
import { MAX_ATTEMPTS, parseQuietHours } from "../../src/domain/worker-notices.js";
import { resendNotice } from "../../src/models/worker-notices.js";
import { outboxTransport } from "../../src/notify/outbox-transport.js";
import { runSender, type SenderSettings } from "../../src/notify/sender.js";
import type { SendResult, SmsMessage, SmsTransport } from "../../src/notify/transport.js";
import { makeCase, templateDatabase, workerInput } from "../helpers.js";

const settings: SenderSettings = { quietHours: parseQuietHours("21:00-08:00")!, hourlyCap: 5, publicBaseUrl: "http://localhost:3000" };
const DAY = new Date("2026-11-23T02:00:00Z"); // 10:00 in Shanghai

const statuses = (db: Db) => db.$client.prepare("select status, count(*) n from worker_notices group by status order by status").all();
const notices = (db: Db) =>
  db.$client.prepare("select * from worker_notices order by id").all() as {
    id: number;
    status: string;
    attempts: number;
    last_error: string | null;
    next_attempt_at: number;
    idempotency_key: string;
    body: string | null;
  }[];

/** A transport that records every call and answers from a script. */
function scripted(answers: (m: SmsMessage, call: number) => SendResult) {
  const calls: SmsMessage[] = [];
  const transport: SmsTransport = {
    name: "scripted",
    async send(m) {
      calls.push(m);
      return answers(m, calls.length);
    },
    async wasSent() {
      return false;
    },
  };
  return { transport, calls };
}

async function freshDb(): Promise<Db> {
  return openDb(await templateDatabase());
}

describe("the sender", () => {
  it("sends what the steps queued, once, with the text the worker reads", async () => {
    const db = await freshDb();
    makeCase(db, { workers: [workerInput(1), workerInput(2)], district: "南关区" });
    const { transport, calls } = scripted(() => ({ ok: true, providerMessageId: "m" }));
    const run = await runSender(db, transport, settings, () => DAY);
    // 登记 + 交由南关区大队 (registered at the city window), to each of two workers.
    expect(run.sent).toBe(4);
    expect(calls.map((c) => c.phone).sort()).toEqual(["13810000001", "13810000001", "13810000002", "13810000002"]);
    expect(calls[0]!.text).toMatch(/^【南关区劳动保障监察大队】您的欠薪投诉已登记，案件号QX-2026-\d{6}，查询码[A-Z2-9]{6}/);
    expect(notices(db).every((n) => n.status === "sent" && n.body !== null)).toBe(true);
    expect((await runSender(db, transport, settings, () => new Date(DAY.getTime() + 3_600_000))).sent).toBe(0);
    expect(calls).toHaveLength(4);
  });

  it("holds everything in the quiet hours and sends at 08:00", async () => {
    const db = await freshDb();
    makeCase(db, { district: "南关区" });
    const { transport, calls } = scripted(() => ({ ok: true, providerMessageId: "m" }));
    const night = new Date("2026-11-23T14:30:00Z"); // 22:30
    expect(await runSender(db, transport, settings, () => night)).toMatchObject({ sent: 0, held: 2 });
    expect(calls).toHaveLength(0);
    expect((await runSender(db, transport, settings, () => new Date("2026-11-24T00:00:00Z"))).sent).toBe(2);
  });

  it("keeps a number to its hourly cap and sends the rest when the hour has passed", async () => {
    const db = await freshDb();
    for (let i = 0; i < 4; i++) makeCase(db, { district: "南关区", employerName: `单位${i}` }); // 8 notices to one number
    const { transport, calls } = scripted(() => ({ ok: true, providerMessageId: "m" }));
    const run = await runSender(db, transport, { ...settings, hourlyCap: 5 }, () => DAY);
    expect(run).toMatchObject({ sent: 5, held: 3 });
    expect((await runSender(db, transport, settings, () => new Date(DAY.getTime() + 30 * 60_000))).sent).toBe(0);
    expect((await runSender(db, transport, settings, () => new Date(DAY.getTime() + 61 * 60_000))).sent).toBe(3);
    expect(calls).toHaveLength(8);
  });

  it("retries a provider error with growing waits, then gives up as failed with the error; an admin resends", async () => {
    const db = await freshDb();
    makeCase(db, { district: "南关区" }, {});
    db.$client.prepare("delete from worker_notices where kind = 'routed'").run();
    const { transport, calls } = scripted(() => ({ ok: false, retry: true, error: "isv.BUSINESS_LIMIT_CONTROL: 触发流控" }));
    let t = DAY.getTime();
    const waits: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runSender(db, transport, settings, () => new Date(t));
      const n = notices(db)[0]!;
      if (n.status === "queued") waits.push(n.next_attempt_at * 1000 - t);
      t = n.next_attempt_at * 1000;
    }
    expect(waits).toEqual([60_000, 240_000, 960_000, 3_840_000, 15_360_000]);
    expect(notices(db)[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_error: "isv.BUSINESS_LIMIT_CONTROL: 触发流控" });
    expect(calls).toHaveLength(MAX_ATTEMPTS);
    resendNotice(db, notices(db)[0]!.id, new Date(t));
    const ok = scripted(() => ({ ok: true, providerMessageId: "m" }));
    expect((await runSender(db, ok.transport, settings, () => new Date(t))).sent).toBe(1);
    expect(() => resendNotice(db, notices(db)[0]!.id, new Date(t))).toThrow("只有发送失败的通知可以重新发送");
  });

  it("gives up at once on a permanent error (a wrong number), keeping the error", async () => {
    const db = await freshDb();
    makeCase(db, { district: "南关区" });
    const { transport } = scripted(() => ({ ok: false, retry: false, error: "isv.MOBILE_NUMBER_ILLEGAL: 非法手机号" }));
    expect((await runSender(db, transport, settings, () => DAY)).failed).toBe(2);
    expect(statuses(db)).toEqual([{ status: "failed", n: 2 }]);
  });

  it("is killed between a send and its record: nothing lost, nothing sent twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qx-sender-"));
    const path = join(dir, "app.db");
    writeFileSync(path, await templateDatabase());
    const db = openDb(path);
    makeCase(db, { district: "南关区", workers: [workerInput(1), workerInput(2), workerInput(3)] });
    expect(notices(db)).toHaveLength(6);

    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "sender-crash-child.ts"), path, DAY.toISOString()], {
      stdio: "inherit",
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, s) => resolve(s)));
    expect(signal).toBe("SIGKILL");
    // Two messages went out; the second was never recorded as sent.
    const beforeCrash = db.$client.prepare("select idempotency_key from sms_deliveries").pluck().all() as string[];
    expect(beforeCrash).toHaveLength(2);
    expect(statuses(db)).toEqual([
      { status: "queued", n: 4 },
      { status: "sending", n: 1 },
      { status: "sent", n: 1 },
    ]);

    // The next pass, after the claim went stale: the cut-off send is found by its key, the rest are sent.
    const real = outboxTransport(db, () => DAY);
    const sentKeys: string[] = [];
    const counting: SmsTransport = {
      ...real,
      send: (m) => {
        sentKeys.push(m.key);
        return real.send(m);
      },
    };
    const later = new Date(DAY.getTime() + 10 * 60_000);
    const run = await runSender(db, counting, settings, () => later);
    expect(run).toMatchObject({ recovered: 1, sent: 4 });
    expect(statuses(db)).toEqual([{ status: "sent", n: 6 }]);
    const delivered = db.$client.prepare("select idempotency_key from sms_deliveries order by idempotency_key").pluck().all();
    expect(delivered).toEqual(
      notices(db)
        .map((n) => n.idempotency_key)
        .sort(),
    );
    expect(new Set(sentKeys).size).toBe(sentKeys.length);
    // Neither message that went out before the crash was given to the provider again.
    expect(sentKeys.filter((k) => beforeCrash.includes(k))).toEqual([]);
    expect(sentKeys).toHaveLength(4);
    db.$client.close();
  });
});
