/**
 * 不予受理 in writing, with the article it rests on (docs/rules.md §Documents): the basis is stored on the
 * case and printed on the 不予受理通知书.
 */
import type { Db } from "../db/client.js";
import { ValidationError } from "../domain/errors.js";
import { type CaseNoticeKind, rejectionBasis } from "../domain/legal-basis.js";
import { insertCaseNotice } from "./case-notices.js";
import { transition, type MoveRequest } from "./cases.js";

export function rejectComplaint(
  db: Db,
  req: Omit<MoveRequest, "move" | "outcome"> & { ground: string; basisText: string; prefixes: Record<CaseNoticeKind, string> },
): void {
  const basis = rejectionBasis(req.ground, req.basisText);
  if ("problem" in basis) throw new ValidationError(basis.problem, req.ground === "other" ? "basisText" : "ground");
  transition(db, {
    ...req,
    move: "reject",
    outcome: "rejected",
    effect: (tx, c) => {
      insertCaseNotice(tx, c, { kind: "rejection", body: req.note, addressee: "", prefixes: req.prefixes, actorId: req.actor.id, now: req.now });
      return { rejectionBasis: basis.basis };
    },
  });
}
