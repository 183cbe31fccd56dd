/** Watching the system itself: the admin's health view, and the supervisors' log of who saw personal data. */
import { statSync } from "node:fs";
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { failingLoginPairs } from "../auth/login-throttle.js";
import { ROLE_LABELS } from "../domain/roles.js";
import { boundedInt } from "../domain/bounds.js";
import { formValues } from "../forms/form.js";
import { formatBytes } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { rowsOffice } from "../domain/case-abilities.js";
import { viewerOf } from "../http/case-page.js";
import { ORPHAN_AGE_MS, orphanFiles } from "../models/evidence-files.js";
import { VIEWS_PAGE_SIZE, listPersonalDataExports, listPersonalDataViews } from "../models/personal-data-views.js";

export function oversightRouter({ db, config, now }: AppContext): Router {
  const router = Router();

  router.get("/admin/health", requireRole("admin"), (_req, res) => {
    const orphans = orphanFiles(db, config.evidenceDir);
    const old = orphans.filter((f) => now().getTime() - f.modifiedAt.getTime() >= ORPHAN_AGE_MS);
    const fileSize = (path: string) => {
      try {
        return statSync(path).size;
      } catch {
        return null;
      }
    };
    res.render("oversight/health", {
      orphans: { count: orphans.length, bytes: formatBytes(orphans.reduce((s, f) => s + f.size, 0)), olderThanADay: old.length },
      databaseSize: config.databasePath === ":memory:" ? null : fileSize(config.databasePath),
      failingLogins: failingLoginPairs(db, now()),
    });
  });

  router.get("/personal-data-views", requireRole("supervisor"), (req, res) => {
    const q = formValues(req.query);
    const caseNumber = (q.case ?? "").trim().toUpperCase().slice(0, 20);
    const officeId = rowsOffice(viewerOf(res));
    const rows = listPersonalDataViews(db, { officeId, caseNumber: caseNumber || undefined, before: boundedInt(q.before, 1, Number.MAX_SAFE_INTEGER) });
    const older = rows.length === VIEWS_PAGE_SIZE ? rows[rows.length - 1]!.id : null;
    res.render("oversight/personal-data-views", { rows, caseNumber, older, roleLabels: ROLE_LABELS, exports: listPersonalDataExports(db, officeId) });
  });

  return router;
}
