import request from "supertest";
import type { Express } from "express";
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openDb, type Db } from "../src/db/client.js";
import { migrateDb } from "../src/db/migrate.js";
import { ensureCalendar } from "../src/models/calendar.js";
import { DEMO_PASSWORD, seedDemo } from "../seeds/index.js";

export { DEMO_PASSWORD };

export interface TestApp {
  app: Express;
  db: Db;
  /** Moves the app's clock. */
  clock: { now: Date };
}

/** A fresh in-memory database with the calendar and demo accounts, and an app on a settable clock. */
export async function makeTestApp(start = new Date("2026-11-23T02:00:00Z")): Promise<TestApp> {
  const db = openDb(":memory:");
  migrateDb(db);
  ensureCalendar(db, 2031);
  await seedDemo(db);
  const clock = { now: start };
  const app = createApp({ db, config: readConfig({ NODE_ENV: "test" }), now: () => clock.now });
  return { app, db, clock };
}

export type Agent = ReturnType<typeof request.agent>;

/** A browser-like agent: its form posts carry Sec-Fetch-Site: same-origin, as a real browser's would. */
export function browser(app: Express): Agent {
  return request.agent(app).set("Sec-Fetch-Site", "same-origin");
}

export async function loginAs(app: Express, username: string, password = DEMO_PASSWORD): Promise<Agent> {
  const agent = browser(app);
  const res = await agent.post("/login").type("form").send({ username, password });
  if (res.status !== 303) throw new Error(`login as ${username} failed with ${res.status}`);
  return agent;
}

export const ROLE_USERS = {
  clerk: "clerk1",
  inspector: "inspector1",
  supervisor: "supervisor1",
  unit: "unit_zjj",
  admin: "admin",
} as const;
