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

/** The spec, written out independently of the table: from-states → to-state, and the roles that act. */
const OPEN: CaseState[] = ["received", "mediating", "awaiting_supplement", "filed"];
const SPEC: Record<MoveName, { from: CaseState[]; to: CaseState | "same" | "previous"; roles: Role[]; outcome?: Outcome }> = {
  startMediation: { from: ["received"], to: "mediating", roles: ["inspector", "supervisor"] },
  mediationFailed: { from: ["mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  file: { from: ["received", "mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  requestSupplement: { from: ["received"], to: "awaiting_supplement", roles: ["inspector", "supervisor"] },
  supplementReceived: { from: ["awaiting_supplement"], to: "received", roles: ["clerk", "inspector", "supervisor"] },
  reject: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "rejected" },
  redirect: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "toArbitrationOrCourt" },
  withdraw: {
    from: ["received", "mediating", "awaiting_supplement", "filed"],
    to: "closed",
    roles: ["clerk", "inspector", "supervisor"],
    outcome: "withdrawn",
  },
  close: { from: ["filed"], to: "closed", roles: ["inspector", "supervisor"], outcome: "paidAfterOrder" },
  recordVisit: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  recordPhoneContact: { from: OPEN, to: "same", roles: ["inspector", "supervisor"] },
  requestRecusal: { from: OPEN, to: "same", roles: ["inspector", "supervisor"] },
  decideRecusal: { from: OPEN, to: "same", roles: ["supervisor"] },
  recordMediation: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  settleByMediation: { from: ["mediating"], to: "closed", roles: ["inspector", "supervisor"], outcome: "mediated" },
  recordPayment: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  issueOrder: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  enforce: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  issuePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  servePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  serveOrder: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  recordInquiry: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  serveCaseNotice: { from: ["received", "awaiting_supplement", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  serveDecision: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordRemedy: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordRemedyOutcome: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  courtEnforcement: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  followReferral: { from: ["filed", "closed"], to: "same", roles: ["inspector", "supervisor"] },
  recordStatement: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  escalate: { from: OPEN, to: "same", roles: ["supervisor"] },
  reopen: { from: ["closed"], to: "previous", roles: ["supervisor"] },
};

describe("the case state machine", () => {
  for (const move of MOVE_NAMES) {
    const spec = SPEC[move];
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
    for (const move of MOVE_NAMES) expect([...getMove(move)!.by].sort(), move).toEqual([...SPEC[move].roles].sort());
  });

  it("explains an illegal move by the current state", () => {
    expect(() => assertMove("closed", "file")).toThrow("案件当前状态为“已结案”，不能“受理并立案”。");
  });

  it("requires an outcome among the move's own for moves that close", () => {
    expect(() => assertMove("filed", "close")).toThrow("请选择“结案”的办结方式");
    expect(() => assertMove("filed", "close", "rejected")).toThrow("请选择“结案”的办结方式");
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
