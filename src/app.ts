/** Builds the Express app without listening, so tests drive it in-process. */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ejs from "ejs";
import express from "express";
import helmet from "helmet";
import type { AppContext } from "./app-context.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import { shanghaiDate } from "./domain/dates.js";
import { maskPersonalDataIn } from "./domain/masking.js";
import { ID_TYPE_LABELS } from "./domain/identifiers.js";
import { compress } from "./http/compress.js";
import { parseQuery, stripControlCharacters } from "./http/control-characters.js";
import { errorHandler, notFoundHandler } from "./http/errors.js";
import { createUpload } from "./http/uploads.js";
import { navFor } from "./http/nav.js";
import { clockToneTag, field, formOpener, optionTags } from "./http/partial-functions.js";
import { viewHelpers } from "./lib/format.js";
import { logger } from "./lib/logger.js";
import { csrfProtection } from "./middleware/csrf.js";
import { htmxFlag } from "./middleware/htmx.js";
import { loadSession } from "./middleware/session.js";
import { adminCalendarRouter } from "./routes/admin-calendar.js";
import { adminUnitsRouter } from "./routes/admin-units.js";
import { adminUsersRouter } from "./routes/admin-users.js";
import { adminOfficesRouter } from "./routes/admin-offices.js";
import { jurisdictionRouter } from "./routes/jurisdiction.js";
import { transfersRouter } from "./routes/transfers.js";
import { authRouter } from "./routes/auth.js";
import { calendarRouter } from "./routes/calendar.js";
import { casesRouter } from "./routes/cases.js";
import { caseSectionsRouter } from "./routes/case-sections.js";
import { publicRouter } from "./routes/public.js";
import { projectRoot } from "./lib/project-root.js";
import { inquiriesRouter } from "./routes/inquiries.js";
import { settlementsRouter } from "./routes/settlements.js";
import { taskForceRouter } from "./routes/task-force.js";
import { homeRouter } from "./routes/home.js";
import { oversightRouter } from "./routes/oversight.js";
import { blacklistRouter } from "./routes/blacklist.js";
import { publicListsRouter } from "./routes/public-lists.js";
import { violationsRouter } from "./routes/violations.js";
import { employersRouter } from "./routes/employers.js";
import { emergencyFundsRouter } from "./routes/emergency-funds.js";
import { projectsRouter } from "./routes/projects.js";
import { specialActionsRouter } from "./routes/special-actions.js";
import { riskPointsRouter } from "./routes/risk-points.js";
import { cityBoardRouter } from "./routes/city-board.js";
import { dashboardRouter } from "./routes/dashboard.js";
import { exportsRouter } from "./routes/exports.js";
import { pageCache } from "./http/page-cache.js";
import { ratingsRouter } from "./routes/ratings.js";
import { reportsRouter } from "./routes/reports.js";
import { adminOutboxRouter } from "./routes/admin-outbox.js";

const root = projectRoot;
const require = createRequire(import.meta.url);
const htmxPath = require.resolve("htmx.org/dist/htmx.min.js");
export const HTMX_VERSION = (require("htmx.org/package.json") as { version: string }).version;

