/** The admin's office form: name, kind, public phone and address, 文号 prefix, and the divisions it covers (one per line). */
import { z } from "zod";
import { OFFICE_KINDS } from "../domain/jurisdiction.js";
import { optionalText, requiredText } from "./form.js";

const MAX_DIVISIONS = 50;

export const officeSchema = z.object({
  name: requiredText("机构名称", 40),
  kind: z.enum(OFFICE_KINDS, { error: "请选择机构层级" }),
  phone: optionalText("对外电话", 30),
  address: optionalText("办公地址", 100),
  docPrefix: requiredText("文号前缀", 20),
  divisions: z
    .string()
    .optional()
    .default("")
    .transform((text) => [...new Set(text.split(/[\n\r、,，]+/).map((d) => d.trim()))].filter(Boolean))
    .refine((names) => names.every((n) => n.length <= 20), "每个行政区划名称不能超过 20 个字")
    .refine((names) => names.length <= MAX_DIVISIONS, `一个机构最多管辖 ${MAX_DIVISIONS} 个行政区划`),
});
