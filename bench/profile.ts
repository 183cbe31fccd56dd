/**
 * Where a page's CPU time goes, from the server's own V8 CPU profile (`node --cpu-prof`, written when the
 * server stops): the samples taken while one page was under load, each put in the part of the request it
 * was spent in — the innermost frame of its stack that belongs to a part (a query's native call belongs to
 * the query, whoever made it) — and divided by the requests served.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The parts of a request, in the order the table shows them; a frame belongs to the first part whose test it passes. */
const PARTS: [string, (f: CallFrame) => boolean][] = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  [
    "SQL (better-sqlite3, drizzle-orm)",
    (f) => /better-sqlite3|drizzle-orm/.test(f.url) || (f.url === "" && /^(all|get|run|iterate|prepare|exec|raw|pluck)$/.test(f.functionName)),
  ],
  ["templates (EJS)", (f) => /node_modules\/ejs\//.test(f.url) || /\/views\//.test(f.url) || (f.url === "" && f.functionName === "anonymous")],
  ["session check", (f) => /\/src\/auth\//.test(f.url)],
  ["CSRF", (f) => /\/middleware\/csrf/.test(f.url)],
  ["helmet", (f) => /node_modules\/helmet\//.test(f.url)],
  ["logging (pino)", (f) => /node_modules\/(pino|sonic-boom|thread-stream)/.test(f.url)],
  [
    "Express, routing, body and query parsing",
    (f) =>
      /node_modules\/(express|router|body-parser|qs|send|finalhandler|on-finished|raw-body|iconv-lite|type-is|content-type|cookie|serve-static|path-to-regexp|accepts|negotiator|mime)/.test(
        f.url,
      ),
  ],
  ["models (JS around the queries)", (f) => /\/src\/(models|db)\//.test(f.url)],
  ["domain rules", (f) => /\/src\/domain\//.test(f.url)],
  ["routes, pages and middleware", (f) => /\/src\/(routes|http|sections|middleware|forms|lib)\/|\/src\/app/.test(f.url)],
  ["Node http, sockets, buffers", (f) => f.url.startsWith("node:") || f.functionName === "(program)"],
];
export const PART_NAMES = [...PARTS.map(([name]) => name), "other"];

/** The profile the server wrote into `dir` (the only one there). */
export function readProfile(dir: string): CpuProfile {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
}

/**
 * Microseconds of CPU per part between `from` and `to` (the profile's clock: CLOCK_MONOTONIC in µs, as
 * `process.hrtime` gives in the load process). Idle samples are left out.
 */
export function breakdown(profile: CpuProfile, from: number, to: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const partOf = new Map<number, string>();
  const part = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const own = PARTS.find(([, test]) => test(node.callFrame))?.[0];
    const found = own ?? (node.parent === undefined ? "other" : part(node.parent));
    partOf.set(id, found);
    return found;
  };
  const spent = new Map<string, number>(PART_NAMES.map((name) => [name, 0]));
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i]!;
    t += delta;
    if (t < from || t > to) continue;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === "(idle)") continue;
    const p = part(node.id);
    spent.set(p, spent.get(p)! + delta);
  }
  return spent;
}
