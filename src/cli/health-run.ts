/** Running a health check from the CLI: --assume checked, a spinner on a TTY, Ctrl-C honoured. */
import { knownChannelNames, resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { UsageError } from "../errors.js";
import { runHealth } from "../run-health.js";
import type { ChannelHealth } from "../health/types.js";
import { didYouMeanChannel } from "../platforms.js";
import { statePathFor } from "./config-run.js";
import type { CliContext } from "./context.js";
import { plural } from "../util/words.js";
import { formatInZone } from "../time/zone.js";
import { appendHistory, historyEntries, historyFileIn } from "../autopilot/history.js";

export function checkAssumedChannels(ctx: CliContext, config: Config): void {
  for (const name of ctx.assume.keys()) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMeanChannel(name, knownChannelNames(config))}`, "--assume");
    }
  }
}

/**
 * Reads the channels' health, then holds it to the thresholds with the state kept in one place
 * for the config (statePathFor: `.failover/state.json` in its project folder, or --state), unless --no-state.
 */
export async function runHealthCheck(ctx: CliContext, config: Config, names: readonly string[], calendar?: string): Promise<ChannelHealth[]> {
  checkAssumedChannels(ctx, config);
  const spinner = await ctx.out.spinner(`checking ${plural(names.length, "channel")}…`);
  try {
    const { channels, warnings } = await runHealth(config, names, {
      now: ctx.now,
      assume: ctx.assume,
      onProgress: (done, total) => spinner.update(`checking health sources… ${done}/${total}`),
      ...(ctx.noState ? {} : { statePath: statePathFor(ctx, config, calendar) }),
    });
    spinner.stop();
    for (const w of warnings) ctx.out.warn(w);
    return channels;
  } finally {
    spinner.stop();
  }
}

/**
 * Adds a check to the health history (`.failover/history.jsonl` in the folder), as `failover run`
 * does, so `status --history` shows what `check` and `status` saw too. Not with --no-state (a
 * check that keeps nothing) nor --assume (a rehearsal is not history); a failed write only warns.
 */
export async function recordHistory(ctx: CliContext, folder: string, channels: readonly ChannelHealth[]): Promise<void> {
  if (ctx.noState || ctx.assume.size > 0) return;
  try {
    await appendHistory(historyFileIn(folder), historyEntries(channels, formatInZone(ctx.now, "UTC")));
  } catch (error) {
    ctx.out.warn(`the health history was not recorded: ${(error as Error).message}`);
  }
}

/** Warnings for channels whose health could not be read (not a failure unless --strict). */
export function unknownWarnings(channels: readonly ChannelHealth[], strict: boolean): string[] {
  return channels
    .filter((c) => c.status === "unknown")
    .map((c) => {
      const why = c.sources.map((s) => `${s.name}: ${s.error ?? s.status}`).join("; ") || c.note || "no source answered";
      return `${c.name}: health unknown (${why})${strict ? "; --strict counts it as down" : ""}`;
    });
}
