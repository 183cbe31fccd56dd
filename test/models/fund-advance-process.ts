/**
 * One process of test/models/emergency-fund-concurrency.test.ts: opens its own connection to the database file,
 * waits for "go" on stdin, then pays `count` advances of `amount` fen from the office's fund as fast as it can,
 * each in its own transaction as the app does, and prints how many were paid and how many refused.
 */
import { openDb } from "../../src/db/client.js";
import { ValidationError } from "../../src/domain/errors.js";
import { appendMovement } from "../../src/models/emergency-fund.js";

const [path, officeId, count, amount] = process.argv.slice(2);
const db = openDb(path!);
process.stdout.write("ready\n");
process.stdin.once("data", () => {
  let paid = 0;
  let refused = 0;
  for (let i = 0; i < Number(count); i++) {
    try {
      db.transaction((tx) =>
        appendMovement(tx, {
          officeId: Number(officeId),
          kind: "advance",
          amountFen: Number(amount),
          occurredOn: "2026-11-23",
          note: `pid ${process.pid}`,
          actorId: null,
        }),
      );
      paid++;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      refused++;
    }
  }
  db.$client.close();
  process.stdout.write(`${JSON.stringify({ paid, refused })}\n`);
  process.exit(0);
});
