/** What an ID number (身份证号) or a mobile phone number looks like in any text: used to scan pages and logs. */
export const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
export const MOBILE_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** 港澳居民来往内地通行证 (H/M + 8 or 10 digits) and the 2017 外国人永久居留身份证 (3 letters + 12 digits). */
export const DOCUMENT_NUMBER = /(?<![\dA-Za-z])(?:[HM]\d{8}(?:\d{2})?|[A-Z]{3}\d{12})(?![\dA-Za-z])/;

export function personalDataIn(text: string): string[] {
  return [ID_NUMBER, MOBILE_PHONE, DOCUMENT_NUMBER].flatMap((re) => [...text.matchAll(new RegExp(re.source, "g"))].map((m) => m[0]));
}
