/** Possible duplicates flagged at intake (src/models/duplicates.ts, docs/rules.md "Hostile input"). */
import { describe, expect, it } from "vitest";
import { registerCase } from "../../src/models/cases.js";
import { caseInput, makeTestApp, userId, workerInput } from "../helpers.js";

describe("a possible duplicate", () => {
  it("is the same employer's case of the last day naming one of the workers' phones, landlines or documents", async () => {
    const t = await makeTestApp(new Date("2026-11-23T02:00:00Z"));
    const clerk = userId(t.db, "clerk1");
    const register = (workers: ReturnType<typeof workerInput>[], employerName = "长春某建筑公司", at = t.clock.now) =>
      registerCase(t.db, caseInput({ employerName, workers }), { actorId: clerk, now: at });
    const flagged = (id: number) => t.db.$client.prepare("select possible_duplicate_of from cases where id = ?").pluck().get(id);

    const first = register([workerInput(1, { phone: "13800000001", landline: "0431-88880001" }), workerInput(2, { phone: "" })]);
    // Same mobile, another worker's name.
    expect(flagged(register([workerInput(3, { phone: "13800000001" })]).id)).toBe(first.id);
    // A mobile typed as the first case's landline, and a landline typed where it was a mobile.
    expect(flagged(register([workerInput(4, { phone: "0431-88880001" })]).id)).toBe(first.id);
    expect(flagged(register([workerInput(5, { phone: "", landline: "13800000001" })]).id)).toBe(first.id);
    // The second worker's ID number alone (no phone).
    expect(flagged(register([workerInput(2, { phone: "" })]).id)).toBe(first.id);
    // Another employer, or nothing in common: not flagged.
    expect(flagged(register([workerInput(1, { phone: "13800000001" })], "另一家公司").id)).toBeNull();
    expect(flagged(register([workerInput(6)]).id)).toBeNull();
    // More than a day later: not flagged.
    expect(flagged(register([workerInput(1, { phone: "13800000001" })], "长春某建筑公司", new Date("2026-11-24T02:00:01Z")).id)).toBeNull();
  });
});
