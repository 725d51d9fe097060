/**
 * `failover failback`: for posts failover moved away from a channel that is healthy again, the
 * plan to put them back, shown (--dry-run) or applied (asking first unless --yes).
 */
import { dirname, resolve } from "node:path";
import { planFailback } from "../../check.js";
import { ExitCode } from "../../errors.js";
import { failbackChannels } from "../../planner/failback.js";
import type { Plan } from "../../planner/types.js";
import { loadProject } from "../../project.js";
import type { ApplyResult } from "../../writer/apply.js";
import { appliedJson, confirmAndApply, runSavedPlan, writePlanOut } from "../apply-run.js";
import type { CliContext } from "../context.js";
import type { ApplyFlags } from "../plan-options.js";
import { runHealthCheck, unknownWarnings } from "../health-run.js";
import { formatAnnotation } from "../report/github.js";
import { renderHealthTable } from "../report/health.js";
import { formatJUnit } from "../report/junit.js";
import { renderPlanTable } from "../report/plan.js";

export async function run(ctx: CliContext, _args: string[], options: ApplyFlags): Promise<number> {
  if (options.plan !== undefined) {
    const { plan, result } = await runSavedPlan(ctx, { ...options, plan: options.plan }, "failback");
    print(ctx, plan, result);
    return ExitCode.Go;
  }

  const project = await loadProject({ ...(ctx.calendarPath ? { calendar: ctx.calendarPath } : {}), ...(ctx.configPath ? { config: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(project.config.secrets);
  // The same threshold state as `check` and `reroute`: a channel is back once it has been seen
  // healthy `successThreshold` times in a row, not on one good answer.
  const health = await runHealthCheck(ctx, project.config, failbackChannels(project.calendar), dirname(resolve(project.calendar.file)));
  const plan = planFailback(project, health, { now: ctx.now });
  await writePlanOut(ctx, options, plan);
  const result = options.dryRun
    ? undefined
    : await confirmAndApply(ctx, options, {
        calendarFile: project.calendar.file,
        config: project.config,
        plan,
        calendar: project.calendar,
        // Another run changed the calendar first: plan again on what it wrote, with the health already read.
        replan: (calendar) => planFailback({ ...project, calendar }, health, { now: ctx.now }),
      });
  if (ctx.out.format === "table") {
    ctx.out.data(renderHealthTable(ctx.out, health));
    ctx.out.data("");
  }
  print(ctx, result?.plan ?? plan, result);
  for (const w of unknownWarnings(health, false)) ctx.out.warn(w);
  return ExitCode.Go;
}

function print(ctx: CliContext, plan: Plan, result: ApplyResult | undefined): void {
  const { out } = ctx;
  switch (out.format) {
    case "json":
      out.json(appliedJson(plan, result));
      break;
    case "github":
      for (const a of plan.actions) {
        out.data(formatAnnotation({ level: "notice", file: plan.calendar, ...(a.line ? { line: a.line } : {}), title: `${a.postId}: failback`, message: a.reasons.join("; ") }));
      }
      for (const w of plan.warnings) out.data(formatAnnotation({ level: "warning", file: plan.calendar, message: w }));
      break;
    case "junit":
      out.data(
        formatJUnit("failover failback", [
          ...plan.actions.map((a) => ({ name: `${a.postId} back to ${a.to?.channel ?? a.from.channel}`, classname: "failover.failback" })),
          ...plan.warnings.map((w, i) => ({ name: `review ${i + 1}`, classname: "failover.failback", failure: { type: "review", message: w, body: w } })),
        ]),
      );
      break;
    default:
      out.data(renderPlanTable(out, plan));
  }
}
