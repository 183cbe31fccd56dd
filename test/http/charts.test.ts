/** The server-drawn charts (src/http/charts.ts): a drawing's address depends on the drawing alone. */
import { describe, expect, it } from "vitest";
import { renderChart, type ChartSpec } from "../../src/http/charts.js";

const byInspector: ChartSpec = {
  title: "在办案件（按监察员）",
  horizontal: true,
  categories: ["张三", "朝阳区劳动保障监察大队一中队 欧阳某某某", "李四"],
  series: [
    { name: "期限内", type: "bar", data: [3, 0, 5], stack: "cases" },
    { name: "已超期", type: "bar", data: [0, 2, 0], stack: "cases" },
  ],
};

describe("charts", () => {
  it("the same figures give the same image and version however many charts were drawn before (any web process)", () => {
    const first = renderChart(byInspector);
    for (let i = 0; i < 3; i++) renderChart({ ...byInspector, title: `其他图表 ${i}` });
    const again = renderChart(byInspector);
    expect(again.svg).toBe(first.svg);
    expect(again.version).toBe(first.version);
    // …and other figures another version.
    expect(renderChart({ ...byInspector, categories: ["张三", "王五", "李四"] }).version).not.toBe(first.version);
  });

  it("a stacked segment of 0 carries no label, the others their figure; a long name is drawn whole, over two lines", () => {
    const { svg } = renderChart(byInspector);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]?.trim());
    expect(labels).toEqual(expect.arrayContaining(["3", "2", "5", "朝阳区劳动保障监察大队一中队", "欧阳某某某"]));
    // The value axis has its own 0 tick; no bar label says 0.
    expect(labels.filter((l) => l === "0")).toHaveLength(1);
  });

  it("a name that looks like a drawing's own id is drawn as typed", () => {
    const { svg } = renderChart({ ...byInspector, categories: ["张三", "zr12-cls-3 小组", "李四"] });
    expect(svg).toContain(">zr12-cls-3 小组<");
  });

  it("names that look like the drawing's own ids are drawn as typed wherever they follow a space, a dot or a quote", () => {
    const { svg } = renderChart({
      ...byInspector,
      title: "图 zr7-cls-2 标题",
      categories: ["第 zr12-cls-3 组", "A.zr5-b", '"zr9-x"'],
      series: [{ name: "系列 zr3-c0", type: "bar", data: [1, 2, 3] }],
    });
    for (const typed of ["第 zr12-cls-3 组", "A.zr5-b", "&quot;zr9-x&quot;", "图 zr7-cls-2 标题", "系列 zr3-c0"]) expect(svg).toContain(typed);
    // The drawing's own names are still renumbered.
    expect(svg).not.toMatch(/(id|class)="zr\d+-/);
  });
});
