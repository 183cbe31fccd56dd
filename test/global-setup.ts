/**
 * The suite's log lines go to files (test/setup.ts points the logger at them); when every test file has
 * run, each line is scanned for ID numbers and phone numbers. One found fails the run: logs never carry
 * personal data (docs/rules.md "Other modules").
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { personalDataIn } from "./personal-data-patterns.js";

declare module "vitest" {
  export interface ProvidedContext {
    logDir: string;
  }
}

let dir = "";

export function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), "qx-test-logs-"));
  project.provide("logDir", dir);
}

export function teardown() {
  let lines = 0;
  const found: string[] = [];
  for (const file of readdirSync(dir)) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (!line) continue;
      lines++;
      if (personalDataIn(line).length) found.push(line.slice(0, 300));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.info(`personal-data log scan: ${lines} log lines, ${found.length} with an ID number or phone`);
  // A teardown's exception does not change vitest's exit status: set it ourselves.
  const fail = (message: string) => {
    console.error(message);
    process.exitCode = 1;
  };
  if (found.length) fail(`FAIL personal-data log scan: log lines with personal data:\n${found.slice(0, 10).join("\n")}`);
  if (lines === 0) console.warn("personal-data log scan: these tests wrote no log lines");
}
