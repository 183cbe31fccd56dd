/**
 * Every table, in one place. TS keys camelCase, SQL names snake_case.
 * Instants are integer timestamps; calendar dates (deadlines, holidays) are `YYYY-MM-DD` text;
 * money is integer fen.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../domain/roles.js";
import { CASE_STATES, OUTCOMES } from "../domain/case-states.js";
import { GROUNDS, PERSON_ROLES, REMOVAL_KINDS, STAGES } from "../domain/blacklist.js";
import { ENFORCEMENT_KINDS, PAYMENT_METHODS, SETTLEMENT_SOURCES } from "../domain/money.js";
import { SERVICE_METHODS } from "../domain/service.js";
import { CHANNELS } from "../domain/reference-data.js";
import { TASK_STATUSES } from "../domain/task-force.js";
import { ARRIVALS, OFFICE_KINDS } from "../domain/jurisdiction.js";
import { GUARANTEE_FORMS } from "../domain/projects.js";
import { CHECK_RESULTS, RISK_STATUSES } from "../domain/special-actions.js";
import { ID_TYPES } from "../domain/identifiers.js";
import { NOTICE_KINDS } from "../domain/worker-notices.js";
import { DEPARTMENT_REPLY_OUTCOME_KEYS } from "../domain/department-transfers.js";
import { ADVANCE_STATUSES, MOVEMENT_KINDS, RECOVERY_PARTIES } from "../domain/emergency-fund.js";
import { RATING_LEVELS } from "../domain/ratings.js";
import { CASE_SOURCES, REPORT_CHANNELS, REPORT_STATES } from "../domain/reports.js";

const createdAt = () => integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`);

/** Task-force member units (工作专班成员单位). */
export const memberUnits = sqliteTable("member_units", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
});

/**
 * Inspection offices (监察机构): the city office (市本级/支队) and one per 县(市)区/开发区 (docs/rules.md §Offices
 * and jurisdiction). A deactivated office keeps its cases, users and numbers.
 */
export const offices = sqliteTable("offices", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: OFFICE_KINDS }).notNull(),
  /** Public phone and address, printed on receipts and notices and shown by the public lookup. */
  phone: text("phone").notNull().default(""),
  address: text("address").notNull().default(""),
  /** 文号 prefix of the office's documents, e.g. 长朝人社监. */
  docPrefix: text("doc_prefix").notNull().default(""),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  /** Optimistic lock for admin edits. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

/** Administrative divisions (行政区划): the work-site choices of every form; each covered by one office (or none). */
export const divisions = sqliteTable(
  "divisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    /** 统计用区划代码, when it has one (development zones may not). */
    code: text("code"),
    officeId: integer("office_id").references(() => offices.id),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("divisions_office_idx").on(t.officeId)],
);

/**
 * A stamp per kind of reference data, set to a fresh random number by triggers on every change of its tables
 * (drizzle/0058_reference_stamps.sql): data read on every request is kept in memory until its stamp moves
 * (models/until-changed.ts untilReferenceChanged), so writes elsewhere — every intake — do not make it read
 * afresh. Random rather than counted: a change rolled back leaves no stamp a later change could take again.
 */
export const referenceStamps = sqliteTable("reference_stamps", {
  name: text("name").primaryKey(),
  stamp: integer("stamp").notNull(),
});

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Only for the `unit` role: the member unit the liaison speaks for. */
  unitId: integer("unit_id").references(() => memberUnits.id),
  /** The office the user works in (required by the app; nullable only so the column could be added to old rows). */
  officeId: integer("office_id").references(() => offices.id),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Optimistic lock for admin edits, as on cases. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

/** Session ids are the SHA-256 of the token the browser holds, so a leaked table opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One row per calendar year: published (official notice) or provisional (statutory estimate). */
export const calendarYears = sqliteTable("calendar_years", {
  year: integer("year").primaryKey(),
  published: integer("published", { mode: "boolean" }).notNull(),
  /** The notice's 文号, or where the data came from. */
  source: text("source").notNull(),
  /** Bumped on every change, so a deadline can say which calendar produced it. */
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
});

/**
 * Every date of every calendar year, with a running working-day ordinal (working days from the first
 * date up to and including this one), so deadlines are computed and compared in SQL.
 */
export const calendarDays = sqliteTable(
  "calendar_days",
  {
    date: text("date").primaryKey(),
    year: integer("year")
      .notNull()
      .references(() => calendarYears.year),
    kind: text("kind", { enum: ["workday", "weekend", "holiday", "makeup"] }).notNull(),
    name: text("name"),
    isWorkingDay: integer("is_working_day", { mode: "boolean" }).notNull(),
    ordinal: integer("ordinal").notNull(),
  },
  (t) => [index("calendar_days_year_idx").on(t.year), uniqueIndex("calendar_days_working_ordinal_idx").on(t.ordinal).where(sql`is_working_day = 1`)],
);

/** Who changed what, when: admin actions on users, units and the calendar. Append-only. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id),
    /** e.g. "calendar:2027", "user:12", "unit:3" */
    subject: text("subject").notNull(),
    action: text("action").notNull(),
    detail: text("detail").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_subject_idx").on(t.subject, t.createdAt)],
);

