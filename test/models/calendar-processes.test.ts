/**
 * With WEB_WORKERS > 1 each process keeps the working calendar it read (models/calendar.ts): a calendar
 * change saved through another connection must be seen at once, or deadlines are computed with the old
 * calendar; any other write must not make it read the calendar again.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../../src/db/client.js";
import { migrateDb } from "../../src/db/migrate.js";
import { recordLoginFailure } from "../../src/auth/login-throttle.js";
import { PROVISIONAL_SOURCE, loadCalendar, saveYearSchedule, storeSchedules } from "../../src/models/calendar.js";
import { getUserByUsername } from "../../src/models/users.js";
import { seedDemo } from "../../seeds/index.js";
import { TEST_DB_SCHEDULES } from "../fixtures/calendars.js";

describe("the working calendar kept by each process (loadCalendar)", () => {
  let saving: Db;
  let other: Db;
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), "qx-calendar-")), "app.db");
    saving = openDb(path);
    migrateDb(saving);
    storeSchedules(saving, TEST_DB_SCHEDULES, () => PROVISIONAL_SOURCE);
    await seedDemo(saving);
    other = openDb(path);
  });
  afterAll(() => {
    saving.$client.close();
    other.$client.close();
  });

  it("keeps the calendar it read while other connections write anything else", () => {
    const held = loadCalendar(other);
    recordLoginFailure(saving, "nobody", "203.0.113.9", new Date("2026-11-23T02:00:00Z"));
    expect(loadCalendar(other)).toBe(held);
  });

  it("reads the calendar again after another connection saved a change to it", () => {
    expect(loadCalendar(other).isWorkingDay("2026-12-01")).toBe(true);
    const year = loadCalendar(saving)
      .days()
      .filter((d) => d.year === 2026);
    const admin = getUserByUsername(saving, "admin")!.id;
    saveYearSchedule(
      saving,
      2026,
      {
        holidays: [...year.filter((d) => d.kind === "holiday").map((d) => ({ date: d.date, name: d.name ?? "" })), { date: "2026-12-01", name: "测试" }],
        makeupWorkdays: year.filter((d) => d.kind === "makeup").map((d) => ({ date: d.date, name: d.name ?? "" })),
        source: "测试",
        publish: false,
      },
      admin,
      "测试",
    );
    expect(loadCalendar(other).isWorkingDay("2026-12-01")).toBe(false);
    expect(loadCalendar(other).addWorkingDays("2026-11-30", 1).date).toBe("2026-12-02");
  });
});
