/**
 * The abilities matrix, read as a table: one row per ability (the access level, every move of the state
 * machine, every other action), one column per way a viewer can stand to a case. A cell lists the states in
 * which the viewer has the ability — R received, M mediating, S awaiting_supplement, F filed, C closed;
 * "-" never. The access row gives the level instead. A new move or action without a row fails the test,
 * unless it is an activity whose rule its section's own test states (test/domain/activity-moves.ts). The
 * columns' viewers and the demo case: test/domain/ability-columns.ts.
 */
import { describe, expect, it } from "vitest";
import { CASE_ACTIONS, caseAbilities, caseListScope, mayMakeMove, staffAbilities, taskAbilities, type Viewer } from "../../src/domain/case-abilities.js";
import { CASE_STATES, MOVE_NAMES, type MoveName } from "../../src/domain/case-states.js";
import { B, CITY, COLUMN_VIEWERS, STATE_LETTERS, TASKED_UNIT, at, caseIn } from "./ability-columns.js";
import { movesStatedInTheirTests } from "./activity-moves.js";

const MATRIX = `
ability            | citySupervisor | officeSupervisor | lead  | second | otherInspector | readAllInspector | registrar | otherClerk | formerOffice | otherOfficeSupervisor | otherOfficeInspector | otherOfficeClerk | taskedLiaison | otherLiaison | admin | anonymous
access             | full           | full             | full  | full   | none           | masked           | full      | none       | masked       | none                  | none                 | none             | summary       | none         | none  | none
startMediation     | R              | R                | R     | R      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
mediationFailed    | M              | M                | M     | M      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
file               | RM             | RM               | RM    | RM     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
requestSupplement  | R              | R                | R     | R      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
supplementReceived | S              | S                | S     | S      | -              | -                | S         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
reject             | RS             | RS               | RS    | RS     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
redirect           | RS             | RS               | RS    | RS     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
withdraw           | RMS            | RMS              | RMS   | RMS    | -              | -                | RMS       | -          | -            | -                     | -                    | -                | -             | -            | -     | -
revokeFiling       | F              | F                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
close              | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordVisit        | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
completeEmployer   | RMSF           | RMSF             | RMSF  | RMSF   | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordMediation    | MF             | MF               | MF    | MF     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
settleByMediation  | M              | M                | M     | M      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordPayment      | MF             | MF               | MF    | MF     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
issueOrder         | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
enforce            | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
issuePriorNotice   | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
servePriorNotice   | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
serveDecision      | FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordRemedy       | FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordRemedyOutcome | FC            | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
courtEnforcement   | FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
followReferral     | FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordStatement    | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
applyAdvance       | F              | F                | F     | F      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
decideAdvance      | F              | F                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
payAdvance         | F              | F                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
recordAdvanceRecovery| FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
escalate           | RMSF           | RMSF             | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
reopen             | C              | C                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
assign             | RMSF           | RMSF             | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
extend             | F              | F                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
addEvidence        | RMSFC          | RMSFC            | RMSFC | RMSFC  | -              | -                | RMSFC     | -          | -            | -                     | -                    | -                | -             | -            | -     | -
openEvidence       | RMSFC          | RMSFC            | RMSFC | RMSFC  | -              | -                | RMSFC     | -          | -            | -                     | -                    | -                | -             | -            | -     | -
voidEvidence       | RMSFC          | RMSFC            | RMSFC | RMSFC  | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
printDocuments     | RMSFC          | RMSFC            | RMSFC | RMSFC  | -              | -                | RMSFC     | -          | -            | -                     | -                    | -                | -             | -            | -     | -
noteOverClaim      | F              | F                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
answerTask         | -              | -                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | RMSF          | -            | -     | -
proposeBlacklist   | FC             | FC               | FC    | FC     | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
acknowledge        | -              | RMSF             | -     | -      | -              | -                | -         | RMSF       | -            | -                     | -                    | -                | -             | -            | -     | -
transfer           | -              | RMSFC            | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
requestDesignation | -              | RMSFC            | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
designate          | RMSFC          | -                | -     | -      | -              | -                | -         | -          | -            | -                     | -                    | -                | -             | -            | -     | -
`;

