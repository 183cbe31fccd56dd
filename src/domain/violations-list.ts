/**
 * 重大劳动保障违法行为社会公布 (人社部令第29号); docs/rules.md § Publication of violators.
 * - A city bureau publishes every quarter, and at any time when needed (ad-hoc batches).
 * - What may be published: cases decided on, among them wage arrears of a large amount (数额较大, a setting)
 *   and refusals to pay referred to the police.
 * - Each entry: employer full name, 统一社会信用代码 and address, legal representative or principal, the
 *   main facts and how it was handled. No workers' names, no personal data.
 * - A published entry is withdrawn, with the reason, when its decision is revoked or changed.
 * - What an entry says comes from what was decided, never from what was claimed: the workers and amount of
 *   the order to pay, and the decisions that followed it.
 * - A quarterly batch is made once its quarter has ended.
 */
import type { IsoDate } from "./dates.js";
import { personalDataIn } from "./masking.js";
import type { EnforcementKind } from "./money.js";

const QUARTER_NAMES = ["一", "二", "三", "四"];

export interface Quarter {
  key: string;
  title: string;
  from: IsoDate;
  to: IsoDate;
}

/** "2026-Q4" → 2026年第四季度, 2026-10-01 … 2026-12-31. */
export function quarter(key: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const [y, q] = [Number(m[1]), Number(m[2])];
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(y, firstMonth + 2, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, "0");
  return { key, title: `${y}年第${QUARTER_NAMES[q - 1]}季度`, from: `${y}-${mm(firstMonth)}-01`, to: `${y}-${mm(firstMonth + 2)}-${lastDay}` };
}

export function quarterOf(date: IsoDate): Quarter {
  return quarter(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`)!;
}

/** The quarter before the one `date` is in: what a batch assembled at the start of a quarter covers. */
export function previousQuarter(date: IsoDate): Quarter {
  const q = quarterOf(date);
  const [y, n] = [Number(q.key.slice(0, 4)), Number(q.key.slice(-1))];
  return quarter(n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`)!;
}

export interface CandidateFacts {
  policeReferral: boolean;
  orderedFen: number;
  decided: boolean;
}

/** A decided case with a police referral, or with ordered arrears of at least the large amount. */
export function isCandidate(c: CandidateFacts, largeArrearsFen: number): boolean {
  return c.decided && (c.policeReferral || c.orderedFen >= largeArrearsFen);
}

/** The fields an entry publishes as text, with their labels (the 统一社会信用代码 is checked as a code). */
const PUBLIC_TEXT = {
  employerName: "违法主体全称",
  employerAddress: "地址",
  employerLegalRep: "法定代表人或负责人",
  facts: "主要违法事实",
  handling: "相关处理情况",
} as const;

/**
 * Why an entry may not be saved or published, or null: the required fields, and no personal data in any
 * published field — no ID or mobile number, no name of the case's workers (第29号令: no personal privacy).
 */
export function entryProblem(
  e: { employerName: string; facts: string; handling: string; employerAddress?: string; employerLegalRep?: string },
  workerNames: readonly string[] = [],
): string | null {
  if (!e.employerName.trim()) return "请填写违法主体全称";
  if (!e.facts.trim()) return "请填写主要违法事实";
  if (!e.handling.trim()) return "请填写相关处理情况";
  for (const [field, label] of Object.entries(PUBLIC_TEXT)) {
    const found = personalDataIn(e[field as keyof typeof PUBLIC_TEXT] ?? "", field === "employerLegalRep" ? [] : workerNames);
    if (found) return `${label}中含有${found}：公布内容不得含有个人信息，请删除后再保存`;
  }
  return null;
}

/** A quarterly batch covers a whole quarter: it is made from the day after the quarter's last day. */
export function quarterNotEndedProblem(q: Quarter, today: IsoDate): string | null {
  return today > q.to ? null : `${q.title}尚未结束（至 ${q.to}），季度结束后才能建立该季度的公布`;
}

/** What the bureau decided on a case: the order's workers and amounts, and each decision after it. */
export interface DecidedFacts {
  workers: number;
  orderedFen: number;
  actions: readonly { kind: EnforcementKind; docNumber: string | null; agency: string }[];
}

const yuanText = (fen: number) => (fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 主要违法事实, from the order (never from the workers' claims). */
export function decidedFacts(employerName: string, f: DecidedFacts): string {
  return `经查，${employerName}拖欠 ${f.workers} 名劳动者工资共计 ${yuanText(f.orderedFen)} 元，经责令限期支付，逾期未支付。`;
}

/** 相关处理情况, from the decisions recorded: e.g. “责令限期支付拖欠的工资并加付赔偿金；已移送公安机关”. */
export function handlingSentence(f: DecidedFacts): string {
  const of = (kind: EnforcementKind) => f.actions.filter((a) => a.kind === kind);
  const numbered = (label: string, docNumber: string | null) => (docNumber ? `${label}（${docNumber}）` : label);
  const compensation = of("compensation")[0];
  const parts = [compensation ? numbered("责令限期支付拖欠的工资并加付赔偿金", compensation.docNumber) : "责令限期支付拖欠的工资"];
  for (const d of of("decision")) parts.push(numbered("作出行政处理决定", d.docNumber));
  const police = of("policeReferral")[0];
  if (police) parts.push(`已移送${police.agency.trim() || "公安机关"}`);
  return parts.join("；");
}
