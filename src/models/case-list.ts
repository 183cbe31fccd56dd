/**
 * The workbench: cases listed most urgent first, and the 今日提醒 reminders.
 *
 * Every query here is an index search, whatever the filters (test/models/workbench-plans.test.ts checks
 * the plans on a bulk-seeded database): open cases are found and ordered through partial indexes on
 * `urgent_due_on`, the due date of the case's most urgent running clock (a generated column, null once
 * closed; src/db/schema.ts); the clock filters are date windows on it (domain/clock-windows.ts); closed
 * cases through `cases_state_closed_idx`; names through the FTS5 trigram indexes. Counts stop at a cap. What a
 * row shows about its clocks comes from domain/clocks.ts itself, so the list and the case page agree.
 */
import { untilChanged } from "./until-changed.js";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { CaseListScope } from "../domain/case-abilities.js";
import { CLOCK_LABELS, caseClocks, rankingClock, type Clock } from "../domain/clocks.js";
import { clockWindows, turnedTodayWindows, type ClockWindows } from "../domain/clock-windows.js";
import { CLOSED_STATES, FILED_STATES, MEDIATING_STATES, type CaseState, type Outcome } from "../domain/case-states.js";
import { inStates } from "./state-sql.js";
import { addDays, type IsoDate } from "../domain/dates.js";
import { loadCalendar } from "./calendar.js";
import { clockFilterCondition, type ClockFilterKey } from "./dashboard.js";
import { clockHistoryOf } from "./deadlines.js";
import type { Channel } from "./cases.js";

export type ClockFilter = "normal" | "dueSoon" | "overdue";

export interface CaseFilters {
  /** "open" (all open states), one state, or "all". */
  state: CaseState | "open" | "all";
  clock: ClockFilter | "";
  /** Which clock `clock` looks at: one case clock, or the worst of them (the dashboard's links); "" = most urgent. */
  clockOn?: ClockFilterKey | "";
  district: string;
  channel: Channel | "";
  /** One office's cases (the city's office filter); null = every office the scope reaches. */
  officeId: number | null;
  q: string;
  inspectorId: number | null;
  /** With `inspectorId`: only the cases they lead (主办), as the dashboard counts them. */
  leadOnly?: boolean;
  /** Inspectors' read-only search of every case, where the bureau allows it. */
  everyCase: boolean;
  page: number;
}

export const PAGE_SIZE = 20;
/** Counting stops this many rows past the page shown: "1,000 件以上" rather than a count of every case. */
export const COUNT_AHEAD = 1000;
/** 今日提醒 lists at most this many cases per group, with the group's count. */
export const REMINDER_LIMIT = 10;

const OPEN = sql`c.urgent_due_on is not null`;
const OPEN_SQL = sql`urgent_due_on is not null`;

/**
 * The cases a viewer may list (domain/case-abilities.ts caseListScope) as a condition; an inspector's own
 * cases are not a condition but where the search starts (listCases' halves, inspectorCaseIdsSql).
 */
function scopeSql(scope: CaseListScope): SQL | null {
  switch (scope.kind) {
    case "all":
      // 属地管理: an office's staff list their office's cases (the office leads every index they search).
      return scope.officeId === null ? null : sql`c.office_id = ${scope.officeId}`;
    case "assigned":
      return null;
    case "registered":
      return sql`c.registered_by_id = ${scope.clerkId}`;
    case "none":
      return sql`0`;
  }
}

type Part = "open" | "closed";

/**
 * The ids of an inspector's open (or closed) cases, as lead or second: each half is one search of a
 * partial index, where a condition "lead = ? or second = ?" would walk every case the inspector ever had.
 */
function inspectorCaseIdsSql(inspectorId: number, part: Part, leadOnly = false): SQL {
  const cond = part === "open" ? OPEN_SQL : inStates(CLOSED_STATES);
  const lead = sql`select id from cases where lead_inspector_id = ${inspectorId} and ${cond}`;
  return leadOnly ? lead : sql`${lead} union all select id from cases where second_inspector_id = ${inspectorId} and ${cond}`;
}

