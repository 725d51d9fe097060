/** `failover check [--window 48h] [--strict]`: the verdict before a launch (exit 0 go, 3 covered, 4 blocked). */
import { exitCodeFor } from "../../planner/risk.js";
import type { CliContext } from "../context.js";
import { channelsJson, renderHealthTable } from "../report/health.js";
import { renderRiskTable, riskAnnotations, riskJUnit, verdictLine } from "../report/plan.js";
import { loadAndPlan } from "../plan-run.js";

export async function run(ctx: CliContext, _args: string[], options: Record<string, unknown>): Promise<number> {
  const r = await loadAndPlan(ctx, options);
  const { out } = ctx;
  switch (out.format) {
    case "json":
      out.json({
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
      });
      break;
    case "github":
      for (const line of riskAnnotations(r.project.calendar.file, r.posts, r.warnings)) out.data(line);
      break;
    case "junit":
      out.data(riskJUnit("failover check", r.posts));
      break;
    default:
      out.data(renderHealthTable(out, r.channels));
      out.data("");
      out.data(renderRiskTable(out, r.posts));
      out.data("");
      out.data(verdictLine(out, r.verdict));
      for (const w of r.warnings) out.warn(w);
  }
  return exitCodeFor(r.verdict);
}
