/**
 * `failover reroute`: the plan for posts whose channel is down. With --dry-run it only shows it
 * (and writes --plan-out); without, it applies it to the calendar (asking first unless --yes).
 * `--plan plan.json` applies a saved plan instead, refused if the calendar changed since.
 */
import { verdictFor } from "../../check.js";
import { ExitCode } from "../../errors.js";
import { exitCodeFor } from "../../planner/risk.js";
import type { CliContext } from "../context.js";
import type { ApplyFlags, PlanFlags } from "../plan-options.js";
import { renderPlanTable } from "../report/plan.js";
import { loadAndPlan, printPlannedRun, type PlannedRun } from "../plan-run.js";
import { appliedJson, confirmAndApply, runSavedPlan, writePlanOut } from "../apply-run.js";
import type { ApplyResult } from "../../writer/apply.js";

export async function run(ctx: CliContext, _args: string[], options: PlanFlags & ApplyFlags): Promise<number> {
  if (options.plan !== undefined) return applySaved(ctx, { ...options, plan: options.plan });
  let r = await loadAndPlan(ctx, options);
  await writePlanOut(ctx, options, r.plan);
  let result: ApplyResult | undefined;
  if (!options.dryRun) {
    const planOptions = { now: ctx.now, windowMs: r.windowMs, strict: r.strict };
    result = await confirmAndApply(ctx, options, {
      calendarFile: r.project.calendar.file,
      config: r.project.config,
      plan: r.plan,
      calendar: r.project.calendar,
      // Another run applied first: plan again on what it wrote, with the health already read
      // (the verdict and risks shown are the new plan's too).
      replan: (calendar) => {
        const project = { ...r.project, calendar };
        r = { ...r, ...verdictFor(project, r.channels, planOptions), project };
        return r.plan;
      },
    });
  }
  const shown: PlannedRun = r;
  printPlannedRun(ctx, shown, { suite: "failover reroute", json: () => appliedJson(shown.plan, result), table: () => renderPlanTable(ctx.out, shown.plan) });
  // Contract: 0 when the plan was made (or applied); 4 when some post at risk has no viable backup.
  return shown.verdict === "blocked" ? exitCodeFor(shown.verdict) : ExitCode.Go;
}

async function applySaved(ctx: CliContext, options: ApplyFlags & { plan: string }): Promise<number> {
  const { plan, result } = await runSavedPlan(ctx, options, "reroute");
  if (ctx.out.format === "json") ctx.out.json(appliedJson(plan, result));
  else ctx.out.data(renderPlanTable(ctx.out, plan));
  return plan.unroutable.length > 0 ? ExitCode.Blocked : ExitCode.Go;
}
