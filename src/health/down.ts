/**
 * The one rule for "is this channel down", used by the planner, failback, `status`, the
 * thresholds and the verdict: a status the config reroutes on (`defaults.rerouteOn`), or, under
 * `--strict`, `unknown`. "Up" (for failing back) is the opposite of down AND known: a channel
 * whose health could not be read is never called healthy.
 */
import type { HealthStatus } from "./status.js";

export interface DownRule {
  rerouteOn: readonly HealthStatus[];
  /** --strict: unknown counts as down. */
  strict?: boolean;
}

export function isDownStatus(status: HealthStatus, rule: DownRule): boolean {
  if (status === "unknown") return rule.strict === true;
  return rule.rerouteOn.includes(status);
}

/** Known, and not down: the only state a channel may fail back into. */
export function isUpStatus(status: HealthStatus, rule: DownRule): boolean {
  return status !== "unknown" && !rule.rerouteOn.includes(status);
}
