/**
 * Whose figures a supervisor's page or export answers for (属地管理, docs/rules.md §Offices and jurisdiction):
 * the viewer's office, or for the city's staff every office or the one chosen in the office filter (?office=).
 */
import type { Request, Response } from "express";
import type { Db } from "../db/client.js";
import { boundedInt } from "../domain/bounds.js";
import { figuresOffice } from "../domain/case-abilities.js";
import { formValues } from "../forms/form.js";
import { NotFoundError } from "../domain/errors.js";
import { figuresScope, getOffice, type FiguresScope } from "../models/offices.js";
import { viewerOf } from "./case-page.js";

/** An office filter naming no office (a link typed by hand, an office id from another database) is refused, not shown as an office with no figures. */
export function figuresScopeOf(db: Db, req: Request, res: Response): FiguresScope {
  const filter = boundedInt(formValues(req.query).office, 1, Number.MAX_SAFE_INTEGER);
  const officeId = figuresOffice(viewerOf(res), filter);
  if (officeId !== null && officeId === filter && !getOffice(db, officeId)) throw new NotFoundError("没有这个监察机构：请从“机构”列表中选择。");
  return figuresScope(db, officeId);
}

/** The scope as a cache key and as the `office=` part of links (empty for one's own office or every office). */
export function scopeKey(scope: FiguresScope): string {
  return scope.officeId === null ? "all" : String(scope.officeId);
}
