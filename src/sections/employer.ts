/** 被投诉单位: the employer (and the project of a construction case), the facts and the claim. */
import { section } from "./section.js";

export const employerSection = section({
  key: "employer",
  partial: "cases/_employer",
  when: () => true,
  load: () => ({}),
});
