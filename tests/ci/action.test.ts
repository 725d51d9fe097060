/**
 * The GitHub Action (action.yml): it parses, uses only inputs it declares, and the script of its
 * check step runs here as the runner runs it (bash -eo pipefail), with GITHUB_OUTPUT and the
 * other runner files pointed at temp files: the main paths here, every input in
 * action-steps.slow.test.ts (`npm run test:slow`; each step run starts bash and Node twice).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { action, NOW, runCheckStep, TEXT } from "../helpers/action.js";

describe("action.yml", () => {
  it("is a composite action that references only the inputs and steps it declares", () => {
    expect(action.runs.using).toBe("composite");
    const referenced = [...TEXT.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(5);
    for (const name of referenced) expect(Object.keys(action.inputs), name).toContain(name);
    for (const name of ["calendar", "config", "window", "strict", "format", "extra-args"]) expect(action.inputs[name]?.description).toBeTruthy();
    expect(action.inputs.format!.default).toBe("github");
    const ids = action.runs.steps.map((s) => s.id).filter(Boolean);
    for (const [name, output] of Object.entries(action.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(output.value);
      expect(m, name).not.toBeNull();
      expect(ids).toContain(m![1]);
      expect(action.runs.steps.find((s) => s.id === m![1])!.run).toContain(`echo "${m![2]}=`);
    }
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(["verdict", "exit-code"]));
    // Every run step says its shell (composite actions require it) and inputs never reach a script's text.
    for (const s of action.runs.steps.filter((s) => s.run)) {
      expect(s.shell).toBe("bash");
      expect(s.run).not.toMatch(/\$\{\{/);
    }
  });

  it("is named in the docs' examples by the repository package.json declares, never a placeholder", () => {
    const repo = /github\.com\/([\w-]+\/failover)\.git$/.exec(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).repository.url)![1];
    for (const doc of ["README.md", "docs/ci.md"]) {
      const uses = [...readFileSync(join(ROOT, doc), "utf8").matchAll(/uses: ([\w-]+\/failover)@/g)].map((m) => m[1]);
      expect(uses.length, doc).toBeGreaterThan(0);
      for (const u of uses) expect(u, doc).toBe(repo);
    }
  });

  it("installs failover from the action's own folder", () => {
    const install = action.runs.steps.find((s) => s.name === "Install failover")!;
    expect(install["working-directory"]).toBe("${{ github.action_path }}");
    expect(install.run).toMatch(/npm ci/);
    expect(install.run).toMatch(/npm run build/);
    expect(action.runs.steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
  });

  it("annotates, fails on the blocked demo and sets verdict and exit-code", () => {
    const r = runCheckStep({ "extra-args": `--now ${NOW}` });
    expect(r.code, r.stderr).toBe(4);
    expect(r.outputs).toMatchObject({ verdict: "blocked", "exit-code": "4" });
    expect(r.stdout).toMatch(/^::error file=calendar\.yaml,line=\d+,title=giveaway-reminder%3A blocked::/m);
    const doc = JSON.parse(readFileSync(r.outputs["json-file"]!, "utf8"));
    expect(doc).toMatchObject({ schemaVersion: 1, verdict: "blocked", now: NOW });
    expect(r.summary).toMatch(/^## failover check\n\n🔴 \*\*BLOCKED/);
  });

  it("fails on unverified by default (a check that could not read a channel is no GO), and passes it with fail-on: covered", () => {
    const unread = runCheckStep({ "extra-args": `--now ${NOW} --assume instagram=unknown` });
    expect([unread.code, unread.outputs.verdict, unread.outputs["exit-code"]]).toEqual([5, "unverified", "5"]);
    expect(unread.summary).toMatch(/⚪ \*\*UNVERIFIED/);
    const tolerated = runCheckStep({ "extra-args": `--now ${NOW} --assume instagram=unknown`, "fail-on": "covered" });
    expect([tolerated.code, tolerated.outputs.verdict]).toEqual([0, "unverified"]);
  });
});
