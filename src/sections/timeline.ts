/** 办理记录: the case's timeline, newest last. */
import { eventLabel } from "../domain/case-states.js";
import { JURISDICTION_STEP_LABELS } from "../domain/jurisdiction.js";
import { section } from "./section.js";

/** The state machine's and the jurisdiction steps' words for a timeline row. */
const label = (action: string) => JURISDICTION_STEP_LABELS[action as keyof typeof JURISDICTION_STEP_LABELS] ?? eventLabel(action);

export const timelineSection = section({
  key: "timeline",
  partial: "cases/_timeline",
  when: () => true,
  load: () => ({ eventLabel: label }),
});
