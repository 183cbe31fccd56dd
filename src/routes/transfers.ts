/**
 * Transfers, printed: the 案件移送函 of a transfer to the competent office (docs/rules.md §Offices and jurisdiction) and the
 * 案件移送书 of a transfer to another department (docs/rules.md §移送其他部门), each with its 文号, the case's essentials
 * (ID numbers masked), the basis, the materials and the receiver's 签收 line.
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { ForbiddenError } from "../domain/errors.js";
import { DEPARTMENT_TRANSFER_BASIS } from "../domain/department-transfers.js";
import { TRANSFER_LETTER, mayPrintTransferLetter } from "../domain/jurisdiction.js";
import { caseIdOf, viewerOf } from "../http/case-page.js";
import { idParam } from "../http/params.js";
import { requireRole } from "../middleware/require-role.js";
import { getCaseDetail } from "../models/cases.js";
import { departmentTransferOfCase } from "../models/department-transfers.js";
import { transferLetterOf } from "../models/jurisdiction.js";
import { getOffice } from "../models/offices.js";

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

  return router;
}
