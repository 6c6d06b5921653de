import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    globalSetup: ["./test/helpers/temp-root.ts"],
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    testTimeout: 30000,
  },
});
