import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { NotFoundError } from "../domain/errors.js";
import { parseForm, requiredText, type FieldErrors, type FormValues } from "../forms/form.js";
import { requireRole } from "../middleware/require-role.js";
import { createUnit, findUnitByName, getUnit, listUnits, updateUnit } from "../models/units.js";
import { idParam } from "../http/params.js";

const unitSchema = z.object({
  name: requiredText("单位名称", 60),
  active: z
    .string()
    .optional()
    .transform((v) => v !== "false"),
});

export function adminUnitsRouter({ db }: AppContext): Router {
  const router = Router();
  router.use("/admin/units", requireRole("admin"));

  const page = (values: FormValues = {}, errors: FieldErrors = {}, editing: number | null = null) => ({ units: listUnits(db), values, errors, editing });

  router.get("/admin/units", (_req, res) => {
    res.render("admin/units/index", page());
  });

  router.post("/admin/units", (req, res) => {
    const form = parseForm(unitSchema, req.body);
    if (form.ok && findUnitByName(db, form.value.name)) {
      return res.status(422).render("admin/units/index", page(form.values, { name: "已有同名成员单位" }));
    }
    if (!form.ok) return res.status(422).render("admin/units/index", page(form.values, form.errors));
    createUnit(db, form.value.name, res.locals.user!.id);
    res.redirect(303, "/admin/units");
  });

  router.post("/admin/units/:id", (req, res) => {
    const unit = getUnit(db, idParam(req));
    if (!unit) throw new NotFoundError("成员单位不存在。");
    const form = parseForm(unitSchema, req.body);
    const clash = form.ok ? findUnitByName(db, form.value.name) : undefined;
    if (!form.ok || (clash && clash.id !== unit.id)) {
      const errors = form.ok ? { name: "已有同名成员单位" } : form.errors;
      return res.status(422).render("admin/units/index", page(form.values, errors, unit.id));
    }
    updateUnit(db, unit.id, form.value, res.locals.user!.id);
    res.redirect(303, "/admin/units");
  });

  return router;
}
