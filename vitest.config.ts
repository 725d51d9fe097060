import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The suite spawns the real CLI and starts loopback servers: generous, not tight, limits.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // CLI tests run the built CLI: rebuilt first when src/ is newer than dist/.
    globalSetup: ["tests/setup/build-cli.ts"],
  },
});
