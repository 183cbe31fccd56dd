/**
 * Reading an uploaded spreadsheet (CSV or XLSX) as a table of text cells: the rosters of group complaints
 * and the wage platforms' project lists both arrive this way. Reading stops `maxRows` rows in (a file far
 * over a limit is refused without being read in full); XLSX is read as a stream, row by row, the first
 * worksheet only; a CSV that is not valid UTF-8 is read as GBK; a damaged file answers with a message
 * within READ_MS, never a hang.
 */
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import type ExcelJS from "exceljs";

export type TableResult = { ok: true; table: string[][] } | { ok: false; error: string };

/** Excel in China often saves CSV as GBK; anything that is not valid UTF-8 is read as GBK. */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(buffer);
  }
}

/**
 * The start of the file up to its `lines`-th line break: enough for the limit even with blank lines and
 * quoted line breaks. A newline byte never occurs inside a UTF-8 or GBK character, so the cut is clean.
 */
function firstLines(buffer: Buffer, lines: number): Buffer {
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = buffer.indexOf(0x0a, at + 1);
    if (at === -1) return buffer;
  }
  return buffer.subarray(0, at + 1);
}

function readCsv(buffer: Buffer, maxRows: number): TableResult {
  const read = (bytes: Buffer) =>
    parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, to: maxRows }) as string[][];
  const head = firstLines(buffer, maxRows * 4);
  try {
    return { ok: true, table: read(head) };
  } catch {
    // A quoted field cut at the boundary: read the whole file after all.
    try {
      const table = head.length < buffer.length ? read(buffer) : [];
      if (table.length === 0) throw new Error("unreadable");
      return { ok: true, table };
    } catch {
      return { ok: false, error: "无法读取 CSV 文件，请检查格式" };
    }
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

async function readXlsx(buffer: Buffer, maxRows: number, noun: string): Promise<TableResult> {
  // Loaded on first use: exceljs is the heaviest module we have (start-up time and memory).
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const table: string[][] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        const cells = values.slice(1).map(cellText);
        if (cells.some((c) => c.trim() !== "")) table.push(cells);
        if (table.length >= maxRows) break;
      }
      break; // the first worksheet holds the list
    }
  } catch {
    return { ok: false, error: "无法读取 XLSX 文件，请用 Excel 另存为 .xlsx 后再试" };
  }
  if (sheets === 0) return { ok: false, error: `${noun}文件没有工作表` };
  return { ok: true, table };
}

/** How long reading one file may take: a damaged file answers with a message, never a hang. */
export const READ_MS = 15_000;

/** `work`'s answer, or `late` once `ms` have passed without one (exceljs waits forever on some broken files). */
export async function withinTime<T>(work: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

/** The file's first `maxRows` non-blank rows (the header row included); `noun` names the file in messages. */
export async function readTable(fileName: string, buffer: Buffer, opts: { maxRows: number; noun: string }): Promise<TableResult> {
  // A 0-byte .xlsx made exceljs's reader wait for ever.
  if (buffer.length === 0) return { ok: false, error: `${opts.noun}文件是空的（0 字节），请重新选择` };
  const reading = fileName.toLowerCase().endsWith(".xlsx") ? readXlsx(buffer, opts.maxRows, opts.noun) : Promise.resolve(readCsv(buffer, opts.maxRows));
  return withinTime(reading, READ_MS, { ok: false, error: `${opts.noun}文件读取超时，请用 Excel 另存为 .xlsx 或 CSV 后再试` });
}

/** Header cells compared without spaces and with full-width brackets. */
export function normaliseHeader(h: string): string {
  return h.replace(/\s/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
}
