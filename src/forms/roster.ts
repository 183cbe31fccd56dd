/**
 * Group-complaint rosters (集体投诉名单) arrive as spreadsheets. The first row names the columns; the usual
 * Chinese headers are recognised. Each row is checked with the same rules as the form, and the preview
 * shows every bad row before anything is saved.
 *
 * Reading stops one row past the 500-worker limit (docs/rules.md "Hostile input"): a roster of 96,000 rows
 * is refused at once, with the limit named, instead of being read, checked and shown in full. XLSX files
 * are read as a stream, row by row, so a large workbook never holds the server up.
 */
import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { MAX_WORKERS, WORKER_FIELDS, type WorkerField, type WorkerValues } from "./intake-form.js";

/** The header row, the limit, and one more row to tell that the limit was passed. */
const MAX_ROWS_READ = MAX_WORKERS + 2;
const TOO_MANY = `名单超过 ${MAX_WORKERS} 人：一件集体投诉最多 ${MAX_WORKERS} 名投诉人。请按项目或班组把名单拆成几份，分别登记。`;

const HEADERS: Record<WorkerField, readonly string[]> = {
  name: ["姓名", "名字", "投诉人"],
  sex: ["性别"],
  age: ["年龄"],
  idType: ["证件类型"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码"],
  noIdReason: ["无证件原因"],
  phone: ["手机号", "手机号码", "联系电话", "电话"],
  hometown: ["籍贯", "户籍地", "家庭住址", "住址"],
  occupation: ["工种", "职业", "岗位"],
  workPeriod: ["工作期间", "务工时间", "工作时间"],
  landline: ["固定电话", "座机"],
  relativeName: ["亲属姓名"],
  relativePhone: ["亲属电话"],
  postalAddress: ["通讯地址", "邮寄地址"],
  smsOptOut: ["不接收短信"],
  claimed: ["诉求金额", "欠薪金额", "拖欠金额", "金额", "诉求金额（元）", "欠薪金额（元）", "金额（元）"],
};

export type RosterResult = { ok: true; workers: WorkerValues[] } | { ok: false; error: string };

function normaliseHeader(h: string): string {
  return h.replace(/\s/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
}

function mapRows(table: string[][]): RosterResult {
  const [header, ...rows] = table;
  if (!header) return { ok: false, error: "名单文件是空的" };
  const columns = header.map((h) => {
    const name = normaliseHeader(h);
    return WORKER_FIELDS.find((f) => HEADERS[f].includes(name) || HEADERS[f].some((alias) => name.startsWith(alias))) ?? null;
  });
  const missing = (["name", "idNumber", "claimed"] as const).filter((f) => !columns.includes(f));
  if (missing.length) {
    return { ok: false, error: `名单第一行应为列名，缺少：${missing.map((f) => HEADERS[f][0]).join("、")}` };
  }
  const filled = rows.filter((r) => r.some((cell) => cell.trim() !== ""));
  if (filled.length > MAX_WORKERS) return { ok: false, error: TOO_MANY };
  const workers = filled.map((r) => {
    const w: WorkerValues = {};
    columns.forEach((f, i) => {
      if (f) w[f] = (r[i] ?? "").trim();
    });
    return w;
  });
  if (workers.length === 0) return { ok: false, error: "名单中没有投诉人" };
  return { ok: true, workers };
}

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

export function parseRosterCsv(buffer: Buffer): RosterResult {
  const read = (bytes: Buffer) =>
    parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, to: MAX_ROWS_READ }) as string[][];
  const head = firstLines(buffer, MAX_ROWS_READ * 4);
  let table: string[][];
  try {
    table = read(head);
  } catch {
    // A quoted field cut at the boundary: read the whole file after all.
    try {
      table = head.length < buffer.length ? read(buffer) : [];
      if (table.length === 0) throw new Error("unreadable");
    } catch {
      return { ok: false, error: "无法读取 CSV 文件，请检查格式" };
    }
  }
  return mapRows(table);
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

export async function parseRosterXlsx(buffer: Buffer): Promise<RosterResult> {
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
        if (table.length >= MAX_ROWS_READ) break;
      }
      break; // the first worksheet is the roster
    }
  } catch {
    return { ok: false, error: "无法读取 XLSX 文件，请用 Excel 另存为 .xlsx 后再试" };
  }
  if (sheets === 0) return { ok: false, error: "名单文件没有工作表" };
  return mapRows(table);
}

/** How long reading one roster may take: a damaged file answers with a message, never a hang. */
export const ROSTER_READ_MS = 15_000;

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

export async function parseRoster(fileName: string, buffer: Buffer): Promise<RosterResult> {
  // A 0-byte .xlsx made exceljs's reader wait for ever.
  if (buffer.length === 0) return { ok: false, error: "名单文件是空的（0 字节），请重新选择" };
  const reading = fileName.toLowerCase().endsWith(".xlsx") ? parseRosterXlsx(buffer) : Promise.resolve(parseRosterCsv(buffer));
  return withinTime(reading, ROSTER_READ_MS, { ok: false, error: "名单文件读取超时，请用 Excel 另存为 .xlsx 或 CSV 后再试" });
}
