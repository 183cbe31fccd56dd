/**
 * Throttles kept in memory (one server process). Login counts failures only; a success clears the
 * account's count. The public forms count every submission.
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

export interface LoginThrottles {
  account: Throttle;
  ip: Throttle;
}

/** 5 wrong passwords per account, or 20 per address, within 15 minutes lock that key for 15 minutes. */
export function createLoginThrottles(): LoginThrottles {
  const message = (m: number) => `登录失败次数过多，请 ${m} 分钟后再试。`;
  return {
    account: createThrottle({ points: 5, windowSeconds: 15 * 60, message }),
    ip: createThrottle({ points: 20, windowSeconds: 15 * 60, message }),
  };
}
