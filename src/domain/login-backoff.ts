/**
 * Login throttling (docs/rules.md "Hostile input"): counted per account *and* address, so nobody can lock
 * an inspector out from elsewhere and one office behind a shared address is not locked as a whole.
 * The first FREE_FAILURES wrong passwords cost nothing; each further one doubles the wait, from
 * FIRST_WAIT_SECONDS up to MAX_WAIT_SECONDS. Failures older than a day are forgotten.
 * Across addresses the account itself slows down too (240 wrong passwords from 60 addresses once all reached
 * the password check): after ACCOUNT_FREE_FAILURES failures from anywhere, the same doubling waits apply —
 * but never at an address the account has signed in from (KNOWN_ADDRESS_DAYS), so the owner is not locked out.
 */
export const FREE_FAILURES = 4;
export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 60 * 60;
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;
export const ACCOUNT_FREE_FAILURES = 20;
export const KNOWN_ADDRESS_DAYS = 90;

/** Seconds to wait after the `failures`-th consecutive failure, the first `free` ones costing nothing. */
export function waitAfterFailures(failures: number, free = FREE_FAILURES): number {
  if (failures <= free) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(20, failures - free - 1));
}
