/**
 * Throttles of the public forms: every submission counts. Kept in the database (form_throttles), so the
 * allowance holds however many web processes serve (WEB_WORKERS) and survives a restart. Login
 * throttling has its own table (auth/login-throttle.ts).
 */
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import type { Db } from "../db/client.js";
import { getTableName } from "drizzle-orm";
import { formThrottles } from "../db/schema.js";
import { TooManyRequestsError } from "../domain/errors.js";

export interface Throttle {
  /** Throws TooManyRequestsError when `key` has used up its allowance. */
  check(key: string): Promise<void>;
  /** Counts one use (or failure) against `key`. */
  hit(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createThrottle(db: Db, opts: { name: string; points: number; windowSeconds: number; message: (minutes: number) => string }): Throttle {
  const limiter = new RateLimiterSQLite({
    storeClient: db.$client,
    storeType: "better-sqlite3",
    // Created by a migration (drizzle/), not by the library.
    tableName: getTableName(formThrottles),
    tableCreated: true,
    // Rows of windows that ended an hour ago are deleted every five minutes.
    clearExpiredByTimeout: true,
    keyPrefix: opts.name,
    points: opts.points,
    duration: opts.windowSeconds,
    blockDuration: opts.windowSeconds,
  });
  const refuse = (res: RateLimiterRes): never => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw new TooManyRequestsError(opts.message(Math.ceil(seconds / 60)), seconds);
  };
  return {
    async check(key) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= opts.points) refuse(res);
    },
    async hit(key) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) return; // the next check() refuses
        throw err;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
