/** `failover status [channel...]`: each channel's health with every source's answer; needs no calendar. */
import { existsSync } from "node:fs";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { knownChannelNames, resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { didYouMeanChannel } from "../../platforms.js";
import { configJson, loadConfigFor } from "../config-run.js";
import type { CliContext } from "../context.js";
import { runHealthCheck, unknownWarnings } from "../health-run.js";
import { channelsJson, renderHealthTable } from "../report/health.js";
import { formatAnnotation, limitAnnotations } from "../report/github.js";
import { formatJUnit } from "../report/junit.js";
import { formatInZone } from "../../time/zone.js";
import { statusWords } from "../../health/status.js";
import { isDownStatus } from "../../health/down.js";
import type { HealthStatus } from "../../health/status.js";

/** `status` needs no calendar; with one (-c, or calendar.yaml here) its config is the calendar's, as for `check`. */
function calendarForStatus(ctx: CliContext): string | undefined {
  return ctx.calendarPath ?? (existsSync(DEFAULT_CALENDAR_PATH) ? DEFAULT_CALENDAR_PATH : undefined);
}

export async function run(ctx: CliContext, args: string[], options: { strict?: true }): Promise<number> {
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
