/**
 * Whose figures a supervisor's page or export answers for (属地管理, docs/rules.md §Offices and jurisdiction):
 * the viewer's office, or for the city's staff every office or the one chosen in the office filter (?office=).
 */
import type { Request, Response } from "express";
import type { Db } from "../db/client.js";
import { boundedInt } from "../domain/bounds.js";
import { figuresOffice } from "../domain/case-abilities.js";
import { formValues } from "../forms/form.js";
import { figuresScope, type FiguresScope } from "../models/offices.js";
import { viewerOf } from "./case-page.js";

export function figuresScopeOf(db: Db, req: Request, res: Response): FiguresScope {
  const filter = boundedInt(formValues(req.query).office, 1, Number.MAX_SAFE_INTEGER);
  return figuresScope(db, figuresOffice(viewerOf(res), filter));
}

/** The scope as a cache key and as the `office=` part of links (empty for one's own office or every office). */
export function scopeKey(scope: FiguresScope): string {
  return scope.officeId === null ? "all" : String(scope.officeId);
}
