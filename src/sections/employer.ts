/** 被投诉单位: the employer (and the project of a construction case), the facts and the claim. */
import { projectOfCase } from "../models/projects.js";
import { section } from "./section.js";

export const employerSection = section({
  key: "employer",
  partial: "cases/_employer",
  when: () => true,
  load: (db, view) => ({ project: view.c.isConstruction ? projectOfCase(db, view.c.id) : null }),
});
