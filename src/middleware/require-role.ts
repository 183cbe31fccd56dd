import type { RequestHandler } from "express";
import { ForbiddenError } from "../domain/errors.js";
import type { Role } from "../domain/roles.js";

/** Only a path on this site may be a redirect target (no open redirects). */
export function safePath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : "/";
}

/** The path and query of a full URL (htmx's `HX-Current-URL`), to come back to on this site; or "/". */
function pathOfUrl(value: string | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value);
    return safePath(url.pathname + url.search);
  } catch {
    return "/";
  }
}

/**
 * Not signed in → the login page, which returns here afterwards; signed in with another role → 403. An htmx
 * request (a form opened, a section's form sent after the session ended) gets the whole window sent to the
 * login page, which returns to the page the user was on — not a login page drawn inside a card.
 */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (!user) {
      if (res.locals.isHtmx === true) {
        const page = pathOfUrl(req.get("HX-Current-URL"));
        return void res
          .set("HX-Redirect", `/login?redirectTo=${encodeURIComponent(page)}`)
          .status(401)
          .end();
      }
      const back = req.method === "GET" ? safePath(req.originalUrl) : "/";
      return res.redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
    }
    if (!roles.includes(user.role)) throw new ForbiddenError();
    next();
  };
}
