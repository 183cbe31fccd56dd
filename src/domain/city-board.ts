/**
 * The city's oversight of its offices (docs/rules.md §Offices and jurisdiction, “全市督办与月通报”): each office's
 * figures side by side, a signal (红/黄/绿) and a ranking (排名) for the period — the bureau's own 周调度、月通报
 * practice under 属地管理、分级负责.
 */
import { averageDays, share } from "./statistics.js";

export type Signal = "red" | "amber" | "green";
export const SIGNAL_LABELS: Record<Signal, string> = { red: "红", amber: "黄", green: "绿" };

/** Share of the period's closings within 8 working days at or above which an office can be green. */
export const GREEN_WITHIN_SHARE = 0.9;
/** Below this share an office is red. */
export const RED_WITHIN_SHARE = 0.6;

export interface OfficeFigures {
  officeId: number;
  name: string;
  /** Now: open cases, 签收 waiting and late, open cases past the 8-working-day target and the statutory clock. */
  open: number;
  acknowledgeWaiting: number;
  acknowledgeLate: number;
  targetLate: number;
  statutoryLate: number;
  /** In the period: cases closed, their working days, how many within 8, money recovered, workers helped. */
  closed: number;
  workingDays: number;
  within: number;
  recoveredFen: number;
  workersHelped: number;
}

/** An office before anything is counted for it. */
export function noFigures(officeId: number, name: string): OfficeFigures {
  return {
    officeId,
    name,
    open: 0,
    acknowledgeWaiting: 0,
    acknowledgeLate: 0,
    targetLate: 0,
    statutoryLate: 0,
    closed: 0,
    workingDays: 0,
    within: 0,
    recoveredFen: 0,
    workersHelped: 0,
  };
}

export interface RankedOffice extends OfficeFigures {
  averageDays: number | null;
  withinShare: number | null;
  signal: Signal;
  rank: number;
}

/**
 * 红: a case past the statutory clock (劳动保障监察条例 第十七条), or fewer than 60 % of the period's closings within
 * 8 working days; 黄: a case past the 8-day target or a 签收 past its day, or fewer than 90 % within 8; else 绿.
 * An office that closed nothing in the period is judged on its open cases alone.
 */
export function officeSignal(f: OfficeFigures): Signal {
  const within = share(f.within, f.closed);
  if (f.statutoryLate > 0 || (within !== null && within < RED_WITHIN_SHARE)) return "red";
  if (f.targetLate > 0 || f.acknowledgeLate > 0 || (within !== null && within < GREEN_WITHIN_SHARE)) return "amber";
  return "green";
}

const SIGNAL_ORDER: Record<Signal, number> = { green: 0, amber: 1, red: 2 };

/** Sort keys, best first: signal, share within 8 (none closed last), fewer late cases, fewer average days. */
function keys(r: RankedOffice): number[] {
  return [SIGNAL_ORDER[r.signal], -(r.withinShare ?? -1), r.statutoryLate + r.targetLate + r.acknowledgeLate, r.averageDays ?? Number.MAX_SAFE_INTEGER];
}

function compare(a: RankedOffice, b: RankedOffice): number {
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** The offices ranked best first; offices equal on every key share a rank (1, 2, 2, 4). */
export function rankOffices(rows: readonly OfficeFigures[]): RankedOffice[] {
  const ranked = rows
    .map((f) => ({ ...f, averageDays: averageDays(f.workingDays, f.closed), withinShare: share(f.within, f.closed), signal: officeSignal(f), rank: 0 }))
    .sort((a, b) => compare(a, b) || a.officeId - b.officeId);
  ranked.forEach((r, i) => {
    r.rank = i > 0 && compare(ranked[i - 1]!, r) === 0 ? ranked[i - 1]!.rank : i + 1;
  });
  return ranked;
}

/** The city's row: every office added up. */
export function cityTotals(rows: readonly OfficeFigures[]): Omit<RankedOffice, "rank" | "officeId" | "name"> {
  const sum = (k: keyof OfficeFigures) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const f = {
    open: sum("open"),
    acknowledgeWaiting: sum("acknowledgeWaiting"),
    acknowledgeLate: sum("acknowledgeLate"),
    targetLate: sum("targetLate"),
    statutoryLate: sum("statutoryLate"),
    closed: sum("closed"),
    workingDays: sum("workingDays"),
    within: sum("within"),
    recoveredFen: sum("recoveredFen"),
    workersHelped: sum("workersHelped"),
  };
  return {
    ...f,
    averageDays: averageDays(f.workingDays, f.closed),
    withinShare: share(f.within, f.closed),
    signal: officeSignal({ ...f, officeId: 0, name: "" }),
  };
}
