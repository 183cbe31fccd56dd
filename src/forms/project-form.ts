/**
 * A construction project as typed in the form or read from a row of the wage platform's spreadsheet: the
 * same fields, the same checks (统一社会信用代码 by GB 32100, dates, amounts, the guarantee's term), one
 * message per field naming it. A spreadsheet's header row names the columns (PROJECT_HEADERS).
 */
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import { amountProblem } from "../domain/bounds.js";
import { usccProblem, usccProblemMessage } from "../domain/identifiers.js";
import { GUARANTEE_FORMS, GUARANTEE_FORM_LABELS, guaranteeTermProblem, type GuaranteeForm } from "../domain/projects.js";
import type { FieldErrors, FormResult, FormValues } from "./form.js";
import { parseYuanToFen } from "./money.js";
import { normaliseHeader } from "./spreadsheet-table.js";

export interface ProjectInput {
  name: string;
  address: string;
  /** The division (行政区划) the project lies in: it decides the office. */
  district: string;
  builderName: string;
  builderUscc: string | null;
  contractorName: string;
  contractorUscc: string;
  subcontractors: { name: string; uscc: string }[];
  contractFen: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
  wageAccountBank: string;
  wageAccountOpenedOn: IsoDate | null;
  realName: boolean;
  contractorPays: boolean;
  guaranteeForm: GuaranteeForm | null;
  guaranteeFen: number;
  guarantor: string;
  guaranteeFrom: IsoDate | null;
  guaranteeUntil: IsoDate | null;
  noticeBoard: boolean;
}

