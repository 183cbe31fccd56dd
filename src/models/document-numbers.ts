/**
 * Numbers of the documents the bureau issues — 长人社监令〔2026〕7号 (orders), 长人社监告〔2026〕3号 (事先告知书),
 * 长人社监处〔2026〕2号 (行政处理决定书): one counter per kind and year, bumped in the issuing transaction so
 * two documents issued at once never share a number. The prefixes are settings.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { documentSequences } from "../db/schema.js";

/** 长人社监令〔2026〕7号, 长人社失信告〔2026〕3号…: numbered per kind and year, unique even when two are issued at once. */
export type DocumentKind = "order" | "priorNotice" | "decision" | "blacklistNotice" | "blacklistDecision";

export function nextDocumentNumber(tx: Tx, kind: DocumentKind, prefix: string, year: number): string {
  const { last } = tx
    .insert(documentSequences)
    .values({ kind, year, last: 1 })
    .onConflictDoUpdate({ target: [documentSequences.kind, documentSequences.year], set: { last: sql`${documentSequences.last} + 1` } })
    .returning({ last: documentSequences.last })
    .get();
  return `${prefix}〔${year}〕${last}号`;
}
