/**
 * Which office handles a case (属地管理、分级负责; docs/rules.md §Offices and jurisdiction).
 *
 * - 劳动保障监察条例 第十三条: the labour bureau of the place where the employer uses the labour (用工所在地)
 *   has jurisdiction; a construction project belongs to the office of the place where the project is. The
 *   work site's administrative division (行政区划) therefore decides the office; a division no active office
 *   covers is refused.
 * - Municipal rules (京劳社监发〔2005〕109号 第四–九条; 济南 关于明确劳动保障监察管辖范围的通知): an office
 *   without jurisdiction transfers (移送) a case to the competent office, which must accept it; the receiving
 *   office may not transfer it again — it asks the city to designate (指定管辖); only the city designates,
 *   and may take a case itself (提级), offered when it is major (thresholds are settings).
 * - A case arriving at an office waits for that office's acknowledgement (签收) within a set number of working
 *   days; the worker's 8-working-day target keeps counting from the first contact (receipt), never from the
 *   arrival.
 */
export const OFFICE_KINDS = ["city", "district"] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const OFFICE_KIND_LABELS: Record<OfficeKind, string> = {
  city: "市本级",
  district: "县（市）区/开发区",
};

/** Working days an office has to acknowledge (签收) a case that arrives: 大冶 promises 1 (a setting). */
export const DEFAULT_ACKNOWLEDGE_DAYS = 1;

/**
 * Working days the city has to decide when an office asks it to designate (or take) a case. No rule read sets
 * this period (京劳社监发〔2005〕109号 第六、八、九条 name none), so it is the bureau's setting; the default is the
 * 5 working days of the acceptance decision (若干规定 第十八条), so the worker's case does not wait on the city
 * longer than an office may take to accept it.
 */
export const DEFAULT_DESIGNATION_DAYS = 5;

/** How a case came to its current office. */
export const ARRIVALS = ["routed", "transferred", "designated"] as const;
export type Arrival = (typeof ARRIVALS)[number];

export const ARRIVAL_LABELS: Record<Arrival, string> = {
  routed: "按用工所在地分派",
  transferred: "移送",
  designated: "市级指定管辖",
};

/** The timeline's words for the jurisdiction steps (models/jurisdiction.ts writes them). */
export const JURISDICTION_STEP_LABELS = {
  acknowledge: "签收",
  transfer: "移送",
  requestDesignation: "报请指定管辖",
  designate: "指定管辖",
} as const;

export interface OfficeRef {
  id: number;
  name: string;
  kind: OfficeKind;
  active: boolean;
}

export interface DivisionRef {
  id: number;
  name: string;
  /** The office covering the division; null when no office covers it any more. */
  officeId: number | null;
}

/** The refusal when a work site lies outside every office's area. */
export const OUTSIDE_EVERY_OFFICE = "所选用工所在地不在本市任何监察机构的管辖范围内（劳动保障监察条例第十三条：由用工所在地管辖），请核对工作地点。";

export type Routing = { ok: true; office: OfficeRef; division: DivisionRef } | { ok: false; problem: string };

/** The competent office for a work site (条例 第十三条: 用工所在地). */
export function routeByWorkSite(divisionName: string, divisions: readonly DivisionRef[], offices: readonly OfficeRef[]): Routing {
  const division = divisions.find((d) => d.name === divisionName);
  if (!division) return { ok: false, problem: "请选择用工所在地（行政区划）" };
  const office = offices.find((o) => o.id === division.officeId && o.active);
  if (!office) return { ok: false, problem: OUTSIDE_EVERY_OFFICE };
  return { ok: true, office, division };
}

/** The facts of a case that the transfer and designation rules read. */
export interface CaseJurisdiction {
  officeId: number;
  arrivedBy: Arrival;
  isOpen: boolean;
}

export const SECOND_TRANSFER_REFUSED =
  "本案系移送或指定管辖而来，受移送的机构认为本机构也无管辖权的，不得再自行移送，应报请市级指定管辖（京劳社监发〔2005〕109号；济南 关于明确劳动保障监察管辖范围的通知）。";

