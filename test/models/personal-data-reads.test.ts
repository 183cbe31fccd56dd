/**
 * Workers' and listed persons' ID numbers and phones are read in one place each — getCaseDetail and
 * getProceeding, which mask them unless the reader works the case and record the view when they do not
 * (docs/rules.md §Other modules) — and in a few reviewed places that never hand them to a page unmasked.
 * A new read of those columns anywhere else fails the first test until it is reviewed and listed here.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getCaseDetail } from "../../src/models/cases.js";
import { getProceeding, proposeListing } from "../../src/models/blacklist.js";
import { issueOrder, serveOrder } from "../../src/models/settlements.js";
import { shanghaiDate } from "../../src/domain/dates.js";
import { handedOver } from "../../seeds/handed-over.js";
import { viewerOfUsername } from "../../src/models/users.js";
import { idNumber, makeTestApp, workedCase, type TestApp } from "../helpers.js";

/** file → the declarations in it allowed to read the columns, and why that is safe. */
const REVIEWED: Record<string, Record<string, string>> = {
  "src/models/cases.ts": {
    caseWorkersQuery: "whole rows, used by getCaseDetail only (checked below)",
    WORKER_COLUMNS: "the columns the intake writes, never read",
  },
  "src/models/blacklist.ts": { getProceeding: "masks unless the reader works the case; records the view", withPersons: "the public list: ID numbers masked" },
  "src/models/exports.ts": { caseRows: "masked unless a supervisor ticks full, which records a view per case" },
  "src/models/duplicates.ts": { recentDuplicateQuery: "phones and documents compared in the query, never returned" },
  "src/models/ratings.ts": { raterOf: "a group complaint's rater found by the phone typed, compared in the query, never returned" },
  "src/lib/logger.ts": { options: "the log's redaction list" },
  "src/models/worker-notices.ts": {
    NOTICE_COLUMNS: "the columns a queued notice writes, never read",
    noticeWorkersQuery: "read by queueWorkerNotice only, which copies the worker's mobile into the notice that goes to it; the outbox page masks it",
  },
};

const PATTERNS = [
  /\.select(?:Distinct)?\(\)\s*\.from\((?:caseWorkers|blacklistPersons)\)/g,
  /\b(?:caseWorkers|blacklistPersons)\.(?:idNumber|phone)\b/g,
  /\bid_number\b/g,
  /["']phone["']/g,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The top-level declaration a position lies in. */
function declarationAt(text: string, index: number): string {
  const before = text.slice(0, index).split("\n");
  for (let i = before.length - 1; i >= 0; i--) {
    const m = /^(?:export )?(?:async )?(?:function\*? |const |let |class )(\w+)/.exec(before[i]!);
    if (m) return m[1]!;
  }
  return "(top level)";
}

describe("reads of workers' personal data", () => {
  it("happen only in the reviewed places", () => {
    const found: string[] = [];
    for (const path of sources("src")) {
      const file = relative(".", path);
      // The schema declares the columns; the forms parse what was typed (no read).
      if (file === "src/db/schema.ts" || file.startsWith("src/forms/")) continue;
      const text = readFileSync(path, "utf8");
      for (const pattern of PATTERNS) {
        for (const m of text.matchAll(pattern)) {
          const where = declarationAt(text, m.index);
          if (!REVIEWED[file]?.[where]) found.push(`${file} ${where}: ${m[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("are reviewed where they still are (no stale entry in the list)", () => {
    for (const [file, names] of Object.entries(REVIEWED)) {
      const text = readFileSync(file, "utf8");
      for (const name of Object.keys(names)) expect(text, `${file} ${name}`).toMatch(new RegExp(`^(?:export )?(?:function |const )${name}\\b`, "m"));
    }
  });

  it("of whole worker rows go through getCaseDetail only", () => {
    const text = readFileSync("src/models/cases.ts", "utf8");
    const uses = [...text.matchAll(/caseWorkersQuery\)/g)].map((m) => declarationAt(text, m.index));
    expect(uses).toEqual(["getCaseDetail"]);
  });
});

describe("the read models", () => {
  let t: TestApp;
  let caseId: number;
  const views = () => t.db.$client.prepare("select page from personal_data_views where case_id = ? order by id").pluck().all(caseId);
  beforeEach(async () => {
    t = await makeTestApp();
    caseId = (await workedCase(t, { to: "filed" })).id;
  });
  const viewer = (username: string) => viewerOfUsername(t.db, username);
  const now = new Date("2026-11-23T02:00:00Z");

  it("getCaseDetail gives the people working the case the numbers and records it; masks them for everyone else", () => {
    const lead = getCaseDetail(t.db, caseId, { viewer: viewer("inspector1"), policy: { inspectorsReadAll: false }, page: "案件页", now });
    expect(lead.workers[0]!.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(views()).toEqual(["案件页"]);
    const other = getCaseDetail(t.db, caseId, { viewer: viewer("inspector3"), policy: { inspectorsReadAll: true }, page: "案件页", now });
    expect(other.abilities.access).toBe("masked");
    expect(other.workers[0]!.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(other.workers[0]!.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const document = getCaseDetail(t.db, caseId, { viewer: viewer("inspector1"), policy: { inspectorsReadAll: false }, page: null, now });
    expect(document.workers[0]!.idNumber).toContain("*");
    expect(views()).toEqual(["案件页"]);
  });

  it("getProceeding gives the listed persons' ID numbers to the people working the case only, and records it", () => {
    const orderId = issueOrder(t.db, {
      caseId,
      version: t.db.$client.prepare("select version from cases where id = ?").pluck().get(caseId) as number,
      payBy: "2026-11-24",
      facts: "拖欠工资",
      amounts: [{ workerId: t.db.$client.prepare("select id from case_workers where case_id = ?").pluck().get(caseId) as number, amountFen: 2_000_000 }],
      numberPrefix: "长人社监令",
      actor: viewer("inspector1"),
      now,
    });
    const version = t.db.$client.prepare("select version from cases where id = ?").pluck().get(caseId) as number;
    serveOrder(t.db, { caseId, orderId, version, input: handedOver(shanghaiDate(now), "王经理"), actor: viewer("inspector1"), now });
    t.clock.now = new Date("2026-12-01T02:00:00Z");
    const id = proposeListing(t.db, {
      input: {
        caseId,
        orderId: t.db.$client.prepare("select id from payment_orders where case_id = ?").pluck().get(caseId) as number,
        grounds: { kind: "incident", description: "围堵项目部" },
        facts: "逾期未付",
        persons: [{ role: "legalRep", name: "赵某", idNumber: idNumber(900) }],
      },
      thresholds: { oneWorkerFen: 1_000_000, groupFen: 5_000_000 },
      actor: viewer("inspector1"),
      now: t.clock.now,
    });
    const today = "2026-12-01" as const;
    const masked = getProceeding(t.db, id, { viewer: viewer("inspector3"), today, now: t.clock.now, page: "失信名单提请" });
    expect(masked.persons[0]!.idNumber).toContain("*");
    expect(views()).toEqual([]);
    const full = getProceeding(t.db, id, { viewer: viewer("inspector1"), today, now: t.clock.now, page: "失信名单提请" });
    expect(full.persons[0]!.idNumber).toBe(idNumber(900));
    expect(views()).toEqual(["失信名单提请"]);
  });
});
