/**
 * Backups that can be taken while the server runs, and their restore (README "Backups").
 *
 * A backup named `<file>` is three things side by side:
 * - `<file>`: the database, copied page by page with SQLite's online backup API (consistent even while
 *   cases are being registered: the copy is one snapshot);
 * - `<file>.evidence/`: every evidence file the snapshot refers to (hard-linked when on the same disk —
 *   evidence is never changed after upload — copied otherwise);
 * - `<file>.manifest.json`: when, the database's SHA-256 and integrity check, and each evidence file with
 *   its size and SHA-256 as recorded at upload, checked against the bytes copied.
 * Restore checks all of it before it writes anything.
 */
import { createHash } from "node:crypto";
import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";

export interface Manifest {
  createdAt: string;
  database: { file: string; bytes: number; sha256: string; integrity: string; cases: number };
  evidence: { storedName: string; size: number; sha256: string }[];
  /** Evidence rows whose file was not on disk (reported, never silently skipped). */
  missing: string[];
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const evidenceDirOf = (file: string) => `${file}.evidence`;
const manifestOf = (file: string) => `${file}.manifest.json`;

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export async function backup(opts: { databasePath: string; evidenceDir: string; target: string; now?: Date }): Promise<Manifest> {
  const { target } = opts;
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  mkdirSync(dirname(target), { recursive: true });
  const live = new Database(opts.databasePath, { fileMustExist: true });
  try {
    // All pages in one step: a step reads one snapshot, so writers never force the copy to start over
    // (with small steps, every write from the server would restart it). Writers are not blocked (WAL).
    await live.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    live.close();
  }
  const copy = new Database(target);
  let rows: { storedName: string; size: number; sha256: string }[];
  let integrity: string;
  let cases: number;
  try {
    copy.pragma("journal_mode = DELETE");
    integrity = copy.pragma("integrity_check", { simple: true }) as string;
    rows = copy.prepare("select stored_name as storedName, size, sha256 from evidence order by id").all() as typeof rows;
    cases = copy.prepare("select count(*) from cases").pluck().get() as number;
  } finally {
    copy.close();
  }
  const dir = evidenceDirOf(target);
  mkdirSync(dir, { recursive: true });
  const evidence: Manifest["evidence"] = [];
  const missing: string[] = [];
  for (const row of rows) {
    const from = join(opts.evidenceDir, row.storedName);
    if (!existsSync(from)) {
      missing.push(row.storedName);
      continue;
    }
    const to = join(dir, row.storedName);
    linkOrCopy(from, to);
    const sha256 = await sha256File(to);
    if (sha256 !== row.sha256) throw new Error(`evidence ${row.storedName} does not match its recorded SHA-256`);
    evidence.push(row);
  }
  const manifest: Manifest = {
    createdAt: (opts.now ?? new Date()).toISOString(),
    database: { file: basename(target), bytes: statSync(target).size, sha256: await sha256File(target), integrity, cases },
    evidence,
    missing,
  };
  writeFileSync(manifestOf(target), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Checks a backup against its manifest: the problems found, none when it can be restored. */
export async function verifyBackup(source: string): Promise<{ manifest: Manifest | null; problems: string[] }> {
  if (!existsSync(manifestOf(source)) || !existsSync(source)) return { manifest: null, problems: [`${source} or its manifest is missing`] };
  const manifest = JSON.parse(readFileSync(manifestOf(source), "utf8")) as Manifest;
  const problems: string[] = [];
  if ((await sha256File(source)) !== manifest.database.sha256) problems.push("the database file does not match the manifest's SHA-256");
  for (const e of manifest.evidence) {
    const path = join(evidenceDirOf(source), e.storedName);
    if (!existsSync(path)) problems.push(`evidence ${e.storedName} is missing from the backup`);
    else if ((await sha256File(path)) !== e.sha256) problems.push(`evidence ${e.storedName} does not match its SHA-256`);
  }
  return { manifest, problems };
}

/** Restores a verified backup; refuses to replace an existing database unless `force`. */
export async function restore(opts: { source: string; databasePath: string; evidenceDir: string; force?: boolean }): Promise<Manifest> {
  const { manifest, problems } = await verifyBackup(opts.source);
  if (!manifest || problems.length) throw new Error(`backup not restored:\n- ${problems.join("\n- ")}`);
  if (existsSync(opts.databasePath) && !opts.force) throw new Error(`${opts.databasePath} exists; stop the server and pass --force to replace it`);
  mkdirSync(dirname(opts.databasePath), { recursive: true });
  for (const suffix of ["-wal", "-shm"]) rmSync(opts.databasePath + suffix, { force: true });
  copyFileSync(opts.source, opts.databasePath);
  mkdirSync(opts.evidenceDir, { recursive: true });
  for (const e of manifest.evidence) {
    const to = join(opts.evidenceDir, e.storedName);
    if (!existsSync(to)) linkOrCopy(join(evidenceDirOf(opts.source), e.storedName), to);
  }
  return manifest;
}
