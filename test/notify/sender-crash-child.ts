/**
 * The sender in a process of its own that dies (SIGKILL) right after its second message went out and before
 * that send is recorded: test/notify/sender.test.ts starts it on a database file.
 */
import { openDb } from "../../src/db/client.js";
import { parseQuietHours } from "../../src/domain/worker-notices.js";
import { outboxTransport } from "../../src/notify/outbox-transport.js";
import { runSender } from "../../src/notify/sender.js";

const [path, at] = process.argv.slice(2) as [string, string];
const db = openDb(path);
const now = () => new Date(at);
let sends = 0;
await runSender(db, outboxTransport(db, now), { quietHours: parseQuietHours("21:00-08:00")!, hourlyCap: 100, publicBaseUrl: "http://localhost:3000" }, now, {
  afterSend: () => {
    sends++;
    if (sends === 2) process.kill(process.pid, "SIGKILL");
  },
});
