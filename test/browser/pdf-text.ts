/**
 * The text of each page of a PDF that Chromium printed, line by line with its distance from the top of the page (pt):
 * enough to check what a printed document carries on every page without a PDF library. It reads Chromium's own output
 * only — uncompressed object syntax, Flate-compressed content streams, fonts with a ToUnicode map, glyphs shown one
 * run per `Tm` with `Tj` — and takes a glyph's `ActualText` where Chromium gives one.
 */
import { inflateSync } from "node:zlib";

export interface PdfLine {
  /** Distance of the baseline from the top of the page, in points. */
  top: number;
  text: string;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];

/** The fonts map some glyphs to Kangxi radicals (⼈ for 人): read them as the ideographs they show. */
const unifiedIdeographs = (text: string) => text.replace(/[\u2e80-\u2fdf]/g, (c) => c.normalize("NFKC"));

export function pdfPages(pdf: Buffer): PdfLine[][] {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, string>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const stream = (id: number): string => {
    const body = objects.get(id)!;
    const start = body.search(/stream\r?\n/) + body.match(/stream\r?\n/)![0].length;
    const length = Number(body.match(/\/Length (\d+)/)![1]);
    return inflateSync(Buffer.from(body.slice(start, start + length), "latin1")).toString("latin1");
  };
  const toUnicode = new Map<number, Map<number, string>>();
  const mapOf = (font: number): Map<number, string> => {
    let map = toUnicode.get(font);
    if (map) return map;
    map = new Map();
    const cmap = stream(Number(objects.get(font)!.match(/\/ToUnicode (\d+) 0 R/)![1]));
    const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code!, 16), utf16(text!));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, from, to, first] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++)
          map.set(code, String.fromCodePoint(parseInt(first!, 16) + code - parseInt(from!, 16)));
    toUnicode.set(font, map);
    return map;
  };
  const kids = raw.match(/\/Type \/Pages\s*\/Count \d+\s*\/Kids \[([^\]]*)\]/)![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, ref]) => {
    const page = objects.get(Number(ref))!;
    const height = Number(page.match(/\/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/)![1]);
    const fonts = new Map([...page.matchAll(/\/(F\d+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]));
    const content = stream(Number(page.match(/\/Contents (\d+) 0 R/)![1]));
    const lines = new Map<number, string>();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: Matrix[] = [];
    let font = 0;
    let top = 0;
    let actual: string | null = null;
    const ops = /^(q|Q)$|((?:[-\d.]+ ){6})cm|(?:[-\d.]+ ){5}([-\d.]+) Tm|\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\/ActualText <FEFF([0-9A-Fa-f]*)>|^(EMC)$/gm;
    for (const m of content.matchAll(ops)) {
      if (m[1] === "q") saved.push(ctm);
      else if (m[1] === "Q") ctm = saved.pop()!;
      else if (m[2]) ctm = multiply(m[2].trim().split(" ").map(Number) as Matrix, ctm);
      else if (m[3]) top = Math.round((height - (ctm[3] * Number(m[3]) + ctm[5])) * 10) / 10;
      else if (m[4]) font = fonts.get(m[4])!;
      else if (m[5] !== undefined) {
        const map = mapOf(font);
        let text = "";
        for (let i = 0; i < m[5].length; i += 2) text += map.get(parseInt(m[5].slice(i, i + 2), 16)) ?? "";
        lines.set(top, (lines.get(top) ?? "") + (actual ?? text));
        actual = actual === null ? null : "";
      } else if (m[6] !== undefined) actual = Buffer.from(m[6], "hex").swap16().toString("utf16le");
      else if (m[7]) actual = null;
    }
    return [...lines].sort(([a], [b]) => a - b).map(([at, text]) => ({ top: at, text: unifiedIdeographs(text) }));
  });
}
