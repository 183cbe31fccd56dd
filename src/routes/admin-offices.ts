/** The admin's offices (监察机构) and the divisions each covers (docs/rules.md §Offices and jurisdiction). */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from "../domain/errors.js";
import { OFFICE_KINDS, OFFICE_KIND_LABELS } from "../domain/jurisdiction.js";
import { parseForm, type FieldErrors, type FormValues } from "../forms/form.js";
import { officeSchema } from "../forms/office-form.js";
import { requireRole } from "../middleware/require-role.js";
import { listAudit } from "../models/audit.js";
import { createOffice, divisionNamesOf, getOffice, officeOverview, setOfficeActive, updateOffice, type Office } from "../models/offices.js";
import { idParam } from "../http/params.js";

export function adminOfficesRouter({ db }: AppContext): Router {
  const router = Router();
  router.use("/admin/offices", requireRole("admin"));

  const kinds = { kinds: OFFICE_KINDS, kindLabels: OFFICE_KIND_LABELS };
  const findOffice = (req: Request): Office => {
    const office = getOffice(db, idParam(req));
    if (!office) throw new NotFoundError("监察机构不存在。");
    return office;
  };
  const showOffice = (res: Response, office: Office, status = 200, extra: { values?: FormValues; errors?: FieldErrors } = {}) =>
    res.status(status).render("admin/offices/show", {
      office,
      ...kinds,
      values: {
        ...(extra.values ?? { ...office, divisions: divisionNamesOf(db, office.id).join("\n") }),
        version: String(office.version),
      },
      errors: extra.errors ?? {},
      history: listAudit(db, `office:${office.id}`),
    });
  /** A refused save shows the form again with the reason beside its field (a conflict shows the latest record). */
  const refused = (err: unknown, show: (status: number, errors: FieldErrors) => void) => {
    if (!(err instanceof DomainError) || err instanceof ForbiddenError) throw err;
    const field = err instanceof ValidationError && err.field ? err.field : "_form";
    show(err instanceof ConflictError ? 409 : 422, { [field]: err.message });
  };

  router.get("/admin/offices", (_req, res) => {
    res.render("admin/offices/index", { offices: officeOverview(db), ...kinds });
  });

  router.get("/admin/offices/new", (_req, res) => {
    res.render("admin/offices/new", { values: { kind: "district" }, errors: {}, ...kinds });
  });

  router.post("/admin/offices", (req, res) => {
    const form = parseForm(officeSchema, req.body);
    const again = (status: number, errors: FieldErrors) => res.status(status).render("admin/offices/new", { values: form.values, errors, ...kinds });
    if (!form.ok) return again(422, form.errors);
    try {
      const office = createOffice(db, form.value, res.locals.user!.id);
      res.redirect(303, `/admin/offices/${office.id}`);
    } catch (err) {
      refused(err, again);
    }
  });

  router.get("/admin/offices/:id", (req, res) => {
    showOffice(res, findOffice(req));
  });

  router.post("/admin/offices/:id", (req, res) => {
    const office = findOffice(req);
    const form = parseForm(officeSchema, req.body);
    if (!form.ok) return showOffice(res, office, 422, { values: form.values, errors: form.errors });
    try {
      updateOffice(db, office.id, form.value, Number(form.values.version), res.locals.user!.id);
      res.redirect(303, `/admin/offices/${office.id}`);
    } catch (err) {
      refused(err, (status, errors) => showOffice(res, findOffice(req), status, { values: status === 409 ? undefined : form.values, errors }));
    }
  });

  router.post("/admin/offices/:id/active", (req, res) => {
    const office = findOffice(req);
    try {
      setOfficeActive(db, office.id, req.body?.active === "true", Number(req.body?.version), res.locals.user!.id);
      res.redirect(303, `/admin/offices/${office.id}`);
    } catch (err) {
      refused(err, (status, errors) => showOffice(res, findOffice(req), status, { errors: { active: errors._form ?? Object.values(errors)[0]! } }));
    }
  });

  return router;
}
