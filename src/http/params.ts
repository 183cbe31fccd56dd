/**
 * Route parameters that name a row: one strict parser for all of them. `0x4`, `4.0`, `04`, ` 4` and
 * `1e3` are not ids (`Number()` read them as ids and served the row); they answer 404 like any unknown id.
 */
import type { Request } from "express";
import { NotFoundError } from "../domain/errors.js";

const ID = /^[1-9]\d{0,15}$/;

/** The positive whole number in `req.params[name]`, written plainly, or a 404. */
export function idParam(req: Request, name = "id"): number {
  const raw = req.params[name];
  if (typeof raw !== "string" || !ID.test(raw) || !Number.isSafeInteger(Number(raw))) throw new NotFoundError();
  return Number(raw);
}
