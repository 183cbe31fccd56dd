/** 现场督办 records: the visit, its team and its recordings, written with the timeline row at once. */
import { preparedOnce } from "../db/prepared.js";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { evidence, offices, siteVisitInspectors, siteVisits, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { ValidationError } from "../domain/errors.js";
import { isRecording, visitTeamProblem } from "../domain/site-visits.js";
import { getCaseRow, transition, type StoredFile } from "./cases.js";
import { untilChanged } from "./until-changed.js";

export interface VisitInput {
  caseId: number;
  version: number;
  visitedAt: Date;
  place: string;
  peopleQuestioned: string;
  findings: string;
  inspectorIds: number[];
  recordings: StoredFile[];
  actor: Viewer;
  now: Date;
}

/**
 * Who can go on a visit: active inspectors and supervisors (section chiefs hold inspector credentials) of the
 * office that has the case or of the city office (属地管理, docs/rules.md §Offices and jurisdiction).
 */
const visitStaffQuery = (db: DbOrTx) =>
  db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(offices, eq(offices.id, users.officeId))
    .where(
      and(
        inArray(users.role, ["inspector", "supervisor"]),
        eq(users.active, true),
        or(eq(users.officeId, sql.placeholder("officeId")), eq(offices.kind, "city")),
      ),
    )
    .orderBy(asc(users.id))
    .prepare();

export function visitEligibleStaff(db: DbOrTx, officeId: number | null) {
  return preparedOnce(db, visitStaffQuery).all({ officeId });
}

/** The same list for a page's forms, read once per state of the database (a city office lists its whole staff on every case page). */
export function visitStaffOfPage(db: Db, officeId: number | null) {
  return untilChanged(db, `visitStaff:${officeId}`, () => visitEligibleStaff(db, officeId));
}

const caseVisitsQuery = (db: DbOrTx) =>
  db
    .select()
    .from(siteVisits)
    .where(eq(siteVisits.caseId, sql.placeholder("caseId")))
    .orderBy(asc(siteVisits.visitedAt))
    .prepare();

export function recordSiteVisit(db: Db, v: VisitInput): number {
  const staff = visitEligibleStaff(db, getCaseRow(db, v.caseId).officeId);
  const problem = visitTeamProblem(v.inspectorIds, new Set(staff.map((s) => s.id)));
  if (problem) throw new ValidationError(problem, "inspectorIds");
  if (!v.recordings.some((f) => isRecording(f.mimeType))) {
    throw new ValidationError("请上传现场检查的录音或录像（行政处罚法第四十七条要求全过程记录）", "recordings");
  }
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const team = [...new Set(v.inspectorIds)];
  let visitId = 0;
  transition(db, {
    caseId: v.caseId,
    move: "recordVisit",
    note: "",
    eventNote: `${v.place}；检查人员：${team.map((id) => names.get(id)).join("、")}；录音录像 ${v.recordings.length} 个`,
    version: v.version,
    actor: v.actor,
    now: v.now,
    effect: (tx, c) => {
      visitId = tx
        .insert(siteVisits)
        .values({ caseId: c.id, visitedAt: v.visitedAt, place: v.place, peopleQuestioned: v.peopleQuestioned, findings: v.findings, recordedById: v.actor.id })
        .returning({ id: siteVisits.id })
        .get().id;
      tx.insert(siteVisitInspectors)
        .values(team.map((userId) => ({ visitId, userId })))
        .run();
      for (const f of v.recordings) {
        tx.insert(evidence)
          .values({ ...f, caseId: c.id, visitId, description: `现场检查录音录像（${v.place}）`, uploadedById: v.actor.id, uploadedAt: v.now })
          .run();
      }
    },
  });
  return visitId;
}

export function listSiteVisits(db: Db, caseId: number) {
  const visits = preparedOnce(db, caseVisitsQuery).all({ caseId });
  if (visits.length === 0) return [];
  const team = db
    .select({ visitId: siteVisitInspectors.visitId, name: users.displayName })
    .from(siteVisitInspectors)
    .innerJoin(users, eq(users.id, siteVisitInspectors.userId))
    .where(
      inArray(
        siteVisitInspectors.visitId,
        visits.map((v) => v.id),
      ),
    )
    .all();
  return visits.map((v) => ({ ...v, team: team.filter((t) => t.visitId === v.id).map((t) => t.name) }));
}