/** `cases c`, or only the cases every given subquery of ids holds (their intersection drives the query). */
function casesFrom(sources: SQL[]): SQL {
  if (sources.length === 0) return sql`cases c`;
  const ids = sql.join(
    sources.map((s) => sql`select id from (${s})`),
    sql` intersect `,
  );
  return sql`(${ids}) m cross join cases c on c.id = m.id`;
}

/** The urgent clock is 即将到期 or later: due before its own clock's 即将到期 bound. */
function urgentDueSoonSql(w: ClockWindows): SQL {
  const b = w.dueSoonBefore;
  return sql`(case c.urgent_clock when 'acceptance' then c.urgent_due_on < ${b.acceptance} when 'target' then c.urgent_due_on < ${b.target}
    else c.urgent_due_on < (case when c.extension_days = 0 then ${b.statutory} else ${b.statutoryExtended} end) end)`;
}

function clockFilterSql(filter: ClockFilter, w: ClockWindows): SQL {
  const b = w.dueSoonBefore;
  const widest = [b.acceptance, b.target, b.statutory, b.statutoryExtended].sort().at(-1)!;
  const narrowest = [b.acceptance, b.target, b.statutory, b.statutoryExtended].sort()[0]!;
  // The plain ranges let the index narrow the search; the exact rule per clock follows.
  switch (filter) {
    case "overdue":
      return sql`c.urgent_due_on < ${w.today}`;
    case "dueSoon":
      return sql`c.urgent_due_on >= ${w.today} and c.urgent_due_on < ${widest} and ${urgentDueSoonSql(w)}`;
    case "normal":
      return sql`c.urgent_due_on >= ${narrowest} and not ${urgentDueSoonSql(w)}`;
  }
}

/**
 * The cases a text matches, as a subquery of ids: case numbers by prefix (QX-2026-… or 2026-…); names of
 * workers, employers and projects anywhere in them from 3 characters on (FTS5 trigram), and by their
 * beginning for 1–2 characters (trigrams need 3).
 */
/** From this many characters on, a text is searched by a cover of its trigrams (see matchingIdsSql). */
const LONG_TEXT = 6;

function matchingIdsSql(text: string): SQL {
  const q = text.trim();
  const upper = q.toUpperCase();
  const caseNumber = /^QX-\d/.test(upper) ? upper : /^\d{4}-\d*$/.test(upper) ? `QX-${upper}` : null;
  const prefixEnd = (p: string) => `${p}\u{10FFFF}`;
  const parts: SQL[] = [];
  if (caseNumber) parts.push(sql`select id from cases where case_number >= ${caseNumber} and case_number < ${prefixEnd(caseNumber)}`);
  const chars = [...q];
  if (chars.length >= 3) {
    const quoted = (t: string) => `"${t.replaceAll('"', '""')}"`;
    if (chars.length <= LONG_TEXT) {
      parts.push(sql`select rowid as id from cases_fts where cases_fts match ${quoted(q)}`);
      parts.push(sql`select w.case_id as id from case_workers_fts f join case_workers w on w.id = f.rowid where case_workers_fts match ${quoted(q)}`);
    } else {
      // A phrase of n characters reads n − 2 trigram lists; trigrams side by side (and the last one) cover
      // the text with a third of them, and LIKE on the few rows found keeps those holding the whole text.
      const cover = new Set<string>();
      for (let i = 0; i + 3 <= chars.length; i += 3) cover.add(chars.slice(i, i + 3).join(""));
      cover.add(chars.slice(-3).join(""));
      const match = [...cover].map(quoted).join(" AND ");
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      parts.push(
        sql`select f.rowid as id from cases_fts f join cases t on t.id = f.rowid where cases_fts match ${match} and (t.employer_name like ${like} escape '\\' or t.project_name like ${like} escape '\\')`,
      );
      parts.push(
        sql`select w.case_id as id from case_workers_fts f join case_workers w on w.id = f.rowid where case_workers_fts match ${match} and w.name like ${like} escape '\\'`,
      );
    }
  } else if (!caseNumber) {
    parts.push(sql`select id from cases where employer_name >= ${q} and employer_name < ${prefixEnd(q)}`);
    parts.push(sql`select case_id as id from case_workers where name >= ${q} and name < ${prefixEnd(q)}`);
  }
  return sql.join(parts, sql` union `);
}

