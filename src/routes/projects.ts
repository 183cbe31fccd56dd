/** 工程建设项目: the office's list, the record and its form, the spreadsheet import, the 工资保证金's uses. */
import { readFile } from "node:fs/promises";
import { boundedInt } from "../domain/bounds.js";
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../app-context.js";
import { staffAbilities } from "../domain/case-abilities.js";
import { STATE_LABELS } from "../domain/case-states.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { DomainError, ForbiddenError, ValidationError } from "../domain/errors.js";
import { GUARANTEE_FORMS, GUARANTEE_FORM_LABELS, SAFEGUARDS, SAFEGUARD_LABELS } from "../domain/projects.js";
import { RISK_STATUS_LABELS } from "../domain/special-actions.js";
import { fieldErrorsOf, formValues, isoDate, parseForm, valid, requiredText, optionalText, yuan, type FieldErrors, type FormValues } from "../forms/form.js";
import { fieldLabel, MAX_IMPORT_ROWS, parseProject, PROJECT_HEADERS, projectRowsOf } from "../forms/project-form.js";
import { readTable } from "../forms/spreadsheet-table.js";
import { viewerOf } from "../http/case-page.js";
import { figuresScopeOf } from "../http/figures-scope.js";
import { formState } from "../http/form-state.js";
import { idParam } from "../http/params.js";
import { renderPageOrPartial } from "../http/render.js";
import { rejectionMessage, uploadedFiles } from "../http/uploads.js";
import { requireRole } from "../middleware/require-role.js";
import { loadCalendar } from "../models/calendar.js";
import { getOffice, listOffices, workSiteChoices } from "../models/offices.js";
import {
  createProject,
  importProjects,
  listProjects,
  projectPage,
  recordGuaranteeUse,
  recordTopUp,
  updateProject,
  visibleProject,
} from "../models/projects.js";
import { z } from "zod";

const guaranteeUseForm = z.object({
  orderId: z.coerce.number({ error: "请选择未履行的责令限期支付指令书" }).int().positive("请选择未履行的责令限期支付指令书"),
  usedOn: isoDate("动用日期"),
  amount: yuan("动用金额"),
  payer: requiredText("支付银行或担保机构", 100),
  workersPaid: z.coerce.number({ error: "请填写支付的农民工人数" }).int("农民工人数应为整数").min(1, "请填写支付的农民工人数").max(100_000, "农民工人数过大"),
  note: optionalText("说明", 500),
});

const topUpForm = z.object({ toppedUpOn: isoDate("补足日期"), amount: yuan("补足金额") });

