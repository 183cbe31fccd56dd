/**
 * 多方合办 (docs/rules.md §Other modules): a supervisor escalates a major or complex case to member units of the 工作专班;
 * each unit gets a task with a due date counted in working days, and answers it (done, or more time with
 * a reason).
 */
export const ESCALATION_GROUNDS = {
  manyWorkers: "涉及人数多",
  largeAmount: "金额大",
  massIncidentRisk: "有群体性事件风险",
  severalDepartments: "涉及多个部门",
} as const;
export type EscalationGround = keyof typeof ESCALATION_GROUNDS;

export const TASK_STATUSES = ["open", "done", "moreTime"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: "办理中", done: "已办结", moreTime: "申请延期" };

/** Working days a unit may be given for a task. */
export const MIN_TASK_DAYS = 1;
export const MAX_TASK_DAYS = 30;
