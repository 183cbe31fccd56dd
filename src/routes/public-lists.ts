/**
 * The public lists, without login: the current 失信联合惩戒名单 and the published 重大劳动保障违法行为, as pages,
 * CSV (UTF-8 with BOM, for spreadsheet software) and Atom feeds for other sites (the credit platform).
 * Never workers' data; listed persons' ID numbers masked (docs/rules.md).
 */
import { stringify } from "csv-stringify/sync";
import { Router, type Request, type Response } from "express";
import { Feed } from "feed";
import type { AppContext } from "../app-context.js";
import { GROUNDS_LABELS, PERSON_ROLE_LABELS, REMOVAL_LABELS, effectiveRemoval } from "../domain/blacklist.js";
import { addDays } from "../domain/dates.js";
import { currentListings, recentlyRemoved } from "../models/blacklist.js";
import { publishedLists, recentlyWithdrawn } from "../models/violations.js";

const BASIS = "《保障农民工工资支付条例》第四十八条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条";

function publicListings(ctx: AppContext, today: string, q: string) {
  return currentListings(ctx.db, today, q).map((p) => ({
    ...p,
    legalRep: p.persons.find((x) => x.role === "legalRep")?.name ?? "",
    persons: p.persons.map((x) => ({ role: PERSON_ROLE_LABELS[x.role], name: x.name, idNumber: x.idNumber })),
  }));
}

/** A cell a spreadsheet would read as a formula is kept as text (CSV injection). */
const asText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

function sendCsv(res: Response, filename: string, header: string[], rows: string[][]): void {
  res.type("text/csv; charset=utf-8");
  res.set("Cache-Control", PUBLIC_CACHE);
  res.attachment(filename);
  res.send(`\uFEFF${stringify([header, ...rows.map((r) => r.map(asText))])}`);
}

/** Lists change a few times a day; readers and proxies may keep a copy for five minutes. */
const PUBLIC_CACHE = "public, max-age=300";

/**
 * The feed package writes titles and content as `type="html"`: every text is escaped first, so stored
 * markup (an employer's name typed online) reaches a reader as text, never as markup.
 */
const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const atDate = (date: string) => new Date(`${date}T00:00:00+08:00`);

interface FeedEntry {
  id: number;
  anchor: boolean;
  title: string;
  date: Date;
  published?: Date;
  content: string;
}

/**
 * An Atom feed of one list. Entry ids never change (urn:qxkb:<list>:<id>), so a reader sees a removal or
 * a withdrawal as an update of the same entry.
 */
function sendAtom(base: string, res: Response, list: "blacklist" | "violations", title: string, author: string, entries: FeedEntry[], today: string): void {
  const page = `${base}/public/${list}`;
  const feed = new Feed({
    id: `urn:qxkb:${list}`,
    title,
    link: page,
    language: "zh-CN",
    copyright: author,
    author: { name: author },
    generator: false,
    feedLinks: { atom: `${page}.atom` },
  });
  for (const e of entries) {
    feed.addItem({
      id: `urn:qxkb:${list}:${e.id}`,
      link: e.anchor ? `${page}#entry-${e.id}` : page,
      title: html(e.title),
      date: e.date,
      published: e.published,
      content: html(e.content),
    });
  }
  const dates = entries.map((e) => e.date.getTime());
  feed.options.updated = new Date(dates.length ? Math.max(...dates) : atDate(today).getTime());
  res.set("Cache-Control", PUBLIC_CACHE);
  res.type("application/atom+xml; charset=utf-8").send(feed.atom1());
}

