/**
 * Partials the views call as functions, each compiled once: `field({ f, name, label, … })`, one field of a
 * form (views/partials/_field.ejs: label, typed value kept, `aria-invalid` and the message under the field),
 * `clockToneTag(k)`, a clock's state in words and colour (views/partials/_clock-tone.ejs), and `formOpener(…)`, a
 * case-page form drawn closed and fetched when opened (views/partials/_form-opener.ejs). Pages draw them
 * by the hundred (an amount per worker, a clock per listed case): called as functions they cost no include
 * each — no look on disk for the file, no copy of the page's locals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ejs from "ejs";
import { CLOCK_TONE_LABELS, clockTone, type Clock } from "../domain/clocks.js";
import { projectRoot } from "../lib/project-root.js";

function compiled(name: string): ejs.TemplateFunction {
  const file = join(projectRoot, "views", "partials", name);
  return ejs.compile(readFileSync(file, "utf8"), { filename: file });
}

const fieldTemplate = compiled("_field.ejs");
const clockToneTemplate = compiled("_clock-tone.ejs");
const formOpenerTemplate = compiled("_form-opener.ejs");

export function field(spec: object): string {
  return fieldTemplate({ field: spec });
}

export function clockToneTag(k: Clock): string {
  return clockToneTemplate({ k, clockTone, clockToneLabels: CLOCK_TONE_LABELS });
}

/** A case-page form drawn closed, fetched when opened: `formOpener({ caseId, section, form, summary, whole? })` (views/partials/_form-opener.ejs). */
export function formOpener(spec: { caseId: number; section: string; form: string; summary: string; whole?: boolean }): string {
  return formOpenerTemplate(spec);
}

const drawnOptions = new WeakMap<readonly object[], Map<string, string>>();

/**
 * The `<option>`s of a long list kept until the database changes (the same array while it does not, as
 * `untilChanged` returns it), drawn once per list, drawing and choice rather than on every page: `drawing` names
 * what `draw` makes of an item (the same name, the same function), `selected` the chosen value.
 */
export function optionTags<T extends object>(drawing: string, list: readonly T[], selected: string, draw: (item: T) => [value: string, label: string]): string {
  let drawn = drawnOptions.get(list);
  if (!drawn) {
    drawn = new Map();
    drawnOptions.set(list, drawn);
  }
  const key = `${drawing}|${selected}`;
  let html = drawn.get(key);
  if (html === undefined) {
    html = list
      .map(draw)
      .map(([value, label]) => `<option value="${ejs.escapeXML(value)}"${value === selected ? " selected" : ""}>${ejs.escapeXML(label)}</option>`)
      .join("");
    drawn.set(key, html);
  }
  return html;
}
