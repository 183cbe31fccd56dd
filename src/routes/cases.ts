import { lookupAddress } from "../http/lookup-address.js";
import { untilChanged } from "../models/until-changed.js";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { OUTCOME_LABELS, STATE_LABELS, type Outcome } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { caseListScope, staffAbilities } from "../domain/case-abilities.js";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS } from "../domain/service.js";
import { getDocumentService } from "../models/document-services.js";
import { CHANNELS, CHANNEL_LABELS } from "../domain/reference-data.js";
import { parseCaseFilters, filtersQuery } from "../forms/case-filters.js";
import { formValues, type FieldErrors } from "../forms/form.js";
import { parseIntake, readIntakeValues, type IntakeValues } from "../forms/intake-form.js";
import { parseRoster } from "../forms/roster.js";
import { renderPageOrPartial } from "../http/render.js";
import { EVIDENCE_EXTENSIONS, formatBytes, keepUploads, rejectionMessage, toStoredFile, uploadedFiles } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { PROVISIONAL_NOTE, caseClocks, clockHistory } from "../domain/clocks.js";
import { loadCalendar } from "../models/calendar.js";
import { actOnCase, caseIdOf, renderCasePage, requireCaseWork, viewerOf, type CaseProblem } from "../http/case-page.js";
import {
  abilitiesOn,
  addEvidence,
  assignInspectors,
  extendStatutoryDeadline,
  getCaseDetail,
  getCaseRow,
  getEvidenceFile,
  inspectorWorkloads,
  registerCase,
  transition,
  voidEvidence,
} from "../models/cases.js";
import { listCases, remindersFor } from "../models/case-list.js";
import { CASE_NOTICES, CASE_NOTICE_KINDS, SUPPLEMENT_CONSEQUENCE, SUPPLEMENT_DAYS } from "../domain/legal-basis.js";
import { noticeServiceOfCase } from "../sections/notice-services.js";
import { issueNoticeMove, latestCaseNotice } from "../models/case-notices.js";
import { inspectorFigures } from "../models/dashboard.js";
import { recordSiteVisit } from "../models/site-visits.js";
import { rejectComplaint } from "../models/rejections.js";
import { parseVisitForm } from "../forms/visit-form.js";
import { getOffice, officesOfPage, workSiteChoices } from "../models/offices.js";
import { idParam } from "../http/params.js";

const caseId = caseIdOf;

