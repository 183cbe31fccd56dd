/**
 * Exports are long: a full case list is tens of megabytes. At most one at a time per user and a few at once
 * in a web process, so exports never crowd out the people at the window; beyond that the user is asked to
 * retry (docs/rules.md §监督统计). Each web process keeps its own count.
 */
import type { RequestHandler } from "express";
import { TooManyRequestsError } from "../domain/errors.js";

export const EXPORTS_PER_USER = 1;
export const EXPORTS_PER_PROCESS = 3;

const running = new Map<number, number>();
let total = 0;

/** Holds a slot from the request until its response is over (finished, failed or abandoned). */
export const exportSlot: RequestHandler = (_req, res, next) => {
  const userId = res.locals.user!.id;
  const mine = running.get(userId) ?? 0;
  if (mine >= EXPORTS_PER_USER) throw new TooManyRequestsError("您有一个导出正在进行，请等它下载完成后再试。", 30);
  if (total >= EXPORTS_PER_PROCESS) throw new TooManyRequestsError("当前导出任务较多，请稍后再试。", 30);
  running.set(userId, mine + 1);
  total++;
  res.once("close", () => {
    total--;
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  });
  next();
};