const [header, ...body] = MATRIX.trim()
  .split("\n")
  .map((line) => line.split("|").map((cell) => cell.trim()));
const COLUMNS = header!.slice(1);
const ROWS = new Map(body.map(([ability, ...cells]) => [ability!, cells]));

function has(ability: string, abilities: ReturnType<typeof caseAbilities>): boolean {
  if ((MOVE_NAMES as readonly string[]).includes(ability)) return mayMakeMove(abilities, ability as MoveName);
  return abilities[ability as (typeof CASE_ACTIONS)[number]];
}

describe("the case-abilities matrix", () => {
  it("has a row for the access level, every move and every action, and a column for every relation", () => {
    // An activity whose rule its section's test states (test/domain/activity-moves.ts) needs no row.
    const stated = movesStatedInTheirTests();
    const abilities: string[] = ["access", ...MOVE_NAMES, ...CASE_ACTIONS];
    expect(
      [...ROWS.keys()].filter((row) => !abilities.includes(row)),
      "rows of no ability",
    ).toEqual([]);
    expect(
      abilities.filter((a) => !ROWS.has(a) && !stated.includes(a)),
      "abilities without a row",
    ).toEqual([]);
    expect(COLUMNS.sort()).toEqual(Object.keys(COLUMN_VIEWERS).sort());
  });

  it.each(COLUMNS)("places the %s column's viewer in the right relation", (column) => {
    const { viewer, policy, relation } = COLUMN_VIEWERS[column]!;
    expect(caseAbilities(caseIn("filed"), viewer, policy).relation).toBe(relation);
  });

  describe.each([...ROWS.keys()])("%s", (ability) => {
    it.each(COLUMNS.map((column, i) => [column, ROWS.get(ability)![i]!] as const))("%s: %s", (column, cell) => {
      const { viewer, policy } = COLUMN_VIEWERS[column]!;
      for (const state of CASE_STATES) {
        const abilities = caseAbilities(caseIn(state), viewer, policy);
        if (ability === "access") {
          expect(abilities.access, state).toBe(cell);
        } else {
          const expected = [...cell].some((letter) => STATE_LETTERS[letter] === state);
          expect(has(ability, abilities), `${column} in ${state}`).toBe(expected);
        }
      }
    });
  });

  it("allows the statutory extension only once", () => {
    const supervisor = COLUMN_VIEWERS.citySupervisor!;
    expect(caseAbilities(caseIn("filed", 30), supervisor.viewer, supervisor.policy).extend).toBe(false);
  });

  it("offers 签收 only until the office has acknowledged the case", () => {
    const { viewer, policy } = COLUMN_VIEWERS.officeSupervisor!;
    expect(caseAbilities(caseIn("received", 0, true), viewer, policy).acknowledge).toBe(false);
  });
});

describe("task abilities", () => {
  const task = { unitId: TASKED_UNIT, status: "open" };
  it("lets the tasked unit's liaison see and answer its own task until done, and the supervisor see it", () => {
    const liaison = COLUMN_VIEWERS.taskedLiaison!.viewer;
    const onCase = caseAbilities(caseIn("filed"), liaison, { inspectorsReadAll: false });
    expect(taskAbilities(task, onCase, liaison)).toEqual({ view: true, answer: true });
    expect(taskAbilities({ ...task, status: "done" }, onCase, liaison)).toEqual({ view: true, answer: false });
    const supervisor = COLUMN_VIEWERS.citySupervisor!.viewer;
    expect(taskAbilities(task, caseAbilities(caseIn("filed"), supervisor, { inspectorsReadAll: false }), supervisor)).toEqual({ view: true, answer: false });
  });

  it("keeps a liaison out of another unit's task on the same case", () => {
    const liaison = COLUMN_VIEWERS.taskedLiaison!.viewer;
    const onCase = caseAbilities(caseIn("filed"), liaison, { inspectorsReadAll: false });
    expect(taskAbilities({ unitId: TASKED_UNIT + 5, status: "open" }, onCase, liaison)).toEqual({ view: false, answer: false });
  });
});

