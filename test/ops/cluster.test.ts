import { describe, expect, it } from "vitest";
import { restartDelayMs } from "../../src/ops/cluster.js";

describe("replacing a web process that died (src/ops/cluster.ts)", () => {
  it("replaces the first at once, then waits twice as long after each quick death, at most a minute", () => {
    expect([1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(restartDelayMs(8)).toBe(60_000);
    expect(restartDelayMs(50)).toBe(60_000);
  });
});
