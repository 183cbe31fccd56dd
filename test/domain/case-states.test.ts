import { describe, expect, it } from "vitest";
import { CASE_STATES, MOVE_NAMES, allowedMoves, assertMove, targetState, type Actor, type CaseState, type MoveName, type Outcome } from "../../src/domain/case-states.js";
import { ForbiddenError } from "../../src/domain/errors.js";
import { ROLES, type Role } from "../../src/domain/roles.js";

/** The spec, written out independently of the table: from-states → to-state, and who may act. */
const OPEN: CaseState[] = ["received", "mediating", "awaiting_supplement", "filed"];
const SPEC: Record<MoveName, { from: CaseState[]; to: CaseState | "same" | "previous"; roles: Role[]; outcome?: Outcome }> = {
  startMediation: { from: ["received"], to: "mediating", roles: ["inspector", "supervisor"] },
  mediationFailed: { from: ["mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  file: { from: ["received", "mediating"], to: "filed", roles: ["inspector", "supervisor"] },
  requestSupplement: { from: ["received"], to: "awaiting_supplement", roles: ["inspector", "supervisor"] },
  supplementReceived: { from: ["awaiting_supplement"], to: "received", roles: ["clerk", "inspector", "supervisor"] },
  reject: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "rejected" },
  redirect: { from: ["received", "awaiting_supplement"], to: "closed", roles: ["inspector", "supervisor"], outcome: "toArbitrationOrCourt" },
  withdraw: { from: ["received", "mediating", "awaiting_supplement", "filed"], to: "closed", roles: ["clerk", "inspector", "supervisor"], outcome: "withdrawn" },
  close: { from: ["filed"], to: "closed", roles: ["inspector", "supervisor"], outcome: "paidAfterOrder" },
  recordVisit: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  recordMediation: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  settleByMediation: { from: ["mediating"], to: "closed", roles: ["inspector", "supervisor"], outcome: "mediated" },
  recordPayment: { from: ["mediating", "filed"], to: "same", roles: ["inspector", "supervisor"] },
  issueOrder: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  enforce: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  issuePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  servePriorNotice: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  recordStatement: { from: ["filed"], to: "same", roles: ["inspector", "supervisor"] },
  escalate: { from: OPEN, to: "same", roles: ["supervisor"] },
  reopen: { from: ["closed"], to: "previous", roles: ["supervisor"] },
};

/** Inspectors act on assigned cases, clerks on cases they registered. */
const involved = (role: Role): Actor => ({ role, isAssigned: true, isRegistrar: true });
const uninvolved = (role: Role): Actor => ({ role, isAssigned: false, isRegistrar: false });

describe("the case state machine", () => {
  for (const move of MOVE_NAMES) {
    const spec = SPEC[move];
    describe(move, () => {
      for (const state of CASE_STATES) {
        for (const role of ROLES) {
          const legal = spec.from.includes(state) && spec.roles.includes(role);
          it(`${legal ? "allows" : "refuses"} ${role} from ${state}`, () => {
            const attempt = () => assertMove(state, move, involved(role), spec.outcome);
            if (legal) expect(attempt().to).toBe(spec.to);
            else expect(attempt).toThrow();
          });
        }
      }
    });
  }

  it("lets an inspector act only on a case assigned to them", () => {
    expect(() => assertMove("received", "file", uninvolved("inspector"))).toThrow(ForbiddenError);
    expect(() => assertMove("received", "file", uninvolved("inspector"))).toThrow("只有承办本案的监察员可以办理");
    expect(assertMove("received", "file", uninvolved("supervisor")).to).toBe("filed");
  });

  it("lets a clerk record a supplement only on a case they registered", () => {
    expect(() => assertMove("awaiting_supplement", "supplementReceived", uninvolved("clerk"))).toThrow(ForbiddenError);
    expect(assertMove("awaiting_supplement", "supplementReceived", involved("clerk")).to).toBe("received");
  });

  it("explains an illegal move by the current state", () => {
    expect(() => assertMove("closed", "file", involved("supervisor"))).toThrow("案件当前状态为“已结案”，不能“受理并立案”。");
  });

  it("requires an outcome among the move's own for moves that close", () => {
    expect(() => assertMove("filed", "close", involved("inspector"))).toThrow("请选择“结案”的办结方式");
    expect(() => assertMove("filed", "close", involved("inspector"), "rejected")).toThrow("请选择“结案”的办结方式");
    expect(() => assertMove("received", "reject", involved("inspector"), "withdrawn")).toThrow();
  });

  it("returns a reopened case to the state it was closed from", () => {
    const reopen = assertMove("closed", "reopen", involved("supervisor"));
    expect(targetState(reopen, "closed", "received")).toBe("received");
    expect(targetState(reopen, "closed", "filed")).toBe("filed");
    expect(targetState(assertMove("filed", "recordVisit", involved("inspector")), "filed", null)).toBe("filed");
  });

  it("refuses an unknown move", () => {
    expect(() => assertMove("received", "teleport", involved("supervisor"))).toThrow("未知的办理操作");
  });

  it("offers each actor exactly the moves the spec allows", () => {
    for (const state of CASE_STATES) {
      for (const role of ROLES) {
        const expected = MOVE_NAMES.filter((m) => SPEC[m].from.includes(state) && SPEC[m].roles.includes(role));
        expect(allowedMoves(state, involved(role)).map((m) => m.name), `${role} in ${state}`).toEqual(expected);
      }
    }
    expect(allowedMoves("received", uninvolved("inspector"))).toEqual([]);
  });
});
