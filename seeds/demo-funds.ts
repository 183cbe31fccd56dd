/**
 * The demo's 应急周转金 (docs/rules.md §应急周转金): every office's fund with its capital — the city ¥1,000万, each
 * 县(市)区/开发区 at least ¥500万 (the bureau's seed report) — and, for the demo cases closed on an advance, the
 * application, approval, payment and part of the recovery, through the same use-cases as the case page.
 */
import { desc, eq } from "drizzle-orm";
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { emergencyAdvances } from "../src/db/schema.js";
import type { Viewer } from "../src/domain/case-abilities.js";
import { yearOf, type IsoDate } from "../src/domain/dates.js";
import { recordFundMovement, workersOwed } from "../src/models/emergency-fund.js";
import { listOffices } from "../src/models/offices.js";
import { applyAction, decideAction, payAction, recoveryAction } from "../src/sections/emergency-advances.js";
import { recordSectionAction } from "../src/sections/section.js";

const WAN = 10_000 * 100;

/** Capital paid in at the start of the year, and a top-up for the busiest districts. */
export function seedDemoFunds(db: Db, today: IsoDate, actorId: number): void {
  const start = `${yearOf(today)}-01-05`;
  listOffices(db).forEach((o, i) => {
    const capital = o.kind === "city" ? 1000 * WAN : (500 + (i % 4) * 100) * WAN;
    recordFundMovement(db, {
      officeId: o.id,
      kind: "capital",
      amountFen: capital,
      occurredOn: start,
      note: `长财社〔${yearOf(today)}〕${3 + i}号 财政拨款`,
      actorId,
    });
  });
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * A case's advance from its office's fund: every worker's confirmed unpaid amount, applied for on `on`, and unless
 * only `applied`, approved and paid the same day by the supervisor. Returns the case's version after the steps.
 */
export function demoAdvance(
  db: Db,
  req: { caseId: number; version: number; on: IsoDate; at: Date; actor: Viewer; config: Config; recoverFromName: string; onlyApplied?: boolean },
): number {
  const body = (extra: Record<string, string>) => ({ version: String(req.version), ...extra });
  const amounts = Object.fromEntries(workersOwed(db, req.caseId).map((w) => [`amount.${w.workerId}`, yuan(w.confirmedUnpaidFen)]));
  const base = { caseId: req.caseId, actor: req.actor, now: req.at, config: req.config };
  recordSectionAction(db, applyAction, {
    ...base,
    body: body({
      appliedOn: req.on,
      reason: "单位负责人失联，工人返乡在即，生活困难。",
      recoverFrom: "generalContractor",
      recoverFromName: req.recoverFromName,
      ...amounts,
    }),
  });
  req.version++;
  if (req.onlyApplied) return req.version;
  const advanceId = String(lastAdvance(db, req.caseId));
  recordSectionAction(db, decideAction, {
    ...base,
    body: body({ advanceId, decision: "approved", decidedOn: req.on, decisionNote: "情况属实，同意先行垫付。" }),
  });
  req.version++;
  recordSectionAction(db, payAction, { ...base, body: body({ advanceId, paidOn: req.on }) });
  return req.version + 1;
}

/** The 总包 repays part of an advance. Returns the case's version after it. */
export function demoRecovery(
  db: Db,
  req: { caseId: number; version: number; on: IsoDate; at: Date; actor: Viewer; config: Config; share: number; payer: string },
): number {
  const advanceId = lastAdvance(db, req.caseId);
  const total = db.select({ totalFen: emergencyAdvances.totalFen }).from(emergencyAdvances).where(eq(emergencyAdvances.id, advanceId)).get()!.totalFen;
  recordSectionAction(db, recoveryAction, {
    caseId: req.caseId,
    actor: req.actor,
    now: req.at,
    config: req.config,
    body: { version: String(req.version), advanceId: String(advanceId), recoveredOn: req.on, amount: yuan(Math.round(total * req.share)), payer: req.payer },
  });
  return req.version + 1;
}

function lastAdvance(db: Db, caseId: number): number {
  return db
    .select({ id: emergencyAdvances.id })
    .from(emergencyAdvances)
    .where(eq(emergencyAdvances.caseId, caseId))
    .orderBy(desc(emergencyAdvances.id))
    .limit(1)
    .get()!.id;
}
