/**
 * Checks of the identifiers a complaint carries (docs/rules.md §Identifiers).
 * - 公民身份号码 (GB 11643-1999): 17 digits + a check character (0-9 or X); digits 7–14 are the birth date,
 *   a real date from 1900-01-01 up to today.
 * - 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (no I, O, Z, S, V): the
 *   registration authority (1st), the entity type allowed for that authority (2nd), the registering
 *   office's 6-digit administrative division (3rd–8th, a province code first), the organisation code
 *   (9th–17th) and the check character.
 * - Mobile numbers: 11 digits starting with 1.
 */
import { isIsoDate, type IsoDate } from "./dates.js";

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * ID_WEIGHTS[i]!, 0);
  return ID_CHECK[sum % 11]!;
}

export type IdNumberProblem = "format" | "birthDate" | "checksum";

/**
 * null when valid; otherwise what is wrong. Lower-case x is accepted (normalise with toUpperCase). With
 * `today`, a birth date after it is refused too.
 */
export function idNumberProblem(value: string, today?: IsoDate): IdNumberProblem | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < "1900-01-01" || (today !== undefined && birth > today)) return "birthDate";
  return idNumberCheckChar(id.slice(0, 17)) === id[17] ? null : "checksum";
}

/** Sex from the 17th digit (odd = male), per GB 11643. */
export function sexFromIdNumber(id: string): "男" | "女" {
  return Number(id[16]) % 2 === 1 ? "男" : "女";
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Full years of age on `today` from the birth date in a valid 身份证号 (GB 11643: digits 7–14). */
export function ageFromIdNumber(id: string, today: IsoDate): number {
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function usccCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + USCC_CHARS.indexOf(ch) * USCC_WEIGHTS[i]!, 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 32100-2015: each registration authority (1st character) and the entity types (2nd) it registers. */
const USCC_TYPES: Record<string, string> = {
  "1": "1239", // 机构编制: 机关, 事业单位, 群众团体, 其他
  "2": "19", // 外交
  "3": "123459", // 司法行政
  "4": "19", // 文化
  "5": "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  "6": "129", // 旅游
  "7": "129", // 宗教
  "8": "19", // 工会
  "9": "123", // 工商（市场监管）: 企业, 个体工商户, 农民专业合作社
  A: "19", // 中央军委改革和编制办公室
  N: "1239", // 农业
  Y: "1", // 其他
};
/** GB/T 2260 province codes (and 10 for registrations at the national level). */
const PROVINCES = new Set("10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split(" "));

export type UsccProblem = "format" | "authority" | "type" | "region" | "checksum";

export function usccProblem(value: string): UsccProblem | null {
  const code = value.toUpperCase();
  if (code.length !== 18 || [...code].some((ch) => !USCC_CHARS.includes(ch))) return "format";
  const types = USCC_TYPES[code[0]!];
  if (!types) return "authority";
  if (!types.includes(code[1]!)) return "type";
  if (!/^\d{6}$/.test(code.slice(2, 8)) || !PROVINCES.has(code.slice(2, 4))) return "region";
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : "checksum";
}

export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** The message for a 统一社会信用代码 problem, naming the field (`label`). */
export function usccProblemMessage(problem: UsccProblem, label = "统一社会信用代码"): string {
  const messages: Record<UsccProblem, string> = {
    format: `${label}应为 18 位数字或大写字母（不含 I、O、Z、S、V）`,
    authority: `${label}第 1 位（登记管理部门代码）不正确，请核对`,
    type: `${label}第 2 位（机构类别代码）与登记管理部门不符，请核对`,
    region: `${label}第 3–8 位应为登记机关的 6 位行政区划代码，请核对`,
    checksum: `${label}校验位不符，请核对`,
  };
  return messages[problem];
}
