import { randomBytes, randomInt } from "node:crypto";

// No 0/O, 1/I/L: a query code is read aloud over the phone and typed from a paper receipt.
const QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newQueryCode(): string {
  return Array.from({ length: 6 }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join("");
}

export function formatCaseNumber(year: number, seq: number): string {
  return `QX-${year}-${String(seq).padStart(6, "0")}`;
}

/**
 * A case number as people type it from a receipt or read it over the phone: full-width characters, spaces,
 * lower case, missing hyphens or leading zeros (`QX-2026-64`, `qx2026000064`, `ＱＸ－２０２６－０００６４`)
 * all mean QX-2026-000064. Anything else is returned as typed (and is then simply not found).
 */
export function normalizeCaseNumber(typed: string): string {
  const plain = typed
    .normalize("NFKC")
    .replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? "" : "-"))
    .toUpperCase();
  const m = /^QX-?(\d{4})-?(\d{1,6})$/.exec(plain);
  return m ? formatCaseNumber(Number(m[1]), Number(m[2])) : plain;
}

/** A query code as typed: full-width, spaces and lower case forgiven. */
export function normalizeQueryCode(typed: string): string {
  return typed.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

export function formatReportNumber(year: number, seq: number): string {
  return `JB-${year}-${String(seq).padStart(6, "0")}`;
}

/** A 举报 number as typed (`jb2026 7` → JB-2026-000007), forgiving like normalizeCaseNumber; null when it is not one. */
export function normalizeReportNumber(typed: string): string | null {
  const plain = typed
    .normalize("NFKC")
    .replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? "" : "-"))
    .toUpperCase();
  const m = /^JB-?(\d{4})-?(\d{1,6})$/.exec(plain);
  return m ? formatReportNumber(Number(m[1]), Number(m[2])) : null;
}

/**
 * A UUID of version 7 (RFC 9562 §5.7): the time in milliseconds first, then random bits. A notice's idempotency
 * key is one: the unique index on it then grows at its end, where a random UUID took a random page of a
 * multi-million-row index for every notice queued (a 35-worker intake queues 70).
 */
export function timeOrderedUuid(nowMs: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
