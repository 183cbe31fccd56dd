import { describe, expect, it } from "vitest";
import {
  CASE_STATES,
  InvalidMoveError,
  MOVE_NAMES,
  assertMove,
  getMove,
  targetState,
  type CaseState,
  type MoveName,
  type Outcome,
} from "../../src/domain/case-states.js";
import type { Role } from "../../src/domain/roles.js";
import { movesStatedInTheirTests } from "./activity-moves.js";

/**
 * The spec, written out independently of the table: from-states → to-state, and the roles that act. An
 * activity whose rule its section's own test states (test/domain/activity-moves.ts) needs no row.
 */
const OPEN: CaseState[] = ["received", "mediating", "awaiting_supplement", "filed"];
const SPEC: Partial<Record<MoveName, { from: CaseState[]; to: CaseState | "same" | "previous"; roles: Role[]; outcome?: Outcome }>> = {
  startMediation: { from: ["received"], to: "mediating", roles: ["inspector", "supervisor"] },
  mediationFailed: { from: ["mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  file: { from: ["received", "mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  requestSupplement: { from: ["received"], to: "awaiting_supplement", roles: ["inspector", "supervisor"] },
  supplementReceived: { from: ["awaiting_supplement"], to: "received", roles: ["clerk", "inspector", "supervisor"] },
  reject: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "rejected" },
  redirect: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "toArbitrationOrCourt" },
  withdraw: {
    from: ["received", "mediating", "awaiting_supplement"],
    to: "closed",
    roles: ["clerk", "inspector", "supervisor"],
    outcome: "withdrawn",
  },
  revokeFiling: { from: ["filed"], to: "closed", roles: ["supervisor"], outcome: "filingRevoked" },
  close: { from: ["filed"], to: "closed", roles: ["inspector", "supervisor"], outcome: "paidAfterOrder" },
  recordVisit: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  completeEmployer: { from: OPEN, to: "same", roles: ["inspector", "supervisor"] },
  applyAdvance: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  decideAdvance: { from: ["filed"], to: "same", roles: ["supervisor"] },
  payAdvance: { from: ["filed"], to: "same", roles: ["supervisor"] },
  recordAdvanceRecovery: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordMediation: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  settleByMediation: { from: ["mediating"], to: "closed", roles: ["inspector", "supervisor"], outcome: "mediated" },
  recordPayment: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  issueOrder: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  enforce: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  issuePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  servePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  serveDecision: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordRemedy: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordRemedyOutcome: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  courtEnforcement: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  followReferral: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordStatement: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  escalate: { from: OPEN, to: "same", roles: ["supervisor"] },
  reopen: { from: ["closed"], to: "previous", roles: ["supervisor"] },
};

const SPECIFIED = MOVE_NAMES.filter((move) => SPEC[move]);

describe("the case state machine", () => {
  it("has a spec for every move: a row here, or its rule stated in its section's test", () => {
    const stated = movesStatedInTheirTests();
    expect(MOVE_NAMES.filter((move) => !SPEC[move] && !stated.includes(move))).toEqual([]);
  });

  for (const move of SPECIFIED) {
    const spec = SPEC[move]!;
    describe(move, () => {
      for (const state of CASE_STATES) {
        const legal = spec.from.includes(state);
        it(`${legal ? "allows" : "refuses"} it from ${state}`, () => {
          const attempt = () => assertMove(state, move, spec.outcome);
          if (legal) expect(attempt().to).toBe(spec.to);
          else expect(attempt).toThrow(InvalidMoveError);
        });
      }
    });
  }

  it("names the roles that make each move (the relation to the case is case-abilities' part)", () => {
    for (const move of SPECIFIED) expect([...getMove(move)!.by].sort(), move).toEqual([...SPEC[move]!.roles].sort());
  });

  it("explains an illegal move by the current state", () => {
    expect(() => assertMove("closed", "file")).toThrow("案件当前状态为“已结案”，不能“受理并立案”。");
  });

  it("requires an outcome among the move's own for moves that close", () => {
    expect(() => assertMove("filed", "close")).toThrow("请选择“结案”的办结方式");
    // An outcome that is another move's names that move: 撤销立案 is the supervisor's approval, not a closing.
    expect(() => assertMove("filed", "close", "rejected")).toThrow("“不予受理”须通过“不予受理”办理");
    expect(() => assertMove("filed", "close", "filingRevoked")).toThrow("“撤销立案”须通过“撤销立案（科长批准）”办理");
    expect(() => assertMove("received", "reject", "withdrawn")).toThrow();
  });

  it("returns a reopened case to the state it was closed from", () => {
    const reopen = assertMove("closed", "reopen");
    expect(targetState(reopen, "closed", "received")).toBe("received");
    expect(targetState(reopen, "closed", "filed")).toBe("filed");
    expect(targetState(assertMove("filed", "recordVisit"), "filed", null)).toBe("filed");
  });

  it("refuses an unknown move", () => {
    expect(() => assertMove("received", "teleport")).toThrow("未知的办理操作");
  });
});
