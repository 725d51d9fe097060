/** `failover check [--window 48h] [--strict]`: the verdict before a launch (exit 0 go, 3 covered, 4 blocked, 5 unverified). */
import { FileError, isFailoverError } from "../../errors.js";
import { exitCodeFor } from "../../planner/risk.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { configJson } from "../config-run.js";
import { refuseManagedOutputs } from "../apply-run.js";
import type { CliContext } from "../context.js";
import type { PlanFlags } from "../plan-options.js";
import { channelsJson } from "../report/health.js";
import { renderRiskTable } from "../report/plan.js";
import { loadAndPlan, printPlannedRun, riskViewOf, type PlannedRun } from "../plan-run.js";

/** The contract's `check` JSON document. */
function checkJson(r: PlannedRun): unknown {
  return {
    schemaVersion: 1,
    now: r.plan.now,
    window: r.plan.window,
    verdict: r.verdict,
    unverified: r.unverified,
    config: configJson(r.project.config),
    channels: channelsJson(r.channels),
    posts: r.posts.map((p) => ({
      id: p.id,
      channel: p.channel,
      at: p.at,
      risk: p.risk,
      ...(p.reroute ? { reroute: p.reroute } : {}),
      ...(p.action ? { action: p.action } : {}),
      ...(p.risk !== "none" ? { reasons: p.reasons } : {}),
      ...(p.fixes ? { fixes: p.fixes } : {}),
      line: p.line,
    })),
    ...(r.nextPost ? { nextPost: r.nextPost } : {}),
    warnings: r.warnings,
  };
}

export async function run(ctx: CliContext, _args: string[], options: PlanFlags & { jsonOut?: string }): Promise<number> {
  const r = await loadAndPlan(ctx, options);
  await refuseManagedOutputs(ctx, options, r.project.calendar.file, r.project.config.file);
  const { out } = ctx;
  // --json-out: the JSON document to a file besides the chosen format on stdout, so CI can
  // annotate (--format github) and read the verdict from one run.
  if (options.jsonOut !== undefined) {
    try {
      await writeFileAtomic(options.jsonOut, out.redact(JSON.stringify(checkJson(r), null, 2) + "\n"));
    } catch (error) {
      // A path the user named that cannot be written is their input to fix (exit 2), not a bug;
      // the writer already says why in words for the common cases.
      if (isFailoverError(error)) throw error;
      throw new FileError(options.jsonOut, `cannot be written (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    out.debug(`wrote the check as JSON to ${options.jsonOut}`);
  }
  printPlannedRun(ctx, r, { suite: "failover check", json: () => checkJson(r), table: () => renderRiskTable(out, r.posts, riskViewOf(r)) });
  return exitCodeFor(r.verdict);
}
