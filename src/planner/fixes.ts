/**
 * What would unblock a post that has no viable backup, worked out from the same schedules and
 * health the planner used: channels that are healthy and free in time ("add them to backups"),
 * or the max delay that would let one of its own backups take it ("raise maxDelay to 14h").
 */
import type { Post } from "../calendar/model.js";
import { earliestSlot, type ChannelSchedule, type Occupancy } from "../schedule/slots.js";
import { shortTime } from "../time/datetime.js";
import { formatDuration } from "../time/duration.js";
import { listWords, noun } from "../util/words.js";

/** A channel that could carry the post: read healthy, and its adapter takes the post. */
export interface FixCandidate {
  name: string;
  schedule: ChannelSchedule;
  /** Already one of the post's backups (then only a longer max delay can help). */
  inBackups: boolean;
}

export interface FixInput {
  post: Post;
  /** The earliest the post may go out (its time, or now if that has passed). */
  earliest: number;
  /** The latest its max delay allows. */
  latest: number;
  candidates: readonly FixCandidate[];
  occupancy: Occupancy;
  /** An instant as ISO 8601 in the post's zone. */
  iso: (t: number) => string;
}

/** How far ahead a longer max delay is looked for: past a week, a post is no longer the same post. */
const LOOK_AHEAD_MS = 7 * 86_400_000;
const MINUTE = 60_000;

export function suggestFixes(input: FixInput): string[] {
  const { post, earliest, latest, occupancy } = input;
  const when = (t: number) => shortTime(input.iso(t));
  const fixes: string[] = [];

  // Healthy channels that are not backups yet and have a slot within the max delay.
  const free = input.candidates
    .filter((c) => !c.inBackups)
    .flatMap((c) => {
      const slot = earliestSlot(c.name, c.schedule, occupancy, earliest, latest);
      return slot.ok ? [{ name: c.name, at: slot.at }] : [];
    })
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
  if (free.length > 0) {
    const groups = new Map<number, string[]>();
    for (const f of free) groups.set(f.at, [...(groups.get(f.at) ?? []), f.name]);
    const [first, ...rest] = [...groups.entries()];
    const lead = `${listWords(first![1])} ${noun(first![1].length, "is", "are")} healthy and free at ${when(first![0])}`;
    const others = rest.map(([at, names]) => `${listWords(names)} at ${when(at)}`);
    fixes.push(`${[lead, ...others].join(", ")}: add ${noun(free.length, "it", "them")} to backups`);
  }

  // Its own backups, given more time: the smallest max delay that lets one take it.
  const base = post.originalAt ?? post.at;
  let best: { name: string; at: number } | undefined;
  for (const c of input.candidates.filter((x) => x.inBackups)) {
    const slot = earliestSlot(c.name, c.schedule, occupancy, earliest, earliest + LOOK_AHEAD_MS);
    if (slot.ok && slot.at > latest && (!best || slot.at < best.at)) best = { name: c.name, at: slot.at };
  }
  if (best) {
    const needed = Math.ceil((best.at - base) / MINUTE) * MINUTE;
    fixes.push(`raise maxDelay to ${formatDuration(needed)}: ${best.name} is free at ${when(best.at)}`);
  }
  return fixes;
}
