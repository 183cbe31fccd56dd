import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../../src/domain/case-states.js";
import { OUTCOME_FOR_WORKER, outcomeForWorker } from "../../src/domain/outcome-for-worker.js";

describe("what the public lookup tells a worker after closing (docs/rules.md §The public lookup after closing)", () => {
  it("has a sentence of what happened and one of what to do next for every outcome", () => {
    for (const outcome of OUTCOMES) {
      const s = OUTCOME_FOR_WORKER[outcome];
      expect(s.happened.length, outcome).toBeGreaterThan(8);
      expect(s.next.length, outcome).toBeGreaterThan(8);
      // No period or amount is stated here: a worker's time limit is on the document served on them.
      expect(`${s.happened}${s.next}`, outcome).not.toMatch(/[0-9０-９]|[一二三四五六七八九十]+[日天月年]/);
    }
  });

  it("names the body a worker turns to for each way a case ends", () => {
    expect(OUTCOME_FOR_WORKER.referredToPolice.happened).toContain("公安机关");
    expect(OUTCOME_FOR_WORKER.rejected.next).toMatch(/行政复议.*行政诉讼/);
    expect(OUTCOME_FOR_WORKER.toArbitrationOrCourt.next).toContain("劳动人事争议仲裁委员会");
    expect(OUTCOME_FOR_WORKER.administrativeDecision.next).toContain("申请人民法院强制执行");
    expect(OUTCOME_FOR_WORKER.emergencyFund.happened).toContain("应急周转金先行垫付");
  });

  it("says nothing for a case without a recorded outcome", () => {
    expect(outcomeForWorker(null)).toBeNull();
    expect(outcomeForWorker("mediated")?.closing).toContain("承办机构");
  });
});
