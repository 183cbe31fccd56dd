/**
 * Transfers, printed: the 案件移送函 of a transfer to the competent office (docs/rules.md §Offices and jurisdiction) and the
 * 案件移送书 of a transfer to another department (docs/rules.md §移送其他部门), each with its 文号, the case's essentials
 * (ID numbers masked), the basis, the materials and the receiver's 签收 line; and the supervisors' page of the transfers
 * waiting on a 签收 or a reply (docs/rules.md §The transfers page).
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { boundedInt } from "../domain/bounds.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { ForbiddenError } from "../domain/errors.js";
import { DEPARTMENT_TRANSFER_BASIS, TRANSFER_STAGE_LABELS } from "../domain/department-transfers.js";
import { ARRIVAL_LABELS, TRANSFER_LETTER, mayPrintTransferLetter } from "../domain/jurisdiction.js";
import { formValues } from "../forms/form.js";
import { caseIdOf, viewerOf } from "../http/case-page.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { idParam } from "../http/params.js";
import { requireRole } from "../middleware/require-role.js";
import { getCaseDetail } from "../models/cases.js";
import { departmentTransferOfCase } from "../models/department-transfers.js";
import { transferLetterOf } from "../models/jurisdiction.js";
import { getOffice, listOffices } from "../models/offices.js";
import { departmentTransfersWaiting, incomingTransfers, outgoingTransfers } from "../models/transfer-lists.js";

/** The three lists of the transfers page, each paged on its own (`?incoming=2`). */
const LISTS = ["incoming", "outgoing", "departments"] as const;

/** The complainants as a transfer prints them: names, masked ID numbers (the print reads the case masked) and amounts. */
function essentials(detail: ReturnType<typeof getCaseDetail>) {
  const workers = detail.workers;
  return {
    workers: workers.map((w) => ({ name: w.name, idNumber: w.idNumber, claimedFen: w.claimedFen })),
    claimedFen: workers.reduce((sum, w) => sum + w.claimedFen, 0),
    evidence: detail.evidence.filter((e) => e.voidedAt === null),
  };
}

export function transfersRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const staff = requireRole("clerk", "inspector", "supervisor");
  const policy = { inspectorsReadAll: config.inspectorsReadAll };
  // page: null — no personal-data view is recorded and ID numbers come masked, whoever prints.
  const detailOf = (req: Request, res: Response) => getCaseDetail(db, caseIdOf(req), { viewer: viewerOf(res), policy, page: null, now: now() });

  // The 案件移送函 of a transfer to the competent office, issued by the sending office.
  router.get("/cases/:id/office-transfers/:moveId", staff, (req, res) => {
    const detail = detailOf(req, res);
    const move = transferLetterOf(db, detail.case.id, idParam(req, "moveId"));
    if (!mayPrintTransferLetter(detail.abilities, viewerOf(res), move))
      throw new ForbiddenError("只有办理本案的人员和移送、受移送机构的科长可以打印案件移送函。");
    res.render("transfers/office-letter", {
      c: detail.case,
      move,
      ...essentials(detail),
      letter: TRANSFER_LETTER,
      // The sending office is the handling unit on the letter (views/documents/_issuer.ejs).
      office: move.from,
      bureau: config.bureau,
    });
  });

  // The 案件移送书 of a transfer to another department, issued by the office that has the case.
  router.get("/cases/:id/department-transfers/:transferId", staff, (req, res) => {
    const detail = detailOf(req, res);
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    res.render("transfers/department-letter", {
      c: detail.case,
      transfer: departmentTransferOfCase(db, detail.case.id, idParam(req, "transferId")),
      ...essentials(detail),
      basis: DEPARTMENT_TRANSFER_BASIS,
      office: getOffice(db, detail.case.officeId!),
      bureau: config.bureau,
    });
  });

  // What waits on a 签收 or a reply, for an office's supervisors; the city's see every office, or the one filtered.
  router.get("/transfers", requireRole("supervisor"), ctx.pageCache.keep, (req, res) => {
    const can = staffAbilities(viewerOf(res), policy);
    if (!can.viewDashboard) throw new ForbiddenError("只有科长可以查看移送情况。");
    const today = res.locals.today;
    const scope = figuresScopeOf(db, req, res);
    const query = formValues(req.query);
    const pages = Object.fromEntries(LISTS.map((l) => [l, boundedInt(query[l], 1, 100_000) ?? 1])) as Record<(typeof LISTS)[number], number>;
    /** A link to page `n` of one list, the other lists' pages and the office filter kept. */
    const pageLink = (list: (typeof LISTS)[number], n: number) => {
      const params = new URLSearchParams();
      if (can.everyOffice && scope.officeId !== null) params.set("office", String(scope.officeId));
      for (const l of LISTS) if ((l === list ? n : pages[l]) > 1) params.set(l, String(l === list ? n : pages[l]));
      return `/transfers${params.size ? `?${params}` : ""}#${list}`;
    };
    res.render("transfers/index", {
      incoming: incomingTransfers(db, today, scope.officeIds, pages.incoming),
      outgoing: outgoingTransfers(db, today, scope.officeIds, pages.outgoing),
      departments: departmentTransfersWaiting(db, today, scope.officeIds, pages.departments),
      everyOffice: can.everyOffice,
      scope,
      offices: can.everyOffice ? listOffices(db) : [],
      pageLink,
      arrivalLabels: ARRIVAL_LABELS,
      statusLabels: CLOCK_STATUS_LABELS,
      transferStageLabels: TRANSFER_STAGE_LABELS,
      replyDays: config.departmentReplyDays,
    });
  });

  return router;
}
