/** 专项行动: the list, the action page (groups, inspections, risk points, the result sentence) and its XLSX. */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { AppContext } from "../app-context.js";
import { boundedInt } from "../domain/bounds.js";
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { ValidationError } from "../domain/errors.js";
import { CHECK_ITEMS, CHECK_ITEM_LABELS, CHECK_RESULTS, CHECK_RESULT_LABELS, RISK_STATUS_LABELS } from "../domain/special-actions.js";
import { fieldErrorsOf, formValues, isoDate, optionalText, parseForm, requiredText, valid, yuan, type FieldErrors, type FormValues } from "../forms/form.js";
import { viewerOf } from "../http/case-page.js";
import { formState } from "../http/form-state.js";
import { idParam } from "../http/params.js";
import { renderPageOrPartial } from "../http/render.js";
import { sendSpreadsheet } from "../http/spreadsheet.js";
import { requireRole } from "../middleware/require-role.js";
import { loadCalendar } from "../models/calendar.js";
import { listOffices } from "../models/offices.js";
import {
  actionPage,
  actionSheets,
  addGroup,
  addRisk,
  addRiskPayment,
  createAction,
  fileRisk,
  inspectableProjects,
  listActions,
  recordInspection,
  resolveRisk,
  visibleAction,
} from "../models/special-actions.js";
import { listUnits } from "../models/units.js";

