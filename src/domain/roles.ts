/**
 * Roles and what each may reach (docs/rules.md §Other modules).
 * The `unit` role is always tied to one task-force member unit; admins see no case content.
 */
export const ROLES = ["clerk", "inspector", "supervisor", "unit", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: "窗口受理员",
  inspector: "监察员",
  supervisor: "科长/支队领导",
  unit: "专班成员单位联络员",
  admin: "系统管理员",
};

/** Where each role starts its day after signing in: its own worklist, not a greeting. */
export const LANDING_PAGES: Record<Role, string> = {
  clerk: "/cases",
  inspector: "/cases",
  supervisor: "/cases",
  unit: "/tasks",
  admin: "/admin/users",
};
