/** A form on the case page: a refused change shows the page again with the reason beside the fields, and the typed values kept. */
import type { FieldErrors, FormValues } from "../forms/form.js";

/** Why a change on the case page was refused, for the form it came from. */
export interface CaseProblem {
  message: string;
  /** The id of the form (and page anchor) the failed request came from. */
  form: string;
  /** Messages beside the fields they are about. */
  errors?: FieldErrors;
  /** What the user typed, to show again. */
  values?: FormValues;
}

/** What a form on the case page shows: opened, with its message, field errors and the typed values when it failed. */
export function formState(problem: CaseProblem | null, id: string) {
  const mine = problem?.form === id ? problem : null;
  const values = mine?.values ?? {};
  const errors = mine?.errors ?? {};
  return {
    id,
    failed: mine !== null,
    message: mine?.message ?? null,
    errors,
    values,
    /** The typed value, or the form's default. */
    value: (key: string, fallback = ""): string => values[key] ?? fallback,
    error: (key: string): string | null => errors[key] ?? null,
  };
}
export type FormState = ReturnType<typeof formState>;
