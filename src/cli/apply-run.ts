/**
 * What `reroute` and `failback` share when they change the calendar: asking first, applying under
 * the lock, saying what was written, and the saved-plan flags.
 */
import { createInterface } from "node:readline/promises";
import type { Config } from "../config/model.js";
import { InterruptedError, UsageError } from "../errors.js";
import { readPlanFile } from "../planner/plan-file.js";
import type { Plan } from "../planner/types.js";
import { applyPlan, checkPlanApplies, type ApplyOptions, type ApplyResult } from "../writer/apply.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { loadConfigFor, statePathForFiles } from "./config-run.js";
import type { CliContext } from "./context.js";
import { plural } from "../util/words.js";
import type { ApplyFlags } from "./plan-options.js";
import { refuseManagedOutput } from "../writer/outputs.js";

/** Refuses to go on without --yes where nobody can be asked (a script must say --yes). */
function requireTerminal(message: string): void {
  if (!(process.stdin.isTTY && process.stderr.isTTY)) throw new UsageError(message, "--yes");
}

function notInteractive(file: string): string {
  return `applying changes ${file}: pass --yes to apply without a question, or --dry-run to see the plan only`;
}

/** Asks on the terminal; true for y/yes. Ctrl-C or Ctrl-D at the question is an interruption (exit 130), not a no. */
async function ask(question: string, interrupted: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } catch (error) {
    // readline has the terminal in raw mode, so no SIGINT reaches the process; it rejects instead.
    if (error instanceof Error && (error.name === "AbortError" || /closed/i.test(error.message))) {
      process.stderr.write("\n"); // the question's line was left open by ^C or ^D
      throw new InterruptedError(interrupted);
    }
    throw error;
  } finally {
    rl.close();
  }
}

function askToApply(plan: Plan, file: string): Promise<boolean> {
  return ask(`Apply ${plural(plan.actions.length, "action")} to ${file}? [y/N] `, `interrupted at the question; nothing written to ${file}`);
}

/**
 * Refuses at once, before any health is read, a run that would have to ask but cannot: no
 * --yes, no --dry-run, and no terminal to ask on.
 */
export function refuseUnanswerable(flags: ApplyFlags, calendarFile: string): void {
  if (!flags.yes && !flags.dryRun) requireTerminal(notInteractive(calendarFile));
}

/**
 * The question before a command that sends something (publish): asked on a terminal, refused
 * elsewhere (a script must say --yes); a no stops with `declined` (exit 130).
 */
export async function confirmOrStop(_ctx: CliContext, yes: boolean, words: { question: string; notInteractive: string; declined: string }): Promise<void> {
  if (yes) return;
  requireTerminal(words.notInteractive);
  if (!(await ask(words.question, words.declined))) throw new InterruptedError(words.declined);
}

/**
 * Refuses, before anything is written, output flags (--plan-out, --json-out, --out) that name the
 * calendar, the config, or a file failover manages beside them.
 */
export async function refuseManagedOutputs(ctx: CliContext, options: { plan?: string; planOut?: string; jsonOut?: string; out?: string }, calendarFile: string, configFile: string | undefined): Promise<void> {
  const managed = {
    calendarFile,
    ...(configFile ? { configFile } : {}),
    stateFile: statePathForFiles(ctx, configFile, calendarFile),
    inputs: typeof options.plan === "string" ? [options.plan] : [],
  };
  for (const [flag, key] of [["--plan-out", "planOut"], ["--json-out", "jsonOut"], ["--out", "out"]] as const) {
    const output = options[key];
    if (typeof output === "string") await refuseManagedOutput(flag, output, managed);
  }
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
  const calendarFile = ctx.calendarPath ?? plan.calendar;
  return { plan, config: await loadConfigFor(ctx, calendarFile), calendarFile };
}

/** The clock when the plan is applied: --now for a drill, else the wall clock now (not at start: a person may have taken a while to answer). */
export function applyClock(ctx: CliContext): number {
  return ctx.nowGiven ? ctx.now : Date.now();
}

/** Prints a plan in the command's format; `result` when it has been applied. */
export type ShowPlan = (plan: Plan, result?: ApplyResult) => void;

export interface ApplyOutcome {
  /** The plan shown: the one applied, or the one declined. */
  plan: Plan;
  result?: ApplyResult;
  /** The person answered no at the question: nothing was written. */
  declined?: boolean;
}

function sayApplied(ctx: CliContext, file: string, result: ApplyResult): void {
  if (result.written) {
    ctx.out.info(`applied ${plural(result.applied, "action")} to ${result.written}${result.backup ? `; the previous version is in ${result.backup}` : ""}`);
  } else {
    ctx.out.info(`nothing to apply: ${file} is unchanged`);
  }
}

/**
 * The plan, then the question, as terraform does. With --yes: applied under the calendar's lock
 * (--out elsewhere), then shown as applied. On a terminal: shown first, then `Apply N actions?`;
 * `y` applies exactly that plan, anything else writes nothing ("Nothing written.", not an error).
 * Anywhere else without --yes: refused (exit 2). `flags` are the command's own (--yes, --out).
 */
export async function showThenApply(ctx: CliContext, flags: ApplyFlags, apply: Omit<ApplyOptions, "out" | "now">, show: ShowPlan): Promise<ApplyOutcome> {
  const { replan, ...rest } = apply;
  const run = (withReplan: boolean) =>
    applyPlan({
      ...rest,
      now: applyClock(ctx),
      // Planning again silently is right for --yes; after a question, the person approved that plan.
      ...(replan && withReplan ? { replan } : {}),
      ...(typeof flags.out === "string" ? { out: flags.out } : {}),
      ...(flags.force ? { force: true } : {}),
    });
  if (flags.yes) {
    const result = await run(true);
    sayApplied(ctx, apply.calendarFile, result);
    show(result.plan, result);
    return { plan: result.plan, result };
  }
  requireTerminal(notInteractive(apply.calendarFile));
  show(apply.plan);
  if (apply.plan.actions.length === 0) return { plan: apply.plan };
  if (!(await askToApply(apply.plan, apply.calendarFile))) {
    ctx.out.info("Nothing written.");
    return { plan: apply.plan, declined: true };
  }
  const result = await run(false);
  sayApplied(ctx, apply.calendarFile, result);
  return { plan: result.plan, result };
}

/** The plan JSON, with what was written when it was applied (an added field; the contract's stay). */
export function appliedJson(plan: Plan, result?: ApplyResult): unknown {
  if (!result) return plan;
  return { ...result.plan, applied: { file: result.written ?? null, backup: result.backup ?? null, actions: result.applied } };
}

/**
 * `--plan plan.json`: with --dry-run, show it and say whether it still applies; else apply it
 * (the plan, then the question, unless --yes). No health check: the plan carries its decisions.
 */
export async function runSavedPlan(ctx: CliContext, options: ApplyFlags & { plan: string }, kind: Plan["kind"], show: ShowPlan): Promise<ApplyOutcome> {
  const { plan, config, calendarFile } = await loadSavedPlan(ctx, options.plan, kind);
  await refuseManagedOutputs(ctx, options, calendarFile, config.file);
  if (options.dryRun) {
    await checkPlanApplies({ calendarFile, config, plan, now: applyClock(ctx), saved: true });
    ctx.out.info(`${options.plan} still applies to ${calendarFile}`);
    show(plan);
    return { plan };
  }
  return showThenApply(ctx, options, { calendarFile, config, plan, saved: true }, show);
}
