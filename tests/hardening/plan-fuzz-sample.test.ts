/**
 * Fuzzing saved plans and configs, the small fixed-seed run in `npm test`: the same mutations and
 * promises as the long run (plan-fuzz.test.ts, `npm run test:slow`; see tests/helpers/plan-fuzz.ts),
 * 160 cases through the library and a handful through the built CLI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { seededRandom } from "../helpers/random.js";
import { configThroughCli, fuzzConfigsInLibrary, fuzzPlansInLibrary, mutateConfig, mutatePlan, planProjects, planThroughCli, withSeed, type Project } from "../helpers/plan-fuzz.js";

const SEED = 20261130;
let projects: Project[];

beforeAll(async () => {
  projects = await planProjects();
});

describe("fuzzing saved plans and configs (fixed seed)", () => {
  it("tampered plans and configs through the library", async () => {
    const plans = await fuzzPlansInLibrary(projects, SEED, 80);
    expect(plans.refused).toBeGreaterThan(30);
    expect(plans.passed).toBeGreaterThan(6);
    const configs = await fuzzConfigsInLibrary(SEED + 1, 80);
    expect(configs.refused).toBeGreaterThan(30);
    expect(configs.passed).toBeGreaterThan(6);
  });

  it("a few tampered plans and configs through the built CLI", async () => {
    const random = seededRandom(SEED + 2);
    for (let i = 0; i < 3; i++) {
      const project = projects[i % 2]!;
      const text = mutatePlan(project.plan, project, random);
      await withSeed(SEED + 2, `${project.kind} plan case ${i}`, text, () => planThroughCli(project, text, Math.floor(i / 2)));
    }
    const config = readFileSync(join(ROOT, "fixtures/demo/config/failover.yaml"), "utf8");
    const configs = seededRandom(SEED + 3);
    for (let i = 0; i < 3; i++) {
      const text = mutateConfig(config, configs);
      await withSeed(SEED + 3, `config case ${i}`, text, () => configThroughCli(text, i));
    }
  });
});
