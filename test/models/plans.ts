/** The query plans of what a piece of work ran, for the no-full-scan tests. */
import type { Statement } from "better-sqlite3";
import { bulkPrevention } from "../../seeds/bulk-prevention.js";
import { userId, type TestApp } from "../helpers.js";

export const BIG_TABLES = /SCAN (cases|case_workers|case_events|payments|settlement_items|payment_orders|task_force_tasks|enforcement_actions)\b/;

/** Runs `work` and returns the plan of every statement it executed, with the values it bound. */
export function plansOf(t: TestApp, work: () => void): { sql: string; plan: string[] }[] {
  const client = t.db.$client;
  const seen: { sql: string; params: unknown[] }[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    const stmt = prepare(source) as Statement;
    for (const method of ["all", "get", "run", "iterate", "raw"] as const) {
      const original = (stmt as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!.bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        if (method !== "raw") seen.push({ sql: source, params });
        return original(...params);
      };
    }
    return stmt;
  }) as typeof client.prepare;
  try {
    work();
  } finally {
    client.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*select/i.test(s.sql))
    .map((s) => ({ sql: s.sql, plan: (client.prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail) }));
}

/** Plan lines that read one of `tables` in full: a SCAN without an index, or an index walk without a LIMIT to stop it. */
export function fullReads(plans: { sql: string; plan: string[] }[], tables: string): string[] {
  return plans.flatMap(({ sql, plan }) =>
    plan
      .filter((line) => new RegExp(`^SCAN (${tables})\\b`).test(line))
      .filter((line) => !(/USING (COVERING )?INDEX/.test(line) && /\blimit\b/i.test(sql)))
      .map((line) => `${line}  ←  ${sql.slice(0, 160)}`),
  );
}

/** The bulk generator's projects, special actions, inspections and risk points for 80,000 cases in a year, then ANALYZE. */
export function withBulkPrevention(t: TestApp, seed: number): void {
  const sites = t.db.$client.prepare("select id, name, office_id as officeId from divisions where office_id is not null").all() as {
    id: number;
    name: string;
    officeId: number;
  }[];
  let a = seed;
  const next = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const rng = {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
  bulkPrevention(t.db.$client, { cases: 80_000, today: "2026-11-23", years: 1, rng, sites, actorId: userId(t.db, "supervisor1") });
  t.db.$client.exec("analyze");
}
