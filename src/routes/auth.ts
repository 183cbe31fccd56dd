import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { clearSessionCookie, createSession, deleteExpiredSessions, generateSessionToken, invalidateSession, setSessionCookie } from "../auth/session.js";
import { clearLoginFailures, loginLockedUntil, recordLoginFailure } from "../auth/login-throttle.js";
import { LANDING_PAGES } from "../domain/roles.js";
import { formatTime } from "../lib/format.js";
import { parseForm, requiredText } from "../forms/form.js";
import { safePath } from "../middleware/require-role.js";
import { verifyLogin } from "../models/users.js";

const loginSchema = z.object({
  username: requiredText("用户名", 64),
  password: z.string({ error: "请填写密码" }).min(1, "请填写密码"),
  redirectTo: z.string().optional(),
});

export function authRouter({ db, config, now }: AppContext): Router {
  const router = Router();

  router.get("/login", (req, res) => {
    if (res.locals.user) return res.redirect(303, safePath(req.query.redirectTo));
    res.render("auth/login", { values: { redirectTo: safePath(req.query.redirectTo) }, errors: {} });
  });

  router.post("/login", async (req, res) => {
    const form = parseForm(loginSchema, req.body);
    const values = { ...form.values, password: "", redirectTo: safePath(form.values.redirectTo) };
    if (!form.ok) return res.status(422).render("auth/login", { values, errors: form.errors });
    const { username, password } = form.value;
    const address = req.ip ?? "unknown";
    const lockedUntil = loginLockedUntil(db, username, address, now());
    if (lockedUntil) {
      const seconds = Math.ceil((lockedUntil.getTime() - now().getTime()) / 1000);
      res.set("Retry-After", String(seconds));
      const when = formatTime(lockedUntil);
      return res.status(429).render("auth/login", {
        values,
        errors: { _form: `登录失败次数过多，请于 ${when}（约 ${Math.ceil(seconds / 60)} 分钟后）再试。忘记密码请联系系统管理员重置。` },
      });
    }
    const user = await verifyLogin(db, username, password);
    if (!user) {
      recordLoginFailure(db, username, address, now());
      return res.status(401).render("auth/login", { values, errors: { _form: "用户名或密码不正确，或账号已停用。" } });
    }
    clearLoginFailures(db, username, address, now());
    const token = generateSessionToken();
    deleteExpiredSessions(db, now());
    createSession(db, token, user.id, now());
    setSessionCookie(res, token, config.cookieSecure);
    // Back to the page that asked for the login, or to the role's own worklist.
    res.redirect(303, values.redirectTo === "/" ? LANDING_PAGES[user.role] : values.redirectTo);
  });

  router.post("/logout", (_req, res) => {
    if (res.locals.session) invalidateSession(db, res.locals.session.id);
    clearSessionCookie(res, config.cookieSecure);
    // A shared computer: what the browser kept of the site (the charts, pages in its cache) goes with the session.
    res.set("Clear-Site-Data", '"cache"');
    res.redirect(303, "/login");
  });

  return router;
}
