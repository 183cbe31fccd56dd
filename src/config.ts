/** Settings read once from the environment, with the defaults a fresh checkout needs. */
import type { CaseNoticeKind } from "./domain/legal-basis.js";
import { thresholdsProblem, type Thresholds } from "./domain/blacklist.js";
import { DEFAULT_ADVANCE_RECOVERY_DAYS } from "./domain/emergency-fund.js";
import { DEFAULT_DEPARTMENT_REPLY_DAYS } from "./domain/department-transfers.js";
import { DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_DESIGNATION_DAYS, DEFAULT_MAJOR_CASE, type MajorCaseThresholds } from "./domain/jurisdiction.js";
import { DEFAULT_FOLLOWUP_WORKING_DAYS, DEFAULT_RATING_CHANGE_DAYS } from "./domain/ratings.js";
import { DEFAULT_REPORT_VERIFY_WORKING_DAYS } from "./domain/reports.js";
import { DEFAULT_STATEMENT_DAYS, STATEMENT_DAYS_RANGE } from "./domain/prior-notice.js";
import { DEFAULT_HOURLY_CAP, DEFAULT_QUIET_HOURS, NOTICE_KINDS, parseQuietHours, type NoticeKind, type QuietHours } from "./domain/worker-notices.js";

export interface Config {
  port: number;
  /**
   * Web processes sharing the port (node:cluster, ops/cluster.ts). 1 (the default) is one process doing
   * everything; more use more cores, each costing its own memory.
   */
  webWorkers: number;
  /** Where the public reaches the app (links in feeds): never taken from a request's Host header. */
  publicBaseUrl: string;
  databasePath: string;
  nodeEnv: string;
  isProduction: boolean;
  /** Secure cookies: on in production unless COOKIE_SECURE=false (e.g. plain-HTTP intranet). */
  cookieSecure: boolean;
  adminPassword: string | undefined;
  /** Trust X-Forwarded-* from one reverse proxy, so per-IP throttles see the real client. */
  trustProxy: boolean;
  /** Evidence files live here, outside the database. */
  evidenceDir: string;
  /** Largest evidence file accepted (on-site recordings are large). */
  evidenceMaxBytes: number;
  /**
   * Who decides and who hears appeals (docs/rules.md §Documents): the department whose name every decision,
   * order and notice bears (the 支队 handles the case for it), the people's government that decides
   * 行政复议 of the department's acts, the court of first instance for 行政诉讼, and the prefixes of the
   * 事先告知书 and 行政处理决定书 numbers.
   */
  authority: {
    name: string;
    reviewBody: string;
    court: string;
    noticePrefix: string;
    decisionPrefix: string;
    demandPrefix: string;
    /** The numbers of the acceptance notices and of the 移送书 (docs/rules.md § Notices and records after acceptance). */
    caseNoticePrefixes: Record<CaseNoticeKind, string>;
    policeReferralPrefix: string;
    officeTransferPrefix: string;
  };
  /** Printed on receipts, notices and orders; `orderPrefix` starts an order's number (长人社监令〔2026〕7号). */
  bureau: {
    name: string;
    address: string;
    phone: string;
    orderPrefix: string;
    blacklistNoticePrefix: string;
    blacklistDecisionPrefix: string;
    blacklistRemovalPrefix: string;
  };
  /** Inspectors may open any case read-only (personal data masked). Off unless the bureau allows it. */
  inspectorsReadAll: boolean;
  /** Online complaints accepted per hour from all addresses together (a flood from rotating addresses stops here). */
  onlineFilingPerHour: number;
  /** The province's figures for 拒不支付劳动报酬罪, which the blacklist's grounds use (docs/rules.md). */
  blacklistThresholds: Thresholds;
  /** 数额较大: a case's ordered arrears from which it is a candidate for the quarterly 重大违法 list. */
  largeArrearsFen: number;
  /** Working days an office has to acknowledge (签收) a case that arrives (docs/rules.md §Offices and jurisdiction). */
  acknowledgeDays: number;
  /** 好差评 (docs/rules.md § 好差评): days a rating may be changed after it was first given; working days of a 回访. */
  ratingChangeDays: number;
  followupWorkingDays: number;
  /** Working days of a 举报's 核查 (docs/rules.md § 举报). */
  reportVerifyWorkingDays: number;
  /** From these, a case is offered to the city for 提级 (docs/rules.md §Offices and jurisdiction). */
  majorCase: MajorCaseThresholds;
  /** Calendar days after an 应急周转金 advance is paid by which it should be recovered (docs/rules.md §应急周转金: no source gives a number). */
  advanceRecoveryDays: number;
  /** Working days the city has to decide an office's request to designate (docs/rules.md §Offices and jurisdiction). */
  designationDays: number;
  statementDays: number;
  /** 移送其他部门: working days to the reply due date when the office names none (docs/rules.md §移送其他部门). */
  departmentReplyDays: number;
  /** Notices to workers (docs/rules.md §Notices to workers): the transport and when messages may go. */
  sms: SmsSettings;
}

