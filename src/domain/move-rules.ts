/**
 * Legal conditions on moves beyond the state table (docs/rules.md): checked by transition() for every
 * move, before its own effect. Pure: the case's facts and today in, a Chinese reason (or null) out.
 */
import type { IsoDate } from "./dates.js";
import { mediationWindowProblem } from "./mediation.js";

export interface MoveFacts {
  state: string;
  acceptanceDueOn: IsoDate;
}

export function moveProblem(move: string, c: MoveFacts, today: IsoDate): string | null {
  switch (move) {
    case "startMediation":
      return mediationWindowProblem(c.acceptanceDueOn, today, "再启动快速调处");
    case "settleByMediation":
      return mediationWindowProblem(c.acceptanceDueOn, today, "以“快调化解”结案");
    default:
      return null;
  }
}
