/**
 * The rule of an activity (a move recorded from a section's own form, `to: "same"`), stated once in that
 * section's own test instead of a row in the central tables (`SPEC` in test/domain/case-states.test.ts,
 * `MATRIX` in test/domain/case-abilities.test.ts): the states it is made from and the roles that make it. Of
 * the matrix's viewers, those working the case whose role is among them may make it in those states, nobody
 * else ever (another inspector, another office, a liaison, the admin, a visitor). Both central tables fail for
 * a move that has neither a row nor such a statement.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseAbilities, mayMakeMove } from "../../src/domain/case-abilities.js";
import { CASE_STATES, InvalidMoveError, assertMove, getMove, type CaseState, type MoveName } from "../../src/domain/case-states.js";
import type { Role } from "../../src/domain/roles.js";
import { COLUMN_VIEWERS, caseIn } from "./ability-columns.js";

/** The matrix's viewers who work the demo case, by the role they work it in. */
const WORKING: Record<string, Role> = {
  citySupervisor: "supervisor",
  officeSupervisor: "supervisor",
  lead: "inspector",
  second: "inspector",
  registrar: "clerk",
};

export function describeActivityMove(name: MoveName, rule: { from: readonly CaseState[]; roles: readonly Role[] }): void {
  describe(`the activity ${name}`, () => {
    it("is recorded without changing the case's state, from exactly these states", () => {
      expect(getMove(name)?.activity).toBe(true);
      for (const state of CASE_STATES) {
        if (rule.from.includes(state)) expect(assertMove(state, name).to, state).toBe("same");
        else expect(() => assertMove(state, name), state).toThrow(InvalidMoveError);
      }
    });

    it("is made by exactly these roles", () => {
      expect([...getMove(name)!.by].sort()).toEqual([...rule.roles].sort());
    });

    it.each(Object.keys(COLUMN_VIEWERS))("is open to %s only when working the case in one of the roles", (column) => {
      const { viewer, policy } = COLUMN_VIEWERS[column]!;
      const role = WORKING[column];
      for (const state of CASE_STATES) {
        const expected = role !== undefined && rule.roles.includes(role) && rule.from.includes(state);
        expect(mayMakeMove(caseAbilities(caseIn(state), viewer, policy), name), `${column} in ${state}`).toBe(expected);
      }
    });
  });
}

/** The moves whose rule a test file states with describeActivityMove (read from the files, so the central tables can count them). */
export function movesStatedInTheirTests(): string[] {
  const root = join(process.cwd(), "test");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".test.ts"));
  return files.flatMap((f) => [...readFileSync(join(root, f), "utf8").matchAll(/describeActivityMove\("(\w+)"/g)].map((m) => m[1]!));
}
