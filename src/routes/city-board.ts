/** The city's oversight board of every office, its printable monthly 通报 and the 通报's XLSX (docs/rules.md “全市督办与月通报”). */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { SIGNAL_LABELS } from "../domain/city-board.js";
import { ForbiddenError } from "../domain/errors.js";
import { PERIOD_LABELS } from "../domain/statistics.js";
import { parsePeriod, periodQuery } from "../forms/period.js";
import { exportSlot } from "../http/export-slots.js";
import { renderPageOrPartial } from "../http/render.js";
import { sendSpreadsheet } from "../http/spreadsheet.js";
import { requireRole } from "../middleware/require-role.js";
import { recordAudit } from "../models/audit.js";
import { cityBoard, lateCases } from "../models/city-board.js";
import { cityBoardSheet, lateCasesSheet } from "../models/exports.js";
import { cityOffice, figuresScope } from "../models/offices.js";
import { periodStatistics } from "../models/statistics.js";
import { untilChanged } from "../models/until-changed.js";

/** City staff only: an office answers for its own figures (属地管理、分级负责). */
function assertCity(res: Response): void {
  if (!staffAbilities(res.locals.user ?? null, { inspectorsReadAll: false }).everyOffice) throw new ForbiddenError("全市督办只有市级（市本级）科长可以查看。");
}

export function cityBoardRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const supervisors = requireRole("supervisor");

  /** The board's period (this month unless chosen: the 通报 is monthly) and its figures, reused until the data changes. */
  const boardOf = (req: Request, res: Response) => {
    const today = res.locals.today;
    const form = parsePeriod({ period: "month", ...(req.query as Record<string, unknown>) }, today);
    const { from, to } = form.period;
    const board = untilChanged(db, `cityBoard:${today}:${from}:${to}`, () => cityBoard(db, today, form.period));
    return { form, board, query: periodQuery(form.period) };
  };

  router.get("/city-board", supervisors, ctx.pageCache.keep, (req, res) => {
    assertCity(res);
    const { form, board, query } = boardOf(req, res);
    res.status(form.ok ? 200 : 422);
    renderPageOrPartial(res, "city-board/index", "city-board/_results", {
      b: board,
      form,
      errors: form.ok ? {} : form.errors,
      periodLabels: PERIOD_LABELS,
      signalLabels: SIGNAL_LABELS,
      query,
    });
  });

  router.get("/city-board/bulletin", supervisors, (req, res) => {
    assertCity(res);
    const { board, query } = boardOf(req, res);
    const today = res.locals.today;
    const city = figuresScope(db, null);
    res.render("city-board/bulletin", {
      b: board,
      late: untilChanged(db, `lateCases:${today}`, () => lateCases(db, today)),
      sentence: periodStatistics(db, board.period, city.officeIds, city.subject).sentence,
      signalLabels: SIGNAL_LABELS,
      issuer: cityOffice(db)?.name ?? "劳动保障监察支队",
      query,
    });
  });

  router.get("/exports/city-board.xlsx", supervisors, exportSlot, async (req, res) => {
    assertCity(res);
    const { board, query } = boardOf(req, res);
    recordAudit(db, { actorId: res.locals.user!.id, subject: "export:city-board", action: "导出", detail: `全市督办通报 XLSX；${query}` });
    await sendSpreadsheet(res, "xlsx", `全市督办通报-${board.period.from}至${board.period.to}`, [
      cityBoardSheet(board),
      lateCasesSheet(lateCases(db, res.locals.today)),
    ]);
  });

  return router;
}