/** Why this transfer may not be made, or null. The receiving office must accept (签收) what it is sent. */
export function transferProblem(c: CaseJurisdiction, to: OfficeRef | undefined): string | null {
  if (!c.isOpen) return "已结案的案件不能移送。";
  if (!to?.active) return "请选择在用的受移送监察机构。";
  if (to.id === c.officeId) return "不能移送给本机构：请选择有管辖权的其他监察机构。";
  if (c.arrivedBy !== "routed") return SECOND_TRANSFER_REFUSED;
  if (to.kind === "city") return CITY_BY_REQUEST;
  return null;
}

export const CITY_BY_REQUEST = "确需由市级办理的案件，应书面报请市级提级（京劳社监发〔2005〕109号第九条），不能直接移送市本级。";

/** Why this designation (指定管辖, or 提级 when the city names itself) may not be made, or null. */
export function designationProblem(c: CaseJurisdiction, by: { cityWide: boolean }, to: OfficeRef | undefined): string | null {
  if (!by.cityWide) return "指定管辖只能由市级（市本级）作出，请报请市级指定。";
  if (!c.isOpen) return "已结案的案件不能指定管辖。";
  if (!to?.active) return "请选择在用的监察机构。";
  if (to.id === c.officeId) return "本案已由该机构办理，请选择其他机构。";
  return null;
}

/**
 * Why an office may not ask the city, or null: to designate a case it received by transfer and believes is not
 * its own (第六条, 第八条), or to take a case of its own (提级, 第九条); never again after the city decided.
 */
export function designationRequestProblem(c: CaseJurisdiction & { designationRequested: boolean }): string | null {
  if (!c.isOpen) return "已结案的案件不能报请市级。";
  if (c.arrivedBy === "designated") return "本案系市级指定管辖，市级的决定为最终决定。";
  if (c.designationRequested) return "已报请市级，请等待市级决定。";
  return null;
}

/** Thresholds at which a case is offered to the city for 提级 (settings). */
export interface MajorCaseThresholds {
  workers: number;
  claimedFen: number;
}

export const DEFAULT_MAJOR_CASE: MajorCaseThresholds = { workers: 30, claimedFen: 100_000_000 };

/** Why a case is offered to the city for 提级 (major influence or complexity), or null. */
export function majorCaseReason(c: { workerCount: number; claimedFen: number; massIncident: boolean }, t: MajorCaseThresholds): string | null {
  if (c.massIncident) return "涉及群体性事件";
  if (c.workerCount >= t.workers) return `投诉人 ${c.workerCount} 人，达到 ${t.workers} 人`;
  if (c.claimedFen >= t.claimedFen) return `诉求金额达到 ${t.claimedFen / 100 / 10_000} 万元`;
  return null;
}

/**
 * What the 案件移送函 cites and tells the receiving office: 条例 第十三条 (the place where the labour is used), and the
 * municipal rule of 移送 (as 京劳社监发〔2005〕109号 第六条 reads; the city's own rule is not cited by name: its text was
 * not read) — the office must take it up and may not transfer it again.
 */
export const TRANSFER_LETTER = {
  basis: "《劳动保障监察条例》第十三条",
  duty: "受移送机构应当签收办理；认为本机构亦无管辖权的，应当报请市级指定管辖，不得再自行移送。",
} as const;

/**
 * Who may print a 案件移送函: the people working the case (who may print its documents), and the supervisor of
 * either office of that transfer — the sending office issued it, yet keeps only read-only sight of the case once it
 * has gone; the receiving office signs for it.
 */
export function mayPrintTransferLetter(
  onCase: { printDocuments: boolean },
  viewer: { role: string; officeId: number | null },
  move: { fromOfficeId: number; toOfficeId: number },
): boolean {
  if (onCase.printDocuments) return true;
  return viewer.role === "supervisor" && viewer.officeId !== null && (viewer.officeId === move.fromOfficeId || viewer.officeId === move.toOfficeId);
}
