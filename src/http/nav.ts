import type { Role } from "../domain/roles.js";

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

interface NavEntry extends NavItem {
  /** Who sees it; "public" means signed-out visitors. */
  for: readonly (Role | "public")[];
}

/** The navigation bar: one list, filtered by who is signed in. Pages are guarded by requireRole too. */
const NAV: readonly NavEntry[] = [
  { href: "/", label: "首页", for: ["clerk", "inspector", "supervisor", "unit", "admin", "public"] },
  { href: "/cases", label: "案件工作台", for: ["clerk", "inspector", "supervisor"] },
  { href: "/cases/new", label: "登记投诉", for: ["clerk", "supervisor"] },
  { href: "/acknowledgements", label: "签收", for: ["clerk", "supervisor"] },
  { href: "/transfers", label: "移送", for: ["supervisor"] },
  { href: "/reports", label: "举报核查", for: ["clerk", "inspector", "supervisor"] },
  { href: "/followups", label: "差评回访", for: ["supervisor"] },
  { href: "/tasks", label: "专班任务", for: ["unit", "supervisor"] },
  { href: "/blacklist", label: "失信名单", for: ["inspector", "supervisor"] },
  { href: "/violations", label: "违法公布", for: ["supervisor"] },
  { href: "/employers", label: "用人单位", for: ["clerk", "inspector", "supervisor"] },
  { href: "/projects", label: "工程项目", for: ["clerk", "inspector", "supervisor"] },
  { href: "/actions", label: "专项行动", for: ["inspector", "supervisor"] },
  { href: "/dashboard", label: "监督看板", for: ["supervisor"] },
  { href: "/statistics", label: "统计分析", for: ["supervisor"] },
  { href: "/funds", label: "应急周转金", for: ["supervisor"] },
  { href: "/complaint", label: "网上投诉", for: ["public"] },
  { href: "/query", label: "进度查询", for: ["public"] },
  { href: "/report", label: "我要举报", for: ["public"] },
  { href: "/public/blacklist", label: "失信名单公示", for: ["public"] },
  { href: "/public/violations", label: "重大违法公布", for: ["public"] },
  { href: "/admin/users", label: "用户管理", for: ["admin"] },
  { href: "/admin/offices", label: "监察机构", for: ["admin"] },
  { href: "/admin/units", label: "成员单位", for: ["admin"] },
  { href: "/admin/calendar", label: "工作日历", for: ["admin"] },
  { href: "/admin/outbox", label: "短信发件箱", for: ["admin"] },
  { href: "/admin/health", label: "系统状况", for: ["admin"] },
  { href: "/personal-data-views", label: "信息查看记录", for: ["supervisor"] },
  { href: "/calendar/calc", label: "工作日计算", for: ["clerk", "inspector", "supervisor", "unit", "admin", "public"] },
];

/** The items this visitor may use; the one whose address is the longest prefix of `path` is current. */
export function navFor(role: Role | null, path = ""): NavItem[] {
  const who = role ?? "public";
  const items = NAV.filter((n) => n.for.includes(who)).map(({ href, label }) => ({ href, label, current: false }));
  const matches = (href: string) => path === href || (href !== "/" && path.startsWith(`${href}/`));
  const current = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0];
  if (current) current.current = true;
  return items;
}
