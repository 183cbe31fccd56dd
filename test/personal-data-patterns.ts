/** What an ID number (身份证号) or a mobile phone number looks like in any text: used to scan pages and logs. */
export const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
export const MOBILE_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export function personalDataIn(text: string): string[] {
  return [ID_NUMBER, MOBILE_PHONE].flatMap((re) => [...text.matchAll(new RegExp(re.source, "g"))].map((m) => m[0]));
}
