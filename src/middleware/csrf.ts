import type { RequestHandler } from "express";
import { ForbiddenError } from "../domain/errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that did not come from our own pages: the browser's Sec-Fetch-Site
 * must say same-origin, or (older browsers) the Origin header must name this host. A request with
 * neither header is refused too.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite) {
    if (fetchSite === "same-origin") return next();
    throw new ForbiddenError("请求来源不可信，已拒绝。请从本系统页面重新提交。");
  }
  const origin = req.get("origin");
  if (origin && hostOf(origin) === req.get("host")) return next();
  throw new ForbiddenError("请求来源不可信，已拒绝。请从本系统页面重新提交。");
};

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