export const PROJECT_FIELDS = [
  "name",
  "address",
  "district",
  "builderName",
  "builderUscc",
  "contractorName",
  "contractorUscc",
  "subcontractors",
  "contract",
  "startOn",
  "endOn",
  "wageAccountBank",
  "wageAccountOpenedOn",
  "realName",
  "contractorPays",
  "guaranteeForm",
  "guarantee",
  "guarantor",
  "guaranteeFrom",
  "guaranteeUntil",
  "noticeBoard",
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** The column headers a spreadsheet may use for each field (the first is the one the template shows). */
export const PROJECT_HEADERS: Record<ProjectField, readonly string[]> = {
  name: ["项目名称", "工程名称", "工程项目名称"],
  address: ["项目地址", "工程地址"],
  district: ["所在区县", "行政区划", "项目所在地"],
  builderName: ["建设单位"],
  builderUscc: ["建设单位统一社会信用代码", "建设单位信用代码"],
  contractorName: ["施工总承包单位", "总包单位", "总承包单位"],
  contractorUscc: ["总包统一社会信用代码", "总包单位统一社会信用代码", "施工总承包单位统一社会信用代码"],
  subcontractors: ["分包单位"],
  contract: ["合同金额（元）", "合同金额", "合同额（元）", "合同额"],
  startOn: ["开工日期"],
  endOn: ["竣工日期", "计划竣工日期"],
  wageAccountBank: ["专户开户银行", "专用账户开户银行", "工资专户开户行"],
  wageAccountOpenedOn: ["专户开立日期", "专用账户开立日期"],
  realName: ["实名制"],
  contractorPays: ["总包代发"],
  guaranteeForm: ["保证金形式", "工资保证金形式"],
  guarantee: ["保证金金额（元）", "保证金金额", "工资保证金金额（元）"],
  guarantor: ["保函出具机构", "保证金存储银行", "出具机构"],
  guaranteeFrom: ["保函起始日期", "保证金起始日期"],
  guaranteeUntil: ["保函截止日期", "保证金截止日期"],
  noticeBoard: ["告示牌", "维权信息告示牌"],
};

const REQUIRED_COLUMNS: readonly ProjectField[] = ["name", "district", "builderName", "contractorName", "contractorUscc", "contract", "startOn"];

const LABELS: Record<ProjectField, string> = {
  name: "项目名称",
  address: "项目地址",
  district: "所在区县",
  builderName: "建设单位",
  builderUscc: "建设单位统一社会信用代码",
  contractorName: "施工总承包单位",
  contractorUscc: "总包统一社会信用代码",
  subcontractors: "分包单位",
  contract: "合同金额",
  startOn: "开工日期",
  endOn: "竣工日期",
  wageAccountBank: "专户开户银行",
  wageAccountOpenedOn: "专户开立日期",
  realName: "实名制",
  contractorPays: "总包代发",
  guaranteeForm: "保证金形式",
  guarantee: "保证金金额",
  guarantor: "保函出具机构",
  guaranteeFrom: "保函起始日期",
  guaranteeUntil: "保函截止日期",
  noticeBoard: "告示牌",
};

const YES = new Set(["on", "true", "1", "是", "有", "已落实", "已设置", "已开立"]);
const NO = new Set(["", "false", "0", "否", "无", "未落实", "未设置"]);

/** The project's fields from a form or a spreadsheet row (values keyed by PROJECT_FIELDS), every problem at once. */
export function parseProject(values: FormValues, workSites: readonly string[]): FormResult<ProjectInput> {
  const errors: FieldErrors = {};
  const text = (f: ProjectField, max = 100) => {
    const v = (values[f] ?? "").trim();
    if (v.length > max) errors[f] = `${LABELS[f]}不能超过 ${max} 个字`;
    return v;
  };
  const need = (f: ProjectField, max = 100) => {
    const v = text(f, max);
    if (!v) errors[f] = `请填写${LABELS[f]}`;
    return v;
  };
  const code = (f: ProjectField, required: boolean) => {
    const v = text(f, 18).toUpperCase();
    if (!v) {
      if (required) errors[f] = `请填写${LABELS[f]}`;
      return null;
    }
    const problem = usccProblem(v);
    if (problem) errors[f] = usccProblemMessage(problem, LABELS[f]);
    return v;
  };
  const date = (f: ProjectField, required: boolean): IsoDate | null => {
    const v = text(f, 10);
    if (!v) {
      if (required) errors[f] = `请填写${LABELS[f]}`;
      return null;
    }
    if (!isIsoDate(v)) errors[f] = `${LABELS[f]}应为有效日期（如 2026-03-01）`;
    return v;
  };
  const money = (f: ProjectField, required: boolean) => {
    const v = text(f, 20);
    if (!v) {
      if (required) errors[f] = `请填写${LABELS[f]}`;
      return 0;
    }
    const fen = parseYuanToFen(v);
    const problem = amountProblem(LABELS[f], fen, { allowZero: !required, contract: true });
    if (problem) errors[f] = problem;
    return fen ?? 0;
  };
  const yes = (f: ProjectField) => {
    const v = text(f, 10).toLowerCase();
    if (YES.has(v)) return true;
    if (!NO.has(v)) errors[f] = `${LABELS[f]}应填“是”或“否”`;
    return false;
  };

  const name = need("name");
  const address = text("address", 200);
  const district = need("district");
  if (district && !workSites.includes(district)) errors.district = `所在区县“${district}”不在本市任何监察机构的管辖范围内`;
  const builderName = need("builderName");
  const builderUscc = code("builderUscc", false);
  const contractorName = need("contractorName");
  const contractorUscc = code("contractorUscc", true) ?? "";
  const subcontractors = parseSubcontractors(text("subcontractors", 4000), errors);
  const contractFen = money("contract", true);
  const startOn = date("startOn", true);
  const endOn = date("endOn", false);
  if (startOn && endOn && !errors.endOn && endOn < startOn) errors.endOn = "竣工日期不能早于开工日期";
  const wageAccountBank = text("wageAccountBank");
  const wageAccountOpenedOn = date("wageAccountOpenedOn", false);
  if (wageAccountOpenedOn && !wageAccountBank) errors.wageAccountBank = "已填写专户开立日期，请填写开户银行";
  const formText = text("guaranteeForm", 20);
  const guaranteeForm = formText === "" ? null : (GUARANTEE_FORMS.find((g) => g === formText || GUARANTEE_FORM_LABELS[g] === formText) ?? null);
  if (formText && !guaranteeForm) errors.guaranteeForm = `保证金形式应为${GUARANTEE_FORMS.map((g) => GUARANTEE_FORM_LABELS[g]).join("、")}之一`;
  const guaranteeFen = money("guarantee", false);
  const guarantor = text("guarantor");
  const guaranteeFrom = date("guaranteeFrom", false);
  const guaranteeUntil = date("guaranteeUntil", false);
  if (!errors.guaranteeFrom && !errors.guaranteeUntil && !errors.guarantee) {
    const term = guaranteeTermProblem({ form: guaranteeForm, fen: guaranteeFen, from: guaranteeFrom, until: guaranteeUntil, contractEndOn: endOn });
    if (term) errors[term.field === "guaranteeFen" ? "guarantee" : term.field] = term.message;
  }
  const realName = yes("realName");
  const contractorPays = yes("contractorPays");
  const noticeBoard = yes("noticeBoard");

  if (Object.keys(errors).length > 0 || !startOn) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: {
      name,
      address,
      district,
      builderName,
      builderUscc,
      contractorName,
      contractorUscc,
      subcontractors,
      contractFen,
      startOn,
      endOn,
      wageAccountBank,
      wageAccountOpenedOn,
      realName,
      contractorPays,
      guaranteeForm,
      guaranteeFen: guaranteeForm ? guaranteeFen : 0,
      guarantor,
      guaranteeFrom,
      guaranteeUntil,
      noticeBoard,
    },
  };
}

