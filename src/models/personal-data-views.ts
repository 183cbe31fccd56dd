/**
 * Who saw a case's unmasked ID numbers and phones (个人信息保护法 第五十一条: measures to control access
 * to personal information; docs/rules.md "Other modules"). One row per page shown, read by supervisors: an
 * office's, the rows of the cases it had when they were opened and the exports of its staff; the city's, all
 * (属地管理).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { preparedOnce } from "../db/prepared.js";
import { writeUnshown } from "../db/unshown-writes.js";
import { cases, personalDataExports, personalDataViews, users } from "../db/schema.js";

/** A full export begins: its row, whose count grows as chunks of cases go out (`countExported`). */
export function recordPersonalDataExport(db: DbOrTx, e: { userId: number; filter: string; now: Date }): number {
  return db
    .insert(personalDataExports)
    .values({ userId: e.userId, filter: e.filter, exportedAt: e.now, officeId: sql`(select office_id from users where id = ${e.userId})` })
    .returning({ id: personalDataExports.id })
    .get().id;
}

export function countExported(db: DbOrTx, exportId: number, rows: number): void {
  db.update(personalDataExports)
    .set({ rows: sql`${personalDataExports.rows} + ${rows}` })
    .where(eq(personalDataExports.id, exportId))
    .run();
}

/** The latest full exports by the office's staff (null: everyone's), newest first; through personal_data_exports_office_idx. */
export function listPersonalDataExports(db: Db, officeId: number | null, limit = 20) {
  return db
    .select({
      id: personalDataExports.id,
      filter: personalDataExports.filter,
      rows: personalDataExports.rows,
      exportedAt: personalDataExports.exportedAt,
      userName: users.displayName,
      username: users.username,
    })
    .from(personalDataExports)
    .innerJoin(users, eq(users.id, personalDataExports.userId))
    .where(officeId === null ? undefined : eq(personalDataExports.officeId, officeId))
    .orderBy(desc(personalDataExports.id))
    .limit(limit)
    .all();
}

export interface RecordedView {
  caseId: number;
  page: string;
}

/** The views a page records while it is rendered, for the page cache to record again each time it sends the kept page (src/http/page-cache.ts). */
export const viewsRecordedByThisPage = new AsyncLocalStorage<RecordedView[]>();

const recordViewQuery = (db: DbOrTx) =>
  db
    .insert(personalDataViews)
    .values({
      caseId: sql.placeholder("caseId"),
      userId: sql.placeholder("userId"),
      page: sql.placeholder("page"),
      viewedAt: sql.placeholder("viewedAt"),
      officeId: sql`(select office_id from cases where id = ${sql.placeholder("caseId")})`,
    })
    .prepare();

export function recordPersonalDataView(db: Db, v: { caseId: number; userId: number; page: string; now: Date }): void {
  // Prepared once per connection (src/db/prepared.ts): every view of a case by the people working it writes a row.
  // No kept page shows the record (the supervisors' log reads it afresh): no change to what pages show.
  writeUnshown(db, () => preparedOnce(db, recordViewQuery).run({ caseId: v.caseId, userId: v.userId, page: v.page, viewedAt: v.now }));
  viewsRecordedByThisPage.getStore()?.push({ caseId: v.caseId, page: v.page });
}

export const VIEWS_PAGE_SIZE = 100;

/**
 * Newest first; `officeId` keeps to the rows of that office (null: every office), read through
 * personal_data_views_office_idx; `before` is the id to page back from; `caseNumber` narrows to one case.
 */
export function listPersonalDataViews(db: Db, opts: { officeId: number | null; caseNumber?: string; before?: number | null }) {
  // One case's rows are read through personal_data_views_case_idx (the unary `+` keeps the office index out of it).
  const office =
    opts.officeId === null
      ? undefined
      : opts.caseNumber
        ? sql`+${personalDataViews.officeId} = ${opts.officeId}`
        : eq(personalDataViews.officeId, opts.officeId);
  const where = and(
    office,
    opts.caseNumber ? eq(cases.caseNumber, opts.caseNumber) : undefined,
    opts.before ? lt(personalDataViews.id, opts.before) : undefined,
  );
  return db
    .select({
      id: personalDataViews.id,
      caseId: personalDataViews.caseId,
      caseNumber: cases.caseNumber,
      userName: users.displayName,
      username: users.username,
      role: users.role,
      page: personalDataViews.page,
      viewedAt: personalDataViews.viewedAt,
    })
    .from(personalDataViews)
    .innerJoin(cases, eq(cases.id, personalDataViews.caseId))
    .innerJoin(users, eq(users.id, personalDataViews.userId))
    .where(where)
    .orderBy(desc(personalDataViews.id))
    .limit(VIEWS_PAGE_SIZE)
    .all();
}
