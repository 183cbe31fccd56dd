import { defineConfig } from "vitest/config";

// Browser tests drive Debian's /usr/bin/chromium through playwright-core against a real server.
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/browser/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
