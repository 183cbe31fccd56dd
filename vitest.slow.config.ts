import { defineConfig } from "vitest/config";

// Slow tests start the real server as a child process and kill it (crash recovery): `npm run test:slow`.
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/slow/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