/** A wage-arrears complaint case (docs/rules.md). */
export const cases = sqliteTable(
  "cases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseNumber: text("case_number").notNull().unique(),
    queryCode: text("query_code").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    /** 全国根治欠薪线索反映平台 clue number, for transferred complaints. */
    platformClueNo: text("platform_clue_no"),
    receivedOn: text("received_on").notNull(),
    state: text("state", { enum: CASE_STATES }).notNull(),
    outcome: text("outcome", { enum: OUTCOMES }),
    facts: text("facts").notNull(),
    claim: text("claim").notNull(),
    employerName: text("employer_name").notNull(),
    employerUscc: text("employer_uscc"),
    employerLegalRep: text("employer_legal_rep").notNull().default(""),
    employerAddress: text("employer_address").notNull().default(""),
    /** The work site's division name as it was at intake (the statistics group by it). */
    district: text("district").notNull(),
    /** The work site (用工所在地): its division decided the office at intake. */
    divisionId: integer("division_id").references(() => divisions.id),
    /** The office handling the case now; never null (a trigger refuses it, drizzle/0023_one_office.sql). */
    officeId: integer("office_id").references(() => offices.id),
    /** How and when the case reached its current office, and its 签收 there (docs/rules.md §Offices and jurisdiction). */
    arrivedBy: text("arrived_by", { enum: ARRIVALS }).notNull().default("routed"),
    arrivedOn: text("arrived_on"),
    acknowledgeDueOn: text("acknowledge_due_on"),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp" }),
    acknowledgedById: integer("acknowledged_by_id").references(() => users.id),
    /** The office asked the city to designate (指定管辖) after receiving the case by transfer. */
    designationRequestedOn: text("designation_requested_on"),
    isConstruction: integer("is_construction", { mode: "boolean" }).notNull().default(false),
    projectName: text("project_name").notNull().default(""),
    projectAddress: text("project_address").notNull().default(""),
    generalContractor: text("general_contractor").notNull().default(""),
    subcontractor: text("subcontractor").notNull().default(""),
    teamLeader: text("team_leader").notNull().default(""),
    registeredById: integer("registered_by_id").references(() => users.id),
    leadInspectorId: integer("lead_inspector_id").references(() => users.id),
    secondInspectorId: integer("second_inspector_id").references(() => users.id),
    assignedAt: integer("assigned_at", { mode: "timestamp" }),
    /** When the arrears ended (last unpaid pay period or end of employment): the 2-year limit runs from it. */
    arrearsEndedOn: text("arrears_ended_on"),
    /** The arrears still continue at receipt (a continuing violation counts from its end). */
    arrearsOngoing: integer("arrears_ongoing", { mode: "boolean" }).notNull().default(false),
    /** The article a 不予受理 rests on, printed on the notice. */
    rejectionBasis: text("rejection_basis"),
    /** Receipt, or the day the last supplement arrived: the acceptance clock's start. */
    acceptanceStartOn: text("acceptance_start_on").notNull(),
    decidedOn: text("decided_on"),
    filedOn: text("filed_on"),
    extensionDays: integer("extension_days").notNull().default(0),
    extensionReason: text("extension_reason"),
    closedOn: text("closed_on"),
    /** Working days from receipt to close, kept for reporting. */
    workingDaysTaken: integer("working_days_taken"),
    /** Sum of the workers' recovered amounts and how many got money back: kept by triggers on case_workers (drizzle/0011_case_money_totals.sql), for the statistics. */
    recoveredFen: integer("recovered_fen").notNull().default(0),
    workersHelped: integer("workers_helped").notNull().default(0),
    acceptanceDueOn: text("acceptance_due_on").notNull(),
    targetDueOn: text("target_due_on").notNull(),
    statutoryDueOn: text("statutory_due_on"),
    /**
     * The due date of the case's most urgent running clock (the earliest one), null once closed: what the
     * workbench sorts and filters by, through the partial indexes below. The acceptance clock runs only
     * before the decision and is paused while 待补正 (docs/rules.md). The states are CLOCK_RUNS_IN's
     * (domain/case-states.ts), written out because a generated column's SQL is fixed in the migration;
     * test/models/urgent-columns.test.ts compares both columns with caseClocks/mostUrgent in every state.
     */
    urgentDueOn: text("urgent_due_on").generatedAlwaysAs(
      sql`(case when state in ('received', 'mediating') then acceptance_due_on
        when state = 'awaiting_supplement' then target_due_on
        when state = 'filed' then coalesce(statutory_due_on, target_due_on) end)`,
      { mode: "virtual" },
    ),
    /** Which clock urgent_due_on is: acceptance, target or statutory (ties go to the earlier-listed clock). */
    urgentClock: text("urgent_clock", { enum: ["acceptance", "target", "statutory"] }).generatedAlwaysAs(
      sql`(case when state in ('received', 'mediating') then 'acceptance'
        when state = 'awaiting_supplement' then 'target'
        when state = 'filed' then (case when statutory_due_on is null then 'target' else 'statutory' end) end)`,
      { mode: "virtual" },
    ),
    /** Sum of calendar_years.version when the due dates were computed: which calendar produced them. */
    calendarRevision: integer("calendar_revision").notNull(),
    escalatedAt: integer("escalated_at", { mode: "timestamp" }),
    escalationGrounds: text("escalation_grounds"),
    escalationReason: text("escalation_reason"),
    /** An earlier case with the same employer and a complainant's phone, filed within a day: shown to staff, never merged. */
    possibleDuplicateOf: integer("possible_duplicate_of"),
    /** Optimistic lock: every change bumps it; a save based on an older version is refused. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    // No index on state alone: cases_state_closed_idx leads with it (each index of this table is one more page
    // written by every intake).
    index("cases_lead_idx").on(t.leadInspectorId, t.state),
    index("cases_second_idx").on(t.secondInspectorId, t.state),
    index("cases_registered_idx").on(t.registeredById),
    index("cases_received_idx").on(t.receivedOn),
    index("cases_employer_uscc_idx").on(t.employerUscc),
    // Also the short (1–2 character) employer searches of the workbench, as prefix ranges.
    index("cases_employer_name_idx").on(t.employerName),
    index("cases_outcome_closed_idx").on(t.outcome, t.closedOn),
    // The workbench (models/case-list.ts): open cases by urgency, alone or within one filter; closed
    // cases newest first. Every list and count of the workbench is a search of one of these.
    // Also counts a clock filter (正常 / 即将到期) from the index alone: which clock is urgent and the extension
    // are in it (models/case-list.ts listPart).
    index("cases_open_urgent_clock_idx").on(t.urgentDueOn, t.urgentClock, t.extensionDays).where(sql`urgent_due_on is not null`),
    index("cases_open_state_urgent_idx").on(t.state, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    index("cases_open_lead_urgent_idx").on(t.leadInspectorId, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    index("cases_open_second_urgent_idx").on(t.secondInspectorId, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    index("cases_open_district_urgent_idx").on(t.district, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    index("cases_open_channel_urgent_idx").on(t.channel, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    index("cases_open_registrar_urgent_idx").on(t.registeredById, t.urgentDueOn).where(sql`urgent_due_on is not null`),
    // 今日提醒: open cases whose 8-day target ran out on the last working day (the target is listed apart
    // from the legal clocks, docs/rules.md "Legal deadlines first").
    index("cases_open_target_idx").on(t.targetDueOn).where(sql`urgent_due_on is not null`),
    index("cases_state_closed_idx").on(t.state, t.closedOn),
    // After a calendar change, the cases whose due dates moved are found by their clocks' start dates
    // (received_on has cases_received_idx).
    index("cases_acceptance_start_idx").on(t.acceptanceStartOn),
    index("cases_filed_on_idx").on(t.filedOn).where(sql`filed_on is not null`),
    // 今日提醒: fast mediations near the end of the acceptance window.
    index("cases_mediating_acceptance_idx").on(t.acceptanceDueOn).where(sql`state = 'mediating'`),
    // The statutory clock's own reminders (it is rarely the most urgent one); covering, since 即将到期 depends
    // on whether the clock was extended (60 or 90 working days).
    index("cases_filed_statutory_idx").on(t.statutoryDueOn, t.extensionDays).where(sql`state = 'filed'`),
    // The supervisors' figures (models/dashboard.ts, models/statistics.ts, models/city-board.ts): covering
    // indexes led by the office (属地管理: every figure answers for one office, or for each office of the city
    // in turn), so each count reads index entries of one office's open cases or of one period's cases only.
    index("cases_office_open_clocks_idx").on(
      t.officeId,
      t.state,
      t.targetDueOn,
      t.acceptanceDueOn,
      t.statutoryDueOn,
      t.extensionDays,
      t.leadInspectorId,
      t.district,
    ),
    index("cases_office_closed_figures_idx")
      .on(
        t.officeId,
        t.closedOn,
        t.leadInspectorId,
        t.workingDaysTaken,
        t.targetDueOn,
        t.outcome,
        t.district,
        t.isConstruction,
        t.workersHelped,
        t.recoveredFen,
      )
      .where(sql`closed_on is not null`),
    index("cases_office_received_figures_idx").on(t.officeId, t.receivedOn, t.channel, t.district, t.isConstruction),
    // Led by the office: the statistics count an office's escalations in a period (models/statistics.ts).
    index("cases_office_escalated_idx").on(t.officeId, t.escalatedAt).where(sql`escalated_at is not null`),
    // An office's workbench (models/case-list.ts): its open cases by urgency, its closed cases newest first.
    // The urgent clock and the extension ride along, as in cases_open_urgent_clock_idx: the list's two parts
    // (a legal clock first, then the 8-day target alone) are counted from the index without reading each row.
    index("cases_office_open_urgent_idx").on(t.officeId, t.urgentDueOn, t.urgentClock, t.extensionDays).where(sql`urgent_due_on is not null`),
    index("cases_office_state_closed_idx").on(t.officeId, t.state, t.closedOn),
    // An office's 签收 queue (models/jurisdiction.ts).
    index("cases_office_unacknowledged_idx").on(t.officeId, t.acknowledgeDueOn).where(sql`acknowledged_at is null`),
    index("cases_designation_requested_idx").on(t.designationRequestedOn).where(sql`designation_requested_on is not null`),
  ],
);

/**
 * Every move of a case between offices (移送, 指定管辖/提级), append-only: the office it left keeps read-only
 * sight of it (docs/rules.md §Offices and jurisdiction), and lists the cases it moved away.
 */
export const caseOfficeMoves = sqliteTable(
  "case_office_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    fromOfficeId: integer("from_office_id")
      .notNull()
      .references(() => offices.id),
    toOfficeId: integer("to_office_id")
      .notNull()
      .references(() => offices.id),
    kind: text("kind", { enum: ["transferred", "designated"] }).notNull(),
    onDate: text("on_date").notNull(),
    reason: text("reason").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    /** The 案件移送函's number, issued by the sending office with the transfer (null for a designation and for transfers made before). */
    docNumber: text("doc_number").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("case_office_moves_case_idx").on(t.caseId), index("case_office_moves_from_idx").on(t.fromOfficeId, t.id)],
);

