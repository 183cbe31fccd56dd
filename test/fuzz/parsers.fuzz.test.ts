/**
 * Property-based fuzzing of the form parsers themselves (cheap, so many runs): whatever is typed, a parser
 * either returns a value within bounds or Chinese messages keyed by fields the form has — it never throws
 * anything but a ValidationError with a Chinese message.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { MAX_AMOUNT_FEN } from "../../src/domain/bounds.js";
import { isIsoDate } from "../../src/domain/dates.js";
import { ValidationError } from "../../src/domain/errors.js";
import { DISTRICTS } from "../../src/domain/reference-data.js";
import { parseScheduleText } from "../../src/forms/calendar-schedule.js";
import { parseCaseFilters } from "../../src/forms/case-filters.js";
import { MAX_WORKERS, WORKER_FIELDS, parseIntake, readIntakeValues } from "../../src/forms/intake-form.js";
import { parseRoster } from "../../src/forms/roster.js";
import { withinTime } from "../../src/forms/spreadsheet-table.js";
import { parseClosing, parseEnforcement, parseMediation, parseOrder, parsePayment } from "../../src/forms/settlement-forms.js";
import { parseVisitForm } from "../../src/forms/visit-form.js";
import { formOf, hostileText } from "./support.js";

// Thousands of generated inputs per test: generous on a loaded 2-core machine (speed is not what this asserts).
vi.setConfig({ testTimeout: 180_000 });

const CHINESE = /[\u4e00-\u9fff]/;
const workers = [
  { id: 11, name: "张三" },
  { id: 12, name: "李四" },
];

const INTAKE_FIELDS = [
  "channel",
  "receivedOn",
  "platformClueNo",
  "employerName",
  "employerUscc",
  "employerLegalRep",
  "employerAddress",
  "district",
  "isConstruction",
  "projectName",
  "projectAddress",
  "generalContractor",
  "subcontractor",
  "teamLeader",
  "facts",
  "claim",
  "representative",
];
const workerKeys = [0, 1, 7].flatMap((i) => WORKER_FIELDS.map((f) => `workers.${i}.${f}`));

/** A parser that throws: only ValidationError, with a Chinese message. */
function refusesInChinese(run: () => unknown): unknown {
  try {
    return run();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(CHINESE);
    return null;
  }
}

describe("intake form parser", () => {
  it("returns bounded values or Chinese messages on the form's own fields", () => {
    const known = new Set([...INTAKE_FIELDS, "workers", "_form"]);
    fc.assert(
      fc.property(formOf([...INTAKE_FIELDS, ...workerKeys]), (body) => {
        const result = parseIntake(readIntakeValues(body), "2026-11-23", DISTRICTS);
        if (result.ok) {
          expect(result.value.workers.length).toBeLessThanOrEqual(MAX_WORKERS);
          for (const w of result.value.workers) expect(w.claimedFen).toBeLessThanOrEqual(MAX_AMOUNT_FEN);
          expect(result.value.receivedOn <= "2026-11-23").toBe(true);
        } else {
          for (const [key, message] of Object.entries(result.errors)) {
            expect(known.has(key) || /^workers\.\d+\.\w+$/.test(key), key).toBe(true);
            expect(message).toMatch(CHINESE);
          }
        }
      }),
      { numRuns: 2500 },
    );
  });
});

describe("settlement form parsers", () => {
  const amountKeys = (p: string) => workers.map((w) => `${p}.${w.id}`);
  it.each([
    [
      "mediation",
      ["sessionOn", "place", "workerSide", "employerSide", "workerStatement", "employerStatement", "result", "payBy", "paymentMethod", ...amountKeys("amount")],
      (b: unknown) => parseMediation(b, workers),
    ],
    ["order", ["payBy", "facts", "violation", ...amountKeys("amount")], (b: unknown) => parseOrder(b, workers)],
    ["payment", ["itemId", "amount", "paidOn", "workerConfirmed"], (b: unknown) => parsePayment(b)],
    ["enforcement", ["kind", "ratePercent", "note", "agency", "decidedOn"], (b: unknown) => parseEnforcement(b)],
    ["closing", ["outcome", "note", "overClaimNote", ...amountKeys("recovered")], (b: unknown) => parseClosing(b, workers)],
  ] as const)("%s: bounded amounts and real dates, or Chinese messages on the form's fields", (_name, fields, parse) => {
    fc.assert(
      fc.property(formOf(fields), (body) => {
        const result = refusesInChinese(() => parse(body)) as { ok: boolean; value?: unknown; errors?: Record<string, string> } | null;
        if (!result) return;
        if (!result.ok) {
          for (const [key, message] of Object.entries(result.errors!)) {
            expect(key === "_form" || (fields as readonly string[]).includes(key), key).toBe(true);
            expect(message).toMatch(CHINESE);
          }
          return;
        }
        const text = JSON.stringify(result.value);
        // Every date field (…On, payBy) holds a real date; free text such as who attended may look like anything.
        for (const [, key, date] of text.matchAll(/"(\w+(?:On|By))":"([^"]*)"/g)) expect(isIsoDate(date!), `${key}: ${date}`).toBe(true);
        for (const fen of [...text.matchAll(/"amountFen":(-?[\d.e+]+)/g)].map((m) => Number(m[1]))) {
          expect(Number.isInteger(fen) && fen >= 0 && fen <= MAX_AMOUNT_FEN, String(fen)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("other parsers", () => {
  it("workbench filters are always a valid filter set", () => {
    fc.assert(
      fc.property(formOf(["state", "clock", "district", "channel", "q", "inspector", "every", "page"]), (query) => {
        const f = parseCaseFilters(query);
        expect(Number.isSafeInteger(f.page) && f.page >= 1 && f.page <= 1_000_000).toBe(true);
        expect(f.inspectorId === null || Number.isSafeInteger(f.inspectorId)).toBe(true);
        expect(f.q.length).toBeLessThanOrEqual(60);
      }),
      { numRuns: 1000 },
    );
  });

  it("the visit form: a time between receipt and now, or messages on its fields", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    fc.assert(
      fc.property(formOf(["visitedAt", "place", "peopleQuestioned", "findings", "inspectorIds"]), (body) => {
        const r = parseVisitForm(body, { receivedOn: "2026-11-01", now });
        if (r.ok) expect(r.value.visitedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        else for (const m of Object.values(r.errors)) expect(m).toMatch(CHINESE);
      }),
      { numRuns: 1000 },
    );
  });

  it("the holiday schedule text: dates of the year, or Chinese messages", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (holidays, makeups) => {
        const r = parseScheduleText(2027, holidays, makeups);
        if (r.ok) for (const d of [...r.value.holidays, ...r.value.makeupWorkdays]) expect(d.date.startsWith("2027-")).toBe(true);
        else for (const m of Object.values(r.errors)) expect(m).toMatch(CHINESE);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a roster read is bounded in time", () => {
  it("answers with the fallback when the reader never does", async () => {
    const never = new Promise<string>(() => undefined);
    expect(await withinTime(never, 10, "late")).toBe("late");
    expect(await withinTime(Promise.resolve("read"), 1_000, "late")).toBe("read");
  });
  it("answers a 0-byte roster without reading it", async () => {
    expect(await parseRoster("名单.xlsx", Buffer.alloc(0))).toEqual({ ok: false, error: "名单文件是空的（0 字节），请重新选择" });
  });
});
