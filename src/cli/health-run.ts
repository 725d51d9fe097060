/** Running a health check from the CLI: --assume checked, a spinner on a TTY, Ctrl-C honoured. */
import { knownChannelNames, resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { UsageError } from "../errors.js";
import { checkHealth } from "../check-health.js";
import type { ChannelHealth } from "../health/types.js";
import { didYouMean } from "../util/did-you-mean.js";
import { join } from "node:path";
import { applyThresholds, loadState, saveState, STATE_FILE, STATE_FOLDER } from "../health/state-file.js";
import { formatInZone } from "../time/zone.js";
import type { CliContext } from "./context.js";

export function checkAssumedChannels(ctx: CliContext, config: Config): void {
  for (const name of ctx.assume.keys()) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMean(name, knownChannelNames(config))}`, "--assume");
    }
  }
}

/**
 * Reads the channels' health, then holds it to the thresholds with the state in `stateFolder`
 * (`.failover/state.json` there, or --state), unless --no-state.
 */
export async function runHealthCheck(ctx: CliContext, config: Config, names: readonly string[], stateFolder: string): Promise<ChannelHealth[]> {
  checkAssumedChannels(ctx, config);
  const spinner = await ctx.out.spinner(`checking ${names.length} channel${names.length === 1 ? "" : "s"}…`);
  let raw: ChannelHealth[];
  try {
    raw = await checkHealth(config, names, {
      now: ctx.now,
      assume: ctx.assume,
      onProgress: (done, total) => spinner.update(`checking health sources… ${done}/${total}`),
    });
  } finally {
    spinner.stop();
  }
  if (ctx.noState) return raw;
  const path = statePathFor(ctx, stateFolder);
  const { state, warning } = await loadState(path);
  if (warning) ctx.out.warn(warning);
  const channels = applyThresholds(
    raw,
    (name) => resolveChannel(config, name)?.thresholds ?? config.defaults.thresholds,
    (status) => config.defaults.rerouteOn.includes(status),
    state,
    formatInZone(ctx.now, "UTC"),
  );
  const failed = await saveState(path, state);
  if (failed) ctx.out.warn(failed);
  return channels;
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

/** Where the thresholds' state lives: --state, or .failover/state.json in `stateFolder`. */
export function statePathFor(ctx: CliContext, stateFolder: string): string {
  return ctx.statePath ?? join(stateFolder, STATE_FOLDER, STATE_FILE);
}
