/** 责令限期支付: the orders and their service, their 事先告知书 and 陈述申辩, what followed an unpaid order, the blacklist proposals. */
import { STAGE_LABELS } from "../domain/blacklist.js";
import { COURT_RESULT_LABELS } from "../domain/court-enforcement.js";
import {
  ENFORCEMENT_CHOICES,
  ENFORCEMENT_LABELS,
  MAX_COMPENSATION_RATE,
  MIN_COMPENSATION_RATE,
  compensationPreview,
  orderClock,
  outstandingFen,
} from "../domain/money.js";
import { VIOLATIONS } from "../domain/legal-basis.js";
import { PRIOR_NOTICE_LABELS, decisionProblem } from "../domain/prior-notice.js";
import { AWAITING_SERVICE, REMEDY_BODY_LABELS, REMEDY_LABELS, REMEDY_OUTCOME_LABELS } from "../domain/remedies.js";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS } from "../domain/service.js";
import { proceedingsOfCase } from "../models/blacklist.js";
import { decisionServices, referralsOf } from "../models/decision-remedies.js";
import { POLICE_ANSWER_LABELS, POLICE_REVIEW_DAYS, nextReferralStep } from "../domain/police-referral.js";
import { priorNoticesOf } from "../models/prior-notices.js";
import { section } from "./section.js";

export const ordersSection = section({
  key: "orders",
  partial: "cases/_orders",
  // An order is issued only on a filed case; it stays on the record after closing.
  when: (_abilities, c) => c.filedOn !== null,
  load: (db, view) => {
    const { c, today } = view;
    const calendar = view.calendar();
    const rows = view.settlements().orders;
    const notices = rows.length ? priorNoticesOf(db, calendar, c.id) : [];
    const orders = rows.map((o) => {
      const unpaidFen = outstandingFen(o.items);
      const clock = orderClock({ ...o, unpaidFen }, today, calendar);
      const own = notices.filter((n) => n.orderId === o.id);
      // What the enforcement form may decide now: 陈述申辩 first (docs/rules.md §陈述申辩).
      const heard = { compensation: decisionProblem(own, "compensation", today), decision: decisionProblem(own, "decision", today) };
      return { ...o, unpaidFen, left: clock.left, clockStatus: clock.status, overdueUnpaid: clock.overdueUnpaid, notices: own, heard };
    });
    const proceedings = orders.length ? proceedingsOfCase(db, c.id) : [];
    const decisionIds = rows.flatMap((o) => o.actions.filter((a) => a.docNumber).map((a) => a.id));
    const referralIds = rows.flatMap((o) => o.actions.filter((a) => a.kind === "policeReferral").map((a) => a.id));
    return {
      orders,
      // A blacklist proposal is offered once per unpaid order (docs/rules.md §失信联合惩戒名单).
      proposable: new Set(orders.filter((o) => o.overdueUnpaid && !proceedings.some((b) => b.orderId === o.id)).map((o) => o.id)),
      blacklist: proceedings,
      // 行政处理决定书: its service and the remedy windows that run from it (docs/rules.md § Remedies against a decision).
      decisions: decisionServices(db, decisionIds, today, calendar),
      awaitingService: AWAITING_SERVICE,
      remedyLabels: REMEDY_LABELS,
      remedyBodyLabels: REMEDY_BODY_LABELS,
      remedyOutcomeLabels: REMEDY_OUTCOME_LABELS,
      courtResultLabels: COURT_RESULT_LABELS,
      // 移送公安 followed to the police's answer (docs/rules.md § Police referral).
      referrals: referralsOf(db, referralIds),
      nextReferralStep,
      policeAnswerLabels: POLICE_ANSWER_LABELS,
      policeReviewDays: POLICE_REVIEW_DAYS,
      serviceMethodLabels: SERVICE_METHOD_LABELS,
      publicNoticeDays: PUBLIC_NOTICE_DAYS,
      blacklistStageLabels: STAGE_LABELS,
      enforcementLabels: ENFORCEMENT_LABELS,
      enforcementChoices: ENFORCEMENT_CHOICES,
      priorNoticeLabels: PRIOR_NOTICE_LABELS,
      statementDays: view.config.statementDays,
      violations: VIOLATIONS,
      compensationRange: [MIN_COMPENSATION_RATE, MAX_COMPENSATION_RATE],
      compensationPreview: (order: { unpaidFen: number }, rateText: string) => compensationPreview(order.unpaidFen, Number(rateText)),
      amounts: view.may("issueOrder") && view.shows("order") ? view.money().rows : [],
    };
  },
});
