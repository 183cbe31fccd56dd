/**
 * The viewers of the abilities matrix (test/domain/case-abilities.test.ts), shared with the rule of a move
 * stated in its section's own test (test/domain/activity-moves.ts). The case is at office B (not yet
 * acknowledged there): the city's supervisor (市本级) reaches it; B's staff stand to it by their role; office D
 * moved it away and keeps read-only sight of it; staff of office C have no relation to it (属地管理).
 */
import type { AccessPolicy, CaseParties, Relation, Viewer } from "../../src/domain/case-abilities.js";
import type { CaseState } from "../../src/domain/case-states.js";

export const STATE_LETTERS: Record<string, CaseState> = { R: "received", M: "mediating", S: "awaiting_supplement", F: "filed", C: "closed" };

/** The people of the demo case, and how each column's viewer stands to it. */
export const IDS = { supervisor: 1, lead: 2, second: 3, otherInspector: 4, registrar: 5, otherClerk: 6, liaison: 7, admin: 8, officeSupervisor: 9 };
export const TASKED_UNIT = 20;
/** The city office (A), the case's office (B), another office (C) and an office the case was moved away from (D). */
export const CITY = 1;
export const B = 2;
const C = 3;
const D = 4;
export const at = (officeId: number) => ({ officeId, cityWide: officeId === CITY });
export const COLUMN_VIEWERS: Record<string, { viewer: Viewer | null; policy: AccessPolicy; relation: Relation }> = {
  citySupervisor: {
    viewer: { id: IDS.supervisor, role: "supervisor", unitId: null, ...at(CITY) },
    policy: { inspectorsReadAll: false },
    relation: "supervisor",
  },
  officeSupervisor: {
    viewer: { id: IDS.officeSupervisor, role: "supervisor", unitId: null, ...at(B) },
    policy: { inspectorsReadAll: false },
    relation: "supervisor",
  },
  lead: { viewer: { id: IDS.lead, role: "inspector", unitId: null, ...at(B) }, policy: { inspectorsReadAll: false }, relation: "assignedInspector" },
  second: { viewer: { id: IDS.second, role: "inspector", unitId: null, ...at(CITY) }, policy: { inspectorsReadAll: false }, relation: "assignedInspector" },
  otherInspector: {
    viewer: { id: IDS.otherInspector, role: "inspector", unitId: null, ...at(B) },
    policy: { inspectorsReadAll: false },
    relation: "otherInspector",
  },
  readAllInspector: {
    viewer: { id: IDS.otherInspector, role: "inspector", unitId: null, ...at(B) },
    policy: { inspectorsReadAll: true },
    relation: "otherInspector",
  },
  registrar: { viewer: { id: IDS.registrar, role: "clerk", unitId: null, ...at(CITY) }, policy: { inspectorsReadAll: false }, relation: "registrar" },
  otherClerk: { viewer: { id: IDS.otherClerk, role: "clerk", unitId: null, ...at(B) }, policy: { inspectorsReadAll: false }, relation: "otherClerk" },
  formerOffice: { viewer: { id: 34, role: "supervisor", unitId: null, ...at(D) }, policy: { inspectorsReadAll: false }, relation: "formerOffice" },
  otherOfficeSupervisor: { viewer: { id: 31, role: "supervisor", unitId: null, ...at(C) }, policy: { inspectorsReadAll: false }, relation: "otherOffice" },
  otherOfficeInspector: { viewer: { id: 32, role: "inspector", unitId: null, ...at(C) }, policy: { inspectorsReadAll: true }, relation: "otherOffice" },
  otherOfficeClerk: { viewer: { id: 33, role: "clerk", unitId: null, ...at(C) }, policy: { inspectorsReadAll: false }, relation: "otherOffice" },
  taskedLiaison: {
    viewer: { id: IDS.liaison, role: "unit", unitId: TASKED_UNIT, ...at(CITY) },
    policy: { inspectorsReadAll: false },
    relation: "taskedLiaison",
  },
  otherLiaison: {
    viewer: { id: IDS.liaison, role: "unit", unitId: TASKED_UNIT + 1, ...at(CITY) },
    policy: { inspectorsReadAll: false },
    relation: "otherLiaison",
  },
  admin: { viewer: { id: IDS.admin, role: "admin", unitId: null, ...at(CITY) }, policy: { inspectorsReadAll: false }, relation: "admin" },
  anonymous: { viewer: null, policy: { inspectorsReadAll: true }, relation: "anonymous" },
};

export function caseIn(state: CaseState, extensionDays = 0, acknowledged = false): CaseParties {
  return {
    state,
    officeId: B,
    acknowledged,
    formerOfficeIds: [D],
    registeredById: IDS.registrar,
    leadInspectorId: IDS.lead,
    secondInspectorId: IDS.second,
    extensionDays,
    taskUnitIds: [TASKED_UNIT],
  };
}