const count = (label: string, max: number) =>
  z.coerce
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max}`);
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v && /^[1-9]\d{0,15}$/.test(v) ? Number(v) : null));

const actionForm = z.object({
  name: requiredText("行动名称", 100),
  startsOn: isoDate("开始日期"),
  endsOn: isoDate("结束日期"),
  scope: requiredText("检查范围", 1000),
});
const groupForm = z.object({
  name: requiredText("检查组名称", 50),
  leader: requiredText("组长", 50),
  officeId: z.coerce.number({ error: "请选择检查组所属机构" }).int().positive("请选择检查组所属机构"),
});
const inspectionForm = z.object({
  groupId: z.coerce.number({ error: "请选择检查组" }).int().positive("请选择检查组"),
  projectId: optionalId,
  employerName: optionalText("用人单位", 100),
  employerUscc: optionalText("统一社会信用代码", 18),
  inspectedOn: isoDate("检查日期"),
  persons: count("参加检查人数", 50),
  findings: optionalText("检查发现", 2000),
  ...Object.fromEntries(CHECK_ITEMS.map((k) => [k, z.enum(CHECK_RESULTS, { error: `请选择“${CHECK_ITEM_LABELS[k]}”的检查结果` })])),
});
const riskForm = z.object({
  description: requiredText("风险点", 500),
  amount: yuan("涉及金额"),
  workers: count("涉及人数", 100_000),
  responsible: requiredText("责任单位", 100),
  resolveBy: isoDate("整改期限"),
});
const paymentForm = z.object({
  paidOn: isoDate("支付日期"),
  amount: yuan("支付金额"),
  workers: count("支付人数", 100_000),
  proof: optionalText("支付凭证", 200),
});
const fileForm = z.object({ caseNumber: requiredText("案件编号", 30) });

/** The member rows of the group form: member.N.name and member.N.from ("office:ID" or "unit:ID"). */
const MEMBER_ROWS = 8;
function membersOf(values: FormValues) {
  return Array.from({ length: MEMBER_ROWS }, (_, i) => ({
    name: (values[`member.${i}.name`] ?? "").trim().slice(0, 50),
    from: values[`member.${i}.from`] ?? "",
  })).filter((m) => m.name !== "");
}

export function specialActionsRouter(ctx: AppContext): Router {
  const { db, now } = ctx;
  const router = Router();
  const staff = requireRole("inspector", "supervisor");
  const supervisor = requireRole("supervisor");

  const indexPage = (res: Response, status: number, values: FormValues, errors: FieldErrors, message: string | null) => {
    res.status(status).render("actions/index", {
      actions: listActions(db, viewerOf(res)),
      mayCreate: res.locals.user!.role === "supervisor",
      f: formState(message ? { form: "new-action", message, errors, values } : null, "new-action"),
    });
  };

  router.get("/actions", staff, ctx.pageCache.keep, (_req, res) => indexPage(res, 200, {}, {}, null));

  router.post("/actions", supervisor, (req, res) => {
    try {
      const id = createAction(db, valid(parseForm(actionForm, req.body)), viewerOf(res), now());
      res.redirect(303, `/actions/${id}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      indexPage(res, 422, formValues(req.body), fieldErrorsOf(err), "请按提示修改后再提交。");
    }
  });

  const showPage = (
    req: Request,
    res: Response,
    status = 200,
    problem: { form: string; message: string; errors: FieldErrors; values: FormValues } | null = null,
  ) => {
    const viewer = viewerOf(res);
    const page = actionPage(db, idParam(req), viewer, res.locals.today, loadCalendar(db), boundedInt(req.query.page, 1, 1_000_000) ?? 1);
    const offices = listOffices(db, { activeOnly: true });
    res.status(status);
    // htmx (a page of inspections) gets the inspections alone.
    renderPageOrPartial(res, "actions/show", "actions/_inspections", {
      ...page,
      pageLink: (p: number) => `/actions/${page.action.id}${p > 1 ? `?page=${p}` : ""}#inspections`,
      problem,
      form: (id: string) => formState(problem, id),
      mayAddGroup: res.locals.user!.role === "supervisor",
      groupOffices: offices.filter((o) => viewer.cityWide || o.id === viewer.officeId).map((o) => [o.id, o.name]),
      memberSources: [
        ["", "请选择"],
        ...offices.map((o) => [`office:${o.id}`, o.name]),
        ...listUnits(db).map((u) => [`unit:${u.id}`, `${u.name}（专班成员单位）`]),
      ],
      memberRows: MEMBER_ROWS,
      projects: inspectableProjects(db, viewer),
      checkItems: CHECK_ITEMS,
      checkItemLabels: CHECK_ITEM_LABELS,
      checkResults: CHECK_RESULTS.map((r) => [r, CHECK_RESULT_LABELS[r]]),
      checkResultLabels: CHECK_RESULT_LABELS,
      riskStatusLabels: RISK_STATUS_LABELS,
      clockLabels: CLOCK_STATUS_LABELS,
    });
  };

  router.get("/actions/:id", staff, ctx.pageCache.keep, (req, res) => showPage(req, res));

  router.get("/exports/actions/:id.xlsx", staff, async (req, res) => {
    const page = actionPage(db, idParam(req), viewerOf(res), res.locals.today, loadCalendar(db));
    await sendSpreadsheet(res, "xlsx", `专项行动-${page.action.id}`, actionSheets(page));
  });

  /** A change on the action page: refused, the page again with the form's messages and typed values. */
  const act = (path: string, roles: ReturnType<typeof requireRole>, form: (req: Request) => string, run: (req: Request, res: Response) => void) =>
    router.post(`/actions/:id/${path}`, roles, (req, res) => {
      visibleAction(db, idParam(req), viewerOf(res));
      try {
        run(req, res);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        return showPage(req, res, 422, { form: form(req), message: err.message, errors: fieldErrorsOf(err), values: formValues(req.body) });
      }
      res.redirect(303, `/actions/${idParam(req)}#${form(req)}`);
    });

  act(
    "groups",
    supervisor,
    () => "new-group",
    (req, res) => {
      const members = membersOf(formValues(req.body));
      if (members.length === 0) throw new ValidationError("请至少填写一名组员", "members");
      addGroup(db, idParam(req), { ...valid(parseForm(groupForm, req.body)), members }, viewerOf(res), now());
    },
  );

  act(
    "inspections",
    staff,
    () => "new-inspection",
    (req, res) => {
      const { groupId, projectId, employerName, employerUscc, inspectedOn, persons, findings, ...checks } = valid(parseForm(inspectionForm, req.body));
      const checklist = Object.fromEntries(CHECK_ITEMS.map((k) => [k, (checks as Record<string, unknown>)[k]])) as Parameters<
        typeof recordInspection
      >[2]["checklist"];
      recordInspection(
        db,
        idParam(req),
        { groupId, projectId, employerName, employerUscc: employerUscc || null, inspectedOn, persons, findings, checklist },
        viewerOf(res),
        now(),
      );
    },
  );

  act(
    "inspections/:inspectionId/risks",
    staff,
    (req) => `risk-${req.params.inspectionId}`,
    (req, res) => {
      const { amount, ...rest } = valid(parseForm(riskForm, req.body));
      addRisk(db, idParam(req), idParam(req, "inspectionId"), { ...rest, amountFen: amount }, viewerOf(res), now());
    },
  );

  act(
    "risks/:riskId/payments",
    staff,
    (req) => `risk-payment-${req.params.riskId}`,
    (req, res) => {
      const { amount, ...rest } = valid(parseForm(paymentForm, req.body));
      addRiskPayment(db, idParam(req), idParam(req, "riskId"), { ...rest, amountFen: amount }, viewerOf(res), now());
    },
  );

  act(
    "risks/:riskId/resolve",
    staff,
    (req) => `risk-payment-${req.params.riskId}`,
    (req, res) => resolveRisk(db, idParam(req), idParam(req, "riskId"), viewerOf(res), now()),
  );

  act(
    "risks/:riskId/file",
    staff,
    (req) => `risk-file-${req.params.riskId}`,
    (req, res) => fileRisk(db, idParam(req), idParam(req, "riskId"), valid(parseForm(fileForm, req.body)).caseNumber, viewerOf(res), now()),
  );

  return router;
}
