import type { RequestHandler } from "express";
import type { Db } from "../db/client.js";
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie, validateSessionToken } from "../auth/session.js";

/** Sets res.locals.user / res.locals.session from the session cookie (lucia's middleware pattern). */
export function loadSession(db: Db, opts: { cookieSecure: boolean; now: () => Date }): RequestHandler {
  return (req, res, next) => {
    res.locals.user = null;
    res.locals.session = null;
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return next();
    const result = validateSessionToken(db, token, opts.now());
    if (!result.session) {
      clearSessionCookie(res, opts.cookieSecure);
      return next();
    }
    if (result.refreshed) setSessionCookie(res, token, opts.cookieSecure);
    res.locals.user = result.user;
    res.locals.session = result.session;
    next();
  };
}

export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}
