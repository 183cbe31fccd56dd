/**
 * The outbox of notices to workers (docs/rules.md §Notices to workers): every notice with its status, attempts
 * and last error; a failed one resent, a notice for post marked as printed or posted, a pass of the sender run
 * now. The admin's page: phone numbers masked (the admin works no case).
 */
import { Router } from "express";
import type { AppContext } from "../app-context.js";
import { maskPhone } from "../domain/masking.js";
import { NOTICE_KIND_LABELS } from "../domain/worker-notices.js";
import { idParam } from "../http/params.js";
import { requireRole } from "../middleware/require-role.js";
import {
  OUTBOX_STATUSES,
  OUTBOX_STATUS_LABELS,
  listOutbox,
  markPosted,
  noticeBody,
  outboxCounts,
  resendNotice,
  type OutboxStatus,
} from "../models/worker-notices.js";
import { senderSettings, transportFor } from "../notify/index.js";
import { runSender } from "../notify/sender.js";

export function adminOutboxRouter({ db, config, now }: AppContext): Router {
  const router = Router();
  router.use("/admin/outbox", requireRole("admin"));
  const transport = transportFor(db, config);

  router.get("/admin/outbox", (req, res) => {
    const status = (OUTBOX_STATUSES as readonly string[]).includes(String(req.query.status)) ? (req.query.status as OutboxStatus) : undefined;
    const before = /^[1-9]\d{0,15}$/.test(String(req.query.before ?? "")) ? Number(req.query.before) : undefined;
    const { rows, more } = listOutbox(db, { status, before });
    res.render(res.locals.isHtmx ? "outbox/_rows" : "outbox/index", {
      status,
      counts: outboxCounts(db),
      statusLabels: OUTBOX_STATUS_LABELS,
      kindLabels: NOTICE_KIND_LABELS,
      rows: rows.map((r) => ({ ...r, phone: maskPhone(r.phone), text: r.body ?? noticeBody(r, config.publicBaseUrl) })),
      more,
      transportName: transport.name,
      run: req.query.sent === undefined ? null : { sent: Number(req.query.sent), held: Number(req.query.held ?? 0), failed: Number(req.query.failed ?? 0) },
    });
  });

  router.post("/admin/outbox/send", async (_req, res) => {
    const run = await runSender(db, transport, senderSettings(config), now);
    res.redirect(303, `/admin/outbox?sent=${run.sent}&held=${run.held}&failed=${run.failed}`);
  });

  router.post("/admin/outbox/:id/resend", (req, res) => {
    resendNotice(db, idParam(req), now());
    res.redirect(303, "/admin/outbox?status=queued");
  });

  router.post("/admin/outbox/:id/posted", (req, res) => {
    markPosted(db, idParam(req), now(), config.publicBaseUrl);
    res.redirect(303, "/admin/outbox?status=toPost");
  });

  return router;
}
