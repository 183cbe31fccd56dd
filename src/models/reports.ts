/**
 * 举报 (docs/rules.md § 举报): registered online or at the window/hotline without a complainant, routed to the
 * office of the work site, verified (核查) within REPORT_VERIFY_WORKING_DAYS, then filed as a case (the report
 * linked through case_sources) or closed with a result. The reporter's name and contact leave this module
 * unmasked only for the handling inspector and the office's supervisor (劳动保障监察条例 第九条); a case filed from a
 * report carries none of them. Also the office's own findings (日常巡视、专项检查、书面审查): cases without a complainant.
 */
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { caseSources, cases, offices, reportSequences, reports, users } from "../db/schema.js";
import type { Viewer } from "../domain/case-abilities.js";
import { shanghaiDate, yearOf } from "../domain/dates.js";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import {
  CASE_SOURCE_LABELS,
  maskContact,
  maskName,
  mayAssignReport,
  mayDecideReport,
  mayReadReport,
  maySeeReporter,
  REPORT_CHANNEL_LABELS,
  REPORT_STATE_LABELS,
  type CaseSource,
  type FindingSource,
} from "../domain/reports.js";
import type { ReportValue } from "../forms/report-form.js";
import { formatReportNumber, newQueryCode, normalizeQueryCode, normalizeReportNumber } from "../lib/ids.js";
import { loadCalendar } from "./calendar.js";
import { registerCase, transition, type CaseInput } from "./cases.js";
import { routeWorkSite } from "./offices.js";

type ReportRow = typeof reports.$inferSelect;

/**
 * Registers a report. An online form's token makes it idempotent: the same form sent again returns the report it
 * already made (docs/rules.md § Hostile input and failure).
 */
export function submitReport(db: Db, value: ReportValue, opts: { actorId: number | null; now: Date; verifyDays: number; filingToken?: string }) {
  const today = shanghaiDate(opts.now);
  const calendar = loadCalendar(db);
  return db.transaction((tx) => {
    if (opts.filingToken) {
      const earlier = tx
        .select({ id: reports.id, reportNumber: reports.reportNumber, queryCode: reports.queryCode })
        .from(reports)
        .where(eq(reports.filingToken, opts.filingToken))
        .get();
      if (earlier) return earlier;
    }
    const routing = routeWorkSite(tx, value.district);
    if (!routing.ok) throw new ValidationError(routing.problem, "district");
    const year = yearOf(today);
    const { last } = tx
      .insert(reportSequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: reportSequences.year, set: { last: sql`${reportSequences.last} + 1` } })
      .returning({ last: reportSequences.last })
      .get();
    return tx
      .insert(reports)
      .values({
        ...value,
        reportNumber: formatReportNumber(year, last),
        queryCode: newQueryCode(),
        filingToken: opts.filingToken ?? null,
        receivedOn: today,
        divisionId: routing.division.id,
        officeId: routing.office.id,
        registeredById: opts.actorId,
        state: "verifying",
        verifyDueOn: calendar.addWorkingDays(today, opts.verifyDays).date,
        createdAt: opts.now,
      })
      .returning({ id: reports.id, reportNumber: reports.reportNumber, queryCode: reports.queryCode })
      .get();
  });
}

/** The receipt of the report an online form's token made (the receipt page after post/redirect/get). */
export function reportByToken(db: Db, token: string) {
  return db
    .select({ reportNumber: reports.reportNumber, queryCode: reports.queryCode, receivedOn: reports.receivedOn, verifyDueOn: reports.verifyDueOn })
    .from(reports)
    .where(eq(reports.filingToken, token))
    .get();
}

/** The reporter as this viewer may see them: whole for the handling inspector and the office supervisor, masked otherwise. */
function reporterFor(r: Pick<ReportRow, "officeId" | "inspectorId" | "reporterName" | "reporterContact">, viewer: Viewer) {
  const anonymous = r.reporterName === null && r.reporterContact === null;
  if (maySeeReporter(r, viewer)) return { anonymous, name: r.reporterName ?? (anonymous ? "匿名" : ""), contact: r.reporterContact ?? "", masked: false };
  return { anonymous, name: maskName(r.reporterName), contact: maskContact(r.reporterContact), masked: true };
}

