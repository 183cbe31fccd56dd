/** 重大劳动保障违法行为社会公布 for supervisors: batches, their entries (the viewer's office's; the city: all), publication and withdrawal. */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { DomainError, ForbiddenError, ValidationError } from "../domain/errors.js";
import { previousQuarter } from "../domain/violations-list.js";
import { rowsOffice } from "../domain/case-abilities.js";
import { formValues } from "../forms/form.js";
import { viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import { listAudit } from "../models/audit.js";
import {
  addEntry,
  candidates,
  createBatch,
  dropEntry,
  getBatch,
  listBatches,
  publishBatch,
  unpublishedQuarter,
  updateEntry,
  violationsAbilities,
  withdrawEntry,
} from "../models/violations.js";
import { idParam } from "../http/params.js";

export function violationsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const supervisor = requireRole("supervisor");
  const idOf = (req: Request) => idParam(req);

  const indexPage = (res: Response, status: number, values: Record<string, string>, message: string | null) => {
    const today = res.locals.today;
    // Only quarters that have ended: the last one, and the one before it for a late batch.
    const last = previousQuarter(today);
    const quarters = [last, previousQuarter(last.from)];
    const viewer = viewerOf(res);
    const officeId = rowsOffice(viewer);
    const reminder = unpublishedQuarter(db, today, config.largeArrearsFen, officeId);
    res
      .status(status)
      .render("violations/index", { batches: listBatches(db, officeId), quarters, values, message, reminder, can: violationsAbilities(viewer) });
  };

  router.get("/violations", supervisor, (_req, res) => indexPage(res, 200, {}, null));

  router.post("/violations", supervisor, (req, res) => {
    const v = formValues(req.body);
    try {
      const id = createBatch(db, {
        kind: v.kind === "adhoc" ? "adhoc" : "quarterly",
        quarterKey: v.quarter ?? "",
        title: v.title ?? "",
        actor: viewerOf(res),
        now: now(),
      });
      res.redirect(303, `/violations/${id}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      indexPage(res, 422, v, err.message);
    }
  });

  const showPage = (res: Response, id: number, status = 200, problem: { form: string; message: string; values: Record<string, string> } | null = null) => {
    const viewer = viewerOf(res);
    const officeId = rowsOffice(viewer);
    const batch = getBatch(db, id, officeId);
    // The forms this page shows: a refusal of any other (an entry that is gone, a published batch's draft
    // forms) is shown above the entries instead of being lost.
    const shown = new Set(["entries", ...batch.entries.map((e) => `entry-${e.id}`), ...(batch.publishedOn ? [] : ["publish", "candidates"])]);
    res.status(status).render("violations/show", {
      unplacedProblem: problem && !shown.has(problem.form) ? problem.message : null,
      batch,
      candidates: batch.publishedOn ? [] : candidates(db, batch, res.locals.today, config.largeArrearsFen, officeId),
      can: violationsAbilities(viewer),
      largeArrearsFen: config.largeArrearsFen,
      history: listAudit(db, `violations:${id}`),
      problem,
    });
  };

  router.get("/violations/:id", supervisor, (req, res) => showPage(res, idOf(req)));

  const act = (path: string, form: (req: Request) => string, run: (req: Request, res: Response) => void) =>
    router.post(`/violations/:id/${path}`, supervisor, (req, res) => {
      try {
        run(req, res);
      } catch (err) {
        if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
        return showPage(res, idOf(req), err instanceof ValidationError ? 422 : err.status, {
          form: form(req),
          message: err.message,
          values: formValues(req.body),
        });
      }
      res.redirect(303, `/violations/${idOf(req)}#${form(req)}`);
    });
  const entryForm = (req: Request) => `entry-${req.params.entryId}`;
  const base = (req: Request, res: Response) => ({ version: Number(formValues(req.body).version), actor: viewerOf(res), now: now() });

  act(
    "entries",
    () => "candidates",
    (req, res) => addEntry(db, { batchId: idOf(req), caseId: Number(formValues(req.body).caseId), ...base(req, res) }),
  );
  act("entries/:entryId", entryForm, (req, res) => {
    const v = formValues(req.body);
    const fields = {
      employerName: v.employerName ?? "",
      employerUscc: v.employerUscc ?? "",
      employerAddress: v.employerAddress ?? "",
      employerLegalRep: v.employerLegalRep ?? "",
      facts: v.facts ?? "",
      handling: v.handling ?? "",
    };
    updateEntry(db, { entryId: idParam(req, "entryId"), fields, ...base(req, res) });
  });
  act(
    "entries/:entryId/drop",
    () => "entries",
    (req, res) => dropEntry(db, { entryId: idParam(req, "entryId"), ...base(req, res) }),
  );
  act("entries/:entryId/withdraw", entryForm, (req, res) =>
    withdrawEntry(db, { entryId: idParam(req, "entryId"), reason: formValues(req.body).reason ?? "", ...base(req, res) }),
  );
  act(
    "publish",
    () => "publish",
    (req, res) => publishBatch(db, { batchId: idOf(req), ...base(req, res) }),
  );

  return router;
}
