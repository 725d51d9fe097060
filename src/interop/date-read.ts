/**
 * Dates and times as spreadsheets write them: ISO (`2026-07-14`, `2026-07-14 10:00`, with or
 * without an offset), day and month in either order with `/`, `-` or `.` (`14/07/2026`,
 * `7/14/26`, `14.07.2026`), month names (`14-Jul-2026`, `Jul 14, 2026`), Excel serial numbers
 * (`46217.4166`: days since 1899-12-30, the fraction is the time), and times with or without
 * seconds and AM/PM. Day-month order is never guessed row by row: the file decides (a day over 12
 * somewhere), or --date-format does; a file where every date could be read both ways is an error.
 */
import type { LocalDateTime } from "../time/zone.js";

export type DayOrder = "dmy" | "mdy";

export type DateRead =
  | { ok: true; local: LocalDateTime; offsetMinutes?: number; hasTime: boolean }
  | { ok: false; reason: string; ambiguous?: boolean };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})$/;

function monthOf(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i === -1 ? undefined : i + 1;
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years as Excel reads them: 00-29 are 2000s, 30-99 are 1900s.
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

/** Splits `14/07/2026 10:00` into its date and time parts (the time may be absent). */
function splitDateTime(text: string): { date: string; time?: string } {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](.+)$/.exec(t);
  if (iso) return { date: iso[1]!, time: iso[2]! };
  const m = /^(\S+(?:,? \S+,? \d{2,4})?)\s+(\d{1,2}[:.]\d{2}.*)$/.exec(t);
  return m ? { date: m[1]!, time: m[2]! } : { date: t };
}

/** The (first, second) numbers of a numeric date with the year last, for deciding the order. */
export function dayMonthPair(text: string): [number, number] | undefined {
  const m = NUMERIC.exec(splitDateTime(text).date);
  if (!m || m[1]!.length > 2 || m[2] === ".") return undefined; // ISO-like, or dotted (always day first)
  return [Number(m[1]), Number(m[3])];
}

/** The order the file's numeric dates are in, or the two dates that disagree. */
export function decideDayOrder<T extends { value: string }>(dates: readonly T[]): { order?: DayOrder; conflict?: [dayFirst: T, monthFirst: T] } {
  let dayFirst: T | undefined;
  let monthFirst: T | undefined;
  for (const d of dates) {
    const pair = dayMonthPair(d.value);
    if (!pair) continue;
    if (pair[0] > 12) dayFirst ??= d;
    if (pair[1] > 12) monthFirst ??= d;
  }
  if (dayFirst && monthFirst) return { conflict: [dayFirst, monthFirst] };
  return dayFirst ? { order: "dmy" } : monthFirst ? { order: "mdy" } : {};
}

function readDate(text: string, order: DayOrder | undefined): { y: number; m: number; d: number } | { reason: string; ambiguous?: boolean } {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const y = fullYear(m[4]!);
    if (m[2] === ".") return { y, m: b, d: a }; // 14.07.2026: the dotted form is day first everywhere
    const resolved = order ?? (a > 12 ? "dmy" : b > 12 ? "mdy" : undefined);
    if (!resolved) {
      return { reason: `"${text}" could be day/month or month/day; say which with --date-format dmy or mdy`, ambiguous: true };
    }
    return resolved === "dmy" ? { y, m: b, d: a } : { y, m: a, d: b };
  }
  // 14-Jul-2026, 14 Jul 2026, Jul 14 2026, July 14, 2026
  m = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ ,-]+(\d{2,4})$/i.exec(text);
  if (m && monthOf(m[2]!)) return { y: fullYear(m[3]!), m: monthOf(m[2]!)!, d: Number(m[1]) };
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{2,4})$/i.exec(text);
  if (m && monthOf(m[1]!)) return { y: fullYear(m[3]!), m: monthOf(m[1]!)!, d: Number(m[2]) };
  return { reason: `"${text}" is not a date; write 2026-07-14, 14/07/2026 or 07/14/2026` };
}

