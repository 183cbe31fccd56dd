/**
 * Who may see a case and its personal data (DESIGN.md §1, §7):
 * supervisors see every case; inspectors the cases assigned to them; clerks the cases they registered.
 * Those same people — the ones working the case — see ID numbers and phones unmasked on the case page;
 * where the bureau allows inspectors a read-only search of all cases, those views are masked.
 * Admins and task-force liaisons see no case here (liaisons get a summary through their tasks).
 */
import type { Actor } from "./case-states.js";
import type { Role } from "./roles.js";

export interface CaseParties {
  registeredById: number | null;
  leadInspectorId: number | null;
  secondInspectorId: number | null;
}

export interface Viewer {
  id: number;
  role: Role;
}

export function actorFor(c: CaseParties, viewer: Viewer): Actor {
  return {
    role: viewer.role,
    isAssigned: viewer.id === c.leadInspectorId || viewer.id === c.secondInspectorId,
    isRegistrar: viewer.id === c.registeredById,
  };
}

/**
 * "work": the case is this user's to work (full view, unmasked, the actions their role allows);
 * "read": the bureau lets inspectors search every case read-only, with personal data masked;
 * "none": not this user's case.
 */
export type CaseAccess = "work" | "read" | "none";

export function caseAccess(c: CaseParties, viewer: Viewer, policy: { inspectorsReadAll: boolean }): CaseAccess {
  if (canViewCase(c, viewer)) return "work";
  return viewer.role === "inspector" && policy.inspectorsReadAll ? "read" : "none";
}

export function canViewCase(c: CaseParties, viewer: Viewer): boolean {
  const actor = actorFor(c, viewer);
  switch (viewer.role) {
    case "supervisor":
      return true;
    case "inspector":
      return actor.isAssigned;
    case "clerk":
      return actor.isRegistrar;
    default:
      return false;
  }
}

export function canAssign(viewer: Viewer): boolean {
  return viewer.role === "supervisor";
}

export function canExtend(viewer: Viewer): boolean {
  return viewer.role === "supervisor";
}

