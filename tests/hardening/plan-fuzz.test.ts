/**
 * Fuzzing saved plans and configs, the long run (`npm run test:slow`): thousands of tampered plans
 * and configs through the library, and seventy through the built CLI (see
 * tests/helpers/plan-fuzz.ts for the mutations and the promises). `FUZZ_SEED=n` runs another set;
 * a failure names its seed. A small fixed-seed run of the same is in plan-fuzz-sample.test.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../helpers/random.js";
import { configThroughCli, fuzzConfigsInLibrary, fuzzPlansInLibrary, mutateConfig, mutatePlan, planProjects, planThroughCli, withSeed, type Project } from "../helpers/plan-fuzz.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
let projects: Project[];

beforeAll(async () => {
  projects = await planProjects();
});

describe("fuzzing saved plans and configs (long run)", () => {
  it("1,500 tampered plans through the library: refused with exit 2, or applied into a calendar that loads", async () => {
    const tally = await fuzzPlansInLibrary(projects, SEED, 1_500);
    // Both outcomes, or the mutator proves nothing.
    expect(tally.refused).toBeGreaterThan(700);
    expect(tally.passed).toBeGreaterThan(100);
  }, 600_000);

  it("2,000 tampered configs through the library: loaded, or an InputError at a line", async () => {
    const tally = await fuzzConfigsInLibrary(SEED + 1, 2_000);
    expect(tally.refused).toBeGreaterThan(1_000);
    expect(tally.passed).toBeGreaterThan(100);
  });

  it("40 tampered plans through the built CLI: never exit 1, the calendar untouched when refused, nothing left behind", async () => {
    const random = seededRandom(SEED + 2);
    const codes = new Set<number | null>();
    for (let i = 0; i < 40; i++) {
      const project = projects[i % 2]!;
      const text = mutatePlan(project.plan, project, random);
      const r = await withSeed(SEED + 2, `${project.kind} plan case ${i}`, text, () => planThroughCli(project, text, Math.floor(i / 2)));
      codes.add(r.code);
    }
    expect(codes.has(2)).toBe(true);
  }, 600_000);

  it("30 tampered configs through the built CLI: validate, check (--assume and real sources), reroute --dry-run", async () => {
    const random = seededRandom(SEED + 3);
    const config = readFileSync(join(ROOT, "fixtures/demo/config/failover.yaml"), "utf8");
    const codes = new Set<number | null>();
    for (let i = 0; i < 30; i++) {
      const text = mutateConfig(config, random);
      codes.add((await withSeed(SEED + 3, `config case ${i}`, text, () => configThroughCli(text, i))).code);
    }
    expect(codes.has(2)).toBe(true);
    expect([...codes].some((c) => c !== 2)).toBe(true);
  }, 600_000);
});
