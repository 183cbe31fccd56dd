import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "../domain/errors.js";
import { ROLES, ROLE_LABELS } from "../domain/roles.js";
import { parseForm, type FieldErrors, type FormValues } from "../forms/form.js";
import { editUserSchema, newUserSchema, passwordSchema } from "../forms/user-form.js";
import { requireRole } from "../middleware/require-role.js";
import { getUnit, listUnits } from "../models/units.js";
import { createUser, getUser, isUsernameTaken, listUsers, resetPassword, setUserActive, updateUser } from "../models/users.js";
import { listAudit } from "../models/audit.js";
import { getOffice, listOffices } from "../models/offices.js";
import { idParam } from "../http/params.js";

export function adminUsersRouter({ db }: AppContext): Router {
  const router = Router();
  router.use("/admin/users", requireRole("admin"));

  const formData = (values: FormValues, errors: FieldErrors) => ({
    values,
    errors,
    roles: ROLES,
    roleLabels: ROLE_LABELS,
    units: listUnits(db, { activeOnly: true }),
    offices: listOffices(db, { activeOnly: true }),
  });
  const findUser = (id: number) => {
    const user = getUser(db, id);
    if (!user) throw new NotFoundError("用户不存在。");
    return user;
  };
  const showUser = (
    res: import("express").Response,
    user: ReturnType<typeof findUser>,
    status = 200,
    extra: { values?: FormValues; errors?: FieldErrors; passwordErrors?: FieldErrors } = {},
  ) =>
    res.status(status).render("admin/users/show", {
      user,
      // The form always carries the version shown, so a save over someone else's is caught.
      ...formData(
        {
          ...(extra.values ?? { displayName: user.displayName, role: user.role, unitId: String(user.unitId ?? ""), officeId: String(user.officeId ?? "") }),
          version: String(user.version),
        },
        extra.errors ?? {},
      ),
      passwordErrors: extra.passwordErrors ?? {},
      history: listAudit(db, `user:${user.id}`),
      saved: null,
    });

  router.get("/admin/users", (_req, res) => {
    res.render("admin/users/index", { users: listUsers(db), roleLabels: ROLE_LABELS });
  });

  router.get("/admin/users/new", (_req, res) => {
    res.render("admin/users/new", formData({ role: "clerk", officeId: String(listOffices(db, { activeOnly: true })[0]?.id ?? "") }, {}));
  });

  router.post("/admin/users", async (req, res) => {
    const form = parseForm(newUserSchema, req.body);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (form.ok && isUsernameTaken(db, form.value.username)) errors.username = "该用户名已被使用";
    if (form.ok && form.value.unitId !== null && !getUnit(db, form.value.unitId)?.active) errors.unitId = "所选成员单位不存在或已停用";
    if (form.ok && !getOffice(db, form.value.officeId)?.active) errors.officeId = "所选监察机构不存在或已停用";
    if (!form.ok || Object.keys(errors).length) {
      return res.status(422).render("admin/users/new", formData({ ...form.values, password: "" }, errors));
    }
    const user = await createUser(db, form.value, res.locals.user!.id);
    res.redirect(303, `/admin/users/${user.id}`);
  });

  router.get("/admin/users/:id", (req, res) => {
    showUser(res, findUser(idParam(req)));
  });

  router.post("/admin/users/:id", (req, res) => {
    const user = findUser(idParam(req));
    const form = parseForm(editUserSchema, req.body);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (form.ok && form.value.unitId !== null && !getUnit(db, form.value.unitId)?.active) errors.unitId = "所选成员单位不存在或已停用";
    if (form.ok && form.value.officeId !== user.officeId && !getOffice(db, form.value.officeId)?.active) errors.officeId = "所选监察机构不存在或已停用";
    if (!form.ok || Object.keys(errors).length) return showUser(res, user, 422, { values: form.values, errors });
    try {
      updateUser(db, user.id, form.value, res.locals.user!.id, Number(form.values.version));
    } catch (err) {
      return refused(res, user.id, err, form.values);
    }
    res.redirect(303, `/admin/users/${user.id}`);
  });

  /** A refused change shows the user's current record with the reason; a conflict keeps nothing typed over it. */
  function refused(res: import("express").Response, id: number, err: unknown, values?: FormValues) {
    if (!(err instanceof DomainError) || err instanceof ForbiddenError) throw err;
    const conflict = err instanceof ConflictError;
    return showUser(res, findUser(id), conflict ? 409 : 422, { values: conflict ? undefined : values, errors: { _form: err.message } });
  }

  router.post("/admin/users/:id/password", async (req, res) => {
    const user = findUser(idParam(req));
    const form = parseForm(passwordSchema, req.body);
    if (!form.ok) return showUser(res, user, 422, { passwordErrors: form.errors });
    await resetPassword(db, user.id, form.value.password, res.locals.user!.id);
    res.redirect(303, `/admin/users/${user.id}`);
  });

  router.post("/admin/users/:id/active", (req, res) => {
    const user = findUser(idParam(req));
    const active = req.body?.active === "true";
    if (!active && user.id === res.locals.user!.id) {
      return showUser(res, user, 422, { errors: { active: "不能停用自己的账号" } });
    }
    try {
      setUserActive(db, user.id, active, res.locals.user!.id, Number(req.body?.version));
    } catch (err) {
      return refused(res, user.id, err);
    }
    res.redirect(303, `/admin/users/${user.id}`);
  });

  return router;
}