export function publicListsRouter(ctx: AppContext): Router {
  const { db, config } = ctx;
  const router = Router();
  const q = (req: Request) => (typeof req.query.q === "string" ? req.query.q.slice(0, 60) : "");

  router.get("/public/blacklist", (req, res) => {
    res.render("public-lists/blacklist", {
      title: "拖欠农民工工资失信联合惩戒对象名单",
      rows: publicListings(ctx, res.locals.today, q(req)),
      q: q(req),
      groundsLabels: GROUNDS_LABELS,
      basis: BASIS,
    });
  });

  router.get("/public/blacklist.csv", (req, res) => {
    const rows = publicListings(ctx, res.locals.today, q(req)).map((p) => [
      p.employerName,
      p.employerUscc ?? "",
      p.employerAddress,
      p.legalRep,
      p.persons.map((x) => `${x.role}:${x.name}(${x.idNumber})`).join("；"),
      p.facts,
      BASIS,
      p.decisionNumber ?? "",
      p.decisionOn ?? "",
      p.termEndsOn ?? "",
    ]);
    sendCsv(
      res,
      "失信联合惩戒名单.csv",
      ["单位名称", "统一社会信用代码", "地址", "法定代表人/负责人", "列入人员", "主要失信事实", "列入依据", "决定文号", "决定日期", "名单期至"],
      rows,
    );
  });

  router.get("/public/blacklist.atom", (_req, res) => {
    const today = res.locals.today;
    const current: FeedEntry[] = publicListings(ctx, today, "").map((p) => ({
      id: p.id,
      anchor: true,
      title: `${p.employerName}（${p.decisionNumber}）`,
      // Only what the public sees dates an entry: the listing, or its restart after a reversal.
      date: atDate(p.termStartsOn!),
      published: atDate(p.decisionOn!),
      content: `统一社会信用代码：${p.employerUscc ?? "—"}；法定代表人/负责人：${p.legalRep}；列入日期：${p.decisionOn}；名单期至：${p.termEndsOn}；主要失信事实：${p.facts}`,
    }));
    // Removed entries stay a while under the same id, without the employer's particulars.
    const removed: FeedEntry[] = recentlyRemoved(db, today).flatMap((p) => {
      const removal = effectiveRemoval(p, today);
      if (!removal) return [];
      const date = atDate(removal.kind === "expired" ? addDays(removal.on, 1) : removal.on);
      return [
        { id: p.id, anchor: false, title: `已移出名单（${p.decisionNumber}）`, date, content: `${REMOVAL_LABELS[removal.kind]}，${removal.on} 起不再公示。` },
      ];
    });
    sendAtom(
      config.publicBaseUrl,
      res,
      "blacklist",
      `${config.authority.name} 拖欠农民工工资失信联合惩戒对象名单`,
      config.authority.name,
      [...current, ...removed],
      today,
    );
  });

  router.get("/public/violations", (req, res) => {
    res.render("public-lists/violations", { title: "重大劳动保障违法行为社会公布", batches: publishedLists(db, q(req)), q: q(req) });
  });

  router.get("/public/violations.csv", (req, res) => {
    const rows = publishedLists(db, q(req)).flatMap((b) =>
      b.entries.map((e) => [b.title, b.publishedOn ?? "", e.employerName, e.employerUscc, e.employerAddress, e.employerLegalRep, e.facts, e.handling]),
    );
    sendCsv(
      res,
      "重大劳动保障违法行为.csv",
      ["公布批次", "公布日期", "违法主体全称", "统一社会信用代码", "地址", "法定代表人/负责人", "主要违法事实", "相关处理情况"],
      rows,
    );
  });

  router.get("/public/violations.atom", (_req, res) => {
    const today = res.locals.today;
    const published: FeedEntry[] = publishedLists(db).flatMap((b) =>
      b.entries.map((e) => ({
        id: e.id,
        anchor: true,
        title: `${b.title}：${e.employerName}`,
        date: atDate(b.publishedOn!),
        published: atDate(b.publishedOn!),
        content: `统一社会信用代码：${e.employerUscc || "—"}；地址：${e.employerAddress}；法定代表人/负责人：${e.employerLegalRep}；主要违法事实：${e.facts}；处理情况：${e.handling}`,
      })),
    );
    const withdrawn: FeedEntry[] = recentlyWithdrawn(db, today).map((e) => ({
      id: e.id,
      anchor: false,
      title: "已撤回的公布条目",
      date: atDate(e.withdrawnOn!),
      content: `${e.withdrawnOn} 撤回：${e.withdrawnReason}`,
    }));
    sendAtom(
      config.publicBaseUrl,
      res,
      "violations",
      `${config.authority.name} 重大劳动保障违法行为社会公布`,
      config.authority.name,
      [...published, ...withdrawn],
      today,
    );
  });

  return router;
}
