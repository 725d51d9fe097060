import { defineConfig } from "vitest/config";
import { shared, SLOW_TESTS, SOAK_TESTS } from "./vitest.config.js";

/** `npm run test:slow`: the fuzzers, the crash test, the packaging test, and the soak drills in full (see vitest.config.ts). */
// The fuzzers do thousands of runs in one test: minutes on a busy machine, which is what this suite is for.
export default defineConfig({ test: { ...shared, testTimeout: 300_000, include: [...SLOW_TESTS, ...SOAK_TESTS], env: { FAILOVER_TEST_SOAK: "1" } } });
