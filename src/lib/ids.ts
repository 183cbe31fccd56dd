import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: a query code is read aloud over the phone and typed from a paper receipt.
const QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function newQueryCode(): string {
  return Array.from({ length: 6 }, () => QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)]).join("");
}

export function formatCaseNumber(year: number, seq: number): string {
  return `QX-${year}-${String(seq).padStart(6, "0")}`;
}
