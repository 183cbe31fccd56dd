/**
 * 好差评 (docs/rules.md § 好差评): the worker rates a closed case from the public lookup; the supervisors' 回访 list
 * and the 回访 recorded on the case.
 */
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { createThrottle } from "../auth/rate-limit.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { DomainError, ForbiddenError, TooManyRequestsError, ValidationError } from "../domain/errors.js";
import { formValues, valid } from "../forms/form.js";
import { parseFollowup, parseRating } from "../forms/rating-form.js";
import { actOnCase, caseIdOf, requireCaseWork, viewerOf } from "../http/case-page.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { LOOKUP_LABELS, publicLookup } from "../http/public-lookup.js";
import { requireRole } from "../middleware/require-role.js";
import { listFollowups, rateCase, recordFollowup } from "../models/ratings.js";
import { recordFormId } from "../sections/section.js";

export function ratingsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  // A rating carries the query code: as many tries as the lookup allows, so it is no way to guess codes.
  const ratingThrottle = createThrottle(db, { name: "rating", points: 20, windowSeconds: 10 * 60, message: (m) => `提交过于频繁，请 ${m} 分钟后再试。` });

  router.post("/query/rating", async (req, res) => {
    const typed = formValues(req.body);
    const values = { caseNumber: (typed.caseNumber ?? "").slice(0, 20), queryCode: (typed.queryCode ?? "").slice(0, 10) };
    const lookup = () => publicLookup(ctx, values.caseNumber, values.queryCode, res.locals.today);
    const again = (status: number, ratingErrors: Record<string, string>, notice: string | null = null) => {
      const found = lookup();
      res.status(found ? status : 404).render("public/query", {
        values,
        errors: found ? {} : { _form: "没有查到对应的案件，请核对回执上的案件编号和查询码。" },
        result: null,
        report: null,
        ...found,
        ...LOOKUP_LABELS,
        rating: { values: typed, errors: ratingErrors, notice },
      });
    };
    try {
      await ratingThrottle.check(req.ip ?? "unknown");
    } catch (err) {
      if (!(err instanceof TooManyRequestsError)) throw err;
      res.set("Retry-After", String(err.retryAfterSeconds));
      return again(429, { _form: err.message });
    }
    await ratingThrottle.hit(req.ip ?? "unknown");
    const form = parseRating(req.body);
    if (!form.ok) return again(422, form.errors);
    try {
      rateCase(db, {
        caseNumber: values.caseNumber,
        queryCode: values.queryCode,
        phone: form.value.phone,
        input: form.value.input,
        settings: { changeDays: config.ratingChangeDays, followupDays: config.followupWorkingDays },
        now: now(),
      });
    } catch (err) {
      if (!(err instanceof DomainError) || err instanceof ForbiddenError) throw err;
      const field = err instanceof ValidationError && err.field ? err.field : "_form";
      return again(err.status === 404 ? 404 : 422, { [field]: err.message });
    }
    again(200, {}, "感谢您的评价！如为不满意，监察机构将安排专人回访，答复会显示在这里。");
  });

  router.get("/followups", requireRole("supervisor"), (req, res) => {
    const can = staffAbilities(viewerOf(res), { inspectorsReadAll: false });
    const scope = figuresScopeOf(db, req, res);
    res.render("ratings/followups", { followups: listFollowups(db, scope.officeIds, res.locals.today), can, scope });
  });

  router.post("/cases/:id/followup", requireRole("supervisor"), requireCaseWork(ctx), async (req, res) => {
    const id = caseIdOf(req);
    await actOnCase(ctx, req, res, recordFormId("followup", formValues(req.body).ratingId), () => {
      const { input, version, ratingId: rid } = valid(parseFollowup(req.body));
      recordFollowup(db, { caseId: id, ratingId: rid, version, input, actor: viewerOf(res), now: now() });
    });
  });

  return router;
}
