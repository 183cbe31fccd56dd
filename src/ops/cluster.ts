/**
 * WEB_WORKERS > 1: one Node process per core, sharing the port through node:cluster. The primary only
 * supervises — it never loads the app, drizzle or the seeds, so it stays a small process. It first runs a
 * setup process (migrations, seed, orphan uploads, ANALYZE: ops/start.ts) to completion, then the web
 * processes, which open the database and serve; one that dies is replaced after a back-off that grows
 * while replacements keep dying. SIGTERM or SIGINT stops them gracefully, then the primary.
 *
 * More than one process on the SQLite file is safe because writes start as IMMEDIATE transactions
 * (db/client.ts), in-process caches re-read after another connection's commit (models/calendar.ts,
 * models/until-changed.ts), and sessions and throttles are kept in the database (docs/scaling.md).
 */
import cluster, { type Worker } from "node:cluster";
import type { Config } from "../config.js";
import { logger } from "../lib/logger.js";

/** Tells a forked process what it is for. */
const ROLE_VARIABLE = "SERVER_PROCESS_ROLE";
type WorkerRole = "setup" | "web";

/** How long a stopping web process may finish its requests before it is killed. */
const STOP_GRACE_MS = 10_000;
/** A web process that served this long before dying was not crash-looping: its replacement starts at once. */
const STABLE_AFTER_MS = 60_000;

/** Wait before replacing a web process after `crashesInARow` quick deaths: 0, 1 s, 2 s, 4 s … at most a minute. */
export function restartDelayMs(crashesInARow: number): number {
  return crashesInARow <= 1 ? 0 : Math.min(60_000, 1000 * 2 ** (crashesInARow - 2));
}

/**
 * Runs this process's part: everything (WEB_WORKERS=1), the supervising primary, the setup, or a web process.
 * A serving process stops on SIGTERM/SIGINT by finishing the requests under way (a service manager's stop or
 * restart loses no answer), then closes the database.
 */
export async function startProcess(config: Config): Promise<void> {
  if (config.webWorkers > 1 && cluster.isPrimary) return supervise(config);
  // Imported here, not at the top: the primary never needs the app.
  const { prepareDatabase, serve } = await import("./start.js");
  const role = cluster.isWorker ? (process.env[ROLE_VARIABLE] as WorkerRole) : undefined;
  // A database that cannot be opened or migrated (a bad DATABASE_PATH, a full disk) ends the start with one
  // log line naming the file and the cause, and status 1.
  const setUp = async () => {
    try {
      return await prepareDatabase(config);
    } catch (err) {
      logger.fatal({ err, databasePath: config.databasePath }, "database setup failed");
      process.exit(1);
    }
  };
  if (role === "setup") {
    (await setUp()).$client.close();
    process.exit(0);
  }
  // One process alone prepares the database itself; a web process finds it prepared by the setup process.
  const db = role === "web" ? (await import("../db/client.js")).openDb(config.databasePath) : await setUp();
  const server = serve(db, config);
  const stop = () => {
    // close() refuses new connections and ends idle keep-alive ones; requests under way finish first.
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS / 2).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function supervise(config: Config): void {
  let stopping = false;
  let crashesInARow = 0;
  const startedAt = new Map<Worker, number>();
  const pendingRestarts = new Set<NodeJS.Timeout>();

  // Each process gets the primary's node flags: `npm start`'s heap limits (package.json) too.
  const fork = (role: WorkerRole): Worker => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: role });
    startedAt.set(worker, Date.now());
    return worker;
  };

  const startWeb = (): void => {
    const worker = fork("web");
    worker.on("exit", (code, signal) => {
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      startedAt.delete(worker);
      if (stopping) {
        if (startedAt.size === 0) {
          logger.info("all web processes stopped");
          process.exit(0);
        }
        return;
      }
      crashesInARow = lived >= STABLE_AFTER_MS ? 1 : crashesInARow + 1;
      const delay = restartDelayMs(crashesInARow);
      logger.error({ workerPid: worker.process.pid, code, signal, restartInMs: delay }, "web process died; starting another");
      const timer = setTimeout(() => {
        pendingRestarts.delete(timer);
        startWeb();
      }, delay);
      pendingRestarts.add(timer);
    });
  };

  const setup = fork("setup");
  setup.on("exit", (code, signal) => {
    startedAt.delete(setup);
    if (stopping) process.exit(0);
    if (code !== 0) {
      logger.fatal({ code, signal }, "database setup failed: not serving");
      process.exit(1);
    }
    for (let i = 0; i < config.webWorkers; i++) startWeb();
    logger.info({ webWorkers: config.webWorkers, port: config.port }, "web processes starting");
  });

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    for (const timer of pendingRestarts) clearTimeout(timer);
    for (const worker of startedAt.keys()) worker.process.kill("SIGTERM");
    if (startedAt.size === 0) process.exit(0);
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
    }, STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
