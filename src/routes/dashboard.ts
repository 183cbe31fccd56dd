/** The supervisors' pages: the dashboard, the period statistics and the 春节前动态清零 board. */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { STATE_LABELS } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS, TARGET_DAYS } from "../domain/clocks.js";
import { ForbiddenError } from "../domain/errors.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { PERIOD_LABELS, inspectorsToWatch, wanYuan } from "../domain/statistics.js";
import { parsePeriod, periodQuery } from "../forms/period.js";
import { chartSrc, renderChart, sendChart, type RenderedChart } from "../http/charts.js";
import { figuresScopeOf, scopeKey } from "../http/figures-scope.js";
import { renderPageOrPartial } from "../http/render.js";
import { requireRole } from "../middleware/require-role.js";
import {
  clearanceBoard,
  DASHBOARD_CLOCK_LABELS,
  DASHBOARD_CLOCKS,
  dashboard,
  legallyLateCases,
  RUNNING_STATUSES,
  type InspectorFigures,
} from "../models/dashboard.js";
import { officesOfPage, type FiguresScope } from "../models/offices.js";
import { untilChanged } from "../models/until-changed.js";
import { satisfactionFigures } from "../models/ratings.js";
import { courtClocks } from "../models/decision-remedies.js";
import { COURT_CLOCK_STAGE_LABELS, COURT_DUE_SOON_DAYS } from "../domain/court-enforcement.js";
import { periodStatistics, type PeriodStatistics } from "../models/statistics.js";
import { TRANSFER_STAGE_LABELS } from "../domain/department-transfers.js";
import { waitingTransfers } from "../models/department-transfers.js";
import { fundsOverview } from "../models/emergency-fund.js";
import { dashboardSafeguards } from "../models/safeguard-figures.js";

function abilitiesOf(res: Response) {
  const can = staffAbilities(res.locals.user ?? null, { inspectorsReadAll: false });
  if (!can.viewDashboard) throw new ForbiddenError("只有科长可以查看监督看板。");
  return can;
}

/**
 * Open cases per inspector by state: past a legal deadline, past only the 8-day target, due soon, normal —
 * in the severity colours of the workbench (public/css/site.css .tone-*). Drawn twice: wide for a desktop and
 * narrow (360 px) for a phone, so neither is scaled down to unreadable text nor cropped.
 */
function inspectorChart(inspectors: InspectorFigures[]) {
  const rows = inspectors.filter((i) => i.open > 0);
  const spec = (width: number) =>
    renderChart({
      title: "各监察员在办案件（按期限状态）",
      categories: rows.map((i) => i.displayName),
      horizontal: true,
      width,
      series: [
        { name: "正常", type: "bar", stack: "open", data: rows.map((i) => i.normal), color: "#067647" },
        { name: "即将到期", type: "bar", stack: "open", data: rows.map((i) => i.dueSoon), color: "#b54708" },
        { name: "超出8日目标", type: "bar", stack: "open", data: rows.map((i) => i.overdue - i.legalOverdue), color: "#5b2c8f" },
        { name: "法定期限已超期", type: "bar", stack: "open", data: rows.map((i) => i.legalOverdue), color: "#b42318" },
      ],
    });
  return { wide: spec(760), narrow: spec(360) };
}

/** The `wide` or `narrow` drawing of an inspector chart. */
function chartOfWidth(chart: { wide: RenderedChart; narrow: RenderedChart } | null, width: string): RenderedChart | undefined {
  if (width === "wide") return chart?.wide;
  if (width === "narrow") return chart?.narrow;
  return undefined;
}

