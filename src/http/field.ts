/**
 * `field({ f, name, label, … })` in the views: one field of a case-page form, drawn by views/partials/_field.ejs
 * (label, typed value kept, `aria-invalid` and the message under the field). The partial is compiled once and
 * called as a function: a form of many fields (an amount per worker) costs no include each — no look on disk
 * for the file, no copy of the page's locals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ejs from "ejs";
import { projectRoot } from "../lib/project-root.js";

const file = join(projectRoot, "views", "partials", "_field.ejs");
const template = ejs.compile(readFileSync(file, "utf8"), { filename: file });

export function field(spec: object): string {
  return template({ field: spec });
}
