import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    environment: "node",
    // The prebuilt CLI that bin/helpshift-ts.mjs runs (test/cli spawns it): built from the current sources.
    globalSetup: ["test/cli/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
