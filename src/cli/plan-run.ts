/** What `check` and `reroute` share: flags for the window, loading, health, planning. */
import { DEFAULT_WINDOW_MS, channelsFor, verdictFor, type CheckResult } from "../check.js";
import { UsageError } from "../errors.js";
import type { Project } from "../project.js";
import { DURATION_LIMITS, durationOverLimit, parseDuration } from "../time/duration.js";
import { loadProjectFor } from "./config-run.js";
import type { CliContext } from "./context.js";
import type { PlanFlags } from "./plan-options.js";
import { recordHistory, runHealthCheck, unknownWarnings } from "./health-run.js";
import { dirname, resolve } from "node:path";
import { renderHealthTable } from "./report/health.js";
import { riskAnnotations, riskJUnit, verdictLine, type RiskView } from "./report/plan.js";
import { appendJobSummary, renderSummary, type SummaryInput } from "./report/summary.js";

export function parseWindowFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_WINDOW_MS;
  const r = parseDuration(value);
  if (!r.ok) throw new UsageError(r.reason, "--window");
  if (r.ms === 0) throw new UsageError("a zero window looks at nothing; write e.g. 48h or 7d", "--window");
  const tooLong = durationOverLimit(r.ms, DURATION_LIMITS.window);
  if (tooLong) throw new UsageError(tooLong, "--window");
  return r.ms;
}

export interface PlannedRun extends CheckResult {
  project: Project;
  windowMs: number;
  strict: boolean;
  warnings: string[];
}

export async function loadAndPlan(ctx: CliContext, options: PlanFlags): Promise<PlannedRun> {
  const windowMs = parseWindowFlag(options.window);
  const strict = options.strict ?? false;
  const project = await loadProjectFor(ctx);
  for (const w of project.calendar.warnings) ctx.out.problem(`${w.file}:${w.line}:${w.col} warning: ${w.message}`, "warning");
  const planOptions = { now: ctx.now, windowMs, strict };
  const health = await runHealthCheck(ctx, project.config, channelsFor(project, planOptions), project.calendar.file);
  await recordHistory(ctx, dirname(resolve(project.calendar.file)), health);
  const result = verdictFor(project, health, planOptions);
  return { ...result, project, windowMs, strict, warnings: [...unknownWarnings(health, strict), ...result.plan.warnings] };
}

/** What the risk list needs besides the posts: the window, and the next post when it is empty. */
export function riskViewOf(r: PlannedRun): RiskView {
  return { window: r.plan.window, ...(r.nextPost ? { nextPost: r.nextPost } : {}) };
}

/**
 * Prints a planned run in the chosen format; `json` and `table` are built only when asked for.
 * On GitHub Actions it also appends the job summary, whatever the format.
 */
export function printPlannedRun(ctx: CliContext, r: PlannedRun, views: { suite: string; json: () => unknown; table: () => string; markdown?: () => string }): void {
  const { out } = ctx;
  const summary: SummaryInput = {
    title: views.suite,
    verdict: r.verdict,
    unverified: r.unverified,
    now: r.plan.now,
    window: r.plan.window,
    channels: r.channels,
    posts: r.posts,
    warnings: r.warnings,
  };
  switch (out.format) {
    case "markdown":
      // The job summary is Markdown already: `check` prints it; `reroute` its plan.
      out.data(views.markdown ? views.markdown() : renderSummary(summary));
      break;
    case "json":
      out.json(views.json());
      break;
    case "github":
      for (const line of riskAnnotations(r.project.calendar.file, r.posts, r.warnings)) out.annotation(line);
      break;
    case "junit":
      out.data(riskJUnit(views.suite, r.posts));
      break;
    default:
      // No channel posts in the window: an empty table's header would say nothing.
      if (r.channels.length > 0) {
        out.data(renderHealthTable(out, r.channels));
        out.data("");
      }
      out.prose(views.table());
      out.data("");
      out.prose(verdictLine(out, r));
      for (const w of r.warnings) out.warn(w);
  }
  appendJobSummary(out, ctx.env, summary);
}
