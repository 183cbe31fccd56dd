/** 失信联合惩戒名单 proceedings for staff: the board, the proposal, each step, and the printable notice and decision. */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import {
  EMPLOYER_PARTY,
  GROUNDS_LABELS,
  MIN_GROUP_WORKERS,
  MIN_MONTHS_OWED,
  PERSON_ROLE_LABELS,
  REMOVAL_LABELS,
  STAGE_LABELS,
  earlyRemovalEligibleOn,
  effectiveRemoval,
  isDecisionLate,
  lastObjectionDay,
  objectionDeadline,
  proceedingClocks,
  removalDocumentLabel,
  unpaidOf,
  verificationDeadline,
  type BlacklistAbilities,
} from "../domain/blacklist.js";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS } from "../domain/service.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { parseProposal, PERSON_ROWS } from "../forms/blacklist-form.js";
import { checked, parseService, textField } from "../forms/service-form.js";
import { formValues, valid } from "../forms/form.js";
import { viewerOf } from "../http/case-page.js";
import { rowsOffice } from "../domain/case-abilities.js";
import { requireRole } from "../middleware/require-role.js";
import {
  answerObjection,
  assertMayPropose,
  applyEarlyRemoval,
  approveProposal,
  decideEarlyRemoval,
  decideListing,
  decideNotListed,
  endProceeding,
  extendDecision,
  getProceeding,
  listProceedings,
  orderDue,
  proposeListing,
  recordDecisionService,
  recordObjection,
  recordRemovalService,
  recordService,
  reverseEarlyRemoval,
  revokeListing,
  upcomingExpiries,
} from "../models/blacklist.js";
import { listAudit } from "../models/audit.js";
import { loadCalendar } from "../models/calendar.js";
import { getCaseDetail } from "../models/cases.js";
import { getDocumentService, type DocumentService } from "../models/document-services.js";
import { getOffice } from "../models/offices.js";
import { idParam } from "../http/params.js";

const labels = {
  stageLabels: STAGE_LABELS,
  groundsLabels: GROUNDS_LABELS,
  personRoleLabels: PERSON_ROLE_LABELS,
  removalLabels: REMOVAL_LABELS,
  clockStatusLabels: CLOCK_STATUS_LABELS,
  serviceMethodLabels: SERVICE_METHOD_LABELS,
  publicNoticeDays: PUBLIC_NOTICE_DAYS,
};

/** The documents of a proceeding served through `document_services`, as their 送达回证 names them. */
const DOCUMENT_TITLES = {
  blacklistNotice: "拟列入拖欠农民工工资失信联合惩戒对象名单告知书",
  blacklistDecision: "列入拖欠农民工工资失信联合惩戒对象名单决定书",
  blacklistRemoval: "移出拖欠农民工工资失信联合惩戒对象名单决定书",
} as const;

/** Which ability shows each step's form: a refusal whose form is not on the page is shown above the steps. */
const FORM_ABILITY: Record<string, keyof BlacklistAbilities> = {
  approve: "approve",
  end: "end",
  service: "serve",
  objection: "recordObjection",
  verification: "answerObjection",
  pledge: "notList",
  extend: "extend",
  decision: "decide",
  "decision-service": "serveDecision",
  "removal-service": "serveRemoval",
  early: "applyEarlyRemoval",
  "early-decision": "decideEarlyRemoval",
  revoke: "revoke",
  reverse: "reverse",
};

