/** 快速调处, 责令限期支付, payments, enforcement and closing on a case; and the documents they print. */
import { Router } from "express";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS } from "../domain/service.js";
import { parseYuanToFen } from "../forms/money.js";
import { parseService } from "../forms/service-form.js";
import {
  applyToCourt,
  decisionOfCase,
  demandOfCase,
  issueDemand,
  policeReferralOfCase,
  recordCourtResult,
  recordReferralStep,
  remediesOf,
  recordRemedyFiling,
  recordRemedyOutcome,
  serveDecision,
  serveDemand,
} from "../models/decision-remedies.js";
import { DEMAND_DAYS } from "../domain/court-enforcement.js";
import { REMEDY_LABELS, REMEDY_OUTCOME_LABELS } from "../domain/remedies.js";
import { getDocumentService, type ServedDocument, servicesOf } from "../models/document-services.js";
import type { AppContext } from "../app-context.js";
import { OUTCOME_LABELS } from "../domain/case-states.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { DECISION_BASIS, ORDER_BASIS, POLICE_REFERRAL_BASIS, VIOLATIONS } from "../domain/legal-basis.js";
import { issuePriorNotice, priorNoticesOf, recordStatement, servePriorNotice } from "../models/prior-notices.js";
import { CLOCK_STATUS_LABELS, EXTENSION_DAYS, PROVISIONAL_NOTE, STATUTORY_DAYS, caseClocks, clockHistory } from "../domain/clocks.js";
import { loadCalendar } from "../models/calendar.js";
import { formValues, valid } from "../forms/form.js";
import { parseClosing, parseEnforcement, parseMediation, parseOrder, parsePayment, parsePaymentTable } from "../forms/settlement-forms.js";
import { actOnCase, caseIdOf, renderCasePage, requireCaseWork, viewerOf } from "../http/case-page.js";
import { keepUploads, rejectionMessage, toStoredFile, uploadedFiles } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { renderPageOrPartial } from "../http/render.js";
import { MAX_COMPENSATION_RATE, MIN_COMPENSATION_RATE, compensationAmount, compensationPreview, outstandingFen } from "../domain/money.js";
import { getCaseDetail, workerNamesOf } from "../models/cases.js";
import {
  closeCase,
  enforceOrder,
  issueOrder,
  moneySummary,
  openPaymentItems,
  recordMediation,
  recordPayment,
  recordPayments,
  serveOrder,
  settleByMediation,
  settlementsOf,
} from "../models/settlements.js";
import { orderOfCase } from "../models/orders.js";
import { idParam } from "../http/params.js";
import { getOffice } from "../models/offices.js";
import { decisionDocument } from "../models/decision-document.js";
import { NON_PERFORMANCE_CONSEQUENCE } from "../domain/decision-document.js";

