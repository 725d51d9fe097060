import { defineConfig } from "vitest/config";
import { shared, SLOW_TESTS } from "./vitest.config.js";

/** `npm run test:slow`: the fuzzers, the crash test and the packaging test (see vitest.config.ts). */
export default defineConfig({ test: { ...shared, include: SLOW_TESTS } });
