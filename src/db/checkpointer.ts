/**
 * WAL checkpoints off the request path. SQLite copies the write-ahead log back into the database file (a
 * checkpoint) on the connection whose commit pushes the log past `wal_autocheckpoint` pages: that request
 * then writes hundreds of pages at random places in a 2 GB file and waits for two fsyncs, and every request
 * queued behind it on the event loop waits too (the intake's p99 of 0.8 s at 1,000,000 cases, bench/results.md).
 * A worker thread with its own connection checkpoints instead, every `intervalMs`: PASSIVE, so it never waits
 * for a reader or blocks a writer. The serving connection keeps a far larger automatic checkpoint as a bound
 * on the log should the thread stop or fall behind.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "./client.js";

/** The serving connection's own checkpoint, in pages (4 KiB each): 64 MiB of log, a bound rather than a habit. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_384;

/**
 * The worker's program, sent as text (a file would have to exist as .js under tsx as well as in dist): it
 * opens its own connection and checkpoints on a timer; a failure is reported to the serving thread, which logs it.
 */
function checkpointLoop(): void {
  const { parentPort, workerData } = require("node:worker_threads") as typeof import("node:worker_threads");
  const Database = require(workerData.driver) as typeof import("better-sqlite3");
  const db = new Database(workerData.path, { fileMustExist: true });
  db.pragma("busy_timeout = 1000");
  setInterval(() => {
    try {
      db.pragma("wal_checkpoint(PASSIVE)");
    } catch (err) {
      parentPort?.postMessage(String(err));
    }
  }, workerData.intervalMs);
}

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(db: Db, path: string, intervalMs: number, onError: (message: string) => void): Checkpointer {
  db.$client.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const worker = new Worker(`(${checkpointLoop.toString()})()`, {
    eval: true,
    workerData: { path, intervalMs, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
  });
  worker.on("message", (message: string) => onError(message));
  worker.on("error", (err) => onError(String(err)));
  // The thread's timer alone must not keep a stopping process alive.
  worker.unref();
  return {
    stop: async () => {
      await worker.terminate();
    },
  };
}