export interface SmsSettings {
  /** `outbox` (the default: kept in the database, shown on /admin/outbox) or `aliyun` (Alibaba Cloud SMS). */
  transport: "outbox" | "aliyun";
  quietHours: QuietHours;
  hourlyCap: number;
  aliyun: {
    accessKeyId: string;
    accessKeySecret: string;
    endpoint: string;
    protocol: "HTTPS" | "HTTP";
    templates: Record<NoticeKind, string>;
    signName: string | null;
    timeoutMs: number;
  } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? "development";
  const isProduction = nodeEnv === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const webWorkers = Number(env.WEB_WORKERS ?? 1);
  if (!Number.isInteger(webWorkers) || webWorkers < 1 || webWorkers > 64)
    throw new Error(`WEB_WORKERS must be a whole number from 1 to 64, got "${env.WEB_WORKERS}"`);
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(publicBaseUrl)) throw new Error(`PUBLIC_BASE_URL must be an http(s) address, got "${env.PUBLIC_BASE_URL}"`);
  return {
    port,
    webWorkers,
    publicBaseUrl,
    databasePath: env.DATABASE_PATH ?? "data/app.db",
    nodeEnv,
    isProduction,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === "true" : isProduction,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY === "true",
    evidenceDir: env.EVIDENCE_DIR ?? "data/evidence",
    evidenceMaxBytes: Number(env.EVIDENCE_MAX_BYTES ?? 2 * 1024 ** 3),
    inspectorsReadAll: env.INSPECTORS_READ_ALL === "true",
    onlineFilingPerHour: Number(env.ONLINE_FILING_PER_HOUR ?? 120),
    authority: {
      name: env.AUTHORITY_NAME ?? "长春市人力资源和社会保障局",
      reviewBody: env.REVIEW_BODY ?? "长春市人民政府",
      court: env.LITIGATION_COURT ?? "长春市南关区人民法院",
      /** Starts a 事先告知书's number (长人社监告〔2026〕3号). */
      noticePrefix: env.NOTICE_NUMBER_PREFIX ?? "长人社监告",
      /** Starts a 行政处理决定书's number (长人社监处〔2026〕2号). */
      decisionPrefix: env.DECISION_NUMBER_PREFIX ?? "长人社监处",
      /** Starts a 催告书's number (长人社监催〔2027〕1号). */
      demandPrefix: env.DEMAND_NUMBER_PREFIX ?? "长人社监催",
      caseNoticePrefixes: {
        rejection: env.REJECTION_NUMBER_PREFIX ?? "长人社监不受",
        supplement: env.SUPPLEMENT_NUMBER_PREFIX ?? "长人社监补",
        inform: env.INFORM_NUMBER_PREFIX ?? "长人社监告知",
        referral: env.REFERRAL_NUMBER_PREFIX ?? "长人社监移",
      },
      /** Starts a 涉嫌犯罪案件移送书's number (长人社监刑移〔2026〕1号). */
      policeReferralPrefix: env.POLICE_REFERRAL_NUMBER_PREFIX ?? "长人社监刑移",
      /** Starts a 案件移送函's number, a transfer to the competent office (长人社监移函〔2026〕1号). */
      officeTransferPrefix: env.OFFICE_TRANSFER_NUMBER_PREFIX ?? "长人社监移函",
    },
    blacklistThresholds: readThresholds(env),
    largeArrearsFen: Math.round(Number(env.LARGE_ARREARS_YUAN ?? 50000) * 100),
    acknowledgeDays: wholeNumber(env, "ACKNOWLEDGE_WORKING_DAYS", DEFAULT_ACKNOWLEDGE_DAYS, 1, 10),
    ratingChangeDays: wholeNumber(env, "RATING_CHANGE_DAYS", DEFAULT_RATING_CHANGE_DAYS, 0, 30),
    followupWorkingDays: wholeNumber(env, "FOLLOWUP_WORKING_DAYS", DEFAULT_FOLLOWUP_WORKING_DAYS, 1, 30),
    reportVerifyWorkingDays: wholeNumber(env, "REPORT_VERIFY_WORKING_DAYS", DEFAULT_REPORT_VERIFY_WORKING_DAYS, 1, 20),
    designationDays: wholeNumber(env, "DESIGNATION_WORKING_DAYS", DEFAULT_DESIGNATION_DAYS, 1, 30),
    /** Working days a 事先告知书 gives for 陈述申辩: the bureau's setting, no rule found fixes one (docs/rules.md §陈述申辩). */
    statementDays: wholeNumber(env, "STATEMENT_WORKING_DAYS", DEFAULT_STATEMENT_DAYS, ...STATEMENT_DAYS_RANGE),
    /** Working days a department has to reply to a transfer (移送其他部门) when the office names no date: the bureau's setting. */
    departmentReplyDays: wholeNumber(env, "DEPARTMENT_REPLY_WORKING_DAYS", DEFAULT_DEPARTMENT_REPLY_DAYS, 1, 60),
    majorCase: {
      workers: wholeNumber(env, "MAJOR_CASE_WORKERS", DEFAULT_MAJOR_CASE.workers, 2, 10_000),
      claimedFen: wholeNumber(env, "MAJOR_CASE_YUAN", DEFAULT_MAJOR_CASE.claimedFen / 100, 1, 1_000_000_000) * 100,
    },
    advanceRecoveryDays: wholeNumber(env, "ADVANCE_RECOVERY_DAYS", DEFAULT_ADVANCE_RECOVERY_DAYS, 1, 730),
    sms: readSms(env),
    bureau: {
      name: env.BUREAU_NAME ?? "长春市劳动保障监察支队",
      address: env.BUREAU_ADDRESS ?? "长春市南关区人民大街 1234 号 劳动保障监察投诉窗口",
      phone: env.BUREAU_PHONE ?? "0431-12333",
      orderPrefix: env.ORDER_NUMBER_PREFIX ?? "长人社监令",
      blacklistNoticePrefix: env.BLACKLIST_NOTICE_PREFIX ?? "长人社失信告",
      blacklistDecisionPrefix: env.BLACKLIST_DECISION_PREFIX ?? "长人社失信决",
      blacklistRemovalPrefix: env.BLACKLIST_REMOVAL_PREFIX ?? "长人社失信移",
    },
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const n = Number(env[name] ?? fallback);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${env[name]}"`);
  return n;
}

