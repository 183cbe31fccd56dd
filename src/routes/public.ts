/** What workers and the public use without signing in: online filing and the progress lookup. */
import { lookupAddress } from "../http/lookup-address.js";
import { randomBytes } from "node:crypto";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { createThrottle } from "../auth/rate-limit.js";
import { TooManyRequestsError } from "../domain/errors.js";
import { formValues, parseForm, type FieldErrors } from "../forms/form.js";
import { readCookie } from "../middleware/session.js";
import { RECEIPT_HOURS, claimFiling, completeFiling, filedReceipt, isFilingToken, newFilingToken, releaseFiling } from "../models/online-filings.js";
import { ONLINE_ID_TYPES, ONLINE_MAX_WORKERS, parseOnlineIntake, readIntakeValues, workerErrorList, type IntakeValues } from "../forms/intake-form.js";
import { registerCase } from "../models/cases.js";
import { LOOKUP_LABELS, publicLookup } from "../http/public-lookup.js";
import { getOffice, routeWorkSite, workSiteChoices } from "../models/offices.js";
import { FILING_LIMITS, FILING_WINDOW_SECONDS, filingCounters, filingLimitMessage, type FilingCounter } from "../domain/filing-limits.js";
import { ONLINE_EVIDENCE_MAX_BYTES, ONLINE_EVIDENCE_MAX_FILES, PHONE_EVIDENCE_EXTENSIONS } from "../domain/file-signatures.js";
import { createUpload, formatBytes, keepUploads, rejectionMessage, toStoredFile, uploadedFiles } from "../http/uploads.js";

const querySchema = z.object({
  caseNumber: z.string({ error: "请填写案件编号" }).trim().min(1, "请填写案件编号").max(20, "案件编号格式不对"),
  queryCode: z.string({ error: "请填写查询码" }).trim().min(1, "请填写查询码").max(10, "查询码为 6 位"),
});

const RECEIPT_COOKIE = "qx_filing";
/** A long-lived random id of the browser that files, so the limit counts a device rather than a shared address. */
const DEVICE_COOKIE = "qx_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{24}$/;

/** Same words for a wrong code and an unknown number: nobody can probe which case numbers exist. */
const NOT_FOUND = "没有查到对应的案件，请核对回执上的案件编号和查询码。";

