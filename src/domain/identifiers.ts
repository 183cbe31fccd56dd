/**
 * Checks of the identifiers a complaint carries.
 * - 公民身份号码 (GB 11643-1999): 17 digits + a check character (0-9 or X); digits 7–14 are the birth date.
 * - 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (no I, O, Z, S, V) + check.
 * - Mobile numbers: 11 digits starting with 1.
 */
import { isIsoDate } from "./dates.js";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
}

export type IdNumberProblem = "format" | "birthDate" | "checksum";

/** null when valid; otherwise what is wrong. Lower-case x is accepted (normalise with toUpperCase). */
export function idNumberProblem(value: string): IdNumberProblem | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < "1900-01-01") return "birthDate";
  return idNumberCheckChar(id.slice(0, 17)) === id[17] ? null : "checksum";
}

/** Sex from the 17th digit (odd = male), per GB 11643. */
export function sexFromIdNumber(id: string): "男" | "女" {
  return Number(id[16]) % 2 === 1 ? "男" : "女";
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = "format" | "checksum";

export function usccProblem(value: string): UsccProblem | null {
  const code = value.toUpperCase();
  if (code.length !== 18 || [...code].some((ch) => !USCC_CHARS.includes(ch))) return "format";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "checksum";
}

export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}
