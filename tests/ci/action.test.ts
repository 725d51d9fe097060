/**
 * The GitHub Action (action.yml): it parses, uses only inputs it declares, and the script of its
 * check step runs here as the runner runs it (bash -eo pipefail), with GITHUB_OUTPUT and the
 * other runner files pointed at temp files.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, tempProject } from "../helpers/cli.js";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const TEXT = readFileSync(join(ROOT, "action.yml"), "utf8");
const action = parse(TEXT) as Action;
const NOW = "2026-07-14T08:30:00-04:00";

/** Evaluates the `${{ … }}` expressions the action uses; any other expression fails the test. */
function evaluate(text: string, inputs: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) return inputs[input[1]!] ?? action.inputs[input[1]!]?.default ?? "";
    if (expr === "github.action_path") return ROOT;
    throw new Error(`the test cannot evaluate \${{ ${expr} }}`);
  });
}

/** Runs the check step in a copy of the demo, as the runner would; returns its exit code, outputs and printout. */
function runCheckStep(inputs: Record<string, string>, seed: Record<string, string> = {}) {
  const step = action.runs.steps.find((s) => s.id === "check")!;
  const dir = tempProject();
  cpSync(join(ROOT, "fixtures/demo"), dir, { recursive: true });
  for (const [name, text] of Object.entries(seed)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const runner = tempProject();
  const files = { GITHUB_OUTPUT: join(runner, "output"), GITHUB_STEP_SUMMARY: join(runner, "summary.md") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, inputs)]));
  const script = join(runner, "step.sh");
  writeFileSync(script, evaluate(step.run!, inputs));
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: join(dir, evaluate(step["working-directory"] ?? ".", inputs)),
    env: { ...process.env, ...env, ...files, GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: runner, NO_COLOR: "1", CI: "true" },
    encoding: "utf8",
    timeout: 30_000,
  });
  const outputs = Object.fromEntries(
    readFileSync(files.GITHUB_OUTPUT, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8") };
}

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

  it("passes the inputs through: window, strict, format, and fail-on decides the step's exit", () => {
    const covered = runCheckStep({ window: "2h", "extra-args": `--now ${NOW}`, "fail-on": "blocked" });
    expect(covered.outputs).toMatchObject({ verdict: "covered", "exit-code": "3" });
    expect(covered.code).toBe(0);
    const json = runCheckStep({ format: "json", strict: "true", "extra-args": `--now ${NOW} --assume instagram=operational`, "fail-on": "error" });
    expect(json.outputs).toMatchObject({ verdict: "go", "exit-code": "0" });
    expect(JSON.parse(json.stdout).verdict).toBe("go");
    const blockedButTolerated = runCheckStep({ "extra-args": `--now ${NOW}`, "fail-on": "error" });
    expect([blockedButTolerated.code, blockedButTolerated.outputs.verdict]).toEqual([0, "blocked"]);
  });

  it("fails on unverified by default (a check that could not read a channel is no GO), and passes it with fail-on: covered", () => {
    const unread = runCheckStep({ "extra-args": `--now ${NOW} --assume instagram=unknown` });
    expect([unread.code, unread.outputs.verdict, unread.outputs["exit-code"]]).toEqual([5, "unverified", "5"]);
    expect(unread.summary).toMatch(/⚪ \*\*UNVERIFIED/);
    const tolerated = runCheckStep({ "extra-args": `--now ${NOW} --assume instagram=unknown`, "fail-on": "covered" });
    expect([tolerated.code, tolerated.outputs.verdict]).toEqual([0, "unverified"]);
  });

  it("command: publish sends what is due (nothing, in the demo) and reports it as JSON", () => {
    const r = runCheckStep({ command: "publish", "extra-args": `--now ${NOW}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ "exit-code": "0" });
    expect(JSON.parse(readFileSync(r.outputs["json-file"]!, "utf8"))).toMatchObject({ schemaVersion: 1, published: [], failed: [] });
    expect(runCheckStep({ command: "deploy" }).code).toBe(2);
  });

  it("command: run runs one autopilot cycle with the apply, publish and notify inputs, and names the posts it moved", () => {
    const down = `--now ${NOW} --assume instagram=major_outage`;
    const ask = runCheckStep({ command: "run", apply: "ask", publish: "true", "extra-args": down, "fail-on": "error" });
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.outputs).toMatchObject({ verdict: "blocked", "exit-code": "4", moved: "" });
    const cycle = JSON.parse(readFileSync(ask.outputs["json-file"]!, "utf8"));
    expect(cycle.held.map((h: { reason: string }) => h.reason)).toEqual(Array(cycle.held.length).fill("--apply ask"));
    expect(cycle.publish).toMatchObject({ published: [], failed: [] });
    // An outage the autopilot has known for an hour (its state, kept by actions/cache): applied.
    const known = { ".failover/autopilot.json": JSON.stringify({ verdict: "blocked", outages: { instagram: { since: "2026-07-14T11:30:00Z", moved: 0, alerted: [] } }, alerted: [], posts: [] }) };
    const auto = runCheckStep({ command: "run", apply: "auto", "extra-args": down, "fail-on": "error" }, known);
    expect(auto.outputs.moved).toMatch(/^[\w-]+(, [\w-]+)+$/);
    expect(auto.outputs.moved!.split(", ")).toEqual(JSON.parse(readFileSync(auto.outputs["json-file"]!, "utf8")).moved.map((m: { postId: string }) => m.postId));
    const typo = runCheckStep({ command: "run", notify: "tema" });
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringContaining('--notify: no channel "tema" in the config')]);
  });

  it("reports invalid input with exit 2, an empty verdict, and refuses bad strict/fail-on values", () => {
    const bad = runCheckStep({ calendar: "nope.yaml" });
    expect(bad.code).toBe(2);
    expect(bad.outputs).toMatchObject({ verdict: "", "exit-code": "2" });
    const strict = runCheckStep({ strict: "yes" });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(/::error::failover action: strict must be true or false/);
    expect(runCheckStep({ "fail-on": "sometimes" }).code).toBe(2);
  });
});
