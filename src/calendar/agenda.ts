/**
 * The calendar to look at (`failover list`): the posts in a window, by day, each at its time in
 * its channel's zone, with its status; stand-ins right after the post they stand in for, and the
 * crisis notices failover added marked as such. Reads only: no health, no clock of its own.
 */
import { resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import { formatInZone, zonedParts } from "../time/zone.js";
import { isNotice, isStandIn } from "./bookkeeping.js";
import type { Calendar, Post } from "./model.js";
import type { PostStatus } from "./schema.js";

export type AgendaKind = "post" | "stand-in" | "notice";

export interface AgendaEntry {
  id: string;
  channel: string;
  platform?: string;
  /** ISO 8601 in the zone below. */
  at: string;
  /** The channel's zone (else the post's, else the calendar's, else UTC): the time a person there reads. */
  zone: string;
  status: PostStatus;
  kind: AgendaKind;
  /** For a stand-in: the post it stands in for. */
  reroutedFrom?: string;
  /** For a rerouted post: its stand-in. */
  reroutedTo?: string;
  /** A delayed post: when it was first due (ISO, same zone). */
  originalAt?: string;
  reason?: string;
  text: string;
  campaign?: string;
  line: number;
}

export interface AgendaDay {
  /** YYYY-MM-DD, the first entry's local date. */
  date: string;
  entries: AgendaEntry[];
}

export interface Agenda {
  window: { from: string; to: string };
  /** Posts in the window, counted once each. */
  count: number;
  days: AgendaDay[];
}

export interface AgendaOptions {
  now: number;
  windowMs: number;
  /** Only these channels (a stand-in on another channel still shows beside its original). */
  channels?: readonly string[];
}

function zoneOf(post: Post, calendar: Calendar, config: Config): string {
  return resolveChannel(config, post.channel)?.timezone ?? post.zone ?? calendar.timezone ?? "UTC";
}

function entryOf(post: Post, calendar: Calendar, config: Config): AgendaEntry {
  const zone = zoneOf(post, calendar, config);
  const platform = resolveChannel(config, post.channel)?.platform;
  return {
    id: post.id,
    channel: post.channel,
    ...(platform ? { platform } : {}),
    at: formatInZone(post.at, zone),
    zone,
    status: post.status,
    kind: isNotice(post) ? "notice" : isStandIn(post) ? "stand-in" : "post",
    ...(post.reroutedFrom ? { reroutedFrom: post.reroutedFrom } : {}),
    ...(post.reroutedTo ? { reroutedTo: post.reroutedTo } : {}),
    ...(post.originalAt !== undefined ? { originalAt: formatInZone(post.originalAt, zone) } : {}),
    ...(post.reason ? { reason: post.reason } : {}),
    text: post.text,
    ...(post.campaign ? { campaign: post.campaign } : {}),
    line: post.line,
  };
}

function localDate(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function buildAgenda(calendar: Calendar, config: Config, options: AgendaOptions): Agenda {
  const { now, windowMs } = options;
  const wanted = options.channels && options.channels.length > 0 ? new Set(options.channels) : undefined;
  const inWindow = calendar.posts.filter((p) => p.at >= now && p.at < now + windowMs).sort((a, b) => a.at - b.at || a.index - b.index);
  const shown = new Set(inWindow.filter((p) => !wanted || wanted.has(p.channel)).map((p) => p.id));
  // A stand-in belongs beside the post it stands in for, whatever its own channel or time.
  for (const p of inWindow) if (p.reroutedFrom && shown.has(p.reroutedFrom)) shown.add(p.id);
  const standIns = new Map<string, Post[]>();
  for (const p of inWindow) {
    if (!shown.has(p.id) || !p.reroutedFrom || !shown.has(p.reroutedFrom)) continue;
    standIns.set(p.reroutedFrom, [...(standIns.get(p.reroutedFrom) ?? []), p]);
  }
  const placed = new Set<string>();
  const ordered: Post[] = [];
  const place = (p: Post) => {
    if (placed.has(p.id)) return;
    placed.add(p.id);
    ordered.push(p);
    for (const s of standIns.get(p.id) ?? []) place(s);
  };
  for (const p of inWindow) {
    if (!shown.has(p.id)) continue;
    // A stand-in whose original is listed comes with it, not at its own time.
    if (p.reroutedFrom && shown.has(p.reroutedFrom)) continue;
    place(p);
  }

  const days: AgendaDay[] = [];
  for (const post of ordered) {
    const entry = entryOf(post, calendar, config);
    // A stand-in stays on its original's day, so the two are read together.
    const date = post.reroutedFrom && placed.has(post.reroutedFrom) && days.length > 0 ? days[days.length - 1]!.date : localDate(post.at, entry.zone);
    const last = days[days.length - 1];
    if (last && last.date === date) last.entries.push(entry);
    else days.push({ date, entries: [entry] });
  }
  const zone = calendar.timezone ?? "UTC";
  return { window: { from: formatInZone(now, zone), to: formatInZone(now + windowMs, zone) }, count: ordered.length, days };
}
