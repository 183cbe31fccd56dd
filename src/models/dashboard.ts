/**
 * The supervisors' dashboard and the 春节前动态清零 board: every figure is one SQL aggregation over indexed
 * columns. A clock's state is decided by comparing its stored due date with dates computed once per request
 * from the calendar (today, and the working day at which 即将到期 begins, per domain/clocks.ts), so no case
 * is evaluated one by one. docs/rules.md “监督统计”.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { CLOCK_RUNS_IN, OPEN_STATES, type CaseState } from "../domain/case-states.js";
import { ACCEPTANCE_DAYS, EXTENSION_DAYS, LEGAL_CLOCKS, STATUTORY_DAYS, TARGET_DAYS, dueSoonMaxLeft, type ClockKey } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import { averageDays, festivalCountdown, monthRange, share } from "../domain/statistics.js";
import { MAX_TASK_DAYS } from "../domain/task-force.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { loadCalendar } from "./calendar.js";
import { inStates } from "./state-sql.js";

export type RunningStatus = "normal" | "dueSoon" | "overdue";
export const RUNNING_STATUSES: readonly RunningStatus[] = ["normal", "dueSoon", "overdue"];
export const CASE_CLOCK_KEYS: readonly ClockKey[] = ["acceptance", "target", "statutory"];

/**
 * The covering indexes the figures read (src/db/schema.ts), named outright: with ANALYZE statistics the
 * planner may prefer the narrower cases_state_closed_idx and then fetch every open case's row from the table.
 * Each leads with the office: a figure answers for a list of offices (one, or every office of the city),
 * searched office by office.
 */
export const OPEN_CLOCKS_INDEX = sql.raw("indexed by cases_office_open_clocks_idx");
export const CLOSED_FIGURES_INDEX = sql.raw("indexed by cases_office_closed_figures_idx");
export const RECEIVED_FIGURES_INDEX = sql.raw("indexed by cases_office_received_figures_idx");

/** The offices whose cases a figure counts (属地管理, docs/rules.md §Offices and jurisdiction): models/offices.ts figureOffices. */
export type OfficeIds = readonly number[];

