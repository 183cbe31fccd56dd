/** 失信联合惩戒名单 proceedings for staff: the board, the proposal, each step, and the printable notice and decision. */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app.js";
import {
  GROUNDS_LABELS,
  MIN_GROUP_WORKERS,
  MIN_MONTHS_OWED,
  PERSON_ROLE_LABELS,
  REMOVAL_LABELS,
  STAGE_LABELS,
  decisionDeadline,
  earlyRemovalEligibleOn,
  effectiveRemoval,
  objectionDeadline,
  proceedingClocks,
  unpaidOf,
  verificationDeadline,
} from "../domain/blacklist.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { maskIdNumber } from "../domain/masking.js";
import { recordPersonalDataView } from "../models/personal-data-views.js";
import { checked, parseProposal, PERSON_ROWS, textField } from "../forms/blacklist-form.js";
import { formValues, valid } from "../forms/form.js";
import { viewerOf } from "../http/case-page.js";
import { requireRole } from "../middleware/require-role.js";
import {
  blacklistAbilitiesOn,
  answerObjection,
  assertMayPropose,
  applyEarlyRemoval,
  approveProposal,
  decideEarlyRemoval,
  decideListing,
  endProceeding,
  extendDecision,
  getProceeding,
  listProceedings,
  orderDue,
  proceedingFacts,
  proposeListing,
  recordObjection,
  recordPaidAndPledged,
  recordService,
  reverseEarlyRemoval,
  revokeListing,
  upcomingExpiries,
} from "../models/blacklist.js";
import { listAudit } from "../models/audit.js";
import { loadCalendar } from "../models/calendar.js";
import { getCaseDetail } from "../models/cases.js";

const labels = {
  stageLabels: STAGE_LABELS,
  groundsLabels: GROUNDS_LABELS,
  personRoleLabels: PERSON_ROLE_LABELS,
  removalLabels: REMOVAL_LABELS,
  clockStatusLabels: CLOCK_STATUS_LABELS,
};

