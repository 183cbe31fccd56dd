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

// ---- Identity documents (docs/rules.md §Identity documents) ----------------------------------------------

/**
 * The documents a worker may file with:
 * - mainlandId 居民身份证 (above; the address code's province is 11–65);
 * - hmtResidence 港澳台居民居住证: a 公民身份号码 of 18 characters whose address code is 810000 (香港), 820000
 *   (澳门) or 830000 (台湾), with the same birth date and check character;
 * - hkMacauPermit 港澳居民来往内地通行证: H (香港) or M (澳门) and 8 digits, the holder's lifelong number;
 *   older cards add 2 digits counting renewals (11 characters in all);
 * - taiwanPermit 台湾居民来往大陆通行证: 8 digits, the lifelong number (since 2008-09-25); older ones add 2
 *   digits of issue count and sometimes an issuing-office letter in brackets, e.g. 0561682001(D);
 * - foreignPermanent 外国人永久居留身份证: since 2023-12-01, 18 characters starting with 9 (17 digits and a
 *   check character by the same MOD 11-2 as the 身份证; the birth date in the same place); the 2017 card's 15
 *   characters (3 letters of nationality and 12 digits) still circulate;
 * - passport 护照: 5 to 17 letters and digits (countries differ); a Chinese passport is E and 8 characters;
 * - none: no document at the window, with the clerk's reason.
 */
export const ID_TYPES = ["mainlandId", "hmtResidence", "hkMacauPermit", "taiwanPermit", "foreignPermanent", "passport", "none"] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  mainlandId: "居民身份证",
  hmtResidence: "港澳台居民居住证",
  hkMacauPermit: "港澳居民来往内地通行证",
  taiwanPermit: "台湾居民来往大陆通行证",
  foreignPermanent: "外国人永久居留身份证",
  passport: "护照",
  none: "无证件",
};

function isMod11Number(id: string, today?: IsoDate): boolean {
  return idNumberProblem(id, today) === null;
}

/** A document's number as typed: spaces and full-width characters forgiven, letters upper case. */
export function normalizeDocumentNumber(typed: string): string {
  return typed.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

/** Which document a number is, when only one kind of document has numbers like it (to point out a wrong type). */
export function documentTypeOf(number: string, today?: IsoDate): IdType | null {
  const n = normalizeDocumentNumber(number);
  if (/^[1-6]/.test(n) && isMod11Number(n, today)) return "mainlandId";
  if (/^8[123]0000/.test(n) && isMod11Number(n, today)) return "hmtResidence";
  if (/^9/.test(n) && isMod11Number(n, today)) return "foreignPermanent";
  if (/^[A-Z]{3}\d{12}$/.test(n)) return "foreignPermanent";
  if (/^[HM]\d{8}(\d{2})?$/.test(n)) return "hkMacauPermit";
  if (/^\d{8}$|^\d{10}(\([A-Z0-9]\))?$/.test(n)) return "taiwanPermit";
  return null;
}

/**
 * Null when `number` is a valid number of a document of `type`; else the message for the clerk, naming the
 * document, and naming the other type when the number is clearly one (an ID of one type typed as another).
 */
export function documentNumberProblem(type: Exclude<IdType, "none">, typed: string, today?: IsoDate): string | null {
  const n = normalizeDocumentNumber(typed);
  const label = ID_TYPE_LABELS[type];
  if (!n) return `请填写${label}号码`;
  const other = documentTypeOf(n, today);
  const otherHint = other && other !== type ? `；这个号码像是${ID_TYPE_LABELS[other]}，请核对证件类型` : "";
  switch (type) {
    case "mainlandId": {
      if (/^(8[123]0000|9)/.test(n) && other) return `这是${ID_TYPE_LABELS[other]}号码，请将证件类型选为“${ID_TYPE_LABELS[other]}”`;
      const p = idNumberProblem(n, today);
      if (p === "format") return `身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X${otherHint}`;
      if (p === "birthDate") return "身份证号中的出生日期无效（应为 1900 年以后、不晚于今天的日期），请核对";
      if (p === "checksum") return "身份证号校验位不符，请核对是否抄错";
      return null;
    }
    case "hmtResidence": {
      if (!/^\d{17}[\dX]$/.test(n)) return `港澳台居民居住证号码应为 18 位，前 17 位为数字，最后一位为数字或 X${otherHint}`;
      if (!/^8[123]0000/.test(n)) return `港澳台居民居住证号码以 810000（香港）、820000（澳门）或 830000（台湾）开头${otherHint}`;
      const p = idNumberProblem(n, today);
      if (p === "birthDate") return "港澳台居民居住证号码中的出生日期无效，请核对";
      if (p === "checksum") return "港澳台居民居住证号码校验位不符，请核对是否抄错";
      return null;
    }
    case "hkMacauPermit":
      return /^[HM]\d{8}(\d{2})?$/.test(n) ? null : `港澳居民来往内地通行证号码为 H（香港）或 M（澳门）加 8 位数字（旧证再加 2 位换证次数）${otherHint}`;
    case "taiwanPermit":
      return /^\d{8}$|^\d{10}(\([A-Z0-9]\))?$/.test(n) ? null : `台湾居民来往大陆通行证号码为 8 位数字（旧证 10 位，可带括号内的签发机关代码）${otherHint}`;
    case "foreignPermanent": {
      if (/^[A-Z]{3}\d{12}$/.test(n)) return null; // the 2017 card
      if (!/^9\d{16}[\dX]$/.test(n)) return `外国人永久居留身份证号码为 18 位、以 9 开头（2017 年版为 3 位字母加 12 位数字）${otherHint}`;
      const p = idNumberProblem(n, today);
      if (p === "birthDate") return "外国人永久居留身份证号码中的出生日期无效，请核对";
      if (p === "checksum") return "外国人永久居留身份证号码校验位不符，请核对是否抄错";
      return null;
    }
    case "passport":
      if (other === "mainlandId" || other === "hmtResidence" || other === "foreignPermanent")
        return `这是${ID_TYPE_LABELS[other]}号码，请将证件类型选为“${ID_TYPE_LABELS[other]}”`;
      return /^[A-Z0-9]{5,17}$/.test(n) && /\d/.test(n) ? null : "护照号码应为 5 到 17 位字母和数字";
  }
}

/** The documents whose number is a 公民身份号码 (GB 11643): its birth date and sex digit fill the age and sex. */
export function isCitizenNumber(type: IdType): boolean {
  return type === "mainlandId" || type === "hmtResidence";
}

/** Landline: area code (0 and 2–3 digits) and 7–8 digits, the hyphen optional; an extension after it allowed. */
export function isLandline(value: string): boolean {
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value);
}
