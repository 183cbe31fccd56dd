/** `npm run backup` / `npm run restore`: an online copy taken while cases are being registered, restored and checked. */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../seeds/index.js";
import { createApp } from "../../src/app.js";
import { readConfig } from "../../src/config.js";
import { openDb } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { ensureCalendar } from "../../src/models/calendar.js";
import { backup, restore, type Manifest } from "../../src/ops/backup.js";
import { DEMO_PASSWORD, intakeFields, makeCase } from "../helpers.js";

const root = join(import.meta.dirname, "../..");
const cli = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "test", LOG_LEVEL: "silent" },
    encoding: "utf8",
  });

async function liveSystem() {
  const dir = mkdtempSync(join(tmpdir(), "qx-backup-"));
  const env = { DATABASE_PATH: join(dir, "app.db"), EVIDENCE_DIR: join(dir, "evidence") };
  const db = openDb(env.DATABASE_PATH);
  migrateDb(db);
  ensureCalendar(db, 2031);
  await seedDemo(db);
  const app = createApp({ db, config: readConfig({ NODE_ENV: "test", ...env }), now: () => new Date("2026-11-23T02:00:00Z") });
  const clerk = request.agent(app).set("Sec-Fetch-Site", "same-origin");
  await clerk.post("/login").type("form").send({ username: "clerk1", password: DEMO_PASSWORD });
  let req = clerk.post("/cases");
  for (const [k, v] of Object.entries(intakeFields())) req = req.field(k, v);
  const res = await req.attach("evidence", Buffer.from("%PDF-1.4 工资条"), "工资条.pdf");
  expect(res.status).toBe(303);
  return { dir, env, db, caseId: Number(/\/cases\/(\d+)\//.exec(res.headers.location!)![1]) };
}

describe("backup and restore", () => {
  it("takes a consistent copy while cases are being written, and restores it to a working app", async () => {
    const live = await liveSystem();
    // Keep writing while the backup runs: the copy is one snapshot, whatever it includes.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        makeCase(live.db);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const target = join(live.dir, "backups", "b1.db");
    const manifest = await backup({ databasePath: live.env.DATABASE_PATH, evidenceDir: live.env.EVIDENCE_DIR, target });
    writing = false;
    await writer;
    expect(manifest.database.integrity).toBe("ok");
    expect(manifest.evidence).toHaveLength(1);
    expect(manifest.missing).toEqual([]);

    const restoredDir = mkdtempSync(join(tmpdir(), "qx-restored-"));
    const restored = { DATABASE_PATH: join(restoredDir, "app.db"), EVIDENCE_DIR: join(restoredDir, "evidence") };
    await restore({ source: target, databasePath: restored.DATABASE_PATH, evidenceDir: restored.EVIDENCE_DIR });
    const db = openDb(restored.DATABASE_PATH);
    expect(db.$client.prepare("select count(*) from cases").pluck().get()).toBe(manifest.database.cases);
    const app = createApp({ db, config: readConfig({ NODE_ENV: "test", ...restored }), now: () => new Date("2026-11-23T02:00:00Z") });
    const clerk = request.agent(app).set("Sec-Fetch-Site", "same-origin");
    await clerk.post("/login").type("form").send({ username: "clerk1", password: DEMO_PASSWORD });
    const page = await clerk.get(`/cases/${live.caseId}`);
    expect(page.status).toBe(200);
    const evidenceId = db.$client.prepare("select id from evidence where case_id = ?").pluck().get(live.caseId);
    const file = await clerk
      .get(`/cases/${live.caseId}/evidence/${evidenceId}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    expect(
      createHash("sha256")
        .update(file.body as Buffer)
        .digest("hex"),
    ).toBe(manifest.evidence[0]!.sha256);
  });

  it("npm run backup / npm run restore work from the command line, and a tampered backup is refused", async () => {
    const live = await liveSystem();
    const target = join(live.dir, "b2.db");
    const out = cli("backup.ts", [target], live.env);
    expect(out).toMatch(/integrity ok, 1 evidence files/);
    const manifest = JSON.parse(readFileSync(`${target}.manifest.json`, "utf8")) as Manifest;
    const restoredDir = mkdtempSync(join(tmpdir(), "qx-restored-"));
    const env = { DATABASE_PATH: join(restoredDir, "app.db"), EVIDENCE_DIR: join(restoredDir, "evidence") };
    expect(cli("restore.ts", [target], env)).toContain(`${manifest.database.cases} cases, 1 evidence files checked`);
    expect(() => cli("restore.ts", [target], env)).toThrow(); // refuses to overwrite without --force

    appendFileSync(join(`${target}.evidence`, manifest.evidence[0]!.storedName), "x");
    await expect(restore({ source: target, databasePath: join(restoredDir, "other.db"), evidenceDir: env.EVIDENCE_DIR })).rejects.toThrow(
      /does not match its SHA-256/,
    );
  });
});
