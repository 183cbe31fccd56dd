/**
 * Every table, in one place. TS keys camelCase, SQL names snake_case.
 * Instants are integer timestamps; calendar dates (deadlines, holidays) are `YYYY-MM-DD` text;
 * money is integer fen.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../domain/roles.js";
import { CASE_STATES, OUTCOMES } from "../domain/case-states.js";

const createdAt = () =>
  integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`);

/** Task-force member units (工作专班成员单位). */
export const memberUnits = sqliteTable("member_units", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
  createdAt: createdAt(),
});

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** Only for the `unit` role: the member unit the liaison speaks for. */
  unitId: integer("unit_id").references(() => memberUnits.id),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
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
  updatedAt: integer("updated_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
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
  (t) => [
    index("calendar_days_year_idx").on(t.year),
    uniqueIndex("calendar_days_working_ordinal_idx").on(t.ordinal).where(sql`is_working_day = 1`),
  ],
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

export const CHANNELS = ["window", "phone12333", "online", "platform", "petition", "patrol"] as const;

/** A wage-arrears complaint case (DESIGN.md §2). */
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
    district: text("district").notNull(),
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
    /** Receipt, or the day the last supplement arrived: the acceptance clock's start. */
    acceptanceStartOn: text("acceptance_start_on").notNull(),
    decidedOn: text("decided_on"),
    filedOn: text("filed_on"),
    extensionDays: integer("extension_days").notNull().default(0),
    extensionReason: text("extension_reason"),
    closedOn: text("closed_on"),
    /** Working days from receipt to close, kept for reporting. */
    workingDaysTaken: integer("working_days_taken"),
    acceptanceDueOn: text("acceptance_due_on").notNull(),
    targetDueOn: text("target_due_on").notNull(),
    statutoryDueOn: text("statutory_due_on"),
    /** Sum of calendar_years.version when the due dates were computed: which calendar produced them. */
    calendarRevision: integer("calendar_revision").notNull(),
    /** Optimistic lock: every change bumps it; a save based on an older version is refused. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    index("cases_state_idx").on(t.state),
    index("cases_lead_idx").on(t.leadInspectorId, t.state),
    index("cases_second_idx").on(t.secondInspectorId, t.state),
    index("cases_registered_idx").on(t.registeredById),
    index("cases_received_idx").on(t.receivedOn),
  ],
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
    idNumber: text("id_number").notNull(),
    phone: text("phone").notNull(),
    hometown: text("hometown").notNull().default(""),
    occupation: text("occupation").notNull().default(""),
    workPeriod: text("work_period").notNull().default(""),
    claimedFen: integer("claimed_fen").notNull(),
    isRepresentative: integer("is_representative", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("case_workers_case_idx").on(t.caseId), index("case_workers_name_idx").on(t.name)],
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
