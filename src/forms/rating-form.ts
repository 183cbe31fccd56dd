/** The worker's 好差评 form and the supervisor's 回访 form (docs/rules.md § 好差评). */
import { z } from "zod";
import { RATING_LEVELS, RATING_REASONS, type RatingReason } from "../domain/ratings.js";
import { isoDate, optionalText, parseForm, type FormResult } from "./form.js";
import type { RatingInput } from "../models/ratings.js";
import type { FollowupInput } from "../domain/ratings.js";

const ratingSchema = z.object({
  level: z.enum(RATING_LEVELS, { error: "请选择满意程度" }),
  comment: optionalText("评价内容", 500),
  phone: optionalText("手机号码", 20),
});

/** The reasons ticked (any of RATING_REASONS; anything else is ignored). */
function reasonsOf(body: unknown): RatingReason[] {
  const raw = typeof body === "object" && body !== null ? (body as Record<string, unknown>).reasons : undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  return RATING_REASONS.filter((r) => list.includes(r));
}

export function parseRating(body: unknown): FormResult<{ input: RatingInput; phone: string }> {
  const form = parseForm(ratingSchema, body);
  if (!form.ok) return form;
  const { level, comment, phone } = form.value;
  return { ok: true, values: form.values, value: { input: { level, comment, reasons: reasonsOf(body) }, phone } };
}

const followupSchema = z.object({
  ratingId: z.coerce.number({ error: "评价不存在" }).int().positive("评价不存在"),
  version: z.coerce.number({ error: "请刷新页面后再填写" }).int().positive("请刷新页面后再填写"),
  calledOn: isoDate("回访日期"),
  reached: z.enum(["yes", "no"], { error: "请选择是否联系上劳动者" }),
  justified: z.enum(["yes", "no", ""]).optional().default(""),
  findings: optionalText("回访核实情况", 1000),
  rectification: optionalText("整改情况", 1000),
  answer: optionalText("答复内容", 500),
});

export function parseFollowup(body: unknown): FormResult<{ ratingId: number; version: number; input: FollowupInput }> {
  const form = parseForm(followupSchema, body);
  if (!form.ok) return form;
  const v = form.value;
  const reached = v.reached === "yes";
  return {
    ok: true,
    values: form.values,
    value: {
      ratingId: v.ratingId,
      version: v.version,
      input: {
        calledOn: v.calledOn,
        reached,
        justified: reached && v.justified !== "" ? v.justified === "yes" : null,
        findings: v.findings,
        rectification: v.rectification,
        answer: v.answer,
      },
    },
  };
}
