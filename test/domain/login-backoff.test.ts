import { describe, expect, it } from "vitest";
import { MAX_WAIT_SECONDS, waitAfterFailures } from "../../src/domain/login-backoff.js";

describe("waitAfterFailures", () => {
  it("lets four wrong passwords pass, then waits 30 s and doubles, up to an hour", () => {
    expect([1, 2, 3, 4].map(waitAfterFailures)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(waitAfterFailures)).toEqual([30, 60, 120, 240]);
    expect(waitAfterFailures(12)).toBe(MAX_WAIT_SECONDS);
    expect(waitAfterFailures(10_000)).toBe(MAX_WAIT_SECONDS);
  });
});
