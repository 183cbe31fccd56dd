/**
 * The complaint intake form (window and online): every field checked, every message naming its field,
 * every typed value returned for the form to show again.
 */
import { CHANNELS } from "../domain/reference-data.js";
import { MAX_AMOUNT_FEN } from "../domain/bounds.js";
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import { ageFromIdNumber, idNumberProblem, isMobilePhone, sexFromIdNumber, usccProblem } from "../domain/identifiers.js";
import type { CaseInput, Channel, WorkerInput } from "../models/cases.js";
import { formValues, type FieldErrors, type FormValues } from "./form.js";
import { parseYuanToFen } from "./money.js";

export const WORKER_FIELDS = ["name", "sex", "age", "idNumber", "phone", "hometown", "occupation", "workPeriod", "claimed"] as const;
export type WorkerField = (typeof WORKER_FIELDS)[number];
export type WorkerValues = Partial<Record<WorkerField, string>>;

export const MAX_WORKERS = 500;

export interface IntakeValues {
  fields: FormValues;
  workers: WorkerValues[];
  representative: number;
}

export type IntakeResult = { ok: true; value: CaseInput; values: IntakeValues } | { ok: false; errors: FieldErrors; values: IntakeValues };

/** Reads `workers.3.name`-style fields into rows, in index order, dropping rows left entirely blank. */
export function readIntakeValues(body: unknown): IntakeValues {
  const fields = formValues(body);
  const byIndex = new Map<number, WorkerValues>();
  for (const [key, value] of Object.entries(fields)) {
    const m = /^workers\.(\d+)\.(\w+)$/.exec(key);
    if (!m || !(WORKER_FIELDS as readonly string[]).includes(m[2]!)) continue;
    const index = Number(m[1]);
    const row = byIndex.get(index) ?? {};
    row[m[2] as WorkerField] = value;
    byIndex.set(index, row);
  }
  const representativeIndex = Number(fields.representative ?? 0);
  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b);
  const kept = ordered.filter(([, w]) => WORKER_FIELDS.some((f) => f !== "sex" && (w[f] ?? "").trim() !== ""));
  const representative = Math.max(
    0,
    kept.findIndex(([i]) => i === representativeIndex),
  );
  return { fields, workers: kept.map(([, w]) => w), representative };
}

/** One worker row's checks; errors are keyed by field name. Shared with the roster import. */
export function parseWorker(
  w: WorkerValues,
  isRepresentative: boolean,
  today?: IsoDate,
): { worker: WorkerInput | null; errors: Partial<Record<WorkerField, string>> } {
  const errors: Partial<Record<WorkerField, string>> = {};
  const name = (w.name ?? "").trim();
  if (!name) errors.name = "请填写姓名";
  else if (name.length > 40) errors.name = "姓名不能超过 40 个字";
  const idNumber = (w.idNumber ?? "").trim().toUpperCase();
  const idProblem = idNumber ? idNumberProblem(idNumber, today) : "missing";
  if (idProblem === "missing") errors.idNumber = "请填写身份证号";
  else if (idProblem === "format") errors.idNumber = "身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X";
  else if (idProblem === "birthDate") errors.idNumber = "身份证号中的出生日期无效（应为 1900 年以后、不晚于今天的日期），请核对";
  else if (idProblem === "checksum") errors.idNumber = "身份证号校验位不符，请核对是否抄错";
  const phone = (w.phone ?? "").replace(/[\s-]/g, "");
  if (!phone) errors.phone = "请填写手机号";
  else if (!isMobilePhone(phone)) errors.phone = "手机号应为 11 位数字，以 1 开头";
  let sex = (w.sex ?? "").trim();
  if (!sex && !idProblem) sex = sexFromIdNumber(idNumber);
  if (sex !== "男" && sex !== "女") errors.sex = "请选择性别";
  // Left blank, the age is read off a valid ID number's birth date.
  const ageText = (w.age ?? "").trim() || (!idProblem && today ? String(ageFromIdNumber(idNumber, today)) : "");
  const age = Number(ageText);
  // Blank beside a wrong or missing ID number: the ID's own message says what to fix (the age is optional).
  if (!ageText) {
    if (!errors.idNumber) errors.age = "请填写年龄";
  } else if (!/^\d+$/.test(ageText) || age < 14 || age > 100) errors.age = "年龄应为 14 到 100 之间的整数";
  const claimedText = (w.claimed ?? "").trim();
  const claimedFen = parseYuanToFen(claimedText);
  if (!claimedText) errors.claimed = "请填写诉求金额";
  else if (claimedFen === null) errors.claimed = "诉求金额应为金额数字，如 8500 或 8500.50";
  else if (claimedFen <= 0) errors.claimed = "诉求金额应大于 0";
  else if (claimedFen > MAX_AMOUNT_FEN) errors.claimed = "诉求金额超过 1000 万元，请核对";
  for (const f of ["hometown", "occupation", "workPeriod"] as const) {
    if ((w[f] ?? "").trim().length > 100) errors[f] = "不能超过 100 个字";
  }
  if (Object.keys(errors).length) return { worker: null, errors };
  return {
    worker: {
      name,
      sex: sex as "男" | "女",
      age,
      idNumber,
      phone,
      hometown: (w.hometown ?? "").trim(),
      occupation: (w.occupation ?? "").trim(),
      workPeriod: (w.workPeriod ?? "").trim(),
      claimedFen: claimedFen!,
      isRepresentative,
    },
    errors,
  };
}

function text(fields: FormValues, key: string): string {
  return (fields[key] ?? "").trim();
}

