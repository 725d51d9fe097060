/**
 * From a plan's actions to edits of the calendar (see calendar-edit.ts). What each action writes
 * is the contract's bookkeeping (shared/CONTRACT.md, "The calendar"):
 *
 * - reroute: the original gets `status: rerouted`, `reroutedTo` and `reason`; the stand-in post
 *   is inserted right after it with its own id, `reroutedFrom` and `reason`;
 * - mirror: only the copy is added; the original stays as it was;
 * - delay: `at` moves, `originalAt` keeps the time as first written, `reason` says why;
 * - skip: `status: skipped` and `reason`;
 * - notice: a new post at the end of the list, its `reason` starting with "notice:";
 * - failback: the bookkeeping keys are removed again, the stand-ins deleted, `at` restored.
 * A reroute followed by a failback at the post's own time gives back the file byte for byte.
 */
import { isStandIn, SKIPPED_BY_FAILOVER } from "../calendar/bookkeeping.js";
import type { Calendar, Post } from "../calendar/model.js";
import { FileError } from "../errors.js";
import type { Plan, PlanAction } from "../planner/types.js";
import { formatDuration } from "../time/duration.js";
import type { CalendarOp } from "./calendar-edit.js";

export class StalePlanError extends FileError {}

/** How late a planned notice may still be applied. */
const NOTICE_GRACE_MS = 30 * 60_000;

/** The calendar keys that failover writes and failback takes away again. */
const BOOKKEEPING = ["status", "reroutedTo", "reason"] as const;

export function planToOps(plan: Plan, calendar: Calendar): CalendarOp[] {
  return planEdits(plan, calendar).ops;
}

/** The edits, and how many of the plan's actions make any (a notice already sent makes none). */
export function planEdits(plan: Plan, calendar: Calendar): { ops: CalendarOp[]; actions: number } {
  let unchanged = 0;
  const byId = new Map(calendar.posts.map((p) => [p.id, p]));
  const post = (id: string, action: PlanAction): Post => {
    const found = byId.get(id);
    if (!found) throw new StalePlanError(calendar.file, `the plan's ${action.action} of "${id}" names a post the calendar does not have`);
    return found;
  };
  // Edits of a post's keys come before any post inserted after it, so they land in its lines; and
  // posts appended at the end come after a stand-in inserted after the last post.
  const keyOps: CalendarOp[] = [];
  const postOps: CalendarOp[] = [];
  const appendOps: CalendarOp[] = [];
  const reason = (a: PlanAction) => a.reasons.join("; ");

  for (const action of plan.actions) {
    const to = action.to;
    switch (action.action) {
      case "reroute":
      case "mirror": {
        const original = post(action.postId, action);
        if (original.status !== "scheduled") throw new StalePlanError(calendar.file, `"${original.id}" is ${original.status} now, not scheduled`);
        if (!to || !action.newPostId) throw new StalePlanError(calendar.file, `the plan's ${action.action} of "${original.id}" has no target post`);
        if (action.action === "reroute") {
          keyOps.push(
            { op: "set", postIndex: original.index, key: "status", value: "rerouted" },
            { op: "set", postIndex: original.index, key: "reroutedTo", value: action.newPostId },
          );
          // A stand-in rerouted in turn keeps the reason it stands in for; its own stand-in says why it moved.
          if (!isStandIn(original)) keyOps.push({ op: "set", postIndex: original.index, key: "reason", value: reason(action) });
        }
        postOps.push({ op: "insertAfter", postIndex: original.index, post: standInPost(original, action) });
        break;
      }
      case "delay": {
        const original = post(action.postId, action);
        if (!to) throw new StalePlanError(calendar.file, `the plan's delay of "${original.id}" has no new time`);
        keyOps.push({ op: "set", postIndex: original.index, key: "at", value: to.at });
        if (original.originalAtText === undefined) keyOps.push({ op: "set", postIndex: original.index, key: "originalAt", value: original.atText });
        if (!isStandIn(original)) keyOps.push({ op: "set", postIndex: original.index, key: "reason", value: reason(action) });
        break;
      }
      case "skip": {
        const original = post(action.postId, action);
        keyOps.push(
          { op: "set", postIndex: original.index, key: "status", value: "skipped" },
          // The prefix tells failback this skip is failover's to undo, not a person's decision.
          { op: "set", postIndex: original.index, key: "reason", value: `${SKIPPED_BY_FAILOVER}${reason(action)}` },
        );
        break;
      }
      case "notice": {
        if (!to) throw new StalePlanError(calendar.file, `the plan's notice "${action.postId}" has no text`);
        if (byId.has(action.postId)) {
          unchanged++; // already added by an earlier run
          continue;
        }
        appendOps.push({
          op: "append",
          post: {
            id: action.postId,
            channel: to.channel,
            at: to.at,
            text: to.text,
            ...(to.thread ? { thread: to.thread } : {}),
            reason: reason(action),
          },
        });
        break;
      }
      case "failback":
        failbackOps(post(action.postId, action), action, byId, keyOps, postOps, calendar);
        break;
    }
  }
  return { ops: [...keyOps, ...postOps, ...appendOps], actions: plan.actions.length - unchanged };
}

