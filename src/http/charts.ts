/**
 * Charts drawn on the server with Apache ECharts (server-side SVG, `ssr: true`): no client JavaScript,
 * nothing from a CDN, crisp on A4. Each chart is an <img> with its alt text, the page always showing the same
 * numbers in a table next to it. The image is an address of its own beside the page's (`chartSrc`, answered by
 * `sendChart`), not a data: URI inside it: a page carrying its charts was 90–130 KB and cost a millisecond more
 * to send each time it was drawn, and the browser now keeps an unchanged chart instead of receiving it again.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Request, Response } from "express";
import type * as ECharts from "echarts";

const require = createRequire(import.meta.url);
let loaded: typeof ECharts | undefined;
/** ECharts is large (about 300 ms and 45 MB to load): loaded with the first chart drawn, not at start. */
function echarts(): typeof ECharts {
  loaded ??= require("echarts") as typeof ECharts;
  return loaded;
}

export interface ChartSeries {
  name: string;
  type: "bar" | "line";
  data: (number | null)[];
  stack?: string;
  color?: string;
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: ChartSeries[];
  yName?: string;
  /** A horizontal reference line, e.g. the 8-working-day target. */
  reference?: { value: number; label: string };
  /** Categories on the vertical axis (long names, e.g. inspectors). */
  horizontal?: boolean;
  width?: number;
  height?: number;
}

export interface RenderedChart {
  title: string;
  svg: string;
  /** A digest of the drawing: the image's address names it, so a browser keeps a chart until it changes. */
  version: string;
}

// Single quotes: ECharts writes the family into a double-quoted style attribute of the SVG.
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function renderChart(spec: ChartSpec): RenderedChart {
  const width = spec.width ?? 760;
  const height = spec.height ?? (spec.horizontal ? Math.max(220, 60 + spec.categories.length * 28) : 320);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height, locale: "ZH" });
  // Horizontal bars list the first category at the top, as the table beside them does.
  // A long name on the vertical axis wraps (up to two lines in its row) instead of squeezing the bars.
  const categoryAxis = {
    type: "category" as const,
    data: spec.categories,
    inverse: spec.horizontal ?? false,
    axisLabel: spec.horizontal ? { fontSize: 12, width: 168, overflow: "break" as const, lineHeight: 13 } : { fontSize: 12 },
  };
  const reference = spec.reference?.value;
  // The axis always reaches the reference line, so the target shows even when every month beats it.
  const valueAxis = {
    type: "value" as const,
    name: spec.yName,
    minInterval: 1,
    max: reference === undefined ? undefined : (extent: { max: number }) => Math.ceil(Math.max(extent.max, reference) * 1.15),
  };
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT },
    color: ["#1d4f91", "#067647", "#b54708", "#b42318", "#5b6472"],
    title: { text: spec.title, left: "center", textStyle: { fontSize: 15, fontWeight: "bold" } },
    legend: { bottom: 0 },
    // ECharts 6 moves the grid in as far as its axis labels need (grid.outerBounds), so these are least margins.
    grid: { left: 56, right: 24, top: 48, bottom: 56 },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s, i) => ({
      name: s.name,
      type: s.type,
      data: s.data,
      stack: s.stack,
      color: s.color,
      // A stacked segment of 0 has no bar to carry its figure: no label ("0" would sit on its neighbour's edge).
      label: { show: spec.categories.length <= 12, position: s.stack ? "inside" : "top", fontSize: 11, formatter: s.stack ? nonZero : undefined },
      ...(i === 0 && spec.reference
        ? {
            markLine: {
              symbol: "none",
              lineStyle: { color: "#b42318", type: "dashed" },
              label: { formatter: spec.reference.label, position: "insideEndTop" },
              data: [{ yAxis: spec.reference.value }],
            },
          }
        : {}),
    })),
  });
  const svg = withSteadyNames(chart.renderToSVGString());
  chart.dispose();
  return { title: spec.title, svg, version: createHash("sha256").update(svg).digest("base64url").slice(0, 16) };
}

/**
 * zrender numbers its instances and its style classes per process in the SVG (`zr6677-c0`, `zr-cls-41`): the same
 * drawing would be a new image after every chart drawn, and a different one in each web process, so its address
 * would change for nothing. The names only link parts of this one image: numbered afresh in order of appearance.
 */
function withSteadyNames(svg: string): string {
  const classes = new Map<string, number>();
  const renumber = (part: string) =>
    part.replace(/(?<=["#.\s])zr\d+-/g, "zr-").replace(/(?<=["#.\s])zr-cls-\d+\b/g, (name) => {
      if (!classes.has(name)) classes.set(name, classes.size);
      return `zr-cls-${classes.get(name)}`;
    });
  // The drawing names its own parts inside its tags (id="zr3-…", class="zr3-cls-1", url(#zr3-…)) and its style
  // sheet (.zr3-cls-1); every label is a text node between tags, left exactly as typed.
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>|<[^>]*>/g, renumber);
}

function nonZero(p: { value?: unknown }): string {
  return p.value === 0 || p.value === null || p.value === undefined ? "" : String(p.value);
}

/**
 * The address of a chart its page's route draws again at `path` from the same query (any web process can answer
 * it: the figures are the page's, kept until the database changes), with the drawing's version.
 */
export function chartSrc(path: string, query: string, chart: RenderedChart): string {
  return `${path}?${query}${query && !query.endsWith("&") ? "&" : ""}v=${chart.version}`;
}

/**
 * Answers a chart's address: kept by the browser for a day when asked for by the version drawn now (its address
 * changes with the figures), otherwise checked again. Private, and signing out clears the browser's cache of the
 * site (`Clear-Site-Data`, src/routes/auth.ts): the next user of a shared computer finds no figures in it.
 */
export function sendChart(req: Request, res: Response, chart: RenderedChart | undefined): void {
  if (!chart) {
    res.status(404).type("text/plain; charset=utf-8").send("没有这张图表。");
    return;
  }
  res.set("Cache-Control", req.query.v === chart.version ? "private, max-age=86400, immutable" : "private, no-cache");
  res.type("image/svg+xml").send(chart.svg);
}
