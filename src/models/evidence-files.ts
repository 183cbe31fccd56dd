/**
 * Files in the evidence directory that no evidence row refers to: left by a crash in the middle of an
 * upload, or by anything the upload middleware could not delete. They are never evidence (a file is
 * recorded in the same transaction as its row), so those older than a day are removed at start, and the
 * admin's health view counts what is there now.
 */
import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { evidence } from "../db/schema.js";

export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

export interface OrphanFile {
  name: string;
  size: number;
  modifiedAt: Date;
}

/** Each file is looked up by its unique stored name (an index seek), never by scanning the table. */
export function orphanFiles(db: Db, dir: string): OrphanFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const isRecorded = (name: string) => db.select({ id: evidence.id }).from(evidence).where(eq(evidence.storedName, name)).get() !== undefined;
  return names
    .filter((name) => !isRecorded(name))
    .flatMap((name) => {
      try {
        const s = statSync(join(dir, name));
        return s.isFile() ? [{ name, size: s.size, modifiedAt: s.mtime }] : [];
      } catch {
        return [];
      }
    });
}

/** Removes orphans last modified more than a day before `now`; returns how many and how many bytes. */
export function removeOldOrphanFiles(db: Db, dir: string, now: Date): { removed: number; bytes: number } {
  let removed = 0;
  let bytes = 0;
  for (const f of orphanFiles(db, dir)) {
    if (now.getTime() - f.modifiedAt.getTime() < ORPHAN_AGE_MS) continue;
    try {
      unlinkSync(join(dir, f.name));
      removed++;
      bytes += f.size;
    } catch {
      // gone already
    }
  }
  return { removed, bytes };
}
