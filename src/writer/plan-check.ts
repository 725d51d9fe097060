/**
 * A saved plan is a file anyone can edit: copying the calendar's sha256 into it must not make any
 * content apply. Before anything is written, every action is checked against the calendar and
 * the config: it acts on a post that exists and is in a state the action may change, it sends to
 * a channel the config knows, at a time the calendar can read, with media inside the project,
 * adds ids no post has, and takes back only stand-ins failover made from that very post. Every
 * problem is found, not just the first.
 */
import { isFailoverSkip, isNotice } from "../calendar/bookkeeping.js";
import { mediaPathProblem } from "../calendar/load.js";
import type { Calendar, Post } from "../calendar/model.js";
import { resolveChannel } from "../config/load.js";
import type { Config } from "../config/model.js";
import type { Plan, PlanAction, PlannedPost } from "../planner/types.js";
import { parseIsoParts } from "../time/datetime.js";
import { quote } from "../quote.js";
import type { DataPath } from "../yaml/source.js";

export interface PlanProblem {
  /** Where in the plan: ["actions", 3, "to", "at"]. */
  path: DataPath;
  message: string;
}

/** A time as a plan must write it: a full ISO 8601 date-time with its offset. */
const PLAN_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function planProblems(plan: Plan, calendar: Calendar, config: Config): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const byId = new Map(calendar.posts.map((p) => [p.id, p]));
  const actedOn = new Map<string, number>();
  const added = new Map<string, number>();

  plan.actions.forEach((action, i) => {
    const at = (...rest: PropertyKey[]): DataPath => ["actions", i, ...rest];
    const say = (path: DataPath, message: string) => problems.push({ path, message });
    const what = `${action.action} of ${quote(action.postId)}`;

    // One action per post, one post per new id: two edits of the same post cannot both hold.
    const firstOn = actedOn.get(action.postId);
    if (firstOn !== undefined) say(at("postId"), `a second action on ${quote(action.postId)} (the first is actions[${firstOn}])`);
    else actedOn.set(action.postId, i);
    const newId = action.action === "notice" ? action.postId : action.newPostId;
    if (newId !== undefined && action.action !== "notice") {
      const first = added.get(newId);
      if (first !== undefined) say(at("newPostId"), `${quote(newId)} is added by actions[${first}] too`);
      else added.set(newId, i);
      if (byId.has(newId)) say(at("newPostId"), `the calendar already has a post ${quote(newId)}`);
    }

    if (action.to) checkTarget(action.to, at("to"), say, config);
    const post = action.action === "notice" ? undefined : byId.get(action.postId);
    if (action.action !== "notice" && !post) {
      say(at("postId"), `the ${what} names a post the calendar does not have`);
      return;
    }
    switch (action.action) {
      case "reroute":
      case "mirror":
        if (post!.status !== "scheduled") say(at("postId"), `${quote(post!.id)} is ${post!.status}, not scheduled: it cannot be ${action.action === "reroute" ? "rerouted" : "mirrored"}`);
        if (!action.to) say(at(), `the ${what} has no target post (to)`);
        if (action.newPostId === undefined) say(at(), `the ${what} has no newPostId`);
        break;
      case "delay":
        if (post!.status !== "scheduled") say(at("postId"), `${quote(post!.id)} is ${post!.status}, not scheduled: it cannot be delayed`);
        if (!action.to) say(at(), `the ${what} has no new time (to)`);
        else if (action.to.channel !== post!.channel) say(at("to", "channel"), `a delay keeps the post on ${quote(post!.channel)}, not ${quote(action.to.channel)}`);
        break;
      case "skip":
        if (post!.status !== "scheduled") say(at("postId"), `${quote(post!.id)} is ${post!.status}, not scheduled: it cannot be skipped`);
        break;
      case "notice": {
        if (!action.to) say(at(), `the notice ${quote(action.postId)} has no text (to)`);
        const existing = byId.get(action.postId);
        if (existing && !isNotice(existing)) say(at("postId"), `the calendar already has a post ${quote(action.postId)}, and it is not a notice`);
        break;
      }
      case "failback":
        checkFailback(post!, action, at, say, byId);
        break;
    }
  });
  return problems;
}

function checkTarget(to: PlannedPost, at: DataPath, say: (path: DataPath, message: string) => void, config: Config): void {
  const channel = resolveChannel(config, to.channel);
  if (!channel) say([...at, "channel"], `unknown channel ${quote(to.channel)}: the config has no such channel and it is no platform`);
  else if (channel.platform !== to.platform) say([...at, "platform"], `${quote(to.channel)} is a ${channel.platform} channel, not ${to.platform}`);
  const parts = parseIsoParts(to.at);
  if (!PLAN_TIME.test(to.at) || "error" in parts) {
    say([...at, "at"], "error" in parts ? parts.error : `${quote(to.at)}: a plan's times are full ISO 8601 date-times with an offset (2026-07-14T10:00:00-04:00)`);
  }
  to.media?.forEach((m, k) => {
    const problem = mediaPathProblem(m.path);
    if (problem) say([...at, "media", k, "path"], problem);
  });
}

/**
 * A failback undoes what failover did, and only that: the post must carry failover's marks, and
 * what it removes must be stand-ins made (directly or through a chain) from that post.
 */
function checkFailback(post: Post, action: PlanAction, at: (...rest: PropertyKey[]) => DataPath, say: (path: DataPath, message: string) => void, byId: Map<string, Post>): void {
  const standsFor = (s: Post): boolean => {
    const seen = new Set<string>();
    for (let p: Post | undefined = s; p?.reroutedFrom !== undefined && !seen.has(p.id); p = byId.get(p.reroutedFrom)) {
      seen.add(p.id);
      if (p.reroutedFrom === post.id) return true;
    }
    return false;
  };
  const hasStandIns = [...byId.values()].some((p) => p.reroutedFrom === post.id);
  const failoverMade = post.status === "rerouted" || isFailoverSkip(post) || (post.status === "scheduled" && (post.originalAt !== undefined || hasStandIns));
  if (!failoverMade) say(at("postId"), `${quote(post.id)} (status ${post.status}) carries nothing failover did: there is nothing to fail back`);
  if (action.to && action.to.channel !== post.channel) say(at("to", "channel"), `a failback brings ${quote(post.id)} back to ${quote(post.channel)}, not ${quote(action.to.channel)}`);
  (action.removes ?? []).forEach((id, k) => {
    const standIn = byId.get(id);
    if (!standIn) say(at("removes", k), `the calendar has no post ${quote(id)}`);
    else if (!standsFor(standIn)) say(at("removes", k), `${quote(id)} is not a stand-in failover made for ${quote(post.id)}: it is not removed`);
    else if (standIn.status === "posted") say(at("removes", k), `${quote(id)} has gone out (status: posted); it cannot be taken back`);
  });
}
