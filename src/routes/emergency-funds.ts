/**
 * 应急周转金 pages (docs/rules.md §应急周转金): the city's supervisors see every office's fund side by side, an
 * office's supervisors their own; one fund's page with its capital, advances, recoveries and ledger, where its
 * supervisor records capital paid in and adjustments (with the reason); the XLSX of the funds and their advances.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { boundedInt } from "../domain/bounds.js";
import { shanghaiDate } from "../domain/dates.js";
import { mayKeepFund } from "../domain/emergency-fund.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { InvalidFormError, formValues, isoDate, parseForm, requiredText, valid, yuan } from "../forms/form.js";
import { viewerOf } from "../http/case-page.js";
import { exportSlot } from "../http/export-slots.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { formState, type CaseProblem } from "../http/form-state.js";
import { idParam } from "../http/params.js";
import { renderPageOrPartial } from "../http/render.js";
import { sendSpreadsheet } from "../http/spreadsheet.js";
import { requireRole } from "../middleware/require-role.js";
import { recordAudit } from "../models/audit.js";
import { fundAdvances, fundOf, fundsOverview, recordFundMovement } from "../models/emergency-fund.js";
import { fundAdvancesSheet, fundsSheet } from "../models/exports.js";
import { figuresScope, getOffice } from "../models/offices.js";

const capitalForm = z.object({
  occurredOn: isoDate("到账日期"),
  amount: yuan("注资金额"),
  note: requiredText("资金来源（如财政拨款文号）", 200),
});

const adjustmentForm = z.object({
  occurredOn: isoDate("调整日期"),
  direction: z.enum(["increase", "decrease"], { error: "请选择调增或调减" }),
  amount: yuan("调整金额"),
  note: requiredText("调整原因", 500),
});

export function emergencyFundsRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const supervisors = requireRole("supervisor");

  /** The office of the path, if this supervisor keeps its fund; 404 for no such office. */
  const officeOf = (req: Request, res: Response) => {
    const office = getOffice(db, idParam(req, "officeId"));
    if (!office) throw new NotFoundError("监察机构不存在。");
    if (!mayKeepFund(viewerOf(res), office.id)) throw new ForbiddenError("只能查看本机构的应急周转金。");
    return office;
  };

  /** The fund's page: one page of its paid advances (`?page=`, docs/rules.md §应急周转金); htmx gets the advances' partial. */
  const showFund = (req: Request, res: Response, status: number, problem: CaseProblem | null) => {
    const office = officeOf(req, res);
    const page = boundedInt(req.query.page, 1, 1_000_000) ?? 1;
    res.status(status);
    renderPageOrPartial(res, "funds/show", "funds/_advances", {
      office,
      fund: fundOf(db, office.id, res.locals.today, page),
      pageLink: (p: number) => (p > 1 ? `/funds/${office.id}?page=${p}#fund-advances` : `/funds/${office.id}#fund-advances`),
      capital: formState(problem, "fund-capital"),
      adjustment: formState(problem, "fund-adjustment"),
      cityWide: viewerOf(res).cityWide,
    });
  };

  router.get("/funds", supervisors, ctx.pageCache.keep, (_req, res) => {
    const viewer = viewerOf(res);
    if (!viewer.cityWide) return res.redirect(303, `/funds/${viewer.officeId}`);
    const scope = figuresScope(db, null);
    res.render("funds/index", { overview: fundsOverview(db, scope.officeIds) });
  });

  router.get("/funds/:officeId", supervisors, ctx.pageCache.keep, (req, res) => showFund(req, res, 200, null));

  /** Capital paid in or an adjustment: one movement of the ledger; a refusal shows the page with the form's messages. */
  const post = (
    path: string,
    form: string,
    parse: (body: unknown) => { occurredOn: string; amountFen: number; note: string; kind: "capital" | "adjustment" },
  ) =>
    router.post(path, supervisors, (req, res) => {
      const office = officeOf(req, res);
      try {
        const m = parse(req.body);
        if (m.occurredOn > shanghaiDate(ctx.now())) throw new ValidationError("日期不能晚于今天", "occurredOn");
        recordFundMovement(db, { officeId: office.id, ...m, actorId: res.locals.user!.id });
        res.redirect(303, `/funds/${office.id}`);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const errors = err instanceof InvalidFormError ? err.errors : err.field ? { [err.field]: err.message } : { _form: err.message };
        showFund(req, res, 422, { message: err.message, form, errors, values: formValues(req.body) });
      }
    });

  post("/funds/:officeId/capital", "fund-capital", (body) => {
    const v = valid(parseForm(capitalForm, body));
    if (v.amount <= 0) throw new ValidationError("注资金额应大于 0", "amount");
    return { kind: "capital", occurredOn: v.occurredOn, amountFen: v.amount, note: v.note };
  });

  post("/funds/:officeId/adjustments", "fund-adjustment", (body) => {
    const v = valid(parseForm(adjustmentForm, body));
    if (v.amount <= 0) throw new ValidationError("调整金额应大于 0", "amount");
    return { kind: "adjustment", occurredOn: v.occurredOn, amountFen: v.direction === "increase" ? v.amount : -v.amount, note: v.note };
  });

  router.get("/exports/funds.xlsx", supervisors, exportSlot, async (req, res) => {
    const scope = figuresScopeOf(db, req, res);
    recordAudit(db, { actorId: res.locals.user!.id, subject: "export:funds", action: "导出", detail: `应急周转金 XLSX；${scope.subject}` });
    await sendSpreadsheet(res, "xlsx", `应急周转金-${scope.subject}-${res.locals.today}`, [
      fundsSheet(fundsOverview(db, scope.officeIds)),
      fundAdvancesSheet(fundAdvances(db, scope.officeIds, res.locals.today).filter((a) => a.status === "paid")),
    ]);
  });

  return router;
}