/** The reports list: the viewer's office (the city's supervisors: every office), those under 核查 first by due date. */
export function listReports(db: Db, viewer: Viewer, today: string) {
  const everyOffice = viewer.role === "supervisor" && viewer.cityWide;
  const rows = db
    .select({
      id: reports.id,
      reportNumber: reports.reportNumber,
      channel: reports.channel,
      receivedOn: reports.receivedOn,
      employerName: reports.employerName,
      district: reports.district,
      state: reports.state,
      verifyDueOn: reports.verifyDueOn,
      officeId: reports.officeId,
      inspectorId: reports.inspectorId,
      reporterName: reports.reporterName,
      reporterContact: reports.reporterContact,
      office: offices.name,
      inspector: users.displayName,
    })
    .from(reports)
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .leftJoin(users, eq(users.id, reports.inspectorId))
    .where(everyOffice ? undefined : eq(reports.officeId, viewer.officeId ?? -1))
    .orderBy(sql`${reports.state} <> 'verifying'`, asc(reports.verifyDueOn), desc(reports.id))
    .limit(200)
    .all();
  return rows.map(({ reporterName, reporterContact, ...r }) => ({
    ...r,
    reporter: reporterFor({ ...r, reporterName, reporterContact }, viewer),
    channelText: REPORT_CHANNEL_LABELS[r.channel],
    stateText: REPORT_STATE_LABELS[r.state],
    overdue: r.state === "verifying" && r.verifyDueOn < today,
  }));
}

function reportRow(db: Db, id: number): ReportRow {
  const row = Number.isInteger(id) ? db.select().from(reports).where(eq(reports.id, id)).get() : undefined;
  if (!row) throw new NotFoundError("举报不存在。");
  return row;
}

/** Who a report concerns (its office, its handling inspector): what the permission rules read, before any form is. */
export function reportParties(db: Db, id: number) {
  const { officeId, inspectorId } = reportRow(db, id);
  return { officeId, inspectorId };
}

/** One report for its page, with what this viewer may do on it. */
export function getReport(db: Db, id: number, viewer: Viewer) {
  const { reporterName, reporterContact, filingToken: _token, ...r } = reportRow(db, id);
  if (!mayReadReport(r, viewer)) throw new ForbiddenError("举报由用工所在地的监察机构核查，您不能查看此举报。");
  const names = db
    .select({ office: offices.name, inspector: users.displayName })
    .from(offices)
    .leftJoin(users, eq(users.id, sql`${r.inspectorId}`))
    .where(eq(offices.id, r.officeId))
    .get();
  const caseNumber = r.caseId ? db.select({ n: cases.caseNumber }).from(cases).where(eq(cases.id, r.caseId)).get()?.n : null;
  const open = r.state === "verifying";
  return {
    report: {
      ...r,
      channelText: REPORT_CHANNEL_LABELS[r.channel],
      stateText: REPORT_STATE_LABELS[r.state],
      office: names?.office ?? "",
      inspector: names?.inspector ?? null,
      caseNumber,
    },
    reporter: reporterFor({ ...r, reporterName, reporterContact }, viewer),
    can: { assign: open && mayAssignReport(r, viewer), decide: open && r.inspectorId !== null && mayDecideReport(r, viewer) },
    inspectors: mayAssignReport(r, viewer) ? officeInspectors(db, r.officeId) : [],
  };
}

/** The active inspectors who may verify a report of this office: its own and the city office's. */
function officeInspectors(db: Db, officeId: number) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(offices, eq(offices.id, users.officeId))
    .where(and(eq(users.role, "inspector"), eq(users.active, true), or(eq(users.officeId, officeId), eq(offices.kind, "city"))))
    .orderBy(asc(users.displayName))
    .all();
}

function step(db: Db, id: number, version: number, actor: Viewer, may: (r: ReportRow, v: Viewer) => boolean, refusal: string) {
  const r = reportRow(db, id);
  if (!may(r, actor)) throw new ForbiddenError(refusal);
  if (r.state !== "verifying") throw new ValidationError(`此举报已${REPORT_STATE_LABELS[r.state]}，不能再操作。`);
  if (r.version !== version) throw new ConflictError("此举报刚被他人处理过，请刷新页面后再操作。");
  return r;
}

export function assignReport(db: Db, req: { id: number; inspectorId: number; version: number; actor: Viewer; now: Date }) {
  db.transaction(() => {
    const r = step(db, req.id, req.version, req.actor, mayAssignReport, "核查监察员由举报所在监察机构的科长指派。");
    if (!officeInspectors(db, r.officeId).some((i) => i.id === req.inspectorId)) throw new ValidationError("请选择本机构或市本级的在岗监察员", "inspectorId");
    db.update(reports)
      .set({ inspectorId: req.inspectorId, version: r.version + 1 })
      .where(eq(reports.id, r.id))
      .run();
  });
}

/** 核查 ended without a case: the result the reporter reads on the lookup. */
export function closeReport(db: Db, req: { id: number; result: string; version: number; actor: Viewer; now: Date }) {
  db.transaction(() => {
    const r = step(db, req.id, req.version, req.actor, mayDecideReport, "只有核查此举报的监察员或科长可以办结核查。");
    db.update(reports)
      .set({ state: "closed", result: req.result, decidedOn: shanghaiDate(req.now), decidedById: req.actor.id, version: r.version + 1 })
      .where(eq(reports.id, r.id))
      .run();
  });
}

