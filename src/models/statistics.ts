/**
 * Period statistics for any date range and the offices the viewer answers for (docs/rules.md “监督统计”). Two
 * grouped SQL passes over covering indexes led by the office — the cases closed in the range
 * (cases_office_closed_figures_idx) and the cases received in it (cases_office_received_figures_idx) — each grouped by month, district and industry (a few thousand groups at
 * most), which are then added up per table. Working days to close are the case's stored
 * working_days_taken (ordinal difference receipt → close); “within 8” is the target clock's 按期完成:
 * closed on or before the 8th working day; money and workers helped come from the case's recovered_fen
 * and workers_helped, which triggers keep equal to its workers' (drizzle/0011_case_money_totals.sql).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { addDays, type IsoDate } from "../domain/dates.js";
import { satisfactionFigures } from "./ratings.js";
import { CLOSED_FIGURES_INDEX, inOffices, RECEIVED_FIGURES_INDEX, type OfficeIds } from "./dashboard.js";
import { averageDays, improvementOverStatutory, monthsOf, share, summarySentence, type Period, type PeriodFigures } from "../domain/statistics.js";

/** The instant a Shanghai calendar date begins, as stored in integer timestamp columns. */
function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00+08:00`) / 1000;
}

export interface ClosedFigures {
  closed: number;
  workers: number;
  recoveredFen: number;
  days: number;
  within: number;
  averageDays: number | null;
  withinShare: number | null;
}

interface ClosedGroup {
  month: string;
  district: string;
  construction: number;
  closed: number;
  days: number;
  within: number;
  workers: number;
  recoveredFen: number;
  mediated: number;
  mediatedFen: number;
}

interface ReceivedGroup {
  month: string;
  channel: string;
  district: string;
  construction: number;
  received: number;
}

const closedIn = (p: Period) => sql`cases.closed_on between ${p.from} and ${p.to}`;

/** Adds up groups into one row per key. */
function sumBy<G, K extends string>(groups: readonly G[], keyOf: (g: G) => K, fields: readonly (keyof G & string)[]): Map<K, Record<string, number>> {
  const out = new Map<K, Record<string, number>>();
  for (const g of groups) {
    const key = keyOf(g);
    const row = out.get(key) ?? Object.fromEntries(fields.map((f) => [f, 0]));
    for (const f of fields) row[f]! += Number(g[f]);
    out.set(key, row);
  }
  return out;
}

const CLOSED_FIELDS = ["closed", "days", "within", "workers", "recoveredFen"] as const;

function closedFigures(row: Record<string, number> | undefined): ClosedFigures {
  const r = { closed: row?.closed ?? 0, days: row?.days ?? 0, within: row?.within ?? 0, workers: row?.workers ?? 0, recoveredFen: row?.recoveredFen ?? 0 };
  return { ...r, averageDays: averageDays(r.days, r.closed), withinShare: share(r.within, r.closed) };
}

/** `subject` names whose figures they are in the summary sentence: 全市, or the office's area. */
export function periodStatistics(db: Db, p: Period, officeIds: OfficeIds, subject: string) {
  const offices = inOffices(officeIds);
  const closed = db.all<ClosedGroup>(sql`
    select substr(cases.closed_on, 1, 7) as month, cases.district as district, cases.is_construction as construction,
      count(*) as closed, coalesce(sum(cases.working_days_taken), 0) as days, sum(cases.closed_on <= cases.target_due_on) as within,
      sum(cases.workers_helped) as workers, sum(cases.recovered_fen) as recoveredFen,
      sum(cases.outcome = 'mediated') as mediated, sum(case when cases.outcome = 'mediated' then cases.recovered_fen else 0 end) as mediatedFen
    from cases ${CLOSED_FIGURES_INDEX} where ${offices} and ${closedIn(p)} group by 1, 2, 3`);
  const received = db.all<ReceivedGroup>(sql`
    select substr(cases.received_on, 1, 7) as month, cases.channel as channel, cases.district as district, cases.is_construction as construction, count(*) as received
    from cases ${RECEIVED_FIGURES_INDEX} where ${offices} and cases.received_on between ${p.from} and ${p.to} group by 1, 2, 3, 4`);
  const taskForce = db.get<{ n: number }>(
    sql`select count(*) as n from cases where ${offices} and cases.escalated_at >= ${startOfDay(p.from)} and cases.escalated_at < ${startOfDay(addDays(p.to, 1))}`,
  ).n;
  // 移送公安: a referral decided in the period, or a case closed in it as referred (counted once).
  const police = db.get<{ n: number }>(sql`select count(distinct case_id) as n from (
      select enforcement_actions.case_id as case_id from enforcement_actions join cases on cases.id = enforcement_actions.case_id
        where enforcement_actions.kind = 'policeReferral' and enforcement_actions.decided_on between ${p.from} and ${p.to} and ${offices}
      union all select cases.id from cases ${CLOSED_FIGURES_INDEX} where ${offices} and ${closedIn(p)} and cases.outcome = 'referredToPolice')`).n;
  // Referrals the police accepted (立案) in the period, by the date of their answer (docs/rules.md § Police referral).
  const policeAccepted = db.get<{ n: number }>(sql`select count(*) as n from police_referrals join cases on cases.id = police_referrals.case_id
      where police_referrals.answer = 'filed' and police_referrals.answer_on between ${p.from} and ${p.to} and ${offices}`).n;
  // 行政处理决定 revoked or changed on 复议 or 诉讼 in the period (docs/rules.md § Remedies against a decision).
  const decisionsOverturned = db.get<{
    n: number;
  }>(sql`select count(distinct action_id) as n from decision_remedies join cases on cases.id = decision_remedies.case_id
      where decision_remedies.outcome in ('revoked', 'varied') and decision_remedies.outcome_on between ${p.from} and ${p.to} and ${offices}`).n;

  const all = sumBy(closed, () => "all", [...CLOSED_FIELDS, "mediated", "mediatedFen"]).get("all");
  const figures: PeriodFigures = {
    casesClosed: all?.closed ?? 0,
    workersHelped: all?.workers ?? 0,
    recoveredFen: all?.recoveredFen ?? 0,
    workingDaysTotal: all?.days ?? 0,
    closedWithinTarget: all?.within ?? 0,
    mediatedCases: all?.mediated ?? 0,
    mediatedFen: all?.mediatedFen ?? 0,
  };
  const average = averageDays(figures.workingDaysTotal, figures.casesClosed);
  const closedByMonth = sumBy(closed, (g) => g.month, CLOSED_FIELDS);
  const closedByDistrict = sumBy(closed, (g) => g.district, CLOSED_FIELDS);
  const closedByIndustry = sumBy(closed, (g) => String(g.construction), CLOSED_FIELDS);
  const receivedBy = (keyOf: (g: ReceivedGroup) => string) => sumBy(received, keyOf, ["received"]);
  const receivedByMonth = receivedBy((g) => g.month);
  const receivedByDistrict = receivedBy((g) => g.district);
  const receivedByIndustry = receivedBy((g) => String(g.construction));
  const receivedOf = (m: Map<string, Record<string, number>>, key: string) => m.get(key)?.received ?? 0;
  const districts = [...new Set([...receivedByDistrict.keys(), ...closedByDistrict.keys()])].sort();
  return {
    period: p,
    figures,
    receivedTotal: received.reduce((s, g) => s + g.received, 0),
    averageDays: average,
    withinShare: share(figures.closedWithinTarget, figures.casesClosed),
    improvement: improvementOverStatutory(average),
    taskForce,
    police,
    decisionsOverturned,
    policeAccepted,
    sentence: summarySentence(p, figures, subject),
    // 好差评 in the period: per office and per inspector (docs/rules.md § 好差评).
    satisfaction: satisfactionFigures(db, p, officeIds),
    byChannel: [...receivedBy((g) => g.channel)].map(([key, r]) => ({ key, received: r.received! })).sort((a, b) => a.key.localeCompare(b.key)),
    byMonth: monthsOf(p).map((month) => ({ month, received: receivedOf(receivedByMonth, month), ...closedFigures(closedByMonth.get(month)) })),
    byDistrict: districts.map((district) => ({
      district,
      received: receivedOf(receivedByDistrict, district),
      ...closedFigures(closedByDistrict.get(district)),
    })),
    byIndustry: ["1", "0"].map((k) => ({ construction: k === "1", received: receivedOf(receivedByIndustry, k), ...closedFigures(closedByIndustry.get(k)) })),
  };
}

export type PeriodStatistics = ReturnType<typeof periodStatistics>;
