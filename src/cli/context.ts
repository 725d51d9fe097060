/** The options every command takes, parsed and checked once into a context. */
import { UsageError } from "../errors.js";
import { isHealthStatus, type HealthStatus } from "../health/status.js";
import { parseDateTime } from "../time/datetime.js";
import { Output, type Format } from "./output.js";
import type { GlobalFlags } from "./program.js";

export type { GlobalFlags };

export interface CliContext {
  calendarPath?: string;
  configPath?: string;
  /** The clock: --now, or the wall clock when the command started. */
  now: number;
  /** True when --now was given (a drill or a test). */
  nowGiven: boolean;
  assume: Map<string, HealthStatus>;
  /** --state: where the thresholds' counts live; default .failover/state.json beside the calendar. */
  statePath?: string;
  /** --no-state: no thresholds, nothing read or written. */
  noState: boolean;
  out: Output;
  /** --format as given (--json: "json"), for a command with formats of its own (export). */
  formatName: string;
  env: NodeJS.ProcessEnv;
}

const OUTPUT_FORMATS: readonly Format[] = ["table", "json", "github", "junit"];
const isOutputFormat = (name: string): name is Format => (OUTPUT_FORMATS as readonly string[]).includes(name);

export function parseNow(text: string | undefined, clock: () => number = Date.now): number {
  if (text === undefined) return clock();
  const r = parseDateTime(text, undefined);
  if (!r.ok) {
    throw new UsageError(
      /no offset/.test(r.reason) ? `"${text}" needs an offset, e.g. 2026-07-14T09:00:00Z or 2026-07-14T09:00-04:00` : r.reason,
      "--now",
    );
  }
  return r.epochMs;
}

export function parseAssume(values: readonly string[] = []): Map<string, HealthStatus> {
  const assume = new Map<string, HealthStatus>();
  for (const value of values) {
    const m = /^([^=\s]+)=(\S+)$/.exec(value);
    if (!m) throw new UsageError(`"${value}" should be channel=status, e.g. instagram=major_outage`, "--assume");
    const status = m[2]!;
    if (!isHealthStatus(status)) {
      throw new UsageError(
        `"${status}" is not a status; use operational, degraded, maintenance, partial_outage, major_outage or unknown`,
        "--assume",
      );
    }
    assume.set(m[1]!, status);
  }
  return assume;
}


export function makeContext(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): CliContext {
  const formatName = flags.json ? "json" : (flags.format ?? "table");
  // A format Output does not know (export's csv, ics, …) prints logs as a table would.
  const format: Format = isOutputFormat(formatName) ? formatName : "table";
  const out = new Output({ format, color: flags.color !== false, quiet: Boolean(flags.quiet), verbose: Boolean(flags.verbose), env });
  return {
    ...(flags.calendar ? { calendarPath: flags.calendar } : {}),
    ...(flags.config ? { configPath: flags.config } : {}),
    now: parseNow(flags.now),
    nowGiven: flags.now !== undefined,
    assume: parseAssume(flags.assume),
    ...(typeof flags.state === "string" ? { statePath: flags.state } : {}),
    noState: flags.state === false,
    out,
    formatName,
    env,
  };
}
