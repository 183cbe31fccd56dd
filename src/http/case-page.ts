/**
 * The case page, shared by every router that changes a case: a refused change shows the page again with
 * the reason next to the form it came from, and the user's typed values kept.
 */
import type { Request, RequestHandler, Response } from "express";
import type { AppContext } from "../app.js";
import { CASE_ACTIONS, mayMakeMove, type Viewer } from "../domain/case-abilities.js";
import { MOVES, MOVE_NAMES, OUTCOME_LABELS, STATE_LABELS, isBeforeAcceptance, type MoveName } from "../domain/case-states.js";
import { REJECTION_GROUNDS, VIOLATIONS, limitationWarning } from "../domain/legal-basis.js";
import { CLOCK_STATUS_LABELS, PROVISIONAL_NOTE, caseClocks, clockHistory, extensionProblem } from "../domain/clocks.js";
import {
  ENFORCEMENT_CHOICES,
  ENFORCEMENT_LABELS,
  MAX_COMPENSATION_RATE,
  MIN_COMPENSATION_RATE,
  compensationPreview,
  orderClock,
  outstandingFen,
} from "../domain/money.js";
import { ConflictError, DomainError, ForbiddenError, ValidationError } from "../domain/errors.js";
import { isAgreementOverdue } from "../domain/mediation.js";
import { maskIdNumber, maskPhone } from "../domain/masking.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { ESCALATION_GROUNDS, TASK_STATUS_LABELS } from "../domain/task-force.js";
import { InvalidFormError, formValues, type FieldErrors, type FormValues } from "../forms/form.js";
import { EVIDENCE_EXTENSIONS, formatBytes } from "./uploads.js";
import { loadCalendar } from "../models/calendar.js";
import { abilitiesOn, getCaseDetail, getCaseRow, inspectorWorkloads } from "../models/cases.js";
import { moneySummary, settlementsOf } from "../models/settlements.js";
import { caseNumberOf } from "../models/duplicates.js";
import { recordPersonalDataView } from "../models/personal-data-views.js";
import { listSiteVisits, visitEligibleStaff } from "../models/site-visits.js";
import { tasksOfCase } from "../models/task-force.js";
import { proceedingsOfCase } from "../models/blacklist.js";
import { STAGE_LABELS } from "../domain/blacklist.js";
import { listUnits } from "../models/units.js";
import { priorNoticesOf } from "../models/prior-notices.js";
import { jurisdictionOf } from "../models/jurisdiction.js";
import { JURISDICTION_STEP_LABELS } from "../domain/jurisdiction.js";
import { PRIOR_NOTICE_LABELS, SERVICE_METHODS, STATEMENT_DAYS, decisionProblem } from "../domain/prior-notice.js";

/** Why a change on the case page was refused, for the form it came from. */
export interface CaseProblem {
  message: string;
  /** The id of the form (and page anchor) the failed request came from. */
  form: string;
  /** Messages beside the fields they are about. */
  errors?: FieldErrors;
  /** What the user typed, to show again. */
  values?: FormValues;
}

/** What a form on the case page shows: opened, with its message, field errors and the typed values when it failed. */
export function formState(problem: CaseProblem | null, id: string) {
  const mine = problem?.form === id ? problem : null;
  const values = mine?.values ?? {};
  const errors = mine?.errors ?? {};
  return {
    id,
    failed: mine !== null,
    message: mine?.message ?? null,
    errors,
    values,
    /** The typed value, or the form's default. */
    value: (key: string, fallback = ""): string => values[key] ?? fallback,
    error: (key: string): string | null => errors[key] ?? null,
  };
}
export type FormState = ReturnType<typeof formState>;

export function viewerOf(res: Response): Viewer {
  const user = res.locals.user!;
  return { id: user.id, role: user.role, unitId: user.unitId, officeId: user.officeId, cityWide: user.cityWide };
}

export function caseIdOf(req: Request): number {
  return Number(req.params.id);
}

