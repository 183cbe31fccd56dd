/** 证据材料: every file with its SHA-256, voided ones marked, and the upload form. */
import { EVIDENCE_EXTENSIONS, formatBytes } from "../http/uploads.js";
import { section } from "./section.js";

export const evidenceSection = section({
  key: "evidence",
  partial: "cases/_evidence",
  when: () => true,
  load: (_db, view) => ({ evidenceAccept: EVIDENCE_EXTENSIONS, evidenceMax: formatBytes(view.config.evidenceMaxBytes) }),
});
