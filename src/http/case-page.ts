/**
 * The case page: the list of its sections, in page order, and what every router that changes a case
 * shares — a refused change shows the page again with the reason beside the fields of the form it came
 * from, and the user's typed values kept.
 *
 * Each section (src/sections/) says when it applies, what it reads and which partial draws it; the page
 * reads only the sections that apply to this case's state and this viewer. `GET /cases/:id/sections/:key`
 * is one section for htmx (src/routes/case-sections.ts).
 */
import type { Request, RequestHandler, Response } from "express";
import type { AppContext } from "../app-context.js";
import { CASE_ACTIONS, mayMakeMove, type Viewer } from "../domain/case-abilities.js";
import { MOVE_NAMES, OUTCOME_LABELS, STATE_LABELS, eventLabel, isBeforeAcceptance } from "../domain/case-states.js";
import { readCookie } from "../middleware/session.js";
import { limitationWarning } from "../domain/legal-basis.js";
import { caseClocks, clockHistory } from "../domain/clocks.js";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { InvalidFormError, formValues } from "../forms/form.js";
import { loadCalendar } from "../models/calendar.js";
import { shanghaiMinute } from "../domain/dates.js";
import { keepOnlyUntil } from "./page-cache.js";
import { abilitiesOn, getCaseDetail, getCaseRow } from "../models/cases.js";
import { moneySummary, settlementsOf } from "../models/settlements.js";
import type { CaseSection, CaseView } from "../sections/section.js";
import { summarySection } from "../sections/summary.js";
import { officeSection } from "../sections/office.js";
import { clocksSection } from "../sections/clocks.js";
import { mediationSection } from "../sections/mediation.js";
import { ordersSection } from "../sections/orders.js";
import { paymentSection } from "../sections/payment.js";
import { departmentTransfersSection } from "../sections/department-transfers.js";
import { taskForceSection } from "../sections/task-force.js";
import { closeSection } from "../sections/close.js";
import { actionsSection } from "../sections/actions.js";
import { workersSection } from "../sections/workers.js";
import { employerSection } from "../sections/employer.js";
import { visitsSection } from "../sections/visits.js";
import { evidenceSection } from "../sections/evidence.js";
import { timelineSection } from "../sections/timeline.js";
import { phoneContactsSection } from "../sections/phone-contacts.js";
import { employerLettersSection } from "../sections/employer-letters.js";
import { recusalsSection } from "../sections/recusals.js";
import { ratingsSection } from "../sections/ratings.js";
import { sourceSection } from "../sections/source.js";
import { emergencyAdvancesSection } from "../sections/emergency-advances.js";
import { noticeServicesSection } from "../sections/notice-services.js";
import { inquiriesSection } from "../sections/inquiries.js";
import { formState, type CaseProblem } from "./form-state.js";
import { idParam } from "./params.js";

export type { CaseProblem };

/** The case page, top to bottom. A new case action adds its section here (README, "How to add a case action"). */
export const CASE_SECTIONS: readonly CaseSection[] = [
  summarySection,
  sourceSection,
  officeSection,
  clocksSection,
  noticeServicesSection,
  mediationSection,
  ordersSection,
  paymentSection,
  emergencyAdvancesSection,
  taskForceSection,
  departmentTransfersSection,
  closeSection,
  ratingsSection,
  actionsSection,
  workersSection,
  employerSection,
  visitsSection,
  phoneContactsSection,
  employerLettersSection,
  recusalsSection,
  inquiriesSection,
  evidenceSection,
  timelineSection,
];

export function viewerOf(res: Response): Viewer {
  const user = res.locals.user!;
  return { id: user.id, role: user.role, unitId: user.unitId, officeId: user.officeId, cityWide: user.cityWide };
}

export function caseIdOf(req: Request): number {
  return idParam(req);
}

/** Reads shared by several sections, each made once and only if a section asks for it. */
function once<T>(read: () => T): () => T {
  let held: { value: T } | null = null;
  return () => {
    held ??= { value: read() };
    return held.value;
  };
}

