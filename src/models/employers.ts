/**
 * The employer record for staff: every case, order, blacklist proceeding and publication of one employer,
 * found by 统一社会信用代码 (exact) or by name (prefix, so the index on cases.employer_name serves it).
 * An employer without a code (a 包工头) is known by its name only. Every read takes the viewer's office
 * (`rowsOffice`): an office's staff see its cases and what rests on them; the city (null) sees every office.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cases, paymentOrders } from "../db/schema.js";
import { isCurrentlyListed } from "../domain/blacklist.js";
import { isOpen } from "../domain/case-states.js";
import type { IsoDate } from "../domain/dates.js";
import { proceedingsOfEmployer } from "./blacklist.js";
import { projectsOfEmployer } from "./projects.js";
import { entriesOfEmployer } from "./violations.js";

export interface EmployerKey {
  uscc: string | null;
  name: string;
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function looksLikeUscc(q: string): boolean {
  return USCC.test(q.trim().toUpperCase());
}

/** Employers matching the search, with how many cases each has (at most 50). */
export function searchEmployers(db: Db, q: string, officeId: number | null) {
  const term = q.trim();
  if (!term) return [];
  const match = looksLikeUscc(term) ? eq(cases.employerUscc, term.toUpperCase()) : and(gte(cases.employerName, term), lt(cases.employerName, `${term}\uffff`));
  const where = and(match, inOffice(officeId));
  return db
    .select({ name: cases.employerName, uscc: cases.employerUscc, caseCount: sql<number>`count(*)`, lastReceivedOn: sql<string>`max(${cases.receivedOn})` })
    .from(cases)
    .where(where)
    .groupBy(cases.employerName, cases.employerUscc)
    .orderBy(desc(sql`count(*)`))
    .limit(50)
    .all();
}

/** The office predicate on `cases`: one office's, or none (the city's reach). */
export function inOffice(officeId: number | null) {
  return officeId === null ? undefined : eq(cases.officeId, officeId);
}

function casesOf(db: Db, key: EmployerKey, officeId: number | null) {
  return db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      outcome: cases.outcome,
      receivedOn: cases.receivedOn,
      closedOn: cases.closedOn,
      employerName: cases.employerName,
      employerUscc: cases.employerUscc,
      employerAddress: cases.employerAddress,
      employerLegalRep: cases.employerLegalRep,
      workers: sql<number>`(select count(*) from case_workers w where w.case_id = "cases"."id")`,
      claimedFen: sql<number>`(select coalesce(sum(w.claimed_fen), 0) from case_workers w where w.case_id = "cases"."id")`,
    })
    .from(cases)
    .where(and(key.uscc ? eq(cases.employerUscc, key.uscc) : eq(cases.employerName, key.name), inOffice(officeId)))
    .orderBy(desc(cases.receivedOn))
    .all();
}

export function employerRecord(db: Db, key: EmployerKey, today: IsoDate, officeId: number | null) {
  const caseRows = casesOf(db, key, officeId);
  const latest = caseRows[0];
  const orders = caseRows.length
    ? db
        .select()
        .from(paymentOrders)
        .where(
          inArray(
            paymentOrders.caseId,
            caseRows.map((c) => c.id),
          ),
        )
        .orderBy(asc(paymentOrders.issuedOn))
        .all()
    : [];
  const proceedings = proceedingsOfEmployer(db, key, officeId);
  return {
    name: latest?.employerName ?? key.name,
    uscc: key.uscc ?? latest?.employerUscc ?? null,
    address: latest?.employerAddress ?? "",
    legalRep: latest?.employerLegalRep ?? "",
    cases: caseRows.map((c) => ({ ...c, isOpen: isOpen(c.state) })),
    orders: orders.map((o) => ({ ...o, caseNumber: caseRows.find((c) => c.id === o.caseId)?.caseNumber ?? "" })),
    proceedings: proceedings.map((p) => ({ ...p, isCurrent: isCurrentlyListed(p, today) })),
    publications: entriesOfEmployer(db, key, officeId),
    projects: projectsOfEmployer(db, key, officeId),
  };
}

/**
 * What intake warns about: the employer is on the blacklist now (a public fact, whichever office listed it), or
 * has cases still open in the viewer's office.
 */
export function employerWarning(db: Db, key: EmployerKey, today: IsoDate, officeId: number | null) {
  if (!key.uscc && !key.name.trim()) return null;
  const listed = proceedingsOfEmployer(db, key, null).find((p) => isCurrentlyListed(p, today)) ?? null;
  const openCases = casesOf(db, key, officeId).filter((c) => isOpen(c.state)).length;
  return listed || openCases > 0 ? { listed, openCases, key } : null;
}
