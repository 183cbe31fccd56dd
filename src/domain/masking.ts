/**
 * Personal data on screen (docs/rules.md §Other modules): ID numbers and phones are masked everywhere except the case page
 * of users working that case. `2201**********1234`, `138****5678`.
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  return id.length <= 8 ? "*".repeat(id.length) : `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "*".repeat(phone.length);
}

const ID_IN_TEXT = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Any ID number or mobile number inside free text (a URL path in a log line…), masked. */
export function maskPersonalDataIn(text: string): string {
  return text.replace(ID_IN_TEXT, (m) => maskIdNumber(m)).replace(MOBILE_IN_TEXT, (m) => maskPhone(m));
}

/**
 * What in a text meant for the public is personal data: an ID number, a mobile number, or the name of one
 * of the case's workers (docs/rules.md § Publication of violators). Null when there is none.
 */
export function personalDataIn(text: string, workerNames: readonly string[] = []): string | null {
  if (new RegExp(ID_IN_TEXT.source).test(text)) return "身份证号码";
  if (new RegExp(MOBILE_IN_TEXT.source).test(text)) return "手机号码";
  const name = workerNames.find((n) => n.trim().length >= 2 && text.includes(n.trim()));
  return name ? `劳动者姓名“${name.trim()}”` : null;
}
