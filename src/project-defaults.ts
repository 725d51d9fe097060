/**
 * Where a project's files are by default, and the time zone a project declares at its head: what
 * the CLI's context needs before every command, read without the calendar's and config's schemas
 * (no zod: `__complete` runs at every tab and never loads it; docs/performance.md).
 */
import { closeSync, openSync, readSync } from "node:fs";
import { isValidTimeZone } from "./time/zone.js";
import { parseYaml } from "./yaml/source.js";

export const DEFAULT_CALENDAR_PATH = "calendar.yaml";
export const DEFAULT_CONFIG_PATH = "config/failover.yaml";

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
export function declaredTimeZone(paths: { calendar?: string; config?: string } = {}): { zone: string; file: string } | undefined {
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
