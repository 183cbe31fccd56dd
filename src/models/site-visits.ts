/** 现场督办 records: the visit, its team and its recordings, written with the timeline row at once. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { evidence, siteVisitInspectors, siteVisits, users } from "../db/schema.js";
import { actorFor, canViewCase, type Viewer } from "../domain/case-access.js";
import { assertMove } from "../domain/case-states.js";
import { ForbiddenError, ValidationError } from "../domain/errors.js";
import { isRecording, visitTeamProblem } from "../domain/site-visits.js";
import { addEvent, getCaseRow, saveVersioned, type StoredFile } from "./cases.js";

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

/** Who can go on a visit: active inspectors and supervisors (section chiefs hold inspector credentials). */
export function visitEligibleStaff(db: Db) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.role, ["inspector", "supervisor"]), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all();
}

export function recordSiteVisit(db: Db, v: VisitInput): number {
  const staff = visitEligibleStaff(db);
  const problem = visitTeamProblem(v.inspectorIds, new Set(staff.map((s) => s.id)));
  if (problem) throw new ValidationError(problem);
  if (!v.recordings.some((f) => isRecording(f.mimeType))) {
    throw new ValidationError("请上传现场检查的录音或录像（行政处罚法第四十七条要求全过程记录）");
  }
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  return db.transaction((tx) => {
    const c = getCaseRow(tx, v.caseId);
    if (!canViewCase(c, v.actor)) throw new ForbiddenError();
    assertMove(c.state, "recordVisit", actorFor(c, v.actor));
    saveVersioned(tx, c, v.version, {}, v.now);
    const visit = tx
      .insert(siteVisits)
      .values({ caseId: c.id, visitedAt: v.visitedAt, place: v.place, peopleQuestioned: v.peopleQuestioned, findings: v.findings, recordedById: v.actor.id })
      .returning({ id: siteVisits.id })
      .get();
    tx.insert(siteVisitInspectors).values([...new Set(v.inspectorIds)].map((userId) => ({ visitId: visit.id, userId }))).run();
    for (const f of v.recordings) {
      tx.insert(evidence).values({ ...f, caseId: c.id, visitId: visit.id, description: `现场检查录音录像（${v.place}）`, uploadedById: v.actor.id, uploadedAt: v.now }).run();
    }
    addEvent(tx, {
      caseId: c.id,
      actorId: v.actor.id,
      action: "recordVisit",
      from: c.state,
      to: c.state,
      note: `${v.place}；检查人员：${[...new Set(v.inspectorIds)].map((id) => names.get(id)).join("、")}；录音录像 ${v.recordings.length} 个`,
      publicStep: "监察员已到用人单位现场检查",
      now: v.now,
    });
    return visit.id;
  });
}

export function listSiteVisits(db: Db, caseId: number) {
  const visits = db.select().from(siteVisits).where(eq(siteVisits.caseId, caseId)).orderBy(asc(siteVisits.visitedAt)).all();
  if (visits.length === 0) return [];
  const team = db
    .select({ visitId: siteVisitInspectors.visitId, name: users.displayName })
    .from(siteVisitInspectors)
    .innerJoin(users, eq(users.id, siteVisitInspectors.userId))
    .where(inArray(siteVisitInspectors.visitId, visits.map((v) => v.id)))
    .all();
  return visits.map((v) => ({ ...v, team: team.filter((t) => t.visitId === v.id).map((t) => t.name) }));
}
