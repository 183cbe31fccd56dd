import { Router, type Response } from "express";
import multer from "multer";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { NotFoundError } from "../domain/errors.js";
import { DAY_KIND_LABELS } from "../domain/working-days.js";
import { parseScheduleIcs, parseScheduleText, scheduleToText } from "../forms/calendar-schedule.js";
import { parseForm, requiredText, type FieldErrors, type FormValues } from "../forms/form.js";
import { refuseMalformed } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { listAudit } from "../models/audit.js";
import { getYear, listYears, publishYear, saveYearSchedule, yearDays } from "../models/calendar.js";
import { yearOf } from "../domain/dates.js";

const icsUpload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 1024 * 1024, files: 1 } });

const scheduleSchema = z.object({
  source: requiredText("来源文号", 120),
  holidaysText: z
    .string()
    .optional()
    .transform((v) => v ?? ""),
  makeupText: z
    .string()
    .optional()
    .transform((v) => v ?? ""),
  publish: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
const publishSchema = z.object({ source: requiredText("来源文号", 120) });

export function adminCalendarRouter({ db }: AppContext): Router {
  const router = Router();
  router.use("/admin/calendar", requireRole("admin"));

  const findYear = (param: unknown) => {
    const row = getYear(db, Number(param));
    if (!row) throw new NotFoundError("该年份不在工作日历中。");
    return row;
  };

  function showYear(res: Response, year: number, status = 200, form: { values?: FormValues; errors?: FieldErrors } = {}) {
    const row = findYear(String(year));
    const days = yearDays(db, year);
    const stored = scheduleToText({
      holidays: days.filter((d) => d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" })),
      makeupWorkdays: days.filter((d) => d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" })),
    });
    res.status(status).render("admin/calendar/year", {
      row,
      years: listYears(db),
      months: Array.from({ length: 12 }, (_, m) => days.filter((d) => Number(d.date.slice(5, 7)) === m + 1)),
      kindLabels: DAY_KIND_LABELS,
      counts: {
        working: days.filter((d) => d.isWorkingDay).length,
        holidays: days.filter((d) => d.kind === "holiday").length,
        makeups: days.filter((d) => d.kind === "makeup").length,
      },
      values: { source: row.published ? row.source : "", ...stored, ...form.values },
      errors: form.errors ?? {},
      history: listAudit(db, `calendar:${year}`),
    });
  }

  router.get("/admin/calendar", (req, res) => {
    const asked = Number(req.query.year);
    res.redirect(303, `/admin/calendar/${Number.isInteger(asked) && asked > 0 ? asked : yearOf(res.locals.today)}`);
  });

  router.get("/admin/calendar/:year", (req, res) => {
    showYear(res, findYear(req.params.year).year);
  });

  router.post("/admin/calendar/:year/schedule", (req, res) => {
    const { year } = findYear(req.params.year);
    const form = parseForm(scheduleSchema, req.body);
    if (!form.ok) return showYear(res, year, 422, { values: form.values, errors: form.errors });
    const schedule = parseScheduleText(year, form.value.holidaysText, form.value.makeupText);
    if (!schedule.ok) return showYear(res, year, 422, { values: form.values, errors: schedule.errors });
    saveYearSchedule(db, year, { ...schedule.value, source: form.value.source, publish: form.value.publish }, res.locals.user!.id, "修改节假日安排");
    res.redirect(303, `/admin/calendar/${year}`);
  });

  router.post("/admin/calendar/:year/import", refuseMalformed(icsUpload.single("file")), (req, res) => {
    const { year } = findYear(req.params.year);
    const form = parseForm(publishSchema, req.body);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!req.file) errors.file = "请选择要导入的 .ics 文件";
    const schedule = req.file ? parseScheduleIcs(year, req.file.buffer.toString("utf8")) : null;
    if (schedule && !schedule.ok) Object.assign(errors, schedule.errors);
    if (!form.ok || !schedule?.ok || Object.keys(errors).length) {
      return showYear(res, year, 422, { values: { importSource: form.values.source ?? "" }, errors: prefix(errors, "import") });
    }
    saveYearSchedule(db, year, { ...schedule.value, source: form.value.source, publish: false }, res.locals.user!.id, `导入 ${req.file!.originalname}`);
    res.redirect(303, `/admin/calendar/${year}`);
  });

  router.post("/admin/calendar/:year/publish", (req, res) => {
    const { year } = findYear(req.params.year);
    const form = parseForm(publishSchema, req.body);
    if (!form.ok) return showYear(res, year, 422, { values: { publishSource: form.values.source ?? "" }, errors: prefix(form.errors, "publish") });
    publishYear(db, year, form.value.source, res.locals.user!.id);
    res.redirect(303, `/admin/calendar/${year}`);
  });

  return router;
}

/** Errors of the smaller forms on the same page are keyed importSource/importFile, publishSource. */
function prefix(errors: FieldErrors, form: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${form}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}
