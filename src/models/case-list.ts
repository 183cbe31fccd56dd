/**
 * The workbench: cases listed most urgent first, with the working days left on their most urgent clock
 * computed in SQL from the calendar's ordinals; and the 今日提醒 reminders.
 */
import { aliasedTable, and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { calendarDays, cases, users } from "../db/schema.js";
import type { CaseListScope } from "../domain/case-abilities.js";
import type { CaseState } from "../domain/case-states.js";
import { addDays, type IsoDate } from "../domain/dates.js";
import { loadCalendar } from "./calendar.js";
import type { Channel } from "./cases.js";
import { clockFilterCondition, type ClockFilterKey } from "./dashboard.js";

export type ClockFilter = "normal" | "dueSoon" | "overdue";

export interface CaseFilters {
  /** "open" (all open states), one state, or "all". */
  state: CaseState | "open" | "all";
  clock: ClockFilter | "";
  /** Which clock `clock` looks at: one case clock, or the worst of them (the dashboard's links); "" = most urgent. */
  clockOn?: ClockFilterKey | "";
  district: string;
  channel: Channel | "";
  q: string;
  inspectorId: number | null;
  /** An inspector asks for the read-only search of every case (granted only where the bureau allows it). */
  everyCase: boolean;
  page: number;
}

export const PAGE_SIZE = 20;

export const acceptanceDay = aliasedTable(calendarDays, "acceptance_day");
export const targetDay = aliasedTable(calendarDays, "target_day");
export const leadUser = aliasedTable(users, "lead_user");

/**
 * Working days left on the most urgent running clock, as in domain/clocks.ts mostUrgent(): before
 * acceptance (and not waiting for a supplement) the nearer of acceptance and target; otherwise the
 * target, which always falls before the statutory date. Null once closed.
 */
function daysLeftSql(todayOrdinal: number): SQL<number | null> {
  return sql<number | null>`(case
    when ${cases.state} in ('received', 'mediating') then min(${acceptanceDay.ordinal}, ${targetDay.ordinal})
    when ${cases.state} in ('awaiting_supplement', 'filed') then ${targetDay.ordinal}
  end - ${todayOrdinal})`;
}

/** The cases a viewer may list (domain/case-abilities.ts caseListScope) as a condition. */
function scopeSql(scope: CaseListScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "assigned":
      return or(eq(cases.leadInspectorId, scope.inspectorId), eq(cases.secondInspectorId, scope.inspectorId));
    case "registered":
      return eq(cases.registeredById, scope.clerkId);
    case "none":
      return sql`0`;
  }
}

/** The workbench's filters as one condition over cases joined to acceptanceDay and targetDay (exports reuse it). */
export function caseListWhere(db: Db, scope: CaseListScope, filters: CaseFilters, today: IsoDate): SQL | undefined {
  const daysLeft = daysLeftSql(loadCalendar(db).day(today).ordinal);
  const conditions: (SQL | undefined)[] = [scopeSql(scope)];
  if (filters.state === "open") conditions.push(sql`${cases.state} != 'closed'`);
  else if (filters.state !== "all") conditions.push(eq(cases.state, filters.state));
  if (filters.clock && filters.clockOn) conditions.push(clockFilterCondition(filters.clockOn, filters.clock, loadCalendar(db), today));
  else if (filters.clock === "overdue") conditions.push(sql`${daysLeft} < 0`);
  else if (filters.clock === "dueSoon") conditions.push(sql`${daysLeft} between 0 and 2`);
  else if (filters.clock === "normal") conditions.push(sql`${daysLeft} > 2`);
  if (filters.district) conditions.push(eq(cases.district, filters.district));
  if (filters.channel) conditions.push(eq(cases.channel, filters.channel));
  if (filters.inspectorId) conditions.push(or(eq(cases.leadInspectorId, filters.inspectorId), eq(cases.secondInspectorId, filters.inspectorId)));
  const q = filters.q.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      or(
        sql`${cases.caseNumber} like ${pattern} escape '\\'`,
        sql`${cases.employerName} like ${pattern} escape '\\'`,
        sql`${cases.projectName} like ${pattern} escape '\\'`,
        sql`exists (select 1 from case_workers w where w.case_id = "cases"."id" and w.name like ${pattern} escape '\\')`,
      ),
    );
  }
  return and(...conditions);
}

