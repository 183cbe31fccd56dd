/**
 * Whose 文号 a document carries (属地管理: each office issues its own documents; docs/rules.md §Documents).
 *
 * - A district office (大队) numbers its documents under its own 文号 prefix (offices.doc_prefix, set by the
 *   admin on the office page) followed by the kind's word — 长朝人社监令〔2026〕1号 for an order, 长朝人社监失信告 for a
 *   blacklist notice — with its own counter per kind and year.
 * - The city office (市本级) keeps the configured prefixes (ORDER_NUMBER_PREFIX…) and its counters, so the numbers
 *   issued before offices had their own continue unchanged; so does an office without a prefix.
 */
export const DOCUMENT_KINDS = [
  "order",
  "priorNotice",
  "decision",
  "demandNotice",
  "blacklistNotice",
  "blacklistDecision",
  "rejection",
  "supplement",
  "inform",
  "referral",
  "policeReferral",
  "blacklistRemoval",
  "officeTransfer",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The word after an office's prefix, as the city's configured prefixes end (长人社监令, 长人社监告, 长人社监处, 长人社监催). */
export const KIND_WORDS: Record<DocumentKind, string> = {
  order: "令",
  priorNotice: "告",
  decision: "处",
  demandNotice: "催",
  blacklistNotice: "失信告",
  blacklistDecision: "失信决",
  rejection: "不受",
  supplement: "补",
  inform: "告知",
  referral: "移",
  policeReferral: "刑移",
  blacklistRemoval: "失信移",
  officeTransfer: "移函",
};

export interface IssuingOffice {
  kind: "city" | "district";
  docPrefix: string;
}

/** The prefix of the number and whose counter counts it: the office's own, or the city's. */
export function documentPrefix(kind: DocumentKind, office: IssuingOffice, cityPrefix: string): { prefix: string; counter: "own" | "city" } {
  const own = office.docPrefix.trim();
  if (office.kind === "city" || !own) return { prefix: cityPrefix, counter: "city" };
  return { prefix: `${own}${KIND_WORDS[kind]}`, counter: "own" };
}

export function formatDocumentNumber(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}