/** Case numbers QX-YYYY-NNNNNN: one counter per year, bumped inside the intake transaction. */
export const caseSequences = sqliteTable("case_sequences", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/** The complainants (投诉人) of a case; amounts in fen. */
export const caseWorkers = sqliteTable(
  "case_workers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    name: text("name").notNull(),
    sex: text("sex", { enum: ["男", "女"] }).notNull(),
    age: integer("age").notNull(),
    /** Which identity document idNumber is (docs/rules.md §Identity documents); `none`: none at the window, noIdReason says why. */
    idType: text("id_type", { enum: ID_TYPES }).notNull().default("mainlandId"),
    /** The document's number ("" when idType is none). */
    idNumber: text("id_number").notNull(),
    noIdReason: text("no_id_reason").notNull().default(""),
    /** Mobile number ("" when the worker has none: then notices go by print or post). */
    phone: text("phone").notNull(),
    landline: text("landline").notNull().default(""),
    relativeName: text("relative_name").notNull().default(""),
    relativePhone: text("relative_phone").notNull().default(""),
    postalAddress: text("postal_address").notNull().default(""),
    /** The worker chose at intake not to receive SMS notices. */
    smsOptOut: integer("sms_opt_out", { mode: "boolean" }).notNull().default(false),
    hometown: text("hometown").notNull().default(""),
    occupation: text("occupation").notNull().default(""),
    workPeriod: text("work_period").notNull().default(""),
    claimedFen: integer("claimed_fen").notNull(),
    /** Recorded at closing: what the worker actually got back (may be less than claimed). */
    recoveredFen: integer("recovered_fen"),
    isRepresentative: integer("is_representative", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("case_workers_case_idx").on(t.caseId), index("case_workers_name_idx").on(t.name), index("case_workers_phone_idx").on(t.phone)],
);

/** The timeline 办理记录: every action and state change, who and when. Append-only. */
export const caseEvents = sqliteTable(
  "case_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    at: integer("at", { mode: "timestamp" }).notNull(),
    /** The Shanghai calendar date of `at`, for working-day questions ("assigned today"). */
    onDate: text("on_date").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    /** register, move name, assign, evidence, extend */
    action: text("action").notNull(),
    fromState: text("from_state", { enum: CASE_STATES }),
    toState: text("to_state", { enum: CASE_STATES }),
    note: text("note").notNull().default(""),
    /** The step as the public lookup may show it; null keeps the event internal. */
    publicStep: text("public_step"),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.id), index("case_events_action_idx").on(t.action, t.onDate)],
);

/** Evidence files, stored on disk outside the database; never altered after upload. */
export const evidence = sqliteTable(
  "evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** File name inside the evidence directory. */
    storedName: text("stored_name").notNull().unique(),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    description: text("description").notNull().default(""),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    uploadedAt: integer("uploaded_at", { mode: "timestamp" }).notNull(),
    /** The on-site visit this recording belongs to. */
    visitId: integer("visit_id").references(() => siteVisits.id),
    /** The task-force task whose answer this file came with. */
    taskId: integer("task_id").references(() => taskForceTasks.id),
    /** Evidence is never replaced or deleted: a mistaken upload is marked void, with the reason. */
    voidedAt: integer("voided_at", { mode: "timestamp" }),
    voidedById: integer("voided_by_id").references(() => users.id),
    voidReason: text("void_reason"),
  },
  (t) => [index("evidence_case_idx").on(t.caseId)],
);

/** 现场督办: an on-site investigation, made by at least two inspectors (劳动保障监察条例 第十六条). */
export const siteVisits = sqliteTable(
  "site_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    visitedAt: integer("visited_at", { mode: "timestamp" }).notNull(),
    place: text("place").notNull(),
    peopleQuestioned: text("people_questioned").notNull(),
    findings: text("findings").notNull(),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("site_visits_case_idx").on(t.caseId)],
);

/** Telephone contacts with the employer (记录电话联系用人单位): when, who was reached, what was said. */
export const employerPhoneContacts = sqliteTable(
  "employer_phone_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    contactedOn: text("contacted_on").notNull(),
    personReached: text("person_reached").notNull(),
    summary: text("summary").notNull(),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("employer_phone_contacts_case_idx").on(t.caseId)],
);

/** 回避 (记录回避): a request that an inspector on the case be recused, and the supervisor's decision on it. */
export const caseRecusals = sqliteTable(
  "case_recusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    requestedOn: text("requested_on").notNull(),
    /** 申请人: inspector (承办监察员本人), complainant (投诉人), employer (被投诉单位). */
    applicant: text("applicant", { enum: ["inspector", "complainant", "employer"] }).notNull(),
    inspectorId: integer("inspector_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    recordedById: integer("recorded_by_id").references(() => users.id),
    /** null while pending; granted 准予回避, refused 不予回避. */
    decision: text("decision", { enum: ["granted", "refused"] }),
    decisionReason: text("decision_reason"),
    decidedOn: text("decided_on"),
    decidedById: integer("decided_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_recusals_case_idx").on(t.caseId)],
);

export const siteVisitInspectors = sqliteTable(
  "site_visit_inspectors",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => siteVisits.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("site_visit_inspectors_pk").on(t.visitId, t.userId)],
);

/** Numbered documents (责令限期改正指令书 …): one counter per office, kind and year. */
export const documentSequences = sqliteTable(
  "document_sequences",
  {
    /** The issuing office (nullable only so the column could be added to old rows; drizzle/0023_one_office.sql). */
    officeId: integer("office_id").references(() => offices.id),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [uniqueIndex("document_sequences_office_pk").on(t.officeId, t.kind, t.year)],
);

/** 快速调处 sessions. An agreement carries per-worker amounts (settlement_items) and a pay-by date. */
export const mediations = sqliteTable(
  "mediations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    sessionOn: text("session_on").notNull(),
    place: text("place").notNull(),
    workerSide: text("worker_side").notNull(),
    employerSide: text("employer_side").notNull(),
    workerStatement: text("worker_statement").notNull(),
    employerStatement: text("employer_statement").notNull(),
    result: text("result", { enum: ["agreement", "failed"] }).notNull(),
    payBy: text("pay_by"),
    paymentMethod: text("payment_method").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("mediations_case_idx").on(t.caseId)],
);

/** 责令限期支付 orders (劳动保障监察限期改正指令书). */
export const paymentOrders = sqliteTable(
  "payment_orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    docNumber: text("doc_number").notNull().unique(),
    issuedOn: text("issued_on").notNull(),
    payBy: text("pay_by").notNull(),
    facts: text("facts").notNull(),
    /** The rule violated, printed as the order's basis (docs/rules.md §Documents). */
    violation: text("violation", { enum: ["migrantWorkers", "general"] })
      .notNull()
      .default("general"),
    issuedById: integer("issued_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("payment_orders_case_idx").on(t.caseId)],
);

/** What each worker is to be paid under an agreement or an order. */
export const settlementItems = sqliteTable(
  "settlement_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    source: text("source", { enum: SETTLEMENT_SOURCES }).notNull(),
    /** mediations.id or payment_orders.id */
    sourceId: integer("source_id").notNull(),
    workerId: integer("worker_id")
      .notNull()
      .references(() => caseWorkers.id),
    amountFen: integer("amount_fen").notNull(),
    /** The worker confirmed receiving the agreed money (快调化解 needs every worker's confirmation). */
    workerConfirmedAt: integer("worker_confirmed_at", { mode: "timestamp" }),
  },
  (t) => [index("settlement_items_case_idx").on(t.caseId), uniqueIndex("settlement_items_unique").on(t.source, t.sourceId, t.workerId)],
);

/** Money actually paid to a worker, with its proof. */
export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    itemId: integer("item_id")
      .notNull()
      .references(() => settlementItems.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => caseWorkers.id),
    amountFen: integer("amount_fen").notNull(),
    paidOn: text("paid_on").notNull(),
    /** How it was paid (domain/money.ts PAYMENT_METHODS); null for payments recorded before it was asked. */
    method: text("method", { enum: PAYMENT_METHODS }),
    proofEvidenceId: integer("proof_evidence_id").references(() => evidence.id),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("payments_case_idx").on(t.caseId), index("payments_item_idx").on(t.itemId), index("payments_worker_idx").on(t.workerId)],
);

