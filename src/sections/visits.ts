/** 现场督办: the site visits (two inspectors, a recording each) and the form to record one. */
import { EVIDENCE_EXTENSIONS, formatBytes } from "../http/uploads.js";
import { listSiteVisits, visitStaffOfPage } from "../models/site-visits.js";
import { section } from "./section.js";

export const visitsSection = section({
  key: "visits",
  partial: "cases/_visits",
  // Visits are recorded on a filed case only, and stay on the record after closing.
  when: (_abilities, c) => c.filedOn !== null,
  load: (db, view) => {
    const visits = listSiteVisits(db, view.c.id);
    // The form is drawn open until the first visit is recorded; after that, closed and fetched when opened.
    const drawn = view.may("recordVisit") && (visits.length === 0 || view.shows("visit"));
    return {
      visits,
      visitStaff: drawn ? visitStaffOfPage(db, view.c.officeId) : [],
      evidenceAccept: EVIDENCE_EXTENSIONS,
      evidenceMax: formatBytes(view.config.evidenceMaxBytes),
      // The time defaults to now and may lie between the receipt and now (forms/visit-form.ts): the browser
      // refuses a time outside them before a recording is sent, rather than after gigabytes have arrived. Only
      // with the form: a page offering now is kept by the page cache only within this minute.
      visitTime: drawn ? { now: view.minuteNow(), min: `${view.c.receivedOn}T00:00` } : null,
    };
  },
});