/**
 * Why a plan can no longer be applied as it stands, at `now`: a time it sets has passed, or a
 * stand-in it would take back has gone out or is due. The calendar's hash cannot tell: time has
 * moved, not the file. Empty when it still applies.
 */
export function timeProblems(plan: Plan, calendar: Calendar, now: number): string[] {
  const byId = new Map(calendar.posts.map((p) => [p.id, p]));
  const problems: string[] = [];
  for (const action of plan.actions) {
    // A notice goes out as soon as it can: a few minutes late (a person reading the plan first) is
    // still the right notice; half an hour late, the situation it describes may have changed.
    const grace = action.action === "notice" ? NOTICE_GRACE_MS : 0;
    if (action.to && Date.parse(action.to.at) < now - grace) {
      problems.push(`${action.postId}: the plan puts it at ${action.to.at}, which has passed`);
    }
    for (const id of action.removes ?? []) {
      const standIn = byId.get(id);
      if (standIn && (standIn.status === "posted" || (standIn.status === "scheduled" && standIn.at <= now))) {
        problems.push(`${id}: the plan takes it back, but it has gone out or is due`);
      }
    }
  }
  return problems;
}

function failbackOps(original: Post, action: PlanAction, byId: Map<string, Post>, keyOps: CalendarOp[], postOps: CalendarOp[], calendar: Calendar): void {
  const at = action.to ? Date.parse(action.to.at) : original.at;
  if (Number.isNaN(at)) throw new StalePlanError(calendar.file, `the plan's failback of "${original.id}" has an unreadable time`);
  const backAtOriginal = original.originalAt !== undefined && at === original.originalAt;
  const i = original.index;
  // A stand-in brought back keeps its own reason (why it stands in); only what its reroute added goes.
  if (original.status !== "scheduled") for (const key of BOOKKEEPING) if (key !== "reason" || !isStandIn(original)) keyOps.push({ op: "delete", postIndex: i, key });
  if (backAtOriginal) {
    keyOps.push({ op: "set", postIndex: i, key: "at", value: original.originalAtText! });
    keyOps.push({ op: "delete", postIndex: i, key: "originalAt" });
    if (original.status === "scheduled" && !isStandIn(original)) keyOps.push({ op: "delete", postIndex: i, key: "reason" });
  } else if (at !== original.at) {
    keyOps.push({ op: "set", postIndex: i, key: "at", value: action.to!.at });
    if (original.originalAtText === undefined) keyOps.push({ op: "set", postIndex: i, key: "originalAt", value: original.atText });
  }
  for (const id of action.removes ?? []) {
    const standIn = byId.get(id);
    if (!standIn) throw new StalePlanError(calendar.file, `the plan removes "${id}", which the calendar does not have`);
    if (standIn.status === "posted") throw new StalePlanError(calendar.file, `"${id}" has gone out (status: posted); it cannot be taken back`);
    postOps.push({ op: "remove", postIndex: standIn.index });
  }
}

/** The post that stands in for a rerouted (or mirrored) one, as it is written into the calendar. */
function standInPost(original: Post, action: PlanAction): Record<string, unknown> {
  const to = action.to!;
  const at = Date.parse(to.at);
  // Its last moment stays the original's: a stand-in must not go out later than the original could.
  const remainingMs = Math.max(0, Math.floor(((original.originalAt ?? original.at) + original.maxDelayMs - at) / 1000) * 1000);
  const linkInText = original.link !== undefined && to.text.includes(original.link);
  const media = to.media ?? original.media;
  return {
    id: action.newPostId,
    channel: to.channel,
    at: to.at,
    text: to.text,
    ...(to.thread ? { thread: to.thread } : {}),
    ...(to.title !== undefined ? { title: to.title } : {}),
    ...(original.link !== undefined && !linkInText ? { link: original.link } : {}),
    // What the target platform takes (Bluesky: the first four images), else the original's.
    ...(media.length ? { media: media.map((m) => ({ path: m.path, kind: m.kind, ...(m.alt !== undefined ? { alt: m.alt } : {}) })) } : {}),
    ...(original.campaign !== undefined ? { campaign: original.campaign } : {}),
    maxDelay: formatDuration(remainingMs),
    reroutedFrom: original.id,
    reason: action.reasons.join("; "),
  };
}