/** After an order's deadline passed unpaid: 加付赔偿金, 行政处理决定, 移送公安, 失信名单候选. */
export const enforcementActions = sqliteTable(
  "enforcement_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    orderId: integer("order_id")
      .notNull()
      .references(() => paymentOrders.id),
    kind: text("kind", { enum: ENFORCEMENT_KINDS }).notNull(),
    ratePercent: integer("rate_percent"),
    amountFen: integer("amount_fen"),
    decidedOn: text("decided_on").notNull(),
    agency: text("agency").notNull().default(""),
    note: text("note").notNull().default(""),
    /** The 行政处理决定书's number, for a 加付赔偿金 order or an administrative decision (printed). */
    docNumber: text("doc_number").unique(),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("enforcement_actions_case_idx").on(t.caseId), index("enforcement_actions_kind_idx").on(t.kind, t.decidedOn)],
);

/** 行政复议 or 行政诉讼 against a 行政处理决定书, and its outcome (docs/rules.md § Remedies against a decision). */
export const REMEDY_KINDS = ["reconsideration", "lawsuit"] as const;
export const REMEDY_OUTCOMES = ["upheld", "varied", "revoked", "confirmedUnlawful"] as const;
export const decisionRemedies = sqliteTable(
  "decision_remedies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    actionId: integer("action_id")
      .notNull()
      .references(() => enforcementActions.id),
    kind: text("kind", { enum: REMEDY_KINDS }).notNull(),
    filedOn: text("filed_on").notNull(),
    /** The 复议机关 or the court. */
    body: text("body").notNull(),
    caseNumber: text("case_number").notNull(),
    /** Null while pending. */
    outcome: text("outcome", { enum: REMEDY_OUTCOMES }),
    outcomeOn: text("outcome_on"),
    outcomeNote: text("outcome_note").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("decision_remedies_action_idx").on(t.actionId), index("decision_remedies_outcome_idx").on(t.outcome, t.outcomeOn)],
);

/** 催告书: the written demand to perform a decision before applying to the court (docs/rules.md § Enforcement through the court). */
export const demandNotices = sqliteTable("demand_notices", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  caseId: integer("case_id")
    .notNull()
    .references(() => cases.id),
  actionId: integer("action_id")
    .notNull()
    .unique()
    .references(() => enforcementActions.id),
  docNumber: text("doc_number").notNull().unique(),
  issuedOn: text("issued_on").notNull(),
  /** The wages still unpaid when it was issued, as printed. */
  unpaidFen: integer("unpaid_fen").notNull(),
  recordedById: integer("recorded_by_id").references(() => users.id),
  createdAt: createdAt(),
});

/** The application to the people's court to enforce a decision, and the court's ruling. */
export const COURT_RESULTS = ["granted", "refused"] as const;
export const courtApplications = sqliteTable(
  "court_applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    actionId: integer("action_id")
      .notNull()
      .unique()
      .references(() => enforcementActions.id),
    appliedOn: text("applied_on").notNull(),
    court: text("court").notNull(),
    result: text("result", { enum: COURT_RESULTS }),
    resultOn: text("result_on"),
    executedFen: integer("executed_fen"),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("court_applications_result_idx").on(t.result, t.resultOn)],
);

/** A 移送公安 followed to the police's answer (国务院令第310号; docs/rules.md § Police referral). */
export const POLICE_ANSWERS = ["filed", "notFiled"] as const;
export const policeReferrals = sqliteTable(
  "police_referrals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** The enforcement action of kind policeReferral (its agency and date). */
    actionId: integer("action_id")
      .notNull()
      .unique()
      .references(() => enforcementActions.id),
    /** The materials sent with the 移送书, one a line. */
    materials: text("materials").notNull(),
    /** The 涉嫌犯罪案件移送书's number, given when it is made with its materials (null for referrals recorded before). */
    docNumber: text("doc_number").unique(),
    receivedOn: text("received_on"),
    answer: text("answer", { enum: POLICE_ANSWERS }),
    answerOn: text("answer_on"),
    reviewRequestedOn: text("review_requested_on"),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("police_referrals_answer_idx").on(t.answer, t.answerOn)],
);

