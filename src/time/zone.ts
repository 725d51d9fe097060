/**
 * IANA time zones with nothing but Intl. Converting a wall-clock time to an instant is the one
 * hard part: around a DST change a local time can be missing (spring forward) or occur twice
 * (fall back). We resolve both the way Temporal's `disambiguation: "compatible"` does, which is
 * also what calendars and cron do:
 *  - a time in a gap moves forward by the length of the gap (02:30 on a spring-forward night in
 *    New York becomes 03:30 EDT);
 *  - a time in an overlap takes the earlier of its two instants (01:30 on a fall-back night in
 *    New York is 01:30 EDT, not EST).
 * Intl is enough for this, so no date library is loaded (start-up time matters for a CLI).
 */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface ZonedParts extends LocalDateTime {
  /** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  offsetMinutes: number;
}

export type Disambiguation = "gap-forward" | "overlap-earlier";

export interface ResolvedLocal {
  epochMs: number;
  /** The local time did not exist (DST gap) and was moved forward. */
  inGap: boolean;
  /** The local time existed twice (DST overlap); the earlier instant was taken. */
  inOverlap: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
let knownZones: Set<string> | undefined;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a zone Intl knows (canonical names, links like US/Eastern, and UTC). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Every canonical zone name, for did-you-mean suggestions. */
export function allTimeZones(): Set<string> {
  knownZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return knownZones;
}

/**
 * Offsets are cached per zone and quarter hour of UTC: since 1970 every tz transition falls on a
 * quarter hour, so all instants in one bucket share an offset. Intl's formatToParts is slow
 * (microseconds each), and a plan of 20k posts asks for offsets hundreds of thousands of times.
 */
const BUCKET_MS = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

function offsetFromIntl(epochMs: number, zone: string): number {
  const p = wallClockFromIntl(epochMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Intl drops milliseconds; compare whole seconds so the offset comes out exact.
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** The zone's offset from UTC, in minutes, at an instant (e.g. -240 for EDT). */
export function offsetMinutesAt(epochMs: number, zone: string): number {
  return perQuarterHour(offsetCache, epochMs, zone, offsetFromIntl);
}

/** `compute` at the start of the instant's quarter hour in the zone, cached (see above). */
function perQuarterHour<T>(cache: Map<string, Map<number, T>>, epochMs: number, zone: string, compute: (bucketStart: number, zone: string) => T): T {
  let byBucket = cache.get(zone);
  if (!byBucket) cache.set(zone, (byBucket = new Map()));
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let value = byBucket.get(bucket);
  if (value === undefined) {
    value = compute(bucket * BUCKET_MS, zone);
    if (byBucket.size > 100_000) byBucket.clear();
    byBucket.set(bucket, value);
  }
  return value;
}

function wallClockFromIntl(epochMs: number, zone: string): LocalDateTime {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();
const nameCache = new Map<string, Map<number, string>>();

/**
 * The zone's short name at an instant as people there write it ("EDT", "GMT+2"), cached like the
 * offsets, per zone and quarter hour: a name changes only at a tz transition. `list` names the
 * zone on every row; building a formatter a row cost more than loading the calendar.
 */
export function zoneAbbreviation(epochMs: number, zone: string): string {
  return perQuarterHour(nameCache, epochMs, zone, (at) => {
    let f = nameFormatters.get(zone);
    if (!f) nameFormatters.set(zone, (f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })));
    return f.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? zone;
  });
}

/** The wall-clock time, weekday and offset in a zone at an instant. */
export function zonedParts(epochMs: number, zone: string): ZonedParts {
  const offsetMinutes = offsetMinutesAt(epochMs, zone);
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant a wall-clock time names in a zone, with DST gaps and overlaps resolved (see top). */
export function localToInstant(local: LocalDateTime, zone: string): ResolvedLocal {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  // The offsets in force a day before and a day after bracket any transition near this time
  // (no zone changes offset twice within 48 hours).
  const before = offsetMinutesAt(asUtc - 86_400_000, zone);
  const after = offsetMinutesAt(asUtc + 86_400_000, zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => offsetMinutesAt(instant, zone) * 60_000 === asUtc - instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    return { epochMs: candidates[0]!, inGap: false, inOverlap: candidates.length > 1 };
  }
  // In a gap: read the wall clock with the offset from before the change, which lands as many
  // minutes past the gap as the time was into it.
  return { epochMs: asUtc - before * 60_000, inGap: true, inOverlap: false };
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-07-14T10:00:00-04:00. */
export function formatInZone(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const off = p.offsetMinutes;
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const offset = off === 0 && zone === "UTC" ? "Z" : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}
