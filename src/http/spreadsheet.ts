/**
 * Streams an export to the response: XLSX through exceljs' streaming WorkbookWriter (Chinese headers,
 * money as numbers formatted ¥, dates as real dates), or CSV in UTF-8 with a byte-order mark so Chinese
 * Excel opens it without garbled text. Between chunks the writer waits for the response to drain, so
 * memory stays flat however many rows there are, and yields to the event loop, so other users' requests are
 * served between chunks (a 24.5 MB CSV to a fast client once held every other user for 5–7 s).
 */
import { once, type EventEmitter } from "node:events";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Response } from "express";
import { stringify } from "csv-stringify/sync";
import type { CellKind, ExportColumn, ExportSheet } from "../models/exports.js";

export type ExportFormat = "xlsx" | "csv";

const NUM_FMT: Partial<Record<CellKind, string>> = {
  money: '"¥"#,##0.00',
  date: "yyyy-mm-dd",
  share: "0.0%",
  decimal: "0.0",
  int: "0",
};

function kindOf<R>(c: ExportColumn<R>, row: R): CellKind {
  return c.kindFor ? c.kindFor(row) : c.kind;
}

/** The cell as the spreadsheet stores it: money in yuan, dates as UTC-midnight dates (exact day serials). */
function xlsxValue(kind: CellKind, value: string | number | null): string | number | Date | null {
  if (value === null || value === "") return null;
  if (kind === "money") return Number(value) / 100;
  if (kind === "date") return new Date(`${value}T00:00:00Z`);
  return value;
}

/** Text a spreadsheet would run as a formula is prefixed with ' (CSV/formula injection). */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The cell as CSV text (quoting is csv-stringify's): money in yuan with two decimals, shares in %. */
function csvText(kind: CellKind, value: string | number | null): string {
  if (value === null) return "";
  if (kind === "money") return (Number(value) / 100).toFixed(2);
  if (kind === "share") return `${(Number(value) * 100).toFixed(1)}%`;
  if (kind === "decimal") return Number(value).toFixed(1);
  return typeof value === "string" ? safeText(value) : String(value);
}

const csvLines = (rows: string[][]) => stringify(rows, { record_delimiter: "windows" });

/** After a chunk: wait for the client to take it, then let other requests run. */
async function drained(res: Response): Promise<void> {
  if (res.writableNeedDrain) await once(res, "drain");
  await nextTurn();
}

/** The parts of exceljs' internals the backpressure below reads. */
interface SheetInternals {
  stream: { pipes?: (EventEmitter & { _writableState?: { needDrain?: boolean } })[] };
}

/**
 * exceljs' sheet stream writes into the zip entry's stream without heeding its backpressure (exceljs issue
 * #2916), so every row would pile up there until the zip got round to compressing it (+110 MiB for 100,000
 * rows): wait for that stream to drain between chunks. It is a readable-stream PassThrough without
 * `writableNeedDrain`, hence `_writableState`. bench/supervision.ts measures the RSS this keeps flat.
 */
async function sheetDrained(ws: unknown): Promise<void> {
  for (const pipe of (ws as SheetInternals).stream.pipes ?? []) if (pipe._writableState?.needDrain) await once(pipe, "drain");
}

export async function sendSpreadsheet(res: Response, format: ExportFormat, fileBase: string, sheets: readonly ExportSheet<unknown>[]): Promise<void> {
  res.attachment(`${fileBase}.${format}`);
  res.setHeader("Cache-Control", "no-store");
  if (format === "csv") {
    res.type("text/csv; charset=utf-8");
    const [sheet] = sheets;
    // The byte-order mark tells Excel the file is UTF-8.
    res.write(`\uFEFF${csvLines([sheet!.columns.map((c) => c.header)])}`);
    for (const rows of sheet!.chunks()) {
      res.write(csvLines(rows.map((r) => sheet!.columns.map((c) => csvText(kindOf(c, r), c.value(r))))));
      await drained(res);
    }
    res.end();
    return;
  }
  res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // Loaded on first use, like the roster's reader: exceljs costs start-up time and memory.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  workbook.creator = "欠薪快办";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ key: String(i), header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const rows of sheet.chunks()) {
      for (const r of rows) {
        const row = ws.addRow(sheet.columns.map((c) => xlsxValue(kindOf(c, r), c.value(r))));
        sheet.columns.forEach((c, i) => {
          const fmt = NUM_FMT[kindOf(c, r)];
          if (fmt) row.getCell(i + 1).numFmt = fmt;
        });
        row.commit();
      }
      await sheetDrained(ws);
      await drained(res);
    }
    ws.commit();
  }
  await workbook.commit();
}