export function blacklistRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const staff = requireRole("inspector", "supervisor");
  const idOf = (req: Request) => idParam(req);

  router.get("/blacklist", staff, (req, res) => {
    const today = res.locals.today;
    const cal = loadCalendar(db);
    const stage = typeof req.query.stage === "string" && req.query.stage in STAGE_LABELS ? req.query.stage : "";
    const lateOnly = req.query.late === "1";
    const officeId = rowsOffice(viewerOf(res));
    const all = listProceedings(db, { stage, officeId }).map((p) => ({
      ...p,
      late: isDecisionLate(p.state, today),
      clocks: proceedingClocks(p.state, today, cal),
      removal: effectiveRemoval(p.state, today),
    }));
    // Late proceedings (past the decision period, still pending) lead the board (docs/rules.md).
    const rows = (lateOnly ? all.filter((p) => p.late) : all).sort((a, b) => Number(b.late) - Number(a.late));
    res.render("blacklist/index", {
      ...labels,
      rows,
      stage,
      lateOnly,
      lateCount: all.filter((p) => p.late).length,
      expiries: upcomingExpiries(db, today, officeId),
    });
  });

  // ---- Proposal ----------------------------------------------------------------------------

  const proposalPage = (req: Request, res: Response, status: number, values: Record<string, string>, message: string | null) => {
    const caseId = Number(req.query.caseId ?? values.caseId);
    const orderId = Number(req.query.orderId ?? values.orderId);
    const detail = getCaseDetail(db, caseId, { viewer: viewerOf(res), policy: { inspectorsReadAll: false }, page: null, now: now() });
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
    // The persons' ID numbers come masked unless the viewer works the case (getProceeding records the view).
    const p = getProceeding(db, id, { viewer: viewerOf(res), today, now: now(), page: "失信名单提请" });
    const f = p.state;
    const can = p.abilities;
    // Staff of another office have no standing on the case (属地管理, docs/rules.md §Offices and jurisdiction).
    if (!can.view) throw new ForbiddenError("您不能查看此案件的失信名单程序。");
    res.status(status).render("blacklist/show", {
      ...labels,
      p,
      can,
      unplacedProblem: problem && !can[FORM_ABILITY[problem.form]!] ? problem.message : null,
      hasSteps: Object.entries(can).some(([step, allowed]) => allowed && step !== "view" && step !== "work" && step !== "propose"),
      clocks: proceedingClocks(f, today, cal),
      removal: effectiveRemoval(f, today),
      removalDocument: removalDocumentLabel(f),
      due: {
        objection: (key: string) => {
          const served = f.parties.find((x) => x.key === key)?.noticeServedOn;
          return served ? objectionDeadline(served, cal) : null;
        },
        verification: (on: string) => verificationDeadline(on, cal),
        lastObjection: lastObjectionDay(f, cal),
        decision: f.decisionDueOn,
        late: isDecisionLate(f, today),
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
  const base = (req: Request, res: Response) => ({ id: idOf(req), version: Number(textField(req.body, "version")), actor: viewerOf(res), now: now() });

  act("approve", "approve", (req, res) => approveProposal(db, { ...base(req, res), numberPrefix: config.bureau.blacklistNoticePrefix }));
  act("end", "end", (req, res) => endProceeding(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  const party = (req: Request) => textField(req.body, "party");
  act("service", "service", (req, res) => recordService(db, { ...base(req, res), partyKey: party(req), input: parseService(req.body) }));
  act("decision-service", "decision-service", (req, res) =>
    recordDecisionService(db, { ...base(req, res), partyKey: party(req), input: parseService(req.body) }),
  );
  act("objection", "objection", (req, res) =>
    recordObjection(db, {
      ...base(req, res),
      partyKey: party(req),
      objectionOn: textField(req.body, "objectionOn"),
      text: textField(req.body, "text"),
      calendar: loadCalendar(db),
    }),
  );
  act("verification", "verification", (req, res) => answerObjection(db, { ...base(req, res), partyKey: party(req), text: textField(req.body, "text") }));
  act("pledge", "pledge", (req, res) => decideNotListed(db, { ...base(req, res), pledged: checked(req.body, "pledged"), note: textField(req.body, "note") }));
  act("extend", "extend", (req, res) => extendDecision(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  act("decision", "decision", (req, res) =>
    decideListing(db, {
      ...base(req, res),
      sanctions: textField(req.body, "sanctions"),
      lateReason: textField(req.body, "lateReason"),
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
      numberPrefix: config.bureau.blacklistRemovalPrefix,
    }),
  );
  act("removal-service", "removal-service", (req, res) => recordRemovalService(db, { ...base(req, res), partyKey: party(req), input: parseService(req.body) }));
  act("revoke", "revoke", (req, res) => revokeListing(db, { ...base(req, res), reason: textField(req.body, "reason") }));
  act("reverse", "reverse", (req, res) => reverseEarlyRemoval(db, { ...base(req, res), reason: textField(req.body, "reason") }));

  // ---- Printable documents ------------------------------------------------------------------

  // `page`: the document's name in the personal-data log, or null for one printed with the ID numbers masked.
  const documentOf = (req: Request, res: Response, page: string | null) => {
    const p = getProceeding(db, idOf(req), { viewer: viewerOf(res), today: res.locals.today, now: now(), page });
    if (!p.abilities.work) throw new ForbiddenError("只有承办本案的监察员或科长可以打印本程序的文书。");
    return p;
  };

  /** Each party gets its own copy, addressed to it (`?party=`); the employer's by default. */
  const addressee = (req: Request, p: ReturnType<typeof documentOf>) => {
    const key = typeof req.query.party === "string" ? req.query.party : EMPLOYER_PARTY;
    const party = p.parties.find((x) => x.key === key);
    if (!party) throw new NotFoundError("本程序没有该当事人。");
    return party;
  };

  /** The office that issued a document names itself on it as the handling unit (docs/rules.md §Documents). */
  const issuingOffice = (id: number | null) => (id === null ? null : (getOffice(db, id) ?? null));

  /**
   * A document of the proceeding addressed to one party, with that party's service if recorded. `page`: the
   * document's name in the personal-data log, or null when it is printed with the ID numbers masked.
   */
  const partyDocument = (
    path: string,
    view: string,
    page: string | null,
    of: (p: ReturnType<typeof documentOf>) => { missing: string | null; services: DocumentService[]; officeId: number | null },
  ) =>
    router.get(`/blacklist/:id/${path}`, staff, (req, res) => {
      const p = documentOf(req, res, page);
      const doc = of(p);
      if (doc.missing) throw new NotFoundError(doc.missing);
      const party = addressee(req, p);
      res.render(view, { ...labels, p, party, service: doc.services.find((s) => s.partyKey === party.key) ?? null, office: issuingOffice(doc.officeId) });
    });

  partyDocument("notice", "blacklist/notice", "失信名单告知书", (p) => ({
    missing: p.noticeNumber ? null : "提请尚未审批，没有告知书。",
    services: p.noticeServices,
    officeId: p.noticeOfficeId,
  }));
  // The decision is published with the entry: ID numbers are masked on it too.
  partyDocument("decision", "blacklist/decision", null, (p) => ({
    missing: p.decisionNumber ? null : "尚未作出列入决定。",
    services: p.decisionServices,
    officeId: p.decisionOfficeId,
  }));
  // The 移出决定书 of an early removal (第十二–十四条), masked like the 列入决定书 it ends.
  partyDocument("removal", "blacklist/removal", null, (p) => ({
    missing: p.removalKind === "early" && p.removalNumber ? null : "本程序没有提前移出决定书。",
    services: p.removalServices,
    officeId: p.removalOfficeId,
  }));

  /** The 送达回证 of one service of the notice, the decision or the removal decision. */
  router.get("/blacklist/:id/services/:serviceId", staff, (req, res) => {
    const p = documentOf(req, res, null);
    const found = getDocumentService(db, idParam(req, "serviceId"));
    const s = found?.s;
    const documentTitle = s ? DOCUMENT_TITLES[s.document as keyof typeof DOCUMENT_TITLES] : undefined;
    if (!s || s.documentId !== p.id || !documentTitle) throw new NotFoundError("没有这条送达记录。");
    res.render("services/receipt", { ...labels, s, recordedBy: found.recordedBy, documentTitle, back: `/blacklist/${p.id}` });
  });

  return router;
}
