/**
 * A section of the case page: what it needs, when it applies and what it shows. The page is the list of
 * sections in src/http/case-page.ts; it loads only the sections whose `when` holds for this case and this
 * viewer, so a closed case or a read-only viewer costs only the reads of what they see.
 */
import type { z } from "zod";
import type { Config } from "../config.js";
import type { Db, Tx } from "../db/client.js";
import type { CaseAbilities, Viewer } from "../domain/case-abilities.js";
import type { MoveName } from "../domain/case-states.js";
import type { Clock } from "../domain/clocks.js";
import type { IsoDate } from "../domain/dates.js";
import type { WorkingCalendar } from "../domain/working-days.js";
import type { FormState } from "../http/form-state.js";
import { shanghaiDate } from "../domain/dates.js";
import { formValues, parseForm, valid } from "../forms/form.js";
import { loadCalendar } from "../models/calendar.js";
import { transition, type CaseDetail, type CaseRow } from "../models/cases.js";
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
  /**
   * The minute it is now in Asia/Shanghai ("2026-11-23T10:00"), for a form's default time; the page showing it is
   * kept by the page cache only until that minute ends (src/http/page-cache.ts keepOnlyUntil).
   */
  minuteNow(): string;
  /** Whether the viewer may make this move now. */
  may(name: MoveName): boolean;
  /** A form's state on this page: opened with its errors and typed values when it was refused. */
  form(id: string): FormState;
  /**
   * Whether a closed form is drawn in full: when it was refused (shown again opened) or asked for (`?open=<form id>`,
   * as its 〔打开〕 does). Otherwise the page has only its summary, and the form with its choices (the office's
   * staff, the member units, an amount per worker) is read and sent when it is opened (views/partials/_form-opener.ejs).
   */
  shows(id: string): boolean;
  /** ` autofocus` (an attribute, with its space) on the form just opened (`?open=<form id>`), so the focus lands where the opener was; else nothing. */
  focusIfOpened(id: string): string;
  calendar(): WorkingCalendar;
  clocks(): Clock[];
  settlements(): ReturnType<typeof settlementsOf>;
  money(): ReturnType<typeof moneySummary>;
}

/** What an action's `record` is given besides the case and the form: who, when, the settings and the working-day calendar. */
export interface ActionContext {
  actor: Viewer;
  now: Date;
  today: IsoDate;
  config: Config;
  calendar(): WorkingCalendar;
}

/**
 * A change recorded from a section's own form: `POST /cases/:id/<path>`, by the roles of its move, for the
 * people working the case (src/routes/case-sections.ts). The route reads the form with `schema` (every field's
 * message at once) and records it through `transition` (src/models/cases.ts): the case's version checked, the
 * move allowed from this state for this viewer, `record` run inside the same transaction, the timeline written
 * with `eventNote`. A `ValidationError(message, field)` thrown by `record` puts the message under that field.
 */
export interface SectionAction<S extends z.ZodObject = z.ZodObject> {
  path: string;
  /** The form's id (and page anchor): a refused change shows the form again, opened, with its errors. */
  form: string;
  /**
   * The form is drawn once per record (an advance's 审批): the posted field naming the record, whose id follows the
   * form's (`advance-decision-12`), so each has an id of its own and a refusal shows on the one it came from.
   */
  perRecord?: string;
  move: MoveName;
  /** The form's fields (the fuzz suite sends hostile values in each of them); a function when they depend on the case (one amount per worker). */
  schema: S | ((db: Db, caseId: number) => S);
  /** What the timeline says of it (`c`: the case as it was before; `tx` reads what `record` wrote). */
  eventNote(input: z.output<S>, c: CaseRow, tx: Tx): string;
  /** The action's own checks and rows; it may return fields of the case to set. */
  // biome-ignore lint/suspicious/noConfusingVoidType: most actions only insert their rows and return nothing.
  record(tx: Tx, c: CaseRow, input: z.output<S>, by: ActionContext): Partial<CaseRow> | void;
}

/** A section's action with its form's type checked, kept in a list of actions of any form. */
export function sectionAction<S extends z.ZodObject>(a: SectionAction<S>): SectionAction {
  return a as unknown as SectionAction;
}

/** Records what a section's form sent, as its action says; refused forms and moves throw (nothing saved). */
export function recordSectionAction(db: Db, action: SectionAction, req: { caseId: number; body: unknown; actor: Viewer; now: Date; config: Config }): void {
  const input = valid(parseForm(schemaOf(db, action, req.caseId), req.body));
  transition(db, {
    caseId: req.caseId,
    move: action.move,
    version: Number(formValues(req.body).version),
    note: "",
    eventNote: (c, tx) => action.eventNote(input, c, tx),
    actor: req.actor,
    now: req.now,
    effect: (tx, c) =>
      action.record(tx, c, input, { actor: req.actor, now: req.now, today: shanghaiDate(req.now), config: req.config, calendar: () => loadCalendar(db) }),
  });
}

/** The id of the form a change was sent from (`perRecord`: with the record it names). */
export function sentFormId(action: SectionAction, body: unknown): string {
  return action.perRecord === undefined ? action.form : recordFormId(action.form, formValues(body)[action.perRecord]);
}

/**
 * The id of a form drawn once per record (`advance-decision-12`, `followup-3`) from the record's id as posted, read
 * as the form's schema reads it (a number), so a refusal shows beside the form of the record acted on; 0 if it
 * names none.
 */
export function recordFormId(form: string, posted: string | undefined): string {
  const record = Number(posted ?? "");
  return `${form}-${Number.isSafeInteger(record) && record > 0 ? record : 0}`;
}

/** The action's form for this case. */
export function schemaOf(db: Db, action: SectionAction, caseId: number): z.ZodObject {
  return typeof action.schema === "function" ? action.schema(db, caseId) : action.schema;
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
  /**
   * It shows ID numbers or phones (the workers', an interviewee's; whole to the people working the case): asked
   * for alone, it is recorded as a view of personal data. Other sections, asked for alone (a form opened), are
   * not, and get `view.detail.personalDataShown` false: what they would show whole comes masked.
   */
  showsPersonalData?: true;
  action?: SectionAction;
  /** Further changes made from the same section (a decision on what its first action recorded). */
  actions?: readonly SectionAction[];
}

/** A section with its locals' type checked, kept in a list of sections of any shape. */
export function section<T extends object>(s: CaseSection<T>): CaseSection {
  return s as CaseSection;
}
