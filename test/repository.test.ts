/** The repository itself: nothing half-merged is ever committed. */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("the repository", () => {
  it("has no merge-conflict markers in any tracked file", () => {
    let found = "";
    try {
      found = execFileSync("git", ["grep", "-n", "-I", "-E", "^(<{7}|>{7})( |$)", "--", "."], { encoding: "utf8" });
    } catch (err) {
      // git grep exits 1 when nothing matches; anything else (no git, no repository) is a real failure.
      if ((err as { status?: number }).status !== 1) throw err;
    }
    expect(found).toBe("");
  });
});
