/**
 * 举报 (docs/rules.md § 举报): the public report form and its receipt, the window/hotline entry, the office's reports
 * with their 核查 (assign, 立案, close), and the cases the office finds itself (日常巡视、专项检查、书面审查).
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { createThrottle } from "../auth/rate-limit.js";
import { ConflictError, DomainError, ForbiddenError, TooManyRequestsError, ValidationError } from "../domain/errors.js";
import { CASE_SOURCE_LABELS, FINDING_SOURCES, mayAssignReport, mayDecideReport, REPORT_CHANNEL_LABELS, type ReportParties } from "../domain/reports.js";
import type { Viewer } from "../domain/case-abilities.js";
import { formValues, parseForm, type FieldErrors, type FormValues } from "../forms/form.js";
import { assignReportSchema, closeReportSchema, fileReportSchema, parseFinding, parsePublicReport, parseStaffReport } from "../forms/report-form.js";
import { viewerOf } from "../http/case-page.js";
import { idParam } from "../http/params.js";
import { readCookie } from "../middleware/session.js";
import { requireRole } from "../middleware/require-role.js";
import { isFilingToken, newFilingToken, RECEIPT_HOURS } from "../models/online-filings.js";
import { workSiteChoices } from "../models/offices.js";
import {
  assignReport,
  closeReport,
  fileReport,
  getReport,
  listReports,
  registerFinding,
  reportByToken,
  reportParties,
  submitReport,
} from "../models/reports.js";

const RECEIPT_COOKIE = "qx_report";

export function reportsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const staff = requireRole("clerk", "inspector", "supervisor");
  const investigators = requireRole("inspector", "supervisor");
  const sites = () => workSiteChoices(db).flatMap((g) => g.divisions);
  const reportThrottle = createThrottle(db, {
    name: "report",
    points: 5,
    windowSeconds: 60 * 60,
    message: (m) => `提交过于频繁，请 ${m} 分钟后再试，或拨打 12333 举报。`,
  });
  const everyoneReporting = createThrottle(db, {
    name: "report-everyone",
    points: config.onlineFilingPerHour,
    windowSeconds: 60 * 60,
    message: (m) => `网上举报一时提交的人较多，系统暂停受理约 ${m} 分钟，请稍后再试，或拨打 12333 举报。`,
  });

  // ---- Public report form --------------------------------------------------------------------

  const renderPublic = (res: Response, status: number, values: FormValues, errors: FieldErrors, filingToken: string) =>
    res.status(status).render("public/report", { values, errors, workSites: workSiteChoices(db), filingToken });

  router.get("/report", (_req, res) => {
    renderPublic(res, 200, {}, {}, newFilingToken());
  });

  router.post("/report", async (req, res) => {
    const values = formValues(req.body);
    const token = isFilingToken(values.filingToken) ? values.filingToken : newFilingToken();
    const form = parsePublicReport(req.body, sites());
    if (!form.ok) return renderPublic(res, 422, values, form.errors, token);
    // The same form sent again (a reload, a double tap) shows the receipt of the report it already made.
    if (!reportByToken(db, token)) {
      try {
        await reportThrottle.check(req.ip ?? "unknown");
        await everyoneReporting.check("all");
      } catch (err) {
        if (!(err instanceof TooManyRequestsError)) throw err;
        res.set("Retry-After", String(err.retryAfterSeconds));
        return renderPublic(res, 429, values, { _form: err.message }, token);
      }
      await reportThrottle.hit(req.ip ?? "unknown");
      await everyoneReporting.hit("all");
      submitReport(db, form.value, { actorId: null, now: now(), verifyDays: config.reportVerifyWorkingDays, filingToken: token });
    }
    res.cookie(RECEIPT_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: config.cookieSecure, path: "/report", maxAge: RECEIPT_HOURS * 3_600_000 });
    res.redirect(303, "/report/done");
  });

  router.get("/report/done", (req, res) => {
    const token = readCookie(req.headers.cookie, RECEIPT_COOKIE);
    const created = isFilingToken(token) ? reportByToken(db, token) : undefined;
    if (!created) return res.redirect(303, "/report");
    res.render("public/report-done", { created });
  });

  // ---- The office's reports ------------------------------------------------------------------

  router.get("/reports", staff, (_req, res) => {
    res.render("reports/index", { reports: listReports(db, viewerOf(res), res.locals.today) });
  });

  const renderNew = (res: Response, status: number, values: FormValues, errors: FieldErrors) =>
    res.status(status).render("reports/new", {
      values,
      errors,
      workSites: workSiteChoices(db),
      channels: [
        ["window", REPORT_CHANNEL_LABELS.window],
        ["hotline", REPORT_CHANNEL_LABELS.hotline],
      ],
    });

  router.get("/reports/new", staff, (_req, res) => {
    renderNew(res, 200, { channel: "window" }, {});
  });

  router.post("/reports", staff, (req, res) => {
    const form = parseStaffReport(req.body, sites());
    if (!form.ok) return renderNew(res, 422, form.values, form.errors);
    const created = submitReport(db, form.value, { actorId: res.locals.user!.id, now: now(), verifyDays: config.reportVerifyWorkingDays });
    res.redirect(303, `/reports/${created.id}`);
  });

  const showReport = (
    res: Response,
    id: number,
    status = 200,
    problem: { form: string; message: string; errors: FieldErrors; values: FormValues } | null = null,
  ) => res.status(status).render("reports/show", { ...getReport(db, id, viewerOf(res)), problem });

  router.get("/reports/:id", staff, (req, res) => {
    showReport(res, idParam(req));
  });

  /** Nobody who may not take this step gets past the door: refused before the form is read. */
  const mayStep = (may: (r: ReportParties, v: Viewer) => boolean, refusal: string) => (req: Request, res: Response, next: () => void) => {
    if (!may(reportParties(db, idParam(req)), viewerOf(res))) throw new ForbiddenError(refusal);
    next();
  };
  const assigning = mayStep(mayAssignReport, "核查监察员由举报所在监察机构的科长指派。");
  const deciding = mayStep(mayDecideReport, "只有核查此举报的监察员或本机构科长可以立案或办结核查。");

  /** A 核查 step; a refusal shows the report again with the reason beside its form. */
  const step = (form: string, change: (req: Request, res: Response, id: number) => string | undefined) => (req: Request, res: Response) => {
    const id = idParam(req);
    let next: string | undefined;
    try {
      next = change(req, res, id);
    } catch (err) {
      if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
      const errors = err instanceof ValidationError && err.field ? { [err.field]: err.message } : {};
      return showReport(res, id, err instanceof ConflictError ? 409 : 422, { form, message: err.message, errors, values: formValues(req.body) });
    }
    res.redirect(303, next ?? `/reports/${id}`);
  };

  const parsed = <T>(result: { ok: true; value: T } | { ok: false; errors: FieldErrors }): T => {
    if (!result.ok) {
      const [field, message] = Object.entries(result.errors)[0]!;
      throw new ValidationError(message, field);
    }
    return result.value;
  };

  router.post(
    "/reports/:id/assign",
    requireRole("supervisor"),
    assigning,
    step("assign", (req, res, id) => {
      const v = parsed(parseForm(assignReportSchema, req.body));
      assignReport(db, { id, inspectorId: v.inspectorId, version: v.version, actor: viewerOf(res), now: now() });
      return undefined;
    }),
  );

  router.post(
    "/reports/:id/file",
    investigators,
    deciding,
    step("file", (req, res, id) => {
      const v = parsed(parseForm(fileReportSchema, req.body));
      const created = fileReport(db, { id, note: v.note, version: v.version, actor: viewerOf(res), now: now(), acknowledgeDays: config.acknowledgeDays });
      return `/cases/${created.id}`;
    }),
  );

  router.post(
    "/reports/:id/close",
    investigators,
    deciding,
    step("close", (req, res, id) => {
      const v = parsed(parseForm(closeReportSchema, req.body));
      closeReport(db, { id, result: v.result, version: v.version, actor: viewerOf(res), now: now() });
      return undefined;
    }),
  );

  // ---- Cases the office finds itself ---------------------------------------------------------

  const renderFinding = (res: Response, status: number, values: FormValues, errors: FieldErrors) =>
    res.status(status).render("reports/finding-new", {
      values,
      errors,
      workSites: workSiteChoices(db),
      sources: FINDING_SOURCES.map((s) => [s, CASE_SOURCE_LABELS[s]]),
    });

  router.get("/findings/new", investigators, (_req, res) => {
    renderFinding(res, 200, {}, {});
  });

  router.post("/findings", investigators, (req, res) => {
    const form = parseFinding(req.body, sites());
    if (!form.ok) return renderFinding(res, 422, form.values, form.errors);
    try {
      const created = registerFinding(db, form.value, { actor: viewerOf(res), now: now(), acknowledgeDays: config.acknowledgeDays });
      res.redirect(303, `/cases/${created.id}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      renderFinding(res, 422, form.values, { [err.field ?? "_form"]: err.message });
    }
  });

  return router;
}
