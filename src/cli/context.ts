/** The options every command takes, parsed and checked once into a context. */
import { UsageError } from "../errors.js";
import { ALL_STATUSES, parseStatusWord, STATUS_ALIASES, type HealthStatus } from "../health/status.js";
import { declaredTimeZone } from "../project-defaults.js";
import { parseDateTime, parseIsoParts } from "../time/datetime.js";
import { formatInZone } from "../time/zone.js";
import { didYouMean } from "../util/did-you-mean.js";
import { listWords } from "../util/words.js";
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

const OUTPUT_FORMATS: readonly Format[] = ["table", "json", "github", "junit", "markdown"];
const isOutputFormat = (name: string): name is Format => (OUTPUT_FORMATS as readonly string[]).includes(name);

/** Example times for messages about --now: tomorrow at 10:00, local and with an offset. */
function nowExamples(clock: () => number, zone: string | undefined): string {
  const day = formatInZone(clock() + 86_400_000, zone ?? "UTC").slice(0, 10);
  return zone ? `${day}T10:00 (read in ${zone}, the calendar's zone) or ${day}T10:00:00Z` : `${day}T10:00:00Z or ${day}T10:00:00-04:00`;
}

/**
 * --now: ISO 8601 with an offset, or a local time read in the calendar's zone (as its posts are).
 * `zoneOf` is asked only for a local time, so commands that need no calendar never read one.
 */
export function parseNow(
  text: string | undefined,
  zoneOf: () => { zone: string; file: string } | undefined = () => undefined,
  clock: () => number = Date.now,
): number {
  if (text === undefined) return clock();
  const parts = parseIsoParts(text);
  if ("error" in parts) {
    throw new UsageError(`"${text}" is not a date-time; write e.g. ${nowExamples(clock, zoneOf()?.zone)}`, "--now");
  }
  const declared = parts.offsetMinutes === undefined ? zoneOf() : undefined;
  const r = parseDateTime(text, declared?.zone);
  if (!r.ok) {
    throw new UsageError(`"${text}" has no offset and no calendar or config here names a time zone; write e.g. ${nowExamples(clock, undefined)}`, "--now");
  }
  return r.epochMs;
}

export function parseAssume(values: readonly string[] = []): Map<string, HealthStatus> {
  const assume = new Map<string, HealthStatus>();
  for (const value of values) {
    const m = /^([^=\s]+)=(\S+)$/.exec(value);
    if (!m) throw new UsageError(`"${value}" should be channel=status, e.g. instagram=down`, "--assume");
    const status = parseStatusWord(m[2]!);
    if (status === undefined) {
      const words = [...ALL_STATUSES, ...Object.keys(STATUS_ALIASES)];
      throw new UsageError(
        `"${m[2]}" is not a status${didYouMean(m[2]!, words)}; use ${listWords([...ALL_STATUSES], "or")}, or down/up for major_outage/operational`,
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
    now: parseNow(flags.now, () => declaredTimeZone({ ...(flags.calendar ? { calendar: flags.calendar } : {}), ...(flags.config ? { config: flags.config } : {}) })),
    nowGiven: flags.now !== undefined,
    assume: parseAssume(flags.assume),
    ...(typeof flags.state === "string" ? { statePath: flags.state } : {}),
    noState: flags.state === false,
    out,
    formatName,
    env,
  };
}