function readThresholds(env: NodeJS.ProcessEnv): Thresholds {
  const t = {
    oneWorkerFen: Math.round(Number(env.BLACKLIST_ONE_WORKER_YUAN ?? 10000) * 100),
    groupFen: Math.round(Number(env.BLACKLIST_GROUP_YUAN ?? 50000) * 100),
  };
  const problem = thresholdsProblem(t);
  if (problem) throw new Error(`BLACKLIST_ONE_WORKER_YUAN / BLACKLIST_GROUP_YUAN: ${problem}`);
  return t;
}

function readSms(env: NodeJS.ProcessEnv): SmsSettings {
  const transport = env.SMS_TRANSPORT ?? "outbox";
  if (transport !== "outbox" && transport !== "aliyun") throw new Error(`SMS_TRANSPORT must be outbox or aliyun, got "${transport}"`);
  const quietHours = parseQuietHours(env.SMS_QUIET_HOURS ?? DEFAULT_QUIET_HOURS);
  if (!quietHours) throw new Error(`SMS_QUIET_HOURS must be like 21:00-08:00, got "${env.SMS_QUIET_HOURS}"`);
  const hourlyCap = wholeNumber(env, "SMS_HOURLY_CAP", DEFAULT_HOURLY_CAP, 1, 100);
  if (transport === "outbox") return { transport, quietHours, hourlyCap, aliyun: null };
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? "";
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? "";
  if (!accessKeyId || !accessKeySecret) throw new Error("SMS_TRANSPORT=aliyun needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  // SMS_TEMPLATES=received:SMS_1,accepted:SMS_2,…: the approved template code of every notice kind.
  const pairs = new Map((env.SMS_TEMPLATES ?? "").split(",").map((p) => p.split(":").map((x) => x.trim()) as [string, string]));
  const missing = NOTICE_KINDS.filter((k) => !pairs.get(k));
  if (missing.length) throw new Error(`SMS_TEMPLATES lacks a template code for: ${missing.join(", ")}`);
  const templates = Object.fromEntries(NOTICE_KINDS.map((k) => [k, pairs.get(k)!])) as Record<NoticeKind, string>;
  const protocol = (env.SMS_PROTOCOL ?? "HTTPS").toUpperCase();
  if (protocol !== "HTTPS" && protocol !== "HTTP") throw new Error(`SMS_PROTOCOL must be HTTPS or HTTP, got "${env.SMS_PROTOCOL}"`);
  return {
    transport,
    quietHours,
    hourlyCap,
    aliyun: {
      accessKeyId,
      accessKeySecret,
      endpoint: env.SMS_ENDPOINT ?? "dysmsapi.aliyuncs.com",
      protocol,
      templates,
      signName: env.SMS_SIGN_NAME || null,
      timeoutMs: wholeNumber(env, "SMS_TIMEOUT_MS", 5000, 500, 60_000),
    },
  };
}
