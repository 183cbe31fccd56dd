/**
 * The complaint intake form (window and online): every field checked, every message naming its field,
 * every typed value returned for the form to show again.
 */
import { CHANNELS } from "../domain/reference-data.js";
import { MAX_AMOUNT_FEN } from "../domain/bounds.js";
import { isIsoDate, type IsoDate } from "../domain/dates.js";
import {
  ID_TYPES,
  ID_TYPE_LABELS,
  ageFromIdNumber,
  documentNumberProblem,
  isCitizenNumber,
  isLandline,
  isMobilePhone,
  normalizeDocumentNumber,
  sexFromIdNumber,
  usccProblem,
  usccProblemMessage,
  type IdType,
} from "../domain/identifiers.js";
import type { CaseInput, Channel, WorkerInput } from "../models/cases.js";
import { formValues, type FieldErrors, type FormValues } from "./form.js";
import { parseYuanToFen } from "./money.js";

export const WORKER_FIELDS = [
  "name",
  "sex",
  "age",
  "idType",
  "idNumber",
  "noIdReason",
  "phone",
  "landline",
  "relativeName",
  "relativePhone",
  "postalAddress",
  "smsOptOut",
  "hometown",
  "occupation",
  "workPeriod",
  "claimed",
] as const;
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
  // A row with only its defaults (sex, document type, the SMS box) is a row left blank.
  const kept = ordered.filter(([, w]) => WORKER_FIELDS.some((f) => f !== "sex" && f !== "idType" && f !== "smsOptOut" && (w[f] ?? "").trim() !== ""));
  const representative = Math.max(
    0,
    kept.findIndex(([i]) => i === representativeIndex),
  );
  return { fields, workers: kept.map(([, w]) => w), representative };
}

/** The document type as the form or a roster sends it (its key or its label); blank is the 身份证, unknown undefined. */
function readIdType(typed: string | undefined): IdType | undefined {
  const t = (typed ?? "").trim();
  if (t === "") return "mainlandId";
  return (ID_TYPES as readonly string[]).includes(t) ? (t as IdType) : ID_TYPES.find((type) => ID_TYPE_LABELS[type] === t);
}

/**
 * The documents a worker names on the online form: every type the window takes, each checked by its own format
 * (parseWorker), but not "none" — without a document the worker comes to the window, where the clerk records why
 * (docs/rules.md §Identity documents).
 */
export const ONLINE_ID_TYPES = ID_TYPES.filter((t) => t !== "none");

/**
 * Rows the online form takes: the filer and up to 19 co-workers. A bigger group files at the window, where the
 * clerk imports its roster (CSV/XLSX) rather than a phone typing row after row (docs/rules.md §Group filing online).
 */
export const ONLINE_MAX_WORKERS = 20;

/** What a worker row's fields are called on the forms, for a message naming the row and the field. */
export const WORKER_FIELD_LABELS: Record<WorkerField, string> = {
  name: "姓名",
  sex: "性别",
  age: "年龄",
  idType: "证件类型",
  idNumber: "证件号码",
  noIdReason: "无证件原因",
  phone: "手机号",
  landline: "固定电话",
  relativeName: "亲属姓名",
  relativePhone: "亲属电话",
  postalAddress: "通讯地址",
  smsOptOut: "短信通知",
  hometown: "籍贯/住址",
  occupation: "工种",
  workPeriod: "工作期间",
  claimed: "诉求金额",
};

/** "投诉人 2 的手机号：…" for every row error, in row order, for the summary above the form. */
export function workerErrorList(errors: FieldErrors): string[] {
  return Object.entries(errors).flatMap(([key, message]) => {
    const m = /^workers\.(\d+)\.(\w+)$/.exec(key);
    const label = m ? WORKER_FIELD_LABELS[m[2] as WorkerField] : undefined;
    return m && label ? [`投诉人 ${Number(m[1]) + 1} 的${label}：${message}`] : [];
  });
}

/**
 * The online complaint: the filer and the co-workers they add, each row checked as the window checks it, word
 * for word; each names a document (no 无证件 online).
 */