/** 多方合办: a task for one member unit of the task force, with its own working-day clock. */
export const taskForceTasks = sqliteTable(
  "task_force_tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => memberUnits.id),
    request: text("request").notNull(),
    assignedOn: text("assigned_on").notNull(),
    workingDays: integer("working_days").notNull(),
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    answer: text("answer").notNull().default(""),
    moreTimeReason: text("more_time_reason").notNull().default(""),
    answeredAt: integer("answered_at", { mode: "timestamp" }),
    answeredById: integer("answered_by_id").references(() => users.id),
    createdById: integer("created_by_id").references(() => users.id),
    /** Optimistic lock: an answer based on an older view of the task is refused. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("task_force_tasks_unit_idx").on(t.unitId, t.status),
    index("task_force_tasks_case_idx").on(t.caseId),
    index("task_force_tasks_status_idx").on(t.status, t.dueOn),
  ],
);

export const PRIOR_NOTICE_KINDS = ["compensation", "decision"] as const;

/**
 * 事先告知书 (陈述申辩): served on the employer before a 加付赔偿金 order or an administrative decision;
 * its service is a `document_services` row; records the employer's statement (or that none came) and the
 * bureau's review of it (docs/rules.md §陈述申辩).
 */
export const priorNotices = sqliteTable(
  "prior_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** The order left unpaid that the intended decision follows. */
    orderId: integer("order_id")
      .notNull()
      .references(() => paymentOrders.id),
    kind: text("kind", { enum: PRIOR_NOTICE_KINDS }).notNull(),
    docNumber: text("doc_number").notNull().unique(),
    issuedOn: text("issued_on").notNull(),
    facts: text("facts").notNull(),
    grounds: text("grounds").notNull(),
    /** The intended decision, in words. */
    intended: text("intended").notNull(),
    /** For 加付赔偿金: the intended rate; the decision may not exceed it. */
    ratePercent: integer("rate_percent"),
    /**
     * Working days after service the notice gives for the statement: the bureau's setting when it was issued, kept
     * as printed (docs/rules.md §陈述申辩); the notices issued before it was a setting gave 5.
     */
    statementDays: integer("statement_days").notNull().default(5),
    statement: text("statement", { enum: ["received", "none"] }),
    statementOn: text("statement_on"),
    statementText: text("statement_text").notNull().default(""),
    review: text("review").notNull().default(""),
    issuedById: integer("issued_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("prior_notices_case_idx").on(t.caseId), index("prior_notices_order_idx").on(t.orderId)],
);

/**
 * 失信联合惩戒名单: one proceeding per employer and listing attempt, from the proposal to removal
 * (docs/rules.md). The employer's particulars are copied at the proposal, as the decision states them.
 */
export const blacklistProceedings = sqliteTable(
  "blacklist_proceedings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** The order to pay whose pay-by date passed unpaid. */
    orderId: integer("order_id")
      .notNull()
      .references(() => paymentOrders.id),
    stage: text("stage", { enum: STAGES }).notNull(),
    employerName: text("employer_name").notNull(),
    employerUscc: text("employer_uscc"),
    employerAddress: text("employer_address").notNull().default(""),
    grounds: text("grounds", { enum: GROUNDS }).notNull(),
    monthsOwed: integer("months_owed"),
    /** Unpaid under the order at the proposal, and how many workers. */
    unpaidFen: integer("unpaid_fen").notNull(),
    unpaidWorkers: integer("unpaid_workers").notNull(),
    facts: text("facts").notNull(),
    proposedById: integer("proposed_by_id").references(() => users.id),
    proposedOn: text("proposed_on").notNull(),
    approvedById: integer("approved_by_id").references(() => users.id),
    approvedOn: text("approved_on"),
    noticeNumber: text("notice_number"),
    /** The offices that issued the notice and the decision (their 文号 and name; docs/rules.md §Documents). */
    noticeOfficeId: integer("notice_office_id").references(() => offices.id),
    decisionOfficeId: integer("decision_office_id").references(() => offices.id),
    decisionExtended: integer("decision_extended", { mode: "boolean" }).notNull().default(false),
    extensionReason: text("extension_reason"),
    /** A decision made after the decision period: the supervisor's reason (docs/rules.md). */
    lateReason: text("late_reason"),
    /** 不予提请 (supervisor) or 不予列入 (paid and pledged): why the proceeding ended without listing. */
    endedOn: text("ended_on"),
    endReason: text("end_reason"),
    decisionNumber: text("decision_number").unique(),
    decisionOn: text("decision_on"),
    sanctions: text("sanctions"),
    /** The term's first day: the decision, or the day a deceitful early removal was reversed. */
    termStartsOn: text("term_starts_on"),
    termEndsOn: text("term_ends_on"),
    earlyAppliedOn: text("early_applied_on"),
    earlyCorrectedOn: text("early_corrected_on"),
    earlyNote: text("early_note"),
    removedOn: text("removed_on"),
    removalKind: text("removal_kind", { enum: REMOVAL_KINDS }),
    removalReason: text("removal_reason"),
    /** The 移出决定书 of an early removal: its 文号 and issuing office (docs/rules.md § 失信联合惩戒名单). */
    removalNumber: text("removal_number").unique(),
    removalOfficeId: integer("removal_office_id").references(() => offices.id),
    /** Bumped on every change (the public feed dates entries by their public dates instead). */
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
    /** Optimistic lock: each step's form carries the version it was shown, as on cases. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("blacklist_stage_idx").on(t.stage, t.termEndsOn),
    index("blacklist_case_idx").on(t.caseId),
    index("blacklist_uscc_idx").on(t.employerUscc),
    index("blacklist_name_idx").on(t.employerName),
  ],
);

/** The persons listed with the employer (当事人); their ID numbers are masked everywhere public. */
export const blacklistPersons = sqliteTable(
  "blacklist_persons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proceedingId: integer("proceeding_id")
      .notNull()
      .references(() => blacklistProceedings.id),
    role: text("role", { enum: PERSON_ROLES }).notNull(),
    name: text("name").notNull(),
    idNumber: text("id_number").notNull(),
  },
  (t) => [index("blacklist_persons_proceeding_idx").on(t.proceedingId)],
);

/** An objection by one 当事人 of a blacklist proceeding (第六条), and the bureau's answer to it. */
export const blacklistObjections = sqliteTable(
  "blacklist_objections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    proceedingId: integer("proceeding_id")
      .notNull()
      .references(() => blacklistProceedings.id),
    /** `employer` or `person:<blacklist_persons.id>` (domain/blacklist.ts). */
    partyKey: text("party_key").notNull(),
    objectionOn: text("objection_on").notNull(),
    text: text("text").notNull(),
    answeredOn: text("answered_on"),
    answer: text("answer"),
    answeredById: integer("answered_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("blacklist_objections_party_idx").on(t.proceedingId, t.partyKey)],
);

/**
 * The documents served through `document_services`; `enforcementDecision` is a 行政处理决定书 (an enforcement action with a number),
 * `demandNotice` its 催告书, `paymentOrder` a 限期改正指令书, `priorNotice` a 事先告知书, and `caseNotice` a 不予受理, 告知补正 or
 * 告知 notice (its document is the case event that issued it), `blacklistRemoval` the 移出决定书 of an early removal (its
 * document is the proceeding).
 */
export const SERVED_DOCUMENTS = [
  "blacklistNotice",
  "blacklistDecision",
  "enforcementDecision",
  "demandNotice",
  "paymentOrder",
  "priorNotice",
  "caseNotice",
  "blacklistRemoval",
] as const;

/**
 * Service (送达) of one document on one party: the record a 送达回证 prints, and the date every clock that
 * runs from service starts on (docs/rules.md § Service of documents).
 */
export const documentServices = sqliteTable(
  "document_services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    document: text("document", { enum: SERVED_DOCUMENTS }).notNull(),
    /** The row the document belongs to (for the blacklist documents, the proceeding; for a 行政处理决定书, the enforcement action). */
    documentId: integer("document_id").notNull(),
    documentNumber: text("document_number").notNull(),
    /** Who was served: `employer` or `person:<id>`, and the name as printed on the receipt. */
    partyKey: text("party_key").notNull(),
    partyName: text("party_name").notNull(),
    method: text("method", { enum: SERVICE_METHODS }).notNull(),
    servedOn: text("served_on").notNull(),
    receiver: text("receiver").notNull().default(""),
    witnesses: text("witnesses").notNull().default(""),
    trackingNumber: text("tracking_number").notNull().default(""),
    consent: integer("consent", { mode: "boolean" }).notNull().default(false),
    publishedOn: text("published_on"),
    note: text("note").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  // Each document (its row and its 文号) is served once on each party: a proceeding issues a new 移出决定书, with a new
  // number, when an early removal reversed is granted again (docs/rules.md § 失信联合惩戒名单).
  (t) => [
    uniqueIndex("document_services_party_idx").on(t.document, t.documentId, t.documentNumber, t.partyKey),
    index("document_services_case_idx").on(t.caseId),
  ],
);

/** 重大劳动保障违法行为社会公布 (人社部令第29号): a quarterly (or ad-hoc) batch of published entries. */
export const violationBatches = sqliteTable("violation_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** e.g. "2026年第四季度", or the subject of an ad-hoc publication. */
  title: text("title").notNull(),
  kind: text("kind", { enum: ["quarterly", "adhoc"] }).notNull(),
  /** YYYY-Qn for a quarterly batch. */
  quarter: text("quarter"),
  publishedOn: text("published_on"),
  createdById: integer("created_by_id").references(() => users.id),
  publishedById: integer("published_by_id").references(() => users.id),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
  /** Optimistic lock over the batch and its entries: every change carries the version its form was shown. */
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

export const violationEntries = sqliteTable(
  "violation_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => violationBatches.id),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    employerName: text("employer_name").notNull(),
    employerUscc: text("employer_uscc").notNull().default(""),
    employerAddress: text("employer_address").notNull().default(""),
    employerLegalRep: text("employer_legal_rep").notNull().default(""),
    facts: text("facts").notNull(),
    handling: text("handling").notNull(),
    withdrawnOn: text("withdrawn_on"),
    withdrawnReason: text("withdrawn_reason"),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("violation_entries_batch_idx").on(t.batchId), index("violation_entries_case_idx").on(t.caseId)],
);

/**
 * Failed logins per account and address pair (the throttle survives a restart). After a few failures the
 * pair waits, twice as long after each further failure; a success clears the pair.
 */
export const loginThrottles = sqliteTable(
  "login_throttles",
  {
    /** SHA-256 of `${username}\u0000${address}`, username lower-cased; the account as a whole has address `*`. */
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_throttles_last_idx").on(t.lastFailureAt)],
);

/**
 * Addresses an account has signed in from (hashed as the throttle's keys): the account-wide slow-down never
 * applies there, so an attack from elsewhere cannot lock the owner out (auth/login-throttle.ts).
 */
export const loginKnownAddresses = sqliteTable(
  "login_known_addresses",
  {
    key: text("key").primaryKey(),
    lastLoginAt: integer("last_login_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_known_addresses_last_idx").on(t.lastLoginAt)],
);

/**
 * Online complaints by the token their form carried: a reload or a double tap of the same form files once, and
 * the receipt is shown again from it (routes/public.ts).
 */
export const onlineFilings = sqliteTable(
  "online_filings",
  {
    token: text("token").primaryKey(),
    caseId: integer("case_id").references(() => cases.id),
    filedAt: integer("filed_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("online_filings_time_idx").on(t.filedAt)],
);

/**
 * The public forms' throttles (auth/rate-limit.ts), in the database so every web process counts against the
 * same allowance. The columns are the ones rate-limiter-flexible's RateLimiterSQLite reads and writes.
 */
export const formThrottles = sqliteTable(
  "form_throttles",
  {
    /** The throttle's name and the client's address (or "all"), e.g. `filing:203.0.113.9`. */
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    /** When the window ends, in milliseconds since the epoch. */
    expire: integer("expire"),
  },
  (t) => [index("form_throttles_expire_idx").on(t.expire)],
);

/** Who saw a case's unmasked ID numbers and phones, and when (个人信息保护法 第五十一条: access is recorded). */
export const personalDataViews = sqliteTable(
  "personal_data_views",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** What was opened: the case page, the receipt… */
    page: text("page").notNull(),
    viewedAt: integer("viewed_at", { mode: "timestamp" }).notNull(),
    /** The office that had the case when it was opened: its supervisors read the row (属地管理). */
    officeId: integer("office_id").references(() => offices.id),
  },
  (t) => [
    index("personal_data_views_case_idx").on(t.caseId, t.viewedAt),
    index("personal_data_views_time_idx").on(t.viewedAt),
    index("personal_data_views_office_idx").on(t.officeId, t.id),
  ],
);

/**
 * A full export of the case list with unmasked ID numbers and phones: one row per export with its filter and
 * how many cases went out (counted as they are sent), instead of one view row per exported case.
 */
export const personalDataExports = sqliteTable(
  "personal_data_exports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    filter: text("filter").notNull(),
    rows: integer("rows").notNull().default(0),
    exportedAt: integer("exported_at", { mode: "timestamp" }).notNull(),
    /** The exporting user's office: its supervisors read the row (属地管理). */
    officeId: integer("office_id").references(() => offices.id),
  },
  (t) => [index("personal_data_exports_time_idx").on(t.exportedAt), index("personal_data_exports_office_idx").on(t.officeId, t.id)],
);

/**
 * Open cases per inspector (as lead or second), kept by triggers on `cases` in the same transaction
 * (drizzle/0009_workbench_search.sql): the assignment form's workloads without counting every request.
 */
export const inspectorOpenCases = sqliteTable("inspector_open_cases", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  openCases: integer("open_cases").notNull().default(0),
});

// ---- 好差评 and 举报 (issue 20; docs/rules.md § 好差评, § 举报) ----------------------------------------------

/**
 * 好差评: one worker's rating of a closed case (one per worker and case, changeable for a set period), and the 回访
 * a 差评 opens, with its own due date. The office and lead inspector are those of the case when it was rated: the
 * satisfaction figures group by them.
 */
export const caseRatings = sqliteTable(
  "case_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => caseWorkers.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    inspectorId: integer("inspector_id").references(() => users.id),
    level: text("level", { enum: RATING_LEVELS }).notNull(),
    /** Comma-separated RATING_REASONS. */
    reasons: text("reasons").notNull().default(""),
    comment: text("comment").notNull().default(""),
    firstRatedOn: text("first_rated_on").notNull(),
    ratedOn: text("rated_on").notNull(),
    ratedAt: integer("rated_at", { mode: "timestamp" }).notNull(),
    /** The 回访: due when a 差评 opened it, done once recorded. */
    followupOpenedOn: text("followup_opened_on"),
    followupDueOn: text("followup_due_on"),
    followupDoneOn: text("followup_done_on"),
    followupById: integer("followup_by_id").references(() => users.id),
    calledOn: text("called_on"),
    reached: integer("reached", { mode: "boolean" }),
    findings: text("findings"),
    justified: integer("justified", { mode: "boolean" }),
    rectification: text("rectification"),
    /** What the worker reads on the public lookup. */
    answer: text("answer"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("case_ratings_worker_idx").on(t.caseId, t.workerId),
    index("case_ratings_office_rated_idx").on(t.officeId, t.ratedOn, t.inspectorId, t.level, t.followupDoneOn, t.justified, t.rectification),
    // The 差评 only (a small share of the ratings): the 回访 list and the count of those still owed.
    index("case_ratings_followup_idx").on(t.officeId, t.followupDueOn, t.followupDoneOn).where(sql`followup_due_on is not null`),
  ],
);

/** 举报 numbers JB-YYYY-NNNNNN: one counter per year. */
export const reportSequences = sqliteTable("report_sequences", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * 举报: a report of a violation by anyone, online or at the window/hotline, needing no complainant; verified (核查)
 * by the office of the work site, then filed as a case or closed with a result. The reporter's name and contact
 * are shown only to the handling inspector and the office's supervisor (劳动保障监察条例 第九条).
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportNumber: text("report_number").notNull().unique(),
    queryCode: text("query_code").notNull(),
    channel: text("channel", { enum: REPORT_CHANNELS }).notNull(),
    /** The online form's token: the same form sent twice makes one report. */
    filingToken: text("filing_token").unique(),
    receivedOn: text("received_on").notNull(),
    employerName: text("employer_name").notNull(),
    employerAddress: text("employer_address").notNull().default(""),
    district: text("district").notNull(),
    divisionId: integer("division_id").references(() => divisions.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    whatSeen: text("what_seen").notNull(),
    reporterName: text("reporter_name"),
    reporterContact: text("reporter_contact"),
    registeredById: integer("registered_by_id").references(() => users.id),
    inspectorId: integer("inspector_id").references(() => users.id),
    state: text("state", { enum: REPORT_STATES }).notNull(),
    verifyDueOn: text("verify_due_on").notNull(),
    decidedOn: text("decided_on"),
    decidedById: integer("decided_by_id").references(() => users.id),
    /** The result of the 核查, which the reporter reads on the lookup. */
    result: text("result"),
    caseId: integer("case_id").references(() => cases.id),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("reports_office_state_idx").on(t.officeId, t.state, t.verifyDueOn), index("reports_case_idx").on(t.caseId)],
);

/** Where a case without a complainant came from: a 举报 (linked) or the office's own 日常巡视、专项检查、书面审查. */
export const caseSources = sqliteTable("case_sources", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => cases.id),
  source: text("source", { enum: CASE_SOURCES }).notNull(),
  reportId: integer("report_id").references(() => reports.id),
  note: text("note").notNull().default(""),
});

// ---- The 行政处理决定书 complete (issue 25, item 2) --------------------------------------------------

/**
 * What a 行政处理决定书 decided for each worker, fixed when it is made (payments after it never change it): the
 * wages still owed and that worker's share of the 加付赔偿金 (docs/rules.md § The 行政处理决定书).
 */
export const decisionLines = sqliteTable(
  "decision_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => enforcementActions.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => caseWorkers.id),
    owedFen: integer("owed_fen").notNull(),
    compensationFen: integer("compensation_fen").notNull().default(0),
  },
  (t) => [uniqueIndex("decision_lines_action_worker_idx").on(t.actionId, t.workerId)],
);

