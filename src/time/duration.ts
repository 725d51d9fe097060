/**
 * Durations as people write them in a calendar: `90s`, `30m`, `6h`, `2d`, `1w`, `1h30m`, `250ms`.
 * Units must come largest first and each at most once, so `30m1h` is a typo, not 90 minutes.
 */

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const ORDER: Unit[] = ["w", "d", "h", "m", "s", "ms"];
/** Written out: days rather than weeks, so 14 days reads "14d", not "2w". */
const WRITE_ORDER: Unit[] = ["d", "h", "m", "s", "ms"];
const PART = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/y;

/** Units as people spell them out ("3 hours", "2 wks"), for a did-you-mean. */
const SPELLED: ReadonlyArray<[RegExp, Unit]> = [
  [/^(?:milliseconds?|millis?|msecs?)$/i, "ms"],
  [/^(?:weeks?|wks?)$/i, "w"],
  [/^(?:days?)$/i, "d"],
  [/^(?:hours?|hrs?)$/i, "h"],
  [/^(?:minutes?|mins?)$/i, "m"],
  [/^(?:seconds?|secs?)$/i, "s"],
  [/^(?:ms|w|d|h|m|s)$/i, "s"],
];

/** "3 hours" -> "3h", "1 hour 30 minutes" -> "1h30m"; undefined when it is not spelled-out units. */
export function suggestDuration(text: string): string | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)[\s,]*(?:and\s+)?/giy)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) return undefined;
  let out = "";
  for (const [, n, word] of parts) {
    const hit = SPELLED.find(([re]) => re.test(word!));
    if (!hit) return undefined;
    out += `${n}${/^(?:ms|w|d|h|m|s)$/i.test(word!) ? word!.toLowerCase() : hit[1]}`;
  }
  return out;
}

/**
 * The longest duration each setting may have: beyond these a timer overflows (Node's run at most
 * 24.8 days, then fire at once) or a time leaves the calendar's range. `validate` refuses more.
 */
export const DURATION_LIMITS = {
  /** health.deadline, health.timeout, a source's timeout and degradedAfter. */
  request: 10 * 60_000,
  /** maxDelay: how late a post may go out. */
  maxDelay: 365 * 86_400_000,
  /** minGap between two posts on a channel. */
  minGap: 30 * 86_400_000,
  /** a feed's lookback. */
  lookback: 365 * 86_400_000,
  /** --window: how far ahead to look. */
  window: 3 * 366 * 86_400_000,
} as const;

/** No duration anywhere is longer than this: it keeps every sum of times exact and in range. */
const ANY_MAX_MS = 100 * 366 * 86_400_000;

/** The refusal for a duration over `maxMs`, or undefined. */
export function durationOverLimit(ms: number, maxMs: number): string | undefined {
  return ms > maxMs ? `${formatDuration(ms)} is longer than the limit of ${formatDuration(maxMs)} here` : undefined;
}

export type DurationResult = { ok: true; ms: number } | { ok: false; reason: string };

export function parseDuration(input: string | number): DurationResult {
  if (typeof input === "number") {
    return input === 0
      ? { ok: true, ms: 0 }
      : { ok: false, reason: `a duration needs a unit, e.g. "${input}m" or "${input}s"` };
  }
  const text = input.trim();
  if (text.startsWith("-")) return { ok: false, reason: `a negative duration ("${text}") makes no sense here` };
  if (text === "") return { ok: false, reason: "an empty duration; write e.g. 30m, 6h or 1h30m" };
  if (text === "0") return { ok: true, ms: 0 };
  let ms = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const at = PART.lastIndex;
    const match = PART.exec(text);
    if (!match) {
      const hint = suggestDuration(text);
      if (hint && parseDuration(hint).ok) return { ok: false, reason: `"${text}" is not a duration; did you mean "${hint}"?` };
      return { ok: false, reason: `"${text}" is not a duration (at "${text.slice(at)}"); write e.g. 90s, 30m, 6h, 2d, 1w or 1h30m` };
    }
    const unit = match[2] as Unit;
    const index = ORDER.indexOf(unit);
    if (index <= lastUnit) {
      return { ok: false, reason: `"${text}": units must go from largest to smallest, each once (w, d, h, m, s, ms)` };
    }
    lastUnit = index;
    ms += Number(match[1]) * UNIT_MS[unit];
  }
  if (!(ms <= ANY_MAX_MS)) return { ok: false, reason: `"${text}" is longer than any duration failover takes (100 years)` };
  return { ok: true, ms: Math.round(ms) };
}

/** The shortest exact spelling of a duration, e.g. 5_400_000 -> "1h30m". */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  const sign = ms < 0 ? "-" : "";
  let rest = Math.abs(ms);
  let out = "";
  for (const unit of WRITE_ORDER) {
    const size = UNIT_MS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return sign + out;
}
