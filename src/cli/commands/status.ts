/** `failover status [channel...]`: each channel's health with every source's answer; needs no calendar. */
import { existsSync } from "node:fs";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { dirname, resolve } from "node:path";
import { knownChannelNames, loadConfig, resolveChannel } from "../../config/load.js";
import { ExitCode, UsageError } from "../../errors.js";
import { didYouMean } from "../../util/did-you-mean.js";
import type { CliContext } from "../context.js";
import { runHealthCheck, unknownWarnings } from "../health-run.js";
import { channelsJson, renderHealthTable } from "../report/health.js";
import { formatAnnotation, limitAnnotations } from "../report/github.js";
import { formatJUnit } from "../report/junit.js";
import { formatInZone } from "../../time/zone.js";

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

export async function run(ctx: CliContext, args: string[], options: { strict?: true }): Promise<number> {
  const strict = options.strict ?? false;
  const config = await loadConfig({ ...(ctx.configPath ? { file: ctx.configPath } : {}), env: ctx.env });
  ctx.out.addSecrets(config.secrets);
  for (const name of args) {
    if (!resolveChannel(config, name)) {
      throw new UsageError(`no channel "${name}" in the config, and it is not a platform${didYouMean(name, knownChannelNames(config))}`, "status <channel>");
    }
  }
  const names = args.length > 0 ? [...new Set(args)] : [...new Set([...config.channels.keys(), ...ctx.assume.keys()])];
  if (names.length === 0) {
    throw new UsageError("the config declares no channels; name some (failover status instagram x) or add them to the config", "status <channel>");
  }
  const channels = await runHealthCheck(ctx, config, names, stateFolderForStatus(ctx, config.file));
  const isDown = (status: string) => (config.defaults.rerouteOn as string[]).includes(status) || (strict && status === "unknown");
  const down = channels.filter((c) => isDown(c.status));
  const warnings = unknownWarnings(channels, strict);

  switch (ctx.out.format) {
    case "json":
      ctx.out.json({ schemaVersion: 1, now: formatInZone(ctx.now, "UTC"), channels: channelsJson(channels) });
      break;
    case "github":
      for (const line of limitAnnotations([
        ...down.map((c) => ({ level: "error" as const, title: `${c.name} is down`, message: `${c.name} (${c.platform}) is ${c.status.replace("_", " ")}` })),
        ...warnings.map((message) => ({ level: "warning" as const, message })),
      ])) ctx.out.data(formatAnnotation(line));
      break;
    case "junit":
      ctx.out.data(formatJUnit("failover status", channels.map((c) => ({
        name: c.name,
        classname: `failover.status.${c.platform}`,
        ...(isDown(c.status) ? { failure: { type: c.status, message: `${c.name} is ${c.status.replace("_", " ")}` } } : {}),
      }))));
      break;
    default:
      ctx.out.data(renderHealthTable(ctx.out, channels));
      for (const w of warnings) ctx.out.warn(w);
  }
  return down.length > 0 ? ExitCode.Covered : ExitCode.Go;
}