// ---- Notices after acceptance, numbered (issue 25, item 8) -----------------------------------------

/**
 * The written notices of the acceptance decision — 不予受理通知书, 告知补正通知书, 告知书, 移送书 — each with its 文号,
 * its text and, for 告知 and 移送, the body named (docs/rules.md § Notices and records after acceptance). Notices issued
 * before they were numbered have no number (drizzle backfill).
 */
export const caseNotices = sqliteTable(
  "case_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: ["rejection", "supplement", "inform", "referral"] }).notNull(),
    docNumber: text("doc_number").unique(),
    issuedOn: text("issued_on").notNull(),
    body: text("body").notNull(),
    addressee: text("addressee").notNull().default(""),
    issuedById: integer("issued_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_notices_case_idx").on(t.caseId, t.kind)],
);

// ---- 应急周转金 (docs/rules.md §应急周转金) ------------------------------------------------------

/**
 * An advance (垫付) from an office's 应急周转金 for a case: applied for with per-worker amounts, approved (or
 * refused) by the office's supervisor, paid on a date, then recovered from the employer or the 总包 by its due date.
 */
export const emergencyAdvances = sqliteTable(
  "emergency_advances",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    /** The fund it draws on: the office that has the case when it is applied for. */
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    status: text("status", { enum: ADVANCE_STATUSES }).notNull().default("applied"),
    appliedOn: text("applied_on").notNull(),
    reason: text("reason").notNull(),
    /** Who is to repay: the employer, or the 施工总承包单位 (保障农民工工资支付条例 第三十条), by name. */
    recoverFrom: text("recover_from", { enum: RECOVERY_PARTIES }).notNull(),
    recoverFromName: text("recover_from_name").notNull(),
    totalFen: integer("total_fen").notNull(),
    appliedById: integer("applied_by_id").references(() => users.id),
    decidedOn: text("decided_on"),
    decisionNote: text("decision_note").notNull().default(""),
    decidedById: integer("decided_by_id").references(() => users.id),
    paidOn: text("paid_on"),
    /** The recovery's clock: paid_on + ADVANCE_RECOVERY_DAYS. */
    recoveryDueOn: text("recovery_due_on"),
    createdAt: createdAt(),
  },
  (t) => [index("emergency_advances_case_idx").on(t.caseId), index("emergency_advances_office_idx").on(t.officeId, t.status, t.paidOn)],
);

/** What an advance pays each worker. */
export const emergencyAdvanceWorkers = sqliteTable(
  "emergency_advance_workers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    advanceId: integer("advance_id")
      .notNull()
      .references(() => emergencyAdvances.id),
    workerId: integer("worker_id")
      .notNull()
      .references(() => caseWorkers.id),
    amountFen: integer("amount_fen").notNull(),
  },
  (t) => [uniqueIndex("emergency_advance_workers_unique").on(t.advanceId, t.workerId), index("emergency_advance_workers_worker_idx").on(t.workerId)],
);

