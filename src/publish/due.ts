/**
 * Which posts `failover publish` sends now (shared/CONTRACT.md, "Publishing"): their time has come
 * and is at most `late` ago, they have not gone out, been moved, skipped, refused or left
 * uncertain, and their channel has a `publish:` block. Pure: the clock is passed in.
 */
import type { Calendar, Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";

export const DEFAULT_LATE_MS = 3_600_000;

/** Statuses that are never sent (uncertain: a person decides, see docs/publishing.md). */
const NOT_SENT = new Set(["posted", "rerouted", "skipped", "failed", "uncertain"]);

export interface DueOptions {
  now: number;
  lateMs?: number;
  /** Only these channels (the command's arguments); all when empty. */
  channels?: readonly string[];
}

export function duePosts(calendar: Calendar, config: Config, options: DueOptions): Post[] {
  const late = options.lateMs ?? DEFAULT_LATE_MS;
  const only = options.channels && options.channels.length > 0 ? new Set(options.channels) : undefined;
  return calendar.posts
    .filter((p) => p.at <= options.now && p.at >= options.now - late && !NOT_SENT.has(p.status))
    .filter((p) => (!only || only.has(p.channel)) && resolveChannel(config, p.channel)?.publish !== undefined)
    .sort((a, b) => a.at - b.at || a.index - b.index);
}

/** Posts whose time came more than `late` ago and never went out: reported, not sent. */
export function missedPosts(calendar: Calendar, config: Config, options: DueOptions): Post[] {
  const late = options.lateMs ?? DEFAULT_LATE_MS;
  const only = options.channels && options.channels.length > 0 ? new Set(options.channels) : undefined;
  return calendar.posts.filter(
    (p) => p.status === "scheduled" && p.at < options.now - late && p.at >= options.now - 24 * 3_600_000 && (!only || only.has(p.channel)) && resolveChannel(config, p.channel)?.publish !== undefined,
  );
}
