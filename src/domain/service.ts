/**
 * Service (送达) of a document to one party: how, to whom, when. Every clock that the law runs from service
 * starts on the date recorded here (docs/rules.md § Service of documents). Administrative procedure borrows
 * the civil-procedure methods (民事诉讼法 第二编第七章第二节 “送达”; 行政处罚法 第六十一条): direct delivery
 * signed for on a 送达回证, leaving it when refused (with witnesses or a photo/video record), post (the date on
 * the return receipt), delivery entrusted to another body, electronic delivery with the addressee's consent,
 * and public notice only when every other way failed (deemed served when the notice period ends).
 * Pure: the caller passes today.
 */
import { addDays, isIsoDate, type IsoDate } from "./dates.js";

export const SERVICE_METHODS = ["direct", "leftAt", "post", "entrusted", "electronic", "publicNotice"] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  direct: "直接送达",
  leftAt: "留置送达",
  post: "邮寄送达",
  entrusted: "委托送达",
  electronic: "电子送达",
  publicNotice: "公告送达",
};

/** 民事诉讼法 (2021 修正) 第九十五条: a public notice is deemed served 30 days after it was issued. */
export const PUBLIC_NOTICE_DAYS = 30;

export interface ServiceInput {
  method: string;
  /** The date of service; for a public notice, computed from `publishedOn`. */
  servedOn: string;
  /** Who signed (or refused, or the address an electronic copy went to; for 委托, the body entrusted). */
  receiver: string;
  /** 留置送达: the witnesses present, or how the leaving was recorded on photo or video. */
  witnesses: string;
  /** 邮寄送达: the registered-post tracking number. */
  trackingNumber: string;
  /** 电子送达: the addressee agreed in writing to electronic service. */
  consent: boolean;
  /** 公告送达: the day the notice was issued, and why every other way failed. */
  publishedOn: string;
  note: string;
}

const MAX_TEXT = 500;
const TEXT_LABELS: Partial<Record<keyof ServiceInput, string>> = {
  receiver: "签收人",
  witnesses: "见证人",
  trackingNumber: "邮件单号",
  note: "说明",
};

export interface ServiceProblem {
  field: keyof ServiceInput;
  message: string;
}

export function isServiceMethod(value: string): value is ServiceMethod {
  return (SERVICE_METHODS as readonly string[]).includes(value);
}

/** The date of service as the law counts it: a public notice is served when its period ends. */
export function serviceDate(input: Pick<ServiceInput, "method" | "servedOn" | "publishedOn">): IsoDate {
  return input.method === "publicNotice" && isIsoDate(input.publishedOn) ? addDays(input.publishedOn, PUBLIC_NOTICE_DAYS) : input.servedOn;
}

/**
 * Why this service may not be recorded, naming the field, or null. A document cannot be served before it
 * was issued (`documentOn`) nor on a day still to come.
 */
export function serviceProblem(input: ServiceInput, documentOn: IsoDate, today: IsoDate): ServiceProblem | null {
  if (!isServiceMethod(input.method)) return { field: "method", message: "请选择送达方式" };
  for (const [field, label] of Object.entries(TEXT_LABELS) as [keyof ServiceInput, string][])
    if (String(input[field]).length > MAX_TEXT) return { field, message: `${label}不能超过 ${MAX_TEXT} 字` };
  const need = (field: keyof ServiceInput, label: string): ServiceProblem | null =>
    String(input[field]).trim() ? null : { field, message: `${SERVICE_METHOD_LABELS[input.method as ServiceMethod]}须填写${label}` };
  let missing: ServiceProblem | null = null;
  switch (input.method) {
    case "direct":
      missing = need("receiver", "签收人");
      break;
    case "leftAt":
      missing = need("receiver", "拒收人") ?? need("witnesses", "见证人（或拍照、录像记录的情况）");
      break;
    case "post":
      missing = need("trackingNumber", "挂号信或邮政快递的单号");
      break;
    case "entrusted":
      missing = need("receiver", "受委托代为送达的单位");
      break;
    case "electronic":
      missing = input.consent ? need("receiver", "送达的电子邮箱、传真号码或其他特定系统") : { field: "consent", message: "电子送达须经受送达人同意" };
      break;
    case "publicNotice":
      missing = need("note", "其他方式无法送达的原因和经过");
      if (!missing && !isIsoDate(input.publishedOn)) missing = { field: "publishedOn", message: "请填写有效的公告发出日期" };
      if (!missing && input.publishedOn < documentOn) missing = { field: "publishedOn", message: `公告日期不能早于文书的日期（${documentOn}）` };
      break;
  }
  if (missing) return missing;
  const servedOn = serviceDate(input);
  if (input.method === "publicNotice") {
    if (servedOn > today) return { field: "publishedOn", message: `公告期至 ${servedOn} 届满，届满之日视为送达，届时再登记` };
    return null;
  }
  if (!isIsoDate(servedOn)) return { field: "servedOn", message: "请填写有效的送达日期" };
  if (servedOn < documentOn) return { field: "servedOn", message: `送达日期不能早于文书的日期（${documentOn}）` };
  if (servedOn > today) return { field: "servedOn", message: "送达日期不能晚于今天" };
  return null;
}
