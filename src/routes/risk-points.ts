/** 待清理风险点: the open risk points of the viewer's office (the city's staff: every office, or the one filtered), the list the dashboard's counts link to. */
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import { listOffices } from "../models/offices.js";
import { openRiskList, RISK_LIST_LIMIT } from "../models/safeguard-figures.js";

export function riskPointsRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();

  router.get("/risks", requireRole("inspector", "supervisor"), ctx.pageCache.keep, (req, res) => {
    const scope = figuresScopeOf(db, req, res);
    const overdue = req.query.due === "overdue";
    const today = res.locals.today;
    res.render("risks/index", {
      risks: openRiskList(db, today, scope.officeIds, overdue),
      overdue,
      limit: RISK_LIST_LIMIT,
      scope,
      offices: viewerOf(res).cityWide ? listOffices(db) : [],
      officeParam: viewerOf(res).cityWide && scope.officeId !== null ? `office=${scope.officeId}` : "",
    });
  });

  return router;
}
