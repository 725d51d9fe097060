/**
 * Failing back: once a channel is healthy again, undo what `failover reroute` did to its posts
 * that have not gone out yet. Pure, like the reroute planner, and it answers with the same Plan
 * shape (every action is a `failback`), so the same printers and the same writer serve both.
 *
 * - A rerouted post comes back to its channel, at its own time if that is still ahead, else at
 *   the next free slot within its max delay; the post standing in for it is removed. If neither
 *   fits, it is left as it is and flagged for review: the stand-in still covers it.
 * - A delayed post moves back towards its original time, as early as the channel allows.
 * - A mirror copy is removed if the original still goes out on its own channel.
 * - A post skipped by `failover reroute` is scheduled again if it still can go out.
 * Health must be known and good: `unknown` never triggers a failback (that would move posts onto
 * a channel nobody has seen recover).
 */
import { isUpStatus } from "../health/down.js";
import { isFailoverSkip } from "../calendar/bookkeeping.js";
import type { Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import { earliestSlot, Occupancy } from "../schedule/slots.js";
import { formatInZone } from "../time/zone.js";
import { latestTime, planned, scheduleFor, statusOf, type PlanInput } from "./plan.js";
import type { Plan, PlanAction } from "./types.js";
import { statusLabel } from "../health/status.js";

export type FailbackInput = Omit<PlanInput, "windowMs" | "strict">;

export function makeFailbackPlan(input: FailbackInput): Plan {
  const { calendar, config, now } = input;
  const zoneOf = (post?: Post) => post?.zone ?? calendar.timezone ?? config.defaults.timezone ?? "UTC";
  const iso = (t: number, post?: Post) => formatInZone(t, zoneOf(post));
  const occupancy = new Occupancy();
  for (const p of calendar.posts) if (p.status === "scheduled" || p.status === "posted") occupancy.add(p.channel, p.at);
  const standIns = new Map<string, Post[]>();
  for (const p of calendar.posts) if (p.reroutedFrom !== undefined) standIns.set(p.reroutedFrom, [...(standIns.get(p.reroutedFrom) ?? []), p]);

  const actions: PlanAction[] = [];
  const warnings: string[] = [];
  const healthy = (channel: string): boolean => isUpStatus(statusOf(input, channel), { rerouteOn: config.defaults.rerouteOn });
  const unknownWarned = new Set<string>();
  /** Every post standing in for `id`, directly or through a stand-in rerouted in turn. */
  const chainOf = (id: string): Post[] => {
    const out: Post[] = [];
    const seen = new Set([id]);
    for (let queue = [id]; queue.length > 0; ) {
      for (const s of standIns.get(queue.shift()!) ?? []) {
        if (seen.has(s.id)) continue; // a hand-edited loop of reroutedFrom: stop, do not spin
        seen.add(s.id);
        out.push(s);
        queue.push(s.id);
      }
    }
    return out;
  };
  // Only what failover did: a rerouted post it points at a stand-in from (`reroutedTo`), a skip
  // it marked, a delay (`originalAt`), a post with a mirror.
  const isCandidate = (p: Post) =>
    (p.status === "rerouted" && (p.reroutedTo !== undefined || standIns.has(p.id))) ||
    isFailoverSkip(p) ||
    (p.status === "scheduled" && (p.originalAt !== undefined || standIns.has(p.id)));
  // The first post of each chain first: restoring it takes the whole chain of stand-ins with it.
  const candidates = calendar.posts
    .filter(isCandidate)
    .sort((a, b) => Number(a.reroutedFrom !== undefined) - Number(b.reroutedFrom !== undefined) || a.at - b.at || a.index - b.index);
  const handled = new Set<string>();

  for (const post of candidates) {
    if (handled.has(post.id)) continue;
    const standing = chainOf(post.id);
    // A stand-in that has gone out (or is due already) cannot be taken back, nor can its chain.
    if (standing.some((s) => s.status === "posted" || (s.status === "scheduled" && s.at <= now))) continue;
    if (!healthy(post.channel)) {
      if (statusOf(input, post.channel) === "unknown" && !unknownWarned.has(post.channel)) {
        unknownWarned.add(post.channel);
        warnings.push(`${post.channel}'s health is unknown: its posts stay where they are until it is seen healthy`);
      }
      continue;
    }
    const channel = resolveChannel(config, post.channel);
    if (!channel) continue;
    const status = statusOf(input, post.channel);
    const schedule = scheduleFor(channel, calendar, config);
    const back = [`${post.channel} is ${statusLabel(status)} again`];

    if (post.status === "scheduled" && post.originalAt === undefined) {
      // A mirror: the original still goes out where it was; the copy is no longer needed.
      if (post.at <= now) {
        warnings.push(`${post.id}: ${post.channel} is back but the post's time has passed; its mirror ${standing.map((s) => s.id).join(", ")} stays (review it)`);
        continue;
      }
      for (const s of standing) if (s.status === "scheduled") occupancy.remove(s.channel, s.at);
      push(failbackAction(post, { channel: post.channel, at: iso(post.at, post) }, post.at, standing, [...back, `it goes out on ${post.channel} as planned`, `removes the mirror ${standing.map((s) => s.id).join(", ")}`]), standing);
      continue;
    }

    const latest = latestTime(post);
    const from = standing[0]
      ? { channel: standing[0].channel, at: iso(standing[0].at, standing[0]), text: standing[0].text }
      : { channel: post.channel, at: iso(post.at, post), text: post.text };
    if (post.status === "scheduled") {
      // A delayed post: as early as allowed, from its original time on, never later than now set.
      if (post.at <= now) continue;
      occupancy.remove(post.channel, post.at);
      const slot = earliestSlot(post.channel, schedule, occupancy, Math.max(post.originalAt!, now), post.at);
      const at = slot.ok ? slot.at : post.at;
      occupancy.add(post.channel, at);
      if (at >= post.at) continue;
      push(failbackAction(post, from, at, standing, [...back, at === post.originalAt ? "back at its original time" : `moved back to the earliest free slot on ${post.channel}`]), standing);
      continue;
    }

    const slot = earliestSlot(post.channel, schedule, occupancy, Math.max(post.at, now), latest);
    if (!slot.ok) {
      const kept = standing.length ? `; ${standing.map((s) => `${s.id} on ${s.channel}`).join(", ")} still stands in for it` : "";
      warnings.push(`${post.id}: ${post.channel} is back but the post cannot go out within its max delay (${slot.reason})${kept} (review it)`);
      continue;
    }
    for (const s of standing) if (s.status === "scheduled") occupancy.remove(s.channel, s.at);
    occupancy.add(post.channel, slot.at);
    const when = slot.at === post.at ? "at its own time" : `at ${iso(slot.at, post)}, the next free slot within its max delay`;
    push(
      failbackAction(post, from, slot.at, standing, [
        ...back,
        `restored to ${post.channel} ${when}`,
        ...(standing.length ? [`removes ${standing.map((s) => s.id).join(", ")}`] : []),
      ]),
      standing,
    );
  }

  function push(action: PlanAction, standing: Post[]): void {
    actions.push(action);
    handled.add(action.postId);
    for (const s of standing) handled.add(s.id);
  }

  function failbackAction(post: Post, from: { channel: string; at: string }, at: number, standing: Post[], reasons: string[]): PlanAction {
    const channel = resolveChannel(config, post.channel)!;
    const rewritten = input.rewrite(post, channel, config);
    return {
      postId: post.id,
      action: "failback",
      from,
      to: planned(post, channel, at, rewritten, iso),
      ...(standing.length ? { removes: standing.map((s) => s.id) } : {}),
      reasons,
      warnings: rewritten.warnings,
      line: post.line,
    };
  }

  return {
    schemaVersion: 1,
    kind: "failback",
    now: iso(now),
    calendar: calendar.file,
    calendarSha256: calendar.sha256,
    ...(config.file ? { config: config.file } : {}),
    ...(config.sha256 ? { configSha256: config.sha256 } : {}),
    window: { from: iso(now), to: iso(actions.reduce((t, a) => Math.max(t, Date.parse(a.to!.at)), now)) },
    health: Object.fromEntries([...input.health.entries()].sort(([a], [b]) => a.localeCompare(b))),
    actions,
    unroutable: [],
    warnings,
  };
}

/** The channels a failback needs the health of: those of posts failover moved away. */
export function failbackChannels(calendar: FailbackInput["calendar"]): string[] {
  const ids = new Set(calendar.posts.flatMap((p) => (p.reroutedFrom !== undefined ? [p.reroutedFrom] : [])));
  const names = new Set<string>();
  for (const p of calendar.posts) {
    if ((p.status === "rerouted" && (p.reroutedTo !== undefined || ids.has(p.id))) || isFailoverSkip(p) || p.originalAt !== undefined || ids.has(p.id)) names.add(p.channel);
  }
  return [...names].sort();
}
