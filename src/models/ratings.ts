/**
 * 好差评 (docs/rules.md § 好差评): the worker rates a closed case from the public lookup, a 差评 opens a 回访 for the
 * office's supervisor, the 回访 is recorded with its 整改, and the answer goes back to the public lookup. The
 * satisfaction figures (per office, per inspector; 差评回访率, 整改率) read case_ratings_office_rated_idx.
 */
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { caseRatings, caseWorkers, cases, offices, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { isOpen } from "../domain/case-states.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  followupProblems,
  isPoorRating,
  lastChangeDay,
  RATING_LEVEL_LABELS,
  RATING_REASON_LABELS,
  ratingProblem,
  satisfactionRates,
  type FollowupInput,
  type RatingLevel,
  type RatingReason,
  type SatisfactionCounts,
} from "../domain/ratings.js";
import { normalizeCaseNumber, normalizeQueryCode } from "../lib/ids.js";
import { loadCalendar } from "./calendar.js";
import { addEvent } from "./cases.js";
import { inOffices, type OfficeIds } from "./dashboard.js";

export interface RatingInput {
  level: RatingLevel;
  reasons: RatingReason[];
  comment: string;
}

export interface RatingSettings {
  changeDays: number;
  followupDays: number;
}

/** Same words for a wrong code and an unknown number, as on the lookup (nobody probes which cases exist). */
const NOT_FOUND = "没有查到对应的案件，请核对回执上的案件编号和查询码。";

