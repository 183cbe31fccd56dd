/** 多方合办: escalation by a supervisor, and the task pages of the member units' liaisons. */
import { resolve } from "node:path";
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { STATE_LABELS } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "../domain/errors.js";
import { ESCALATION_GROUNDS, MAX_TASK_DAYS, TASK_STATUS_LABELS, type EscalationGround } from "../domain/task-force.js";
import { formValues, type FieldErrors } from "../forms/form.js";
import { actOnCase, caseIdOf, requireCaseWork, viewerOf } from "../http/case-page.js";
import { keepUploads, rejectionMessage, toStoredFile, uploadedFiles } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { answerTask, escalateCase, getTaskFor, listTasksFor } from "../models/task-force.js";
import { idParam } from "../http/params.js";

function many(body: unknown, key: string): string[] {
  return ([] as unknown[]).concat((body as Record<string, unknown> | undefined)?.[key] ?? []).map(String);
}

export function taskForceRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const { upload } = ctx;

  router.post("/cases/:id/escalate", requireRole("supervisor"), requireCaseWork(ctx), (req, res) => {
    const v = formValues(req.body);
    const grounds = many(req.body, "grounds").filter((g): g is EscalationGround => g in ESCALATION_GROUNDS);
    const unitIds = many(req.body, "unitIds").map(Number);
    // Each chosen unit gets its own request and days; blank ones take the common request and days.
    const tasks = unitIds.map((unitId) => ({
      unitId,
      request: (v[`request.${unitId}`] ?? "").trim() || (v.request ?? ""),
      workingDays: Number((v[`days.${unitId}`] ?? "").trim() || v.workingDays),
    }));
    return actOnCase(
      ctx,
      req,
      res,
      "escalate",
      () =>
        escalateCase(db, {
          caseId: caseIdOf(req),
          version: Number(v.version),
          input: { grounds, reason: v.reason ?? "", tasks },
          actor: viewerOf(res),
          now: now(),
        }),
      { ...v, grounds: grounds.join(","), unitIds: unitIds.join(",") },
    );
  });

  router.get("/tasks", requireRole("unit", "supervisor"), (_req, res) => {
    const tasks = listTasksFor(db, viewerOf(res), res.locals.today);
    const board = staffAbilities(viewerOf(res), { inspectorsReadAll: config.inspectorsReadAll }).taskBoard;
    const canExport = board === "allOpen" && staffAbilities(viewerOf(res), { inspectorsReadAll: config.inspectorsReadAll }).exportCases;
    res.render("tasks/index", { tasks, board, canExport, statusLabels: TASK_STATUS_LABELS, clockStatusLabels: CLOCK_STATUS_LABELS, stateLabels: STATE_LABELS });
  });

  function showTask(req: Request, res: Response, status = 200, errors: FieldErrors = {}) {
    const data = getTaskFor(db, idParam(req), viewerOf(res), res.locals.today);
    res.status(status).render("tasks/show", {
      ...data,
      errors,
      values: status === 200 ? {} : formValues(req.body),
      statusLabels: TASK_STATUS_LABELS,
      clockStatusLabels: CLOCK_STATUS_LABELS,
      maxDays: MAX_TASK_DAYS,
    });
  }

  router.get("/tasks/:id", requireRole("unit", "supervisor"), (req, res) => showTask(req, res));

  // A task's own attachments, for those who may see the task (its unit's liaison, the supervisor).
  router.get("/tasks/:id/attachments/:evidenceId", requireRole("unit", "supervisor"), (req, res) => {
    const { attachments } = getTaskFor(db, idParam(req), viewerOf(res), res.locals.today);
    const attachment = attachments.find((a) => a.id === idParam(req, "evidenceId"));
    if (!attachment) throw new NotFoundError("附件不存在。");
    res.type(attachment.mimeType);
    res.attachment(attachment.originalName);
    res.sendFile(resolve(config.evidenceDir, attachment.storedName));
  });

  // The task's own liaison only, checked before any attachment is received.
  const answeringLiaison = (req: Request, res: Response, next: () => void) => {
    if (!getTaskFor(db, idParam(req), viewerOf(res), res.locals.today).canAnswer) throw new ForbiddenError("只有本单位联络员可以答复此任务，且任务尚未办结。");
    next();
  };

  router.post("/tasks/:id/answer", requireRole("unit"), answeringLiaison, upload.array("attachments", 10), async (req, res) => {
    const files = uploadedFiles(req);
    const v = formValues(req.body);
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    try {
      if (rejected) throw new DomainError(rejected);
      answerTask(db, {
        taskId: idParam(req),
        version: Number(v.version),
        viewer: viewerOf(res),
        status: v.status === "moreTime" ? "moreTime" : "done",
        answer: v.answer ?? "",
        moreTimeReason: v.moreTimeReason ?? "",
        files: files.map(toStoredFile),
        now: now(),
      });
      keepUploads(req, files);
    } catch (err) {
      if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
      return showTask(req, res, err instanceof ConflictError ? 409 : 422, {
        _form: err.message + (files.some((f) => !f.rejected) ? "（附件未保存，请重新选择）" : ""),
      });
    }
    res.redirect(303, `/tasks/${req.params.id}`);
  });

  return router;
}