function readTime(text: string): { h: number; mi: number; s: number; offsetMinutes?: number } | { reason: string } {
  const t = text.trim();
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*([ap])?\.?\s*(?:m\.?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return { reason: `"${text}" is not a time; write 10:00, 10:00:00 or 10:00 AM` };
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return { reason: `"${text}": hour ${h} does not exist on a 12-hour clock` };
    h = (h % 12) + (meridiem === "p" ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return { reason: `"${text}" is not a time of day` };
  const off = m[5];
  if (!off) return { h, mi, s };
  if (off.toUpperCase() === "Z") return { h, mi, s, offsetMinutes: 0 };
  const digits = off.slice(1).replace(":", "");
  return { h, mi, s, offsetMinutes: (off.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) };
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An Excel serial (days since 1899-12-30, time as the fraction) as a wall clock. */
function fromSerial(serial: number): LocalDateTime {
  // Rounded to the second: Excel stores 10:00 as 0.41666…, which is a hair off in binary.
  const ms = Math.round((serial * 86_400_000) / 1000) * 1000;
  const d = new Date(EXCEL_EPOCH_UTC + ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: 0 };
}

const SERIAL = /^\d{4,6}(?:[.,]\d+)?$/;
const TIME_FRACTION = /^0?[.,]\d+$/;

/** Reads a date cell and an optional time cell (the date cell may carry the time itself). */
export function readDateTime(dateText: string, timeText: string | undefined, order: DayOrder | undefined): DateRead {
  const raw = dateText.trim();
  if (raw === "") return { ok: false, reason: "no date" };
  let local: LocalDateTime;
  let timePart: string | undefined;
  let hasTime = false;
  if (SERIAL.test(raw)) {
    local = fromSerial(Number(raw.replace(",", ".")));
    hasTime = /[.,]/.test(raw);
  } else {
    const split = splitDateTime(raw);
    const date = readDate(split.date, order);
    if ("reason" in date) return { ok: false, reason: date.reason, ...(date.ambiguous ? { ambiguous: true } : {}) };
    if (date.m < 1 || date.m > 12) return { ok: false, reason: `"${raw}": month ${date.m} does not exist` };
    if (date.d < 1 || date.d > daysIn(date.y, date.m)) return { ok: false, reason: `"${raw}": ${date.y}-${String(date.m).padStart(2, "0")} has no day ${date.d}` };
    local = { year: date.y, month: date.m, day: date.d, hour: 0, minute: 0, second: 0, millisecond: 0 };
    timePart = split.time;
  }
  const timeCell = timeText?.trim() ?? "";
  if (timePart !== undefined && timeCell !== "") return { ok: false, reason: `the date "${raw}" has a time and so has the time column ("${timeCell}"): keep one` };
  const time = timePart ?? (timeCell !== "" ? timeCell : undefined);
  if (time === undefined) return { ok: true, local, hasTime };
  if (TIME_FRACTION.test(time)) {
    const t = fromSerial(Number(time.replace(",", ".")));
    return { ok: true, local: { ...local, hour: t.hour, minute: t.minute, second: t.second }, hasTime: true };
  }
  const t = readTime(time);
  if ("reason" in t) return { ok: false, reason: t.reason };
  return {
    ok: true,
    local: { ...local, hour: t.h, minute: t.mi, second: t.s },
    ...(t.offsetMinutes !== undefined ? { offsetMinutes: t.offsetMinutes } : {}),
    hasTime: true,
  };
}

/** `2026-07-14T10:00` (seconds only when there are some): the calendar's local form. */
export function localIso(l: LocalDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(l.year, 4)}-${p(l.month)}-${p(l.day)}T${p(l.hour)}:${p(l.minute)}${l.second ? `:${p(l.second)}` : ""}`;
}
