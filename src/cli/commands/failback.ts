/**
 * `failover failback`: for posts failover moved away from a channel that is healthy again, the
 * plan to put them back, shown (--dry-run), or shown then applied (asking first unless --yes).
 */
import { planFailback } from "../../check.js";
import { ExitCode } from "../../errors.js";
import { failbackChannels } from "../../planner/failback.js";
import type { Plan } from "../../planner/types.js";
import type { ApplyResult } from "../../writer/apply.js";
import { appliedJson, refuseManagedOutputs, refuseUnanswerable, runSavedPlan, showThenApply, writePlanOut } from "../apply-run.js";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { loadProjectFor } from "../config-run.js";
import type { CliContext } from "../context.js";
import type { ApplyFlags } from "../plan-options.js";
import { runHealthCheck, unknownWarnings } from "../health-run.js";
import { formatAnnotation } from "../report/github.js";
import { renderHealthTable } from "../report/health.js";
import { formatJUnit } from "../report/junit.js";
import { renderPlanTable } from "../report/plan.js";
import type { Calendar } from "../../calendar/model.js";
import type { ChannelHealth } from "../../health/types.js";
import { statusWords } from "../../health/status.js";
import { nextPostAfter } from "../../planner/risk.js";
import { shortTime } from "../../time/datetime.js";
import { listWords } from "../../util/words.js";
import { renderPlanMarkdown } from "../report/plan-markdown.js";

export async function run(ctx: CliContext, _args: string[], options: ApplyFlags): Promise<number> {
  if (options.plan !== undefined) {
    await runSavedPlan(ctx, { ...options, plan: options.plan }, "failback", (plan, result) => print(ctx, plan, result));
    return ExitCode.Go;
  }

  refuseUnanswerable(options, ctx.calendarPath ?? DEFAULT_CALENDAR_PATH);
  const project = await loadProjectFor(ctx);
  await refuseManagedOutputs(ctx, options, project.calendar.file, project.config.file);
  // The same threshold state as `check` and `reroute`: a channel is back once it has been seen
  // healthy `successThreshold` times in a row, not on one good answer.
  const health = await runHealthCheck(ctx, project.config, failbackChannels(project.calendar), project.calendar.file);
  const plan = planFailback(project, health, { now: ctx.now });
  await writePlanOut(ctx, options, plan);
  const show = (shown: Plan, result?: ApplyResult) => {
    // Nothing moved: no channel was read, and an empty table's header would say nothing.
    if (ctx.out.format === "table" && health.length > 0) {
      ctx.out.data(renderHealthTable(ctx.out, health));
      ctx.out.data("");
    }
    print(ctx, shown, result, emptyFailback(project.calendar, health, ctx.now));
    for (const w of unknownWarnings(health, false)) ctx.out.warn(w);
  };
  if (options.dryRun) show(plan);
  else {
    await showThenApply(
      ctx,
      options,
      {
        calendarFile: project.calendar.file,
        config: project.config,
        plan,
        calendar: project.calendar,
        // Another run changed the calendar first: plan again on what it wrote, with the health already read.
        replan: (calendar) => planFailback({ ...project, calendar }, health, { now: ctx.now }),
      },
      show,
    );
  }
  // What remains after a failback plan: nothing it could fix is at risk (a post that cannot
  // return yet simply stays on its stand-in), so 0.
  return ExitCode.Go;
}

/**
 * What an empty failback plan says: whether anything was moved at all, which channels the moved
 * posts wait for and how those are now, and the next post to go out.
 */
export function emptyFailback(calendar: Calendar, health: readonly ChannelHealth[], now: number): string {
  const waitingFor = failbackChannels(calendar);
  const next = nextPostAfter(calendar, now);
  const after = next ? ` The next post is ${next.id} on ${next.channel} at ${shortTime(next.at)}.` : " No post is scheduled after now.";
  if (waitingFor.length === 0) return `Nothing to fail back: no post in ${calendar.file} was moved by failover.${after}`;
  const states = waitingFor.map((name) => {
    const status = health.find((c) => c.name === name)?.status ?? "unknown";
    return `${name} is ${statusWords(status)}`;
  });
  return `Nothing to fail back yet: posts failover moved away from ${listWords(waitingFor)} return once their channel is healthy and their stand-in has not gone out (${states.join("; ")}).${after}`;
}

function print(ctx: CliContext, plan: Plan, result: ApplyResult | undefined, whenEmpty?: string): void {
  const { out } = ctx;
  switch (out.format) {
    case "json":
      out.json(appliedJson(plan, result));
      break;
    case "markdown":
      out.data(renderPlanMarkdown(plan));
      break;
    case "github":
      for (const a of plan.actions) {
        out.annotation(formatAnnotation({ level: "notice", file: plan.calendar, ...(a.line ? { line: a.line } : {}), title: `${a.postId}: failback`, message: a.reasons.join("; ") }));
      }
      for (const w of plan.warnings) out.annotation(formatAnnotation({ level: "warning", file: plan.calendar, message: w }));
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
      out.prose(renderPlanTable(out, plan, whenEmpty));
  }
}
