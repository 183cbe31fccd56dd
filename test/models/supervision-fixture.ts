/** A hand-made set of cases with known dates, written straight into the tables (the figures read nothing else). */
import { dueDates } from "../../src/domain/clocks.js";
import type { CaseState, Outcome } from "../../src/domain/case-states.js";
import type { Db } from "../../src/db/client.js";
import { loadCalendar } from "../../src/models/calendar.js";

export interface FixtureCase {
  receivedOn: string;
  state: CaseState;
  filedOn?: string;
  closedOn?: string;
  outcome?: Outcome;
  lead?: number | null;
  district?: string;
  isConstruction?: boolean;
  channel?: string;
  extensionDays?: number;
  escalatedOn?: string;
  /** The office's name (else the city office). */
  office?: string;
  /** Not yet acknowledged (签收), due on this day; otherwise acknowledged on receipt. */
  acknowledgeDueOn?: string;
  /** Per worker: recovered fen (null while open). */
  recovered?: (number | null)[];
}

let n = 0;
export function insertCase(db: Db, c: FixtureCase): number {
  const calendar = loadCalendar(db);
  const due = dueDates(
    { receivedOn: c.receivedOn, acceptanceStartOn: c.receivedOn, filedOn: c.filedOn ?? null, extensionDays: c.extensionDays ?? 0 },
    calendar,
  );
  const taken = c.closedOn ? calendar.workingDaysBetween(c.receivedOn, c.closedOn).days : null;
  const decided = c.filedOn ?? (c.state === "closed" ? c.closedOn : null) ?? null;
  const id = db.$client
    .prepare(
      `insert into cases (case_number, query_code, channel, received_on, state, outcome, facts, claim, employer_name, district, is_construction,
        lead_inspector_id, acceptance_start_on, decided_on, filed_on, extension_days, closed_on, working_days_taken,
        acceptance_due_on, target_due_on, statutory_due_on, calendar_revision, escalated_at, office_id,
        acknowledge_due_on, acknowledged_at)
       values (?, 'ABCDEF', ?, ?, ?, ?, '事实', '请求', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?,
        coalesce((select id from offices where name = ?), (select min(id) from offices where kind = 'city')), ?, ?)`,
    )
    .run(
      `QX-T-${++n}`,
      c.channel ?? "window",
      c.receivedOn,
      c.state,
      c.outcome ?? null,
      `单位${n}`,
      c.district ?? "南关区",
      c.isConstruction ? 1 : 0,
      c.lead ?? null,
      c.receivedOn,
      decided,
      c.filedOn ?? null,
      c.extensionDays ?? 0,
      c.closedOn ?? null,
      taken,
      due.acceptanceDueOn,
      due.targetDueOn,
      due.statutoryDueOn,
      c.escalatedOn ? Date.parse(`${c.escalatedOn}T10:00:00+08:00`) / 1000 : null,
      c.office ?? null,
      c.acknowledgeDueOn ?? null,
      c.acknowledgeDueOn ? null : Date.parse(`${c.receivedOn}T10:00:00+08:00`) / 1000,
    ).lastInsertRowid as number;
  (c.recovered ?? [null]).forEach((fen, i) => {
    db.$client
      .prepare(`insert into case_workers (case_id, name, sex, age, id_number, phone, claimed_fen, recovered_fen, is_representative)
        values (?, ?, '男', 40, '220102198503150011', '13812345678', 1000000, ?, ?)`)
      .run(id, `工人${id}-${i}`, fen, i === 0 ? 1 : 0);
  });
  return id;
}
