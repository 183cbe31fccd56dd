import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import multer from "multer";
import { shanghaiDate } from "../domain/dates.js";
import { DomainError, NotFoundError, TooManyRequestsError } from "../domain/errors.js";
import { maskPersonalDataIn } from "../domain/masking.js";
import { logger } from "../lib/logger.js";
import { navFor } from "./nav.js";

const TITLES: Record<number, string> = {
  400: "请求有误",
  403: "没有权限",
  404: "页面不存在",
  409: "内容已被他人更新",
  413: "提交的内容过大",
  415: "提交的内容无法识别",
  422: "提交的内容有误",
  429: "操作过于频繁",
  500: "系统出错了",
};

/** What a body-parser or upload refusal means, in words a user can act on. */
const CLIENT_MESSAGES: Record<number, string> = {
  400: "提交的内容不完整或格式不对，请返回上一页重新提交。",
  413: "提交的内容过大（表单最多 1 MB、5000 项）。人数很多的集体投诉请用“导入名单”上传表格。",
  415: "提交的内容编码无法识别，请使用 UTF-8 编码的网页表单重新提交。",
};

const BAD_ADDRESS = "网址中有无法识别的字符，请检查链接或从页面上的链接进入。";

/**
 * A form's address opened by GET — after a refused form was shown again at the address it posted to, then
 * reloaded, bookmarked or reached with "back" — leads to the page the form is on, not to a 404.
 */
const FORM_PAGES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\/cases\/(\d+)\/[\w/-]+$/, (m) => `/cases/${m[1]}`],
  [/^\/tasks\/(\d+)\/answer$/, (m) => `/tasks/${m[1]}`],
  [/^\/blacklist\/(\d+)\/[\w/-]+$/, (m) => `/blacklist/${m[1]}`],
];

export const notFoundHandler: RequestHandler = (req, res) => {
  if (req.method === "GET" || req.method === "HEAD") {
    for (const [pattern, page] of FORM_PAGES) {
      const m = pattern.exec(req.path);
      if (m) return res.redirect(303, page(m));
    }
  }
  throw new NotFoundError();
};

/**
 * One place turns errors into Chinese pages with the navigation; no stack trace ever reaches a user, in any
 * mode (it goes to the log). Errors raised before the session and navigation were loaded (a body too large,
 * a bad charset) still get a full page.
 */
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
    message =
      err.code === "LIMIT_FILE_COUNT" || err.code === "LIMIT_UNEXPECTED_FILE"
        ? "一次上传的文件过多或文件栏位不对，请减少文件后重试。"
        : "提交的内容过多，请分次提交。";
  } else if (isHttpError(err) && err.status >= 400 && err.status < 500) {
    // body-parser errors carry a client status (body too large, too many fields, bad charset or encoding);
    // Express's router says so when a %-escape in the address is broken.
    status = err.status;
    message =
      err instanceof URIError || /^Failed to decode param/.test(String((err as { message?: unknown }).message))
        ? BAD_ADDRESS
        : (CLIENT_MESSAGES[status] ?? CLIENT_MESSAGES[400]!);
  } else {
    logger.error({ err, method: req.method, path: maskPersonalDataIn(req.path) }, "unhandled error");
  }
  if (res.headersSent) return;
  res.locals.user ??= null;
  res.locals.nav ??= navFor(res.locals.user?.role ?? null, req.path);
  res.locals.today ??= shanghaiDate(new Date());
  res.status(status).render("errors/error", { title: TITLES[status] ?? "出错了", status, message }, (renderErr, html) => {
    if (!renderErr) return res.send(html);
    logger.error({ err: renderErr, path: maskPersonalDataIn(req.path) }, "error page failed");
    sendPlainErrorPage(res, status, message);
  });
};

/** The last resort when even the error page cannot render: still Chinese, still a way home. */
function sendPlainErrorPage(res: Response, status: number, message: string): void {
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(TITLES[status] ?? "出错了")} · 欠薪快办</title><link rel="stylesheet" href="/css/site.css"></head>` +
        `<body><main class="page"><section class="card error-page"><h1>${status} · ${escapeHtml(TITLES[status] ?? "出错了")}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回首页</a></p></section></main></body></html>`,
    );
}

function isHttpError(err: unknown): err is { status: number } {
  return typeof err === "object" && err !== null && typeof (err as { status?: unknown }).status === "number";
}