export function listCases(db: Db, scope: CaseListScope, filters: CaseFilters, today: IsoDate) {
  const daysLeft = daysLeftSql(loadCalendar(db).day(today).ordinal);
  const where = caseListWhere(db, scope, filters, today);
  const base = db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      outcome: cases.outcome,
      channel: cases.channel,
      receivedOn: cases.receivedOn,
      employerName: cases.employerName,
      district: cases.district,
      acceptanceDueOn: cases.acceptanceDueOn,
      targetDueOn: cases.targetDueOn,
      closedOn: cases.closedOn,
      possibleDuplicateOf: cases.possibleDuplicateOf,
      leadName: leadUser.displayName,
      daysLeft,
      representative: sql<string>`(select w.name from case_workers w where w.case_id = "cases"."id" order by w.is_representative desc, w.id limit 1)`,
      workerCount: sql<number>`(select count(*) from case_workers w where w.case_id = "cases"."id")`,
      claimedFen: sql<number>`(select coalesce(sum(w.claimed_fen), 0) from case_workers w where w.case_id = "cases"."id")`,
    })
    .from(cases)
    .innerJoin(acceptanceDay, eq(acceptanceDay.date, cases.acceptanceDueOn))
    .innerJoin(targetDay, eq(targetDay.date, cases.targetDueOn))
    .leftJoin(leadUser, eq(leadUser.id, cases.leadInspectorId))
    .where(where);
  const rows = base
    .orderBy(sql`${cases.state} = 'closed'`, sql`${daysLeft} asc`, desc(cases.closedOn), asc(cases.receivedOn), asc(cases.id))
    .limit(PAGE_SIZE)
    .offset((Math.max(1, filters.page) - 1) * PAGE_SIZE)
    .all();
  const total = db
    .select({ n: count() })
    .from(cases)
    .innerJoin(acceptanceDay, eq(acceptanceDay.date, cases.acceptanceDueOn))
    .innerJoin(targetDay, eq(targetDay.date, cases.targetDueOn))
    .where(where)
    .get()!.n;
  return { rows, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export function listDistricts(db: Db): string[] {
  return db.selectDistinct({ d: cases.district }).from(cases).orderBy(asc(cases.district)).all().map((r) => r.d);
}

/**
 * 今日提醒 for an inspector (or a supervisor, over every case): cases assigned since the previous working
 * day, and running clocks that turned 即将到期 or 已超期 today. Counted on working days only: on a rest
 * day nothing "turns".
 */
export function remindersFor(db: Db, scope: CaseListScope, today: IsoDate) {
  const calendar = loadCalendar(db);
  const todayDay = calendar.day(today);
  const since = calendar.previousWorkingDay(today);
  const sinceInstant = new Date(`${addDays(since, 1)}T00:00:00+08:00`);
  const where = scopeSql(scope);
  const newlyAssigned =
    scope.kind === "assigned"
      ? db
          .select({ id: cases.id, caseNumber: cases.caseNumber, employerName: cases.employerName, assignedAt: cases.assignedAt })
          .from(cases)
          .where(and(where, sql`${cases.state} != 'closed'`, sql`${cases.assignedAt} >= ${Math.floor(sinceInstant.getTime() / 1000)}`))
          .orderBy(desc(cases.assignedAt))
          .all()
      : [];
  // 快调 must fit the 5-working-day acceptance window: mediations with 2 working days or less left on it.
  const mediationsClosingWindow = db
    .select({ id: cases.id, caseNumber: cases.caseNumber, employerName: cases.employerName })
    .from(cases)
    .innerJoin(acceptanceDay, eq(acceptanceDay.date, cases.acceptanceDueOn))
    .where(and(where, eq(cases.state, "mediating"), sql`${acceptanceDay.ordinal} - ${todayDay.ordinal} <= 2`))
    .orderBy(asc(cases.acceptanceDueOn))
    .all();
  if (!todayDay.isWorkingDay) return { isWorkingDay: false, newlyAssigned, mediationsClosingWindow, turnedDueSoon: [], turnedOverdue: [] };
  const daysLeft = daysLeftSql(todayDay.ordinal);
  const turned = (left: number) =>
    db
      .select({ id: cases.id, caseNumber: cases.caseNumber, employerName: cases.employerName, state: cases.state })
      .from(cases)
      .innerJoin(acceptanceDay, eq(acceptanceDay.date, cases.acceptanceDueOn))
      .innerJoin(targetDay, eq(targetDay.date, cases.targetDueOn))
      .where(and(where, sql`${cases.state} != 'closed'`, sql`${daysLeft} = ${left}`))
      .orderBy(asc(cases.id))
      .all();
  return { isWorkingDay: true, newlyAssigned, mediationsClosingWindow, turnedDueSoon: turned(2), turnedOverdue: turned(-1) };
}
