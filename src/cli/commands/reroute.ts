/**
 * `failover reroute --dry-run [--plan-out plan.json]`: the plan, each action before and after,
 * with rewritten texts and their counts; writes nothing but the plan file.
 */
import { writeFileAtomic } from "../../writer/atomic-write.js";
import { exitCodeFor } from "../../planner/risk.js";
import { ExitCode, UsageError } from "../../errors.js";
import type { CliContext } from "../context.js";
import { renderPlanTable } from "../report/plan.js";
import { loadAndPlan, printPlannedRun } from "../plan-run.js";

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  if (!options.dryRun) {
    throw new UsageError("applying a plan to the calendar is not available in this version; run with --dry-run to see the plan", "reroute");
  }
  const r = await loadAndPlan(ctx, options);
  const { out } = ctx;
  if (typeof options.planOut === "string") {
    await writeFileAtomic(options.planOut, out.redact(JSON.stringify(r.plan, null, 2) + "\n"));
    out.info(`wrote the plan to ${options.planOut}`);
  }
  printPlannedRun(ctx, r, { suite: "failover reroute", json: () => r.plan, table: () => renderPlanTable(out, r.plan) });
  // Contract: 0 when the plan was made; 4 when some post at risk has no viable backup.
  return r.verdict === "blocked" ? exitCodeFor(r.verdict) : ExitCode.Go;
}
