/**
 * Starting and stopping the server (WEB_WORKERS=1, as `npm start` runs it by default): a database that
 * cannot be created ends the start with one log line and status 1; on SIGTERM a request under way still
 * gets its answer, then the process exits with status 0 instead of dying by the signal.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { freePort, root, serverEnv, startServer } from "./server-process.js";

it("refuses to start on a database path it cannot create, saying which and why", async () => {
  const dir = mkdtempSync(join(tmpdir(), "qx-start-"));
  writeFileSync(join(dir, "a-file"), "");
  const databasePath = join(dir, "a-file", "app.db");
  const env = serverEnv(dir, await freePort(), { LOG_LEVEL: "info", DATABASE_PATH: databasePath, ADMIN_PASSWORD: "start-test-pass" });
  const server = spawn(process.execPath, ["--import", "tsx", join(root, "src/server.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => server.once("exit", resolve));
  expect(code).toBe(1);
  const lines = output.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "database setup failed", databasePath, err: { message: expect.stringContaining("a-file") } });
}, 60_000);

it("answers the request under way on SIGTERM, then exits with status 0", async () => {
  const { proc: server, port } = await startServer(mkdtempSync(join(tmpdir(), "qx-stop-")), { ADMIN_PASSWORD: "stop-test-pass" });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    server.once("exit", (code, signal) => resolve({ code, signal })),
  );

  // A complaint lookup whose body is still arriving when the signal comes.
  const body = "caseNumber=X&idTail=1234";
  const req = request({
    port,
    method: "POST",
    path: "/query",
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": body.length, "sec-fetch-site": "same-origin" },
  });
  let bodyEnded = false;
  const answered = new Promise<number>((resolve, reject) =>
    req
      .on("response", (res) => {
        res.resume();
        resolve(bodyEnded ? res.statusCode! : -1);
      })
      .on("error", reject),
  );
  req.write(body.slice(0, 5));
  await new Promise((r) => setTimeout(r, 300));
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  bodyEnded = true;
  req.end(body.slice(5));

  // The lookup form answers a wrong case number with the form and a message (422), after reading the body.
  expect(await answered).toBe(422);
  expect(await exited).toEqual({ code: 0, signal: null });
}, 60_000);
