/** The service record form (送达), shared by every served document; domain/service.ts checks it. */
import { z } from "zod";
import type { ServiceInput } from "../domain/service.js";
import { formValues } from "./form.js";

export function textField(body: unknown, key: string): string {
  return formValues(body)[key] ?? "";
}

export function checked(body: unknown, key: string): boolean {
  return Boolean(formValues(body)[key]);
}

/** A service record as typed; domain/service.ts checks it. */
export function parseService(body: unknown): ServiceInput {
  const text = (key: string) => textField(body, key);
  return {
    method: text("method"),
    servedOn: text("servedOn"),
    receiver: text("receiver"),
    witnesses: text("witnesses"),
    trackingNumber: text("trackingNumber"),
    consent: checked(body, "consent"),
    publishedOn: text("publishedOn"),
    note: text("note"),
  };
}

/** The service fields as a section form's schema (src/sections/section.ts): kept as typed; domain/service.ts checks them. */
export const serviceFields = {
  method: z.string().default(""),
  servedOn: z.string().default(""),
  receiver: z.string().default(""),
  witnesses: z.string().default(""),
  trackingNumber: z.string().default(""),
  consent: z
    .string()
    .optional()
    .transform((v) => Boolean(v)),
  publishedOn: z.string().default(""),
  note: z.string().default(""),
};
