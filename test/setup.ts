// Tests run in-process against in-memory databases; nothing here touches data/.
import { join } from "node:path";
import { inject } from "vitest";

process.env.NODE_ENV = "test";
// The unit/HTTP suite logs to files that test/global-setup.ts scans for personal data at the end.
const logDir = inject("logDir");
if (logDir) {
  process.env.LOG_LEVEL ??= "info";
  process.env.LOG_FILE = join(logDir, `${process.pid}.log`);
}
