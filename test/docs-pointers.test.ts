/**
 * Pointers that stay true: every path README.md and docs/ name in backticks exists, every "docs/rules.md §…"
 * anywhere in the repository names a real heading of docs/rules.md, and nothing cites DESIGN.md (a brief
 * outside the repository: code and docs cite docs/rules.md).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/lib/project-root.js";

/** The project's own files, read from disk (no git: `npm test` runs in a copy that is not a checkout too). */
function projectFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (["node_modules", ".git", "dist", "data", "test-results", ".data", "coverage"].includes(e.name)) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? projectFiles(path) : e.isFile() ? [relative(projectRoot, path)] : [];
  });
}

// This file names the patterns it looks for: it is not itself a pointer.
const tracked = projectFiles(projectRoot).filter((f) => f !== "test/docs-pointers.test.ts");
const docs = tracked.filter((f) => f === "README.md" || (f.startsWith("docs/") && f.endsWith(".md")));
/** Every text file but this test, whose own words quote the forms it looks for. */
const texts = tracked.filter((f) => /\.(ts|ejs|md|js|css)$/.test(f) && !f.startsWith("drizzle/") && existsSync(f));

/** Backticked tokens that are paths in the repository (placeholders such as `<feature>` and globs left out). */
const PATH = /^(?:\.ci|src|test|views|docs|drizzle|seeds|bench|scripts|public)\/[^\s`<>*]*$/;

describe("pointers in README.md and docs/", () => {
  it("name paths that exist", () => {
    const missing: string[] = [];
    for (const file of docs) {
      for (const [, token] of readFileSync(file, "utf8").matchAll(/`([^`\n]+)`/g)) {
        if (PATH.test(token!) && !existsSync(token!.replace(/\/$/, ""))) missing.push(`${file}: ${token}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("cite docs/rules.md by headings it has (§Heading, or the heading in quotes)", () => {
    const headings = [...readFileSync("docs/rules.md", "utf8").matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1]!.trim());
    // "§Clocks", "§Working days", "§失信联合惩戒名单" (of "失信联合惩戒名单 (blacklist)"): a heading, or its first words.
    const names = (ref: string) =>
      headings.some(
        (h) =>
          ref.startsWith(h) || (h.startsWith(ref.split(/[\s)）,，;；.。:：]/)[0]!) && /^[\s(]|^$/.test(h.slice(ref.split(/[\s)）,，;；.。:：]/)[0]!.length))),
      );
    const dangling: string[] = [];
    for (const file of texts) {
      const text = readFileSync(file, "utf8");
      // `docs/rules.md §Clocks`, and the quoted form `docs/rules.md "Hostile input"` / `docs/rules.md “监督统计”`.
      for (const m of text.matchAll(/docs\/rules\.md,? ?§ ?([^\n`"|]+)/g)) if (!names(m[1]!)) dangling.push(`${file}: §${m[1]!.slice(0, 30)}`);
      for (const m of text.matchAll(/docs\/rules\.md,? ?["“]([^"”\n]+)["”]/g)) if (!names(m[1]!)) dangling.push(`${file}: "${m[1]}"`);
    }
    expect(dangling).toEqual([]);
  });

  it("never cite DESIGN.md", () => {
    const citing = texts.filter((f) => readFileSync(f, "utf8").includes("DESIGN.md"));
    expect(citing).toEqual([]);
  });
});
