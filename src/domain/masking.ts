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

/** Any ID number or mobile number inside free text (a URL path in a log line…), masked. */
export function maskPersonalDataIn(text: string): string {
  return text.replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (m) => maskIdNumber(m)).replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m));
}
