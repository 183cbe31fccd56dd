/** 多方合办: the escalation, each member unit's task and answer, and the escalation form. */
import { CLOCK_STATUS_LABELS } from "../domain/clocks.js";
import { ESCALATION_GROUNDS, TASK_STATUS_LABELS } from "../domain/task-force.js";
import { tasksOfCase } from "../models/task-force.js";
import { listUnits } from "../models/units.js";
import { section } from "./section.js";

export const taskForceSection = section({
  key: "taskforce",
  partial: "cases/_task-force",
  when: (abilities, c) => c.escalatedAt !== null || abilities.moves.some((m) => m.name === "escalate"),
  load: (db, view) => ({
    tasks: view.c.escalatedAt ? tasksOfCase(db, view.c.id, view.today) : [],
    units: view.may("escalate") ? listUnits(db, { activeOnly: true }) : [],
    taskStatusLabels: TASK_STATUS_LABELS,
    escalationGrounds: ESCALATION_GROUNDS,
    clockStatusLabels: CLOCK_STATUS_LABELS,
  }),
});