export function projectsRouter(ctx: AppContext): Router {
  const { db, now, upload } = ctx;
  const router = Router();
  const staff = requireRole("clerk", "inspector", "supervisor");
  const workers = requireRole("inspector", "supervisor");
  // The divisions a viewer may record projects in: their office's (属地管理); the city's staff every office's.
  const workSites = (res: Response) => {
    const viewer = viewerOf(res);
    const own = viewer.officeId === null ? null : getOffice(db, viewer.officeId)?.name;
    return workSiteChoices(db).filter((g) => viewer.cityWide || g.office === own);
  };

  const indexPage = (
    req: Request,
    res: Response,
    status = 200,
    importProblem: { message: string; problems: { line: number; messages: string[] }[] } | null = null,
    imported: number | null = null,
  ) => {
    const scope = figuresScopeOf(db, req, res);
    const q = formValues(req.query);
    const filter = { officeId: scope.officeId, q: (q.q ?? "").slice(0, 60), missingOnly: q.missing === "1", guarantee: q.guarantee ?? "" };
    const can = staffAbilities(viewerOf(res), { inspectorsReadAll: false });
    // Another page keeps the filters (and the city's office filter) in its link.
    const pageLink = (p: number) => {
      const params = new URLSearchParams();
      if (scope.officeId !== null && can.everyOffice) params.set("office", String(scope.officeId));
      if (filter.q) params.set("q", filter.q);
      if (filter.guarantee) params.set("guarantee", filter.guarantee);
      if (filter.missingOnly) params.set("missing", "1");
      if (p > 1) params.set("page", String(p));
      const query = params.toString();
      return `/projects${query ? `?${query}` : ""}`;
    };
    res.status(status);
    renderPageOrPartial(res, "projects/index", "projects/_list", {
      list: listProjects(db, filter, boundedInt(q.page, 1, 1_000_000) ?? 1),
      pageLink,
      filter,
      scope,
      offices: can.everyOffice ? listOffices(db) : [],
      mayEdit: res.locals.user!.role !== "clerk",
      importProblem,
      imported,
      maxRows: MAX_IMPORT_ROWS,
      headers: PROJECT_HEADERS,
      guaranteeForms: GUARANTEE_FORMS.map((g) => [g, GUARANTEE_FORM_LABELS[g]]),
      safeguards: SAFEGUARDS,
      safeguardLabels: SAFEGUARD_LABELS,
    });
  };

  router.get("/projects", staff, ctx.pageCache.keep, (req, res) => indexPage(req, res));

  const formPage = (
    res: Response,
    status: number,
    values: FormValues,
    errors: FieldErrors,
    project: { id: number; version: number } | null,
    message: string | null = null,
  ) => {
    res.status(status).render("projects/form", {
      f: formState({ form: "project", message: message ?? "", errors, values }, "project"),
      values,
      project,
      workSites: workSites(res),
      guaranteeForms: [["", "未存储"], ...GUARANTEE_FORMS.map((g) => [g, GUARANTEE_FORM_LABELS[g]])],
    });
  };

  router.get("/projects/new", workers, (_req, res) => formPage(res, 200, {}, {}, null));

  const save = (req: Request, res: Response, project: { id: number; version: number } | null) => {
    const values = formValues(req.body);
    const sites = workSites(res).flatMap((g) => g.divisions);
    const parsed = parseProject(values, sites);
    if (!parsed.ok) return formPage(res, 422, values, parsed.errors, project, "请按提示修改后再保存。");
    try {
      if (project) updateProject(db, project.id, Number(values.version), parsed.value, viewerOf(res), now());
      res.redirect(303, `/projects/${project?.id ?? createProject(db, parsed.value, viewerOf(res), now())}`);
    } catch (err) {
      if (!(err instanceof DomainError) || err instanceof ForbiddenError) throw err;
      formPage(res, err instanceof ValidationError ? 422 : err.status, values, err instanceof ValidationError ? fieldErrorsOf(err) : {}, project, err.message);
    }
  };

  router.post("/projects", workers, (req, res) => save(req, res, null));

  router.post("/projects/import", workers, upload.array("projects", 1), async (req, res) => {
    const [file] = uploadedFiles(req);
    const refuse = (message: string, problems: { line: number; messages: string[] }[] = []) => indexPage(req, res, 422, { message, problems });
    if (!file) return refuse("请选择项目清单文件（CSV 或 XLSX）");
    const rejected = rejectionMessage([file], 5 * 1024 * 1024);
    if (rejected) return refuse(rejected);
    const table = await readTable(file.originalName, await readFile(file.path), { maxRows: MAX_IMPORT_ROWS + 2, noun: "项目清单" });
    if (!table.ok) return refuse(table.error);
    const rows = projectRowsOf(table.table);
    if (!rows.ok) return refuse(rows.error);
    const sites = workSites(res).flatMap((g) => g.divisions);
    const result = importProjects(db, rows.rows, sites, viewerOf(res), now(), fieldLabel);
    if (!result.ok) return refuse(`“${file.originalName}”有 ${result.problems.length} 行有误，未导入任何项目。请修改后重新导入。`, result.problems);
    indexPage(req, res, 200, null, result.count);
  });

  const showPage = (
    req: Request,
    res: Response,
    status = 200,
    problem: { form: string; message: string; errors: FieldErrors; values: FormValues } | null = null,
  ) => {
    const page = projectPage(db, idParam(req), viewerOf(res), res.locals.today, loadCalendar(db));
    res.status(status).render("projects/show", {
      ...page,
      problem,
      mayEdit: res.locals.user!.role !== "clerk",
      guaranteeFormLabels: GUARANTEE_FORM_LABELS,
      safeguardLabels: SAFEGUARD_LABELS,
      stateLabels: STATE_LABELS,
      riskStatusLabels: RISK_STATUS_LABELS,
      clockLabels: CLOCK_STATUS_LABELS,
      useForm: formState(problem, "guarantee-use"),
      topUpForm: (useId: number) => formState(problem, `top-up-${useId}`),
    });
  };

  router.get("/projects/:id", staff, ctx.pageCache.keep, (req, res) => showPage(req, res));

  router.get("/projects/:id/edit", workers, (req, res) => {
    const p = visibleProject(db, idParam(req), viewerOf(res));
    const page = projectPage(db, p.id, viewerOf(res), res.locals.today, loadCalendar(db));
    const values: FormValues = {
      name: p.name,
      address: p.address,
      district: page.divisionName,
      builderName: p.builderName,
      builderUscc: p.builderUscc ?? "",
      contractorName: p.contractorName,
      contractorUscc: p.contractorUscc,
      subcontractors: page.subcontractors.map((s) => `${s.name} ${s.uscc}`).join("\n"),
      contract: (p.contractFen / 100).toFixed(2),
      startOn: p.startOn,
      endOn: p.endOn ?? "",
      wageAccountBank: p.wageAccountBank,
      wageAccountOpenedOn: p.wageAccountOpenedOn ?? "",
      realName: p.realName ? "on" : "",
      contractorPays: p.contractorPays ? "on" : "",
      guaranteeForm: p.guaranteeForm ?? "",
      guarantee: p.guaranteeForm ? (p.guaranteeFen / 100).toFixed(2) : "",
      guarantor: p.guarantor,
      guaranteeFrom: p.guaranteeFrom ?? "",
      guaranteeUntil: p.guaranteeUntil ?? "",
      noticeBoard: p.noticeBoard ? "on" : "",
      version: String(p.version),
    };
    formPage(res, 200, values, {}, { id: p.id, version: p.version });
  });

  router.post("/projects/:id", workers, (req, res) => {
    const p = visibleProject(db, idParam(req), viewerOf(res));
    save(req, res, { id: p.id, version: p.version });
  });

  const act = (path: string, form: (req: Request) => string, run: (req: Request, res: Response) => void) =>
    router.post(`/projects/:id/${path}`, workers, (req, res) => {
      try {
        run(req, res);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showPage(req, res, 422, { form: form(req), message: err.message, errors: fieldErrorsOf(err), values: formValues(req.body) });
      }
      res.redirect(303, `/projects/${idParam(req)}#guarantee`);
    });

  act(
    "guarantee-uses",
    () => "guarantee-use",
    (req, res) => {
      const { amount, ...rest } = valid(parseForm(guaranteeUseForm, req.body));
      recordGuaranteeUse(db, idParam(req), { ...rest, amountFen: amount }, viewerOf(res), loadCalendar(db), now());
    },
  );

  act(
    "guarantee-uses/:useId/top-up",
    (req) => `top-up-${req.params.useId}`,
    (req, res) => {
      const form = valid(parseForm(topUpForm, req.body));
      recordTopUp(db, idParam(req), idParam(req, "useId"), { toppedUpOn: form.toppedUpOn, amountFen: form.amount }, viewerOf(res), now());
    },
  );

  return router;
}
