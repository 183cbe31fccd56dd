import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { isIsoDate } from "../domain/dates.js";
import { CalendarRangeError } from "../domain/errors.js";
import { parseForm } from "../forms/form.js";
import { loadCalendar } from "../models/calendar.js";
import { PROVISIONAL_NOTE } from "../domain/clocks.js";

/** Working-day counts people ask for: up to about four years. */
const MAX_DAYS = 1000;

const calcSchema = z.object({
  from: z.string({ error: "请填写起算日期" }).refine(isIsoDate, "起算日期应为有效日期，格式 YYYY-MM-DD"),
  days: z
    .string({ error: "请填写工作日数" })
    .regex(/^\d+$/, "工作日数应为 0 或正整数")
    .transform(Number)
    .refine((n) => n <= MAX_DAYS, `工作日数不能超过 ${MAX_DAYS}`),
});

export function calendarRouter({ db }: AppContext): Router {
  const router = Router();

  // Open to everyone: workers ask "when is day 8?".
  router.get("/calendar/calc", (req, res) => {
    if (req.query.from === undefined && req.query.days === undefined) {
      return res.render("calendar/calc", { values: { from: res.locals.today, days: "8" }, errors: {}, result: null });
    }
    const form = parseForm(calcSchema, req.query);
    if (!form.ok) return res.status(400).render("calendar/calc", { values: form.values, errors: form.errors, result: null });
    const calendar = loadCalendar(db);
    try {
      const due = calendar.addWorkingDays(form.value.from, form.value.days);
      const fromDay = calendar.day(form.value.from);
      res.render("calendar/calc", { values: form.values, errors: {}, result: { ...due, days: form.value.days, fromDay }, provisionalNote: PROVISIONAL_NOTE });
    } catch (err) {
      if (!(err instanceof CalendarRangeError)) throw err;
      res.status(400).render("calendar/calc", { values: form.values, errors: { from: err.message }, result: null });
    }
  });

  return router;
}