export function createApp(opts: { db: Db; config: Config; now?: () => Date }): express.Express {
  const ctx: AppContext = {
    db: opts.db,
    config: opts.config,
    now: opts.now ?? (() => new Date()),
    upload: createUpload({ dir: opts.config.evidenceDir, evidenceMaxBytes: opts.config.evidenceMaxBytes }),
    pageCache: pageCache(opts.db, opts.now ?? (() => new Date())),
  };
  const app = express();
  const views = join(root, "views");
  // Views name what they include from the views folder ("/partials/_head"), resolved against `root` with no look
  // on disk: EJS checks that a relative name's file exists on every include, a case page's hundred of them.
  app.engine("ejs", (file, data, done) =>
    ejs.renderFile(
      file,
      data as ejs.Data,
      // unsafePrototypeLocals: a template is given the locals object itself rather than a copy of it — Express builds
      // a fresh one per render and EJS a fresh one per include — so a case page's thirty includes copy the locals once each, not twice.
      // (EJS 7 option, not yet in @types/ejs.)
      { root: views, cache: Boolean((data as { cache?: boolean }).cache), unsafePrototypeLocals: true } as ejs.Options,
      done as (err: Error | null, html?: string) => void,
    ),
  );
  app.set("view engine", "ejs");
  app.set("views", views);
  app.set("trust proxy", ctx.config.trustProxy ? 1 : false);
  app.disable("x-powered-by");
  // Pages are built per request (and carry the session's form token): hashing each body for an ETag costs
  // more than it saves. Static files keep theirs (express.static).
  app.set("etag", false);
  Object.assign(app.locals, viewHelpers, {
    field,
    clockToneTag,
    formOpener,
    optionTags,
    htmxVersion: HTMX_VERSION,
    bureau: ctx.config.bureau,
    authority: ctx.config.authority,
    idTypeLabels: ID_TYPE_LABELS,
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "script-src": ["'self'"],
          "style-src": ["'self'", "'unsafe-inline'"],
          // Charts are images of our own (src/http/charts.ts): no data: URI is needed.
          "img-src": ["'self'"],
          "form-action": ["'self'"],
          "upgrade-insecure-requests": ctx.config.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: ctx.config.cookieSecure,
    }),
  );
  app.use(compress);
  app.get(`/js/htmx-${HTMX_VERSION}.min.js`, (_req, res) => res.sendFile(htmxPath, { maxAge: "365d", immutable: true }));
  // Pages declare the icon; a client that asks for the old name gets it too (no 404 in every console).
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/img/favicon.svg"));
  // Each folder of public/ under its own path: a page's address never costs a look on disk.
  for (const folder of readdirSync(join(root, "public"))) app.use(`/${folder}`, express.static(join(root, "public", folder), { maxAge: "1h" }));

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, path: maskPersonalDataIn(req.path), status: res.statusCode, ms: Math.round(ms), user: res.locals.user?.id }, "request");
    });
    next();
  });
  app.set("query parser", parseQuery);
  app.use(express.urlencoded({ extended: false, limit: "1mb", parameterLimit: 5000 }));
  app.use(stripControlCharacters);
  app.use(htmxFlag);
  app.use(loadSession(ctx.db, { cookieSecure: ctx.config.cookieSecure, now: ctx.now }));
  app.use((req, res, next) => {
    res.locals.nav = navFor(res.locals.user?.role ?? null, req.path);
    res.locals.today = shanghaiDate(ctx.now());
    next();
  });
  app.use(csrfProtection);

  app.use(homeRouter(ctx));
  app.use(authRouter(ctx));
  app.use(calendarRouter(ctx));
  app.use(publicRouter(ctx));
  app.use(casesRouter(ctx));
  app.use(caseSectionsRouter(ctx));
  app.use(jurisdictionRouter(ctx));
  app.use(transfersRouter(ctx));
  app.use(settlementsRouter(ctx));
  app.use(inquiriesRouter(ctx));
  app.use(taskForceRouter(ctx));
  app.use(blacklistRouter(ctx));
  app.use(publicListsRouter(ctx));
  app.use(violationsRouter(ctx));
  app.use(employersRouter(ctx));
  app.use(projectsRouter(ctx));
  app.use(specialActionsRouter(ctx));
  app.use(riskPointsRouter(ctx));
  app.use(dashboardRouter(ctx));
  app.use(cityBoardRouter(ctx));
  app.use(emergencyFundsRouter(ctx));
  app.use(exportsRouter(ctx));
  app.use(ratingsRouter(ctx));
  app.use(reportsRouter(ctx));
  app.use(adminUsersRouter(ctx));
  app.use(adminOfficesRouter(ctx));
  app.use(adminUnitsRouter(ctx));
  app.use(adminCalendarRouter(ctx));
  app.use(oversightRouter(ctx));
  app.use(adminOutboxRouter(ctx));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
