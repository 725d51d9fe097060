/**
 * A health check as `check`, `status`, `reroute` and the library run it: read every source
 * (check.ts), then hold the answers to the thresholds with the state file, when there is one.
 * Core, not CLI: `checkProject` and `failover check` must give the same verdict for the same
 * state. Never prints: problems with the state file come back as warnings.
 */
import { resolveChannel } from "./config/load.js";
import type { Config } from "./config/model.js";
import { formatInZone } from "./time/zone.js";
import { checkHealth, type CheckHealthOptions } from "./check-health.js";
import { isDownStatus } from "./health/down.js";
import { applyThresholds, loadState, saveState } from "./health/state-file.js";
import type { ChannelHealth } from "./health/types.js";

export interface HealthRunOptions extends CheckHealthOptions {
  /** The thresholds' state file (`.failover/state.json`); none: raw answers, nothing read or written. */
  statePath?: string;
}

export interface HealthRun {
  channels: ChannelHealth[];
  warnings: string[];
}

export async function runHealth(config: Config, names: readonly string[], options: HealthRunOptions): Promise<HealthRun> {
  const raw = await checkHealth(config, names, options);
  if (options.statePath === undefined) return { channels: raw, warnings: [] };
  const warnings: string[] = [];
  const { state, warning } = await loadState(options.statePath);
  if (warning) warnings.push(warning);
  const channels = applyThresholds(
    raw,
    (name) => resolveChannel(config, name)?.thresholds ?? config.defaults.thresholds,
    (status) => isDownStatus(status, { rerouteOn: config.defaults.rerouteOn }),
    state,
    formatInZone(options.now, "UTC"),
  );
  const failed = await saveState(options.statePath, state);
  if (failed) warnings.push(failed);
  return { channels, warnings };
}
