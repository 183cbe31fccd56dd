/** The query plans of what a piece of work ran, for the no-full-scan tests. */
import type { Statement } from "better-sqlite3";
import type { TestApp } from "../helpers.js";

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
