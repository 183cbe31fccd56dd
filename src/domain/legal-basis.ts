/**
 * What the printed documents cite (docs/rules.md §Documents), and the 2-year limit at intake
 * (docs/rules.md §两年时效). Only articles whose text we have read are cited here.
 */
import { addDays, type IsoDate } from "./dates.js";

// ---- 2-year limit (劳动保障监察条例 第二十条; 若干规定 第十八条) --------------------------------------------

export const LIMITATION_YEARS = 2;

export interface ArrearsPeriod {
  receivedOn: IsoDate;
  /** The last unpaid pay period's end, or the end of the employment; null when not recorded. */
  arrearsEndedOn: IsoDate | null;
  /** Still owed and still going on at receipt: a continuing violation counts from its end. */
  arrearsOngoing: boolean;
}

/** The last day a complaint about arrears ended on `endedOn` is within 2 years (Feb 29 → Feb 28). */
export function limitationEndsOn(endedOn: IsoDate): IsoDate {
  const [y, m, d] = [Number(endedOn.slice(0, 4)) + LIMITATION_YEARS, endedOn.slice(5, 7), endedOn.slice(8, 10)];
  const same = `${y}-${m}-${d}`;
  return m === "02" && d === "29" ? addDays(`${y}-03-01`, -1) : same;
}

/** 2024年9月5日 */
function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The warning when the arrears ended more than 2 years before receipt; null otherwise (never blocks intake). */
export function limitationWarning(p: ArrearsPeriod): { endedOn: IsoDate; endsOn: IsoDate; message: string; reason: string } | null {
  if (p.arrearsOngoing || !p.arrearsEndedOn) return null;
  const endsOn = limitationEndsOn(p.arrearsEndedOn);
  if (p.receivedOn <= endsOn) return null;
  return {
    endedOn: p.arrearsEndedOn,
    endsOn,
    message: `投诉反映的拖欠工资行为于 ${p.arrearsEndedOn} 终了，至收到投诉之日（${p.receivedOn}）已超过 2 年（${endsOn} 届满）。依法不再查处，应在收到投诉之日起 5 个工作日内决定不予受理并书面通知投诉人；如有连续或继续状态、或在 2 年内已被发现或投诉，请核实后再决定。`,
    reason: `经审查，你（们）投诉的拖欠工资行为于${chineseDate(p.arrearsEndedOn)}终了，至本机关收到投诉之日已超过 2 年，且未发现在此期间被劳动保障行政部门发现或被举报、投诉的情形。`,
  };
}

// ---- Notices a move leaves to print -------------------------------------------------------------

/**
 * The written notices of the acceptance decision, each numbered when its move is made (docs/rules.md § Notices and
 * records after acceptance). 告知 and 移送 are two documents: a matter for arbitration or the courts (a labour
 * dispute) is *told* to the complainant, who goes there (条例 第二十一条第二款; 若干规定 第十八条); a violation that is
 * another department's matter is *sent* to that department (条例 第十八条第二款).
 */
export const CASE_NOTICES = {
  rejection: { move: "reject", outcome: "rejected", title: "不予受理通知书", basis: null, addresseeLabel: null },
  supplement: { move: "requestSupplement", outcome: null, title: "告知补正通知书", basis: null, addresseeLabel: null },
  inform: {
    move: "redirect",
    outcome: "toArbitrationOrCourt",
    title: "告知书",
    basis: "《劳动保障监察条例》第二十一条第二款和《关于实施〈劳动保障监察条例〉若干规定》第十八条",
    addresseeLabel: "应向其申请仲裁或提起诉讼的机构",
  },
  referral: {
    move: "redirect",
    outcome: "referredToOtherDepartment",
    title: "移送书",
    basis: "《劳动保障监察条例》第十八条第二款",
    addresseeLabel: "接收移送的部门",
  },
} as const;
export type CaseNoticeKind = keyof typeof CASE_NOTICES;
export const CASE_NOTICE_KINDS = Object.keys(CASE_NOTICES) as CaseNoticeKind[];

