/** `failover status [channel...]`: each channel's health with every source's answer; needs no calendar. */
import { existsSync } from "node:fs";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { dirname, resolve } from "node:path";
import { knownChannelNames, loadConfig, resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { didYouMeanChannel } from "../../platforms.js";
import type { CliContext } from "../context.js";
import { runHealthCheck, unknownWarnings } from "../health-run.js";
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

/**
 * `status` needs no calendar, yet should share the thresholds' state with `check`: the state
 * lives beside the calendar when there is one (-c, or calendar.yaml here), else beside the
 * config file, else in the current folder.
 */
export function stateFolderForStatus(ctx: CliContext, configFile: string | undefined): string {
  const calendar = ctx.calendarPath ?? (existsSync(DEFAULT_CALENDAR_PATH) ? DEFAULT_CALENDAR_PATH : undefined);
  if (calendar) return dirname(resolve(calendar));
  return configFile ? dirname(resolve(configFile)) : process.cwd();
}

/** `status --history 24h`: the recorded health as a timeline; reads no source. */
async function showHistory(ctx: CliContext, span: string, configFile: string | undefined, only: readonly string[]): Promise<number> {
  const r = parseDuration(span);
  if (!r.ok) throw new UsageError(r.reason, "--history");
  if (r.ms === 0) throw new UsageError("a zero span shows nothing; write e.g. 24h or 7d", "--history");
  const from = ctx.now - r.ms;
  const entries = (await readHistory(historyFileIn(stateFolderForStatus(ctx, configFile)), from)).filter((e) => only.length === 0 || only.includes(e.channel));
  const rows = timeline(entries, from, ctx.now, ctx.out.columns ? Math.max(10, ctx.out.columns - 24) : PIPED_COLUMNS);
  if (ctx.out.format === "json") ctx.out.json({ schemaVersion: 1, from: formatInZone(from, "UTC"), to: formatInZone(ctx.now, "UTC"), channels: rows });
  else ctx.out.data(renderTimeline(ctx.out.c, rows, from, ctx.now));
  return ExitCode.Go;
}

export async function run(ctx: CliContext, args: string[], options: { strict?: true; history?: string }): Promise<number> {
  if (options.history !== undefined) {
    const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env }).catch(() => undefined);
    return showHistory(ctx, options.history, config?.file, args);
  }
  const strict = options.strict ?? false;
  const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(config.secrets);
  for (const name of args) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMeanChannel(name, knownChannelNames(config))}`, "status <channel>");
    }
  }
  const names = args.length > 0 ? [...new Set(args)] : [...new Set([...config.channels.keys(), ...ctx.assume.keys()])];
  if (names.length === 0) {
    throw new UsageError("the config declares no channels; name some (failover status instagram x) or add them to the config", "status <channel>");
  }
  const channels = await runHealthCheck(ctx, config, names, stateFolderForStatus(ctx, config.file));
  const isDown = (status: HealthStatus) => isDownStatus(status, { rerouteOn: config.defaults.rerouteOn, strict });
  const down = channels.filter((c) => isDown(c.status));
  const warnings = unknownWarnings(channels, strict);

  switch (ctx.out.format) {
    case "json":
      ctx.out.json({ schemaVersion: 1, now: formatInZone(ctx.now, "UTC"), channels: channelsJson(channels) });
      break;
    case "github":
      for (const line of limitAnnotations([
        ...down.map((c) => ({ level: "error" as const, title: `${c.name} is down`, message: `${c.name} (${c.platform}) is ${statusWords(c.status)}` })),
        ...warnings.map((message) => ({ level: "warning" as const, message })),
      ])) ctx.out.data(formatAnnotation(line));
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
