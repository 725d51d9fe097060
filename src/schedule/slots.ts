/**
 * Finding a time a channel may post at: inside one of its posting windows (in its own zone,
 * correct across DST changes) and at least `minGap` away from every other post on it. Each
 * channel's occupied times are kept sorted, so a gap check is a binary search, not a scan:
 * planning stays O(n log n) over an agency's year of posts.
 */
import { localToInstant, zonedParts } from "../time/zone.js";
import type { PostingWindow } from "./windows.js";

export interface ChannelSchedule {
  zone: string;
  windows: PostingWindow[];
  minGapMs: number;
}

/** Enough to find the next opening of any weekly window, and the one we are inside. */
const DAYS_BACK = 1;
const DAYS_AHEAD = 8;

function addDays(year: number, month: number, day: number, k: number) {
  const d = new Date(Date.UTC(year, month - 1, day + k));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

function instantAt(date: { year: number; month: number; day: number }, minute: number, zone: string): number {
  const extra = Math.floor(minute / 1440);
  const d = addDays(date.year, date.month, date.day, extra);
  const m = minute - extra * 1440;
  return localToInstant({ ...d, hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 }, zone).epochMs;
}

/** The concrete [start, end) intervals of the windows around an instant, sorted by start. */
export function windowIntervals(t: number, schedule: ChannelSchedule, daysBack = DAYS_BACK, daysAhead = DAYS_AHEAD): Array<[number, number]> {
  const local = zonedParts(t, schedule.zone);
  const out: Array<[number, number]> = [];
  for (let k = -daysBack; k <= daysAhead; k++) {
    const date = addDays(local.year, local.month, local.day, k);
    for (const w of schedule.windows) {
      if (!w.days.includes(date.weekday)) continue;
      const start = instantAt(date, w.startMinute, schedule.zone);
      const end = instantAt(date, w.endMinute, schedule.zone);
      if (end > start) out.push([start, end]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The earliest instant >= t inside a window (t itself with no windows), or undefined within a week. */
export function nextOpen(t: number, schedule: ChannelSchedule): number | undefined {
  if (schedule.windows.length === 0) return t;
  let best: number | undefined;
  for (const [start, end] of windowIntervals(t, schedule)) {
    if (t >= start && t < end) return t;
    if (start > t && (best === undefined || start < best)) best = start;
  }
  return best;
}

/** The latest instant <= t inside a window (t itself with no windows), or undefined within a week. */
export function previousOpen(t: number, schedule: ChannelSchedule): number | undefined {
  if (schedule.windows.length === 0) return t;
  let best: number | undefined;
  for (const [start, end] of windowIntervals(t, schedule, DAYS_AHEAD, DAYS_BACK)) {
    if (t >= start && t < end) return t;
    // The last minute of a window that closed before t.
    const last = end - 60_000;
    if (end <= t && last >= start && (best === undefined || last > best)) best = last;
  }
  return best;
}

/** Sorted instants at which a channel already posts (existing posts and planned ones). */
export class Occupancy {
  private readonly times = new Map<string, number[]>();

  add(channel: string, at: number): void {
    let list = this.times.get(channel);
    if (!list) this.times.set(channel, (list = []));
    list.splice(lowerBound(list, at), 0, at);
  }

  remove(channel: string, at: number): void {
    const list = this.times.get(channel);
    if (!list) return;
    const i = lowerBound(list, at);
    if (list[i] === at) list.splice(i, 1);
  }

  /** A post on the channel closer than `gap` to t (strictly), if any: the nearest one. */
  conflict(channel: string, t: number, gap: number): number | undefined {
    if (gap <= 0) return undefined;
    const list = this.times.get(channel);
    if (!list || list.length === 0) return undefined;
    const i = lowerBound(list, t - gap + 1);
    const hit = list[i];
    return hit !== undefined && hit < t + gap ? hit : undefined;
  }

  /** The last post on the channel closer than `gap` to t, for searching backwards. */
  lastConflict(channel: string, t: number, gap: number): number | undefined {
    if (gap <= 0) return undefined;
    const list = this.times.get(channel);
    if (!list || list.length === 0) return undefined;
    const i = lowerBound(list, t + gap) - 1;
    const hit = list[i];
    return hit !== undefined && hit > t - gap ? hit : undefined;
  }
}

function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type SlotResult = { ok: true; at: number } | { ok: false; reason: string };

/** Bounds the search: each step moves past a window or a neighbour, so this is never reached in practice. */
const MAX_STEPS = 10_000;

/** The earliest time in [earliest, latest] that fits the channel's windows and spacing. */
export function earliestSlot(channel: string, schedule: ChannelSchedule, occupancy: Occupancy, earliest: number, latest: number): SlotResult {
  let t = earliest;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (t > latest) break;
    const open = nextOpen(t, schedule);
    if (open === undefined) return { ok: false, reason: "no posting window opens within a week" };
    if (open > latest) return { ok: false, reason: "no posting window is open before its max delay runs out" };
    const clash = occupancy.conflict(channel, open, schedule.minGapMs);
    if (clash === undefined) return { ok: true, at: open };
    t = clash + schedule.minGapMs;
  }
  return { ok: false, reason: "every slot before its max delay is taken (spacing)" };
}

/** The latest time in [earliest, latest] that fits the channel's windows and spacing. */
export function latestSlot(channel: string, schedule: ChannelSchedule, occupancy: Occupancy, earliest: number, latest: number): SlotResult {
  let t = latest;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (t < earliest) break;
    const open = previousOpen(t, schedule);
    if (open === undefined || open < earliest) return { ok: false, reason: "no posting window is open within its max delay" };
    const clash = occupancy.lastConflict(channel, open, schedule.minGapMs);
    if (clash === undefined) return { ok: true, at: open };
    t = clash - schedule.minGapMs;
  }
  return { ok: false, reason: "every slot within its max delay is taken (spacing)" };
}

