/** 证据材料: every file with its SHA-256, voided ones marked, the case's 询问笔录, and the upload form. */
import { INTERVIEWEE_ROLE_LABELS } from "../domain/inquiries.js";
import { EVIDENCE_EXTENSIONS, formatBytes } from "../http/uploads.js";
import { inquiriesOf } from "./inquiries.js";
import { section } from "./section.js";

export const evidenceSection = section({
  key: "evidence",
  partial: "cases/_evidence",
  when: () => true,
  load: (db, view) => ({
    evidenceAccept: EVIDENCE_EXTENSIONS,
    evidenceMax: formatBytes(view.config.evidenceMaxBytes),
    // The 询问笔录 are evidence too: listed here, each opening its printed record (src/sections/inquiries.ts).
    inquiryRecords: view.c.filedOn === null ? [] : inquiriesOf(db, view.c.id, false),
    intervieweeLabels: INTERVIEWEE_ROLE_LABELS,
  }),
});
