/**
 * Throttles of the public forms, kept in memory (one server process): every submission counts. Login
 * throttling is kept in the database (auth/login-throttle.ts).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { TooManyRequestsError } from "../domain/errors.js";

export interface Throttle {
  /** Throws TooManyRequestsError when `key` has used up its allowance. */
  check(key: string): Promise<void>;
  /** Counts one use (or failure) against `key`. */
  hit(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createThrottle(opts: { points: number; windowSeconds: number; message: (minutes: number) => string }): Throttle {
  const limiter = new RateLimiterMemory({ points: opts.points, duration: opts.windowSeconds, blockDuration: opts.windowSeconds });
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
