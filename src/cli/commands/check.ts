/** `failover check [--window 48h] [--strict]`: the verdict before a launch (exit 0 go, 3 covered, 4 blocked). */
import { exitCodeFor } from "../../planner/risk.js";
import type { CliContext } from "../context.js";
import { channelsJson } from "../report/health.js";
import { renderRiskTable } from "../report/plan.js";
import { loadAndPlan, printPlannedRun } from "../plan-run.js";

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const r = await loadAndPlan(ctx, options);
  const { out } = ctx;
  printPlannedRun(ctx, r, {
    suite: "failover check",
    json: () => ({
      schemaVersion: 1,
      now: r.plan.now,
      window: r.plan.window,
      verdict: r.verdict,
      channels: channelsJson(r.channels),
      posts: r.posts.map((p) => ({
        id: p.id,
        channel: p.channel,
        at: p.at,
        risk: p.risk,
        ...(p.reroute ? { reroute: p.reroute } : {}),
        ...(p.action ? { action: p.action } : {}),
        ...(p.risk !== "none" ? { reasons: p.reasons } : {}),
        line: p.line,
      })),
      warnings: r.warnings,
    }),
    table: () => renderRiskTable(out, r.posts),
  });
  return exitCodeFor(r.verdict);
}