/**
 * `page`: the personal-data log's name for what is shown — the case page, or null for a section alone that shows
 * no ID number or phone (the workers then come masked, as that section never draws them).
 */
function caseView({ db, config, now }: AppContext, res: Response, id: number, problem: CaseProblem | null, page: "案件页" | null): CaseView {
  const viewer = viewerOf(res);
  const at = now();
  const detail = getCaseDetail(db, id, { viewer, policy: { inspectorsReadAll: config.inspectorsReadAll }, page, now: at });
  const c = detail.case;
  const today = res.locals.today;
  const calendar = once(() => loadCalendar(db));
  const opened = typeof res.req.query.open === "string" ? res.req.query.open : null;
  const keptOpen = formsKeptOpen(res.req);
  return {
    c,
    abilities: detail.abilities,
    detail,
    viewer,
    config,
    now: at,
    today,
    minuteNow: () => {
      keepOnlyUntil(res, new Date((Math.floor(at.getTime() / 60_000) + 1) * 60_000));
      return shanghaiMinute(at);
    },
    may: (name) => mayMakeMove(detail.abilities, name),
    form: (formId) => formState(problem, formId),
    shows: (formId) => formId === opened || keptOpen.has(formId) || formState(problem, formId).failed,
    focusIfOpened: (formId) => (formId === opened ? " autofocus" : ""),
    calendar,
    clocks: once(() => caseClocks({ ...c, ...clockHistory(detail.events) }, calendar(), today)),
    settlements: once(() => settlementsOf(db, c.id)),
    money: once(() => moneySummary(db, c.id)),
  };
}

/** What every section's partial has: the case, the viewer's abilities by name, its forms, the common labels. */
function pageLocals(view: CaseView, problem: CaseProblem | null) {
  const { c, abilities } = view;
  return {
    ...view.detail,
    c,
    problem,
    form: view.form,
    shows: view.shows,
    focusIfOpened: view.focusIfOpened,
    stateLabels: STATE_LABELS,
    outcomeLabels: OUTCOME_LABELS,
    // 2-year limit (docs/rules.md §两年时效): a warning and a prefilled 不予受理, never a block.
    limitation: isBeforeAcceptance(c.state) ? limitationWarning(c) : null,
    // Every action flag and every move of the abilities table, by name; views test these, never roles.
    can: {
      ...Object.fromEntries(CASE_ACTIONS.map((action) => [action, abilities[action]])),
      ...Object.fromEntries(MOVE_NAMES.map((name) => [name, view.may(name)])),
    },
  };
}

/**
 * The section's other forms the user had open when a change was sent from it (`X-Open-Forms`, public/js/refusals.js):
 * if the whole section comes back (a version conflict, the form gone), they are drawn open again and the browser
 * puts back what was typed in them. Only on a change: a form opened (a GET) draws nothing else open.
 */
function formsKeptOpen(req: Request): Set<string> {
  const named = req.method === "POST" ? req.get("X-Open-Forms") : undefined;
  if (!named) return new Set();
  return new Set(
    named
      .split(",")
      .filter((id) => /^[a-z][a-z0-9-]{0,47}$/.test(id))
      .slice(0, 32),
  );
}

const SAVED_COOKIE = "qx_saved";

/** “已保存：受理并立案” on the page after a change, naming the step the timeline just recorded; then forgotten. */
function savedNotice(res: Response, view: CaseView): string | null {
  if (readCookie(res.req.headers.cookie, SAVED_COOKIE) === null) return null;
  res.clearCookie(SAVED_COOKIE, { path: `/cases/${view.c.id}` });
  const last = view.detail.events.at(-1);
  return last ? eventLabel(last.action) : "";
}

/** The sections that apply to this case for this viewer, in page order. */
export function applicableSections(view: Pick<CaseView, "abilities" | "c">): CaseSection[] {
  return CASE_SECTIONS.filter((s) => s.when(view.abilities, view.c));
}

