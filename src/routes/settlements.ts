/** 快速调处, 责令限期支付, payments, enforcement and closing on a case; and the documents they print. */
import { Router } from "express";
import type { AppContext } from "../app.js";
import { OUTCOME_LABELS } from "../domain/case-states.js";
import { ForbiddenError, NotFoundError } from "../domain/errors.js";
import { formValues, valid } from "../forms/form.js";
import { parseClosing, parseEnforcement, parseMediation, parseOrder, parsePayment } from "../forms/settlement-forms.js";
import { actOnCase, caseIdOf, renderCasePage, requireCaseWork, viewerOf } from "../http/case-page.js";
import { discardFiles, rejectionMessage, toStoredFile, uploadedFiles } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { renderPageOrPartial } from "../http/render.js";
import { compensationPreview, outstandingFen } from "../domain/money.js";
import { getCaseDetail, workersOfCase } from "../models/cases.js";
import { closeCase, enforceOrder, issueOrder, moneySummary, recordMediation, recordPayment, settleByMediation, settlementsOf } from "../models/settlements.js";

export function settlementsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const workersOf = (id: number) => workersOfCase(db, id);
  const investigators = [requireRole("inspector", "supervisor"), requireCaseWork(ctx)];
  const { upload } = ctx;
  const version = (body: unknown) => Number(formValues(body).version);

  router.post("/cases/:id/mediations", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "mediation", () =>
      recordMediation(db, { caseId: caseIdOf(req), version: version(req.body), input: valid(parseMediation(req.body, workersOf(caseIdOf(req)))), actor: viewerOf(res), now: now() }),
    ),
  );

  router.post("/cases/:id/settle", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "settle", () => settleByMediation(db, { caseId: caseIdOf(req), version: version(req.body), note: formValues(req.body).note ?? "", actor: viewerOf(res), now: now() })),
  );

  router.post("/cases/:id/orders", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "order", () => {
      issueOrder(db, { caseId: caseIdOf(req), version: version(req.body), ...valid(parseOrder(req.body, workersOf(caseIdOf(req)))), numberPrefix: config.bureau.orderPrefix, actor: viewerOf(res), now: now() });
    }),
  );

  router.post("/cases/:id/payments", ...investigators, upload.array("proof", 1), async (req, res) => {
    const files = uploadedFiles(req);
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    if (rejected) {
      await discardFiles(files);
      return renderCasePage(ctx, res, caseIdOf(req), 422, { message: rejected, form: "payment", values: formValues(req.body) });
    }
    let saved = false;
    try {
      await actOnCase(ctx, req, res, "payment", () => {
        const proof = files[0] ? toStoredFile(files[0]) : null;
        recordPayment(db, { caseId: caseIdOf(req), version: version(req.body), input: { ...valid(parsePayment(req.body)), proof }, actor: viewerOf(res), now: now() });
        saved = true;
      });
    } finally {
      if (!saved) await discardFiles(files);
    }
  });

  router.post("/cases/:id/orders/:orderId/enforce", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `enforce-${req.params.orderId}`, () =>
      enforceOrder(db, { caseId: caseIdOf(req), orderId: Number(req.params.orderId), version: version(req.body), action: valid(parseEnforcement(req.body)), actor: viewerOf(res), now: now() }),
    ),
  );

  // The enforcement form computes 加付赔偿金 from the rate as it is typed (htmx); the same URL is a page too.
  router.get("/cases/:id/orders/:orderId/compensation", ...investigators, (req, res) => {
    const detail = getCaseDetail(db, caseIdOf(req), viewerOf(res), { inspectorsReadAll: false });
    const order = settlementsOf(db, detail.case.id).orders.find((o) => o.id === Number(req.params.orderId));
    if (!order) throw new NotFoundError("指令书不存在。");
    const data = { c: detail.case, order, ...compensationPreview(outstandingFen(order.items), Number(req.query.ratePercent)) };
    renderPageOrPartial(res, "settlements/compensation", "settlements/_compensation", data);
  });

  router.post("/cases/:id/close", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "close", () => {
      closeCase(db, { caseId: caseIdOf(req), version: version(req.body), ...valid(parseClosing(req.body, workersOf(caseIdOf(req)))), actor: viewerOf(res), now: now() });
    }),
  );

  // ---- Printable documents ------------------------------------------------------------------

  const workingDetail = (req: import("express").Request, res: import("express").Response) => {
    const detail = getCaseDetail(db, caseIdOf(req), viewerOf(res), { inspectorsReadAll: config.inspectorsReadAll });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    return detail;
  };
  const staff = requireRole("clerk", "inspector", "supervisor");

  router.get("/cases/:id/mediations/:mediationId/agreement", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const { agreement, sessions } = settlementsOf(db, detail.case.id);
    const session = sessions.find((m) => m.id === Number(req.params.mediationId) && m.result === "agreement");
    if (!session || !agreement || agreement.id !== session.id) throw new NotFoundError("调解协议不存在。");
    res.render("settlements/agreement", { ...detail, c: detail.case, session, items: agreement.items, bureau: config.bureau });
  });

  router.get("/cases/:id/orders/:orderId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const order = settlementsOf(db, detail.case.id).orders.find((o) => o.id === Number(req.params.orderId));
    if (!order) throw new NotFoundError("指令书不存在。");
    res.render("settlements/order", { ...detail, c: detail.case, order, bureau: config.bureau });
  });

  router.get("/cases/:id/report", staff, (req, res) => {
    const detail = workingDetail(req, res);
    if (!detail.case.closedOn) throw new NotFoundError("案件尚未结案，没有结案报告。");
    res.render("settlements/report", { ...detail, c: detail.case, money: moneySummary(db, detail.case.id), outcomeLabels: OUTCOME_LABELS, bureau: config.bureau });
  });

  return router;
}
