/**
 * Notices to workers by SMS (docs/rules.md §Notices to workers): what each step tells the worker, in plain
 * Chinese within one 70-character segment where possible, signed by the office; when a message may go
 * (quiet hours, a per-number hourly cap); how a failed send is retried; which provider answers are worth
 * a retry. Pure: the outbox rows and the sender are in src/models/worker-notices.ts and src/notify/.
 */
import type { IsoDate } from "./dates.js";

export const NOTICE_KINDS = ["received", "accepted", "notAccepted", "routed", "transferred", "assigned", "mediationAgreed", "paid", "closed"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  received: "已登记",
  accepted: "已受理",
  notAccepted: "未受理",
  routed: "交由管辖机构",
  transferred: "移送/指定管辖",
  assigned: "已指定监察员",
  mediationAgreed: "达成调解协议",
  paid: "已支付",
  closed: "已办结（请评价）",
};

/** The moves of the state machine (domain/case-states.ts) that the workers are told of, and with which notice. */
export const NOTICE_OF_MOVE: Readonly<Record<string, NoticeKind>> = {
  file: "accepted",
  mediationFailed: "accepted",
  reject: "notAccepted",
  redirect: "notAccepted",
  close: "closed",
  settleByMediation: "closed",
  withdraw: "closed",
};

/**
 * What a notice may say. Deliberately no name, ID number or phone of any worker: a message carries the
 * case's number and code, the office and the step's own fact (a date, this worker's own amount), nothing more.
 */
export interface NoticeFacts {
  caseNumber: string;
  /** Only the 登记 notice carries the query code (the worker's key to the public lookup). */
  queryCode?: string;
  officeName: string;
  officePhone: string;
  /** 调解协议 pay-by date. */
  payBy?: IsoDate;
  /** The amount paid to this worker (fen). */
  amountFen?: number;
}

/** The template parameters a provider's approved template receives (Alibaba Cloud TemplateParam). */
export type TemplateParams = Record<string, string>;

export function templateParams(kind: NoticeKind, facts: NoticeFacts, publicBaseUrl: string): TemplateParams {
  const p: TemplateParams = { caseNumber: facts.caseNumber, phone: facts.officePhone };
  if (kind === "received") p.queryCode = facts.queryCode ?? "";
  if (kind === "mediationAgreed" && facts.payBy) p.payBy = chineseDate(facts.payBy);
  if (kind === "paid") p.amount = ((facts.amountFen ?? 0) / 100).toFixed(2);
  // The rating link (好差评): the public lookup with the case number; the worker types the query code.
  if (kind === "closed") p.link = `${publicBaseUrl}/query?caseNumber=${encodeURIComponent(facts.caseNumber)}`;
  return p;
}

const TEMPLATES: Record<NoticeKind, (p: TemplateParams) => string> = {
  received: (p) => `您的欠薪投诉已登记，案件号${p.caseNumber}，查询码${p.queryCode}，凭此可查办理进度。`,
  accepted: (p) => `您的投诉${p.caseNumber}已受理立案，我们将依法调查处理。`,
  notAccepted: (p) => `您的投诉${p.caseNumber}未予受理，理由和救济途径见书面通知，咨询${p.phone}。`,
  routed: (p) => `您的投诉${p.caseNumber}由本机构办理，电话${p.phone}。`,
  transferred: (p) => `您的投诉${p.caseNumber}已移交本机构办理，电话${p.phone}。`,
  assigned: (p) => `您的投诉${p.caseNumber}已指定监察员承办，有事请拨${p.phone}。`,
  mediationAgreed: (p) => `您的投诉${p.caseNumber}已达成调解协议，单位应于${p.payBy}前付清，逾期请告诉我们。`,
  paid: (p) => `您的投诉${p.caseNumber}已记录向您支付${p.amount}元，未收到请拨${p.phone}。`,
  closed: (p) => `您的投诉${p.caseNumber}已办结，请评价我们的服务：${p.link}`,
};

/** The signature (签名) in front of every message: the office that has the case. */
export function signature(officeName: string): string {
  return `【${officeName}】`;
}

/** The message as the worker's phone shows it: the office's signature, then the template's words. */
export function noticeText(kind: NoticeKind, officeName: string, params: TemplateParams): string {
  return signature(officeName) + TEMPLATES[kind](params);
}

/** China's carriers: up to 70 characters (signature included) is one segment; longer ones go in 67s. */
export function smsSegments(text: string): number {
  const n = [...text].length;
  return n <= 70 ? 1 : Math.ceil(n / 67);
}

function chineseDate(d: IsoDate): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

// ---- When a message may go --------------------------------------------------------------------------

/** Minutes after midnight, Asia/Shanghai. */
export interface QuietHours {
  from: number;
  to: number;
}

export const DEFAULT_QUIET_HOURS = "21:00-08:00";

/** `21:00-08:00` → minutes; null when it is not two HH:MM times. */
export function parseQuietHours(text: string): QuietHours | null {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [fh, fm, th, tm] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (fh > 23 || th > 23 || fm > 59 || tm > 59) return null;
  return { from: fh * 60 + fm, to: th * 60 + tm };
}

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** When the quiet hours around `now` end, or null when `now` is outside them (no message at night). */
export function quietUntil(now: Date, quiet: QuietHours): Date | null {
  if (quiet.from === quiet.to) return null;
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  const minute = Math.floor((local - dayStart) / 60_000);
  const wraps = quiet.from > quiet.to;
  const inside = wraps ? minute >= quiet.from || minute < quiet.to : minute >= quiet.from && minute < quiet.to;
  if (!inside) return null;
  const endDay = wraps && minute >= quiet.from ? dayStart + 86_400_000 : dayStart;
  return new Date(endDay + quiet.to * 60_000 - SHANGHAI_OFFSET_MS);
}

export const DEFAULT_HOURLY_CAP = 5;

/**
 * The per-number hourly cap: given when this number was sent messages in the last hour, null when one
 * more may go now, else when the oldest of them leaves the hour.
 */
export function capUntil(sentInLastHour: readonly Date[], cap: number, now: Date): Date | null {
  const recent = sentInLastHour.filter((t) => now.getTime() - t.getTime() < HOUR_MS).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < cap) return null;
  return new Date(recent[recent.length - cap]!.getTime() + HOUR_MS);
}

// ---- Retries ------------------------------------------------------------------------------------------

/** Attempts before a notice is given up as failed (an admin may still resend it). */
export const MAX_ATTEMPTS = 6;

/** After the n-th failed attempt: 1, 4, 16, 64 minutes…, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * HOUR_MS);
}

/**
 * Alibaba Cloud's answers (SendSms `Code`, or the gateway's error code): flow control, throttling and the
 * service's own trouble are retried; a wrong number, template, signature or account is not — it will not
 * get better by itself, and the outbox page shows it for someone to fix.
 */
export function isRetryableProviderCode(code: string): boolean {
  return (
    /^(isv\.(BUSINESS_LIMIT_CONTROL|DAY_LIMIT_CONTROL|OUT_OF_SERVICE)|Throttling(\..*)?|ServiceUnavailable|InternalError|isp\..*|SYSTEM_ERROR)$/.test(code) ||
    /^(ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ReadTimeout|ConnectTimeout|HTTP5\d\d)/i.test(code)
  );
}
