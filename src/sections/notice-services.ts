/**
 * Service (送达) of the notices a complainant gets before a case is filed — 不予受理通知书, 告知补正通知书 and the
 * 告知 notice — through the one service record, each complainant served on their own with a printable 送达回证
 * (docs/rules.md § Service of documents). The 告知补正 period (10 working days, legal-basis.ts SUPPLEMENT_DAYS)
 * runs from the first service of that notice; until then it shows 待送达. Section, form and use-case in one module.
 */
import type { Db } from "../db/client.js";
import type { Viewer } from "../domain/case-abilities.js";
import { shanghaiDate, type IsoDate } from "../domain/dates.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { CASE_NOTICES, SUPPLEMENT_DAYS, noticesOnRecord, type CaseNoticeKind } from "../domain/legal-basis.js";
import { AWAITING_SERVICE } from "../domain/remedies.js";
import { PUBLIC_NOTICE_DAYS, SERVICE_METHOD_LABELS, isServiceMethod } from "../domain/service.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import { formValues } from "../forms/form.js";
import { parseService } from "../forms/service-form.js";
import { latestEvent, transition, workerNamesOf } from "../models/cases.js";
import { type DocumentService, recordDocumentService, servicesOf } from "../models/document-services.js";
import { section } from "./section.js";

/** A complainant as a party to a notice's service. */
export const workerParty = (w: { id: number; name: string }) => ({ key: `worker:${w.id}`, name: w.name });

/** The number a notice is served under: it has no 文号 of its own yet, so its title and the case number. */
export const noticeNumber = (kind: CaseNoticeKind, caseNumber: string) => `${CASE_NOTICES[kind].title}（${caseNumber}）`;

/** The last day to supplement: the 10th working day after the notice's first service, or null until served. */
export function supplementDueOn(services: readonly DocumentService[], calendar: WorkingCalendar): IsoDate | null {
  const first = services.map((s) => s.servedOn).sort()[0];
  return first ? calendar.addWorkingDays(first, SUPPLEMENT_DAYS).date : null;
}

function isNoticeKind(kind: string): kind is CaseNoticeKind {
  return Object.hasOwn(CASE_NOTICES, kind);
}

export function serveCaseNotice(db: Db, req: { caseId: number; body: unknown; actor: Viewer; now: Date }): void {
  const v = formValues(req.body);
  const kind = v.kind ?? "";
  if (!isNoticeKind(kind)) throw new ValidationError("请选择送达的通知书", "kind");
  const input = parseService(req.body);
  const how = isServiceMethod(input.method) ? SERVICE_METHOD_LABELS[input.method] : "";
  transition(db, {
    caseId: req.caseId,
    move: "serveCaseNotice",
    version: Number(v.version),
    note: "",
    eventNote: `${CASE_NOTICES[kind].title}已送达${how ? `（${how}）` : ""}`,
    actor: req.actor,
    now: req.now,
    effect: (tx, c) => {
      const event = latestEvent(db, c.id, CASE_NOTICES[kind].move);
      if (!event) throw new NotFoundError("该案件没有这份通知书。");
      const worker = workerNamesOf(tx, c.id).find((w) => workerParty(w).key === v.party);
      if (!worker) throw new ValidationError("请选择受送达的投诉人", "party");
      recordDocumentService(tx, {
        caseId: c.id,
        document: "caseNotice",
        documentId: event.id,
        documentNumber: noticeNumber(kind, c.caseNumber),
        documentOn: event.onDate,
        party: workerParty(worker),
        input,
        actorId: req.actor.id,
        today: shanghaiDate(req.now),
      });
    },
  });
}

export const noticeServicesSection = section({
  key: "notice-services",
  partial: "cases/_notice-services",
  // A notice exists only before filing or once the case ended without it; the page shows nothing when there is none.
  when: (_abilities, c) => c.filedOn === null,
  load: (db, view) => {
    const notices = noticesOnRecord(view.detail.events.map((e) => e.action)).map((n) => {
      const event = view.detail.events.filter((e) => e.action === CASE_NOTICES[n.kind].move).at(-1)!;
      return { ...n, event };
    });
    const services = servicesOf(
      db,
      "caseNotice",
      notices.map((n) => n.event.id),
    );
    const calendar = view.calendar();
    return {
      noticeServices: notices.map((n) => {
        const own = services.filter((s) => s.documentId === n.event.id);
        return { ...n, services: own, supplementDueOn: n.kind === "supplement" ? supplementDueOn(own, calendar) : null };
      }),
      parties: view.detail.workers.map(workerParty),
      supplementDays: SUPPLEMENT_DAYS,
      awaitingService: AWAITING_SERVICE,
      serviceMethodLabels: SERVICE_METHOD_LABELS,
      publicNoticeDays: PUBLIC_NOTICE_DAYS,
    };
  },
  action: { path: "notice-services", form: "notice-service", move: "serveCaseNotice", run: serveCaseNotice },
});
