/** 签收, 移送 and 指定管辖 (docs/rules.md §Offices and jurisdiction): the office's 签收 queue and the steps on a case. */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { ARRIVAL_LABELS } from "../domain/jurisdiction.js";
import { ValidationError } from "../domain/errors.js";
import { formValues } from "../forms/form.js";
import { actOnCase, caseIdOf, requireCaseWork, viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import {
  acknowledgeCase,
  acknowledgementQueue,
  designateCase,
  designationRequests,
  movedAwayFrom,
  requestDesignation,
  transferCase,
} from "../models/jurisdiction.js";

export function jurisdictionRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const queueStaff = requireRole("clerk", "supervisor");
  const supervisor = requireRole("supervisor");
  const working = requireCaseWork(ctx);
  const policy = { inspectorsReadAll: config.inspectorsReadAll };

  /** The office's 签收 queue; the city's shows every office's (late ones marked) and the requests to designate. */
  const showQueue = (res: Response, status = 200, message: string | null = null) => {
    const viewer = viewerOf(res);
    const everyOffice = staffAbilities(viewer, policy).everyOffice;
    res.status(status).render("jurisdiction/acknowledgements", {
      queue: acknowledgementQueue(db, viewer.cityWide ? null : viewer.officeId, res.locals.today),
      requests: everyOffice ? designationRequests(db, res.locals.today, config.designationDays) : [],
      movedAway: viewer.officeId === null ? [] : movedAwayFrom(db, viewer.officeId),
      everyOffice,
      designationDays: config.designationDays,
      ownOfficeId: viewer.officeId,
      arrivalLabels: ARRIVAL_LABELS,
      message,
    });
  };

  router.get("/acknowledgements", queueStaff, (_req, res) => {
    showQueue(res);
  });

  // Not behind requireCaseWork: a clerk of the office takes up a case they did not register; the model checks the office.
  router.post("/cases/:id/acknowledge", queueStaff, (req, res) => {
    try {
      acknowledgeCase(db, { caseId: caseIdOf(req), version: Number(formValues(req.body).version), actor: viewerOf(res), now: now() });
    } catch (err) {
      if (err instanceof ValidationError) return showQueue(res, 422, err.message);
      throw err;
    }
    res.redirect(303, "/acknowledgements");
  });

  const step = (form: string, change: (req: Request, res: Response, v: Record<string, string>) => void) => (req: Request, res: Response) =>
    actOnCase(ctx, req, res, form, () => change(req, res, formValues(req.body)));
  const common = (req: Request, res: Response, v: Record<string, string>) => ({
    caseId: caseIdOf(req),
    version: Number(v.version),
    actor: viewerOf(res),
    now: now(),
    reason: v.reason ?? "",
  });

  router.post(
    "/cases/:id/transfer",
    supervisor,
    working,
    step("transfer", (req, res, v) =>
      transferCase(db, {
        ...common(req, res, v),
        toOfficeId: Number(v.toOfficeId),
        acknowledgeDays: config.acknowledgeDays,
        numberPrefix: config.authority.officeTransferPrefix,
      }),
    ),
  );

  router.post(
    "/cases/:id/designation-request",
    supervisor,
    working,
    step("designation-request", (req, res, v) => requestDesignation(db, common(req, res, v))),
  );

  router.post(
    "/cases/:id/designate",
    supervisor,
    working,
    step("designate", (req, res, v) =>
      designateCase(db, { ...common(req, res, v), toOfficeId: Number(v.toOfficeId), acknowledgeDays: config.acknowledgeDays }),
    ),
  );

  return router;
}
