// The commands issue 22 item 4 measures, each against a baseline run in the same bench run:
// `list` and every `export` format of 20k posts against a bare yaml.parse of the same file, and
// `run --once` on the demo against `check` and `publish` run one after the other. Called by
// bench/run.js, which owns the timing, the recording and the report.
import { cpSync } from "node:fs";
import { join } from "node:path";

/**
 * @param {{
 *   time: (args: string[], options?: { runs?: number, cwd?: string }) => number,
 *   record: (name: string, value: number, unit: string, target: string, holds: boolean, detail?: string) => void,
 *   ROOT: string, BIN: string, NOW: string, work: string,
 *   large: string, parse20k: number, runs: number, planRuns: number,
 * }} b
 */
export function benchCommands(b) {
  const { time, record, BIN, NOW, work, large, parse20k } = b;
  const vsParse = (name, ms, target) =>
    record(`${name} / bare yaml.parse of the file`, ms / parse20k, "x", `≤ ${target}x`, ms / parse20k <= target, `${ms.toFixed(0)} ms vs ${parse20k.toFixed(0)} ms`);

  // `list` of the whole year (the default window is a week: a year lists every post).
  const list = time([BIN, "list", "-q", "-c", large, "--now", NOW, "--window", "400d"], { runs: b.planRuns, cwd: work });
  vsParse("list --window 400d of 20k posts", list, 2);

  // Every export format; .ics rewrites each post for its platform (see docs/performance.md for
  // what that costs against the bare parse).
  for (const format of ["csv", "hootsuite", "json", "ics"]) {
    const ms = time([BIN, "export", "--format", format, "-q", "-c", large, "--now", NOW, "-o", join(work, `export.${format}`)], { runs: b.planRuns, cwd: work });
    vsParse(`export --format ${format} of 20k posts`, ms, 2);
  }

  // `run --once` against `check` then `publish`, on a copy of the demo (the runs write state
  // beside the calendar; the demo in fixtures/ stays as it is). Same clock, no thresholds' state.
  const demo = join(work, "demo-run");
  cpSync(join(b.ROOT, "fixtures", "demo"), demo, { recursive: true });
  const common = ["--now", NOW, "--no-state", "-q"];
  const runOnce = time([BIN, "run", "--once", ...common], { runs: b.runs, cwd: demo });
  const check = time([BIN, "check", ...common], { runs: b.runs, cwd: demo });
  const publish = time([BIN, "publish", "--yes", ...common], { runs: b.runs, cwd: demo });
  const both = check + publish;
  record("run --once (demo) / check + publish run separately", runOnce / both, "x", "≤ 1.2x", runOnce / both <= 1.2, `${runOnce.toFixed(0)} ms vs ${check.toFixed(0)} + ${publish.toFixed(0)} ms`);
}