function statisticsCharts(s: PeriodStatistics) {
  const months = s.byMonth.map((m) => `${Number(m.month.slice(0, 4)) % 100}年${Number(m.month.slice(5))}月`);
  return {
    flow: renderChart({
      title: "每月收案与结案",
      categories: months,
      yName: "件",
      series: [
        { name: "收到投诉", type: "bar", data: s.byMonth.map((m) => m.received) },
        { name: "办结", type: "bar", data: s.byMonth.map((m) => m.closed) },
      ],
    }),
    speed: renderChart({
      title: "每月平均办结时限（工作日）",
      categories: months,
      yName: "工作日",
      reference: { value: TARGET_DAYS, label: `目标 ${TARGET_DAYS} 个工作日` },
      series: [{ name: "平均办结工作日", type: "line", data: s.byMonth.map((m) => (m.averageDays === null ? null : Number(m.averageDays.toFixed(1)))) }],
    }),
    money: renderChart({
      title: "每月追回工资（万元）",
      categories: months,
      yName: "万元",
      series: [{ name: "追回工资", type: "bar", data: s.byMonth.map((m) => Number(wanYuan(m.recoveredFen))), color: "#067647" }],
    }),
  };
}

export function dashboardRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const supervisors = requireRole("supervisor");

  /** The office filter (the city's staff only) and the part of the workbench links that keeps it. */
  const officeChoices = (can: ReturnType<typeof abilitiesOf>, scope: FiguresScope) => ({
    scope,
    offices: can.everyOffice ? officesOfPage(db) : [],
    officeParam: can.everyOffice && scope.officeId !== null ? `office=${scope.officeId}&` : "",
    /** `path` with `query` and the office filter kept: /cases, /cases?office=3&state=filed. */
    withOffice: (path: string, query = "") => {
      const q = [can.everyOffice && scope.officeId !== null ? `office=${scope.officeId}` : "", query].filter(Boolean).join("&");
      return q ? `${path}?${q}` : path;
    },
  });

  /** The dashboard's figures and its chart, kept until the database changes: the page and its chart's address read them. */
  const dashboardFigures = (res: Response, scope: FiguresScope) => {
    const today = res.locals.today;
    return untilChanged(db, `dashboard:${today}:${scopeKey(scope)}`, () => {
      const d = { ...dashboard(db, today, scope.officeIds), lateCases: legallyLateCases(db, today, scope.officeIds) };
      const watched = inspectorsToWatch(d.inspectors);
      // 好差评 this year (docs/rules.md § 好差评).
      const satisfaction = satisfactionFigures(db, { from: `${today.slice(0, 4)}-01-01`, to: today }, scope.officeIds);
      return {
        d: { ...d, satisfaction },
        watched,
        chart: inspectorChart(watched),
        funds: fundsOverview(db, scope.officeIds),
        transfers: waitingTransfers(db, today, scope.officeIds),
        // 源头防欠 now: open risk points and advances not yet recovered (docs/rules.md §防欠成效 figures).
        safeguards: dashboardSafeguards(db, today, scope.officeIds),
      };
    });
  };

  /** The two drawings of an inspector chart (wide, narrow) at their addresses under `path`, the office filter kept. */
  const inspectorChartSrcs = (path: string, officeParam: string, chart: { wide: RenderedChart; narrow: RenderedChart }) => ({
    wide: { title: chart.wide.title, src: chartSrc(`${path}/wide.svg`, officeParam, chart.wide) },
    narrow: { title: chart.narrow.title, src: chartSrc(`${path}/narrow.svg`, officeParam, chart.narrow) },
  });

  router.get("/dashboard/charts/:width.svg", supervisors, (req, res) => {
    abilitiesOf(res);
    const { chart } = dashboardFigures(res, figuresScopeOf(db, req, res));
    sendChart(req, res, chartOfWidth(chart, String(req.params.width)));
  });

  router.get("/dashboard", supervisors, ctx.pageCache.keep, (req, res) => {
    const can = abilitiesOf(res);
    const today = res.locals.today;
    const scope = figuresScopeOf(db, req, res);
    const choices = officeChoices(can, scope);
    const { d, watched, chart, funds, transfers, safeguards } = dashboardFigures(res, scope);
    res.render("dashboard/index", {
      d,
      inspectors: watched,
      funds,
      transfers,
      transferStageLabels: TRANSFER_STAGE_LABELS,
      replyDays: ctx.config.departmentReplyDays,
      safeguards,
      can,
      ...choices,
      clocks: DASHBOARD_CLOCKS,
      clockLabels: DASHBOARD_CLOCK_LABELS,
      statuses: RUNNING_STATUSES,
      statusLabels: CLOCK_STATUS_LABELS,
      stateLabels: STATE_LABELS,
      channelLabels: CHANNEL_LABELS,
      inspectorChart: inspectorChartSrcs("/dashboard/charts", choices.officeParam, chart),
      // The court clock of the decisions on their way to enforcement (docs/rules.md § Enforcement through the court).
      court: untilChanged(db, `court:${today}:${scopeKey(scope)}`, () => courtClocks(db, scope.officeIds, today)),
      courtStageLabels: COURT_CLOCK_STAGE_LABELS,
      courtDueSoonDays: COURT_DUE_SOON_DAYS,
    });
  });

  const inspectorFigures = (res: Response, scope: FiguresScope) => {
    const today = res.locals.today;
    return untilChanged(db, `dashboardInspectors:${today}:${scopeKey(scope)}`, () => {
      const inspectors = dashboard(db, today, scope.officeIds).inspectors;
      return { inspectors, chart: inspectorChart(inspectors) };
    });
  };

  router.get("/dashboard/inspectors/charts/:width.svg", supervisors, (req, res) => {
    abilitiesOf(res);
    sendChart(req, res, chartOfWidth(inspectorFigures(res, figuresScopeOf(db, req, res)).chart, String(req.params.width)));
  });

  router.get("/dashboard/inspectors", supervisors, ctx.pageCache.keep, (req, res) => {
    const can = abilitiesOf(res);
    const scope = figuresScopeOf(db, req, res);
    const choices = officeChoices(can, scope);
    const { inspectors, chart } = inspectorFigures(res, scope);
    res.render("dashboard/inspectors", {
      inspectors,
      can,
      ...choices,
      inspectorChart: inspectorChartSrcs("/dashboard/inspectors/charts", choices.officeParam, chart),
    });
  });

  router.get("/dashboard/clearance", supervisors, ctx.pageCache.keep, (req, res) => {
    const can = abilitiesOf(res);
    const today = res.locals.today;
    const scope = figuresScopeOf(db, req, res);
    res.render("dashboard/clearance", {
      b: untilChanged(db, `clearance:${today}:${scopeKey(scope)}`, () => clearanceBoard(db, today, scope.officeIds)),
      can,
      ...officeChoices(can, scope),
    });
  });

  /** A period's figures and charts, kept until the database changes: the page and its charts' addresses read them. */
  const statisticsOf = (req: Request, res: Response) => {
    const can = abilitiesOf(res);
    const form = parsePeriod(req.query, res.locals.today);
    const scope = figuresScopeOf(db, req, res);
    const { from, to, kind } = form.period;
    const figures = untilChanged(db, `statistics:${kind}:${from}:${to}:${scopeKey(scope)}`, () => {
      const s = periodStatistics(db, form.period, scope.officeIds, scope.subject);
      return { s, charts: statisticsCharts(s) };
    });
    const choices = officeChoices(can, scope);
    return { ...figures, can, form, choices, query: `${choices.officeParam}${periodQuery(form.period)}` };
  };

  router.get("/statistics/charts/:name.svg", supervisors, (req, res) => {
    const { charts } = statisticsOf(req, res);
    const name = String(req.params.name);
    sendChart(req, res, Object.hasOwn(charts, name) ? charts[name as keyof typeof charts] : undefined);
  });

  router.get("/statistics", supervisors, ctx.pageCache.keep, (req, res) => {
    const { s, charts, can, form, choices, query } = statisticsOf(req, res);
    res.status(form.ok ? 200 : 422);
    renderPageOrPartial(res, "statistics/index", "statistics/_results", {
      s,
      can,
      form,
      errors: form.ok ? {} : form.errors,
      periodLabels: PERIOD_LABELS,
      channelLabels: CHANNEL_LABELS,
      ...choices,
      exportQuery: query,
      charts: Object.fromEntries(
        Object.entries(charts).map(([name, chart]) => [name, { title: chart.title, src: chartSrc(`/statistics/charts/${name}.svg`, query, chart) }]),
      ),
    });
  });

  return router;
}
