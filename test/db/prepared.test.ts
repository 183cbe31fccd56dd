/** Queries prepared once per connection (src/db/prepared.ts), inside transactions as well as outside. */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb, type DbOrTx } from "../../src/db/client.js";
import { preparedOnce } from "../../src/db/prepared.js";
import { offices } from "../../src/db/schema.js";

describe("preparedOnce", () => {
  it("builds a query once per connection, shared by its transactions, and answers with the transaction's writes", () => {
    const db = openDb(":memory:");
    db.$client.exec("create table offices (id integer primary key, name text not null)");
    let built = 0;
    const byId = (d: DbOrTx) => {
      built++;
      return d
        .select({ name: offices.name })
        .from(offices)
        .where(eq(offices.id, sql.placeholder("id")))
        .prepare();
    };
    db.transaction((tx) => {
      tx.run(sql`insert into offices (id, name) values (1, '市本级')`);
      // Inside the transaction: sees its own uncommitted row.
      expect(preparedOnce(tx, byId).get({ id: 1 })).toEqual({ name: "市本级" });
    });
    expect(() =>
      db.transaction((tx) => {
        tx.run(sql`insert into offices (id, name) values (2, '南关区')`);
        expect(preparedOnce(tx, byId).get({ id: 2 })).toEqual({ name: "南关区" });
        tx.rollback();
      }),
    ).toThrow("Rollback");
    // Outside any transaction, after a rollback: the rolled-back row is gone.
    expect(preparedOnce(db, byId).get({ id: 2 })).toBeUndefined();
    expect(preparedOnce(db, byId).get({ id: 1 })).toEqual({ name: "市本级" });
    expect(built).toBe(1);
    // Another connection builds its own.
    const other = openDb(":memory:");
    other.$client.exec("create table offices (id integer primary key, name text not null)");
    expect(preparedOnce(other, byId).get({ id: 1 })).toBeUndefined();
    expect(built).toBe(2);
  });
});
