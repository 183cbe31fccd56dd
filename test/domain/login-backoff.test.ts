import { describe, expect, it } from "vitest";
import { ACCOUNT_FREE_FAILURES, MAX_WAIT_SECONDS, waitAfterFailures } from "../../src/domain/login-backoff.js";

describe("waitAfterFailures", () => {
  it("lets four wrong passwords pass, then waits 30 s and doubles, up to an hour", () => {
    const wait = (n: number) => waitAfterFailures(n);
    expect([1, 2, 3, 4].map(wait)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(wait)).toEqual([30, 60, 120, 240]);
    expect(wait(12)).toBe(MAX_WAIT_SECONDS);
    expect(wait(10_000)).toBe(MAX_WAIT_SECONDS);
  });
  it("counts an account across addresses from its 21st failure", () => {
    expect(waitAfterFailures(20, ACCOUNT_FREE_FAILURES)).toBe(0);
    expect(waitAfterFailures(21, ACCOUNT_FREE_FAILURES)).toBe(30);
    expect(waitAfterFailures(22, ACCOUNT_FREE_FAILURES)).toBe(60);
  });
});
