/**
 * The public lookup's address with a case's number and query code filled in, printed on the 回执 with its QR code
 * (docs/rules.md §Documents): the worker scans or types it instead of keeping two codes in mind.
 * The address comes from PUBLIC_BASE_URL, never from the request's Host header; the QR code is drawn here, as SVG,
 * with no outside service.
 */
import QRCode from "qrcode";

export interface LookupAddress {
  address: string;
  /** The QR code of `address`: an SVG element drawn by the qrcode library from nothing but the address. */
  qrSvg: string;
}

export function lookupAddressOf(publicBaseUrl: string, caseNumber: string, queryCode: string): string {
  return `${publicBaseUrl}/query?${new URLSearchParams({ caseNumber, queryCode })}`;
}

export async function lookupAddress(publicBaseUrl: string, caseNumber: string, queryCode: string): Promise<LookupAddress> {
  const address = lookupAddressOf(publicBaseUrl, caseNumber, queryCode);
  // Level M survives a crease or a smudge on a printed receipt; a margin of two modules is the quiet zone a phone needs.
  const qrSvg = (await QRCode.toString(address, { type: "svg", errorCorrectionLevel: "M", margin: 2 })).trim();
  return { address, qrSvg };
}