export function parseOnlineIntake(values: IntakeValues, today: IsoDate, workSites: readonly string[]): IntakeResult {
  const form = parseIntake(values, today, workSites);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  if (values.workers.length > ONLINE_MAX_WORKERS)
    errors.workers = `网上投诉一次最多填写 ${ONLINE_MAX_WORKERS} 名投诉人；人数更多的，请到投诉窗口登记（可导入名单）`;
  values.workers.forEach((w, i) => {
    if (readIdType(w.idType) !== "none") return;
    delete errors[`workers.${i}.noIdReason`];
    errors[`workers.${i}.idType`] = "网上投诉请选择证件类型并填写号码；没有证件的，请到投诉窗口登记";
  });
  if (Object.keys(errors).length) return { ok: false, values, errors };
  return form;
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
  // The identity document (docs/rules.md §Identity documents): its type, then its own format; none at the
  // window with the clerk's reason.
  const idType = readIdType(w.idType);
  const idNumber = idType === "none" ? "" : normalizeDocumentNumber(w.idNumber ?? "");
  const noIdReason = idType === "none" ? (w.noIdReason ?? "").trim() : "";
  if (!idType) errors.idType = "请选择证件类型";
  else if (idType === "none") {
    if (!noIdReason) errors.noIdReason = "没有证件时请填写原因（如 证件遗失、未随身携带）";
    else if (noIdReason.length > 100) errors.noIdReason = "无证件原因不能超过 100 个字";
  } else {
    const problem = idNumber
      ? documentNumberProblem(idType, idNumber, today)
      : `请填写${idType === "mainlandId" ? "身份证号" : `${ID_TYPE_LABELS[idType]}号码`}`;
    if (problem) errors.idNumber = problem;
  }
  const citizenNumber = idType !== undefined && isCitizenNumber(idType) && !errors.idNumber;
  // Contact (docs/rules.md §Identity documents): a mobile, a landline, a relative's phone or an address — at least one.
  const phone = (w.phone ?? "").replace(/[\s-]/g, "");
  if (phone && !isMobilePhone(phone)) errors.phone = "手机号应为 11 位数字，以 1 开头";
  const landline = (w.landline ?? "").replace(/[\s]/g, "");
  if (landline && !isLandline(landline)) errors.landline = "固定电话应为区号加号码，如 0431-88000000";
  const relativeName = (w.relativeName ?? "").trim();
  if (relativeName.length > 40) errors.relativeName = "亲属姓名不能超过 40 个字";
  const relativePhone = (w.relativePhone ?? "").replace(/[\s]/g, "");
  if (relativePhone && !isMobilePhone(relativePhone.replace(/-/g, "")) && !isLandline(relativePhone))
    errors.relativePhone = "亲属电话应为手机号或带区号的固定电话";
  const postalAddress = (w.postalAddress ?? "").trim();
  if (postalAddress.length > 200) errors.postalAddress = "通讯地址不能超过 200 个字";
  if (!phone && !landline && !relativePhone && !postalAddress) errors.phone = "请填写手机号；没有手机的，请至少填写固定电话、亲属电话或通讯地址之一";
  const smsOptOut = w.smsOptOut === "on" || w.smsOptOut === "true" || w.smsOptOut === "是";
  let sex = (w.sex ?? "").trim();
  if (!sex && citizenNumber) sex = sexFromIdNumber(idNumber);
  if (sex !== "男" && sex !== "女") errors.sex = "请选择性别";
  // Left blank, the age is read off a valid 公民身份号码's birth date.
  const ageText = (w.age ?? "").trim() || (citizenNumber && today ? String(ageFromIdNumber(idNumber, today)) : "");
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
      idType: idType!,
      idNumber,
      noIdReason,
      phone,
      landline,
      relativeName,
      relativePhone: relativePhone.replace(/\s/g, ""),
      postalAddress,
      smsOptOut,
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
  if (!(CHANNELS as readonly string[]).includes(channel) || channel === "report") errors.channel = "请选择投诉来源（举报请在“举报登记”中登记）";
  const platformClueNo = optional("platformClueNo", "线索编号", 60);
  if (channel === "platform" && !platformClueNo) errors.platformClueNo = "平台转办的投诉请填写线索编号";

  const receivedOn = text(fields, "receivedOn");
  if (!receivedOn) errors.receivedOn = "请填写收到投诉的日期";
  else if (!isIsoDate(receivedOn)) errors.receivedOn = "收到日期应为有效日期";
  else if (receivedOn > today) errors.receivedOn = "收到日期不能晚于今天";
  else if (receivedOn < `${Number(today.slice(0, 4)) - 1}-01-01`) errors.receivedOn = "收到日期过早，请核对（转办投诉填原始收到日期）";

  const employerName = need("employerName", "被投诉单位名称", 100);
  const employerUscc = text(fields, "employerUscc").toUpperCase();
  const usccMessage = employerUscc ? usccFieldProblem(employerUscc) : null;
  if (usccMessage) errors.employerUscc = usccMessage;
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
  // The same document twice (its type and number); workers without a document are not compared.
  const ids = workers.filter((w) => w.idType !== "none").map((w) => `${w.idType}:${w.idNumber}`);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    const [type, number] = duplicate.split(":") as [IdType, string];
    errors.workers = `${ID_TYPE_LABELS[type]} ${number.slice(0, 4)}… 重复出现，同一投诉人只能登记一次`;
  }

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

/** What is wrong with a typed 统一社会信用代码 (upper case), in the field's words; null when valid (GB 32100-2015). */
export function usccFieldProblem(code: string): string | null {
  const problem = usccProblem(code);
  if (!problem) return null;
  // Only the code's shape is required; a code that is wrong inside may be left out when not known.
  return problem === "format" ? usccProblemMessage(problem) : `${usccProblemMessage(problem)}；不清楚可留空`;
}