/**
 * The fund's ledger, append-only (no update or delete: drizzle/*_emergency_fund_ledger.sql): every movement of an
 * office's fund with the balance after it. The balance is the last row's; a trigger refuses a row whose balance is
 * not the previous balance plus its change, or is negative.
 */
export const emergencyFundMovements = sqliteTable(
  "emergency_fund_movements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    kind: text("kind", { enum: MOVEMENT_KINDS }).notNull(),
    /** Positive for capital, advances and recoveries; an adjustment is signed. */
    amountFen: integer("amount_fen").notNull(),
    /** The balance after this movement (never negative). */
    balanceFen: integer("balance_fen").notNull(),
    occurredOn: text("occurred_on").notNull(),
    advanceId: integer("advance_id").references(() => emergencyAdvances.id),
    /** Who paid a recovery (用人单位 / 施工总承包单位, by name); the source of capital; the reason for an adjustment. */
    note: text("note").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("emergency_fund_movements_office_idx").on(t.officeId, t.id),
    index("emergency_fund_movements_office_period_idx").on(t.officeId, t.occurredOn, t.kind, t.amountFen),
    index("emergency_fund_movements_advance_idx").on(t.advanceId),
    /** What each advance of a fund has had back, summed from the index alone (the fund page, issue 23). */
    index("emergency_fund_movements_recovery_idx").on(t.officeId, t.kind, t.advanceId, t.amountFen),
  ],
);

// ---- Notices to workers (issue 20): the SMS outbox (docs/rules.md §Notices to workers) ----------------------

/**
 * One notice to one worker about one step, written in the step's own transaction; the sender
 * (src/notify/sender.ts) sends it afterwards. `idempotencyKey` goes to the provider with the message (the
 * Alibaba Cloud OutId): a send whose outcome a crash hid is looked up by it, never sent again.
 * channel `post`: a worker without a mobile number — the notice waits to be printed at the window or posted.
 * A worker who opted out of SMS gets no row.
 * A 举报's reporter who left a mobile is told the 核查's outcome the same way: such a notice has `reportId` and no
 * case or worker (never linked to the case a report became: the reporter stays off the case, 条例 第九条).
 */
export const workerNotices = sqliteTable(
  "worker_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id").references(() => cases.id),
    workerId: integer("worker_id").references(() => caseWorkers.id),
    reportId: integer("report_id").references(() => reports.id),
    /** The office that signs it: the case's office when the step happened (a report's notice: the report's office). */
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    channel: text("channel", { enum: ["sms", "post"] }).notNull(),
    /** The mobile number it goes to ("" for post). */
    phone: text("phone").notNull().default(""),
    /** The facts of the step (JSON, domain/worker-notices.ts NoticeFacts): no worker's name or ID. */
    facts: text("facts").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    status: text("status", { enum: ["queued", "sending", "sent", "failed", "toPost", "posted"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp" }).notNull(),
    /** Set when a sender claims it; a claim older than a few minutes was cut off by a crash. */
    claimedAt: integer("claimed_at", { mode: "timestamp" }),
    sentAt: integer("sent_at", { mode: "timestamp" }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    /** The text as sent (or printed). */
    body: text("body"),
    createdAt: createdAt(),
  },
  (t) => [
    index("worker_notices_due_idx").on(t.status, t.nextAttemptAt),
    // The outbox page's tabs, newest first.
    index("worker_notices_status_idx").on(t.status, t.id),
    index("worker_notices_phone_sent_idx").on(t.phone, t.sentAt).where(sql`sent_at is not null`),
    index("worker_notices_case_idx").on(t.caseId, t.id),
  ],
);

/**
 * The demo and test transport's "phones" (src/notify/outbox-transport.ts): each message it delivered, once
 * per idempotency key, as a provider that honours the key would.
 */
export const smsDeliveries = sqliteTable("sms_deliveries", {
  idempotencyKey: text("idempotency_key").primaryKey(),
  phone: text("phone").notNull(),
  text: text("text").notNull(),
  deliveredAt: integer("delivered_at", { mode: "timestamp" }).notNull(),
});

// ---- Construction projects, special actions and the 工资保证金 (issue 23; docs/rules.md §Construction projects) ----

/** A construction project (工程建设项目) and its wage safeguards; the office of its division has it (属地管理). */
export const projects = sqliteTable(
  "projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    divisionId: integer("division_id")
      .notNull()
      .references(() => divisions.id),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    /** 建设单位. */
    builderName: text("builder_name").notNull(),
    builderUscc: text("builder_uscc"),
    /** 施工总承包单位. */
    contractorName: text("contractor_name").notNull(),
    contractorUscc: text("contractor_uscc").notNull(),
    contractFen: integer("contract_fen").notNull(),
    startOn: text("start_on").notNull(),
    endOn: text("end_on"),
    /** 农民工工资专用账户 (第二十六条). */
    wageAccountBank: text("wage_account_bank").notNull().default(""),
    wageAccountOpenedOn: text("wage_account_opened_on"),
    realName: integer("real_name", { mode: "boolean" }).notNull().default(false),
    contractorPays: integer("contractor_pays", { mode: "boolean" }).notNull().default(false),
    guaranteeForm: text("guarantee_form", { enum: GUARANTEE_FORMS }),
    guaranteeFen: integer("guarantee_fen").notNull().default(0),
    /** The bank or guarantor of a 保函 (or the bank holding the cash). */
    guarantor: text("guarantor").notNull().default(""),
    guaranteeFrom: text("guarantee_from"),
    guaranteeUntil: text("guarantee_until"),
    noticeBoard: integer("notice_board", { mode: "boolean" }).notNull().default(false),
    /** How many safeguards are missing (domain/projects.ts missingSafeguards), kept on every save: the list sorts by it. */
    missingCount: integer("missing_count").notNull(),
    version: integer("version").notNull().default(1),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // An office's list, missing safeguards first (models/projects.ts listProjects).
    // The list's order (most missing first, then by name) read straight from the index, page by page (issue 23).
    index("projects_office_missing_idx").on(t.officeId, sql`${t.missingCount} desc`, t.name),
    index("projects_missing_idx").on(sql`${t.missingCount} desc`, t.name),
    index("projects_contractor_uscc_idx").on(t.contractorUscc),
    index("projects_builder_uscc_idx").on(t.builderUscc),
    index("projects_name_idx").on(t.name),
    uniqueIndex("projects_office_name_contractor_idx").on(t.officeId, t.name, t.contractorUscc),
  ],
);

/** 分包单位 of a project. */
export const projectSubcontractors = sqliteTable(
  "project_subcontractors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    name: text("name").notNull(),
    uscc: text("uscc").notNull(),
  },
  (t) => [index("project_subcontractors_project_idx").on(t.projectId), index("project_subcontractors_uscc_idx").on(t.uscc)],
);

/** The project a construction case names (found at intake by the project's name or the 总包's code). */
export const projectCases = sqliteTable(
  "project_cases",
  {
    caseId: integer("case_id")
      .primaryKey()
      .references(() => cases.id),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
  },
  (t) => [index("project_cases_project_idx").on(t.projectId)],
);

/** 动用工资保证金: a use of the project's guarantee after an order to pay was not performed, and its top-up. */
export const guaranteeUses = sqliteTable(
  "guarantee_uses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id),
    /** The order to pay that was not performed. */
    orderId: integer("order_id")
      .notNull()
      .references(() => paymentOrders.id),
    usedOn: text("used_on").notNull(),
    amountFen: integer("amount_fen").notNull(),
    /** The bank or guarantor that paid. */
    payer: text("payer").notNull(),
    workersPaid: integer("workers_paid").notNull(),
    note: text("note").notNull().default(""),
    topUpDueOn: text("top_up_due_on").notNull(),
    toppedUpOn: text("topped_up_on"),
    toppedUpFen: integer("topped_up_fen").notNull().default(0),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("guarantee_uses_project_idx").on(t.projectId, t.usedOn),
    index("guarantee_uses_open_top_up_idx").on(t.topUpDueOn).where(sql`topped_up_on is null`),
    // The guarantee used in a period (the statistics' 防欠成效 figures).
    index("guarantee_uses_used_idx").on(t.usedOn),
  ],
);

