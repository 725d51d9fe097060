import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/**
 * The slow suites (fuzzers, the crash tests, packing the tarball, the whole demo) run with
 * `npm run test:slow` (vitest.slow.config.ts); `npm test` runs everything else. `.ci/run` runs both.
 */
export const SLOW_TESTS = [
  "tests/hardening/fuzz.test.ts",
  "tests/hardening/edit-fuzz.test.ts",
  "tests/hardening/plan-fuzz.test.ts",
  "tests/hardening/hostile-publish-all.test.ts",
  "tests/hardening/crash.test.ts",
  "tests/package/**/*.test.ts",
  "tests/cli/demo.test.ts",
  "tests/text/urls-agreement.test.ts",
  "tests/publish/kill-part-two.slow.test.ts",
  // Or by name: a slow sibling of a fast file (README "Keeping npm test fast").
  "tests/**/*.slow.test.ts",
];

/**
 * Drills that repeat what one run already proves (ten runs in a row, every kill point): they run
 * once in `npm test` and in full in `npm run test:slow`, which sets FAILOVER_TEST_SOAK (see
 * tests/helpers/soak.ts). Listed here so the slow suite includes them.
 */
export const SOAK_TESTS = ["tests/cli/deadlines.test.ts", "tests/health/transport.test.ts", "tests/publish/crash.test.ts", "tests/publish/part-two.test.ts", "tests/hardening/leftovers.test.ts", "tests/cli/code-cache.test.ts"];

export const shared = {
  // The suite spawns the real CLI and starts loopback servers: generous, not tight, limits (a
  // shared 2-core machine can be ten times oversubscribed).
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: "forks" as const,
  // Most of a test's time is a child process (the CLI) running while its worker waits: a worker
  // per core keeps the cores busy (vitest's default is one fewer: 1 on 2 cores, half of them idle).
  maxWorkers: availableParallelism(),
  // A worker runs file after file in one process instead of a fresh process per file: starting a
  // worker and importing src/ again cost about a CPU-second per file (half the unit tests' time),
  // measured 30 Nov 2026. The tests keep no global state (no mocks, stubbed globals or chdir), and
  // tests/helpers/global-setup.ts still checks the run as a whole.
  isolate: false,
  // CLI tests run the built CLI: rebuilt first when src/ is newer than dist/. Then one private
  // temp folder for the whole run, removed at the end; nothing written into fixtures/.
  // The loopback status server runs in a process of its own (never the test's).
  globalSetup: ["tests/setup/build-cli.ts", "tests/helpers/global-setup.ts", "tests/setup/status-server.ts"],
};

export default defineConfig({
  test: {
    ...shared,
    include: ["tests/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...SLOW_TESTS],
  },
});