/** Up to this many cases a text matches are looked up once per request and handed to each query as a list. */
const MATCHED_ONCE = 2000;

/**
 * The page, its count, and the open and closed parts would each search the text again: the ids it matches
 * are read once (when there are not too many) and the queries start from that list.
 */
function matchedOnce(db: Db, q: string): SQL {
  const matching = matchingIdsSql(q);
  const ids = db.all<{ id: number }>(sql`select id from (${matching}) limit ${MATCHED_ONCE + 1}`).map((r) => r.id);
  return ids.length > MATCHED_ONCE ? matching : sql`select value as id from json_each(${JSON.stringify(ids)})`;
}

interface ListPart {
  ids: number[];
  /** Counted up to `limit`. */
  counted: number;
}

/**
 * One part of the list (open or closed cases): a page of ids in order and a capped count. With a text
 * search, those ids drive the query (CROSS JOIN keeps that order), so it never walks the whole list. An
 * inspector's cases come in two disjoint halves (as lead, as second): each half is read in order from its
 * own index, only as far as the page needs, and the two are merged.
 */
function listPart(
  db: Db,
  opts: {
    where: SQL[];
    order: (table: string) => SQL;
    sources: SQL[];
    halves: SQL[];
    offset: number;
    limit: number;
    countLimit: number;
    /** Where the count reads, when an index serves it better than the page's (no sources, no halves). */
    countFrom?: SQL;
  },
): ListPart {
  const from = casesFrom(opts.sources);
  const where = sql.join(opts.where, sql` and `);
  if (opts.halves.length && opts.sources.length === 0) {
    const upTo = opts.offset + opts.limit;
    const half = (cond: SQL) =>
      sql`select * from (select c.id as id, c.urgent_due_on as urgent_due_on, c.closed_on as closed_on from cases c where ${cond} and ${where} order by ${opts.order("c")} limit ${upTo})`;
    const ids =
      opts.limit > 0
        ? db
            .all<{ id: number }>(
              sql`select m.id as id from (${sql.join(opts.halves.map(half), sql` union all `)}) m order by ${opts.order("m")} limit ${opts.limit} offset ${opts.offset}`,
            )
            .map((r) => r.id)
        : [];
    const counts = opts.halves.map((cond) => sql`(select count(*) from (select 1 from cases c where ${cond} and ${where} limit ${opts.countLimit}))`);
    const counted = Math.min(opts.countLimit, db.get<{ n: number }>(sql`select ${sql.join(counts, sql` + `)} as n`)!.n);
    return { ids, counted };
  }
  const ids =
    opts.limit > 0
      ? db
          .all<{ id: number }>(sql`select c.id as id from ${from} where ${where} order by ${opts.order("c")} limit ${opts.limit} offset ${opts.offset}`)
          .map((r) => r.id)
      : [];
  const countFrom = opts.sources.length === 0 && opts.countFrom ? opts.countFrom : from;
  const counted = db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${countFrom} where ${where} limit ${opts.countLimit})`)!.n;
  return { ids, counted };
}

export interface CaseListRow {
  id: number;
  caseNumber: string;
  state: CaseState;
  outcome: Outcome | null;
  channel: Channel;
  receivedOn: IsoDate;
  employerName: string;
  district: string;
  officeName: string | null;
  closedOn: IsoDate | null;
  possibleDuplicateOf: number | null;
  leadName: string | null;
  representative: string | null;
  workerCount: number;
  claimedFen: number;
  /** The clock the case is ranked by (domain/clocks.ts rankingClock: its running legal clock first), null once closed. */
  urgent: Clock | null;
  /** The 8-day target while it runs, when it is not the ranking clock: shown below the legal clock. */
  target: Clock | null;
}

function rowsFor(db: Db, ids: number[], today: IsoDate): CaseListRow[] {
  if (ids.length === 0) return [];
  const calendar = loadCalendar(db);
  const found = db.all<
    Omit<CaseListRow, "urgent" | "target"> & {
      acceptanceStartOn: IsoDate;
      decidedOn: IsoDate | null;
      filedOn: IsoDate | null;
      extensionDays: number;
      reopened: number;
    }
  >(sql`
    select c.id as id, c.case_number as caseNumber, c.state as state, c.outcome as outcome, c.channel as channel,
      c.received_on as receivedOn, c.employer_name as employerName, c.district as district, c.closed_on as closedOn, c.possible_duplicate_of as possibleDuplicateOf,
      c.acceptance_start_on as acceptanceStartOn, c.decided_on as decidedOn, c.filed_on as filedOn, c.extension_days as extensionDays,
      u.display_name as leadName, (select o.name from offices o where o.id = c.office_id) as officeName,
      (select w.name from case_workers w where w.case_id = c.id order by w.is_representative desc, w.id limit 1) as representative,
      (select count(*) from case_workers w where w.case_id = c.id) as workerCount,
      (select coalesce(sum(w.claimed_fen), 0) from case_workers w where w.case_id = c.id) as claimedFen,
      exists (select 1 from case_events e where e.case_id = c.id and e.action = 'reopen') as reopened
    from cases c left join users u on u.id = c.lead_inspector_id
    where c.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => {
    const { acceptanceStartOn, decidedOn, filedOn, extensionDays, reopened, ...row } = byId.get(id)!;
    // A reopened case's clocks leave out the days it stood closed: read from its timeline, as the case page does.
    const history = reopened ? clockHistoryOf(db, id) : {};
    const clocks = caseClocks({ ...row, acceptanceStartOn, decidedOn, filedOn, extensionDays, ...history }, calendar, today);
    const urgent = rankingClock(clocks);
    const target =
      clocks.find((k) => k.key === "target" && k !== urgent && (k.status === "normal" || k.status === "dueSoon" || k.status === "overdue")) ?? null;
    return { ...row, urgent, target };
  });
}

