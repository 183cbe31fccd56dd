/**
 * The city's oversight board and its monthly 通报 (docs/rules.md “全市督办与月通报”): every office side by side.
 * Three grouped passes over indexes led by the office — its open cases by clock status
 * (cases_office_open_clocks_idx), its 签收 queue (cases_office_unacknowledged_idx) and the period's closings
 * (cases_office_closed_figures_idx) — then the late cases themselves, office by office, for the 通报.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { OPEN_STATES } from "../domain/case-states.js";
import { cityTotals, noFigures, rankOffices, type OfficeFigures } from "../domain/city-board.js";
import type { IsoDate } from "../domain/dates.js";
import type { Period } from "../domain/statistics.js";
import { loadCalendar } from "./calendar.js";
import { caseClockCondition, CLOSED_FIGURES_INDEX, inOffices, OPEN_CLOCKS_INDEX, openCaseGroups } from "./dashboard.js";
import { listOffices } from "./offices.js";
import { inStates } from "./state-sql.js";

/** The 通报 lists at most this many late cases (the workbench, linked from each office's count, has them all). */
export const BULLETIN_LATE_LIMIT = 300;

export interface LateCase {
  id: number;
  caseNumber: string;
  employerName: string;
  officeName: string;
  receivedOn: IsoDate;
  targetDueOn: IsoDate;
  statutoryLate: number;
}

export function cityBoard(db: Db, today: IsoDate, period: Period) {
  const offices = listOffices(db);
  const officeIds = offices.map((o) => o.id);
  const calendar = loadCalendar(db);
  const figures = new Map<number, OfficeFigures>(offices.map((o) => [o.id, noFigures(o.id, o.name)]));
  for (const g of openCaseGroups(db, calendar, today, { officeIds })) {
    const f = figures.get(g.officeId)!;
    f.open += g.n;
    if (g.target === "overdue") f.targetLate += g.n;
    if (g.statutory === "overdue") f.statutoryLate += g.n;
  }
  const queues = db.all<{ officeId: number; n: number; late: number }>(sql`
    select cases.office_id as officeId, count(*) as n, sum(cases.acknowledge_due_on < ${today}) as late
    from cases indexed by cases_office_unacknowledged_idx where ${inOffices(officeIds)} and cases.acknowledged_at is null group by 1`);
  for (const q of queues) Object.assign(figures.get(q.officeId)!, { acknowledgeWaiting: q.n, acknowledgeLate: q.late });
  const closed = db.all<{ officeId: number; n: number; days: number; within: number; recoveredFen: number; workers: number }>(sql`
    select cases.office_id as officeId, count(*) as n, coalesce(sum(cases.working_days_taken), 0) as days, sum(cases.closed_on <= cases.target_due_on) as within,
      sum(cases.recovered_fen) as recoveredFen, sum(cases.workers_helped) as workers
    from cases ${CLOSED_FIGURES_INDEX} where ${inOffices(officeIds)} and cases.closed_on between ${period.from} and ${period.to} group by 1`);
  for (const c of closed) {
    Object.assign(figures.get(c.officeId)!, { closed: c.n, workingDays: c.days, within: c.within, recoveredFen: c.recoveredFen, workersHelped: c.workers });
  }
  // A deactivated office stays on the board while it has anything to answer for.
  const active = new Set(offices.filter((o) => o.active).map((o) => o.id));
  const rows = [...figures.values()].filter((f) => active.has(f.officeId) || f.open > 0 || f.closed > 0 || f.acknowledgeWaiting > 0);
  return { period, today, offices: rankOffices(rows), city: cityTotals(rows) };
}

export type CityBoard = ReturnType<typeof cityBoard>;

/** The open cases past the 8-working-day target (those past the statutory clock flagged), by office then due date. */
export function lateCases(db: Db, today: IsoDate): LateCase[] {
  const calendar = loadCalendar(db);
  const officeIds = listOffices(db).map((o) => o.id);
  return db.all<LateCase>(sql`
    select cases.id as id, cases.case_number as caseNumber, cases.employer_name as employerName, offices.name as officeName,
      cases.received_on as receivedOn, cases.target_due_on as targetDueOn, ${caseClockCondition("statutory", "overdue", calendar, today)} as statutoryLate
    from cases ${OPEN_CLOCKS_INDEX} join offices on offices.id = cases.office_id
    where ${inOffices(officeIds)} and ${inStates(OPEN_STATES, "cases.state")} and cases.target_due_on < ${today}
    order by offices.sort_order, offices.id, cases.target_due_on, cases.id limit ${BULLETIN_LATE_LIMIT}`);
}
