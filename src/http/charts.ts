/**
 * Charts drawn on the server with Apache ECharts (server-side SVG, `ssr: true`): no client JavaScript,
 * nothing from a CDN, crisp on A4. Each chart goes out as an <img> with a data: URI (allowed by the CSP's
 * img-src) and its alt text; the page always shows the same numbers in a table next to it.
 */
import { createRequire } from "node:module";
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
  src: string;
}

// Single quotes: ECharts writes the family into a double-quoted style attribute of the SVG.
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function renderChart(spec: ChartSpec): RenderedChart {
  const width = spec.width ?? 760;
  const height = spec.height ?? (spec.horizontal ? Math.max(220, 60 + spec.categories.length * 28) : 320);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height, locale: "ZH" });
  // Horizontal bars list the first category at the top, as the table beside them does.
  const categoryAxis = { type: "category" as const, data: spec.categories, inverse: spec.horizontal ?? false, axisLabel: { fontSize: 12 } };
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
    grid: { left: spec.horizontal ? 90 : 56, right: 24, top: 48, bottom: 56, containLabel: false },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s, i) => ({
      name: s.name,
      type: s.type,
      data: s.data,
      stack: s.stack,
      color: s.color,
      label: { show: spec.categories.length <= 12, position: s.stack ? "inside" : "top", fontSize: 11 },
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
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Base64 holds no character HTML escapes: views print `src` unescaped (<%- %>), sparing a pass over 200 KB.
  return { title: spec.title, src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