/** The notice a move (with its outcome) issues, or null. */
export function noticeKindOf(move: string, outcome: string | null | undefined): CaseNoticeKind | null {
  return CASE_NOTICE_KINDS.find((k) => CASE_NOTICES[k].move === move && (CASE_NOTICES[k].outcome === null || CASE_NOTICES[k].outcome === outcome)) ?? null;
}

/** A 告知 names where the complainant goes, a 移送 the department that receives the case. */
export function addresseeProblem(kind: CaseNoticeKind, addressee: string): string | null {
  const label = CASE_NOTICES[kind].addresseeLabel;
  if (!label) return null;
  if (!addressee.trim()) return `请填写${label}`;
  if (addressee.length > 100) return `${label}不能超过 100 个字`;
  return null;
}

// ---- 告知补正 -----------------------------------------------------------------------------------------

/**
 * 若干规定 第十八条 says the bureau tells the complainant to complete the materials but sets no period: the
 * notice gives this many working days from its receipt, the bureau's own rule, and says what follows.
 */
export const SUPPLEMENT_DAYS = 10;
export const SUPPLEMENT_CONSEQUENCE = "逾期未补正且无正当理由的，视为投诉材料不齐全，本机关将依法决定不予受理，并书面告知。";

// ---- Rejection (不予受理) ------------------------------------------------------------------------

export const REJECTION_GROUNDS = {
  limitation: {
    label: "违法行为已超过 2 年（不再查处）",
    basis: "《劳动保障监察条例》第二十条和《关于实施〈劳动保障监察条例〉若干规定》第十八条第二款",
  },
  other: { label: "其他（请填写所依据的条款）", basis: null },
} as const;
export type RejectionGround = keyof typeof REJECTION_GROUNDS;

/** The basis printed on the 不予受理通知书, or why it cannot be: every rejection cites its article. */
export function rejectionBasis(ground: string, typed: string): { basis: string } | { problem: string } {
  if (ground === "limitation") return { basis: REJECTION_GROUNDS.limitation.basis };
  if (ground !== "other") return { problem: "请选择不予受理的依据" };
  const basis = typed.trim();
  if (!/第.+条/.test(basis)) return { problem: "请填写不予受理所依据的法律、法规或规章条款（如“《……》第×条”）" };
  return { basis };
}

// ---- Orders and decisions -------------------------------------------------------------------------

export const VIOLATIONS = {
  migrantWorkers: {
    label: "拖欠农民工工资（投诉人为提供劳动的农村居民，适用《保障农民工工资支付条例》）",
    violated: "《保障农民工工资支付条例》第三条第一款“任何单位和个人不得拖欠农民工工资”的规定",
  },
  general: {
    label: "拖欠劳动者工资（其他劳动者）",
    violated: "《中华人民共和国劳动法》第五十条和《工资支付暂行规定》第七条关于工资应当按月、在约定日期支付，不得无故拖欠的规定",
  },
} as const;
export type Violation = keyof typeof VIOLATIONS;

/** 责令限期支付: 条例 第十八条第一款第（二）项, 第二十六条第（一）项; 劳动合同法 第八十五条第（一）项. */
export const ORDER_BASIS = "《劳动保障监察条例》第十八条第一款第（二）项、第二十六条第（一）项和《中华人民共和国劳动合同法》第八十五条第（一）项";

/** What follows an order left unpaid. */
export const DECISION_BASIS = {
  compensation: "《劳动保障监察条例》第二十六条和《中华人民共和国劳动合同法》第八十五条",
  decision: "《劳动保障监察条例》第十八条第一款第（二）项",
} as const;

/**
 * The 涉嫌犯罪案件移送书: a suspected 拒不支付劳动报酬罪 (刑法 第二百七十六条之一, from general knowledge) is sent to the
 * police (条例 第十八条第二款 “涉嫌犯罪的，应当依法移送司法机关”, read; 国务院令第310号, the procedure).
 */
export const POLICE_REFERRAL_BASIS = {
  crime: "《中华人民共和国刑法》第二百七十六条之一",
  referral: "《劳动保障监察条例》第十八条第二款和《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）",
} as const;