/** 专项行动 (护薪安薪, 冬季专项行动…), organised by one office (the city's reaches every office). */
export const specialActions = sqliteTable(
  "special_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    name: text("name").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    scope: text("scope").notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("special_actions_office_idx").on(t.officeId, t.startsOn), index("special_actions_starts_idx").on(t.startsOn)],
);

/** 检查组 of an action: its office (whose figures it counts in) and its members. */
export const inspectionGroups = sqliteTable(
  "inspection_groups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => specialActions.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    name: text("name").notNull(),
    leader: text("leader").notNull(),
  },
  (t) => [
    index("inspection_groups_action_idx").on(t.actionId, t.officeId),
    // A period's figures start from the offices' groups (models/special-actions.ts actionFigures).
    index("inspection_groups_office_idx").on(t.officeId),
  ],
);

/** A member of a group: a person of an office or of a task-force member unit. */
export const inspectionGroupMembers = sqliteTable(
  "inspection_group_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => inspectionGroups.id),
    name: text("name").notNull(),
    officeId: integer("office_id").references(() => offices.id),
    unitId: integer("unit_id").references(() => memberUnits.id),
  },
  (t) => [index("inspection_group_members_group_idx").on(t.groupId)],
);

/** An inspection of a project (or of an employer without one) by a group, with its checklist and findings. */
export const inspections = sqliteTable(
  "inspections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => specialActions.id),
    groupId: integer("group_id")
      .notNull()
      .references(() => inspectionGroups.id),
    projectId: integer("project_id").references(() => projects.id),
    employerName: text("employer_name").notNull(),
    employerUscc: text("employer_uscc"),
    inspectedOn: text("inspected_on").notNull(),
    /** The people of the group who took part (开展检查N人次 sums them). */
    persons: integer("persons").notNull(),
    wageAccount: text("wage_account", { enum: CHECK_RESULTS }).notNull(),
    realName: text("real_name", { enum: CHECK_RESULTS }).notNull(),
    contractorPays: text("contractor_pays", { enum: CHECK_RESULTS }).notNull(),
    guarantee: text("guarantee", { enum: CHECK_RESULTS }).notNull(),
    noticeBoard: text("notice_board", { enum: CHECK_RESULTS }).notNull(),
    paidMonthly: text("paid_monthly", { enum: CHECK_RESULTS }).notNull(),
    findings: text("findings").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("inspections_action_idx").on(t.actionId, t.groupId),
    index("inspections_project_idx").on(t.projectId, t.inspectedOn).where(sql`project_id is not null`),
    // A group's inspections in a period (the statistics' 防欠成效 figures), with what they add up.
    index("inspections_group_day_idx").on(t.groupId, t.inspectedOn, t.persons, t.projectId),
  ],
);

/** 欠薪隐患 found in an inspection: who must resolve it by when, and how it ended (化解 or 立案). */
export const riskPoints = sqliteTable(
  "risk_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => specialActions.id),
    inspectionId: integer("inspection_id")
      .notNull()
      .references(() => inspections.id),
    description: text("description").notNull(),
    amountFen: integer("amount_fen").notNull(),
    workers: integer("workers").notNull(),
    responsible: text("responsible").notNull(),
    foundOn: text("found_on").notNull(),
    resolveBy: text("resolve_by").notNull(),
    status: text("status", { enum: RISK_STATUSES }).notNull().default("open"),
    endedOn: text("ended_on"),
    /** The case it was turned into (立案). */
    caseId: integer("case_id").references(() => cases.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("risk_points_action_idx").on(t.actionId, t.status),
    index("risk_points_inspection_idx").on(t.inspectionId),
    index("risk_points_open_due_idx").on(t.resolveBy).where(sql`status = 'open'`),
    index("risk_points_case_idx").on(t.caseId).where(sql`case_id is not null`),
    // Risk points cleared (化解/立案) in a period (the statistics' 防欠成效 figures).
    index("risk_points_ended_idx").on(t.status, t.endedOn),
  ],
);

/** Wages paid to resolve a risk point: the payment records 化解 requires. */
export const riskPayments = sqliteTable(
  "risk_payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    riskId: integer("risk_id")
      .notNull()
      .references(() => riskPoints.id),
    paidOn: text("paid_on").notNull(),
    amountFen: integer("amount_fen").notNull(),
    workers: integer("workers").notNull(),
    proof: text("proof").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("risk_payments_risk_idx").on(t.riskId)],
);

// ---- 询问笔录 (issue 25 item 7) ------------------------------------------------------------------

export const INTERVIEWEE_ROLES = ["worker", "employerRep", "witness"] as const;

/**
 * 询问笔录: a person questioned on a filed case by two inspectors (劳动保障监察条例 第十六条) — who, where,
 * from when to when, the questions and answers, and whether the person signed each page or refused (src/sections/inquiries.ts).
 */
export const inquiryRecords = sqliteTable(
  "inquiry_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    intervieweeRole: text("interviewee_role", { enum: INTERVIEWEE_ROLES }).notNull(),
    intervieweeName: text("interviewee_name").notNull(),
    /** 身份证号 of the person questioned (optional; masked except for the people working the case). */
    intervieweeIdNumber: text("interviewee_id_number").notNull().default(""),
    /** 工作单位、职务 or relation to the case. */
    intervieweeDetail: text("interviewee_detail").notNull().default(""),
    place: text("place").notNull(),
    /** Local date-times (Asia/Shanghai), `YYYY-MM-DDTHH:MM`. */
    startedAt: text("started_at").notNull(),
    endedAt: text("ended_at").notNull(),
    firstInspectorId: integer("first_inspector_id")
      .notNull()
      .references(() => users.id),
    firstCertificate: text("first_certificate").notNull(),
    secondInspectorId: integer("second_inspector_id")
      .notNull()
      .references(() => users.id),
    secondCertificate: text("second_certificate").notNull(),
    /** The questions and answers, one a line, each line starting 问： or 答：. */
    questionsAndAnswers: text("questions_and_answers").notNull(),
    signature: text("signature", { enum: ["signed", "refused"] }).notNull(),
    /** When the person refused to sign: what happened, and who witnessed it. */
    refusalNote: text("refusal_note").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("inquiry_records_case_idx").on(t.caseId)],
);

// ---- 移（转）送其他部门 (issue 19, item 4) ----------------------------------------------------------------------

/**
 * A matter sent to another department (a member unit of the task force) with its materials, followed to the
 * department's 签收 and reply (docs/rules.md §移送其他部门). The case stays open at its office meanwhile.
 */
export const departmentTransfers = sqliteTable(
  "department_transfers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => memberUnits.id),
    sentOn: text("sent_on").notNull(),
    /** What the department is asked to handle. */
    matter: text("matter").notNull(),
    /** The materials sent, one a line. */
    materials: text("materials").notNull(),
    replyDueOn: text("reply_due_on").notNull(),
    receivedOn: text("received_on"),
    signedBy: text("signed_by"),
    repliedOn: text("replied_on"),
    replyOutcome: text("reply_outcome", { enum: DEPARTMENT_REPLY_OUTCOME_KEYS }),
    replyContent: text("reply_content"),
    recordedById: integer("recorded_by_id").references(() => users.id),
    receiptRecordedById: integer("receipt_recorded_by_id").references(() => users.id),
    replyRecordedById: integer("reply_recorded_by_id").references(() => users.id),
    /** The 案件移送书's number, issued with the transfer (null for transfers recorded before it was numbered). */
    docNumber: text("doc_number").unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index("department_transfers_case_idx").on(t.caseId, t.unitId),
    // The boards list the transfers still waiting for a reply: few, whatever the number of cases.
    index("department_transfers_waiting_idx").on(t.replyDueOn).where(sql`replied_on is null`),
  ],
);

/** 函件往来 (记录函件往来): letters sent to or received from the employer on a case — direction, date, the other party, subject. */
export const employerLetters = sqliteTable(
  "employer_letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id),
    direction: text("direction", { enum: ["sent", "received"] }).notNull(),
    /** The day it was sent or received (Asia/Shanghai). */
    letterOn: text("letter_on").notNull(),
    /** The employer's side: the unit, or the person who signed or received it. */
    otherParty: text("other_party").notNull(),
    subject: text("subject").notNull(),
    note: text("note").notNull().default(""),
    recordedById: integer("recorded_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("employer_letters_case_idx").on(t.caseId)],
);
