/** `failover init [--force]`: a starter config and calendar that validate as written. */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { DEFAULT_CALENDAR_PATH } from "../../calendar/load.js";
import { DEFAULT_CONFIG_PATH } from "../../config/load.js";
import { ExitCode, FileError } from "../../errors.js";
import { projectSchemaPath } from "../../package-files.js";
import { isValidTimeZone, zonedParts } from "../../time/zone.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import type { CliContext } from "../context.js";
import { listWords, noun } from "../../util/words.js";

/** The editor's schema line of a starter file written into `folder` of the project at `root`. */
function schemaRef(kind: "calendar" | "config", root: string, folder: string): string {
  return `# yaml-language-server: $schema=${projectSchemaPath(kind, root, folder)}`;
}

export function starterConfig(zone: string, schemaLine: string): string {
  return `${schemaLine}
# failover config: your channels, where their health is read, and what stands in when one is down.
# Reference: docs/config.md in the failover package (node_modules/failover/docs/config.md).
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

export function starterCalendar(zone: string, now: number, schemaLine: string): string {
  // The next weekday: the starter's Instagram posts Mon-Fri, and its posts must sit in their windows.
  let p = zonedParts(now + 86_400_000, zone);
  for (let k = 2; [0, 6].includes(new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()); k++) p = zonedParts(now + k * 86_400_000, zone);
  const day = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  return `${schemaLine}
# failover content calendar. Reference: docs/calendar.md in the failover package (node_modules/failover/docs/calendar.md).
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
      - { path: ${STARTER_MEDIA}, kind: image, alt: "Teaser: the new bottle" }   # relative to this file
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

/**
 * The starter's teaser image: a 1-pixel grey JPEG, so the starter calendar's media path points at a
 * real file (validate warns about missing media) until the brand's own image replaces it.
 */
const STARTER_IMAGE = "/9j/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z";
export const STARTER_MEDIA = "assets/teaser.jpg";

export async function run(ctx: CliContext, _args: string[], options: { force?: true }): Promise<number> {
  const force = options.force ?? false;
  const configPath = ctx.configPath ?? DEFAULT_CONFIG_PATH;
  const calendarPath = ctx.calendarPath ?? DEFAULT_CALENDAR_PATH;
  const existing = [configPath, calendarPath].filter((f) => existsSync(f));
  if (existing.length > 0 && !force) {
    throw new FileError(existing.join(", "), `already ${noun(existing.length, "exists", "exist")}; use --force to overwrite`);
  }
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = localZone && isValidTimeZone(localZone) ? localZone : "UTC";
  await mkdir(dirname(configPath), { recursive: true });
  await mkdir(dirname(calendarPath), { recursive: true });
  // The project is the calendar's folder: its node_modules holds failover's schema once installed there.
  const root = dirname(calendarPath);
  await writeFileAtomic(configPath, starterConfig(zone, schemaRef("config", root, dirname(configPath))));
  await writeFileAtomic(calendarPath, starterCalendar(zone, ctx.now, schemaRef("calendar", root, root)));
  // The image is a stand-in: one the user already put there is theirs, --force or not.
  const image = join(dirname(calendarPath), STARTER_MEDIA);
  const wrote = [configPath, calendarPath];
  if (!existsSync(image)) {
    await mkdir(dirname(image), { recursive: true });
    await writeFileAtomic(image, Buffer.from(STARTER_IMAGE, "base64"));
    wrote.push(image);
  }
  ctx.out.info(`wrote ${listWords(wrote)} (time zone ${zone})${wrote.includes(image) ? `; ${image} is a 1-pixel stand-in for your image` : ""}`);
  ctx.out.info("next: edit them, then run `failover validate`");
  return ExitCode.Go;
}
