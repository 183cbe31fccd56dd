/**
 * Spreadsheet exports: the workbench's filtered case list, the task-force board and the statistics tables.
 * Each export is recorded in the audit log (who, what, when), because case lists carry personal data;
 * ID numbers and phones go out masked unless a supervisor ticks 完整导出 (full=1).
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { caseListScope, staffAbilities } from "../domain/case-abilities.js";
import { ForbiddenError, NotFoundError } from "../domain/errors.js";
import { filtersQuery, parseCaseFilters } from "../forms/case-filters.js";
import { parsePeriod, periodQuery } from "../forms/period.js";
import { viewerOf } from "../http/case-page.js";
import { exportSlot } from "../http/export-slots.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { sendSpreadsheet, type ExportFormat } from "../http/spreadsheet.js";
import { requireRole } from "../middleware/require-role.js";
import { recordAudit } from "../models/audit.js";
import { caseListSheet, statisticsSheet, statisticsSummarySheet, STATISTICS_TABLES, taskBoardSheet, type StatisticsTable } from "../models/exports.js";
import { periodStatistics } from "../models/statistics.js";

function formatOf(req: Request): ExportFormat {
  const format = req.params.format;
  if (format !== "xlsx" && format !== "csv") throw new NotFoundError("没有这种导出格式。");
  return format;
}

/** 20261123-0905 in the bureau's zone, for file names. */
function stamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace(/-/g, "").replace("T", "-").replace(":", "");
}

export function exportsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const can = (res: Response) => staffAbilities(res.locals.user ?? null, { inspectorsReadAll: config.inspectorsReadAll });
  const audit = (res: Response, subject: string, detail: string) => recordAudit(db, { actorId: res.locals.user!.id, subject, action: "导出", detail });

  router.get("/exports/cases.:format", requireRole("inspector", "supervisor"), exportSlot, async (req, res) => {
    const format = formatOf(req);
    if (!can(res).exportCases) throw new ForbiddenError();
    const full = req.query.full === "1";
    if (full && !can(res).exportFullPersonalData) throw new ForbiddenError("只有科长可以导出完整的身份证号和手机号。");
    const filters = { ...parseCaseFilters(req.query), page: 1 };
    const scope = caseListScope(viewerOf(res), { inspectorsReadAll: config.inspectorsReadAll }, filters.everyCase);
    // Readable in the record: 区县=南关区, not %E5%8D%97….
    const filter = decodeURIComponent(filtersQuery(filters, 1).replace(/^\?/, "")) || "在办（全部）";
    const sheet = caseListSheet(db, scope, filters, res.locals.today, { fullPersonalData: full, filter, viewer: { userId: res.locals.user!.id, now: now() } });
    audit(res, "export:cases", `案件清单 ${format.toUpperCase()}；筛选：${filter}；身份证号和手机号：${full ? "完整" : "已遮蔽"}`);
    await sendSpreadsheet(res, format, `案件清单-${stamp(now())}`, [sheet]);
  });

  router.get("/exports/tasks.:format", requireRole("supervisor"), exportSlot, async (req, res) => {
    const format = formatOf(req);
    if (!can(res).exportCases) throw new ForbiddenError();
    audit(res, "export:tasks", `专班任务 ${format.toUpperCase()}`);
    await sendSpreadsheet(res, format, `专班任务-${stamp(now())}`, [taskBoardSheet(db, viewerOf(res), res.locals.today)]);
  });

  router.get("/exports/statistics.xlsx", requireRole("supervisor"), exportSlot, async (req, res) => {
    if (!can(res).viewDashboard) throw new ForbiddenError();
    const form = parsePeriod(req.query, res.locals.today);
    const scope = figuresScopeOf(db, req, res);
    const s = periodStatistics(db, form.period, scope.officeIds, scope.subject);
    audit(res, "export:statistics", `统计表 XLSX；${scope.subject}；${periodQuery(form.period)}`);
    await sendSpreadsheet(res, "xlsx", `统计-${scope.subject}-${form.period.from}至${form.period.to}`, [
      statisticsSummarySheet(s),
      ...STATISTICS_TABLES.map((t) => statisticsSheet(s, t)),
    ]);
  });

  router.get("/exports/statistics/:table.csv", requireRole("supervisor"), exportSlot, async (req, res) => {
    if (!can(res).viewDashboard) throw new ForbiddenError();
    const table = req.params.table as StatisticsTable;
    if (!STATISTICS_TABLES.includes(table)) throw new NotFoundError("没有这张统计表。");
    const form = parsePeriod(req.query, res.locals.today);
    const scope = figuresScopeOf(db, req, res);
    const s = periodStatistics(db, form.period, scope.officeIds, scope.subject);
    const sheet = statisticsSheet(s, table);
    audit(res, "export:statistics", `统计表“${sheet.name}” CSV；${scope.subject}；${periodQuery(form.period)}`);
    await sendSpreadsheet(res, "csv", `统计-${scope.subject}-${sheet.name}-${form.period.from}至${form.period.to}`, [sheet]);
  });

  return router;
}
