/**
 * Group-complaint rosters (集体投诉名单) arrive as spreadsheets. The first row names the columns; the usual
 * Chinese headers are recognised. Each row is checked with the same rules as the form, and the preview
 * shows every bad row before anything is saved.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { WORKER_FIELDS, type WorkerField, type WorkerValues } from "./intake-form.js";

const HEADERS: Record<WorkerField, readonly string[]> = {
  name: ["姓名", "名字", "投诉人"],
  sex: ["性别"],
  age: ["年龄"],
  idNumber: ["身份证号", "身份证号码", "公民身份号码", "身份证"],
  phone: ["手机号", "手机号码", "联系电话", "电话"],
  hometown: ["籍贯", "户籍地", "家庭住址", "住址"],
  occupation: ["工种", "职业", "岗位"],
  workPeriod: ["工作期间", "务工时间", "工作时间"],
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
  const workers = rows
    .filter((r) => r.some((cell) => cell.trim() !== ""))
    .map((r) => {
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

export function parseRosterCsv(buffer: Buffer): RosterResult {
  let table: string[][];
  try {
    table = parseCsv(decodeText(buffer), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return { ok: false, error: "无法读取 CSV 文件，请检查格式" };
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
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: "无法读取 XLSX 文件，请用 Excel 另存为 .xlsx 后再试" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: "名单文件没有工作表" };
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  });
  return mapRows(table);
}

export async function parseRoster(fileName: string, buffer: Buffer): Promise<RosterResult> {
  return fileName.toLowerCase().endsWith(".xlsx") ? parseRosterXlsx(buffer) : parseRosterCsv(buffer);
}
