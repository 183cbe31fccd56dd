/**
 * A page a viewer asks for again, while nothing it shows has changed, is sent as it was rendered instead of
 * being read and rendered again (issue 22's speed part: the worklist, the case page and the supervisors'
 * figures are asked for over and over between changes).
 *
 * "Nothing changed" is the data's version, as for the figures kept by src/models/until-changed.ts: the rows
 * written through this process's connection since it opened (SQLite's total_changes()), the commits of other
 * processes (PRAGMA data_version: another web worker, a script), and today's date (clocks count in days). Any
 * write counts but rows no page shows (src/db/unshown-writes.ts): the sessions and sign-in bookkeeping, and the
 * record of a personal-data view that a kept page writes while it is shown; a view a kept page recorded is
 * recorded again each time the page is sent, so the record of who saw what stays complete.
 *
 * A page is kept only when nobody else wrote while it was rendered (the rows written meanwhile are its own
 * views), only 200 HTML answers that set no cookie, only for a signed-in viewer whose
 * request carries no cookie but the session's (a one-off notice such as 已保存 rides on a cookie), and by
 * viewer, address and htmx target. Kept pages are bounded in bytes; the oldest go first.
 *
 * A request that asks for a fresh answer (`Cache-Control: no-cache`, as a browser's hard reload sends) is
 * rendered again, and what it renders is kept for the next request.
 *
 * A page that shows the time of day (a form whose time defaults to now) says until when it holds
 * (`keepOnlyUntil`); it is sent again only before then, so it never offers a time already past.
 */
import type { Request, RequestHandler, Response } from "express";
import type { Db } from "../db/client.js";
import { shanghaiDate } from "../domain/dates.js";
import { databaseMarks } from "../models/until-changed.js";
import { recordPersonalDataView, viewsRecordedByThisPage, type RecordedView } from "../models/personal-data-views.js";
import { SESSION_COOKIE } from "../auth/session.js";
import { acceptsGzip, compressedType, gzipOnce, noTransform } from "./compress.js";

interface KeptPage {
  version: string;
  body: string;
  /** The body gzipped, made the first time a browser that takes gzip asks for it (null: too small to gain). */
  gzipped?: Buffer | null;
  headers: Record<string, string>;
  views: RecordedView[];
  /** Rendered again from this instant on (ms since the epoch; Infinity for a page that shows no time of day). */
  until: number;
}

/** What kept pages may take, in UTF-16 code units (two bytes each). */
const MAX_UNITS = 16 * 2 ** 20;
/** A page larger than this is not kept (a full dashboard of every office). */
const MAX_PAGE_UNITS = 2 ** 20;
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "hx-push-url", "hx-retarget", "hx-reswap", "hx-reselect"];

export interface PageCache {
  /** Route middleware: serves the kept page (saying so in an `X-Page-Cache: hit` header), or keeps what the route renders. */
  keep: RequestHandler;
}

export function pageCache(db: Db, now: () => Date): PageCache {
  // Rows no page shows (sessions, personal-data views the pages themselves write): databaseMarks leaves them out.
  const state = () => ({ today: shanghaiDate(now()), ...databaseMarks(db) });
  const versionOf = (s: ReturnType<typeof state>) => `${s.today}|${s.changes}|${s.others}`;
  const version = () => versionOf(state());
  const pages = new Map<string, KeptPage>();
  let units = 0;

  const unitsOf = (page: KeptPage) => page.body.length + Math.ceil((page.gzipped?.length ?? 0) / 2);
  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    units -= unitsOf(page);
    pages.delete(key);
  };
  const dropOldest = () => {
    for (const oldest of pages.keys()) {
      if (units <= MAX_UNITS) break;
      drop(oldest);
    }
  };
  const keep = (key: string, page: KeptPage) => {
    drop(key);
    pages.set(key, page);
    units += unitsOf(page);
    dropOldest();
  };

  const middleware: RequestHandler = (req, res, next) => {
    const viewer = res.locals.user;
    if (req.method !== "GET" || !viewer || !onlySessionCookie(req)) return next();
    const key = `${viewer.id}|${req.get("HX-Request") ?? ""}|${req.get("HX-Target") ?? ""}|${req.originalUrl}`;
    const kept = wantsFresh(req) ? undefined : pages.get(key);
    if (kept && kept.version === version() && now().getTime() < kept.until) {
      for (const v of kept.views) recordPersonalDataView(db, { ...v, userId: viewer.id, now: now() });
      // Most recently used last: the oldest is dropped first.
      pages.delete(key);
      pages.set(key, kept);
      res.status(200).set(kept.headers).set("X-Page-Cache", "hit");
      // Compressed once, not at every sending (the compression middleware leaves a body already encoded alone).
      if (acceptsGzip(req) && compressedType(kept.headers["content-type"]) && !noTransform(res)) {
        if (kept.gzipped === undefined) {
          kept.gzipped = gzipOnce(kept.body);
          units += Math.ceil((kept.gzipped?.length ?? 0) / 2);
          dropOldest();
        }
        if (kept.gzipped) return void res.set("Content-Encoding", "gzip").send(kept.gzipped);
      }
      res.send(kept.body);
      return;
    }
    drop(key);
    const before = state();
    const views: RecordedView[] = [];
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const sent = send(body);
      // Kept only when nothing but views was written while it was rendered: nobody else wrote meanwhile.
      const after = state();
      const untouched = after.today === before.today && after.others === before.others && after.changes === before.changes;
      // After sending: Express sets the content type there.
      if (untouched && typeof body === "string" && body.length <= MAX_PAGE_UNITS && keepable(res)) {
        keep(key, { version: versionOf(after), body, headers: headersOf(res), views, until: res.locals.pageKeptUntil ?? Number.POSITIVE_INFINITY });
      }
      return sent;
    };
    viewsRecordedByThisPage.run(views, next);
  };
  return { keep: middleware };
}

/** The page being rendered shows something true only until `until` (the time of day to the minute): kept no longer. */
export function keepOnlyUntil(res: Response, until: Date): void {
  res.locals.pageKeptUntil = Math.min(res.locals.pageKeptUntil ?? Number.POSITIVE_INFINITY, until.getTime());
}

function wantsFresh(req: Request): boolean {
  return /\bno-cache\b/i.test(req.get("cache-control") ?? "") || /\bno-cache\b/i.test(req.get("pragma") ?? "");
}

function onlySessionCookie(req: Request): boolean {
  const cookie = req.headers.cookie ?? "";
  return cookie.split(";").every((pair) => pair.trim().startsWith(`${SESSION_COOKIE}=`) || pair.trim() === "");
}

function keepable(res: Response): boolean {
  return res.statusCode === 200 && !res.getHeader("set-cookie") && String(res.getHeader("content-type") ?? "").startsWith("text/html");
}

function headersOf(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
