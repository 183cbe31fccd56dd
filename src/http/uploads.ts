/**
 * Multipart uploads streamed to disk, hashed (SHA-256) on the way, never held in memory. A file that is
 * too large or of a type we do not keep is not an error that aborts the request: it is drained, marked
 * `rejected`, and the route shows a message next to the field while keeping everything else typed.
 *
 * This middleware owns every file it writes: a handler calls `keepUploads(req, files)` once the files are
 * recorded (after the transaction commits); when the response is over — sent, refused, failed or the
 * client gone — every file the request wrote and did not keep is deleted. A malformed multipart body
 * (no boundary, truncated, bad part header) is a 400 with a Chinese message, never a 500.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { extname, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { withoutControlCharacters } from "./control-characters.js";
import multer from "multer";
import { ValidationError } from "../domain/errors.js";
import type { StoredFile } from "../models/cases.js";
import { PHONE_EVIDENCE_EXTENSIONS, SIGNATURE_BYTES, contentMatchesExtension } from "../domain/file-signatures.js";

const EVIDENCE_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".heic": "image/heic",
  ".heif": "image/heif",
  ".gif": "image/gif",
  ".pdf": "application/pdf",
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".aac": "audio/aac",
  ".amr": "audio/amr",
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".3gp": "video/3gpp",
  ".webm": "video/webm",
};

const ROSTER_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** File fields that take a spreadsheet (a complaint's roster, a wage platform's project list) rather than evidence. */
const SPREADSHEET_FIELDS = new Set(["roster", "projects"]);

export const EVIDENCE_EXTENSIONS = Object.keys(EVIDENCE_TYPES).join(",");
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024;

export interface UploadedFile extends StoredFile {
  field: string;
  path: string;
  rejected: "tooLarge" | "badType" | "badContent" | "empty" | null;
}

interface Limits {
  dir: string;
  evidenceMaxBytes: number;
  /** The public online form: photos and PDFs only, each checked by its first bytes (domain/file-signatures.ts). */
  photosAndPdfOnly?: boolean;
  /** Files one request may send (default 50). */
  maxFiles?: number;
}

/** The files one request wrote, and which of them a handler kept. */
interface Written {
  paths: Set<string>;
  kept: Set<string>;
  over: boolean;
}

const written = new WeakMap<Request, Written>();

function removeUnkept(w: Written): void {
  for (const path of w.paths) if (!w.kept.has(path)) unlink(path).catch(() => undefined);
  w.paths.clear();
}

class HashingDiskStorage implements multer.StorageEngine {
  constructor(private readonly limits: Limits) {
    mkdirSync(limits.dir, { recursive: true });
  }

