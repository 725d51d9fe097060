/** `failover init [--force]`: a starter config and calendar that validate as written. */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { DEFAULT_CONFIG_PATH } from "../../config/load.js";
import { ExitCode, FileError } from "../../errors.js";
import { packageFile } from "../../package-files.js";
import { isValidTimeZone, zonedParts } from "../../time/zone.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import type { CliContext } from "../context.js";

function schemaRef(target: string, kind: "calendar" | "config"): string {
  const rel = relative(dirname(target), packageFile("schema", `${kind}.schema.json`)).split("\\").join("/");
  return `# yaml-language-server: $schema=${rel}`;
}

export function starterConfig(target: string, zone: string): string {
  return `${schemaRef(target, "config")}
# failover config: your channels, where their health is read, and what stands in when one is down.
# Reference: docs/config.md in the failover package.
version: 1

defaults:
  backups: [x, linkedin]          # tried in order when a post's channel is down
  policy: reroute                 # reroute | delay | mirror | skip
  maxDelay: 6h                    # how late a rerouted post may go out
  rerouteOn: [partial_outage, major_outage]
  timezone: ${zone}

channels:
  instagram:
    platform: instagram
    windows: ["Mon-Fri 08:00-20:00", "Sat 10:00-14:00"]
    minGap: 30m
    # health: where to read this channel's health; without it, the platform's built-in sources.
    # health:
    #   - { kind: http, url: https://graph.facebook.com/, expect: [200, 400], degradedAfter: 800ms }
  x:
    platform: x
    minGap: 15m
  linkedin:
    platform: linkedin
    windows: ["Mon-Fri 08:00-18:00"]

handles:                          # one identity, its handle on each platform, for mentions
  acme: { instagram: "@acme", x: "@acme_hq", linkedin: "Acme Inc." }

notices:                          # what to post where while a channel is down
  - when: instagram
    on: [x]
    text: "Instagram is having trouble right now: we'll post here until it's back."
`;
}

export function starterCalendar(target: string, zone: string, now: number): string {
  const p = zonedParts(now + 86_400_000, zone);
  const day = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  return `${schemaRef(target, "calendar")}
# failover content calendar. Reference: docs/calendar.md in the failover package.
version: 1
timezone: ${zone}                 # times written without an offset are read in this zone

posts:
  - id: launch-teaser
    channel: instagram
    at: ${day}T10:00
    text: |
      Big news tomorrow ✨ Link in bio! #launch @acme
    link: https://example.com/launch
    media:
      - { path: assets/teaser.jpg, kind: image, alt: "Teaser: the new bottle" }
    backups: [x, linkedin]
    maxDelay: 3h
    campaign: launch

  - id: launch-thread
    channel: x
    at: ${day}T12:00
    text: "It's almost here. Tomorrow, 9am: https://example.com/launch #launch"
    campaign: launch
`;
}

export async function run(ctx: CliContext, _args: string[], options: { force?: true }): Promise<number> {
  const force = options.force ?? false;
  const configPath = ctx.configPath ?? DEFAULT_CONFIG_PATH;
  const calendarPath = ctx.calendarPath ?? DEFAULT_CALENDAR_PATH;
  const existing = [configPath, calendarPath].filter((f) => existsSync(f));
  if (existing.length > 0 && !force) {
    throw new FileError(existing.join(", "), `already exist${existing.length === 1 ? "s" : ""}; use --force to overwrite`);
  }
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = localZone && isValidTimeZone(localZone) ? localZone : "UTC";
  await mkdir(dirname(configPath), { recursive: true });
  await mkdir(dirname(calendarPath), { recursive: true });
  await writeFileAtomic(configPath, starterConfig(configPath, zone));
  await writeFileAtomic(calendarPath, starterCalendar(calendarPath, zone, ctx.now));
  ctx.out.info(`wrote ${configPath} and ${calendarPath} (time zone ${zone})`);
  ctx.out.info("next: edit them, then run `failover validate`");
  return ExitCode.Go;
}
