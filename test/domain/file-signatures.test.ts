import { describe, expect, it } from "vitest";
import { contentMatchesExtension } from "../../src/domain/file-signatures.js";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("contentMatchesExtension (online evidence: photo or PDF by content)", () => {
  it.each([
    [".jpg", bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF")],
    [".jpeg", bytes([0xff, 0xd8, 0xff, 0xe1], "Exif")],
    [".png", bytes([0x89], "PNG\r\n\x1a\n\0\0\0\rIHDR")],
    [".webp", bytes("RIFF\x10\0\0\0WEBPVP8 ")],
    [".heic", bytes([0, 0, 0, 0x18], "ftypheic")],
    [".heif", bytes([0, 0, 0, 0x18], "ftypmif1")],
    [".pdf", bytes("%PDF-1.7\n")],
  ])("takes a real %s", (ext, head) => {
    expect(contentMatchesExtension(ext, head)).toBe(true);
  });

  it.each([
    [".jpg", bytes("<html><script>")],
    [".png", bytes([0xff, 0xd8, 0xff, 0xe0])],
    [".pdf", bytes("MZ\x90\0")],
    [".webp", bytes("RIFF\x10\0\0\0WAVEfmt ")],
    [".heic", bytes([0, 0, 0, 0x18], "ftypisom")],
    [".exe", bytes("MZ\x90\0")],
    [".jpg", bytes([0xff, 0xd8])],
  ])("refuses %s whose content is something else", (ext, head) => {
    expect(contentMatchesExtension(ext, head)).toBe(false);
  });
});
