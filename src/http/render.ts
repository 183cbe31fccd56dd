import type { Response } from "express";

/** A full page (which includes its partials), or just the partial when htmx asked for it. */
export function renderPageOrPartial(res: Response, page: string, partial: string, data: Record<string, unknown>): void {
  res.vary("HX-Request");
  res.render(res.locals.isHtmx ? partial : page, data);
}
