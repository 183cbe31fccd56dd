/**
 * Idempotent seeding. Every start: the calendar (official years, provisional years ahead). Outside
 * production: the demo member units and accounts (password demo1234). In production: no demo data, only
 * a first admin when there is no user at all. Demo cases and publications only on a database that had no
 * case at all when the start began: a database filled by `seed:bulk`, or one already seeded, is left as it is
 * (demo publications once ran on a bulk database and their document numbers collided with its own).
 */
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import type { Config } from "../src/config.js";
import type { Db } from "../src/db/client.js";
import { cases, users } from "../src/db/schema.js";
import { hashPassword } from "../src/auth/password.js";
import { yearOf, shanghaiDate } from "../src/domain/dates.js";
import type { Role } from "../src/domain/roles.js";
import { logger } from "../src/lib/logger.js";
import { ensureCalendar } from "../src/models/calendar.js";
import { createUnit, findUnitByName } from "../src/models/units.js";
import { createUser, getUserByUsername } from "../src/models/users.js";
import { cityOffice, createOffice, listOffices, updateOffice } from "../src/models/offices.js";
import { DEMO_CITY_OFFICE, DEMO_DISTRICT_OFFICES, demoContact } from "./offices.js";
import { MEMBER_UNITS } from "./member-units.js";
import { seedDemoCases } from "./demo-cases.js";
import { seedDemoActions, seedDemoProjects } from "./demo-prevention.js";
import { seedDemoPublications } from "./demo-publications.js";
import { seedDemoVoice } from "./demo-voice.js";

export const DEMO_PASSWORD = "demo1234";

/** `office`: the demo office's name; the city office (市本级) when absent. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; unit?: string; office?: string }[] = [
  { username: "admin", displayName: "系统管理员", role: "admin" },
  { username: "clerk1", displayName: "王晓丽", role: "clerk" },
  { username: "inspector1", displayName: "李建国", role: "inspector" },
  { username: "inspector2", displayName: "张伟", role: "inspector" },
  { username: "inspector3", displayName: "刘洋", role: "inspector" },
  { username: "supervisor1", displayName: "陈志强", role: "supervisor" },
  { username: "unit_zjj", displayName: "赵敏", role: "unit", unit: "市住建局" },
  { username: "clerk_ng", displayName: "孙丽娜", role: "clerk", office: "南关区劳动保障监察大队" },
  { username: "inspector_ng", displayName: "周海涛", role: "inspector", office: "南关区劳动保障监察大队" },
  { username: "supervisor_ng", displayName: "吴国庆", role: "supervisor", office: "南关区劳动保障监察大队" },
  { username: "clerk_cy", displayName: "郑雪", role: "clerk", office: "朝阳区劳动保障监察大队" },
  { username: "inspector_cy", displayName: "冯磊", role: "inspector", office: "朝阳区劳动保障监察大队" },
  { username: "supervisor_cy", displayName: "褚红梅", role: "supervisor", office: "朝阳区劳动保障监察大队" },
];

/** Provisional calendar years are kept five years ahead of today. */
export const CALENDAR_YEARS_AHEAD = 5;

export async function seed(db: Db, config: Config, now: Date): Promise<void> {
  ensureCalendar(db, yearOf(shanghaiDate(now)) + CALENDAR_YEARS_AHEAD);
  if (config.isProduction) return ensureFirstAdmin(db, config);
  await seedDemo(db);
  if (db.select({ n: count() }).from(cases).get()!.n > 0) return;
  seedDemoProjects(db, now);
  seedDemoCases(db, now, config);
  seedDemoPublications(db, now, config);
  seedDemoVoice(db, now, config);
  seedDemoActions(db, now);
}

let demoPasswordHash: string | undefined;

export async function seedDemo(db: Db): Promise<void> {
  demoPasswordHash ??= await hashPassword(DEMO_PASSWORD);
  for (const name of MEMBER_UNITS) if (!findUnitByName(db, name)) createUnit(db, name, null);
  seedDemoOffices(db);
  const officeIds = new Map(listOffices(db).map((o) => [o.name, o.id]));
  const city = cityOffice(db)!;
  for (const u of DEMO_USERS) {
    if (getUserByUsername(db, u.username)) continue;
    const unitId = u.unit ? (findUnitByName(db, u.unit)?.id ?? null) : null;
    const officeId = u.office ? officeIds.get(u.office)! : city.id;
    await createUser(db, { username: u.username, displayName: u.displayName, role: u.role, unitId, officeId, passwordHash: demoPasswordHash }, null);
  }
}

/**
 * On a database with only the city office the migration created: the demo city's offices, each district
 * office taking its divisions from the city office (which keeps none: it takes cases by 提级 and designation).
 */
export function seedDemoOffices(db: Db): void {
  if (listOffices(db).length > 1) return;
  const city = cityOffice(db)!;
  updateOffice(db, city.id, { ...DEMO_CITY_OFFICE, kind: "city", divisions: [] }, city.version, null);
  DEMO_DISTRICT_OFFICES.forEach((o, i) => {
    createOffice(db, { ...o, ...demoContact(i, o.divisions[0]!), kind: "district" }, null);
  });
}

async function ensureFirstAdmin(db: Db, config: Config): Promise<void> {
  const { n } = db.select({ n: count() }).from(users).get()!;
  if (n > 0) return;
  const password = config.adminPassword ?? randomBytes(12).toString("base64url");
  await createUser(db, { username: "admin", displayName: "系统管理员", role: "admin", unitId: null, officeId: cityOffice(db)!.id, password }, null);
  if (!config.adminPassword) {
    // Printed once, to the console only (not the log), so the operator can sign in and change it.
    console.log(`\n首次启动：已创建管理员账号 admin，一次性密码：${password}\n请登录后立即在“用户管理”中重置密码。\n`);
  } else {
    logger.info("first admin created from ADMIN_PASSWORD");
  }
}