/** A case without a complainant, with its source; registered by `actor` at the office of the work site, all or nothing. */
function registerSourcedCase(
  db: Db,
  input: Pick<CaseInput, "channel" | "facts" | "claim" | "employerName" | "employerAddress" | "district">,
  source: { source: CaseSource; reportId: number | null; note: string },
  opts: { actor: Viewer; now: Date; acknowledgeDays: number },
) {
  const created = registerCase(
    db,
    {
      ...input,
      platformClueNo: null,
      receivedOn: shanghaiDate(opts.now),
      employerUscc: null,
      employerLegalRep: "",
      isConstruction: false,
      projectName: "",
      projectAddress: "",
      generalContractor: "",
      subcontractor: "",
      teamLeader: "",
      workers: [],
    },
    { actorId: opts.actor.id, now: opts.now, acknowledgeDays: opts.acknowledgeDays },
  );
  db.insert(caseSources)
    .values({ caseId: created.id, ...source })
    .run();
  return created;
}

/**
 * 立案 from a report: a case without a complainant, its facts what the reporter saw (never who they are), the
 * handling inspector as its lead, filed the same day (受理并立案), and the report linked to it.
 */
export function fileReport(db: Db, req: { id: number; note: string; version: number; actor: Viewer; now: Date; acknowledgeDays: number }) {
  return db.transaction(() => {
    const r = step(db, req.id, req.version, req.actor, mayDecideReport, "只有核查此举报的监察员或科长可以立案。");
    const created = registerSourcedCase(
      db,
      {
        channel: "report",
        facts: r.whatSeen,
        claim: "依法查处举报反映的违反劳动保障法律的行为",
        employerName: r.employerName,
        employerAddress: r.employerAddress,
        district: r.district,
      },
      { source: "report", reportId: r.id, note: "" },
      { actor: req.actor, now: req.now, acknowledgeDays: req.acknowledgeDays },
    );
    db.update(cases).set({ leadInspectorId: r.inspectorId, assignedAt: req.now }).where(eq(cases.id, created.id)).run();
    transition(db, {
      caseId: created.id,
      move: "file",
      note: `举报 ${r.reportNumber} 经核查立案。${req.note}`.trim(),
      version: 1,
      actor: req.actor,
      now: req.now,
    });
    db.update(reports)
      .set({
        state: "filed",
        caseId: created.id,
        result: "经核查，已立案查处。",
        decidedOn: shanghaiDate(req.now),
        decidedById: req.actor.id,
        version: r.version + 1,
      })
      .where(eq(reports.id, r.id))
      .run();
    return created;
  });
}

/** 日常巡视、专项检查、书面审查: a case the office found itself, registered without a complainant. */
export function registerFinding(
  db: Db,
  req: { source: FindingSource; sourceNote: string; employerName: string; employerAddress: string; district: string; facts: string },
  opts: { actor: Viewer; now: Date; acknowledgeDays: number },
) {
  return db.transaction(() =>
    registerSourcedCase(
      db,
      {
        channel: "patrol",
        facts: req.facts,
        claim: "依法查处发现的违反劳动保障法律的行为",
        employerName: req.employerName,
        employerAddress: req.employerAddress,
        district: req.district,
      },
      { source: req.source, reportId: null, note: req.sourceNote },
      opts,
    ),
  );
}

/** Where a case without a complainant came from, for its page: the source, and the report's number (never its reporter). */
export function caseSourceOf(db: Db, caseId: number) {
  const row = db
    .select({ source: caseSources.source, note: caseSources.note, reportId: caseSources.reportId, reportNumber: reports.reportNumber })
    .from(caseSources)
    .leftJoin(reports, eq(reports.id, caseSources.reportId))
    .where(eq(caseSources.caseId, caseId))
    .get();
  return row ? { ...row, sourceText: CASE_SOURCE_LABELS[row.source] } : null;
}

/** What the reporter sees with the report's number and query code: no names, no case details beyond the outcome. */
export function findReportForPublic(db: Db, number: string, queryCode: string) {
  const reportNumber = normalizeReportNumber(number);
  if (!reportNumber) return null;
  const r = db
    .select({
      reportNumber: reports.reportNumber,
      state: reports.state,
      receivedOn: reports.receivedOn,
      verifyDueOn: reports.verifyDueOn,
      decidedOn: reports.decidedOn,
      result: reports.result,
      office: offices.name,
      officePhone: offices.phone,
    })
    .from(reports)
    .innerJoin(offices, eq(offices.id, reports.officeId))
    .where(and(eq(reports.reportNumber, reportNumber), eq(reports.queryCode, normalizeQueryCode(queryCode))))
    .get();
  return r ? { ...r, stateText: REPORT_STATE_LABELS[r.state] } : null;
}
