/** 办理记录: the case's timeline, newest last. */
import { eventLabel } from "../domain/case-states.js";
import { section } from "./section.js";

export const timelineSection = section({
  key: "timeline",
  partial: "cases/_timeline",
  when: () => true,
  load: () => ({ eventLabel }),
});
