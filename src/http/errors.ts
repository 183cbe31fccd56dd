import type { ErrorRequestHandler, RequestHandler } from "express";
import multer from "multer";
import { DomainError, NotFoundError, TooManyRequestsError } from "../domain/errors.js";
import { logger } from "../lib/logger.js";

const TITLES: Record<number, string> = {
  400: "请求有误",
  403: "没有权限",
  404: "页面不存在",
  409: "案件已被他人更新",
  413: "文件过大",
  429: "操作过于频繁",
  500: "系统出错了",
};

export const notFoundHandler: RequestHandler = () => {
  throw new NotFoundError();
};

/** One place turns errors into Chinese pages; no stack trace ever reaches a user (it goes to the log). */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let status = 500;
  let message = "请稍后再试；如果问题持续，请联系系统管理员。";
  if (err instanceof DomainError) {
    status = err.status;
    message = err.message;
    if (err instanceof TooManyRequestsError) res.set("Retry-After", String(err.retryAfterSeconds));
  } else if (err instanceof multer.MulterError) {
    // Only count limits reach here: oversize and unknown files are refused next to their field.
    status = 413;
    message = err.code === "LIMIT_FILE_COUNT" || err.code === "LIMIT_UNEXPECTED_FILE" ? "一次上传的文件过多或文件栏位不对，请减少文件后重试。" : "提交的内容过多，请分次提交。";
  } else if (isHttpError(err) && err.status < 500) {
    // body-parser / multer errors carry a client status (bad JSON, body too large).
    status = err.status;
    message = status === 413 ? "提交的内容过大。" : "提交的内容无法识别。";
  } else {
    logger.error({ err, method: req.method, path: req.path }, "unhandled error");
  }
  if (res.headersSent) return;
  res.status(status).render("errors/error", { title: TITLES[status] ?? "出错了", status, message });
};

function isHttpError(err: unknown): err is { status: number } {
  return typeof err === "object" && err !== null && typeof (err as { status?: unknown }).status === "number";
}
