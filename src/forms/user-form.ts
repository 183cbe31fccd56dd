import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password.js";
import { ROLES } from "../domain/roles.js";
import { requiredText } from "./form.js";

const password = z.string({ error: "请填写密码" }).min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`).max(128, "密码不能超过 128 位");

const profile = z
  .object({
    displayName: requiredText("姓名", 40),
    role: z.enum(ROLES, { error: "请选择角色" }),
    unitId: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null)),
    // Every user belongs to one office (docs/rules.md §Offices and jurisdiction).
    officeId: z
      .string({ error: "请选择所属监察机构" })
      .regex(/^[1-9]\d{0,9}$/, "请选择所属监察机构")
      .transform(Number),
  })
  .refine((u) => u.role !== "unit" || (u.unitId !== null && Number.isInteger(u.unitId)), {
    path: ["unitId"],
    message: "专班成员单位联络员必须选择所属成员单位",
  })
  .transform((u) => ({ ...u, unitId: u.role === "unit" ? u.unitId : null }));

export const newUserSchema = z
  .object({
    username: z
      .string({ error: "请填写用户名" })
      .trim()
      .regex(/^[a-z][a-z0-9_]{2,31}$/, "用户名为 3–32 位小写字母、数字或下划线，以字母开头"),
    password,
  })
  .and(profile);

export const editUserSchema = profile;

export const passwordSchema = z.object({ password });
