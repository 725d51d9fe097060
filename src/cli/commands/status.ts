/** `failover status [channel...]`: each channel's health with every source's answer; needs no calendar. */
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { knownChannelNames, resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { didYouMeanChannel } from "../../platforms.js";
import { configJson, loadConfigFor } from "../config-run.js";
import type { CliContext } from "../context.js";
import { recordHistory, runHealthCheck, unknownWarnings } from "../health-run.js";
import { channelsJson, renderHealthTable } from "../report/health.js";
import { formatAnnotation, limitAnnotations } from "../report/github.js";
import { formatJUnit } from "../report/junit.js";
import { formatInZone } from "../../time/zone.js";
import { statusWords } from "../../health/status.js";
import { parseDuration } from "../../time/duration.js";
import { historyFileIn, readHistory, timeline } from "../../autopilot/history.js";
import { PIPED_COLUMNS, renderTimeline } from "../report/timeline.js";
import { isDownStatus } from "../../health/down.js";
import type { HealthStatus } from "../../health/status.js";

/** `status` needs no calendar; with one (-c, or calendar.yaml here) its config is the calendar's, as for `check`. */
function calendarForStatus(ctx: CliContext): string | undefined {
  return ctx.calendarPath ?? (existsSync(DEFAULT_CALENDAR_PATH) ? DEFAULT_CALENDAR_PATH : undefined);
}

/** `failover run` keeps the history beside the calendar, as its pause switch; without one, in the current folder. */
function historyFolder(ctx: CliContext): string {
  const calendar = calendarForStatus(ctx);
  return calendar ? dirname(resolve(calendar)) : process.cwd();
}

/** `status --history 24h`: the recorded health as a timeline; reads no source. */
async function showHistory(ctx: CliContext, span: string, only: readonly string[]): Promise<number> {
  const r = parseDuration(span);
  if (!r.ok) throw new UsageError(r.reason, "--history");
  if (r.ms === 0) throw new UsageError("a zero span shows nothing; write e.g. 24h or 7d", "--history");
  const from = ctx.now - r.ms;
  const entries = (await readHistory(historyFileIn(historyFolder(ctx)), from)).filter((e) => only.length === 0 || only.includes(e.channel));
  const rows = timeline(entries, from, ctx.now, ctx.out.columns ? Math.max(10, ctx.out.columns - 24) : PIPED_COLUMNS);
  if (ctx.out.format === "json") ctx.out.json({ schemaVersion: 1, from: formatInZone(from, "UTC"), to: formatInZone(ctx.now, "UTC"), channels: rows });
  else ctx.out.data(renderTimeline(ctx.out.c, rows, from, ctx.now));
  return ExitCode.Go;
}

export async function run(ctx: CliContext, args: string[], options: { strict?: true; history?: string }): Promise<number> {
  if (options.history !== undefined) {
    return showHistory(ctx, options.history, args);
  }
  const strict = options.strict ?? false;
  const calendar = calendarForStatus(ctx);
  const config = await loadConfigFor(ctx, calendar);
  for (const name of args) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMeanChannel(name, knownChannelNames(config))}`, "status <channel>");
    }
  }
  const names = args.length > 0 ? [...new Set(args)] : [...new Set([...config.channels.keys(), ...ctx.assume.keys()])];
  if (names.length === 0) {
    throw new UsageError("the config declares no channels; name some (failover status instagram x) or add them to the config", "status <channel>");
  }
  const channels = await runHealthCheck(ctx, config, names, calendar);
  // Beside the calendar, where `run` keeps it and `status --history` reads it; with no calendar, none.
  if (calendar) await recordHistory(ctx, historyFolder(ctx), channels);
  const isDown = (status: HealthStatus) => isDownStatus(status, { rerouteOn: config.defaults.rerouteOn, strict });
  const down = channels.filter((c) => isDown(c.status));
  const warnings = unknownWarnings(channels, strict);

  switch (ctx.out.format) {
    case "json":
      ctx.out.json({ schemaVersion: 1, now: formatInZone(ctx.now, "UTC"), config: configJson(config), channels: channelsJson(channels) });
      break;
    case "github":
      for (const line of limitAnnotations([
        ...down.map((c) => ({ level: "error" as const, title: `${c.name} is down`, message: `${c.name} (${c.platform}) is ${statusWords(c.status)}` })),
        ...warnings.map((message) => ({ level: "warning" as const, message })),
      ])) ctx.out.annotation(formatAnnotation(line));
      break;
    case "junit":
      ctx.out.data(formatJUnit("failover status", channels.map((c) => ({
        name: c.name,
        classname: `failover.status.${c.platform}`,
        ...(isDown(c.status) ? { failure: { type: c.status, message: `${c.name} is ${statusWords(c.status)}` } } : {}),
      }))));
      break;
    default:
      ctx.out.data(renderHealthTable(ctx.out, channels));
      for (const w of warnings) ctx.out.warn(w);
  }
  return down.length > 0 ? ExitCode.Covered : ExitCode.Go;
}
