import { describe, expect, it } from "vitest";
import { openDb, STATEMENT_CACHE_SIZE } from "../../src/db/client.js";

describe("the connection's kept statements (src/db/client.ts)", () => {
  const db = openDb(":memory:");
  const sqlite = db.$client;
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('甲'), ('乙'), ('丙');");

  it("hands the same compiled statement out again for the same SQL", () => {
    expect(sqlite.prepare("select name from t where id = ?")).toBe(sqlite.prepare("select name from t where id = ?"));
  });

  it("returns plain rows after another use set raw or pluck mode", () => {
    expect(sqlite.prepare("select id, name from t order by id").raw().all()).toEqual([
      [1, "甲"],
      [2, "乙"],
      [3, "丙"],
    ]);
    expect(sqlite.prepare("select id, name from t order by id").all()[0]).toEqual({ id: 1, name: "甲" });
    expect(sqlite.prepare("select count(*) as n from t").pluck().get()).toBe(3);
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 3 });
  });

  it("compiles a fresh statement while the kept one is still being iterated", () => {
    const names: string[] = [];
    for (const row of sqlite.prepare("select name from t order by id").iterate() as Iterable<{ name: string }>) {
      names.push((sqlite.prepare("select name from t order by id").get() as { name: string }).name + row.name);
    }
    expect(names).toEqual(["甲甲", "甲乙", "甲丙"]);
  });

  it("keeps at most STATEMENT_CACHE_SIZE statements, dropping the least recently used", () => {
    const first = sqlite.prepare("select 0 as n");
    for (let i = 1; i <= STATEMENT_CACHE_SIZE; i++) sqlite.prepare(`select ${i} as n`);
    expect(sqlite.prepare("select 0 as n")).not.toBe(first);
    expect(sqlite.prepare(`select ${STATEMENT_CACHE_SIZE} as n`).get()).toEqual({ n: STATEMENT_CACHE_SIZE });
  });

  it("answers drizzle's queries as before", () => {
    expect(db.all<{ name: string }>("select name from t where id = 2")).toEqual([{ name: "乙" }]);
    expect(db.get<{ name: string }>("select name from t where id = 2")).toEqual({ name: "乙" });
  });
});
