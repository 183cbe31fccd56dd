/**
 * The lists that predate offices, scoped by office (docs/rules.md §Offices and jurisdiction, "Scope of the
 * lists"): no full scan of a big table, the office's rows read through an index led by the office (or by the
 * few rows the list is made of), on a database of a few thousand cases with ANALYZE run.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listProceedings, upcomingExpiries } from "../../src/models/blacklist.js";
import { employerRecord, searchEmployers } from "../../src/models/employers.js";
import { listPersonalDataExports, listPersonalDataViews } from "../../src/models/personal-data-views.js";
import { candidates, getBatch, listBatches, unpublishedQuarter } from "../../src/models/violations.js";
import { makeTestApp, type TestApp } from "../helpers.js";
import { BIG_TABLES, plansOf } from "./plans.js";
import { insertCase } from "./supervision-fixture.js";

const TODAY = "2026-11-23";
const OFFICES = ["南关区劳动保障监察大队", "朝阳区劳动保障监察大队", undefined];

let t: TestApp;
let office: number;
let employer: string;

beforeAll(async () => {
  t = await makeTestApp();
  office = t.db.$client.prepare("select id from offices where name = ?").pluck().get(OFFICES[0]) as number;
  const viewer = t.db.$client.prepare("select id from users where username = 'supervisor1'").pluck().get() as number;
  t.db.$client.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      const receivedOn = `2026-${String(1 + (i % 10)).padStart(2, "0")}-${day}`;
      const closed = i % 3 !== 0;
      const id = insertCase(t.db, {
        receivedOn,
        state: closed ? "closed" : "filed",
        filedOn: receivedOn,
        closedOn: closed ? TODAY : undefined,
        outcome: closed ? (i % 2 ? "administrativeDecision" : "paidAfterOrder") : undefined,
        office: OFFICES[i % 3],
        recovered: closed ? [100000] : [null],
      });
      t.db.$client
        .prepare(
          "insert into personal_data_views (case_id, user_id, page, viewed_at, office_id) values (?, ?, '案件页', 0, (select office_id from cases where id = ?))",
        )
        .run(id, viewer, id);
    }
  })();
  t.db.$client.exec("analyze");
  employer = t.db.$client.prepare("select employer_name from cases limit 1").pluck().get() as string;
});

describe.each([
  ["an office", () => office],
  ["the city", () => null],
])("the lists as %s sees them", (_, officeOf) => {
  it.each([
    ["the employer search", () => searchEmployers(t.db, employer.slice(0, 4), officeOf())],
    ["the employer record", () => employerRecord(t.db, { uscc: null, name: employer }, TODAY, officeOf())],
    ["the blacklist board (no proceedings yet)", () => listProceedings(t.db, { officeId: officeOf() })],
    ["the expiring listings", () => upcomingExpiries(t.db, TODAY, officeOf())],
    [
      "the 重大违法 batches and candidates",
      () => {
        listBatches(t.db, officeOf());
        candidates(t.db, { quarter: null }, TODAY, 5_000_000, officeOf());
        unpublishedQuarter(t.db, TODAY, 5_000_000, officeOf());
      },
    ],
    [
      "a batch's entries",
      () => {
        try {
          getBatch(t.db, 1, officeOf());
        } catch {
          // no batch: only the plan matters
        }
      },
    ],
    [
      "the personal-data log",
      () => {
        listPersonalDataViews(t.db, { officeId: officeOf() });
        listPersonalDataViews(t.db, { officeId: officeOf(), caseNumber: "QX-2026-000001" });
        listPersonalDataExports(t.db, officeOf());
      },
    ],
  ])("%s: no full scan, and cases only by their key or an index led by the office or the employer", (_, work) => {
    const plans = plansOf(t, work);
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      if (process.env.SHOW_PLANS) console.log(p.sql.replace(/\s+/g, " ").slice(0, 160), "\n   ", p.plan.join("\n    "));
      expect(
        p.plan.filter((line) => BIG_TABLES.test(line)),
        p.sql,
      ).toEqual([]);
      expect(
        p.plan.filter((line) => /SEARCH (cases|c)\b/.test(line) && !/INTEGER PRIMARY KEY|\((office_id|employer_name|outcome|case_number)[=>]/.test(line)),
        p.sql,
      ).toEqual([]);
      // The personal-data log is one of the big tables once a bureau has run for years.
      if (officeOf() !== null)
        expect(
          p.plan.filter((line) => /SCAN personal_data_views/.test(line)),
          p.sql,
        ).toEqual([]);
    }
  });
});
