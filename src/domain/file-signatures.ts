/**
 * What a file from the public online form may be: a photo or a PDF, recognised by its first bytes (its
 * "magic number"), not by the name the phone gave it — a renamed program or web page is refused
 * (docs/rules.md §Group filing online).
 */

/** The extensions the online form takes, each with the content it must start with. */
export const PHONE_EVIDENCE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".pdf"] as const;

/** Bytes needed to recognise every type above. */
export const SIGNATURE_BYTES = 12;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** HEIF/HEIC (an ISO base media file): `ftyp` at byte 4, then a HEIF brand. */
const HEIF_BRANDS = ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1"];

/** Whether the file's first bytes are what its extension says (lower-case, with the dot). */
export function contentMatchesExtension(ext: string, head: Uint8Array): boolean {
  switch (ext) {
    case ".jpg":
    case ".jpeg":
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case ".png":
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case ".webp":
      return startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8);
    case ".heic":
    case ".heif":
      return startsWith(head, ascii("ftyp"), 4) && HEIF_BRANDS.some((brand) => startsWith(head, ascii(brand), 8));
    case ".pdf":
      return startsWith(head, ascii("%PDF-"));
    default:
      return false;
  }
}

/** A phone photo is 2–8 MB and a scanned page less: 20 MB each, 10 files, bounds what anyone may send unsigned. */
export const ONLINE_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const ONLINE_EVIDENCE_MAX_FILES = 10;