/** One subcontractor per line (or separated by ；): its name, then its 统一社会信用代码. */
function parseSubcontractors(text: string, errors: FieldErrors): { name: string; uscc: string }[] {
  const entries = text
    .split(/[\n；;]/)
    .map((e) => e.trim())
    .filter(Boolean);
  const result: { name: string; uscc: string }[] = [];
  for (const entry of entries) {
    const m = /^(.+?)[\s,，:：]+([0-9A-Za-z]{18})$/.exec(entry);
    if (!m) {
      errors.subcontractors = `分包单位“${entry.slice(0, 30)}”应写作“单位名称 统一社会信用代码”`;
      continue;
    }
    const uscc = m[2]!.toUpperCase();
    const problem = usccProblem(uscc);
    if (problem) errors.subcontractors = `分包单位“${m[1]}”的${usccProblemMessage(problem)}`;
    result.push({ name: m[1]!.trim(), uscc });
  }
  return result;
}

/** Projects read from a spreadsheet: each row's values, or what is wrong with the file as a whole. */
export type ProjectRows = { ok: true; rows: { line: number; values: FormValues }[] } | { ok: false; error: string };

/** The largest list one import takes (a wage platform's export of one district fits). */
export const MAX_IMPORT_ROWS = 2000;

export function projectRowsOf(table: string[][]): ProjectRows {
  const [header, ...rows] = table;
  if (!header) return { ok: false, error: "项目清单文件是空的" };
  const columns = header.map((h) => {
    const name = normaliseHeader(h);
    return PROJECT_FIELDS.find((f) => PROJECT_HEADERS[f].includes(name)) ?? null;
  });
  const missing = REQUIRED_COLUMNS.filter((f) => !columns.includes(f));
  if (missing.length) return { ok: false, error: `项目清单第一行应为列名，缺少：${missing.map((f) => PROJECT_HEADERS[f][0]).join("、")}` };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `项目清单超过 ${MAX_IMPORT_ROWS} 行，请分批导入` };
  if (rows.length === 0) return { ok: false, error: "项目清单中没有项目" };
  return {
    ok: true,
    rows: rows.map((r, i) => {
      const values: FormValues = {};
      columns.forEach((f, c) => {
        if (f) values[f] = (r[c] ?? "").trim();
      });
      // Line numbers as the spreadsheet shows them: the header is line 1 (blank lines were skipped).
      return { line: i + 2, values };
    }),
  };
}

export function fieldLabel(f: string): string {
  return LABELS[f as ProjectField] ?? f;
}
