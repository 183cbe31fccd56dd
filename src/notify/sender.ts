/**
 * The sender (docs/rules.md §Notices to workers): sends the queued notices after the steps that wrote them
 * have committed — at least once, and never twice for the same notice.
 *
 * Each notice is claimed (queued → sending, attempts + 1) in one statement before the send, so two senders
 * (two web processes) never take the same row; the provider's answer is then recorded. A crash between the send
 * and the record leaves the row `sending`; the next run finds such claims older than `staleMs` and asks the
 * transport whether a message with the notice's key went out: if so it is marked sent, else queued again.
 * Nothing goes out in the quiet hours, nor to a number past its hourly cap; a failure worth retrying waits
 * 1, 4, 16… minutes, a permanent one (or the last attempt) is `failed`, with its error, on the outbox page.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { workerNotices } from "../db/schema.js";
import { MAX_ATTEMPTS, capUntil, quietUntil, retryDelayMs, templateParams, type NoticeFacts, type QuietHours } from "../domain/worker-notices.js";
import { noticeText } from "../domain/worker-notices.js";
import type { SmsMessage, SmsTransport } from "./transport.js";

export interface SenderSettings {
  quietHours: QuietHours;
  hourlyCap: number;
  publicBaseUrl: string;
  /** A claim older than this was cut off by a crash (the provider's timeout is far shorter). */
  staleMs?: number;
  batch?: number;
}

export interface SenderRun {
  sent: number;
  retrying: number;
  failed: number;
  /** Left for later: the quiet hours, or a number at its hourly cap. */
  held: number;
  recovered: number;
}

type Row = typeof workerNotices.$inferSelect;

export function messageOf(row: Row, publicBaseUrl: string): SmsMessage {
  const facts = JSON.parse(row.facts) as NoticeFacts;
  const params = templateParams(row.kind, facts, publicBaseUrl);
  return {
    key: row.idempotencyKey,
    phone: row.phone,
    kind: row.kind,
    signName: facts.officeName,
    params,
    text: noticeText(row.kind, facts.officeName, params),
  };
}

/** One pass over the due notices. `onSent` runs between a send and its record (the crash test's hook). */
export async function runSender(
  db: Db,
  transport: SmsTransport,
  settings: SenderSettings,
  now: () => Date,
  hooks: { afterSend?: (row: Row) => void } = {},
): Promise<SenderRun> {
  const run: SenderRun = { sent: 0, retrying: 0, failed: 0, held: 0, recovered: 0 };
  const staleMs = settings.staleMs ?? 5 * 60_000;
  // Claims a crash cut off: sent or not, by the notice's key.
  const stale = db
    .select()
    .from(workerNotices)
    .where(and(eq(workerNotices.status, "sending"), lte(workerNotices.claimedAt, new Date(now().getTime() - staleMs))))
    .all();
  for (const row of stale) {
    const message = messageOf(row, settings.publicBaseUrl);
    let sent: boolean;
    try {
      sent = await transport.wasSent(message, row.claimedAt ?? row.createdAt);
    } catch {
      continue; // the provider cannot say now: the claim stays, asked again next run
    }
    if (sent) markSent(db, row, message.text, null, now());
    else db.update(workerNotices).set({ status: "queued", nextAttemptAt: now(), claimedAt: null }).where(eq(workerNotices.id, row.id)).run();
    run.recovered++;
  }

  const quiet = quietUntil(now(), settings.quietHours);
  if (quiet) {
    run.held =
      db
        .select({ n: sql<number>`count(*)` })
        .from(workerNotices)
        .where(and(eq(workerNotices.status, "queued"), lte(workerNotices.nextAttemptAt, now())))
        .get()?.n ?? 0;
    return run;
  }
  const due = db
    .select()
    .from(workerNotices)
    .where(and(eq(workerNotices.status, "queued"), lte(workerNotices.nextAttemptAt, now())))
    .orderBy(workerNotices.nextAttemptAt, workerNotices.id)
    .limit(settings.batch ?? 100)
    .all();
  for (const row of due) {
    const at = now();
    const recent = db
      .select({ sentAt: workerNotices.sentAt })
      .from(workerNotices)
      .where(and(eq(workerNotices.phone, row.phone), gt(workerNotices.sentAt, new Date(at.getTime() - 3_600_000))))
      .all()
      .map((r) => r.sentAt!);
    const capped = capUntil(recent, settings.hourlyCap, at);
    if (capped) {
      db.update(workerNotices).set({ nextAttemptAt: capped }).where(eq(workerNotices.id, row.id)).run();
      run.held++;
      continue;
    }
    const claim = db
      .update(workerNotices)
      .set({ status: "sending", claimedAt: at, attempts: row.attempts + 1 })
      .where(and(eq(workerNotices.id, row.id), eq(workerNotices.status, "queued")))
      .run();
    if (claim.changes === 0) continue; // another sender took it
    const message = messageOf(row, settings.publicBaseUrl);
    let result: Awaited<ReturnType<SmsTransport["send"]>>;
    try {
      result = await transport.send(message);
    } catch (err) {
      result = { ok: false, retry: true, error: String((err as Error).message ?? err).slice(0, 200) };
    }
    hooks.afterSend?.(row);
    if (result.ok) {
      markSent(db, row, message.text, result.providerMessageId, now());
      run.sent++;
    } else if (result.retry && row.attempts + 1 < MAX_ATTEMPTS) {
      db.update(workerNotices)
        .set({ status: "queued", claimedAt: null, lastError: result.error, nextAttemptAt: new Date(now().getTime() + retryDelayMs(row.attempts + 1)) })
        .where(eq(workerNotices.id, row.id))
        .run();
      run.retrying++;
    } else {
      db.update(workerNotices).set({ status: "failed", claimedAt: null, lastError: result.error }).where(eq(workerNotices.id, row.id)).run();
      run.failed++;
    }
  }
  return run;
}

function markSent(db: Db, row: Row, text: string, providerMessageId: string | null, at: Date): void {
  db.update(workerNotices)
    .set({ status: "sent", sentAt: at, claimedAt: null, body: text, providerMessageId, lastError: null })
    .where(eq(workerNotices.id, row.id))
    .run();
}

/** Runs the sender every `everyMs` until stopped; a pass never overlaps the previous one. */
export function startSender(
  db: Db,
  transport: SmsTransport,
  settings: SenderSettings,
  everyMs = 30_000,
  onError: (err: unknown) => void = () => {},
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSender(db, transport, settings, () => new Date())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
