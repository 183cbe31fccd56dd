/** The real server as a child process, for the slow tests: a free port, its environment, and a start that waits. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const root = join(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  const s = createServer().listen(0);
  await new Promise((r) => s.once("listening", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A production server on `port` with its database and evidence in `dir`, silent, throttles out of the way. */
export function serverEnv(dir: string, port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    PORT: String(port),
    DATABASE_PATH: join(dir, "app.db"),
    EVIDENCE_DIR: join(dir, "evidence"),
    COOKIE_SECURE: "false",
    TRUST_PROXY: "true",
    ONLINE_FILING_PER_HOUR: "1000000",
    ...extra,
  };
}

/** src/server.ts (through tsx) on a free port, once it answers. */
export async function startServer(dir: string, extra: Record<string, string>): Promise<{ proc: ChildProcess; base: string; port: number }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "src/server.ts")], { cwd: root, env: serverEnv(dir, port, extra), stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/calendar/calc`)).ok) return { proc, base, port };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error("server did not start");
}