export function settlementsRouter(ctx: AppContext): Router {
  const { db, config, now } = ctx;
  const router = Router();
  const workersOf = (id: number) => workerNamesOf(db, id);
  const investigators = [requireRole("inspector", "supervisor"), requireCaseWork(ctx)];
  const { upload } = ctx;
  const version = (body: unknown) => Number(formValues(body).version);

  router.post("/cases/:id/mediations", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "mediation", () =>
      recordMediation(db, {
        caseId: caseIdOf(req),
        version: version(req.body),
        input: valid(parseMediation(req.body, workersOf(caseIdOf(req)))),
        actor: viewerOf(res),
        now: now(),
      }),
    ),
  );

  router.post("/cases/:id/settle", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "settle", () =>
      settleByMediation(db, { caseId: caseIdOf(req), version: version(req.body), note: formValues(req.body).note ?? "", actor: viewerOf(res), now: now() }),
    ),
  );

  router.post("/cases/:id/orders", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "order", () => {
      issueOrder(db, {
        caseId: caseIdOf(req),
        version: version(req.body),
        ...valid(parseOrder(req.body, workersOf(caseIdOf(req)))),
        numberPrefix: config.bureau.orderPrefix,
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  // 限期改正指令书 served on the employer: its pay-by period runs from this date (docs/rules.md § Service of documents).
  router.post("/cases/:id/orders/:orderId/service", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `order-service-${req.params.orderId}`, () =>
      serveOrder(db, {
        caseId: caseIdOf(req),
        orderId: idParam(req, "orderId"),
        version: version(req.body),
        input: parseService(req.body),
        actor: viewerOf(res),
        now: now(),
      }),
    ),
  );

  router.post("/cases/:id/payments", ...investigators, upload.array("proof", 1), async (req, res) => {
    const files = uploadedFiles(req);
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    if (rejected)
      return renderCasePage(ctx, res, caseIdOf(req), 422, { message: rejected, form: "payment", errors: { proof: rejected }, values: formValues(req.body) });
    await actOnCase(ctx, req, res, "payment", () => {
      const proof = files[0] ? toStoredFile(files[0]) : null;
      recordPayment(db, {
        caseId: caseIdOf(req),
        version: version(req.body),
        input: { ...valid(parsePayment(req.body)), proof },
        actor: viewerOf(res),
        now: now(),
      });
      keepUploads(req, files);
    });
  });

  // The payment table: several workers paid at once, one proof file (docs/rules.md "Payments to several workers at once").
  router.post("/cases/:id/payments/table", ...investigators, upload.array("proof", 1), async (req, res) => {
    const files = uploadedFiles(req);
    const rejected = rejectionMessage(files, config.evidenceMaxBytes);
    if (rejected)
      return renderCasePage(ctx, res, caseIdOf(req), 422, {
        message: rejected,
        form: "payment-table",
        errors: { proof: rejected },
        values: formValues(req.body),
      });
    await actOnCase(ctx, req, res, "payment-table", () => {
      const items = openPaymentItems(settlementsOf(db, caseIdOf(req)));
      recordPayments(db, {
        caseId: caseIdOf(req),
        version: version(req.body),
        rows: valid(parsePaymentTable(req.body, items)),
        proof: files[0] ? toStoredFile(files[0]) : null,
        field: (itemId, name) => `${name === "itemId" ? "amount" : name}.${itemId}`,
        actor: viewerOf(res),
        now: now(),
      });
      keepUploads(req, files);
    });
  });

  router.post("/cases/:id/orders/:orderId/enforce", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `enforce-${req.params.orderId}`, () =>
      enforceOrder(db, {
        caseId: caseIdOf(req),
        orderId: idParam(req, "orderId"),
        version: version(req.body),
        action: valid(parseEnforcement(req.body)),
        decisionPrefix: config.authority.decisionPrefix,
        actor: viewerOf(res),
        now: now(),
      }),
    ),
  );

  // The enforcement form computes 加付赔偿金 from the rate as it is typed (htmx); the same URL is a page too.
  router.get("/cases/:id/orders/:orderId/compensation", ...investigators, (req, res) => {
    const detail = getCaseDetail(db, caseIdOf(req), { viewer: viewerOf(res), policy: { inspectorsReadAll: false }, page: null, now: now() });
    const order = settlementsOf(db, detail.case.id).orders.find((o) => o.id === idParam(req, "orderId"));
    if (!order) throw new NotFoundError("指令书不存在。");
    const data = {
      c: detail.case,
      order,
      compensationRange: [MIN_COMPENSATION_RATE, MAX_COMPENSATION_RATE],
      ...compensationPreview(outstandingFen(order.items), Number(req.query.ratePercent)),
    };
    renderPageOrPartial(res, "settlements/compensation", "settlements/_compensation", data);
  });

  // ---- 陈述申辩 (docs/rules.md §陈述申辩) --------------------------------------------------------

  router.post("/cases/:id/orders/:orderId/prior-notices", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `prior-notice-${req.params.orderId}`, () => {
      const v = formValues(req.body);
      const kind = v.kind === "decision" ? "decision" : v.kind === "compensation" ? "compensation" : null;
      if (!kind) throw new ValidationError("请选择拟作出的处理决定", "kind");
      const input = { kind, facts: v.facts ?? "", grounds: v.grounds ?? "", ratePercent: kind === "compensation" ? Number(v.ratePercent) : null } as const;
      issuePriorNotice(db, {
        caseId: caseIdOf(req),
        orderId: idParam(req, "orderId"),
        version: version(req.body),
        input,
        numberPrefix: config.authority.noticePrefix,
        statementDays: config.statementDays,
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  router.post("/cases/:id/prior-notices/:noticeId/service", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `prior-notice-service-${req.params.noticeId}`, () =>
      servePriorNotice(db, {
        caseId: caseIdOf(req),
        noticeId: idParam(req, "noticeId"),
        version: version(req.body),
        input: parseService(req.body),
        actor: viewerOf(res),
        now: now(),
      }),
    ),
  );

  // 行政处理决定书 served on the employer: the remedy windows run from this date (docs/rules.md § Remedies against a decision).
  router.post("/cases/:id/decisions/:actionId/service", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `decision-service-${req.params.actionId}`, () =>
      serveDecision(db, {
        caseId: caseIdOf(req),
        actionId: idParam(req, "actionId"),
        version: version(req.body),
        input: parseService(req.body),
        actor: viewerOf(res),
        now: now(),
      }),
    ),
  );

  // 复议 or 诉讼 against a served decision, and its outcome (docs/rules.md § Remedies against a decision).
  router.post("/cases/:id/decisions/:actionId/remedies", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `remedy-${req.params.actionId}`, () => {
      const v = formValues(req.body);
      recordRemedyFiling(db, {
        caseId: caseIdOf(req),
        actionId: idParam(req, "actionId"),
        version: version(req.body),
        input: { kind: v.kind ?? "", filedOn: v.filedOn ?? "", body: v.body ?? "", caseNumber: v.caseNumber ?? "" },
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  router.post("/cases/:id/remedies/:remedyId/outcome", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `remedy-outcome-${req.params.remedyId}`, () => {
      const v = formValues(req.body);
      recordRemedyOutcome(db, {
        caseId: caseIdOf(req),
        remedyId: idParam(req, "remedyId"),
        version: version(req.body),
        input: { outcome: v.outcome ?? "", outcomeOn: v.outcomeOn ?? "", note: v.note ?? "" },
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  // 催告 and the application to the court (docs/rules.md § Enforcement through the court).
  const step = (req: import("express").Request, res: import("express").Response) => ({
    caseId: caseIdOf(req),
    version: version(req.body),
    actor: viewerOf(res),
    now: now(),
  });
  router.post("/cases/:id/decisions/:actionId/demand", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `demand-${req.params.actionId}`, () =>
      issueDemand(db, { ...step(req, res), actionId: idParam(req, "actionId"), numberPrefix: config.authority.demandPrefix }),
    ),
  );
  router.post("/cases/:id/demands/:demandId/service", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `demand-service-${req.params.demandId}`, () =>
      serveDemand(db, { ...step(req, res), demandId: idParam(req, "demandId"), input: parseService(req.body) }),
    ),
  );
  router.post("/cases/:id/decisions/:actionId/court-application", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `court-${req.params.actionId}`, () => {
      const v = formValues(req.body);
      applyToCourt(db, { ...step(req, res), actionId: idParam(req, "actionId"), input: { appliedOn: v.appliedOn ?? "", court: v.court ?? "" } });
    }),
  );
  router.post("/cases/:id/court-applications/:applicationId/result", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `court-result-${req.params.applicationId}`, () => {
      const v = formValues(req.body);
      const executed = (v.executed ?? "").trim();
      const executedFen = executed === "" ? null : parseYuanToFen(executed);
      if (executed !== "" && executedFen === null) throw new ValidationError("执行到位金额应为金额（元）", "executed");
      recordCourtResult(db, {
        ...step(req, res),
        applicationId: idParam(req, "applicationId"),
        input: { result: v.result ?? "", resultOn: v.resultOn ?? "", executedFen },
      });
    }),
  );

  // 移送公安 followed to the police's answer (docs/rules.md § Police referral).
  router.post("/cases/:id/police-referrals/:actionId", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `referral-${req.params.actionId}`, () => {
      const v = formValues(req.body);
      recordReferralStep(db, {
        ...step(req, res),
        actionId: idParam(req, "actionId"),
        input: { step: v.step ?? "", materials: v.materials ?? "", date: v.date ?? "", answer: v.answer ?? "" },
        numberPrefix: config.authority.policeReferralPrefix,
      });
    }),
  );

  router.post("/cases/:id/prior-notices/:noticeId/statement", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, `prior-notice-statement-${req.params.noticeId}`, () => {
      const v = formValues(req.body);
      const statement = v.statement === "none" ? "none" : "received";
      recordStatement(db, {
        caseId: caseIdOf(req),
        noticeId: idParam(req, "noticeId"),
        version: version(req.body),
        statement,
        text: v.statementText ?? "",
        review: v.review ?? "",
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  router.post("/cases/:id/close", ...investigators, (req, res) =>
    actOnCase(ctx, req, res, "close", () => {
      closeCase(db, {
        caseId: caseIdOf(req),
        version: version(req.body),
        ...valid(parseClosing(req.body, workersOf(caseIdOf(req)))),
        actor: viewerOf(res),
        now: now(),
      });
    }),
  );

  // ---- Printable documents ------------------------------------------------------------------

  const workingDetail = (req: import("express").Request, res: import("express").Response) => {
    const detail = getCaseDetail(db, caseIdOf(req), { viewer: viewerOf(res), policy: { inspectorsReadAll: config.inspectorsReadAll }, page: null, now: now() });
    if (!detail.abilities.printDocuments) throw new ForbiddenError();
    // Every document names the office that has the case as its handling unit (views/documents/_issuer.ejs).
    return { ...detail, office: getOffice(db, detail.case.officeId!) };
  };
  const staff = requireRole("clerk", "inspector", "supervisor");

  router.get("/cases/:id/mediations/:mediationId/agreement", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const { agreement, sessions } = settlementsOf(db, detail.case.id);
    const session = sessions.find((m) => m.id === idParam(req, "mediationId") && m.result === "agreement");
    if (!session || !agreement || agreement.id !== session.id) throw new NotFoundError("调解协议不存在。");
    res.render("settlements/agreement", { ...detail, c: detail.case, session, items: agreement.items, bureau: config.bureau });
  });

  router.get("/cases/:id/orders/:orderId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const order = settlementsOf(db, detail.case.id).orders.find((o) => o.id === idParam(req, "orderId"));
    if (!order) throw new NotFoundError("指令书不存在。");
    res.render("settlements/order", {
      compensationRange: [MIN_COMPENSATION_RATE, MAX_COMPENSATION_RATE],
      ...detail,
      c: detail.case,
      order,
      violated: VIOLATIONS[order.violation].violated,
      orderBasis: ORDER_BASIS,
      bureau: config.bureau,
    });
  });

  router.get("/cases/:id/prior-notices/:noticeId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const notice = priorNoticesOf(db, loadCalendar(db), detail.case.id).find((n) => n.id === idParam(req, "noticeId"));
    const order = notice && settlementsOf(db, detail.case.id).orders.find((o) => o.id === notice.orderId);
    if (!notice || !order) throw new NotFoundError("事先告知书不存在。");
    const unpaidFen = outstandingFen(order.items);
    res.render("settlements/prior-notice", {
      ...detail,
      c: detail.case,
      notice,
      order,
      unpaidFen,
      intendedFen: notice.ratePercent ? compensationAmount(unpaidFen, notice.ratePercent) : null,
      basis: { violated: VIOLATIONS[order.violation].violated, decision: DECISION_BASIS[notice.kind] },
      bureau: config.bureau,
    });
  });

  // 行政处理决定书: a 加付赔偿金 order or an administrative decision, after 陈述申辩 (docs/rules.md §Documents).
  router.get("/cases/:id/decisions/:actionId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const orders = settlementsOf(db, detail.case.id).orders;
    const order = orders.find((o) => o.actions.some((a) => a.id === idParam(req, "actionId")));
    const action = order?.actions.find((a) => a.id === idParam(req, "actionId"));
    if (!order || !action?.docNumber || (action.kind !== "compensation" && action.kind !== "decision")) throw new NotFoundError("行政处理决定书不存在。");
    const notice =
      priorNoticesOf(db, loadCalendar(db), detail.case.id, order.id)
        .filter((n) => n.kind === action.kind)
        .at(-1) ?? null;
    res.render("settlements/decision", {
      ...detail,
      c: detail.case,
      order,
      action,
      notice,
      doc: decisionDocument(db, {
        caseId: detail.case.id,
        receivedOn: detail.case.receivedOn,
        actionId: action.id,
        order,
        notice,
        calendar: loadCalendar(db),
      }),
      consequence: NON_PERFORMANCE_CONSEQUENCE,
      basis: { violated: VIOLATIONS[order.violation].violated, decision: DECISION_BASIS[action.kind] },
      bureau: config.bureau,
    });
  });

  /** The 送达回证 of a document of the case served through the service record, when it is the one named. */
  const renderReceipt = (res: import("express").Response, serviceId: number, served: { document: ServedDocument; id: number; title: string }, back: string) => {
    const found = getDocumentService(db, serviceId);
    if (found?.s.document !== served.document || found.s.documentId !== served.id) throw new NotFoundError("没有这条送达记录。");
    res.render("services/receipt", {
      s: found.s,
      recordedBy: found.recordedBy,
      documentTitle: served.title,
      serviceMethodLabels: SERVICE_METHOD_LABELS,
      publicNoticeDays: PUBLIC_NOTICE_DAYS,
      back,
    });
  };

  router.get("/cases/:id/orders/:orderId/services/:serviceId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const order = orderOfCase(db, detail.case.id, idParam(req, "orderId"));
    const served = { document: "paymentOrder", id: order.id, title: "劳动保障监察限期改正指令书" } as const;
    renderReceipt(res, idParam(req, "serviceId"), served, `/cases/${detail.case.id}#order-${order.id}`);
  });

  router.get("/cases/:id/prior-notices/:noticeId/services/:serviceId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const notice = priorNoticesOf(db, loadCalendar(db), detail.case.id).find((n) => n.id === idParam(req, "noticeId"));
    if (!notice) throw new NotFoundError("事先告知书不存在。");
    const served = { document: "priorNotice", id: notice.id, title: "劳动保障监察行政处理事先告知书" } as const;
    renderReceipt(res, idParam(req, "serviceId"), served, `/cases/${detail.case.id}#order-${notice.orderId}`);
  });

  router.get("/cases/:id/decisions/:actionId/services/:serviceId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const action = decisionOfCase(db, detail.case.id, idParam(req, "actionId"));
    const served = { document: "enforcementDecision", id: action.id, title: "行政处理决定书" } as const;
    renderReceipt(res, idParam(req, "serviceId"), served, `/cases/${detail.case.id}#decision-${action.id}`);
  });

  /** The 催告书 (行政强制法 第五十四条), printed for service. */
  router.get("/cases/:id/demands/:demandId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const demand = demandOfCase(db, detail.case.id, idParam(req, "demandId"));
    const action = decisionOfCase(db, detail.case.id, demand.actionId);
    const service = servicesOf(db, "enforcementDecision", [action.id])[0] ?? null;
    // A 复议 or 诉讼 that ended with the decision standing is named instead of “did not seek a remedy”.
    const remedies = remediesOf(db, action.id);
    res.render("settlements/demand", {
      remedies,
      remedyLabels: REMEDY_LABELS,
      remedyOutcomeLabels: REMEDY_OUTCOME_LABELS,
      ...detail,
      c: detail.case,
      demand,
      action,
      service,
      demandDays: DEMAND_DAYS,
      bureau: config.bureau,
      authority: config.authority,
    });
  });

  router.get("/cases/:id/demands/:demandId/services/:serviceId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const demand = demandOfCase(db, detail.case.id, idParam(req, "demandId"));
    const served = { document: "demandNotice", id: demand.id, title: "催告书" } as const;
    renderReceipt(res, idParam(req, "serviceId"), served, `/cases/${detail.case.id}#decision-${demand.actionId}`);
  });

  /** The 涉嫌犯罪案件移送书 to the police, with its materials and the wages still unpaid (docs/rules.md § The 移送书 to the police). */
  router.get("/cases/:id/police-referrals/:actionId", staff, (req, res) => {
    const detail = workingDetail(req, res);
    const { action, referral } = policeReferralOfCase(db, detail.case.id, idParam(req, "actionId"));
    const order = settlementsOf(db, detail.case.id).orders.find((o) => o.id === action.orderId);
    if (!order) throw new NotFoundError("指令书不存在。");
    const unpaid = order.items.map((i) => ({ name: i.workerName, unpaidFen: Math.max(0, i.amountFen - i.paidFen) })).filter((i) => i.unpaidFen > 0);
    res.render("settlements/police-referral", {
      ...detail,
      c: detail.case,
      action,
      referral,
      order,
      unpaid,
      unpaidFen: outstandingFen(order.items),
      basis: POLICE_REFERRAL_BASIS,
      bureau: config.bureau,
    });
  });

  router.get("/cases/:id/report", staff, (req, res) => {
    const detail = workingDetail(req, res);
    if (!detail.case.closedOn) throw new NotFoundError("案件尚未结案，没有结案报告。");
    // The same clocks as the case page (docs/rules.md §Clocks): the report never judges the target its own way.
    const clocks = caseClocks({ ...detail.case, ...clockHistory(detail.events) }, loadCalendar(db), res.locals.today);
    res.render("settlements/report", {
      ...detail,
      c: detail.case,
      target: clocks.find((k) => k.key === "target")!,
      // A filed case's report states the statutory period and who approved any extension (docs/rules.md § Notices and records after acceptance).
      statutory: clocks.find((k) => k.key === "statutory") ?? null,
      extension: detail.events.find((e) => e.action === "extend") ?? null,
      revocation: detail.events.find((e) => e.action === "revokeFiling") ?? null,
      statutoryDays: { base: STATUTORY_DAYS, extension: EXTENSION_DAYS },
      clockStatusLabels: CLOCK_STATUS_LABELS,
      provisionalNote: PROVISIONAL_NOTE,
      money: moneySummary(db, detail.case.id),
      outcomeLabels: OUTCOME_LABELS,
      bureau: config.bureau,
    });
  });

  return router;
}
