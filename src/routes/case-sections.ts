/**
 * The case page's sections on their own: `GET /cases/:id/sections/:key` is one section for htmx (the whole
 * page otherwise), and each section with an action of its own gets its `POST /cases/:id/<path>` here,
 * open to the people working the case whose role makes the action's move (domain/case-states.ts).
 */
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { getMove } from "../domain/case-states.js";
import { CASE_SECTIONS, actOnCase, caseIdOf, renderCasePage, requireCaseWork, viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import { recordSectionAction, sentFormId } from "../sections/section.js";

export function caseSectionsRouter(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole("clerk", "inspector", "supervisor");

  router.get("/cases/:id/sections/:key", staff, ctx.pageCache.keep, (req, res) => {
    renderCasePage(ctx, res, caseIdOf(req), 200, null, res.locals.isHtmx ? String(req.params.key) : undefined);
  });

  for (const s of CASE_SECTIONS) {
    for (const action of [...(s.action ? [s.action] : []), ...(s.actions ?? [])]) {
      router.post(`/cases/:id/${action.path}`, requireRole(...getMove(action.move)!.by), requireCaseWork(ctx), (req, res) =>
        actOnCase(
          ctx,
          req,
          res,
          sentFormId(action, req.body),
          () => recordSectionAction(ctx.db, action, { caseId: caseIdOf(req), body: req.body, actor: viewerOf(res), now: ctx.now(), config: ctx.config }),
          undefined,
          s.key,
        ),
      );
    }
  }
  return router;
}
