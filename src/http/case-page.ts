/**
 * The case page, shared by every router that changes a case: a refused change shows the page again with
 * the reason next to the form it came from, and the user's typed values kept.
 */
import type { Request, Response } from "express";
import type { AppContext } from "../app.js";
import { actorFor, canAssign, canExtend, type Viewer } from "../domain/case-access.js";
import { MOVES, OUTCOME_LABELS, STATE_LABELS, allowedMoves, isFiled, isOpen } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS, caseClocks } from "../domain/clocks.js";
import { ENFORCEMENT_LABELS, MAX_COMPENSATION_RATE, MIN_COMPENSATION_RATE, orderClock, outstandingFen } from "../domain/money.js";
import { ConflictError, DomainError, ForbiddenError, ValidationError } from "../domain/errors.js";
import { isAgreementOverdue } from "../domain/mediation.js";
import { maskIdNumber, maskPhone } from "../domain/masking.js";
import { CHANNEL_LABELS } from "../domain/reference-data.js";
import { ESCALATION_GROUNDS, TASK_STATUS_LABELS } from "../domain/task-force.js";
import { formValues } from "../forms/form.js";
import { EVIDENCE_EXTENSIONS, formatBytes } from "./uploads.js";
import { loadCalendar } from "../models/calendar.js";
import { getCaseDetail, inspectorWorkloads } from "../models/cases.js";
import { moneySummary, settlementsOf } from "../models/settlements.js";
import { listSiteVisits, visitEligibleStaff } from "../models/site-visits.js";
import { abilitiesOn, proceedingsOfCase } from "../models/blacklist.js";
import { STAGE_LABELS } from "../domain/blacklist.js";
import { tasksOfCase } from "../models/task-force.js";
import { listUnits } from "../models/units.js";

export interface CaseProblem {
  message: string;
  /** The id of the form the failed request came from. */
  form?: string;
  values?: Record<string, string>;
}

export function viewerOf(res: Response): Viewer {
  const user = res.locals.user!;
  return { id: user.id, role: user.role };
}

export function caseIdOf(req: Request): number {
  return Number(req.params.id);
}

export function renderCasePage({ db, config }: AppContext, res: Response, id: number, status = 200, problem: CaseProblem | null = null): void {
  const viewer = viewerOf(res);
  const detail = getCaseDetail(db, id, viewer, { inspectorsReadAll: config.inspectorsReadAll });
  const c = detail.case;
  const working = detail.access === "work";
  const today = res.locals.today;
  const allowed = working ? allowedMoves(c.state, actorFor(c, viewer)) : [];
  const may = (name: string) => allowed.some((m) => m.name === name);
  const settlements = settlementsOf(db, c.id);
  const calendar = loadCalendar(db);
  const clocks = caseClocks(c, calendar, today);
  const acceptance = clocks.find((k) => k.key === "acceptance")!;
  const agreementItems = settlements.agreement?.items ?? [];
  const orders = settlements.orders.map((o) => {
    const unpaidFen = outstandingFen(o.items);
    const clock = orderClock({ ...o, unpaidFen }, today, calendar);
    return { ...o, unpaidFen, left: clock.left, clockStatus: clock.status, overdueUnpaid: clock.overdueUnpaid };
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
    stateLabels: STATE_LABELS,
    outcomeLabels: OUTCOME_LABELS,
    channelLabels: CHANNEL_LABELS,
    taskStatusLabels: TASK_STATUS_LABELS,
    escalationGrounds: ESCALATION_GROUNDS,
    enforcementLabels: ENFORCEMENT_LABELS,
    moveLabels: Object.fromEntries(MOVES.map((m) => [m.name, m.label])),
    moves: allowed.filter((m) => !m.activity),
    closeMove: allowed.find((m) => m.name === "close") ?? null,
    visits: listSiteVisits(db, c.id),
    visitStaff: may("recordVisit") ? visitEligibleStaff(db) : [],
    settlements,
    orders,
    openItems,
    money: moneySummary(db, c.id),
    tasks: tasksOfCase(db, c.id, today),
    blacklist: proceedingsOfCase(db, c.id),
    blacklistStageLabels: STAGE_LABELS,
    units: may("escalate") ? listUnits(db, { activeOnly: true }) : [],
    warnings: {
      // 快调 must fit the 5-working-day acceptance window.
      mediationWindow: c.state === "mediating" && (acceptance.status === "dueSoon" || acceptance.status === "overdue") ? acceptance : null,
      agreementOverdue: c.state === "mediating" && settlements.agreement ? isAgreementOverdue(settlements.agreement.payBy, agreementItems, today) : false,
    },
    can: {
      assign: working && canAssign(viewer) && isOpen(c.state),
      extend: working && canExtend(viewer) && isFiled(c.state) && c.extensionDays === 0,
      addEvidence: working,
      openEvidence: working,
      notices: working,
      voidEvidence: working && viewer.role !== "clerk",
      recordVisit: may("recordVisit"),
      recordMediation: may("recordMediation"),
      settle: may("settleByMediation") && settlements.agreement !== null,
      recordPayment: may("recordPayment"),
      issueOrder: may("issueOrder"),
      enforce: may("enforce"),
      escalate: may("escalate"),
      close: may("close"),
      isSupervisor: viewer.role === "supervisor",
      proposeBlacklist: working && abilitiesOn(db, viewer, c.id, null, today).propose,
    },
    workers: detail.workers.map((w) => (working ? w : { ...w, idNumber: maskIdNumber(w.idNumber), phone: maskPhone(w.phone) })),
    claimedFen: detail.workers.reduce((sum, w) => sum + w.claimedFen, 0),
    inspectors: canAssign(viewer) ? inspectorWorkloads(db) : [],
    evidenceAccept: EVIDENCE_EXTENSIONS,
    evidenceMax: formatBytes(config.evidenceMaxBytes),
    compensationRange: [MIN_COMPENSATION_RATE, MAX_COMPENSATION_RATE],
    problem,
  });
}

/** Runs a case change; a refused one shows the case again with the reason (nothing is lost). */
export async function actOnCase(ctx: AppContext, req: Request, res: Response, form: string, change: () => void | Promise<void>, values?: Record<string, string>): Promise<void> {
  try {
    await change();
  } catch (err) {
    if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
    const status = err instanceof ConflictError ? 409 : err instanceof ValidationError ? 422 : err.status;
    return renderCasePage(ctx, res, caseIdOf(req), status, { message: err.message, form, values: values ?? formValues(req.body) });
  }
  res.redirect(303, `/cases/${caseIdOf(req)}#${form}`);
}
