/** `optionTags` (src/http/partial-functions.ts): a long list's <option>s drawn once per list, drawing and choice. */
import { describe, expect, it } from "vitest";
import { optionTags } from "../../src/http/partial-functions.js";

const draw = (i: { id: number; name: string }): [string, string] => [String(i.id), i.name];

describe("optionTags", () => {
  it("draws each item escaped, the chosen one selected", () => {
    const list = [
      { id: 1, name: "张三" },
      { id: 2, name: `<b>"李四"&'王五'</b>` },
    ];
    expect(optionTags("t", list, "2", draw)).toBe(
      '<option value="1">张三</option><option value="2" selected>&lt;b&gt;&#34;李四&#34;&amp;&#39;王五&#39;&lt;/b&gt;</option>',
    );
    expect(optionTags("t", list, "", draw)).not.toContain("selected");
  });

  it("draws a list again when it is another list (the database changed), not when it is the same one", () => {
    const before = [{ id: 1, name: "张三（在办 3）" }];
    expect(optionTags("t", before, "", draw)).toContain("在办 3");
    // The same array: the drawing kept (even if the array were changed in place, which untilChanged never does).
    before[0]!.name = "张三（在办 4）";
    expect(optionTags("t", before, "", draw)).toContain("在办 3");
    const after = [{ id: 1, name: "张三（在办 4）" }];
    expect(optionTags("t", after, "", draw)).toContain("在办 4");
    // Another drawing of the same list is its own.
    expect(optionTags("other", after, "", (i) => [String(i.id), `#${i.id}`])).toBe('<option value="1">#1</option>');
  });
});
