import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app.js";
import { clearSessionCookie, createSession, deleteExpiredSessions, generateSessionToken, invalidateSession, setSessionCookie } from "../auth/session.js";
import { TooManyRequestsError } from "../domain/errors.js";
import { parseForm, requiredText } from "../forms/form.js";
import { safePath } from "../middleware/require-role.js";
import { verifyLogin } from "../models/users.js";

const loginSchema = z.object({
  username: requiredText("用户名", 64),
  password: z.string({ error: "请填写密码" }).min(1, "请填写密码"),
  redirectTo: z.string().optional(),
});

export function authRouter({ db, config, now, loginThrottles }: AppContext): Router {
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
    const accountKey = username.toLowerCase();
    const ipKey = req.ip ?? "unknown";
    try {
      await loginThrottles.account.check(accountKey);
      await loginThrottles.ip.check(ipKey);
    } catch (err) {
      if (!(err instanceof TooManyRequestsError)) throw err;
      res.set("Retry-After", String(err.retryAfterSeconds));
      return res.status(429).render("auth/login", { values, errors: { _form: err.message } });
    }
    const user = await verifyLogin(db, username, password);
    if (!user) {
      await loginThrottles.account.hit(accountKey);
      await loginThrottles.ip.hit(ipKey);
      return res.status(401).render("auth/login", { values, errors: { _form: "用户名或密码不正确，或账号已停用。" } });
    }
    await loginThrottles.account.reset(accountKey);
    const token = generateSessionToken();
    deleteExpiredSessions(db, now());
    createSession(db, token, user.id, now());
    setSessionCookie(res, token, config.cookieSecure);
    res.redirect(303, values.redirectTo);
  });

  router.post("/logout", (_req, res) => {
    if (res.locals.session) invalidateSession(db, res.locals.session.id);
    clearSessionCookie(res, config.cookieSecure);
    res.redirect(303, "/login");
  });

  return router;
}