function caseByCode(db: DbOrTx, caseNumber: string, queryCode: string) {
  const row = db
    .select({ id: cases.id, state: cases.state, officeId: cases.officeId, leadInspectorId: cases.leadInspectorId })
    .from(cases)
    .where(and(eq(cases.caseNumber, normalizeCaseNumber(caseNumber)), eq(cases.queryCode, normalizeQueryCode(queryCode))))
    .get();
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

/** Which complainant is rating: the only one, or in a group complaint the one whose phone was typed. */
function raterOf(db: DbOrTx, caseId: number, phone: string): number {
  const workers = db.select({ id: caseWorkers.id }).from(caseWorkers).where(eq(caseWorkers.caseId, caseId)).all();
  if (workers.length === 0) throw new ValidationError("此案件没有登记投诉人，不能评价。");
  if (workers.length === 1) return workers[0]!.id;
  // The phone is compared in the query and never read back.
  const match = db
    .select({ id: caseWorkers.id })
    .from(caseWorkers)
    .where(and(eq(caseWorkers.caseId, caseId), eq(caseWorkers.phone, phone.replace(/\D/g, ""))))
    .get();
  if (!match) throw new ValidationError("集体投诉请填写您登记时留的手机号码，以区分每位劳动者的评价", "phone");
  return match.id;
}

/**
 * Rates (or, within the change period, re-rates) a closed case. A 差评 opens the 回访 with its due date the first
 * time; a later change leaves an opened 回访 in place (it is still owed).
 */
export function rateCase(db: Db, req: { caseNumber: string; queryCode: string; phone: string; input: RatingInput; settings: RatingSettings; now: Date }) {
  const today = shanghaiDate(req.now);
  const calendar = loadCalendar(db);
  return db.transaction((tx) => {
    const c = caseByCode(tx, req.caseNumber, req.queryCode);
    const workerId = raterOf(tx, c.id, req.phone);
    const earlier = tx
      .select()
      .from(caseRatings)
      .where(and(eq(caseRatings.caseId, c.id), eq(caseRatings.workerId, workerId)))
      .get();
    const refused = ratingProblem({ caseClosed: !isOpen(c.state), firstRatedOn: earlier?.firstRatedOn ?? null, today, changeDays: req.settings.changeDays });
    if (refused) throw new ValidationError(refused);
    const opensFollowup = isPoorRating(req.input.level) && !earlier?.followupOpenedOn;
    const fields = {
      level: req.input.level,
      reasons: req.input.reasons.join(","),
      comment: req.input.comment,
      ratedOn: today,
      ratedAt: req.now,
      ...(opensFollowup ? { followupOpenedOn: today, followupDueOn: calendar.addWorkingDays(today, req.settings.followupDays).date } : {}),
    };
    if (earlier) {
      tx.update(caseRatings)
        .set({ ...fields, version: earlier.version + 1 })
        .where(eq(caseRatings.id, earlier.id))
        .run();
    } else {
      tx.insert(caseRatings)
        .values({ ...fields, caseId: c.id, workerId, officeId: c.officeId!, inspectorId: c.leadInspectorId, firstRatedOn: today })
        .run();
    }
    addEvent(tx, {
      caseId: c.id,
      actorId: null,
      action: "rate",
      note: `劳动者${earlier ? "修改评价为" : "评价"}“${RATING_LEVEL_LABELS[req.input.level]}”${opensFollowup ? `，差评回访期限 ${fields.followupDueOn}` : ""}`,
      now: req.now,
    });
    return { caseId: c.id };
  });
}

/** What the public lookup shows of a case's ratings: each level, when, and the office's answer — never a name. */
export function publicRatingsOf(db: Db, caseId: number, today: IsoDate, changeDays: number) {
  return db
    .select({
      level: caseRatings.level,
      reasons: caseRatings.reasons,
      firstRatedOn: caseRatings.firstRatedOn,
      ratedOn: caseRatings.ratedOn,
      followupDueOn: caseRatings.followupDueOn,
      followupDoneOn: caseRatings.followupDoneOn,
      answer: caseRatings.answer,
      rectification: caseRatings.rectification,
      justified: caseRatings.justified,
    })
    .from(caseRatings)
    .where(eq(caseRatings.caseId, caseId))
    .orderBy(asc(caseRatings.id))
    .all()
    .map((r) => ({
      ...r,
      levelText: RATING_LEVEL_LABELS[r.level],
      reasonsText: reasonsText(r.reasons),
      changeableUntil: today <= lastChangeDay(r.firstRatedOn, changeDays) ? lastChangeDay(r.firstRatedOn, changeDays) : null,
    }));
}

export function reasonsText(reasons: string): string {
  return reasons
    .split(",")
    .filter(Boolean)
    .map((r) => RATING_REASON_LABELS[r as RatingReason] ?? r)
    .join("、");
}

/** The 回访 of a 差评 is the office's supervisor's; the city office's supervisors may take it on too. */
export function mayFollowUp(viewer: Viewer | null, officeId: number): boolean {
  return viewer?.role === "supervisor" && (viewer.officeId === officeId || viewer.cityWide);
}

/** Records the 回访 of a case's 差评 (one form per rating, carrying its version). */
export function recordFollowup(db: Db, req: { caseId: number; ratingId: number; version: number; input: FollowupInput; actor: Viewer; now: Date }) {
  const today = shanghaiDate(req.now);
  return db.transaction((tx) => {
    const r = tx
      .select()
      .from(caseRatings)
      .where(and(eq(caseRatings.id, req.ratingId), eq(caseRatings.caseId, req.caseId)))
      .get();
    if (!r) throw new NotFoundError("没有这条评价。");
    if (!mayFollowUp(req.actor, r.officeId)) throw new ForbiddenError("差评回访由案件所在监察机构的科长办理。");
    if (!r.followupOpenedOn) throw new ValidationError("这条评价不是差评，无需回访。");
    if (r.followupDoneOn) throw new ValidationError("这条差评已经回访过。");
    if (r.version !== req.version) throw new ValidationError("评价刚被劳动者修改过，请刷新页面后再填写。");
    const problems = followupProblems(req.input, r.ratedOn, today);
    const first = Object.entries(problems)[0];
    if (first) throw new ValidationError(first[1], first[0]);
    const { input } = req;
    tx.update(caseRatings)
      .set({
        followupDoneOn: today,
        followupById: req.actor.id,
        calledOn: input.calledOn,
        reached: input.reached,
        findings: input.findings,
        justified: input.reached ? input.justified : null,
        rectification: input.justified ? input.rectification : null,
        answer: input.answer,
        version: r.version + 1,
      })
      .where(eq(caseRatings.id, r.id))
      .run();
    addEvent(tx, {
      caseId: r.caseId,
      actorId: req.actor.id,
      action: "followup",
      note: `差评回访：${input.reached ? "已联系上劳动者" : "未联系上劳动者"}${input.justified ? "，问题属实，已整改" : input.reached ? "，问题不属实，已解释说明" : ""}`,
      publicStep: "差评已回访，答复见评价",
      now: req.now,
    });
  });
}

/** A case's ratings for the staff who work it (the case page's section): with the 回访 form's data. */
export function caseRatingsOf(db: Db, caseId: number) {
  return db
    .select({
      id: caseRatings.id,
      version: caseRatings.version,
      officeId: caseRatings.officeId,
      worker: caseWorkers.name,
      level: caseRatings.level,
      reasons: caseRatings.reasons,
      comment: caseRatings.comment,
      ratedOn: caseRatings.ratedOn,
      followupDueOn: caseRatings.followupDueOn,
      followupDoneOn: caseRatings.followupDoneOn,
      calledOn: caseRatings.calledOn,
      reached: caseRatings.reached,
      findings: caseRatings.findings,
      justified: caseRatings.justified,
      rectification: caseRatings.rectification,
      answer: caseRatings.answer,
      followupBy: users.displayName,
    })
    .from(caseRatings)
    .innerJoin(caseWorkers, eq(caseWorkers.id, caseRatings.workerId))
    .leftJoin(users, eq(users.id, caseRatings.followupById))
    .where(eq(caseRatings.caseId, caseId))
    .orderBy(asc(caseRatings.id))
    .all()
    .map((r) => ({ ...r, levelText: RATING_LEVEL_LABELS[r.level], reasonsText: reasonsText(r.reasons), isPoor: isPoorRating(r.level) }));
}

/** The supervisors' 回访 list: the offices' 差评, open ones first by due date, then the latest done. */
export function listFollowups(db: Db, officeIds: OfficeIds, today: IsoDate) {
  const rows = db
    .select({
      ratingId: caseRatings.id,
      caseId: caseRatings.caseId,
      caseNumber: cases.caseNumber,
      office: offices.name,
      level: caseRatings.level,
      reasons: caseRatings.reasons,
      comment: caseRatings.comment,
      ratedOn: caseRatings.ratedOn,
      dueOn: caseRatings.followupDueOn,
      doneOn: caseRatings.followupDoneOn,
      justified: caseRatings.justified,
    })
    .from(caseRatings)
    .innerJoin(cases, eq(cases.id, caseRatings.caseId))
    .innerJoin(offices, eq(offices.id, caseRatings.officeId))
    .where(and(inOffices(officeIds, "case_ratings.office_id"), isNotNull(caseRatings.followupDueOn)))
    .orderBy(sql`${caseRatings.followupDoneOn} is not null`, asc(caseRatings.followupDueOn), desc(caseRatings.followupDoneOn))
    .limit(200)
    .all();
  return rows.map((r) => ({ ...r, levelText: RATING_LEVEL_LABELS[r.level], reasonsText: reasonsText(r.reasons), overdue: !r.doneOn && r.dueOn! < today }));
}

interface CountRow extends SatisfactionCounts {
  key: number | null;
  name: string | null;
}

const COUNTS = sql`count(*) as rated,
  sum(case_ratings.level in ('verySatisfied', 'satisfied', 'basicallySatisfied')) as good,
  sum(case_ratings.level in ('dissatisfied', 'veryDissatisfied')) as poor,
  sum(case_ratings.followup_done_on is not null) as followedUp,
  sum(case_ratings.justified = 1) as justified,
  sum(case_ratings.justified = 1 and case_ratings.rectification is not null) as rectified`;

const withRates = (r: CountRow) => ({ ...r, ...satisfactionRates(r) });

/** Satisfaction per office and per inspector for ratings given in the period (by their latest date). */
export function satisfactionFigures(db: Db, p: { from: IsoDate; to: IsoDate }, officeIds: OfficeIds) {
  const where = sql`${inOffices(officeIds, "case_ratings.office_id")} and case_ratings.rated_on between ${p.from} and ${p.to}`;
  const byOffice = db.all<CountRow>(sql`select case_ratings.office_id as key, offices.name as name, ${COUNTS}
    from case_ratings indexed by case_ratings_office_rated_idx join offices on offices.id = case_ratings.office_id
    where ${where} group by 1 order by 1`);
  const byInspector = db.all<CountRow>(sql`select case_ratings.inspector_id as key, users.display_name as name, ${COUNTS}
    from case_ratings indexed by case_ratings_office_rated_idx left join users on users.id = case_ratings.inspector_id
    where ${where} group by 1 order by 2`);
  const total = byOffice.reduce<SatisfactionCounts>(
    (t, r) => ({
      rated: t.rated + r.rated,
      good: t.good + r.good,
      poor: t.poor + r.poor,
      followedUp: t.followedUp + r.followedUp,
      justified: t.justified + r.justified,
      rectified: t.rectified + r.rectified,
    }),
    { rated: 0, good: 0, poor: 0, followedUp: 0, justified: 0, rectified: 0 },
  );
  const openFollowups = db.get<{ n: number; overdue: number }>(sql`select count(*) as n, coalesce(sum(case_ratings.followup_due_on < ${p.to}), 0) as overdue
    from case_ratings indexed by case_ratings_followup_idx
    where ${inOffices(officeIds, "case_ratings.office_id")} and case_ratings.followup_due_on is not null and case_ratings.followup_done_on is null`);
  return {
    total: { ...total, ...satisfactionRates(total) },
    byOffice: byOffice.map(withRates),
    byInspector: byInspector.map((r) => withRates({ ...r, name: r.name ?? "（未分配）" })),
    openFollowups,
  };
}
export type SatisfactionFigures = ReturnType<typeof satisfactionFigures>;
