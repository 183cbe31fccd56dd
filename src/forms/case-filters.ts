import { CHANNELS } from "../domain/reference-data.js";
import { boundedInt } from "../domain/bounds.js";
import { CASE_STATES } from "../domain/case-states.js";
import type { CaseFilters, ClockFilter } from "../models/case-list.js";
import { CLOCK_FILTER_KEYS } from "../models/dashboard.js";
import type { Channel } from "../models/cases.js";
import { formValues } from "./form.js";

/** Workbench filters from the query string; anything unknown falls back to "no filter". */
export function parseCaseFilters(query: unknown): CaseFilters {
  const v = formValues(query);
  const state = v.state ?? "open";
  return {
    state: state === "all" || state === "open" || (CASE_STATES as readonly string[]).includes(state) ? (state as CaseFilters["state"]) : "open",
    clock: ["normal", "dueSoon", "overdue"].includes(v.clock ?? "") ? (v.clock as ClockFilter) : "",
    clockOn: (CLOCK_FILTER_KEYS as readonly string[]).includes(v.on ?? "") ? (v.on as CaseFilters["clockOn"]) : "",
    district: (v.district ?? "").slice(0, 20),
    channel: (CHANNELS as readonly string[]).includes(v.channel ?? "") ? (v.channel as Channel) : "",
    officeId: boundedInt(v.office, 1, Number.MAX_SAFE_INTEGER),
    q: (v.q ?? "").slice(0, 60),
    inspectorId: boundedInt(v.inspector, 1, Number.MAX_SAFE_INTEGER),
    leadOnly: v.lead === "1",
    everyCase: v.every === "1",
    // Past the last page the list says so; beyond a million pages is not a page number at all.
    page: boundedInt(v.page, 1, 1_000_000) ?? 1,
  };
}

/** The query string for the same filters on another page. */
export function filtersQuery(f: CaseFilters, page: number): string {
  const params = new URLSearchParams();
  if (f.state !== "open") params.set("state", f.state);
  if (f.clock) params.set("clock", f.clock);
  if (f.clockOn) params.set("on", f.clockOn);
  if (f.district) params.set("district", f.district);
  if (f.channel) params.set("channel", f.channel);
  if (f.officeId) params.set("office", String(f.officeId));
  if (f.q) params.set("q", f.q);
  if (f.inspectorId) params.set("inspector", String(f.inspectorId));
  if (f.inspectorId && f.leadOnly) params.set("lead", "1");
  if (f.everyCase) params.set("every", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
