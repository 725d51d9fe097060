/**
 * `npm run test:slow`: kill -9 at seeded random requests across the six part-two platforms (and
 * Bluesky and Mastodon), each followed by a rerun that must leave nothing doubled (see
 * tests/helpers/kill-part-two.ts). KILL_RUNS and KILL_SEED change how many kills and which.
 * About 32 requests make the whole first run; kill points run a little past it (a run that ends
 * before its kill point is checked the same way).
 */
import { describe, expect, it } from "vitest";
import { killAndRerun } from "../helpers/kill-part-two.js";
import { seededRandom } from "../helpers/random.js";

const RUNS = Number(process.env.KILL_RUNS ?? 24);
const SEED = Number(process.env.KILL_SEED ?? 20260714);
const random = seededRandom(SEED);
const points = Array.from({ length: RUNS }, () => ({ killAt: 1 + Math.floor(random() * 36), after: random() < 0.5 }));

describe(`kill -9 at ${RUNS} random points (seed ${SEED})`, () => {
  it.each(points)("killed at request $killAt (carried out: $after): the rerun leaves nothing doubled", async (point) => {
    const { statuses } = await killAndRerun(point);
    expect(Object.keys(statuses)).toHaveLength(8);
  }, 300_000);
});
