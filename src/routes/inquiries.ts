/** The printed 询问笔录 (A4) of a case (docs/rules.md §询问笔录); recording one is the inquiries section's action. */
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { ForbiddenError } from "../domain/errors.js";
import { INTERVIEWEE_ROLE_LABELS, questionsAndAnswers } from "../domain/inquiries.js";
import { viewerOf } from "../http/case-page.js";
import { idParam } from "../http/params.js";
import { requireRole } from "../middleware/require-role.js";
import { getCaseDetail } from "../models/cases.js";
import { getOffice } from "../models/offices.js";
import { inquiryOfCase } from "../sections/inquiries.js";

export function inquiriesRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();

  router.get("/cases/:id/inquiries/:inquiryId", requireRole("clerk", "inspector", "supervisor"), (req, res) => {
    // The page that shows the person's ID number whole is recorded among the views of personal data.
    const detail = getCaseDetail(db, idParam(req), {
      viewer: viewerOf(res),
      policy: { inspectorsReadAll: config.inspectorsReadAll },
      page: "询问笔录",
      now: now(),
    });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    const record = inquiryOfCase(db, detail.case.id, idParam(req, "inquiryId"), detail.personalDataShown);
    res.render("inquiries/record", {
      c: detail.case,
      record,
      lines: questionsAndAnswers(record.questionsAndAnswers),
      roleLabels: INTERVIEWEE_ROLE_LABELS,
      office: getOffice(db, detail.case.officeId!),
    });
  });

  return router;
}