export function blacklistRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const staff = requireRole("inspector", "supervisor");
  const idOf = (req: Request) => Number(req.params.id);

  router.get("/blacklist", staff, (req, res) => {
    const today = res.locals.today;
    const cal = loadCalendar(db);
    const stage = typeof req.query.stage === "string" && req.query.stage in STAGE_LABELS ? req.query.stage : "";
    const rows = listProceedings(db, { stage }).map((p) => {
      const f = proceedingFacts(p, p.payBy);
      return { ...p, clocks: proceedingClocks(f, today, cal), removal: effectiveRemoval(f, today) };
    });
    res.render("blacklist/index", { ...labels, rows, stage, expiries: upcomingExpiries(db, today) });
  });

  // ---- Proposal ----------------------------------------------------------------------------

  const proposalPage = (req: Request, res: Response, status: number, values: Record<string, string>, message: string | null) => {
    const caseId = Number(req.query.caseId ?? values.caseId);
    const orderId = Number(req.query.orderId ?? values.orderId);
    const detail = getCaseDetail(db, caseId, viewerOf(res), { inspectorsReadAll: false });
    const order = orderDue(db, caseId, orderId);
    if (!order) throw new NotFoundError("指令书不存在。");
    assertMayPropose(db, viewerOf(res), caseId, res.locals.today);
    res.status(status).render("blacklist/new", {
      ...labels,
      c: detail.case,
      order: { ...order, unpaid: unpaidOf(order) },
      thresholds: config.blacklistThresholds,
      minMonths: MIN_MONTHS_OWED,
      minWorkers: MIN_GROUP_WORKERS,
      personRows: PERSON_ROWS,
      values: { caseId: String(caseId), orderId: String(orderId), ...values },
      message,
    });
  };

  router.get("/blacklist/new", staff, (req, res) => proposalPage(req, res, 200, {}, null));

  router.post("/blacklist", staff, (req, res) => {
    const v = formValues(req.body);
    const caseId = Number(v.caseId);
    if (Number.isInteger(caseId) && caseId > 0) assertMayPropose(db, viewerOf(res), caseId, res.locals.today);
    try {
      const id = proposeListing(db, {
        input: { caseId: Number(v.caseId), orderId: Number(v.orderId), ...valid(parseProposal(req.body)) },
        thresholds: config.blacklistThresholds,
        actor: viewerOf(res),
        now: now(),
      });
      res.redirect(303, `/blacklist/${id}`);
    } catch (err) {
      if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
      proposalPage(req, res, 422, v, err.message);
    }
  });

  // ---- One proceeding ----------------------------------------------------------------------

  const showPage = (res: Response, id: number, status = 200, problem: { form: string; message: string; values: Record<string, string> } | null = null) => {
    const today = res.locals.today;
    const cal = loadCalendar(db);
    const p = getProceeding(db, id);
    const f = proceedingFacts(p, p.payBy);
    const viewer = viewerOf(res);
    const can = blacklistAbilitiesOn(db, viewer, p.caseId, f, today);
    // Staff of another office have no standing on the case (属地管理, docs/rules.md §Offices and jurisdiction).
    if (!can.view) throw new ForbiddenError("您不能查看此案件的失信名单程序。");
    // Only the people working the case see the listed persons' ID numbers in full (docs/rules.md).
    const seesIds = can.work;
    if (seesIds && p.persons.length) recordPersonalDataView(db, { caseId: p.caseId, userId: viewer.id, page: "失信名单提请", now: now() });
    res.status(status).render("blacklist/show", {
      ...labels,
      p: { ...p, persons: p.persons.map((x) => ({ ...x, idNumber: seesIds ? x.idNumber : maskIdNumber(x.idNumber) })) },
      can,
      hasSteps: Object.entries(can).some(([step, allowed]) => allowed && step !== "view" && step !== "work" && step !== "propose"),
      clocks: proceedingClocks(f, today, cal),
      removal: effectiveRemoval(f, today),
      due: {
        objection: p.noticeServedOn ? objectionDeadline(p.noticeServedOn, cal) : null,
        verification: p.objectionOn ? verificationDeadline(p.objectionOn, cal) : null,
        decision: decisionDeadline(p.payBy, p.decisionExtended, cal),
        earlyEligible: p.earlyCorrectedOn ? earlyRemovalEligibleOn(p.earlyCorrectedOn) : null,
      },
      history: listAudit(db, `blacklist:${id}`),
      problem,
    });
  };

  router.get("/blacklist/:id", staff, (req, res) => showPage(res, idOf(req)));

  /** A step: run it, then back to the proceeding; a refused step shows the page again with the reason. */
  const act = (path: string, form: string, run: (req: Request, res: Response) => void) =>
    router.post(`/blacklist/:id/${path}`, staff, (req, res) => {
      try {
        run(req, res);
      } catch (err) {
        if (err instanceof ForbiddenError || !(err instanceof DomainError)) throw err;
        const status = err instanceof ValidationError ? 422 : err.status;
        return showPage(res, idOf(req), status, { form, message: err.message, values: formValues(req.body) });
      }
      res.redirect(303, `/blacklist/${idOf(req)}#${form}`);
    });
  const base = (req: Request, res: Response) => ({ id: idOf(req), actor: viewerOf(res), now: now() });

  act("approve", "approve", (req, res) => approveProposal(db, { ...base(req, res), numberPrefix: config.bureau.blacklistNoticePrefix }));
  act("end", "end", (req, res) => endProceeding(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  act("service", "service", (req, res) => recordService(db, { ...base(req, res), servedOn: textField(req.body, "servedOn") }));
  act("objection", "objection", (req, res) =>
    recordObjection(db, { ...base(req, res), objectionOn: textField(req.body, "objectionOn"), text: textField(req.body, "text"), calendar: loadCalendar(db) }),
  );
  act("verification", "verification", (req, res) => answerObjection(db, { ...base(req, res), text: textField(req.body, "text") }));
  act("pledge", "pledge", (req, res) =>
    recordPaidAndPledged(db, { ...base(req, res), pledged: checked(req.body, "pledged"), note: textField(req.body, "note") }),
  );
  act("extend", "extend", (req, res) => extendDecision(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  act("decision", "decision", (req, res) =>
    decideListing(db, {
      ...base(req, res),
      sanctions: textField(req.body, "sanctions"),
      numberPrefix: config.bureau.blacklistDecisionPrefix,
      calendar: loadCalendar(db),
    }),
  );
  act("early-removal", "early", (req, res) =>
    applyEarlyRemoval(db, { ...base(req, res), correctedOn: textField(req.body, "correctedOn"), note: textField(req.body, "note") }),
  );
  act("early-removal/decision", "early-decision", (req, res) =>
    decideEarlyRemoval(db, {
      ...base(req, res),
      grant: textField(req.body, "grant") === "yes",
      pledged: checked(req.body, "pledged"),
      newArrears: checked(req.body, "newArrears"),
      criminalProceedings: checked(req.body, "criminalProceedings"),
      note: textField(req.body, "note"),
    }),
  );
  act("revoke", "revoke", (req, res) => revokeListing(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  act("reverse", "reverse", (req, res) => reverseEarlyRemoval(db, { ...base(req, res), reason: textField(req.body, "reason") }));

  // ---- Printable documents ------------------------------------------------------------------

  const documentOf = (req: Request, res: Response) => {
    const p = getProceeding(db, idOf(req));
    if (!blacklistAbilitiesOn(db, viewerOf(res), p.caseId, proceedingFacts(p, p.payBy), res.locals.today).work)
      throw new ForbiddenError("只有承办本案的监察员或科长可以打印本程序的文书。");
    return p;
  };

  router.get("/blacklist/:id/notice", staff, (req, res) => {
    const p = documentOf(req, res);
    if (!p.noticeNumber) throw new NotFoundError("提请尚未审批，没有告知书。");
    res.render("blacklist/notice", { ...labels, p });
  });

  router.get("/blacklist/:id/decision", staff, (req, res) => {
    const p = documentOf(req, res);
    if (!p.decisionNumber) throw new NotFoundError("尚未作出列入决定。");
    // The decision is published with the entry: ID numbers are masked on it too.
    res.render("blacklist/decision", { ...labels, p: { ...p, persons: p.persons.map((x) => ({ ...x, idNumber: maskIdNumber(x.idNumber) })) } });
  });

  return router;
}