export function renderCasePage({ db, config, now }: AppContext, res: Response, id: number, status = 200, problem: CaseProblem | null = null): void {
  const viewer = viewerOf(res);
  const detail = getCaseDetail(db, id, viewer, { inspectorsReadAll: config.inspectorsReadAll });
  const c = detail.case;
  const { abilities } = detail;
  const working = abilities.access === "full";
  // Those working the case see ID numbers and phones unmasked: every such view is logged.
  if (working) recordPersonalDataView(db, { caseId: c.id, userId: viewer.id, page: "案件页", now: now() });
  const today = res.locals.today;
  const may = (name: MoveName) => mayMakeMove(abilities, name);
  const settlements = settlementsOf(db, c.id);
  const calendar = loadCalendar(db);
  const clocks = caseClocks({ ...c, ...clockHistory(detail.events) }, calendar, today);
  const acceptance = clocks.find((k) => k.key === "acceptance")!;
  const agreementItems = settlements.agreement?.items ?? [];
  const orders = settlements.orders.map((o) => {
    const unpaidFen = outstandingFen(o.items);
    const clock = orderClock({ ...o, unpaidFen }, today, calendar);
    const notices = priorNoticesOf(db, c.id, o.id);
    // What the enforcement form may decide now: 陈述申辩 first (docs/rules.md §陈述申辩).
    const heard = { compensation: decisionProblem(notices, "compensation", today), decision: decisionProblem(notices, "decision", today) };
    return { ...o, unpaidFen, left: clock.left, clockStatus: clock.status, overdueUnpaid: clock.overdueUnpaid, notices, heard };
  });
  // Items that can still take a payment, for the payment form.
  const openItems = [
    ...agreementItems.map((i) => ({ ...i, label: `调解协议 · ${i.workerName}` })),
    ...orders.flatMap((o) => o.items.map((i) => ({ ...i, label: `${o.docNumber} · ${i.workerName}` }))),
  ].filter((i) => i.paidFen < i.amountFen);
  res.status(status).render("cases/show", {
    ...detail,
    c,
    clocks,
    clockStatusLabels: CLOCK_STATUS_LABELS,
    provisionalNote: PROVISIONAL_NOTE,
    stateLabels: STATE_LABELS,
    outcomeLabels: OUTCOME_LABELS,
    channelLabels: CHANNEL_LABELS,
    taskStatusLabels: TASK_STATUS_LABELS,
    escalationGrounds: ESCALATION_GROUNDS,
    enforcementLabels: ENFORCEMENT_LABELS,
    priorNoticeLabels: PRIOR_NOTICE_LABELS,
    rejectionGrounds: REJECTION_GROUNDS,
    violations: VIOLATIONS,
    serviceMethods: SERVICE_METHODS,
    statementDays: STATEMENT_DAYS,
    enforcementChoices: ENFORCEMENT_CHOICES,
    moveLabels: { ...Object.fromEntries(MOVES.map((m) => [m.name, m.label])), ...JURISDICTION_STEP_LABELS },
    moves: abilities.moves.filter((m) => !m.activity),
    closeMove: abilities.moves.find((m) => m.name === "close") ?? null,
    jurisdiction: jurisdictionOf(db, c, today, config.majorCase),
    visits: listSiteVisits(db, c.id),
    visitStaff: may("recordVisit") ? visitEligibleStaff(db, c.officeId) : [],
    settlements,
    orders,
    openItems,
    money: moneySummary(db, c.id),
    tasks: tasksOfCase(db, c.id, today),
    blacklist: proceedingsOfCase(db, c.id),
    blacklistStageLabels: STAGE_LABELS,
    units: may("escalate") ? listUnits(db, { activeOnly: true }) : [],
    // Before filing, mediation is 快速调处; on a filed case it is part of the investigation (docs/rules.md).
    mediationTitle: c.filedOn ? "调解（立案后，作为调查处理的一部分）" : "快速调处",
    warnings: {
      // 2-year limit (docs/rules.md §两年时效): a warning and a prefilled 不予受理, never a block.
      limitation: isBeforeAcceptance(c.state) ? limitationWarning(c) : null,
      // 快调 must fit the 5-working-day acceptance window.
      mediationWindow: c.state === "mediating" && (acceptance.status === "dueSoon" || acceptance.status === "overdue") ? acceptance : null,
      agreementOverdue: c.state === "mediating" && settlements.agreement ? isAgreementOverdue(settlements.agreement.payBy, agreementItems, today) : false,
    },
    // Every action flag and every move of the abilities table, by name; views test these, never roles.
    can: {
      ...Object.fromEntries(CASE_ACTIONS.map((action) => [action, abilities[action]])),
      ...Object.fromEntries(MOVE_NAMES.map((name) => [name, may(name)])),
      /** Why the extension can no longer be approved (条例第十七条), shown instead of the form. */
      extendRefused: abilities.extend ? extensionProblem(c, today) : null,
      settle: may("settleByMediation") && settlements.agreement !== null,
    },
    workers: detail.workers.map((w) => (working ? w : { ...w, idNumber: maskIdNumber(w.idNumber), phone: maskPhone(w.phone) })),
    claimedFen: detail.workers.reduce((sum, w) => sum + w.claimedFen, 0),
    inspectors: abilities.assign ? inspectorWorkloads(db, c.officeId) : [],
    evidenceAccept: EVIDENCE_EXTENSIONS,
    evidenceMax: formatBytes(config.evidenceMaxBytes),
    compensationRange: [MIN_COMPENSATION_RATE, MAX_COMPENSATION_RATE],
    duplicateOf: c.possibleDuplicateOf === null ? null : { id: c.possibleDuplicateOf, caseNumber: caseNumberOf(db, c.possibleDuplicateOf) },
    compensationPreview: (order: { unpaidFen: number }, rateText: string) => compensationPreview(order.unpaidFen, Number(rateText)),
    problem,
    form: (id: string) => formState(problem, id),
  });
}

/**
 * Before any change to a case is read or uploaded: only the people working the case (full access in
 * domain/case-abilities.ts) go on; each action's own ability is checked again where it is made.
 */
export function requireCaseWork({ db }: AppContext): RequestHandler {
  return (req, res, next) => {
    const c = getCaseRow(db, caseIdOf(req));
    if (abilitiesOn(db, c, viewerOf(res)).access !== "full") throw new ForbiddenError("只有办理本案的人员可以办理此案件。");
    next();
  };
}

/** Runs a case change; a refused one shows the case again with the reason (nothing is lost). */
export async function actOnCase(
  ctx: AppContext,
  req: Request,
  res: Response,
  form: string,
  change: () => void | Promise<void>,
  values?: Record<string, string>,
): Promise<void> {
  try {
    await change();
  } catch (err) {
    if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
    const status = err instanceof ConflictError ? 409 : err instanceof ValidationError ? 422 : err.status;
    const errors = err instanceof InvalidFormError ? err.errors : err instanceof ValidationError && err.field ? { [err.field]: err.message } : {};
    return renderCasePage(ctx, res, caseIdOf(req), status, { message: err.message, form, errors, values: values ?? formValues(req.body) });
  }
  res.redirect(303, `/cases/${caseIdOf(req)}#${form}`);
}