export function publicRouter({ db, config, now }: AppContext): Router {
  const router = Router();
  // Photos and PDFs from the phone, each checked by its content (docs/rules.md §Group filing online).
  const evidenceMaxBytes = Math.min(config.evidenceMaxBytes, ONLINE_EVIDENCE_MAX_BYTES);
  const upload = createUpload({ dir: config.evidenceDir, evidenceMaxBytes, photosAndPdfOnly: true, maxFiles: ONLINE_EVIDENCE_MAX_FILES });
  // Per phone, device and address (domain/filing-limits.ts); the message is written when one is used up.
  const filingThrottles = Object.fromEntries(
    (Object.keys(FILING_LIMITS) as FilingCounter[]).map((counter) => [
      counter,
      createThrottle(db, { name: `filing-${counter}`, points: FILING_LIMITS[counter], windowSeconds: FILING_WINDOW_SECONDS, message: () => "" }),
    ]),
  ) as Record<FilingCounter, ReturnType<typeof createThrottle>>;
  const everyoneFiling = createThrottle(db, {
    name: "filing-everyone",
    points: config.onlineFilingPerHour,
    windowSeconds: 60 * 60,
    message: (m) => `网上投诉一时提交的人较多，系统暂停受理约 ${m} 分钟，请稍后再试。您也可以拨打 12333 或到投诉窗口当面投诉，我们同样受理。`,
  });
  const queryThrottle = createThrottle(db, { name: "query", points: 20, windowSeconds: 10 * 60, message: (m) => `查询过于频繁，请 ${m} 分钟后再试。` });

  // ---- Online self-filing ------------------------------------------------------------------

  // The form's token travels with what was typed, so a form shown again after an error still files once.
  const renderComplaint = (res: Response, status: number, values: IntakeValues, errors: FieldErrors, filingToken: string) =>
    res.status(status).render("public/complaint", {
      values,
      errors,
      rowErrors: workerErrorList(errors),
      workSites: workSiteChoices(db),
      filingToken,
      idTypes: ONLINE_ID_TYPES,
      maxWorkers: ONLINE_MAX_WORKERS,
      evidence: { accept: PHONE_EVIDENCE_EXTENSIONS.join(","), max: formatBytes(evidenceMaxBytes), files: ONLINE_EVIDENCE_MAX_FILES },
    });

  /** After filing: to the receipt, which a reload shows again (post/redirect/get). */
  const toReceipt = (res: Response, token: string) => {
    res.cookie(RECEIPT_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: config.cookieSecure, path: "/complaint", maxAge: RECEIPT_HOURS * 3_600_000 });
    res.redirect(303, "/complaint/done");
  };

  /** The browser's device id, given one on its first visit to the form. */
  const deviceOf = (req: Request, res: Response): string => {
    const known = readCookie(req.headers.cookie, DEVICE_COOKIE);
    if (known && DEVICE_ID.test(known)) return known;
    const id = randomBytes(18).toString("base64url");
    res.cookie(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: config.cookieSecure, path: "/complaint", maxAge: 365 * 86_400_000 });
    return id;
  };

  router.get("/complaint", (req, res) => {
    deviceOf(req, res);
    renderComplaint(res, 200, { fields: {}, workers: [{}], representative: 0 }, {}, newFilingToken());
  });

  // htmx: one more co-worker's row, the window's row (cases/_worker-row) with the online form's documents.
  router.get("/complaint/worker-row", (req, res) => {
    const index = Math.max(1, Math.min(Number(req.query.index) || 1, ONLINE_MAX_WORKERS - 1));
    res.render("cases/_worker-row", {
      index,
      w: {},
      errors: {},
      representative: 0,
      online: true,
      idTypes: ONLINE_ID_TYPES,
      withAddButton: true,
      rowUrl: "/complaint/worker-row",
      max: ONLINE_MAX_WORKERS,
    });
  });

  router.get("/complaint/done", async (req, res) => {
    const token = readCookie(req.headers.cookie, RECEIPT_COOKIE);
    const created = isFilingToken(token) ? filedReceipt(db, token, now()) : undefined;
    if (!created) return res.redirect(303, "/complaint");
    const lookup = await lookupAddress(config.publicBaseUrl, created.caseNumber, created.queryCode);
    res.render("public/complaint-done", { created, receivedOn: created.receivedOn, lookup });
  });

  router.post("/complaint", upload.any(), async (req, res) => {
    const typed = formValues(req.body).filingToken;
    const token = isFilingToken(typed) ? typed : newFilingToken();
    // The same form sent again: its case is already filed.
    const earlier = claimFiling(db, token, now());
    if (earlier.status === "filed") return toReceipt(res, token);
    if (earlier.status === "pending") return res.status(409).render("public/complaint-pending");
    try {
      await fileOnline(req, res, token);
    } finally {
      // Not filed (a refusal, a throttle, a failure): the form may be sent again.
      if (!res.headersSent || res.statusCode !== 303) releaseFiling(db, token);
    }
  });

  /** The office of the work site chosen (its window and public phone), else the bureau. */
  const officeOf = (district: string): { name: string; phone: string } => {
    const routed = routeWorkSite(db, district);
    const office = routed.ok ? getOffice(db, routed.office.id) : undefined;
    return office?.phone ? { name: office.name, phone: office.phone } : { name: config.bureau.name, phone: config.bureau.phone };
  };

  async function fileOnline(req: Request, res: Response, token: string): Promise<void> {
    const values = readIntakeValues(req.body);
    if (values.workers.length === 0) values.workers = [{}];
    // The filer is the first row and the group's representative.
    values.representative = 0;
    // Without JavaScript, 添加投诉人 sends the form: one more row, nothing filed.
    if (formValues(req.body).intent === "addWorker") {
      if (values.workers.length < ONLINE_MAX_WORKERS) values.workers.push({});
      return void renderComplaint(res, 200, values, {}, token);
    }
    // The short form asks one worker and the essentials; the rest is what an online complaint always is.
    values.fields = { ...values.fields, channel: "online", receivedOn: res.locals.today, claim: values.fields.claim || "请求支付拖欠的工资" };
    const sites = workSiteChoices(db).flatMap((g) => g.divisions);
    const form = parseOnlineIntake(values, res.locals.today, sites);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const evidenceFiles = uploadedFiles(req).filter((f) => f.field === "evidence");
    const rejected = rejectionMessage(uploadedFiles(req), evidenceMaxBytes, "照片或 PDF");
    if (rejected) errors.evidence = rejected;
    else if (!form.ok && evidenceFiles.length) errors.evidence = "照片和 PDF 尚未保存：改好标红的地方后，请重新选择文件再提交。";
    if (!form.ok || rejected) return void renderComplaint(res, 422, values, errors, token);
    const counters = filingCounters({ phone: values.workers[0]?.phone ?? "", device: deviceOf(req, res), address: req.ip ?? "unknown" });
    try {
      for (const { counter, key } of counters) {
        try {
          await filingThrottles[counter].check(key);
        } catch (err) {
          if (!(err instanceof TooManyRequestsError)) throw err;
          throw new TooManyRequestsError(
            filingLimitMessage(counter, Math.ceil(err.retryAfterSeconds / 60), officeOf(form.value.district)),
            err.retryAfterSeconds,
          );
        }
      }
      await everyoneFiling.check("all");
    } catch (err) {
      if (!(err instanceof TooManyRequestsError)) throw err;
      res.set("Retry-After", String(err.retryAfterSeconds));
      return void renderComplaint(res, 429, values, { _form: err.message }, token);
    }
    for (const { counter, key } of counters) await filingThrottles[counter].hit(key);
    await everyoneFiling.hit("all");
    // Routed at once by the work site chosen (docs/rules.md §Offices and jurisdiction).
    const created = registerCase(db, form.value, {
      actorId: null,
      now: now(),
      files: evidenceFiles.map(toStoredFile),
      acknowledgeDays: config.acknowledgeDays,
    });
    keepUploads(req, evidenceFiles);
    completeFiling(db, token, created.id);
    toReceipt(res, token);
  }

  // ---- Progress lookup ----------------------------------------------------------------------

  // The receipt links here with both values filled in; the worker still presses 查询.
  router.get("/query", (req, res) => {
    const q = formValues(req.query);
    res.render("public/query", {
      values: { caseNumber: (q.caseNumber ?? "").slice(0, 20), queryCode: (q.queryCode ?? "").slice(0, 10) },
      errors: {},
      result: null,
    });
  });

  router.post("/query", async (req, res) => {
    const form = parseForm(querySchema, req.body);
    if (!form.ok) return res.status(422).render("public/query", { values: form.values, errors: form.errors, result: null });
    const key = req.ip ?? "unknown";
    try {
      await queryThrottle.check(key);
    } catch (err) {
      if (!(err instanceof TooManyRequestsError)) throw err;
      res.set("Retry-After", String(err.retryAfterSeconds));
      return res.status(429).render("public/query", { values: form.values, errors: { _form: err.message }, result: null });
    }
    await queryThrottle.hit(key);
    const found = publicLookup({ db, config }, form.value.caseNumber, form.value.queryCode, res.locals.today);
    if (!found) return res.status(404).render("public/query", { values: form.values, errors: { _form: NOT_FOUND }, result: null });
    res.render("public/query", { values: form.values, errors: {}, ...found, ...LOOKUP_LABELS });
  });

  return router;
}
