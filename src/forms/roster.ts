/**
 * Group-complaint rosters (集体投诉名单) arrive as spreadsheets. The first row names the columns; the usual
 * Chinese headers are recognised. Each row is checked with the same rules as the form, and the preview
 * shows every bad row before anything is saved.
 *
 * Reading stops one row past the 500-worker limit (docs/rules.md "Hostile input"): a roster of 96,000 rows
 * is refused at once, with the limit named, instead of being read, checked and shown in full. The file is
 * read by forms/spreadsheet-table.ts (XLSX as a stream, CSV in UTF-8 or GBK).
 */
import { normaliseHeader, readTable } from "./spreadsheet-table.js";
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

export async function parseRoster(fileName: string, buffer: Buffer): Promise<RosterResult> {
  const read = await readTable(fileName, buffer, { maxRows: MAX_ROWS_READ, noun: "名单" });
  return read.ok ? mapRows(read.table) : read;
}
