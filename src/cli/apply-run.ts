/**
 * What `reroute` and `failback` share when they change the calendar: asking first, applying under
 * the lock, saying what was written, and the saved-plan flags.
 */
import { createInterface } from "node:readline/promises";
import { loadConfig } from "../config/load.js";
import type { Config } from "../config/model.js";
import { InterruptedError, UsageError } from "../errors.js";
import { readPlanFile } from "../planner/plan-file.js";
import type { Plan } from "../planner/types.js";
import { applyPlan, checkPlanApplies, type ApplyOptions, type ApplyResult } from "../writer/apply.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import type { CliContext } from "./context.js";
import type { ApplyFlags } from "./plan-options.js";

/** Without --yes: ask on a terminal, refuse anywhere else (a script must say --yes). */
async function confirmApply(ctx: CliContext, options: ApplyFlags, plan: Plan, file: string): Promise<void> {
  await confirmOrStop(ctx, Boolean(options.yes), {
    question: `Apply ${plan.actions.length} action${plan.actions.length === 1 ? "" : "s"} to ${file}? [y/N] `,
    notInteractive: `applying changes ${file}: pass --yes to apply without a question, or --dry-run to see the plan only`,
    declined: `nothing written to ${file}`,
  });
}

/**
 * The question before a command changes something (applies a plan, publishes): asked on a
 * terminal, refused elsewhere (a script must say --yes); anything but yes stops with exit 130.
 */
export async function confirmOrStop(ctx: CliContext, yes: boolean, words: { question: string; notInteractive: string; declined: string }): Promise<void> {
  if (yes) return;
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!interactive) throw new UsageError(words.notInteractive, "--yes");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let answer: string;
  try {
    answer = await rl.question(words.question);
  } catch (error) {
    // Ctrl-C or Ctrl-D at the question: readline has the terminal in raw mode, so no SIGINT
    // reaches the process; it rejects instead. Either way the answer is no.
    if (error instanceof Error && (error.name === "AbortError" || /closed/i.test(error.message))) {
      process.stderr.write("\n"); // the question's line was left open by ^C or ^D
      throw new InterruptedError(words.declined);
    }
    throw error;
  } finally {
    rl.close();
  }
  if (!/^y(es)?$/i.test(answer.trim())) throw new InterruptedError(words.declined);
}

export async function writePlanOut(ctx: CliContext, options: ApplyFlags, plan: Plan): Promise<void> {
  if (typeof options.planOut !== "string") return;
  await writeFileAtomic(options.planOut, ctx.out.redact(JSON.stringify(plan, null, 2) + "\n"));
  ctx.out.info(`wrote the plan to ${options.planOut}`);
}

/** A saved plan (--plan) with the config it needs; the calendar is -c, or the one the plan names. */
export async function loadSavedPlan(ctx: CliContext, file: string, kind: Plan["kind"]): Promise<{ plan: Plan; config: Config; calendarFile: string }> {
  const plan = await readPlanFile(file);
  if (plan.kind !== kind) {
    throw new UsageError(`${file} is a ${plan.kind} plan; apply it with \`failover ${plan.kind} --plan ${file}\``, "--plan");
  }
  const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(config.secrets);
  return { plan, config, calendarFile: ctx.calendarPath ?? plan.calendar };
}

/** The clock when the plan is applied: --now for a drill, else the wall clock now (not at start: a person may have taken a while to answer). */
export function applyClock(ctx: CliContext): number {
  return ctx.nowGiven ? ctx.now : Date.now();
}

/**
 * Asks first (unless --yes), applies under the calendar's lock (--out elsewhere), and says what
 * was written. `flags` are the command's own (--yes, --out).
 */
export async function confirmAndApply(ctx: CliContext, flags: ApplyFlags, apply: Omit<ApplyOptions, "out" | "now">): Promise<ApplyResult> {
  await confirmApply(ctx, flags, apply.plan, apply.calendarFile);
  const { replan, ...rest } = apply;
  const result = await applyPlan({
    ...rest,
    now: applyClock(ctx),
    // Planning again silently is right for --yes; after a question, the person approved that plan.
    ...(replan && flags.yes ? { replan } : {}),
    ...(typeof flags.out === "string" ? { out: flags.out } : {}),
  });
  if (result.written) {
    ctx.out.info(`applied ${result.applied} action${result.applied === 1 ? "" : "s"} to ${result.written}${result.backup ? `; the previous version is in ${result.backup}` : ""}`);
  } else {
    ctx.out.info(`nothing to apply: ${apply.calendarFile} is unchanged`);
  }
  return result;
}

/** The plan JSON, with what was written when it was applied (an added field; the contract's stay). */
export function appliedJson(plan: Plan, result?: ApplyResult): unknown {
  if (!result) return plan;
  return { ...result.plan, applied: { file: result.written ?? null, backup: result.backup ?? null, actions: result.applied } };
}

/**
 * `--plan plan.json`: apply a saved plan (asking first unless --yes), or with --dry-run show it
 * and say whether it still applies. No health check: the plan carries its decisions.
 */
export async function runSavedPlan(ctx: CliContext, options: ApplyFlags & { plan: string }, kind: Plan["kind"]): Promise<{ plan: Plan; result?: ApplyResult }> {
  const { plan, config, calendarFile } = await loadSavedPlan(ctx, options.plan, kind);
  if (options.dryRun) {
    await checkPlanApplies({ calendarFile, config, plan, now: applyClock(ctx) });
    ctx.out.info(`${options.plan} still applies to ${calendarFile}`);
    return { plan };
  }
  return { plan, result: await confirmAndApply(ctx, options, { calendarFile, config, plan }) };
}
