/**
 * The supervisors' transfers page (`/transfers`, docs/rules.md §The transfers page): for the offices in scope, the cases
 * transferred or designated to them waiting for their 签收 (incoming), the cases they sent away still waiting for the
 * receiving office's 签收 (outgoing), and their transfers to other departments waiting for a 签收 or a reply — each with its
 * clock, a page at a time.
 *
 * Cases waiting for a 签收 are few whatever the number of cases (an office has one working day): both case lists read the
 * partial index of unacknowledged cases (`cases_office_unacknowledged_idx`), incoming led by the office, outgoing over the
 * whole (small) index with each case's latest move by its key; the department transfers read their own partial index.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { deadlineClock, type DeadlineClock } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import type { Arrival } from "../domain/jurisdiction.js";
import { loadCalendar } from "./calendar.js";
import { inOffices, type OfficeIds } from "./dashboard.js";
import { countWaitingTransfers, waitingTransfers } from "./department-transfers.js";

export const TRANSFERS_PAGE_SIZE = 50;

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pages: number;
}

export interface CaseOnTheMove {
  id: number;
  caseNumber: string;
  employerName: string;
  district: string;
  /** The office that has the case now (the receiving one). */
  officeName: string;
  fromOfficeName: string;
  arrivedBy: Arrival;
  arrivedOn: IsoDate;
  acknowledgeDueOn: IsoDate;
  receivedOn: IsoDate;
  moveId: number;
  docNumber: string | null;
  /** The 签收 clock: from the arrival to the day it is due. */
  clock: DeadlineClock;
}

const paged = <T>(rows: T[], total: number, page: number): Paged<T> => ({
  rows,
  total,
  page,
  pages: Math.max(1, Math.ceil(total / TRANSFERS_PAGE_SIZE)),
});

/** Cases waiting for a 签收 after a move (移送 or 指定), with their latest move; `where` says whose. */
function casesOnTheMove(db: Db, today: IsoDate, where: SQL, page: number): Paged<CaseOnTheMove> {
  const from = sql`from cases c indexed by cases_office_unacknowledged_idx
    join case_office_moves m on m.id = (select max(id) from case_office_moves where case_id = c.id)
    where c.acknowledged_at is null and c.arrived_by in ('transferred', 'designated') and ${where}`;
  const total = db.get<{ n: number }>(sql`select count(*) as n ${from}`).n;
  const calendar = loadCalendar(db);
  const rows = db
    .all<Omit<CaseOnTheMove, "clock">>(sql`select c.id as id, c.case_number as caseNumber, c.employer_name as employerName, c.district as district,
        (select name from offices where id = c.office_id) as officeName, (select name from offices where id = m.from_office_id) as fromOfficeName,
        c.arrived_by as arrivedBy, c.arrived_on as arrivedOn, c.acknowledge_due_on as acknowledgeDueOn, c.received_on as receivedOn,
        m.id as moveId, m.doc_number as docNumber
      ${from}
      order by c.acknowledge_due_on, c.id limit ${TRANSFERS_PAGE_SIZE} offset ${(page - 1) * TRANSFERS_PAGE_SIZE}`)
    .map((r) => ({ ...r, clock: deadlineClock(r.arrivedOn, r.acknowledgeDueOn, null, today, calendar) }));
  return paged(rows, total, page);
}

/** Transferred or designated to the offices, waiting for their 签收: the one due first on top. */
export function incomingTransfers(db: Db, today: IsoDate, officeIds: OfficeIds, page: number): Paged<CaseOnTheMove> {
  return casesOnTheMove(db, today, inOffices(officeIds, "c.office_id"), page);
}

/** Moved away from the offices (their 移送, or the city's 指定 of their case), waiting for the receiving office's 签收. */
export function outgoingTransfers(db: Db, today: IsoDate, officeIds: OfficeIds, page: number): Paged<CaseOnTheMove> {
  return casesOnTheMove(db, today, inOffices(officeIds, "m.from_office_id"), page);
}

/** The offices' transfers to other departments waiting for a 签收 or a reply, the reply due first. */
export function departmentTransfersWaiting(db: Db, today: IsoDate, officeIds: OfficeIds, page: number) {
  const rows = waitingTransfers(db, today, officeIds, { limit: TRANSFERS_PAGE_SIZE, offset: (page - 1) * TRANSFERS_PAGE_SIZE });
  return paged(rows, countWaitingTransfers(db, officeIds), page);
}
