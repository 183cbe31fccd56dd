/** The employer record for staff (their office's cases; the city: every office), and the history check the intake form makes as the employer is typed. */
import { Router, type Request } from "express";
import type { AppContext } from "../app-context.js";
import { OUTCOME_LABELS, STATE_LABELS } from "../domain/case-states.js";
import { REMOVAL_LABELS, STAGE_LABELS } from "../domain/blacklist.js";
import { rowsOffice } from "../domain/case-abilities.js";
import { viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import { employerRecord, employerWarning, looksLikeUscc, searchEmployers, type EmployerKey } from "../models/employers.js";

function keyOf(req: Request): EmployerKey {
  const uscc = typeof req.query.uscc === "string" ? req.query.uscc.trim().toUpperCase() : "";
  const name = typeof req.query.name === "string" ? req.query.name.trim() : "";
  return { uscc: looksLikeUscc(uscc) ? uscc : null, name };
}

export function employersRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const staff = requireRole("clerk", "inspector", "supervisor");

  router.get("/employers", staff, (req, res) => {
    const q = typeof req.query.q === "string" ? req.query.q.slice(0, 60) : "";
    res.render("employers/index", { q, results: searchEmployers(db, q, rowsOffice(viewerOf(res))) });
  });

  router.get("/employers/record", staff, (req, res) => {
    const key = keyOf(req);
    if (!key.uscc && !key.name) return res.redirect(303, "/employers");
    res.render("employers/show", {
      e: employerRecord(db, key, res.locals.today, rowsOffice(viewerOf(res))),
      stateLabels: STATE_LABELS,
      outcomeLabels: OUTCOME_LABELS,
      stageLabels: STAGE_LABELS,
      removalLabels: REMOVAL_LABELS,
    });
  });

  // Intake asks as the employer's name or code is typed (htmx); a plain visit goes to the record.
  router.get("/employers/check", staff, (req, res) => {
    res.vary("HX-Request");
    const key = {
      uscc: typeof req.query.employerUscc === "string" && looksLikeUscc(req.query.employerUscc) ? req.query.employerUscc.trim().toUpperCase() : null,
      name: String(req.query.employerName ?? "").trim(),
    };
    if (!res.locals.isHtmx) return res.redirect(303, `/employers/record?${new URLSearchParams({ uscc: key.uscc ?? "", name: key.name })}`);
    res.render("employers/_warning", { warning: employerWarning(db, key, res.locals.today, rowsOffice(viewerOf(res))) });
  });

  return router;
}