/** The whole case page, or (`only`) one of its sections: the section's partial alone, as htmx asks for it. */
export function renderCasePage(ctx: AppContext, res: Response, id: number, status = 200, problem: CaseProblem | null = null, only?: string): void {
  const showsPersonalData = only === undefined || CASE_SECTIONS.find((s) => s.key === only)?.showsPersonalData === true;
  const view = caseView(ctx, res, id, problem, showsPersonalData ? "案件页" : null);
  const sections = applicableSections(view);
  const locals = { ...pageLocals(view, problem), saved: problem ? null : savedNotice(res, view) };
  res.vary("HX-Request");
  if (only === undefined) {
    res.status(status).render("cases/show", { ...locals, sections: sections.map((s) => ({ key: s.key, partial: s.partial, locals: s.load(ctx.db, view) })) });
    return;
  }
  const s = sections.find((k) => k.key === only);
  if (!s) throw new NotFoundError("案件页没有这一部分。");
  // htmx swaps only the element it asked from (a form, an opened form: views/partials/_form-opener.ejs), so
  // what was typed in the section's other forms stays. When that element is gone — the case moved on meanwhile
  // and the form no longer applies — the section is swapped whole, as it is now; and so it is after a version
  // conflict (409): someone else's change is shown beside the form, not hidden behind a form with a fresh version.
  // The section's other open forms are then drawn open (`formsKeptOpen`) and the browser puts back what was typed.
  const asked = res.locals.isHtmx === true ? res.req.get("HX-Target") : undefined;
  res.status(status).render(s.partial, { ...locals, ...s.load(ctx.db, view) }, (err: Error | null, html: string) => {
    if (err) return res.req.next?.(err);
    const askedDrawn = asked !== undefined && html.includes(`id="${asked}"`);
    if (asked && asked !== s.key && (status === 409 || !askedDrawn)) {
      res.set({ "HX-Retarget": `#${s.key}`, "HX-Reselect": `#${s.key}`, "HX-Reswap": "outerHTML" });
      // The refused form is not drawn again (what it did no longer applies): the browser says why atop the section.
      if (problem && !askedDrawn) res.set("X-Refusal-Message", encodeURIComponent(problem.message));
    }
    // A refused form drawn again is swapped in whatever the refusal's status (public/js/refusals.js).
    if (problem) res.set("X-Redrawn-Form", "true");
    res.send(html);
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

/**
 * Runs a case change; a refused one shows the case again with the reason (nothing is lost). `section`: the
 * change came from that section's own form, which htmx may have posted — a refusal then returns that section.
 */
export async function actOnCase(
  ctx: AppContext,
  req: Request,
  res: Response,
  form: string,
  change: () => void | Promise<void>,
  values?: Record<string, string>,
  section?: string,
): Promise<void> {
  const partial = section !== undefined && res.locals.isHtmx === true ? section : undefined;
  try {
    await change();
  } catch (err) {
    if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
    const status = err instanceof ConflictError ? 409 : err instanceof ValidationError ? 422 : err.status;
    const errors = err instanceof InvalidFormError ? err.errors : err instanceof ValidationError && err.field ? { [err.field]: err.message } : {};
    return renderCasePage(ctx, res, caseIdOf(req), status, { message: err.message, form, errors, values: values ?? formValues(req.body) }, partial);
  }
  const saved = `/cases/${caseIdOf(req)}#${form}`;
  // The page shown next says what was saved, once (a short cookie for this case's page only).
  res.cookie(SAVED_COOKIE, "1", { path: `/cases/${caseIdOf(req)}`, maxAge: 60_000, httpOnly: true, sameSite: "lax", secure: ctx.config.cookieSecure });
  // Saved: the whole page again (every form on it carries the case's new version). HX-Refresh too: the address
  // differs from the page's only by its #anchor, which the browser would follow without loading the page.
  if (partial !== undefined) return void res.set({ "HX-Redirect": saved, "HX-Refresh": "true" }).status(204).end();
  res.redirect(303, saved);
}