  _handleFile(req: Request, file: Express.Multer.File, cb: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    const originalName = decodeName(file.originalname);
    const ext = extname(originalName).toLowerCase();
    const types = SPREADSHEET_FIELDS.has(file.fieldname) ? ROSTER_TYPES : EVIDENCE_TYPES;
    const maxBytes = SPREADSHEET_FIELDS.has(file.fieldname) ? ROSTER_MAX_BYTES : this.limits.evidenceMaxBytes;
    const mimeType = this.limits.photosAndPdfOnly && !(PHONE_EVIDENCE_EXTENSIONS as readonly string[]).includes(ext) ? undefined : types[ext];
    const base = { field: file.fieldname, originalName, mimeType: mimeType ?? "application/octet-stream" };
    if (!mimeType) {
      file.stream.resume();
      file.stream.once("end", () => cb(null, { ...base, storedName: "", path: "", size: 0, sha256: "", rejected: "badType" } as Partial<Express.Multer.File>));
      return;
    }
    const storedName = `${Date.now()}-${randomBytes(8).toString("hex")}${ext}`;
    const path = join(this.limits.dir, storedName);
    const w = written.get(req);
    w?.paths.add(path);
    const hash = createHash("sha256");
    let size = 0;
    let tooLarge = false;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (head.length < SIGNATURE_BYTES) head = Buffer.concat([head, chunk.subarray(0, SIGNATURE_BYTES - head.length)]);
        size += chunk.length;
        if (size > maxBytes) {
          tooLarge = true;
          return done(); // keep draining the request, write nothing more
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    pipeline(file.stream, meter, createWriteStream(path, { flags: "wx" }))
      .then(async () => {
        // The response may already be over (the client gave up): nobody will keep this file.
        if (w?.over) {
          await unlink(path).catch(() => undefined);
          return cb(new ValidationError(INCOMPLETE));
        }
        const badContent = this.limits.photosAndPdfOnly === true && !contentMatchesExtension(ext, head);
        if (tooLarge || size === 0 || badContent) {
          await unlink(path).catch(() => undefined);
          const rejected = tooLarge ? "tooLarge" : size === 0 ? "empty" : "badContent";
          return cb(null, { ...base, storedName: "", path: "", size, sha256: "", rejected } as Partial<Express.Multer.File>);
        }
        cb(null, { ...base, storedName, path, size, sha256: hash.digest("hex"), rejected: null } as Partial<Express.Multer.File>);
      })
      .catch(async (err: unknown) => {
        await unlink(path).catch(() => undefined);
        cb(err);
      });
  }

  _removeFile(_req: Request, file: Express.Multer.File, cb: (error: Error | null) => void): void {
    if (!file.path) {
      cb(null);
      return;
    }
    unlink(file.path).then(
      () => cb(null),
      () => cb(null),
    );
  }
}

/** Browsers send UTF-8 names, which busboy reads as latin1 by default. */
function decodeName(name: string): string {
  const bytes = Buffer.from(name, "latin1");
  const utf8 = bytes.toString("utf8");
  return utf8.includes("\uFFFD") ? name : utf8;
}

const INCOMPLETE = "上传的内容不完整或格式不对（可能是网络中断），请重新选择文件后提交。";

export interface Upload {
  /** Every file field (the intake form: evidence and roster). */
  any(): RequestHandler;
  array(field: string, maxCount: number): RequestHandler;
}

export function createUpload(limits: Limits): Upload {
  const parser = multer({ storage: new HashingDiskStorage(limits), limits: { files: limits.maxFiles ?? 50, fields: 2000, fieldSize: 64 * 1024 } });
  const owned =
    (parse: RequestHandler): RequestHandler =>
    (req: Request, res: Response, next: NextFunction) => {
      const w: Written = { paths: new Set(), kept: new Set(), over: false };
      written.set(req, w);
      res.once("close", () => {
        w.over = true;
        removeUnkept(w);
      });
      refuseMalformed(parse)(req, res, next);
    };
  return { any: () => owned(parser.any()), array: (field, maxCount) => owned(parser.array(field, maxCount)) };
}

/** A multer middleware whose parse failures (busboy's "Unexpected end of form", "Malformed part header", a missing boundary…) are a 400. */
export function refuseMalformed(parse: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      // The form's text fields arrive with the files: cleaned as every other body is (http/control-characters.ts).
      if (req.body) req.body = withoutControlCharacters(req.body);
      if (!err || err instanceof multer.MulterError) return next(err);
      next(err instanceof ValidationError ? err : new ValidationError(INCOMPLETE));
    });
}

/** Marks files as recorded: call after the transaction that refers to them has committed. */
export function keepUploads(req: Request, files: readonly UploadedFile[]): void {
  const w = written.get(req);
  for (const f of files) if (f.path) w?.kept.add(f.path);
}

export function uploadedFiles(req: Request): UploadedFile[] {
  const files = req.files;
  if (!files) return [];
  return (Array.isArray(files) ? files : Object.values(files).flat()) as unknown as UploadedFile[];
}

/** Chinese messages for the rejected files of one field, or null; `accepted` says what the field takes. */
export function rejectionMessage(files: readonly UploadedFile[], maxBytes: number, accepted = "照片、PDF、录音、录像"): string | null {
  const messages = files
    .filter((f) => f.rejected)
    .map((f) =>
      f.rejected === "tooLarge"
        ? `文件“${f.originalName}”超过 ${formatBytes(maxBytes)} 上限`
        : f.rejected === "empty"
          ? `文件“${f.originalName}”是空文件（0 字节），请重新选择`
          : f.rejected === "badContent"
            ? `文件“${f.originalName}”的内容不是${accepted}（只改了文件名的不行），请重新选择`
            : SPREADSHEET_FIELDS.has(f.field)
              ? `${f.field === "roster" ? "名单" : "项目清单"}文件“${f.originalName}”应为 CSV 或 XLSX 表格`
              : `文件“${f.originalName}”的类型不支持（可上传${accepted}）`,
    );
  return messages.length ? messages.join("；") : null;
}

export function toStoredFile(f: UploadedFile): StoredFile {
  return { storedName: f.storedName, originalName: f.originalName, mimeType: f.mimeType, size: f.size, sha256: f.sha256 };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
