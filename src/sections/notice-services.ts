/**
 * Service (送达) of the notices a complainant gets on the acceptance decision — 不予受理通知书, 告知补正通知书 and the
 * 告知书 — through the one service record, each complainant served on their own with a printable 送达回证
 * (docs/rules.md § Service of documents). The notices are the numbered rows of `case_notices`; the 移送书 goes to the
 * receiving department, not to the complainants, and is not served here. The 告知补正 period (10 working days,
 * legal-basis.ts SUPPLEMENT_DAYS) runs from the first service of that notice; until then it shows 待送达.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db/client.js";
import { caseNotices } from "../db/schema.js";
import type { IsoDate } from "../domain/dates.js";
import { ValidationError } from "../domain/errors.js";
import { CASE_NOTICES, SUPPLEMENT_DAYS, type CaseNoticeKind } from "../domain/legal-basis.js";
import { AWAITING_SERVICE } from "../domain/remedies.js";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS, isServiceMethod } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { serviceFields } from "../forms/service-form.js";
import { type CaseNotice, caseNoticesOf } from "../models/case-notices.js";
import { workerNamesOf } from "../models/cases.js";
import { type DocumentService, recordDocumentService, servicesOf } from "../models/document-services.js";
import { section, sectionAction } from "./section.js";

/** The notices addressed to the complainants (the 移送书 is addressed to the receiving department). */
export const SERVED_ON_COMPLAINANTS: readonly CaseNoticeKind[] = ["rejection", "supplement", "inform"];

/** A complainant as a party to a notice's service. */
export const workerParty = (w: { id: number; name: string }) => ({ key: `worker:${w.id}`, name: w.name });

/** The number a notice is served under: its 文号, or for a notice issued before notices were numbered, its title and the case number. */
export const servedNumber = (n: CaseNotice, caseNumber: string) => n.docNumber ?? `${CASE_NOTICES[n.kind].title}（${caseNumber}）`;

/** The last day to supplement: the 10th working day after the notice's first service, or null until served. */
export function supplementDueOn(services: readonly DocumentService[], calendar: WorkingCalendar): IsoDate | null {
  const first = services.map((s) => s.servedOn).sort()[0];
  return first ? calendar.addWorkingDays(first, SUPPLEMENT_DAYS).date : null;
}

/** A notice of the case that is served on the complainants, or undefined. */
function servedNoticeOf(tx: DbOrTx, caseId: number, noticeId: number): CaseNotice | undefined {
  const n = tx
    .select()
    .from(caseNotices)
    .where(and(eq(caseNotices.id, noticeId), eq(caseNotices.caseId, caseId)))
    .get();
  return n && SERVED_ON_COMPLAINANTS.includes(n.kind) ? n : undefined;
}

const noticeServiceForm = z.object({
  noticeId: z.coerce.number({ error: "请选择送达的通知书" }).int("请选择送达的通知书").positive("请选择送达的通知书"),
  party: z.string().default(""),
  ...serviceFields,
});

export const noticeServicesSection = section({
  key: "notice-services",
  partial: "cases/_notice-services",
  // A notice exists only before filing or once the case ended without it; the page shows nothing when there is none.
  when: (_abilities, c) => c.filedOn === null,
  load: (db, view) => {
    const notices = caseNoticesOf(db, view.c.id).filter((n) => SERVED_ON_COMPLAINANTS.includes(n.kind));
    const services = servicesOf(
      db,
      "caseNotice",
      notices.map((n) => n.id),
    );
    const calendar = view.calendar();
    return {
      noticeServices: notices.map((n) => {
        const own = services.filter((s) => s.documentId === n.id);
        return { ...n, title: CASE_NOTICES[n.kind].title, services: own, supplementDueOn: n.kind === "supplement" ? supplementDueOn(own, calendar) : null };
      }),
      parties: view.detail.workers.map(workerParty),
      supplementDays: SUPPLEMENT_DAYS,
      awaitingService: AWAITING_SERVICE,
      serviceMethodLabels: SERVICE_METHOD_LABELS,
      publicNoticeDays: PUBLIC_NOTICE_DAYS,
    };
  },
  action: sectionAction({
    path: "notice-services",
    form: "notice-service",
    move: "serveCaseNotice",
    schema: noticeServiceForm,
    eventNote: (input, c, tx) => {
      const n = servedNoticeOf(tx, c.id, input.noticeId)!;
      const how = isServiceMethod(input.method) ? `（${SERVICE_METHOD_LABELS[input.method]}）` : "";
      return `${CASE_NOTICES[n.kind].title}${servedNumber(n, c.caseNumber)}已送达${how}`;
    },
    record: (tx, c, input, by) => {
      const notice = servedNoticeOf(tx, c.id, input.noticeId);
      if (!notice) throw new ValidationError("请选择送达的通知书", "noticeId");
      const worker = workerNamesOf(tx, c.id).find((w) => workerParty(w).key === input.party);
      if (!worker) throw new ValidationError("请选择受送达的投诉人", "party");
      recordDocumentService(tx, {
        caseId: c.id,
        document: "caseNotice",
        documentId: notice.id,
        documentNumber: servedNumber(notice, c.caseNumber),
        documentOn: notice.issuedOn as IsoDate,
        party: workerParty(worker),
        input,
        actorId: by.actor.id,
        today: by.today,
      });
    },
  }),
});

/** The service of a notice of the case with its notice, or undefined (a receipt is shown only under its own case). */
export function noticeServiceOfCase(tx: DbOrTx, caseId: number, s: DocumentService): CaseNotice | undefined {
  return s.document === "caseNotice" && s.caseId === caseId ? servedNoticeOf(tx, caseId, s.documentId) : undefined;
}
