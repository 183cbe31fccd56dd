/** The groups of states of domain/case-states.ts as SQL conditions: the one way a query names states. */
import { type SQL, sql } from "drizzle-orm";
import type { CaseState } from "../domain/case-states.js";

/**
 * `<column> = '…'` for one state, `<column> in ('…', …)` for several; `column` as the query names it
 * ("state", "c.state"). One state is written with `=`: the partial indexes on `state = '…'` (src/db/schema.ts)
 * are used, and named with `indexed by`, only for a condition written the same way.
 */
export function inStates(states: readonly CaseState[], column = "state"): SQL {
  const quoted = states.map((s) => `'${s}'`);
  return sql.raw(quoted.length === 1 ? `${column} = ${quoted[0]}` : `${column} in (${quoted.join(", ")})`);
}
