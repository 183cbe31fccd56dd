import type { RequestHandler } from "express";
import { ForbiddenError } from "../domain/errors.js";
import type { Role } from "../domain/roles.js";

/** Only a path on this site may be a redirect target (no open redirects). */
export function safePath(value: unknown): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : "/";
}

/** Not signed in → the login page, which returns here afterwards; signed in with another role → 403. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    const user = res.locals.user;
    if (!user) {
      const back = req.method === "GET" ? safePath(req.originalUrl) : "/";
      return res.redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
    }
    if (!roles.includes(user.role)) throw new ForbiddenError();
    next();
  };
}
