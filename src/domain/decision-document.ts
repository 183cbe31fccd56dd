/**
 * What a 行政处理决定书 must state to be complete (docs/rules.md § The 行政处理决定书), and the figures it prints.
 * - The party's full particulars: name, 统一社会信用代码, address and legal representative (负责人). A decision
 *   is refused while one is missing, naming it; the case's 被投诉单位 section completes them.
 * - Per worker: the wages still owed when the decision is made and, for a 加付赔偿金 decision, that worker's
 *   share of it — the shares add up exactly to the ordered total (条例 第二十六条 sets the rate on the amount
 *   owed; the fen left by rounding go to the largest remainders).
 * - The performance period: PERFORMANCE_DAYS calendar days from service, written the same way on every
 *   document (“自本决定书送达之日起十五日内”, and once served “即 2026年12月29日（含当日）前”); a last day on a
 *   rest day moves to the next working day, as every period counted from service (domain/remedies.ts).
 * Pure: the caller passes the calendar.
 */
import { addDays, type IsoDate } from "./dates.js";
import { usccProblem } from "./identifiers.js";
import { compensationAmount } from "./money.js";
import { periodLastDay } from "./remedies.js";
import type { WorkingCalendar } from "./working-days.js";

/**
 * Days the party has to perform the decision, from its service. No statute fixes the number: 15 days is the
 * bureau's choice, long enough to pay and shorter than the 60-day 复议 window, so the 催告 and the court
 * application (行政强制法 第五十三、五十四条) are not delayed by it (docs/rules.md § The 行政处理决定书).
 */
export const PERFORMANCE_DAYS = 15;