describe("which cases a viewer may list", () => {
  const inspector: Viewer = { id: 4, role: "inspector", unitId: null, ...at(B) };
  it("gives an inspector only their assigned cases, even when asking for every case, unless the bureau allows it", () => {
    expect(caseListScope(inspector, { inspectorsReadAll: false }, true)).toEqual({ kind: "assigned", inspectorId: 4 });
    expect(caseListScope(inspector, { inspectorsReadAll: true }, true)).toEqual({ kind: "all", access: "masked", officeId: B });
    expect(caseListScope(inspector, { inspectorsReadAll: true }, false)).toEqual({ kind: "assigned", inspectorId: 4 });
  });

  it("gives a clerk the cases they registered, a supervisor their office's cases (the city's: every office's), and nobody else any", () => {
    expect(caseListScope({ id: 5, role: "clerk", unitId: null, ...at(B) }, { inspectorsReadAll: true }, true)).toEqual({ kind: "registered", clerkId: 5 });
    expect(caseListScope({ id: 1, role: "supervisor", unitId: null, ...at(CITY) }, { inspectorsReadAll: false }, false)).toEqual({
      kind: "all",
      access: "full",
      officeId: null,
    });
    expect(caseListScope({ id: 9, role: "supervisor", unitId: null, ...at(B) }, { inspectorsReadAll: false }, false)).toEqual({
      kind: "all",
      access: "full",
      officeId: B,
    });
    expect(caseListScope({ id: 9, role: "supervisor", unitId: null, officeId: null, cityWide: false }, { inspectorsReadAll: false }, false)).toEqual({
      kind: "all",
      access: "full",
      officeId: 0,
    });
    for (const role of ["unit", "admin"] as const)
      expect(caseListScope({ id: 9, role, unitId: 20, ...at(CITY) }, { inspectorsReadAll: true }, true)).toEqual({ kind: "none" });
    expect(caseListScope(null, { inspectorsReadAll: true }, true)).toEqual({ kind: "none" });
  });

  it("offers the staff-wide abilities by role", () => {
    const policy = { inspectorsReadAll: true };
    const none = { viewDashboard: false, exportCases: false, exportFullPersonalData: false, everyOffice: false, acknowledgeQueue: false };
    expect(staffAbilities({ id: 5, role: "clerk", unitId: null, ...at(B) }, policy)).toEqual({
      registerCases: true,
      searchEveryCase: false,
      seeReminders: false,
      assignCases: false,
      taskBoard: null,
      ...none,
      acknowledgeQueue: true,
    });
    expect(staffAbilities(inspector, policy)).toEqual({
      registerCases: false,
      searchEveryCase: true,
      seeReminders: true,
      assignCases: false,
      taskBoard: null,
      ...none,
      exportCases: true,
    });
    expect(staffAbilities(inspector, { inspectorsReadAll: false }).searchEveryCase).toBe(false);
    const supervisor = {
      registerCases: true,
      searchEveryCase: false,
      seeReminders: true,
      assignCases: true,
      taskBoard: "allOpen",
      viewDashboard: true,
      exportCases: true,
      exportFullPersonalData: true,
      acknowledgeQueue: true,
    };
    expect(staffAbilities({ id: 1, role: "supervisor", unitId: null, ...at(CITY) }, policy)).toEqual({ ...supervisor, everyOffice: true });
    expect(staffAbilities({ id: 9, role: "supervisor", unitId: null, ...at(B) }, policy)).toEqual({ ...supervisor, everyOffice: false });
    expect(staffAbilities({ id: 7, role: "unit", unitId: 20, ...at(CITY) }, policy)).toEqual({
      registerCases: false,
      searchEveryCase: false,
      seeReminders: false,
      assignCases: false,
      taskBoard: "ownUnit",
      ...none,
    });
    expect(staffAbilities({ id: 8, role: "admin", unitId: null, ...at(CITY) }, policy)).toEqual({
      registerCases: false,
      searchEveryCase: false,
      seeReminders: false,
      assignCases: false,
      taskBoard: null,
      ...none,
    });
    expect(staffAbilities(null, policy)).toEqual({
      registerCases: false,
      searchEveryCase: false,
      seeReminders: false,
      assignCases: false,
      taskBoard: null,
      ...none,
    });
  });
});