/** `column in (the offices)`: an empty list counts nothing. */
export function inOffices(officeIds: OfficeIds, column = "cases.office_id"): SQL {
  return sql`${sql.raw(column)} in (${sql.join(
    officeIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

const DUE_COLUMNS: Record<ClockKey, string> = { acceptance: "acceptance_due_on", target: "target_due_on", statutory: "statutory_due_on" };

/** The last due date that is already 即将到期 today, for a clock of `total` working days. */
function soonUntil(calendar: WorkingCalendar, today: IsoDate, total: number): IsoDate {
  return calendar.addWorkingDays(today, dueSoonMaxLeft(total)).date;
}

function soonBound(key: ClockKey, calendar: WorkingCalendar, today: IsoDate, table: string): SQL {
  if (key === "acceptance") return sql`${soonUntil(calendar, today, ACCEPTANCE_DAYS)}`;
  if (key === "target") return sql`${soonUntil(calendar, today, TARGET_DAYS)}`;
  // The statutory clock runs 60 working days, or 90 once extended.
  return sql`(case when ${sql.raw(table)}.extension_days = 0 then ${soonUntil(calendar, today, STATUTORY_DAYS)} else ${soonUntil(calendar, today, STATUTORY_DAYS + EXTENSION_DAYS)} end)`;
}

/**
 * Cases whose `key` clock is running and in `status` today: 已超期 once today is after the due date;
 * 即将到期 from the working day at which clocks.ts says so; otherwise 正常. Used by the dashboard's counts
 * and by the workbench filter its counts link to, so both always agree.
 */
export function caseClockCondition(key: ClockKey, status: RunningStatus, calendar: WorkingCalendar, today: IsoDate, table = "cases"): SQL {
  const due = sql.raw(`${table}.${DUE_COLUMNS[key]}`);
  const soon = soonBound(key, calendar, today, table);
  const byStatus = {
    overdue: sql`${due} < ${today}`,
    dueSoon: sql`${due} >= ${today} and ${due} <= ${soon}`,
    normal: sql`${due} > ${soon}`,
  }[status];
  return sql`(${inStates(CLOCK_RUNS_IN[key], `${table}.state`)} and ${byStatus})`;
}

export const CLOCK_FILTER_KEYS = ["acceptance", "target", "statutory", "legal", "worst"] as const;
export type ClockFilterKey = (typeof CLOCK_FILTER_KEYS)[number];

/**
 * The workbench filter behind the dashboard's links: cases in `status` on one clock, on their running legal
 * clock (acceptance or statutory: never both at once, domain/clocks.ts rankingClock), or on their worst.
 */
export function clockFilterCondition(key: ClockFilterKey, status: RunningStatus, calendar: WorkingCalendar, today: IsoDate, table = "cases"): SQL {
  if (key === "worst") return sql`(${inStates(OPEN_STATES, `${table}.state`)} and ${worstStatusSql(calendar, today, table)} = ${status})`;
  if (key === "legal")
    return sql`(${sql.join(
      LEGAL_CLOCKS.map((k) => caseClockCondition(k, status, calendar, today, table)),
      sql` or `,
    )})`;
  return caseClockCondition(key, status, calendar, today, table);
}

export type ClockCounts = Record<RunningStatus, number>;

/** One clock's status as a SQL value: null when the clock is not running in the case's state. */
function clockStatusSql(key: ClockKey, calendar: WorkingCalendar, today: IsoDate): SQL {
  const when = (s: RunningStatus) => sql`when ${caseClockCondition(key, s, calendar, today)} then ${s}`;
  return sql`(case ${when("overdue")} ${when("dueSoon")} ${when("normal")} end)`;
}

export interface OpenGroup {
  officeId: number;
  state: CaseState;
  lead: number | null;
  acceptance: RunningStatus | null;
  target: RunningStatus | null;
  statutory: RunningStatus | null;
  n: number;
}

/**
 * The open cases in one grouped pass over the covering index: how many per state, lead inspector and
 * status of each clock (a few thousand groups at most), from which every open-case figure is added up.
 */
export function openCaseGroups(db: Db, calendar: WorkingCalendar, today: IsoDate, whose: FiguresOf): OpenGroup[] {
  const only = "inspectorId" in whose ? sql`cases.lead_inspector_id = ${whose.inspectorId}` : inOffices(whose.officeIds);
  return db.all<OpenGroup>(sql`
    select cases.office_id as officeId, cases.state as state, cases.lead_inspector_id as lead, ${clockStatusSql("acceptance", calendar, today)} as acceptance,
      ${clockStatusSql("target", calendar, today)} as target, ${clockStatusSql("statutory", calendar, today)} as statutory, count(*) as n
    from cases ${"inspectorId" in whose ? sql`` : OPEN_CLOCKS_INDEX} where ${only} and ${inStates(OPEN_STATES, "cases.state")}
    group by 1, 2, 3, 4, 5, 6`);
}

/** Whose figures: one lead inspector's (their workbench), or the cases of a list of offices. */
export type FiguresOf = { inspectorId: number } | { officeIds: OfficeIds };

/** A legal clock (acceptance or statutory) of the group is past due. */
export function legalOverdue(g: OpenGroup): boolean {
  return g.acceptance === "overdue" || g.statutory === "overdue";
}

/** The worst of a case's running clocks (as worstStatusSql says in SQL for the workbench filter). */
export function worstStatus(g: OpenGroup): RunningStatus {
  const statuses = [g.acceptance, g.target, g.statutory];
  return statuses.includes("overdue") ? "overdue" : statuses.includes("dueSoon") ? "dueSoon" : "normal";
}

/** JSON array: index = a clock's length in working days, value = its 即将到期 bound in working days left. */
function dueSoonTable(maxTotal: number): string {
  return JSON.stringify(Array.from({ length: maxTotal + 1 }, (_, total) => dueSoonMaxLeft(Math.max(1, total))));
}

/**
 * Status counts for clocks kept outside `cases` (task-force tasks, orders to pay), from the calendar
 * ordinals of their start and due dates; `source` selects `start_on` and `due_on` of the running ones.
 */
function dueDateClockCounts(db: Db, source: SQL, calendar: WorkingCalendar, today: IsoDate, maxTotal: number): ClockCounts {
  const todayOrdinal = calendar.day(today).ordinal;
  const left = sql`(due_day.ordinal - ${todayOrdinal})`;
  const total = sql`max(1, min(${maxTotal}, due_day.ordinal - start_day.ordinal))`;
  const soon = sql`${left} <= json_extract(${dueSoonTable(maxTotal)}, '$[' || ${total} || ']')`;
  return db.get<ClockCounts>(sql`select
      coalesce(sum(case when r.due_on < ${today} then 1 else 0 end), 0) as overdue,
      coalesce(sum(case when r.due_on >= ${today} and ${soon} then 1 else 0 end), 0) as dueSoon,
      coalesce(sum(case when r.due_on >= ${today} and not (${soon}) then 1 else 0 end), 0) as normal
    from (${source}) r
    join calendar_days due_day on due_day.date = r.due_on
    join calendar_days start_day on start_day.date = r.start_on`);
}

/** Task-force tasks not yet answered as done (domain/task-force.ts). */
function taskClockCounts(db: Db, calendar: WorkingCalendar, today: IsoDate, officeIds: OfficeIds): ClockCounts {
  return dueDateClockCounts(
    db,
    sql`select task_force_tasks.assigned_on as start_on, task_force_tasks.due_on as due_on
      from task_force_tasks join cases on cases.id = task_force_tasks.case_id
      where task_force_tasks.status in ('open', 'moreTime') and ${inOffices(officeIds)}`,
    calendar,
    today,
    MAX_TASK_DAYS,
  );
}

/** Orders to pay on filed cases that are not yet paid in full (domain/money.ts orderClock). */
function orderClockCounts(db: Db, calendar: WorkingCalendar, today: IsoDate, officeIds: OfficeIds): ClockCounts {
  return dueDateClockCounts(
    db,
    sql`select payment_orders.issued_on as start_on, payment_orders.pay_by as due_on
      from cases join payment_orders on payment_orders.case_id = cases.id
      where ${inOffices(officeIds)} and ${inStates(CLOCK_RUNS_IN.statutory, "cases.state")}
        and (select coalesce(sum(settlement_items.amount_fen), 0) from settlement_items where settlement_items.source = 'order' and settlement_items.source_id = payment_orders.id)
          > (select coalesce(sum(payments.amount_fen), 0) from payments where payments.case_id = payment_orders.case_id
               and payments.item_id in (select settlement_items.id from settlement_items where settlement_items.source = 'order' and settlement_items.source_id = payment_orders.id))`,
    calendar,
    today,
    366,
  );
}

export const DASHBOARD_CLOCKS = ["acceptance", "target", "statutory", "tasks", "orders"] as const;
export type DashboardClock = (typeof DASHBOARD_CLOCKS)[number];
export const DASHBOARD_CLOCK_LABELS: Record<DashboardClock, string> = {
  acceptance: "受理期限（5个工作日）",
  target: "办结目标（8个工作日）",
  statutory: "法定办案期限（60个工作日）",
  tasks: "专班任务",
  orders: "限期支付指令",
};

/** Worst running clock of an open case: 已超期 if any is overdue, else 即将到期 if any is due soon, else 正常. */
function worstStatusSql(calendar: WorkingCalendar, today: IsoDate, table: string): SQL {
  const any = (s: RunningStatus) =>
    sql`(${sql.join(
      CASE_CLOCK_KEYS.map((k) => caseClockCondition(k, s, calendar, today, table)),
      sql` or `,
    )})`;
  return sql`(case when ${any("overdue")} then 'overdue' when ${any("dueSoon")} then 'dueSoon' else 'normal' end)`;
}

export interface InspectorFigures {
  id: number;
  displayName: string;
  officeName: string | null;
  open: number;
  overdue: number;
  /** Open cases past a legal deadline (受理 5, 法定 60/90), and past the 8-day target: apart, since one is the law and the other a promise. */
  legalOverdue: number;
  targetOverdue: number;
  dueSoon: number;
  normal: number;
  closedThisMonth: number;
  closedWithinTarget: number;
  averageDays: number | null;
  withinShare: number | null;
}

/**
 * Per lead inspector (主办): open cases by worst clock status now, and this month's closings with their
 * average working days and share within 8. `inspectorId` narrows it to one inspector (their workbench).
 */
export function inspectorFigures(db: Db, today: IsoDate, whose: FiguresOf, groups?: OpenGroup[]): InspectorFigures[] {
  const month = monthRange(today.slice(0, 7));
  const one = "inspectorId" in whose;
  const open = groups ?? openCaseGroups(db, loadCalendar(db), today, whose);
  const closed = db.all<{ id: number; n: number; days: number; within: number }>(sql`
    select cases.lead_inspector_id as id, count(*) as n, sum(cases.working_days_taken) as days, sum(cases.closed_on <= cases.target_due_on) as within
    from cases ${one ? sql`` : CLOSED_FIGURES_INDEX}
    where ${one ? sql`cases.lead_inspector_id = ${whose.inspectorId}` : inOffices(whose.officeIds)} and cases.closed_on between ${month.from} and ${today} and cases.lead_inspector_id is not null
    group by 1`);
  const people = db.all<{ id: number; displayName: string; officeName: string | null }>(sql`
    select users.id as id, users.display_name as displayName, offices.name as officeName from users left join offices on offices.id = users.office_id
    where ${one ? sql`users.id = ${whose.inspectorId}` : sql`users.role = 'inspector' and users.active = 1 and ${inOffices(whose.officeIds, "users.office_id")}`}
    order by users.office_id, users.id`);
  const noFigures = {
    open: 0,
    overdue: 0,
    legalOverdue: 0,
    targetOverdue: 0,
    dueSoon: 0,
    normal: 0,
    closedThisMonth: 0,
    closedWithinTarget: 0,
    averageDays: null,
    withinShare: null,
  };
  // Leads from outside the scope's staff (a city inspector leading a district's case, one since moved or
  // deactivated) are named too, with their office: read by id, only those.
  const staff = new Set(people.map((p) => p.id));
  const others = [...new Set([...open.map((g) => g.lead), ...closed.map((c) => c.id)])].filter((id): id is number => id !== null && !staff.has(id));
  if (others.length > 0) {
    people.push(
      ...db.all<{ id: number; displayName: string; officeName: string | null }>(sql`
        select users.id as id, users.display_name as displayName, offices.name as officeName from users left join offices on offices.id = users.office_id
        where users.id in ${others} order by users.office_id, users.id`),
    );
  }
  const byId = new Map<number, InspectorFigures>(people.map((p) => [p.id, { ...p, ...noFigures }]));
  const row = (id: number) => byId.get(id)!;
  for (const g of open) {
    if (g.lead === null) continue;
    const r = row(g.lead);
    r[worstStatus(g)] += g.n;
    if (legalOverdue(g)) r.legalOverdue += g.n;
    if (g.target === "overdue") r.targetOverdue += g.n;
    r.open += g.n;
  }
  for (const c of closed) {
    Object.assign(row(c.id), { closedThisMonth: c.n, closedWithinTarget: c.within, averageDays: averageDays(c.days, c.n), withinShare: share(c.within, c.n) });
  }
  return [...byId.values()];
}

export function dashboard(db: Db, today: IsoDate, officeIds: OfficeIds) {
  const calendar = loadCalendar(db);
  const groups = openCaseGroups(db, calendar, today, { officeIds });
  const caseClock = (key: ClockKey): ClockCounts => {
    const counts: ClockCounts = { normal: 0, dueSoon: 0, overdue: 0 };
    for (const g of groups) if (g[key]) counts[g[key]] += g.n;
    return counts;
  };
  const openIn = (state: CaseState) => groups.reduce((n, g) => n + (g.state === state ? g.n : 0), 0);
  const newToday = db.all<{ channel: string; n: number }>(
    sql`select cases.channel as channel, count(*) as n from cases ${RECEIVED_FIGURES_INDEX} where ${inOffices(officeIds)} and cases.received_on = ${today} group by 1 order by 2 desc`,
  );
  const clocks: Record<DashboardClock, ClockCounts> = {
    acceptance: caseClock("acceptance"),
    target: caseClock("target"),
    statutory: caseClock("statutory"),
    tasks: taskClockCounts(db, calendar, today, officeIds),
    orders: orderClockCounts(db, calendar, today, officeIds),
  };
  return {
    offices: officeFigures(db, groups),
    openByState: OPEN_STATES.map((state) => ({ state, n: openIn(state) })),
    openTotal: groups.reduce((n, g) => n + g.n, 0),
    newToday,
    newTodayTotal: newToday.reduce((s, r) => s + r.n, 0),
    clocks,
    inspectors: inspectorFigures(db, today, { officeIds }, groups),
  };
}

export interface OfficeFigures {
  id: number;
  name: string;
  open: number;
  legalOverdue: number;
  targetOverdue: number;
}

/** Per office, from the same groups: open cases, those past a legal deadline and those past the 8-day target. */
function officeFigures(db: Db, groups: OpenGroup[]): OfficeFigures[] {
  const byId = new Map<number, OfficeFigures>();
  for (const g of groups) {
    const o = byId.get(g.officeId) ?? { id: g.officeId, name: "", open: 0, legalOverdue: 0, targetOverdue: 0 };
    o.open += g.n;
    if (legalOverdue(g)) o.legalOverdue += g.n;
    if (g.target === "overdue") o.targetOverdue += g.n;
    byId.set(g.officeId, o);
  }
  if (byId.size === 0) return [];
  const names = db.all<{ id: number; name: string }>(
    sql`select id, name from offices where id in (${sql.join(
      [...byId.keys()].map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  for (const n of names) byId.get(n.id)!.name = n.name;
  return [...byId.values()].sort((a, b) => b.legalOverdue - a.legalOverdue || b.targetOverdue - a.targetOverdue || a.id - b.id);
}

/** The dashboard lists this many cases past a legal deadline (with a link to all of them). */
export const LATE_CASES_LISTED = 20;

export interface LateCase {
  id: number;
  caseNumber: string;
  employerName: string;
  clock: "acceptance" | "statutory";
  dueOn: IsoDate;
}

/**
 * Open cases past a legal deadline today, the longest overdue first: found through the office-led covering
 * index (the due dates are in it), then only the (at most LATE_CASES_LISTED) listed rows are read by id —
 * a list beside the figures, not a figure, so the figures' rule of index-only reads is not its own.
 */
export function legallyLateCases(db: Db, today: IsoDate, officeIds: OfficeIds): { items: LateCase[]; total: number } {
  const calendar = loadCalendar(db);
  const late = sql`(${sql.join(
    LEGAL_CLOCKS.map((k) => caseClockCondition(k, "overdue", calendar, today)),
    sql` or `,
  )})`;
  const due = sql`(case when ${inStates(CLOCK_RUNS_IN.statutory, "cases.state")} then cases.statutory_due_on else cases.acceptance_due_on end)`;
  const found = db.all<{ id: number; dueOn: IsoDate }>(sql`
    select cases.id as id, ${due} as dueOn from cases ${OPEN_CLOCKS_INDEX}
    where ${inOffices(officeIds)} and ${inStates(OPEN_STATES, "cases.state")} and ${late}`);
  found.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id));
  const listed = found.slice(0, LATE_CASES_LISTED);
  if (listed.length === 0) return { items: [], total: 0 };
  const rows = new Map(
    db
      .all<{ id: number; caseNumber: string; employerName: string; state: CaseState }>(
        sql`select id, case_number as caseNumber, employer_name as employerName, state from cases where id in (${sql.join(
          listed.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      )
      .map((r) => [r.id, r]),
  );
  const items = listed.map((r) => {
    const c = rows.get(r.id)!;
    return {
      id: r.id,
      caseNumber: c.caseNumber,
      employerName: c.employerName,
      clock: CLOCK_RUNS_IN.statutory.includes(c.state) ? ("statutory" as const) : ("acceptance" as const),
      dueOn: r.dueOn,
    };
  });
  return { items, total: found.length };
}

// ---- 春节前动态清零 --------------------------------------------------------------------------------------

/**
 * The clearance board: open cases, and those that at their current pace will not close before the
 * festival — their running deadline (statutory if filed, else the 8-day target) falls after the last
 * working day before it — by inspector and by district.
 */
export function clearanceBoard(db: Db, today: IsoDate, officeIds: OfficeIds) {
  const calendar = loadCalendar(db);
  const countdown = festivalCountdown(today, calendar);
  const late = sql`(case when ${inStates(CLOCK_RUNS_IN.statutory, "cases.state")} then cases.statutory_due_on else cases.target_due_on end) > ${countdown.lastWorkingDay}`;
  // One pass: open and late cases per (lead inspector, district), added up both ways below.
  const groups = db.all<{ lead: number | null; district: string; open: number; late: number }>(sql`
    select cases.lead_inspector_id as lead, cases.district as district, count(*) as open, sum(${late}) as late
    from cases ${OPEN_CLOCKS_INDEX} where ${inOffices(officeIds)} and ${inStates(OPEN_STATES, "cases.state")} group by 1, 2`);
  const names = new Map(
    db.all<{ id: number; name: string }>(sql`select id, display_name as name from users where role in ('inspector', 'supervisor')`).map((u) => [u.id, u.name]),
  );
  const tally = <K>(keyOf: (g: (typeof groups)[number]) => K) => {
    const out = new Map<K, { open: number; late: number }>();
    for (const g of groups) {
      const t = out.get(keyOf(g)) ?? { open: 0, late: 0 };
      out.set(keyOf(g), { open: t.open + g.open, late: t.late + g.late });
    }
    return [...out].sort(([, a], [, b]) => b.late - a.late || b.open - a.open);
  };
  return {
    countdown,
    open: groups.reduce((n, g) => n + g.open, 0),
    late: groups.reduce((n, g) => n + g.late, 0),
    byInspector: tally((g) => g.lead).map(([id, t]) => ({ id, name: id === null ? "未分配" : (names.get(id) ?? `#${id}`), ...t })),
    byDistrict: tally((g) => g.district).map(([district, t]) => ({ district, ...t })),
  };
}
