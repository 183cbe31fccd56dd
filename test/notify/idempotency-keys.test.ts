/** Notices' idempotency keys are UUIDs of version 7 (src/lib/ids.ts timeOrderedUuid): time first, unique. */
import { describe, expect, it } from "vitest";
import { timeOrderedUuid } from "../../src/lib/ids.js";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("timeOrderedUuid", () => {
  it("has the version-7 layout with the time in its first 48 bits", () => {
    const at = Date.UTC(2026, 11, 5, 2, 0, 0, 123);
    const key = timeOrderedUuid(at);
    expect(key).toMatch(V7);
    expect(Number.parseInt(key.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time and never repeats within the same millisecond", () => {
    const keys = [1, 2, 3].map((ms) => timeOrderedUuid(Date.UTC(2026, 0, 1) + ms * 1000));
    expect([...keys].sort()).toEqual(keys);
    const same = new Set(Array.from({ length: 10_000 }, () => timeOrderedUuid(1_800_000_000_000)));
    expect(same.size).toBe(10_000);
  });
});