/** `workSites`: the divisions (行政区划) an active office covers — the work site decides the office (条例 第十三条). */
export function parseIntake(values: IntakeValues, today: IsoDate, workSites: readonly string[]): IntakeResult {
  const { fields } = values;
  const errors: FieldErrors = {};
  const need = (key: string, label: string, max = 200) => {
    const v = text(fields, key);
    if (!v) errors[key] = `请填写${label}`;
    else if (v.length > max) errors[key] = `${label}不能超过 ${max} 个字`;
    return v;
  };
  const optional = (key: string, label: string, max = 200) => {
    const v = text(fields, key);
    if (v.length > max) errors[key] = `${label}不能超过 ${max} 个字`;
    return v;
  };

  const channel = text(fields, "channel") as Channel;
  if (!(CHANNELS as readonly string[]).includes(channel)) errors.channel = "请选择投诉来源";
  const platformClueNo = optional("platformClueNo", "线索编号", 60);
  if (channel === "platform" && !platformClueNo) errors.platformClueNo = "平台转办的投诉请填写线索编号";

  const receivedOn = text(fields, "receivedOn");
  if (!receivedOn) errors.receivedOn = "请填写收到投诉的日期";
  else if (!isIsoDate(receivedOn)) errors.receivedOn = "收到日期应为有效日期";
  else if (receivedOn > today) errors.receivedOn = "收到日期不能晚于今天";
  else if (receivedOn < `${Number(today.slice(0, 4)) - 1}-01-01`) errors.receivedOn = "收到日期过早，请核对（转办投诉填原始收到日期）";

  const employerName = need("employerName", "被投诉单位名称", 100);
  const employerUscc = text(fields, "employerUscc").toUpperCase();
  if (employerUscc) {
    const problem = usccProblem(employerUscc);
    if (problem === "format") errors.employerUscc = "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
    else if (problem === "authority") errors.employerUscc = "统一社会信用代码第 1 位（登记管理部门代码）不正确，请核对；不清楚可留空";
    else if (problem === "type") errors.employerUscc = "统一社会信用代码第 2 位（机构类别代码）与登记管理部门不符，请核对；不清楚可留空";
    else if (problem === "region") errors.employerUscc = "统一社会信用代码第 3–8 位应为登记机关的 6 位行政区划代码，请核对；不清楚可留空";
    else if (problem === "checksum") errors.employerUscc = "统一社会信用代码校验位不符，请核对；不清楚可留空";
  }
  const district = text(fields, "district");
  if (!district) errors.district = "请选择用工所在地（所在区县/开发区）";
  else if (!workSites.includes(district)) errors.district = "所选用工所在地不在本市任何监察机构的管辖范围内，请重新选择";
  const isConstruction = fields.isConstruction === "on" || fields.isConstruction === "true";
  const projectName = optional("projectName", "工程项目名称", 100);
  if (isConstruction && !projectName) errors.projectName = "工程建设领域的投诉请填写工程项目名称";

  const employerLegalRep = optional("employerLegalRep", "法定代表人", 40);
  const employerAddress = optional("employerAddress", "单位地址", 200);
  const projectAddress = optional("projectAddress", "项目地址", 200);
  const generalContractor = optional("generalContractor", "施工总承包单位", 100);
  const subcontractor = optional("subcontractor", "分包单位", 100);
  const teamLeader = optional("teamLeader", "班组长", 40);
  // When the arrears ended: the 2-year limit (docs/rules.md §两年时效) runs from it; never required.
  const arrearsOngoing = fields.arrearsOngoing === "on" || fields.arrearsOngoing === "true";
  const arrearsEndedOn = arrearsOngoing ? "" : text(fields, "arrearsEndedOn");
  if (arrearsEndedOn && !isIsoDate(arrearsEndedOn)) errors.arrearsEndedOn = "欠薪结束日期应为有效日期";
  else if (arrearsEndedOn && arrearsEndedOn > (receivedOn || today)) errors.arrearsEndedOn = "欠薪结束日期不能晚于收到投诉的日期";
  else if (arrearsEndedOn && arrearsEndedOn < "1990-01-01") errors.arrearsEndedOn = "欠薪结束日期过早，请核对";
  const facts = need("facts", "投诉事实", 4000);
  const claim = need("claim", "投诉请求", 2000);

  const workers: WorkerInput[] = [];
  if (values.workers.length === 0) errors.workers = "请至少填写一名投诉人";
  if (values.workers.length > MAX_WORKERS) errors.workers = `一件投诉最多 ${MAX_WORKERS} 名投诉人`;
  values.workers.forEach((w, i) => {
    const parsed = parseWorker(w, i === values.representative, today);
    for (const [f, message] of Object.entries(parsed.errors)) errors[`workers.${i}.${f}`] = message;
    if (parsed.worker) workers.push(parsed.worker);
  });
  const ids = workers.map((w) => w.idNumber);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) errors.workers = `身份证号 ${duplicate.slice(0, 6)}… 重复出现，同一投诉人只能登记一次`;

  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    value: {
      channel,
      platformClueNo: channel === "platform" ? platformClueNo : null,
      receivedOn,
      arrearsEndedOn: arrearsEndedOn || null,
      arrearsOngoing,
      facts,
      claim,
      employerName,
      employerUscc: employerUscc || null,
      employerLegalRep,
      employerAddress,
      district,
      isConstruction,
      projectName: isConstruction ? projectName : "",
      projectAddress: isConstruction ? projectAddress : "",
      generalContractor: isConstruction ? generalContractor : "",
      subcontractor: isConstruction ? subcontractor : "",
      teamLeader: isConstruction ? teamLeader : "",
      workers,
    },
  };
}
