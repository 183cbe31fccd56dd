import type { RequestHandler } from "express";

/** True for htmx's own requests (which want a partial), not for boosted page loads. */
export const htmxFlag: RequestHandler = (req, res, next) => {
  res.locals.isHtmx = req.get("HX-Request") === "true" && req.get("HX-Boosted") !== "true";
  next();
};
