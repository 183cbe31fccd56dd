import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { ROLE_LABELS } from "../domain/roles.js";

export function homeRouter(_ctx: AppContext): Router {
  const router = Router();
  router.get("/", (_req, res) => {
    const user = res.locals.user;
    res.render("home/index", { roleLabel: user ? ROLE_LABELS[user.role] : null });
  });
  return router;
}
