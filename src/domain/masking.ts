/**
 * Personal data on screen (docs/rules.md §Other modules): ID numbers and phones are masked everywhere except the case page
 * of users working that case. `2201**********1234`, `138****5678`.
 */
/**
 * Any identity document's number (docs/rules.md §Identity documents): an 18-character 公民身份号码 or 永居证 (and
 * the 15-character 2017 永居证) keeps its first and last 4; the shorter permits and passports keep their
 * letter and last 2 (`H******78`, `******78`, `E*******89`), never enough to tell the holder.
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  if (id.length >= 15) return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
  const head = /^[A-Z]/.test(id) ? id[0]! : "";
  return `${head}${"*".repeat(Math.max(id.length - head.length - 2, 1))}${id.length > 4 ? id.slice(-2) : ""}`;
}

/** A mobile keeps 3 + 4 (`138****5678`); a landline its area code and last 2 (`0431-******34`); anything else is starred. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const landline = /^(0\d{2,3}-?)(\d{7,8})(-\d+)?$/.exec(phone);
  if (landline) return `${landline[1]}${"*".repeat(landline[2]!.length - 2)}${landline[2]!.slice(-2)}`;
  return "*".repeat(phone.length);
}

/** A postal address keeps its first 6 characters (the city and district), the rest starred. */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return "";
  return address.length <= 6 ? address : `${address.slice(0, 6)}****`;
}

const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
/** 港澳居民来往内地通行证 and the 2017 外国人永久居留身份证; the 8-digit 台胞证 is not told apart from other numbers in text. */
const DOCUMENT_IN_TEXT = /(?<![\dA-Za-z])(?:[HM]\d{8}(?:\d{2})?|[A-Z]{3}\d{12})(?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Any ID number or mobile number inside free text (a URL path in a log line…), masked. */
export function maskPersonalDataIn(text: string): string {
  return text
    .replace(ID_IN_TEXT, (m) => maskIdNumber(m))
    .replace(DOCUMENT_IN_TEXT, (m) => maskIdNumber(m))
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m));
}

/**
 * What in a text meant for the public is personal data: an ID number, a mobile number, or the name of one
 * of the case's workers (docs/rules.md § Publication of violators). Null when there is none.
 */
export function personalDataIn(text: string, workerNames: readonly string[] = []): string | null {
  if (new RegExp(ID_IN_TEXT.source).test(text)) return "身份证号码";
  if (new RegExp(DOCUMENT_IN_TEXT.source).test(text)) return "证件号码";
  if (new RegExp(MOBILE_IN_TEXT.source).test(text)) return "手机号码";
  const name = workerNames.find((n) => n.trim().length >= 2 && text.includes(n.trim()));
  return name ? `劳动者姓名“${name.trim()}”` : null;
}
