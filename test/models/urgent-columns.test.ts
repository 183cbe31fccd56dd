/**
 * The stored urgent_due_on / urgent_clock columns (generated in SQL, src/db/schema.ts; the workbench sorts
 * and filters by them) against the clocks as domain/clocks.ts counts them: for every state, the stored
 * most urgent clock is rankingClock(caseClocks(…)), whatever the day — and none once the case is closed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATES, CLOCK_RUNS_IN, type CaseState } from "../../src/domain/case-states.js";
import { caseClocks, dueDates, rankingClock, type ClockFacts } from "../../src/domain/clocks.js";
import type { IsoDate } from "../../src/domain/dates.js";
import type { WorkingCalendar } from "../../src/domain/working-days.js";
import { loadCalendar } from "../../src/models/calendar.js";
import { makeCase, makeTestApp, type TestApp } from "../helpers.js";

let t: TestApp;
let calendar: WorkingCalendar;
let caseId: number;
beforeAll(async () => {
  t = await makeTestApp();
  calendar = loadCalendar(t.db);
  caseId = makeCase(t.db).id;
});

const RECEIVED = "2026-11-02" as IsoDate;
const day = (n: number) => calendar.addWorkingDays(RECEIVED, n).date;

/** The facts of a case in `state`, with the acceptance clock restarted (a supplement arrived) or not. */
function facts(state: CaseState, restarted: boolean, extensionDays: number): ClockFacts {
  const decided = !CLOCK_RUNS_IN.acceptance.includes(state) && state !== "awaiting_supplement";
  return {
    state,
    receivedOn: RECEIVED,
    acceptanceStartOn: restarted ? day(3) : RECEIVED,
    decidedOn: decided ? day(4) : null,
    filedOn: state === "filed" || state === "closed" ? day(4) : null,
    extensionDays,
    closedOn: state === "closed" ? day(20) : null,
    supplementRequestedOn: state === "awaiting_supplement" ? day(1) : null,
  };
}

function stored(f: ClockFacts): { due: string | null; clock: string | null } {
  const due = dueDates(f, calendar);
  t.db.$client
    .prepare(
      `update cases set state = ?, received_on = ?, acceptance_start_on = ?, decided_on = ?, filed_on = ?, extension_days = ?, closed_on = ?,
         acceptance_due_on = ?, target_due_on = ?, statutory_due_on = ? where id = ?`,
    )
    .run(
      f.state,
      f.receivedOn,
      f.acceptanceStartOn,
      f.decidedOn,
      f.filedOn,
      f.extensionDays,
      f.closedOn,
      due.acceptanceDueOn,
      due.targetDueOn,
      due.statutoryDueOn,
      caseId,
    );
  return t.db.$client.prepare("select urgent_due_on as due, urgent_clock as clock from cases where id = ?").get(caseId) as {
    due: string | null;
    clock: string | null;
  };
}

describe("the stored most urgent clock", () => {
  for (const state of CASE_STATES) {
    it(`is the clocks' most urgent in state ${state}, on every day`, () => {
      for (const restarted of [false, true])
        for (const extensionDays of state === "filed" ? [0, 30] : [0])
          for (const n of [0, 1, 2, 4, 6, 7, 8, 9, 12, 50, 60, 75, 100]) {
            const f = facts(state, restarted, extensionDays);
            const today = day(n);
            const urgent = rankingClock(caseClocks(f, calendar, today));
            const where = `${state} restarted=${restarted} +${extensionDays} day ${n}`;
            expect(stored(f), where).toEqual(urgent ? { due: urgent.dueOn, clock: urgent.key } : { due: null, clock: null });
          }
    });
  }
});
