/**
 * The repository itself: nothing half-merged is ever committed. It reads the files, not git, so it runs in a
 * copy of the project that is not a checkout too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/lib/project-root.js";

/** What is not the project's own text: installed packages, build output, data, and git's own files. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "data", "test-results", ".data", "coverage"]);

function* projectFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* projectFiles(path);
    else if (entry.isFile()) yield path;
  }
}

describe("the repository", () => {
  it("has no merge-conflict markers in any of the project's text files", () => {
    const marker = /^(<{7}|>{7})( |$)/m;
    const found: string[] = [];
    for (const path of projectFiles(projectRoot)) {
      if (statSync(path).size > 2 * 1024 ** 2) continue; // databases, backups, recordings: not source
      const text = readFileSync(path);
      if (text.includes(0)) continue; // binary
      if (marker.test(text.toString("utf8"))) found.push(relative(projectRoot, path));
    }
    expect(found).toEqual([]);
  });
});
