/**
 * Login throttling (docs/rules.md "Hostile input"): counted per account *and* address, so nobody can lock
 * an inspector out from elsewhere and one office behind a shared address is not locked as a whole.
 * The first FREE_FAILURES wrong passwords cost nothing; each further one doubles the wait, from
 * FIRST_WAIT_SECONDS up to MAX_WAIT_SECONDS. Failures older than a day are forgotten.
 */
export const FREE_FAILURES = 4;
export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 60 * 60;
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** Seconds the pair must wait after its `failures`-th consecutive failure. */
export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(20, failures - FREE_FAILURES - 1));
}
