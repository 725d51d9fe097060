/**
 * The GitHub Action (action.yml) as tests/ci/action.test.ts and action-steps.slow.test.ts read it,
 * and its check step run here as the runner runs it (bash -eo pipefail), with GITHUB_OUTPUT and
 * the other runner files pointed at temp files.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { ROOT, tempProject } from "./cli.js";

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  "working-directory"?: string;
  with?: Record<string, string>;
}
export interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

export const TEXT = readFileSync(join(ROOT, "action.yml"), "utf8");
export const action = parse(TEXT) as Action;
export const NOW = "2026-07-14T08:30:00-04:00";

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
export function runCheckStep(inputs: Record<string, string>, seed: Record<string, string> = {}) {
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

