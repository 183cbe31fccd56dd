/**
 * A section of the case page: what it needs, when it applies and what it shows. The page is the list of
 * sections in src/http/case-page.ts; it loads only the sections whose `when` holds for this case and this
 * viewer, so a closed case or a read-only viewer costs only the reads of what they see.
 */
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";
import type { CaseAbilities, Viewer } from "../domain/case-abilities.js";
import type { MoveName } from "../domain/case-states.js";
import type { Clock } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import type { FormState } from "../http/form-state.js";
import type { CaseDetail, CaseRow } from "../models/cases.js";
import type { moneySummary, settlementsOf } from "../models/settlements.js";

/** What every section may use: the case as its viewer may see it, and reads shared between sections (each made once, on first use). */
export interface CaseView {
  c: CaseRow;
  abilities: CaseAbilities;
  /** The case read model (personal data already masked for viewers not working the case). */
  detail: CaseDetail;
  viewer: Viewer;
  config: Config;
  now: Date;
  today: IsoDate;
  /** Whether the viewer may make this move now. */
  may(name: MoveName): boolean;
  /** A form's state on this page: opened with its errors and typed values when it was refused. */
  form(id: string): FormState;
  calendar(): WorkingCalendar;
  clocks(): Clock[];
  settlements(): ReturnType<typeof settlementsOf>;
  money(): ReturnType<typeof moneySummary>;
}

/** A change recorded from a section's own form: `POST /cases/:id/<path>`, by the roles of its move, for the people working the case. */
export interface SectionAction {
  path: string;
  /** The form's id (and page anchor): a refused change shows the form again, opened, with its errors. */
  form: string;
  move: MoveName;
  run(db: Db, req: SectionRequest): void;
}

/** What a section's change is given: the case, the form as sent, who sends it, the clock and the settings. */
export interface SectionRequest {
  caseId: number;
  body: unknown;
  actor: Viewer;
  now: Date;
  config: Config;
}

export interface CaseSection<T extends object = object> {
  /** The section's id on the page: `#key`, and `/cases/:id/sections/key` for htmx. */
  key: string;
  /** Its view, which draws the whole `<section id="key">`. */
  partial: string;
  /** Whether the section applies: decided from the case row and the abilities only, before any read. */
  when(abilities: CaseAbilities, c: CaseRow): boolean;
  /** What the partial shows, beyond what every section has (see CaseView). */
  load(db: Db, view: CaseView): T;
  action?: SectionAction;
  /** Further changes made from the same section (a decision on what its first action recorded). */
  actions?: readonly SectionAction[];
}

/** A section with its locals' type checked, kept in a list of sections of any shape. */
export function section<T extends object>(s: CaseSection<T>): CaseSection {
  return s as CaseSection;
}
