/**
 * Posting windows as written in the config: "Mon-Fri 08:00-20:00", "Sat 10:00-14:00",
 * "Mon,Wed,Fri 09:00-11:30", "daily 07:00-22:00", "22:00-02:00" (overnight: the range belongs to
 * the day it starts on), "24:00" as an end means midnight. Days omitted mean every day.
 */

export interface PostingWindow {
  /** 0 = Sunday ... 6 = Saturday: the days the window opens on. */
  days: number[];
  /** Minutes after local midnight. */
  startMinute: number;
  /** Minutes after the opening day's midnight; above 1440 for an overnight window. */
  endMinute: number;
  /** As written, for messages. */
  text: string;
}

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

function dayIndex(name: string): number {
  return DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase());
}

function parseDays(spec: string): number[] | string {
  const lower = spec.toLowerCase();
  if (lower === "daily" || lower === "every day" || lower === "*") return EVERY_DAY;
  if (lower === "weekdays") return [1, 2, 3, 4, 5];
  if (lower === "weekends") return [0, 6];
  const days = new Set<number>();
  for (const part of spec.split(",")) {
    const [from, to] = part.trim().split("-").map((s) => s.trim());
    const a = dayIndex(from ?? "");
    if (a < 0 || !/^[a-z]{3,9}$/i.test(from ?? "")) return `"${from}" is not a day (Mon, Tue, ... Sun)`;
    if (to === undefined) {
      days.add(a);
      continue;
    }
    const b = dayIndex(to);
    if (b < 0 || !/^[a-z]{3,9}$/i.test(to)) return `"${to}" is not a day (Mon, Tue, ... Sun)`;
    // Ranges wrap around the week: Fri-Mon is Fri, Sat, Sun, Mon.
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

function parseClock(text: string, allow24: boolean): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return undefined;
  if (h === 24 && min === 0 && allow24) return 1440;
  if (h > 23) return undefined;
  return h * 60 + min;
}

export function parseWindow(text: string): PostingWindow | { error: string } {
  const trimmed = text.trim();
  const m = /^(?:(.+?)\s+)?(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(trimmed);
  if (!m) return { error: `"${text}" is not a posting window; write e.g. "Mon-Fri 08:00-20:00" or "daily 22:00-02:00"` };
  const days = m[1] ? parseDays(m[1]) : EVERY_DAY;
  if (typeof days === "string") return { error: `"${text}": ${days}` };
  const start = parseClock(m[2]!, false);
  const end = parseClock(m[3]!, true);
  if (start === undefined) return { error: `"${text}": ${m[2]} is not a time of day (00:00-23:59)` };
  if (end === undefined) return { error: `"${text}": ${m[3]} is not a time of day (00:00-24:00)` };
  if (start === end) return { error: `"${text}": the window opens and closes at the same time` };
  return { days, startMinute: start, endMinute: end > start ? end : end + 1440, text: trimmed };
}
