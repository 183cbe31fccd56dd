/**
 * Period statistics for any date range (DESIGN.md §6): each table is one grouped SQL query over the cases
 * received or closed in the range (indexed by received_on / closed_on) and, for the money, their workers.
 * Working days to close are the case's stored working_days_taken (ordinal difference receipt → close);
 * “within 8” is the target clock's 按期完成: closed on or before the 8th working day.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { addDays, type IsoDate } from "../domain/dates.js";
import { averageDays, improvementOverStatutory, monthsOf, share, summarySentence, type Period, type PeriodFigures } from "../domain/statistics.js";

/** The instant a Shanghai calendar date begins, as stored in integer timestamp columns. */
function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00+08:00`) / 1000;
}

export interface ClosedFigures {
  key: string;
  closed: number;
  workers: number;
  recoveredFen: number;
  days: number;
  within: number;
  averageDays: number | null;
  withinShare: number | null;
}

const closedIn = (p: Period) => sql`cases.closed_on between ${p.from} and ${p.to}`;

/** Closed-case figures grouped by `key` (a SQL expression over `cases`); workers counted with money recovered. */
function closedBy(db: Db, p: Period, key: SQL): ClosedFigures[] {
  const rows = db.all<Omit<ClosedFigures, "averageDays" | "withinShare">>(sql`
    select closings.key as key, closings.closed as closed, closings.days as days, closings.within as within,
      coalesce(money.workers, 0) as workers, coalesce(money.recoveredFen, 0) as recoveredFen
    from (select ${key} as key, count(*) as closed, coalesce(sum(cases.working_days_taken), 0) as days, coalesce(sum(cases.closed_on <= cases.target_due_on), 0) as within
          from cases where ${closedIn(p)} group by 1) closings
    left join (select ${key} as key, sum(case_workers.recovered_fen > 0) as workers, sum(coalesce(case_workers.recovered_fen, 0)) as recoveredFen
          from cases join case_workers on case_workers.case_id = cases.id where ${closedIn(p)} group by 1) money on money.key is closings.key
    order by 1`);
  return rows.map((r) => ({ ...r, key: String(r.key), averageDays: averageDays(r.days, r.closed), withinShare: share(r.within, r.closed) }));
}

function receivedBy(db: Db, p: Period, key: SQL): { key: string; received: number }[] {
  return db
    .all<{ key: string | number; received: number }>(sql`select ${key} as key, count(*) as received from cases where cases.received_on between ${p.from} and ${p.to} group by 1 order by 1`)
    .map((r) => ({ key: String(r.key), received: r.received }));
}

export function periodStatistics(db: Db, p: Period) {
  const totals = closedBy(db, p, sql`'all'`)[0];
  // 快调化解: settled by fast mediation and closed without ever being filed.
  const mediated = db.get<{ n: number; fen: number }>(sql`
    select count(distinct cases.id) as n, coalesce(sum(case_workers.recovered_fen), 0) as fen
    from cases join case_workers on case_workers.case_id = cases.id where ${closedIn(p)} and cases.outcome = 'mediated'`);
  const taskForce = db.get<{ n: number }>(sql`select count(*) as n from cases where cases.escalated_at >= ${startOfDay(p.from)} and cases.escalated_at < ${startOfDay(addDays(p.to, 1))}`).n;
  const police = db.get<{ n: number }>(sql`select count(distinct case_id) as n from (
      select enforcement_actions.case_id as case_id from enforcement_actions where enforcement_actions.kind = 'policeReferral' and enforcement_actions.decided_on between ${p.from} and ${p.to}
      union all select cases.id from cases where ${closedIn(p)} and cases.outcome = 'referredToPolice')`).n;
  const figures: PeriodFigures = {
    casesClosed: totals?.closed ?? 0,
    workersHelped: totals?.workers ?? 0,
    recoveredFen: totals?.recoveredFen ?? 0,
    workingDaysTotal: totals?.days ?? 0,
    closedWithinTarget: totals?.within ?? 0,
    mediatedCases: mediated.n,
    mediatedFen: mediated.fen,
  };
  const average = averageDays(figures.workingDaysTotal, figures.casesClosed);
  const receivedByMonth = new Map(receivedBy(db, p, sql`substr(cases.received_on, 1, 7)`).map((r) => [r.key, r.received]));
  const closedByMonth = new Map(closedBy(db, p, sql`substr(cases.closed_on, 1, 7)`).map((r) => [r.key, r]));
  const receivedByDistrict = new Map(receivedBy(db, p, sql`cases.district`).map((r) => [r.key, r.received]));
  const closedByDistrict = new Map(closedBy(db, p, sql`cases.district`).map((r) => [r.key, r]));
  const receivedByIndustry = new Map(receivedBy(db, p, sql`cases.is_construction`).map((r) => [r.key, r.received]));
  const closedByIndustry = new Map(closedBy(db, p, sql`cases.is_construction`).map((r) => [r.key, r]));
  const empty = (key: string): ClosedFigures => ({ key, closed: 0, workers: 0, recoveredFen: 0, days: 0, within: 0, averageDays: null, withinShare: null });
  const districts = [...new Set([...receivedByDistrict.keys(), ...closedByDistrict.keys()])].sort();
  return {
    period: p,
    figures,
    receivedTotal: [...receivedByMonth.values()].reduce((s, n) => s + n, 0),
    averageDays: average,
    withinShare: share(figures.closedWithinTarget, figures.casesClosed),
    improvement: improvementOverStatutory(average),
    taskForce,
    police,
    sentence: summarySentence(p, figures),
    byChannel: receivedBy(db, p, sql`cases.channel`),
    byMonth: monthsOf(p).map((month) => ({ month, received: receivedByMonth.get(month) ?? 0, ...(closedByMonth.get(month) ?? empty(month)) })),
    byDistrict: districts.map((d) => ({ district: d, received: receivedByDistrict.get(d) ?? 0, ...(closedByDistrict.get(d) ?? empty(d)) })),
    byIndustry: ["1", "0"].map((k) => ({ construction: k === "1", received: receivedByIndustry.get(k) ?? 0, ...(closedByIndustry.get(k) ?? empty(k)) })),
  };
}

export type PeriodStatistics = ReturnType<typeof periodStatistics>;
