/**
 * Every table, in one place. TS keys camelCase, SQL names snake_case.
 * Instants are integer timestamps; calendar dates (deadlines, holidays) are `YYYY-MM-DD` text;
 * money is integer fen.
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../domain/roles.js";

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