const CHINESE_NUMBERS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 十五, 三十, 六十: the number of days as written in a document (1–99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`${n}`);
  if (n <= 10) return CHINESE_NUMBERS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CHINESE_NUMBERS[tens]}十${ones ? CHINESE_NUMBERS[ones] : ""}`;
}

/** 2026年3月6日 */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The last day to perform a decision served on `servedOn`. */
export function performanceLastDay(servedOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return periodLastDay(addDays(servedOn, PERFORMANCE_DAYS), calendar);
}

/** The performance period in the document's words: from service, and the date once the service is recorded. */
export function performancePeriod(servedOn: IsoDate | null, calendar: WorkingCalendar): { lastDay: IsoDate | null; rule: string; words: string } {
  const rule = `自本决定书送达之日起${chineseNumber(PERFORMANCE_DAYS)}日内`;
  if (!servedOn) return { lastDay: null, rule, words: rule };
  const lastDay = performanceLastDay(servedOn, calendar);
  return { lastDay, rule, words: `${rule}（本决定书于${chineseDate(servedOn)}送达，即于${chineseDate(lastDay)}（含当日）前）` };
}

// ---- The party ----------------------------------------------------------------------------------

export interface EmployerParticulars {
  employerName: string;
  employerUscc: string | null;
  employerAddress: string;
  employerLegalRep: string;
}

export const PARTICULAR_LABELS: Record<keyof EmployerParticulars, string> = {
  employerName: "名称",
  employerUscc: "统一社会信用代码",
  employerAddress: "地址",
  employerLegalRep: "法定代表人（负责人）",
};

/**
 * Why the party of a decision is not identified well enough to decide, or null: every particular is required,
 * and the 统一社会信用代码 must be a valid one (GB 32100-2015). The message names the field and where to fill it.
 */
export function particularsProblem(p: EmployerParticulars): { field: keyof EmployerParticulars; message: string } | null {
  for (const field of Object.keys(PARTICULAR_LABELS) as (keyof EmployerParticulars)[]) {
    if (!(p[field] ?? "").trim())
      return {
        field,
        message: `行政处理决定书须载明当事人的${PARTICULAR_LABELS[field]}：被投诉单位的${PARTICULAR_LABELS[field]}未填写，请先在“被投诉单位”栏补全`,
      };
  }
  if (usccProblem(p.employerUscc!)) return { field: "employerUscc", message: "被投诉单位的统一社会信用代码无效，请先在“被投诉单位”栏更正" };
  return null;
}

// ---- Per-worker amounts ---------------------------------------------------------------------------

export interface OwedItem {
  workerId: number;
  amountFen: number;
  paidFen: number;
}

export interface DecisionLine {
  workerId: number;
  /** Wages still owed under the order when the decision is made. */
  owedFen: number;
  /** This worker's 加付赔偿金 (0 for a decision without one). */
  compensationFen: number;
}

/**
 * Each worker's wages owed and share of the 加付赔偿金 at `ratePercent` (null: no 加付赔偿金). The shares add up
 * to compensationAmount(total owed, rate): each worker gets the fen below their exact share, and the fen left go
 * one each to the largest remainders (ties to the earlier worker). Workers owed nothing are left out.
 */
export function decisionLines(items: readonly OwedItem[], ratePercent: number | null): DecisionLine[] {
  const owed = items.map((i) => ({ workerId: i.workerId, owedFen: Math.max(0, i.amountFen - i.paidFen) })).filter((l) => l.owedFen > 0);
  if (ratePercent === null) return owed.map((l) => ({ ...l, compensationFen: 0 }));
  const total = compensationAmount(
    owed.reduce((s, l) => s + l.owedFen, 0),
    ratePercent,
  );
  const exact = owed.map((l) => ({ ...l, floor: Math.floor((l.owedFen * ratePercent) / 100), rest: (l.owedFen * ratePercent) % 100 }));
  let left = total - exact.reduce((s, l) => s + l.floor, 0);
  const extra = new Set(
    exact
      .map((l, n) => ({ n, rest: l.rest }))
      .sort((a, b) => b.rest - a.rest || a.n - b.n)
      .filter(() => left-- > 0)
      .map((l) => l.n),
  );
  return exact.map((l, n) => ({ workerId: l.workerId, owedFen: l.owedFen, compensationFen: l.floor + (extra.has(n) ? 1 : 0) }));
}

// ---- What the document says --------------------------------------------------------------------

/**
 * What follows when the decision is not performed. The bureau has no enforcement power of its own: it demands
 * performance and applies to the court (行政强制法 第五十三、五十四条); an employer able to pay that still does not
 * pay after the department's order may be referred to the police (刑法 第二百七十六条之一, 拒不支付劳动报酬罪).
 */
export const NON_PERFORMANCE_CONSEQUENCE =
  "逾期不履行本决定，又不在法定期限内申请行政复议或者提起行政诉讼的，本机关将依照《中华人民共和国行政强制法》第五十三条、第五十四条的规定催告履行，并依法申请人民法院强制执行；以转移财产、逃匿等方法逃避支付劳动者的劳动报酬或者有能力支付而不支付，涉嫌拒不支付劳动报酬罪的，依法移送公安机关。";

/** The parts a complete 行政处理决定书 has, in order: the printed page is tested against this list. */
export const DECISION_PARTS = [
  "当事人",
  "统一社会信用代码",
  "地址",
  "法定代表人（负责人）",
  "违法事实",
  "证据",
  "违反的规定",
  "处理依据",
  "处理决定",
  "履行期限",
  "不履行的后果",
  "救济途径",
  "作出机关",
  "作出日期",
] as const;

/** What the case holds that proves the facts, as the decision lists it (证据). */
export interface EvidenceRecord {
  receivedOn: IsoDate;
  visits: readonly { on: IsoDate; place: string }[];
  files: readonly { name: string }[];
  order: { docNumber: string; payBy: IsoDate };
  notice: { docNumber: string } | null;
}

/** Files listed one by one before the rest are counted (“等 N 份”), so a decision stays a few pages long. */
export const LISTED_FILES = 10;

/** The evidence a decision names: the complaint, each site inspection, the files on record, the order left unpaid, the 事先告知书. */
export function evidenceList(r: EvidenceRecord): string[] {
  const files = r.files.slice(0, LISTED_FILES).map((f) => f.name);
  const more = r.files.length - files.length;
  return [
    `投诉人的投诉材料（${chineseDate(r.receivedOn)}登记）`,
    ...r.visits.map((v) => `${chineseDate(v.on)}现场检查记录（${v.place}）`),
    ...(files.length ? [`证据材料：${files.join("、")}${more > 0 ? `等${r.files.length}份` : ""}`] : []),
    `《劳动保障监察限期改正指令书》（${r.order.docNumber}）及限期（${chineseDate(r.order.payBy)}）届满后仍未足额支付的记录`,
    ...(r.notice ? [`《劳动保障监察行政处理事先告知书》（${r.notice.docNumber}）及其送达、陈述申辩记录`] : []),
  ];
}
