/** Loading the config and the calendar together, as every calendar command does. */
import { loadCalendar, DEFAULT_CALENDAR_PATH } from "./calendar/load.js";
import type { Calendar } from "./calendar/model.js";
import { closeSync, openSync, readSync } from "node:fs";
import { DEFAULT_CONFIG_PATH, loadConfig } from "./config/load.js";
import type { Env } from "./util/env.js";
import type { Config } from "./config/model.js";
import { isValidTimeZone } from "./time/zone.js";
import { parseYaml, releaseDocument } from "./yaml/source.js";

export interface ProjectPaths {
  /** -c/--calendar; default calendar.yaml */
  calendar?: string;
  /** --config; default: config/failover.yaml beside the calendar or above it (findConfig), built-in defaults when none is */
  config?: string;
  env?: Env;
  /** Keep the posts as written (see `Calendar.written`). */
  keepWritten?: boolean;
}

export interface Project {
  config: Config;
  calendar: Calendar;
}

export async function loadProject(paths: ProjectPaths = {}): Promise<Project> {
  const calendarFile = paths.calendar ?? DEFAULT_CALENDAR_PATH;
  const config = await loadConfig({ ...(paths.config ? { file: paths.config } : {}), calendar: calendarFile, ...(paths.env ? { env: paths.env } : {}) });
  const calendar = await loadCalendar(calendarFile, config, { keepWritten: paths.keepWritten ?? false });
  // Planning works on the loaded posts: the Document goes, and each post is parsed again alone
  // only where it is reported or edited (docs/performance.md, "Memory").
  releaseDocument(calendar.source);
  return { config, calendar };
}

/** The top-level `timezone:` is near the top of a calendar: this much is read to find it. */
const ZONE_SCAN_BYTES = 64 * 1024;

function headOf(file: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The zone a local time on the command line is read in (`--now 2026-07-14T10:00`): the
 * calendar's `timezone`, else the config's `defaults.timezone`, as for the posts themselves.
 * Cheap on purpose (a look at the calendar's head, no full parse): it runs before every command.
 */
export function declaredTimeZone(paths: Pick<ProjectPaths, "calendar" | "config"> = {}): { zone: string; file: string } | undefined {
  const calendar = paths.calendar ?? DEFAULT_CALENDAR_PATH;
  const head = headOf(calendar, ZONE_SCAN_BYTES);
  const m = head ? /^timezone:[ \t]*["']?([A-Za-z0-9_+\-/]+)["']?[ \t]*(?:#.*)?$/m.exec(head) : null;
  if (m && isValidTimeZone(m[1]!)) return { zone: m[1]!, file: calendar };
  const config = paths.config ?? DEFAULT_CONFIG_PATH;
  const text = headOf(config, ZONE_SCAN_BYTES);
  if (!text) return undefined;
  const zone = (parseYaml(config, text).value as { defaults?: { timezone?: unknown } } | undefined)?.defaults?.timezone;
  return typeof zone === "string" && isValidTimeZone(zone) ? { zone, file: config } : undefined;
}