export interface CaseList {
  rows: CaseListRow[];
  /** Counted up to the cap: `totalIsExact` says whether more exist. */
  total: number;
  totalIsExact: boolean;
  pages: number;
}

export function listCases(db: Db, scope: CaseListScope, filters: CaseFilters, today: IsoDate): CaseList {
  const windows = clockWindows(loadCalendar(db), today);
  const common: SQL[] = [];
  const visible = scopeSql(scope);
  if (visible) common.push(visible);
  if (filters.district) common.push(sql`c.district = ${filters.district}`);
  if (filters.channel) common.push(sql`c.channel = ${filters.channel}`);
  if (filters.officeId) common.push(sql`c.office_id = ${filters.officeId}`);
  const q = filters.q.trim();
  // An inspector's own cases (or the cases of the inspector a supervisor picked): two halves, lead and
  // second; with a text search as well, the intersection of the id sets.
  const inspectorId = scope.kind === "assigned" ? scope.inspectorId : filters.inspectorId;
  const leadOnly = Boolean(filters.leadOnly && filters.inspectorId);
  if (scope.kind === "assigned" && filters.inspectorId) {
    common.push(
      leadOnly
        ? sql`c.lead_inspector_id = ${filters.inspectorId}`
        : sql`(c.lead_inspector_id = ${filters.inspectorId} or c.second_inspector_id = ${filters.inspectorId})`,
    );
  }
  const ownLeadOnly = leadOnly && scope.kind !== "assigned";
  const halves = inspectorId && !q ? [sql`c.lead_inspector_id = ${inspectorId}`, ...(ownLeadOnly ? [] : [sql`c.second_inspector_id = ${inspectorId}`])] : [];
  const matching = q ? matchedOnce(db, q) : null;
  const sources = (part: Part) => [...(matching ? [matching] : []), ...(q && inspectorId ? [inspectorCaseIdsSql(inspectorId, part, ownLeadOnly)] : [])];

  const page = Math.max(1, filters.page);
  const offset = (page - 1) * PAGE_SIZE;
  const countLimit = offset + PAGE_SIZE + COUNT_AHEAD;
  const wantOpen = filters.state !== "closed";
  const wantClosed = (filters.state === "closed" || filters.state === "all") && !filters.clock;

  // Open cases whose legal clock runs first, by its due date; then those where no legal clock runs (待补正,
  // by the 8-day target); then closed ones, latest closed first (docs/rules.md "Legal deadlines first").
  const parts: { kind: Part; where: SQL[]; order: (table: string) => SQL; countFrom?: SQL }[] = [];
  if (wantOpen) {
    const where = [...common, OPEN];
    if (filters.state !== "open" && filters.state !== "all") where.push(sql`c.state = ${filters.state}`);
    if (filters.clock)
      where.push(filters.clockOn ? clockFilterCondition(filters.clockOn, filters.clock, loadCalendar(db), today, "c") : clockFilterSql(filters.clock, windows));
    // A clock filter alone: its count is an index-only walk of the due-date range (the planner, left to
    // itself, takes the page's index and looks up every row).
    const clockAlone = filters.clock && !filters.clockOn && common.length === 0 && where.length === 2;
    const countFrom = clockAlone ? sql`cases c indexed by cases_open_urgent_clock_idx` : undefined;
    const order = (t: string) => sql`${sql.raw(t)}.urgent_due_on, ${sql.raw(t)}.id`;
    parts.push({ kind: "open", where: [...where, sql`c.urgent_clock <> 'target'`], order, countFrom });
    parts.push({ kind: "open", where: [...where, sql`c.urgent_clock = 'target'`], order, countFrom });
  }
  if (wantClosed) {
    parts.push({
      kind: "closed",
      where: [...common, inStates(CLOSED_STATES, "c.state"), sql`c.closed_on is not null`],
      order: (t) => sql`${sql.raw(t)}.closed_on desc, ${sql.raw(t)}.id desc`,
    });
  }
  const ids: number[] = [];
  let counted = 0;
  for (const { kind, ...part } of parts) {
    const found = listPart(db, {
      ...part,
      sources: sources(kind),
      halves,
      offset: Math.max(0, offset - counted),
      limit: counted >= countLimit ? 0 : PAGE_SIZE - ids.length,
      countLimit: Math.max(0, countLimit - counted),
    });
    ids.push(...found.ids);
    counted += found.counted;
  }
  const totalIsExact = counted < countLimit;
  const total = Math.min(counted, countLimit - 1);
  return {
    rows: rowsFor(db, ids, today),
    total,
    totalIsExact,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/**
 * Every case the filters select, `limit` at a time in id order after `afterId` — the same conditions as
 * listCases, open and closed parts together — for the exports, which read the whole list in chunks.
 */
export function filteredCaseIds(db: Db, scope: CaseListScope, filters: CaseFilters, today: IsoDate, afterId: number, limit: number): number[] {
  const windows = clockWindows(loadCalendar(db), today);
  const common: SQL[] = [sql`c.id > ${afterId}`];
  const visible = scopeSql(scope);
  if (visible) common.push(visible);
  if (filters.district) common.push(sql`c.district = ${filters.district}`);
  if (filters.channel) common.push(sql`c.channel = ${filters.channel}`);
  if (filters.officeId) common.push(sql`c.office_id = ${filters.officeId}`);
  const q = filters.q.trim();
  const part = (p: Part, where: SQL[]) => {
    const sources = [
      ...(q ? [matchingIdsSql(q)] : []),
      ...(scope.kind === "assigned" ? [inspectorCaseIdsSql(scope.inspectorId, p)] : []),
      ...(filters.inspectorId ? [inspectorCaseIdsSql(filters.inspectorId, p, filters.leadOnly)] : []),
    ];
    // Each part walks its cases in id order and stops after `limit`.
    return sql`select id from (select c.id as id from ${casesFrom(sources)} where ${sql.join([...common, ...where], sql` and `)} order by c.id limit ${limit})`;
  };
  const parts: SQL[] = [];
  if (filters.state !== "closed") {
    const where = [OPEN];
    if (filters.state !== "open" && filters.state !== "all") where.push(sql`c.state = ${filters.state}`);
    if (filters.clock)
      where.push(filters.clockOn ? clockFilterCondition(filters.clockOn, filters.clock, loadCalendar(db), today, "c") : clockFilterSql(filters.clock, windows));
    parts.push(part("open", where));
  }
  if ((filters.state === "closed" || filters.state === "all") && !filters.clock) parts.push(part("closed", [inStates(CLOSED_STATES, "c.state")]));
  if (parts.length === 0) return [];
  return db.all<{ id: number }>(sql`select id from (${sql.join(parts, sql` union all `)}) order by id limit ${limit}`).map((r) => r.id);
}

export interface ReminderItem {
  id: number;
  caseNumber: string;
  employerName: string;
  /** Which clock the reminder is about. */
  clockLabel: string | null;
}

export interface ReminderGroup {
  items: ReminderItem[];
  /** All cases of the group (only the first REMINDER_LIMIT are listed). */
  total: number;
}

function reminderGroup(db: Db, from: SQL, where: SQL, order: SQL, clockLabel: SQL | null): ReminderGroup {
  const label = clockLabel ?? sql`null`;
  const items = db.all<{ id: number; caseNumber: string; employerName: string; clock: string | null }>(sql`
    select c.id as id, c.case_number as caseNumber, c.employer_name as employerName, ${label} as clock
    from ${from} where ${where} order by ${order} limit ${REMINDER_LIMIT}`);
  const total = items.length < REMINDER_LIMIT ? items.length : db.get<{ n: number }>(sql`select count(*) as n from ${from} where ${where}`)!.n;
  return {
    items: items.map((r) => ({
      id: r.id,
      caseNumber: r.caseNumber,
      employerName: r.employerName,
      clockLabel: r.clock ? CLOCK_LABELS[r.clock as keyof typeof CLOCK_LABELS] : null,
    })),
    total,
  };
}

const EMPTY: ReminderGroup = { items: [], total: 0 };

/**
 * 今日提醒 for an inspector (or a supervisor, over every case): cases assigned since the previous working
 * day, fast mediations near the end of the acceptance window, and running clocks that turned 即将到期 or
 * 已超期 today — the most urgent clock of each case, and the statutory clock of filed cases on its own.
 * On a rest day nothing turns 即将到期, and the clocks that fell due on the last working day are listed as
 * overdue (someone on duty on Saturday sees Friday's). The same for every viewer with the same
 * scope, so computed once per scope and day until anything is written (models/until-changed.ts).
 */
export function remindersFor(db: Db, scope: CaseListScope, today: IsoDate): Reminders {
  return untilChanged(db, `reminders:${JSON.stringify(scope)}:${today}`, () => computeReminders(db, scope, today));
}

export interface Reminders {
  isWorkingDay: boolean;
  /** The working day before today: on a rest day, the day whose expiring clocks 今日提醒 shows. */
  lastWorkingDay: IsoDate;
  newlyAssigned: ReminderGroup;
  mediationsClosingWindow: ReminderGroup;
  /** Running clocks whose last day is today (a legal clock, or the target while no legal clock runs). */
  dueToday: ReminderGroup;
  turnedDueSoon: ReminderGroup;
  turnedOverdue: ReminderGroup;
  /** The 8-day target ran out on the last working day, where a legal clock is what ranks the case. */
  targetTurnedOverdue: ReminderGroup;
}

function computeReminders(db: Db, scope: CaseListScope, today: IsoDate): Reminders {
  const calendar = loadCalendar(db);
  const since = calendar.previousWorkingDay(today);
  // An inspector's own cases: the clock windows below are narrow index ranges, so a plain condition is
  // searched through (inspector, due date); the other groups start from the inspector's open cases or from
  // today's assignments in the timeline.
  const visible =
    scope.kind === "assigned" ? sql`(c.lead_inspector_id = ${scope.inspectorId} or c.second_inspector_id = ${scope.inspectorId})` : (scopeSql(scope) ?? sql`1`);
  const mine = casesFrom(scope.kind === "assigned" ? [inspectorCaseIdsSql(scope.inspectorId, "open")] : []);
  const plain = casesFrom([]);
  const sinceInstant = Math.floor(new Date(`${addDays(since, 1)}T00:00:00+08:00`).getTime() / 1000);
  const newlyAssigned =
    scope.kind === "assigned"
      ? reminderGroup(
          db,
          casesFrom([sql`select distinct case_id as id from case_events where action = 'assign' and on_date > ${since}`]),
          sql`${visible} and ${OPEN} and c.assigned_at >= ${sinceInstant}`,
          sql`c.assigned_at desc`,
          null,
        )
      : EMPTY;
  // 快调 must fit the 5-working-day acceptance window: mediations with 2 working days or less left on it.
  const windows = clockWindows(calendar, today);
  const mediationsClosingWindow = reminderGroup(
    db,
    mine,
    sql`${visible} and ${inStates(MEDIATING_STATES, "c.state")} and c.acceptance_due_on < ${windows.dueSoonBefore.acceptance}`,
    sql`c.acceptance_due_on, c.id`,
    sql`'acceptance'`,
  );
  const isWorkingDay = calendar.isWorkingDay(today);
  const turned = turnedTodayWindows(calendar, today);
  // Each condition is one index range on the due date (the union of its windows) and then the exact window.
  const within = (column: SQL, windows: [SQL, { from: IsoDate; before: IsoDate }][]) => {
    const from = windows.map(([, w]) => w.from).sort()[0]!;
    const before = windows
      .map(([, w]) => w.before)
      .sort()
      .at(-1)!;
    const exact = windows.map(([when, w]) => sql`(${when} and ${column} >= ${w.from} and ${column} < ${w.before})`);
    return sql`${column} >= ${from} and ${column} < ${before} and (${sql.join(exact, sql` or `)})`;
  };
  const urgent = sql`c.urgent_due_on`;
  const statutory = sql`c.statutory_due_on`;
  const d = turned.dueSoon;
  // The statutory clock has its own reminders (it is seldom the most urgent one), so skip it as "urgent".
  const urgentTurnedDueSoon = within(urgent, [
    [sql`c.urgent_clock = 'acceptance'`, d.acceptance],
    [sql`c.urgent_clock = 'target'`, d.target],
  ]);
  const statutoryTurnedDueSoon = sql`${inStates(FILED_STATES, "c.state")} and ${within(statutory, [
    [sql`c.extension_days = 0`, d.statutory],
    [sql`c.extension_days > 0`, d.statutoryExtended],
  ])}`;
  const urgentTurnedOverdue = sql`c.urgent_clock <> 'statutory' and ${within(urgent, [[sql`1`, turned.overdue]])}`;
  const statutoryTurnedOverdue = sql`${inStates(FILED_STATES, "c.state")} and ${within(statutory, [[sql`1`, turned.overdue]])}`;
  const urgentDueToday = sql`c.urgent_clock <> 'statutory' and ${urgent} = ${today}`;
  const statutoryDueToday = sql`${inStates(FILED_STATES, "c.state")} and ${statutory} = ${today}`;
  const bothClocks = (urgentWhere: SQL, statutoryWhere: SQL): ReminderGroup => {
    // Ordered by the due date the index holds (ordering by id would walk every filed case instead).
    const a = reminderGroup(db, plain, sql`${visible} and ${OPEN} and ${urgentWhere}`, sql`c.urgent_due_on, c.id`, sql`c.urgent_clock`);
    // Named: with ANALYZE's statistics the planner may walk every filed case by state and sort instead.
    const b = reminderGroup(
      db,
      sql`cases c indexed by cases_filed_statutory_idx`,
      sql`${visible} and ${statutoryWhere}`,
      sql`c.statutory_due_on, c.id`,
      sql`'statutory'`,
    );
    return { items: [...b.items, ...a.items].slice(0, REMINDER_LIMIT), total: a.total + b.total };
  };
  return {
    isWorkingDay,
    lastWorkingDay: since,
    newlyAssigned,
    mediationsClosingWindow,
    dueToday: bothClocks(urgentDueToday, statutoryDueToday),
    // On a rest day nothing turns 即将到期, but what fell due on the last working day is still shown.
    turnedDueSoon: isWorkingDay ? bothClocks(urgentTurnedDueSoon, statutoryTurnedDueSoon) : EMPTY,
    turnedOverdue: bothClocks(urgentTurnedOverdue, statutoryTurnedOverdue),
    targetTurnedOverdue: reminderGroup(
      db,
      sql`cases c indexed by cases_open_target_idx`,
      sql`${visible} and ${OPEN} and c.urgent_clock <> 'target' and ${within(sql`c.target_due_on`, [[sql`1`, turned.overdue]])}`,
      sql`c.target_due_on, c.id`,
      sql`'target'`,
    ),
  };
}