export function casesRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const showCase = (res: Response, id: number, status?: number, problem?: CaseProblem | null) => renderCasePage(ctx, res, id, status, problem);
  const act = (req: Request, res: Response, form: string, change: () => void | Promise<void>) => actOnCase(ctx, req, res, form, change);
  const { upload } = ctx;
  const policy = { inspectorsReadAll: config.inspectorsReadAll };
  const staff = requireRole("clerk", "inspector", "supervisor");
  const intakeStaff = requireRole("clerk", "supervisor");
  const working = requireCaseWork(ctx);

  // ---- Workbench ----------------------------------------------------------------------------

  router.get("/cases", staff, ctx.pageCache.keep, (req, res) => {
    const viewer = viewerOf(res);
    const filters = parseCaseFilters(req.query);
    const scope = caseListScope(viewer, policy, filters.everyCase);
    const may = staffAbilities(viewer, policy);
    const result = listCases(db, scope, filters, res.locals.today);
    const data = {
      result,
      filters,
      pageLink: (page: number) => `/cases${filtersQuery(filters, page)}`,
      stateLabels: STATE_LABELS,
      outcomeLabels: OUTCOME_LABELS,
      clockStatusLabels: CLOCK_STATUS_LABELS,
      channelLabels: CHANNEL_LABELS,
      channels: CHANNELS,
      districts: workSiteChoices(db).flatMap((g) => g.divisions),
      offices: may.everyOffice ? officesOfPage(db) : [],
      scope,
      may,
      inspectors: may.assignCases ? inspectorWorkloads(db, scope.kind === "all" ? scope.officeId : null) : [],
      reminders: may.seeReminders ? remindersFor(db, scope, res.locals.today) : null,
      // An inspector's own figures this month: the same numbers the supervisors' dashboard shows for them.
      myFigures:
        scope.kind === "assigned"
          ? untilChanged(
              db,
              `inspectorFigures:${scope.inspectorId}:${res.locals.today}`,
              () => inspectorFigures(db, res.locals.today, { inspectorId: scope.inspectorId })[0] ?? null,
            )
          : null,
      supervision: may,
      exportQuery: filtersQuery(filters, 1).replace(/^\?/, ""),
    };
    renderPageOrPartial(res, "cases/index", "cases/_results", data);
  });

  // ---- Intake -------------------------------------------------------------------------------

  function renderIntake(res: Response, status: number, values: IntakeValues, errors: FieldErrors, notice: string | null = null) {
    res.status(status).render("cases/new", {
      values,
      errors,
      notice,
      channels: CHANNELS,
      channelLabels: CHANNEL_LABELS,
      workSites: workSiteChoices(db),
      evidenceAccept: EVIDENCE_EXTENSIONS,
      evidenceMax: formatBytes(config.evidenceMaxBytes),
    });
  }

  const workSites = () => workSiteChoices(db).flatMap((g) => g.divisions);
  const blankIntake = (today: string): IntakeValues => ({ fields: { channel: "window", receivedOn: today }, workers: [{}], representative: 0 });

  router.get("/cases/new", intakeStaff, (_req, res) => {
    renderIntake(res, 200, blankIntake(res.locals.today), {});
  });

  // htmx: one more worker row (and the add button, renumbered, swapped out of band).
  router.get("/cases/new/worker-row", intakeStaff, (req, res) => {
    const index = Math.max(0, Math.min(Number(req.query.index) || 0, 999));
    res.render("cases/_worker-row", { index, w: {}, errors: {}, representative: -1, withAddButton: true });
  });

  router.post("/cases", intakeStaff, upload.any(), async (req, res) => {
    const files = uploadedFiles(req);
    const values = readIntakeValues(req.body);
    const intent = formValues(req.body).intent ?? "submit";
    // The form shown again: the upload middleware deletes this request's files once the page is sent.
    const showAgain = (status: number, errors: FieldErrors, notice: string | null = null) => {
      const evidenceFiles = files.filter((f) => f.field === "evidence" && !f.rejected);
      const reselect = intent === "submit" && evidenceFiles.length ? "证据文件未保存，请重新选择后提交。" : null;
      renderIntake(res, status, values, errors, [notice, reselect].filter(Boolean).join(" ") || null);
    };

    if (intent === "addWorker") {
      values.workers.push({});
      return showAgain(200, {});
    }
    if (intent === "preview") {
      const roster = files.find((f) => f.field === "roster");
      const rejected = rejectionMessage(roster ? [roster] : [], 5 * 1024 * 1024);
      if (!roster) return showAgain(422, { roster: "请选择名单文件（CSV 或 XLSX）" });
      if (rejected) return showAgain(422, { roster: rejected });
      const parsed = await parseRoster(roster.originalName, await readFile(roster.path));
      if (!parsed.ok) return showAgain(422, { roster: parsed.error });
      values.workers = parsed.workers;
      values.representative = 0;
      const check = parseIntake(values, res.locals.today, workSites());
      const rowErrors = check.ok ? {} : Object.fromEntries(Object.entries(check.errors).filter(([k]) => k.startsWith("workers")));
      const bad = new Set(
        Object.keys(rowErrors)
          .filter((k) => k !== "workers")
          .map((k) => k.split(".")[1]),
      ).size;
      const summary = `已从“${roster.originalName}”读入 ${parsed.workers.length} 名投诉人${bad ? `，其中 ${bad} 行有误（已标红），请修改后再登记` : "，请核对后登记"}。尚未保存。`;
      return showAgain(bad ? 422 : 200, rowErrors, summary);
    }

    const form = parseIntake(values, res.locals.today, workSites());
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const evidenceFiles = files.filter((f) => f.field === "evidence");
    const rejected = rejectionMessage(evidenceFiles, config.evidenceMaxBytes);
    if (rejected) errors.evidence = rejected;
    if (!form.ok || rejected) return showAgain(422, errors);
    // Any window registers any complaint; the work site decides the office ("一点投诉、全市联动").
    const created = registerCase(db, form.value, {
      actorId: res.locals.user!.id,
      now: now(),
      files: evidenceFiles.map(toStoredFile),
      acknowledgeDays: config.acknowledgeDays,
    });
    keepUploads(req, evidenceFiles);
    res.redirect(303, `/cases/${created.id}/receipt?new=1`);
  });

  // ---- The case page ------------------------------------------------------------------------

  router.get("/cases/:id", staff, ctx.pageCache.keep, (req, res) => {
    showCase(res, caseId(req));
  });

  router.post("/cases/:id/moves", staff, working, async (req, res) => {
    const v = formValues(req.body);
    await act(req, res, `move-${v.move}`, () => {
      if (v.move === "reject") {
        return rejectComplaint(db, {
          caseId: caseId(req),
          note: v.note ?? "",
          ground: v.ground ?? "",
          basisText: v.basisText ?? "",
          version: Number(v.version),
          actor: viewerOf(res),
          now: now(),
          prefixes: config.authority.caseNoticePrefixes,
        });
      }
      if (v.move === "requestSupplement" || v.move === "redirect") {
        return issueNoticeMove(db, {
          caseId: caseId(req),
          move: v.move,
          outcome: (v.outcome || undefined) as Outcome | undefined,
          note: v.note ?? "",
          addressee: v.addressee ?? "",
          version: Number(v.version),
          actor: viewerOf(res),
          now: now(),
          prefixes: config.authority.caseNoticePrefixes,
        });
      }
      transition(db, {
        caseId: caseId(req),
        move: v.move ?? "",
        outcome: (v.outcome || undefined) as Outcome | undefined,
        note: v.note ?? "",
        version: Number(v.version),
        actor: viewerOf(res),
        now: now(),
      });
    });
  });

  router.post("/cases/:id/assign", requireRole("supervisor"), working, async (req, res) => {
    const v = formValues(req.body);
    await act(req, res, "assign", () =>
      assignInspectors(db, {
        caseId: caseId(req),
        leadId: Number(v.leadId),
        secondId: v.secondId ? Number(v.secondId) : null,
        version: Number(v.version),
        actor: viewerOf(res),
        now: now(),
      }),
    );
  });

  router.post("/cases/:id/extend", requireRole("supervisor"), working, async (req, res) => {
    const v = formValues(req.body);
    await act(req, res, "extend", () =>
      extendStatutoryDeadline(db, { caseId: caseId(req), reason: v.reason ?? "", version: Number(v.version), actor: viewerOf(res), now: now() }),
    );
  });

  router.post("/cases/:id/evidence", staff, working, upload.array("evidence", 20), async (req, res) => {
    const files = uploadedFiles(req);
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    const problem = rejected ?? (files.length === 0 ? "请选择要上传的文件" : null);
    if (problem) return showCase(res, caseId(req), 422, { message: problem, form: "evidence", errors: { evidence: problem }, values: formValues(req.body) });
    await act(req, res, "evidence", () => {
      addEvidence(db, {
        caseId: caseId(req),
        files: files.map(toStoredFile),
        description: formValues(req.body).description ?? "",
        actor: viewerOf(res),
        now: now(),
      });
      keepUploads(req, files);
    });
  });

  router.post("/cases/:id/evidence/:evidenceId/void", requireRole("inspector", "supervisor"), working, async (req, res) => {
    await act(req, res, "evidence", () =>
      voidEvidence(db, {
        caseId: caseId(req),
        evidenceId: idParam(req, "evidenceId"),
        reason: formValues(req.body).reason ?? "",
        actor: viewerOf(res),
        now: now(),
      }),
    );
  });

  router.post("/cases/:id/visits", requireRole("inspector", "supervisor"), working, upload.array("recordings", 10), async (req, res) => {
    const files = uploadedFiles(req);
    const c = getCaseRow(db, caseId(req));
    const form = parseVisitForm(req.body, { receivedOn: c.receivedOn, now: now() });
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    const refuse = (message: string, status = 422, errors: FieldErrors = {}) => {
      const reselect = files.some((f) => !f.rejected) ? "（录音录像未保存，请重新选择）" : "";
      const team = ([] as unknown[]).concat((req.body as Record<string, unknown> | undefined)?.inspectorIds ?? []).join(",");
      return showCase(res, c.id, status, { message: message + reselect, form: "visit", errors, values: { ...formValues(req.body), inspectorIds: team } });
    };
    if (!form.ok) return refuse(Object.values(form.errors).join("；"), 422, form.errors);
    if (rejected) return refuse(rejected, 422, { recordings: rejected });
    const v = formValues(req.body);
    try {
      recordSiteVisit(db, { caseId: c.id, version: Number(v.version), ...form.value, recordings: files.map(toStoredFile), actor: viewerOf(res), now: now() });
    } catch (err) {
      if (err instanceof DomainError && !(err instanceof ForbiddenError)) {
        const field = err instanceof ValidationError && err.field ? { [err.field]: err.message } : {};
        return refuse(err.message, err instanceof ValidationError ? 422 : err.status, field);
      }
      throw err;
    }
    keepUploads(req, files);
    res.redirect(303, `/cases/${c.id}#visits`);
  });

  router.get("/cases/:id/evidence/:evidenceId", staff, (req, res) => {
    const c = getCaseRow(db, caseId(req));
    if (!abilitiesOn(db, c, viewerOf(res), policy).openEvidence) throw new ForbiddenError("只读查询不能打开证据材料。");
    const file = getEvidenceFile(db, c.id, idParam(req, "evidenceId"));
    res.type(file.mimeType);
    res.attachment(file.originalName);
    res.sendFile(resolve(config.evidenceDir, file.storedName));
  });

  // ---- Printable documents ------------------------------------------------------------------

  router.get("/cases/:id/receipt", staff, async (req, res) => {
    const detail = getCaseDetail(db, caseId(req), { viewer: viewerOf(res), policy, page: "登记回执", now: now() });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    // The dates as the case page counts them, each marked 暂定 when an unpublished year is involved.
    const clocks = caseClocks({ ...detail.case, ...clockHistory(detail.events) }, loadCalendar(db), res.locals.today);
    const clock = (key: string) => clocks.find((k) => k.key === key)!;
    res.render("cases/receipt", {
      ...detail,
      c: detail.case,
      acceptance: clock("acceptance"),
      target: clock("target"),
      provisionalNote: PROVISIONAL_NOTE,
      bureau: config.bureau,
      // The office of the work site handles the case (属地管理): the worker is told which, and its phone.
      office: getOffice(db, detail.case.officeId!),
      channelLabels: CHANNEL_LABELS,
      justCreated: req.query.new === "1",
      lookup: await lookupAddress(config.publicBaseUrl, detail.case.caseNumber, detail.case.queryCode),
    });
  });

  // The latest notice of a kind (不予受理, 告知补正, 告知, 移送), with its number (docs/rules.md § Notices and records after acceptance).
  router.get("/cases/:id/notices/:kind", staff, (req, res) => {
    const kind = CASE_NOTICE_KINDS.find((k) => k === req.params.kind);
    const detail = getCaseDetail(db, caseId(req), { viewer: viewerOf(res), policy, page: null, now: now() });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    const notice = kind ? latestCaseNotice(db, detail.case.id, kind) : undefined;
    if (!kind || !notice) throw new ValidationError("该案件没有这份通知书。");
    res.render("cases/notice", {
      ...detail,
      office: getOffice(db, detail.case.officeId!),
      c: detail.case,
      kind,
      spec: CASE_NOTICES[kind],
      notice,
      supplementDays: SUPPLEMENT_DAYS,
      supplementConsequence: SUPPLEMENT_CONSEQUENCE,
      bureau: config.bureau,
    });
  });

  // The 送达回证 of a notice served on one complainant (docs/rules.md § Service of documents).
  router.get("/cases/:id/notices/:kind/services/:serviceId", staff, (req, res) => {
    const detail = getCaseDetail(db, caseId(req), { viewer: viewerOf(res), policy, page: null, now: now() });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    const found = getDocumentService(db, idParam(req, "serviceId"));
    const notice = found && noticeServiceOfCase(db, detail.case.id, found.s);
    if (!found || !notice || notice.kind !== req.params.kind) throw new NotFoundError("没有这条送达记录。");
    res.render("services/receipt", {
      s: found.s,
      recordedBy: found.recordedBy,
      documentTitle: CASE_NOTICES[notice.kind].title,
      serviceMethodLabels: SERVICE_METHOD_LABELS,
      publicNoticeDays: PUBLIC_NOTICE_DAYS,
      office: getOffice(db, detail.case.officeId!),
      back: `/cases/${detail.case.id}#notice-services`,
    });
  });

  return router;
}
