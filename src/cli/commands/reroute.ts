/**
 * `failover reroute`: the plan for posts whose channel is down. With --dry-run it only shows it
 * (and writes --plan-out); without, it shows it, then asks (unless --yes) and applies it.
 * `--plan plan.json` applies a saved plan instead, refused if the calendar changed since.
 * Exit: what remains at risk after the plan (exitCodeAfterPlan), the same for a dry run and an apply.
 */
import { verdictFor } from "../../check.js";
import { ExitCode } from "../../errors.js";
import { exitCodeAfterPlan } from "../../planner/risk.js";
import type { Plan } from "../../planner/types.js";
import type { CliContext } from "../context.js";
import type { ApplyFlags, PlanFlags } from "../plan-options.js";
import { emptyReroute, renderPlanTable } from "../report/plan.js";
import { renderPlanMarkdown } from "../report/plan-markdown.js";
import { loadAndPlan, printPlannedRun, riskViewOf, type PlannedRun } from "../plan-run.js";
import { appliedJson, refuseManagedOutputs, refuseUnanswerable, runSavedPlan, showThenApply, writePlanOut } from "../apply-run.js";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import type { ApplyResult } from "../../writer/apply.js";

export async function run(ctx: CliContext, _args: string[], options: PlanFlags & ApplyFlags): Promise<number> {
  if (options.plan !== undefined) return applySaved(ctx, { ...options, plan: options.plan });
  refuseUnanswerable(options, ctx.calendarPath ?? DEFAULT_CALENDAR_PATH);
  let r = await loadAndPlan(ctx, options);
  await refuseManagedOutputs(ctx, options, r.project.calendar.file, r.project.config.file);
  await writePlanOut(ctx, options, r.plan);
  const show = (plan: Plan, result?: ApplyResult) => {
    const shown: PlannedRun = r;
    printPlannedRun(ctx, shown, {
      suite: "failover reroute",
      json: () => appliedJson(plan, result),
      table: () => renderPlanTable(ctx.out, plan, emptyReroute(ctx.out, r.posts, riskViewOf(r))),
      markdown: () => renderPlanMarkdown(plan),
    });
  };
  if (options.dryRun) {
    show(r.plan);
    return exitCodeAfterPlan(r.verdict);
  }
  const planOptions = { now: ctx.now, windowMs: r.windowMs, strict: r.strict };
  const outcome = await showThenApply(
    ctx,
    options,
    {
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
    },
    show,
  );
  return outcome.declined ? ExitCode.Go : exitCodeAfterPlan(r.verdict);
}

async function applySaved(ctx: CliContext, options: ApplyFlags & { plan: string }): Promise<number> {
  const outcome = await runSavedPlan(ctx, options, "reroute", (plan, result) => {
    if (ctx.out.format === "json") ctx.out.json(appliedJson(plan, result));
    else if (ctx.out.format === "markdown") ctx.out.data(renderPlanMarkdown(plan));
    else ctx.out.prose(renderPlanTable(ctx.out, plan));
  });
  // A saved plan carries no fresh health: what remains after it is what it could not route.
  return !outcome.declined && outcome.plan.unroutable.length > 0 ? ExitCode.Blocked : ExitCode.Go;
}
