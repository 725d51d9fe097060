/**
 * Drills that repeat a run to show nothing hangs or doubles on the n-th try (ten runs in a row,
 * every kill point) prove the behaviour in their first run. `npm test` runs that one; `npm run
 * test:slow` (vitest.slow.config.ts sets FAILOVER_TEST_SOAK=1) runs them all. A file that uses
 * this is listed in SOAK_TESTS in vitest.config.ts.
 */
export const SOAK = process.env.FAILOVER_TEST_SOAK === "1";

/** `count` in the slow suite, one in the default one. */
export function soakRuns(count: number): number {
  return SOAK ? count : 1;
}

/** All of `cases` in the slow suite; in the default one, those `pick` keeps. */
export function soakCases<T>(cases: readonly T[], pick: (c: T) => boolean): T[] {
  return SOAK ? [...cases] : cases.filter(pick);
}
