/**
 * The `at` of a post: ISO 8601 with an offset (taken as is), or a local date-time that is read in
 * a time zone (the calendar's, or the channel's). Impossible dates are errors, not roll-overs:
 * JavaScript's Date turns 2026-02-30 into 2 March, which would silently move a launch.
 */
import { localToInstant, type LocalDateTime } from "./zone.js";

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type DateTimeResult =
  | { ok: true; epochMs: number; hasOffset: boolean; inGap: boolean; inOverlap: boolean }
  | { ok: false; reason: string };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits `2026-07-14T10:00[:00[.000]][Z|±hh:mm]` into a wall clock and an offset in minutes. */
export function parseIsoParts(text: string): { local: LocalDateTime; offsetMinutes?: number } | { error: string } {
  const m = ISO.exec(text.trim());
  if (!m) {
    return { error: `"${text}" is not a date-time; write 2026-07-14T10:00 (local) or 2026-07-14T10:00:00+02:00` };
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] ? Number(m[6]) : 0;
  const millisecond = m[7] ? Number(m[7].padEnd(3, "0")) : 0;
  if (month < 1 || month > 12) return { error: `"${text}": month ${month} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { error: `"${text}": ${year}-${String(month).padStart(2, "0")} has no day ${day}` };
  }
  if (hour > 23) return { error: `"${text}": hour ${hour} does not exist (00-23)` };
  if (minute > 59) return { error: `"${text}": minute ${minute} does not exist (00-59)` };
  if (second > 59) return { error: `"${text}": second ${second} does not exist (00-59)` };
  const local = { year, month, day, hour, minute, second, millisecond };
  const off = m[8];
  if (!off) return { local };
  if (off.toUpperCase() === "Z") return { local, offsetMinutes: 0 };
  const sign = off.startsWith("-") ? -1 : 1;
  const digits = off.slice(1).replace(":", "");
  const oh = Number(digits.slice(0, 2));
  const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (oh > 14 || om > 59) return { error: `"${text}": offset ${off} does not exist` };
  return { local, offsetMinutes: sign * (oh * 60 + om) };
}

/**
 * Resolves a date-time. `zone` is used only when the text has no offset; when there is none and
 * no zone either, that is an error the caller reports with its position.
 */
export function parseDateTime(text: string, zone: string | undefined): DateTimeResult {
  const parts = parseIsoParts(text);
  if ("error" in parts) return { ok: false, reason: parts.error };
  const { local, offsetMinutes } = parts;
  if (offsetMinutes !== undefined) {
    const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
    return { ok: true, epochMs: asUtc - offsetMinutes * 60_000, hasOffset: true, inGap: false, inOverlap: false };
  }
  if (!zone) {
    return { ok: false, reason: `"${text}" has no offset and there is no time zone to read it in; set "timezone" in the calendar or add an offset` };
  }
  const resolved = localToInstant(local, zone);
  return { ok: true, epochMs: resolved.epochMs, hasOffset: false, inGap: resolved.inGap, inOverlap: resolved.inOverlap };
}

/** `Tue 14 Jul 10:00` for people: an ISO string keeps its own offset, so its wall clock is read as written. */
export function shortTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toUTCString().slice(0, 11).replace(",", "");
  return `${day} ${m[4]}:${m[5]}`;
}
